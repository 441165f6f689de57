"""The German Flesch reading ease (Flesch-Amstad) and text statistics for the checker.

Flesch-Amstad = 180 − ASL − 58.5 × ASW (ASL: words per sentence, ASW: syllables per
word). ``flesch_amstad`` scores our own wording: a name or quote is one word in ASL
and left out of ASW (we cannot simplify "Rainer-Jörg Grube"); ``flesch_amstad_all_words``
is the textbook score with every word, for comparison with other tools. Syllables come
from pyphen's German hyphenation dictionary; a digit counts as one syllable (a rough
reading length of a number). Sentences and words: ``bot.language.sentences``.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pyphen

from bot.language.format import MEDIOPUNKT
from bot.language.sentences import WORD_CHARS, analyse


@dataclass(frozen=True)
class TextStats:
    sentences: int
    prose_sentences: int  # without list items
    words: int
    words_per_sentence: float  # mean over prose sentences (all sentences if there is no prose)
    max_sentence_words: int
    flesch_amstad: float | None  # None for a text without words


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


def flesch_amstad(text: str, names: Iterable[str] = ()) -> float | None:
    """Flesch-Amstad of our own wording: 180 − ASL − 58.5 × ASW.

    ASL counts a name or a quote as one word (like the sentence-length rule); ASW
    leaves names and quotes out, because we cannot make them easier. None when the
    text has no words of our own (a bare list of names).
    """
    analysis = analyse(text, names)
    own = [
        token
        for sentence in analysis.sentences
        for token in analysis.masked_sentence(sentence).split()
        if WORD_CHARS.search(token.replace("_", ""))
    ]
    if not own:
        return None
    asl = sum(s.words for s in analysis.sentences) / len(analysis.sentences)
    asw = sum(syllables(token) for token in own) / len(own)
    return round(180 - asl - 58.5 * asw, 1)


def flesch_amstad_all_words(text: str) -> float | None:
    """The textbook Flesch-Amstad: every word counts, names and quotes too."""
    analysis = analyse(text)
    words = [w for s in analysis.sentences for w in s.text.split() if WORD_CHARS.search(w)]
    if not words:
        return None
    asl = len(words) / len(analysis.sentences)
    asw = sum(syllables(w) for w in words) / len(words)
    return round(180 - asl - 58.5 * asw, 1)


def text_stats(text: str, names: Iterable[str] = ()) -> TextStats:
    analysis = analyse(text, names)
    counts = [s.words for s in analysis.sentences]
    prose = [s.words for s in analysis.sentences if not s.list_item]
    basis = prose or counts
    return TextStats(
        sentences=len(counts),
        prose_sentences=len(prose),
        words=sum(counts),
        words_per_sentence=round(statistics.mean(basis), 1) if basis else 0.0,
        max_sentence_words=max(counts, default=0),
        flesch_amstad=flesch_amstad(text, names),
    )
