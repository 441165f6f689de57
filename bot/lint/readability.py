"""The German Flesch reading ease (Flesch-Amstad) and text statistics for the checker.

Flesch-Amstad = 180 − ASL − 58.5 × ASW (ASL: words per sentence, ASW: syllables per
word), counted over every word a reader reads: names and quotes included. Syllables
come from pyphen's German hyphenation dictionary; a digit counts as one syllable (a
rough reading length of a number). Sentences and words: ``bot.lint.units``.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pyphen

from bot.language.format import MEDIOPUNKT
from bot.lint.units import Unit, analyse_units, words_in


@dataclass(frozen=True)
class TextStats:
    sentences: int
    prose_sentences: int  # without list items
    words: int
    words_per_sentence: float  # mean over prose sentences (all sentences if there is no prose)
    max_sentence_words: int  # longest sentence outside lists
    # Of the sentences outside lists (list lines hold names and amounts we cannot make
    # easier); None for a text without such sentences.
    flesch_amstad: float | None
    prose_counts: tuple[int, ...] = ()  # words of each sentence outside lists
    flesch_amstad_with_lists: float | None = None  # list lines too (mostly names and amounts)


# --- Flesch-Amstad ----------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _hyphenator() -> pyphen.Pyphen:
    # left=1 counts a one-letter first syllable ("A-bend", "I-dee"); right stays 2 because
    # right=1 splits off single consonants ("be-an-trag-t").
    return pyphen.Pyphen(lang="de_DE", left=1, right=2)


@lru_cache(maxsize=4096)
def syllables(word: str) -> int:
    """Syllables of one word; parts joined by Mediopunkt or hyphen are counted apart."""
    total = 0
    for part in re.split(rf"[{MEDIOPUNKT}\-/]", word):
        digits = sum(ch.isdigit() for ch in part)
        letters = "".join(ch for ch in part if ch.isalpha())
        if letters:
            total += len(_hyphenator().positions(letters)) + 1
        total += digits
    return total


def _score(units: list[Unit]) -> float | None:
    words = [word for unit in units for word in words_in(unit.text)]
    if not words:
        return None
    asl = len(words) / len(units)
    asw = sum(syllables(word) for word in words) / len(words)
    return round(180 - asl - 58.5 * asw, 1)


def flesch_amstad(text: str, names: Iterable[str] = ()) -> float | None:
    """Flesch-Amstad as a reader meets the text: 180 − ASL − 58.5 × ASW.

    Every word counts, names and quoted titles too, with all their syllables; sentences
    as in ``bot.lint.units`` (a line break is no full stop). ``names`` only keep a name
    like "Banjul e.V." from ending a sentence. None for a text without words.
    """
    return _score(analyse_units(text, names)[1])


def flesch_amstad_all_words(text: str) -> float | None:
    """The same score without names: kept for callers of the earlier two-score report."""
    return flesch_amstad(text)


def text_stats(text: str, names: Iterable[str] = ()) -> TextStats:
    units = analyse_units(text, names)[1]
    counts = [u.words for u in units]
    prose = [u.words for u in units if not u.list_item]
    basis = prose or counts
    return TextStats(
        sentences=len(counts),
        prose_sentences=len(prose),
        words=sum(counts),
        words_per_sentence=round(statistics.mean(basis), 1) if basis else 0.0,
        max_sentence_words=max(prose, default=0),
        flesch_amstad=_score([u for u in units if not u.list_item]),
        prose_counts=tuple(prose),
        flesch_amstad_with_lists=_score(units),
    )
