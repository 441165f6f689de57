"""Sentences as a reader meets them, counted honestly, for the Leichte Sprache checker.

The answers are written one statement per line, but a line break is no full stop: a
line without ".", "!" or "?" at its end runs on into the next line ("Das Projekt
heißt:" + the title on its own line is ONE sentence). A list line ("- …") is a unit of
its own, and so is the line that introduces a list ("Das sind die Anträge:").
Every word counts: names and quoted titles too, with all their syllables. Names and
quotes are only masked for the style rules (we cannot rewrite a name), never for counting.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.language.sentences import LIST_MARKERS, WORD_CHARS, Analysis, analyse


@dataclass(frozen=True)
class Unit:
    text: str  # as in the message (line breaks inside a sentence become spaces)
    start: int
    end: int
    list_item: bool
    words: int  # every word: names and quotes word by word


def _is_item(line: str) -> bool:
    return line.lstrip().startswith(LIST_MARKERS)


def flatten(text: str) -> str:
    """The text with every line break that does not end a sentence or a list line made a space.

    Same length as ``text``: offsets stay valid for the masks of ``analyse``.
    """
    lines = text.split("\n")
    out = []
    for index, line in enumerate(lines):
        out.append(line)
        if index == len(lines) - 1:
            break
        following = next((ln for ln in lines[index + 1 :] if ln.strip()), "")
        # A line ending in ":" introduces what follows on its own line (a list, a long
        # title): that line is counted by itself, and the introduction too.
        keep = _is_item(line) or _is_item(following) or not following or line.rstrip().endswith(":")
        # An empty line ends a paragraph (an explanation stands in one of its own).
        keep = keep or not line.strip() or not lines[index + 1].strip()
        out.append("\n" if keep else " ")
    return "".join(out)


def words_in(text: str) -> list[str]:
    return [token for token in text.split() if WORD_CHARS.search(token)]


def analyse_units(text: str, names: Iterable[str] = ()) -> tuple[Analysis, list[Unit]]:
    """(analysis with names and quotes masked, the honest sentences) of one message."""
    flat = flatten(text or "")
    analysis = analyse(flat, names)
    units = []
    for sentence in analysis.sentences:
        piece = flat[sentence.start : sentence.end]
        count = len(words_in(piece))
        if count:
            units.append(Unit(piece.strip(), sentence.start, sentence.end, sentence.list_item, count))
    return analysis, units
