"""``beirat lint-language``: every text the bot can send, as delivered, against Leichte Sprache.

Checks (1) the fixed texts: every response in domain.yml (variations and button titles),
the widget's texts (web/src/config.js) and the channels' texts (Telegram and the guard);
(2) every answer the actions can give, rendered as the user receives it (hard words
explained, the next page, the buttons; ``bot.lint.catalog.render_all``), on three
databases built fresh (``bot.lint.corpora``): the seed protocol, the real documents in
knowledge/protocols and a slice of the scale corpus. Every word counts, names and
quoted titles too (``bot.lint.units``). Output: one tab-separated record per line.

    VIOLATION  <corpus>  <text>  <rule>  <message>  <sentence>
    ANSWER     <corpus>  <text>  sentences=…  words_per_sentence=…  max_words=…  flesch_amstad=…   (--verbose)
    SUMMARY    <corpus>  <key>=<value> …
    HARDEST    <corpus>  <rank>  <text>  flesch_amstad=…
    TARGET     <corpus>  <target>  <value>  OK|FAIL
    REVIEW     templates=…  checked=…  not_checked=…
    RESULT     OK|FAIL

Floors for every answer: Flesch-Amstad >= 55 and at most 12 words in a sentence (list
lines aside). Targets for each corpus: median <= 8 words per sentence, mean Flesch-Amstad >= 70.
Exit code 0: no violation and all targets met; 1: violations or a target missed;
2: the check could not run (no catalogue, no database, unreadable sources).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from bot.actions.common import MAX_EXPLANATIONS
from bot.core.glossary_file import glossary_entries
from bot.language.glossary import explanation_spans
from bot.lint.readability import text_stats
from bot.lint.rules import MAX_SENTENCE_WORDS, Violation, check_text
from bot.lint.sources import BUTTON_MARK, SourceError, channel_texts, domain_texts, names_from_database, widget_texts
from bot.lint.units import analyse_units

TARGET_MEDIAN_WORDS = 8
TARGET_MEAN_FLESCH = 70
FLOOR_FLESCH = 55
TARGET_MAX_WORDS = MAX_SENTENCE_WORDS
HARDEST_COUNT = 3
FIXED = "fest"  # the group of fixed texts: domain.yml, widget, channels

__all__ = ["check_text", "summarise", "run_checker", "Stats", "AnswerStats", "Violation", "domain_texts"]


class CheckerError(RuntimeError):
    """The check cannot run; the message says why (shown to staff)."""


@dataclass(frozen=True)
class AnswerStats:
    label: str
    sentences: int
    words_per_sentence: float  # mean over sentences outside lists; every word counts
    max_sentence_words: int  # longest sentence outside lists
    flesch_amstad: float | None


@dataclass(frozen=True)
class Stats:
    answers: tuple[AnswerStats, ...]
    sentences: int  # sentences outside lists, behind the median
    median_words_per_sentence: float
    max_sentence_words: int
    mean_flesch_amstad: float | None
    min_flesch_amstad: float | None
    mean_flesch_amstad_with_lists: float | None  # for information: list lines (names, amounts) too
    hardest: tuple[AnswerStats, ...]

    def targets(self) -> list[tuple[str, float | None, bool]]:
        """(target, measured value, met?): the two targets and the two floors."""
        mean, low = self.mean_flesch_amstad, self.min_flesch_amstad
        return [
            (
                f"median_words_per_sentence<={TARGET_MEDIAN_WORDS}",
                self.median_words_per_sentence,
                self.median_words_per_sentence <= TARGET_MEDIAN_WORDS,
            ),
            (
                f"max_sentence_words<={TARGET_MAX_WORDS}",
                self.max_sentence_words,
                self.max_sentence_words <= TARGET_MAX_WORDS,
            ),
            (f"mean_flesch_amstad>={TARGET_MEAN_FLESCH}", mean, mean is not None and mean >= TARGET_MEAN_FLESCH),
            (f"min_flesch_amstad>={FLOOR_FLESCH}", low, low is None or low >= FLOOR_FLESCH),
        ]

    @property
    def targets_met(self) -> bool:
        return all(ok for _, _, ok in self.targets())


def summarise(texts: Iterable[str | tuple[str, str]], names: Iterable[str] = (), councils: Iterable[str] = ()) -> Stats:
    """Statistics over answers: plain texts or (label, text) pairs.

    Every word counts, names and quotes too; ``names`` and ``councils`` only help to find
    where a sentence ends ("Banjul e.V. bekommt …"). The median and the longest sentence
    leave list lines out ("- Banjul e.V." would flatter the median).
    """
    known = (*names, *councils)
    answers: list[AnswerStats] = []
    prose_counts: list[int] = []
    with_lists: list[float] = []
    for number, item in enumerate(texts, start=1):
        label, text = item if isinstance(item, tuple) else (f"Text {number}", item)
        stats = text_stats(text, known)
        if not stats.sentences:
            continue
        prose_counts += stats.prose_counts
        if stats.flesch_amstad_with_lists is not None:
            with_lists.append(stats.flesch_amstad_with_lists)
        answers.append(
            AnswerStats(label, stats.sentences, stats.words_per_sentence, stats.max_sentence_words, stats.flesch_amstad)
        )
    scores = [a.flesch_amstad for a in answers if a.flesch_amstad is not None]
    hardest = sorted((a for a in answers if a.flesch_amstad is not None), key=lambda a: a.flesch_amstad or 0.0)
    return Stats(
        answers=tuple(answers),
        sentences=len(prose_counts),
        median_words_per_sentence=float(statistics.median(prose_counts)) if prose_counts else 0.0,
        max_sentence_words=max(prose_counts, default=0),
        mean_flesch_amstad=round(statistics.mean(scores), 1) if scores else None,
        min_flesch_amstad=min(scores) if scores else None,
        mean_flesch_amstad_with_lists=round(statistics.mean(with_lists), 1) if with_lists else None,
        hardest=tuple(hardest[:HARDEST_COUNT]),
    )


# --- What to check -----------------------------------------------------------------------------


def fixed_texts() -> list[tuple[str, str]]:
    """domain.yml, the widget and the channels."""
    try:
        return [*domain_texts(), *widget_texts(), *channel_texts()]
    except SourceError as error:
        raise CheckerError(str(error)) from error


def rendered_answers(session) -> list[tuple[str, str]]:
    """Every answer of the actions as delivered; without the catalogue the check must fail, not skip."""
    try:
        from bot.lint.catalog import render_all
    except ImportError as error:
        raise CheckerError(f"bot.lint.catalog.render_all fehlt: {error}") from error
    return [(label, text) for label, text in render_all(session) if text and text.strip()]


def distinct(texts: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each text once (the first label): the same sentence in 40 answers is read once."""
    seen: dict[str, str] = {}
    for label, text in texts:
        seen.setdefault(text, label)
    return [(label, text) for text, label in seen.items()]


