"""``beirat lint-language``: every text the bot can say, checked against Leichte Sprache.

Checks (1) every response in domain.yml (all variations and button titles) and
(2) every answer the actions can give for the data in the database, rendered by
``bot.lint.catalog.render_all``. Names for "one name = one word" come
from the database. Output is one record per line, tab-separated, first field a tag:

    VIOLATION  <answer>  <rule>  <message>  <sentence>
    ANSWER     <answer>  sentences=…  words_per_sentence=…  max_words=…  flesch_amstad=…  flesch_amstad_all_words=…
    SUMMARY    <key>=<value> …
    HARDEST    <rank>  <answer>  flesch_amstad=…
    TARGET     <target>  <value>  OK|FAIL
    RESULT     OK|FAIL

Exit code 0: no violation and all targets met; 1: violations or a target missed;
2: the check could not run (no catalogue, no database, unreadable domain.yml).
"""

from __future__ import annotations

import re
import statistics
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import yaml

from bot.config import REPO_ROOT
from bot.core.glossary_file import glossary_entries
from bot.language.sentences import analyse
from bot.lint.readability import flesch_amstad, flesch_amstad_all_words
from bot.lint.rules import MAX_SENTENCE_WORDS, Violation, check_text

TARGET_MEDIAN_WORDS = 10
TARGET_MAX_WORDS = MAX_SENTENCE_WORDS
TARGET_MEAN_FLESCH = 70
HARDEST_COUNT = 3
BUTTON_MARK = "(Knopf)"  # catalogue label of a button title: checked, but not counted in the statistics
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")

__all__ = ["check_text", "summarise", "run_checker", "Stats", "AnswerStats", "Violation"]


class CheckerError(RuntimeError):
    """The check cannot run; the message says why (shown to staff)."""


@dataclass(frozen=True)
class AnswerStats:
    label: str
    sentences: int
    words_per_sentence: float  # mean over prose sentences (names count as one word)
    max_sentence_words: int
    flesch_amstad: float | None  # our own words (names: one word, no syllables)
    flesch_amstad_all_words: float | None  # textbook score, names and quotes included


@dataclass(frozen=True)
class Stats:
    answers: tuple[AnswerStats, ...]
    sentences: int  # prose sentences behind the median
    median_words_per_sentence: float
    max_sentence_words: int
    mean_flesch_amstad: float | None
    mean_flesch_amstad_all_words: float | None
    hardest: tuple[AnswerStats, ...]

    def targets(self) -> list[tuple[str, float | None, bool]]:
        """(target, measured value, met?) for the three targets."""
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
            (
                f"mean_flesch_amstad>={TARGET_MEAN_FLESCH}",
                self.mean_flesch_amstad,
                self.mean_flesch_amstad is not None and self.mean_flesch_amstad >= TARGET_MEAN_FLESCH,
            ),
        ]

    @property
    def targets_met(self) -> bool:
        return all(ok for _, _, ok in self.targets())


def summarise(texts: Iterable[str | tuple[str, str]], names: Iterable[str] = (), councils: Iterable[str] = ()) -> Stats:
    """Statistics over answers: plain texts or (label, text) pairs.

    names: people, organisations, places: one word, left out of the Flesch syllables.
    councils: council names: one word in a sentence, but our own wording for Flesch
    (we write them ourselves, "Integrations·beirat Linden-Limmer").
    The median counts prose sentences only (list items like "- Banjul e.V." would
    flatter it); the longest sentence counts every sentence and list item.
    """
    names = tuple(names)
    sentence_names = names + tuple(councils)
    answers, prose_counts, all_counts = [], [], []
    for number, item in enumerate(texts, start=1):
        label, text = item if isinstance(item, tuple) else (f"Text {number}", item)
        sentences = analyse(text, sentence_names).sentences
        if not sentences:
            continue
        prose = [s.words for s in sentences if not s.list_item]
        counts = [s.words for s in sentences]
        prose_counts += prose
        all_counts += counts
        answers.append(
            AnswerStats(
                label=label,
                sentences=len(counts),
                words_per_sentence=round(statistics.mean(prose or counts), 1),
                max_sentence_words=max(counts),
                flesch_amstad=flesch_amstad(text, names),
                flesch_amstad_all_words=flesch_amstad_all_words(text),
            )
        )
    scores = [a.flesch_amstad for a in answers if a.flesch_amstad is not None]
    all_word_scores = [a.flesch_amstad_all_words for a in answers if a.flesch_amstad_all_words is not None]
    median_basis = prose_counts or all_counts
    hardest = sorted((a for a in answers if a.flesch_amstad is not None), key=lambda a: a.flesch_amstad or 0.0)
    return Stats(
        answers=tuple(answers),
        sentences=len(median_basis),
        median_words_per_sentence=float(statistics.median(median_basis)) if median_basis else 0.0,
        max_sentence_words=max(all_counts, default=0),
        mean_flesch_amstad=round(statistics.mean(scores), 1) if scores else None,
        mean_flesch_amstad_all_words=round(statistics.mean(all_word_scores), 1) if all_word_scores else None,
        hardest=tuple(hardest[:HARDEST_COUNT]),
    )


