"""Sentences and words: where a sentence ends and how many words it has.

The answers use it to cut texts into sentences (hard-word explanations go after the
sentence, bullets after the list); the Leichte Sprache checker (``bot.lint``) builds
its rules and the Flesch-Amstad score on it. Word counting: a name (people, organisations,
councils from the database or passed in) and anything in quotes counts as ONE word,
and a word with a Mediopunkt ("Integrations·beirat") is one word.

Sentence splitting is our own small rule set rather than a library, because it must
know our names and abbreviations: "Banjul e.V. bekommt …" is one sentence,
"… bekommt Banjul e.V. Das Projekt …" are two, "32. Sitzung" and "1. April" are no end.
Every line is split on its own; a line starting with "- " is a list item.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from bot.core.german import MONTH_NUMBERS
from bot.language.format import protected_spans, split_compounds

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
    # In names of churches: "Ev.-luth. Kirchengemeinde …", "Kath. Pfarrgemeinde …".
    "ev.-luth",
    "ev.-ref",
    "evang",
    "kath",
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
_END = re.compile(r"[.!?]+[\"“”»«)]*(?=\s|$)")
WORD_CHARS = re.compile(r"[\w]")


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


def name_variants(names: Iterable[str]) -> set[str]:
    """Names as written and with Mediopunkts (a council name may be written with them)."""
    variants = set()
    for name in names:
        if name and name.strip():
            variants.add(name.strip())
            variants.add(_with_mediopunkts(name.strip()))
    return variants


@lru_cache(maxsize=65536)
def _with_mediopunkts(name: str) -> str:
    return split_compounds(name)


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
        if word in MONTH_NUMBERS or not next_is_capital:
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
    return sum(1 for token in "".join(pieces).split() if WORD_CHARS.search(token))


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