def check_all(texts: Sequence[tuple[str, str]], names: Iterable[str]) -> list[tuple[str, Violation]]:
    """(label, violation) for texts as delivered: hard words must be explained in them."""
    names = tuple(names)
    entries = glossary_entries()
    found = []
    for label, text in texts:
        # A button title is what the user "says" when clicking: nothing to explain there.
        button = BUTTON_MARK in label
        explained: frozenset[str] = getattr(text, "explained", frozenset())  # a follow-up page
        on_delivery = button or not getattr(text, "explains", True)
        violations = check_text(text, names, explained, entries=entries, explained_on_delivery=on_delivery)
        if len(explanation_spans(text, entries)) >= MAX_EXPLANATIONS:
            # A message explains at most MAX_EXPLANATIONS words; the others are explained
            # where they next appear (bot.actions.common.explain): not a fault of this one.
            violations = [v for v in violations if v.rule != "hard_word"]
        units = analyse_units(text, names)[1]
        if not button and units and all(u.list_item for u in units):
            violations.append(Violation("list_alone", "Eine Liste braucht einen Satz davor.", text[:80]))
        found += [(label, v) for v in violations]
    return found


def floor_violations(stats: Stats) -> list[tuple[str, Violation]]:
    return [
        (a.label, Violation("flesch_floor", f"Flesch-Amstad {a.flesch_amstad} (mindestens {FLOOR_FLESCH})", ""))
        for a in stats.answers
        if a.flesch_amstad is not None and a.flesch_amstad < FLOOR_FLESCH
    ]


@dataclass
class Group:
    name: str
    texts: list[tuple[str, str]]
    violations: list[tuple[str, Violation]]
    stats: Stats


def lint_group(name: str, texts: list[tuple[str, str]], names: set[str]) -> Group:
    texts = distinct(texts)
    counted = [(label, text) for label, text in texts if BUTTON_MARK not in label]
    stats = summarise(counted, names)
    return Group(name, texts, check_all(texts, names) + floor_violations(stats), stats)


def lint_database(name: str, url: str | None) -> tuple[Group, list[tuple[str, str]], set[str]]:
    from bot.db.session import session_scope

    with session_scope(url) as session:
        names, council_names = names_from_database(session)
        answers = rendered_answers(session)
    if not answers:
        raise CheckerError(f"Der Katalog hat keine Antworten geliefert (leere Datenbank {name}?).")
    return lint_group(name, answers, names | council_names), answers, names | council_names


def run_checker(
    verbose: bool = False,
    out: TextIO | None = None,
    database_url: str | None = None,
    corpora: Sequence[str] = ("seed", "real", "scale"),
    strict: bool = False,
    write_baseline: bool = False,
) -> int:
    """``beirat lint-language``. Returns the exit code (0 ok, 1 violations, 2 cannot run).

    ``database_url``: check the answers of that one database instead of building the corpora.
    """
    from bot.lint.report import report

    out = out or sys.stdout
    try:
        fixed = fixed_texts()
        groups = [lint_group(FIXED, fixed, set())]
        rendered: list[tuple[str, str]] = []
        words: set[str] = set()
        if database_url is not None:
            group, rendered, words = lint_database("db", database_url)
            groups.append(group)
        else:
            from bot.lint.corpora import build

            with tempfile.TemporaryDirectory(prefix="beirat-lint-") as folder:
                for corpus in build(Path(folder), tuple(corpora)):
                    group, answers, names = lint_database(corpus.name, corpus.url)
                    groups.append(group)
                    if corpus.name == "real":  # the review group reads real renderings
                        rendered, words = answers, names
    except CheckerError as error:
        return _error(out, str(error))
    except Exception as error:  # noqa: BLE001 - staff tool: say what broke, exit 2, no traceback
        return _error(out, f"{type(error).__name__}: {error}")
    if write_baseline:
        from bot.lint import baseline

        baseline.write(groups)
    return report(groups, fixed + rendered, words, verbose, out, strict=strict or database_url is not None)


def _error(out: TextIO, message: str) -> int:
    print("ERROR\t" + " ".join(message.split()), file=out)
    print("RESULT\tERROR", file=out)
    return 2