# --- What to check -----------------------------------------------------------------------------


def domain_texts(root: Path = REPO_ROOT) -> list[tuple[str, str]]:
    """(label, text) for every response variation and button title in domain.yml (or domain/)."""
    files = [root / "domain.yml"] if (root / "domain.yml").is_file() else sorted((root / "domain").glob("**/*.yml"))
    if not files:
        raise CheckerError(f"Keine domain.yml in {root} gefunden.")
    texts = []
    for path in files:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as error:
            raise CheckerError(f"{path} ist nicht lesbar: {error}") from error
        responses = data.get("responses") or {} if isinstance(data, dict) else {}
        for name, variations in responses.items():
            for index, variation in enumerate(variations or [], start=1):
                if not isinstance(variation, dict):
                    continue
                label = f"domain {name}" + (f" #{index}" if index > 1 else "")
                if isinstance(variation.get("text"), str):
                    # A slot placeholder stands for one name: "{organisation}" -> "Name".
                    texts.append((label, _PLACEHOLDER.sub("Name", variation["text"])))
                for button in variation.get("buttons") or []:
                    if isinstance(button, dict) and isinstance(button.get("title"), str):
                        texts.append((f"{label} {BUTTON_MARK}", _PLACEHOLDER.sub("Name", button["title"])))
    return texts


def names_from_database(session) -> tuple[set[str], set[str]]:
    """(names, council names) in the data. Names: people, parties, organisations,
    districts, meeting places and addresses."""
    from bot.queries import councils, grants, meetings, members

    names: set[str] = set()
    council_names: set[str] = set()

    def add_people(people) -> None:
        for person in people:
            names.add(person.full_name)
            if person.salutation and not person.full_name.startswith(person.salutation):
                names.add(f"{person.salutation} {person.full_name}")
            if person.party:
                names.add(person.party)

    for council in councils.list_councils(session):
        council_names.add(council.name)
        if council.district:
            names.add(council.district)
        add_people(members.list_members(session, council.name))
        for meeting in meetings.list_meetings(session, council.name):
            names.update(n for n in (meeting.place, meeting.address) if n)
            attendance = members.attendance(session, council.name, meeting.date)
            if attendance:
                add_people(attendance.present + attendance.excused + attendance.absent)
            add_people(members.administration(session, council.name, meeting.date))
            add_people(members.guests(session, council.name, meeting.date))
    for grant in grants.list_grants(session):
        names.update(n for n in (grant.organisation, grant.applicant_as_written) if n)

    def clean(values: set[str]) -> set[str]:
        return {n.strip() for n in values if n and n.strip()}

    return clean(names), clean(council_names)


def rendered_answers(session) -> list[tuple[str, str]]:
    """Every answer of the actions; without the catalogue the check must fail, not skip."""
    try:
        from bot.lint.catalog import render_all
    except ImportError as error:
        raise CheckerError(f"bot.lint.catalog.render_all fehlt: {error}") from error
    return [(label, text) for label, text in render_all(session) if text and text.strip()]


# --- Report ------------------------------------------------------------------------------------


def _field(text: str) -> str:
    return " ".join(str(text).replace("\t", " ").split("\n")).strip()


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:g}" if isinstance(value, int) else f"{value:.1f}"


