"""Sentences, words and the German Flesch reading ease (Flesch-Amstad).

Word counting follows the Leichte Sprache checker: a name (people, organisations,
councils from the database or passed in) and anything in quotes counts as ONE word,
and a word with a Mediopunkt ("Integrations·beirat") is one word.

Sentence splitting is our own small rule set rather than a library, because it must
know our names and abbreviations: "Banjul e.V. bekommt …" is one sentence,
"… bekommt Banjul e.V. Das Projekt …" are two, "32. Sitzung" and "1. April" are no end.
Every line is split on its own; a line starting with "- " is a list item.

Flesch-Amstad = 180 − ASL − 58.5 × ASW (ASL: words per sentence, ASW: syllables per
word). ``flesch_amstad`` scores our own wording: a name or quote is one word in ASL
and left out of ASW (we cannot simplify "Rainer-Jörg Grube"); ``flesch_amstad_all_words``
is the textbook score with every word, for comparison with other tools. Syllables come
from pyphen's German hyphenation dictionary; a digit counts as one syllable (a rough
reading length of a number).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pyphen

from bot.language.format import MEDIOPUNKT, MONTHS, protected_spans, split_compounds

LIST_MARKERS = ("- ", "• ", "* ", "– ")

# Abbreviations after which a sentence never ends ("Nr. 4", "z. B. ein Verein").
_NEVER_END = {
    "nr",
    "z",
    "b",
    "zb",
    "z.b",
    "ca",
    "vgl",
    "dr",
    "hr",
    "fr",
    "st",
    "str",
    "tel",
    "stellv",
    "i",
    "i.v",
    "u",
    "u.a",
    "d",
    "d.h",
    "ggf",
    "evtl",
    "inkl",
    "bzw",
    "sog",
}
# Abbreviations that may end a sentence: then the next word starts with a capital.
_MAY_END = {"e.v", "v", "usw", "etc", "ev"}
# Words that start a new sentence after a number with a dot ("… waren es 12. Das …").
_SENTENCE_STARTERS = {
    "das",
    "der",
    "die",
    "dem",
    "den",
    "ein",
    "eine",
    "er",
    "es",
    "sie",
    "ich",
    "wir",
    "dann",
    "danach",
    "dort",
    "da",
    "und",
    "aber",
    "möchten",
    "bitte",
    "mehr",
    "im",
    "in",
    "am",
    "bei",
    "von",
    "zum",
    "zur",
    "wer",
    "was",
    "wann",
    "wo",
    "wie",
}
_MONTHS_LOWER = {m.lower() for m in MONTHS}
_END = re.compile(r"[.!?]+[\"“”»«)]*(?=\s|$)")
_WORD_CHARS = re.compile(r"[\w]")


@dataclass(frozen=True)
class Sentence:
    text: str
    start: int  # offsets into the analysed text
    end: int
    list_item: bool  # a line "- …"
    words: int  # names and quotes count as one word


@dataclass(frozen=True)
class Analysis:
    """A text cut into sentences, with names and quotes masked for the rules."""

    text: str
    masked: str  # same length; names and quotes replaced by "_"
    spans: tuple[tuple[int, int], ...]  # protected spans (names, quotes)
    sentences: tuple[Sentence, ...]

    def masked_sentence(self, sentence: Sentence) -> str:
        return self.masked[sentence.start : sentence.end]


@dataclass(frozen=True)
class TextStats:
    sentences: int
    prose_sentences: int  # without list items
    words: int
    words_per_sentence: float  # mean over prose sentences (all sentences if there is no prose)
    max_sentence_words: int
    flesch_amstad: float | None  # None for a text without words


def name_variants(names: Iterable[str]) -> set[str]:
    """Names as written and with Mediopunkts (a council name may be written with them)."""
    variants = set()
    for name in names:
        if name and name.strip():
            variants.add(name.strip())
            variants.add(split_compounds(name.strip()))
    return variants


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans become one, the longest name wins."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _is_boundary(line: str, end: int, spans: list[tuple[int, int]]) -> bool:
    """Does the punctuation that ends at ``end`` (exclusive) end a sentence?"""
    rest = line[end:].lstrip('"“”»«‘)').lstrip()  # closing quotes belong to this sentence
    next_word = rest.split(maxsplit=1)[0] if rest else ""
    next_is_capital = bool(next_word) and next_word[0].isupper()
    punctuation = line[end - 1]
    inside = [s for s in spans if s[0] < end <= s[1]]
    if inside:
        # A period that is part of a name ("Banjul e.V.") or a quote („… gut.“) ends a
        # sentence only at the end of it, and only before a capital or the end of the line.
        start, stop = inside[0]
        at_end = not line[end:stop].strip('"“”»«‘')
        return at_end and (not next_word or next_is_capital)
    if punctuation in "!?":
        return True
    token = line[:end].split()[-1] if line[:end].split() else ""
    core = token.rstrip('."“”»«)').lstrip('("„«»').lower()
    if core in _NEVER_END or (len(core) == 1 and core.isalpha()):
        return False
    if core in _MAY_END:
        return not next_word or next_is_capital
    if core.isdigit():
        if not next_word:
            return True
        word = next_word.strip(",.;:").lower()
        if word in _MONTHS_LOWER or not next_is_capital:
            return False  # "1. April", "32. sitzung" (lower case: no new sentence)
        # "… 12. Das …", "… 2019. Dann …" end a sentence; "32. Sitzung" does not.
        return word in _SENTENCE_STARTERS or len(core) > 3
    return True


def _count_words(text: str, spans: list[tuple[int, int]], offset: int) -> int:
    """Words in ``text`` (which starts at ``offset``); every protected span is one word."""
    pieces, last = [], 0
    for start, end in spans:
        start, end = start - offset, end - offset
        if end <= 0 or start >= len(text):
            continue
        pieces.append(text[last : max(start, 0)])
        pieces.append(" NAME ")
        last = min(end, len(text))
    pieces.append(text[last:])
    return sum(1 for token in "".join(pieces).split() if _WORD_CHARS.search(token))


def analyse(text: str, names: Iterable[str] = ()) -> Analysis:
    """Cuts ``text`` into sentences (each line on its own) and masks names and quotes."""
    text = text or ""
    spans = _merge(protected_spans(text, name_variants(names)))
    masked = list(text)
    for start, end in spans:
        masked[start:end] = "_" * (end - start)
    sentences: list[Sentence] = []
    position = 0
    for line in text.split("\n"):
        line_start = position
        position += len(line) + 1
        stripped = line.lstrip()
        if not stripped.strip():
            continue
        is_item = stripped.startswith(LIST_MARKERS)
        line_spans = [(s - line_start, e - line_start) for s, e in spans if s < position and e > line_start]
        begin = len(line) - len(stripped)
        for match in _END.finditer(line):
            punctuation_end = match.start() + len(match.group(0).rstrip('"“”»«)'))
            if match.end() <= begin or not _is_boundary(line, punctuation_end, line_spans):
                continue
            sentences.append(_sentence(line, begin, match.end(), line_start, spans, is_item))
            begin = match.end()
        if line[begin:].strip():
            sentences.append(_sentence(line, begin, len(line.rstrip()), line_start, spans, is_item))
    return Analysis(text, "".join(masked), tuple(spans), tuple(_join_explanations(text, sentences)))


def _join_explanations(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """ "Zuwendung. Das heißt: …" is one statement: the lone word is not a sentence of its own."""
    joined: list[Sentence] = []
    for sentence in sentences:
        if not sentence.words:
            continue
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and sentence.text.startswith("Das heißt:")
            and previous.words <= 3
            and "\n" not in text[previous.end : sentence.start]
        ):
            joined[-1] = Sentence(
                text[previous.start : sentence.end],
                previous.start,
                sentence.end,
                previous.list_item,
                previous.words + sentence.words,
            )
        else:
            joined.append(sentence)
    return joined


def _sentence(line, begin, end, line_start, spans, is_item) -> Sentence:
    while begin < end and line[begin].isspace():
        begin += 1
    part = line[begin:end]
    words = _count_words(part, spans, line_start + begin)
    return Sentence(part, line_start + begin, line_start + end, is_item, words)


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
        if _WORD_CHARS.search(token.replace("_", ""))
    ]
    if not own:
        return None
    asl = sum(s.words for s in analysis.sentences) / len(analysis.sentences)
    asw = sum(syllables(token) for token in own) / len(own)
    return round(180 - asl - 58.5 * asw, 1)


def flesch_amstad_all_words(text: str) -> float | None:
    """The textbook Flesch-Amstad: every word counts, names and quotes too."""
    analysis = analyse(text)
    words = [w for s in analysis.sentences for w in s.text.split() if _WORD_CHARS.search(w)]
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