def check_all(
    domain: Sequence[tuple[str, str]], answers: Sequence[tuple[str, str]], names: Iterable[str]
) -> list[tuple[str, Violation]]:
    """(label, violation) for all texts. Answers of the actions get their hard words
    explained when they are sent (glossary.explain_terms), so the hard-word rule is
    left to the action tests there; domain responses are sent as they are."""
    names = tuple(names)
    entries = glossary_entries()
    found = []
    for label, text in domain:
        # A button title is what the user "says" when clicking: nothing to explain there.
        on_delivery = BUTTON_MARK in label
        found += [(label, v) for v in check_text(text, names, entries=entries, explained_on_delivery=on_delivery)]
    for label, text in answers:
        found += [(label, v) for v in check_text(text, names, entries=entries, explained_on_delivery=True)]
    return found


def report(
    violations: Sequence[tuple[str, Violation]],
    stats: Stats,
    texts: Sequence[tuple[str, str]],
    verbose: bool,
    out: TextIO,
) -> int:
    for label, violation in violations:
        print(
            "\t".join(
                ["VIOLATION", _field(label), violation.rule, _field(violation.message), _field(violation.excerpt)]
            ),
            file=out,
        )
    if verbose:
        flagged = {label for label, _ in violations}
        for label, text in texts:
            if label in flagged:
                print("\t".join(["TEXT", _field(label), text.replace("\n", "\\n")]), file=out)
    for answer in stats.answers:
        print(
            "\t".join(
                [
                    "ANSWER",
                    _field(answer.label),
                    f"sentences={answer.sentences}",
                    f"words_per_sentence={_number(answer.words_per_sentence)}",
                    f"max_words={answer.max_sentence_words}",
                    f"flesch_amstad={_number(answer.flesch_amstad)}",
                    f"flesch_amstad_all_words={_number(answer.flesch_amstad_all_words)}",
                ]
            ),
            file=out,
        )
    rules = sorted({v.rule for _, v in violations})
    print(
        "\t".join(
            [
                "SUMMARY",
                f"texts={len(texts)}",
                f"answers={len(stats.answers)}",
                f"sentences={stats.sentences}",
                f"violations={len(violations)}",
                f"rules_violated={','.join(rules) or '-'}",
            ]
        ),
        file=out,
    )
    print(
        "\t".join(
            [
                "SUMMARY",
                f"median_words_per_sentence={_number(stats.median_words_per_sentence)}",
                f"max_sentence_words={stats.max_sentence_words}",
                f"mean_flesch_amstad={_number(stats.mean_flesch_amstad)}",
                f"mean_flesch_amstad_all_words={_number(stats.mean_flesch_amstad_all_words)}",
            ]
        ),
        file=out,
    )
    for rank, answer in enumerate(stats.hardest, start=1):
        print(
            "\t".join(["HARDEST", str(rank), _field(answer.label), f"flesch_amstad={_number(answer.flesch_amstad)}"]),
            file=out,
        )
    for target, value, ok in stats.targets():
        print("\t".join(["TARGET", target, _number(value), "OK" if ok else "FAIL"]), file=out)
    passed = not violations and stats.targets_met
    print("\t".join(["RESULT", "OK" if passed else "FAIL"]), file=out)
    return 0 if passed else 1


def run_checker(verbose: bool = False, out: TextIO | None = None, database_url: str | None = None) -> int:
    """``beirat lint-language``. Returns the exit code (0 ok, 1 violations, 2 cannot run)."""
    out = out or sys.stdout
    try:
        from bot.db.session import session_scope

        domain = domain_texts()
        with session_scope(database_url) as session:
            names, council_names = names_from_database(session)
            answers = rendered_answers(session)
    except CheckerError as error:
        print(f"ERROR\t{_field(str(error))}", file=out)
        print("RESULT\tERROR", file=out)
        return 2
    except Exception as error:  # noqa: BLE001 - staff tool: say what broke, exit 2, no traceback
        print(f"ERROR\t{type(error).__name__}: {_field(str(error))}", file=out)
        print("RESULT\tERROR", file=out)
        return 2
    if not answers:
        print("ERROR\tDer Katalog hat keine Antworten geliefert (leere Datenbank?).", file=out)
        print("RESULT\tERROR", file=out)
        return 2
    texts = [*domain, *answers]
    violations = check_all(domain, answers, names | council_names)
    counted = [(label, text) for label, text in texts if BUTTON_MARK not in label]
    stats = summarise(counted, names, council_names)
    return report(violations, stats, texts, verbose, out)
