"""Hard words: find them in an answer and explain each once per conversation.

"Banjul e.V. bekommt eine Zuwendung." becomes
"Banjul e.V. bekommt eine Zuwendung.\n\ne.V. Das heißt: eingetragener Verein. …\n\n
Zuwendung. Das heißt: Die Stadt gibt Geld für ein Projekt. …": each explanation is a
paragraph of its own after the sentence that uses the word; never inside a list and
never between an answer and its source ("Das steht …").
The action keeps the returned set of explained terms in the slot ``explained_terms``.
The entries are always passed in (``GlossaryEntry`` facts): the actions take them from
the database (``bot.queries.glossary.all_terms``), the checker from the file
(``bot.core.glossary_file``). Nothing here reads a file or the database.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from bot.core.facts import GlossaryEntry
from bot.language.format import MEDIOPUNKT, split_compounds
from bot.language.sentences import LIST_MARKERS, analyse

EXPLANATION_MARK = "Das heißt:"
# Right after a word: the text explains it itself ("Zuwendung heißt: …", "„TOP“ bedeutet: …").
EXPLAINED_AFTER = re.compile(r"[“”\"]?\.?\s*(?:Das heißt:|heißt:|bedeutet:)")


@dataclass(frozen=True)
class TermMatch:
    entry: GlossaryEntry
    start: int
    end: int
    text: str  # the form as it stands in the text


def _matches_any_case(form: str) -> bool:
    # "Antrag", "einstimmig": any case. "TOP", "e.V.", "Lokaler Integrationsplan": as written.
    return form in (form.lower(), form.capitalize())


@lru_cache(maxsize=4096)
def _form_pieces(form: str) -> tuple[str, ...]:
    # A Mediopunkt may stand between any two letters ("Integrations·beirat"),
    # any run of spaces between the words of a form. One regex piece per character.
    pieces = [r"\s+" if char.isspace() else re.escape(char) + f"{MEDIOPUNKT}?" for char in form]
    if pieces and pieces[-1].endswith(f"{MEDIOPUNKT}?"):
        pieces[-1] = pieces[-1][: -len(f"{MEDIOPUNKT}?")]
    return tuple(pieces)


def _first_letter(form: str) -> str:
    """The regex (a character class item) for the first character of ``form``."""
    return r"\s" if form[0].isspace() else re.escape(form[0])


_BEFORE = rf"(?<![\w{MEDIOPUNKT}])"  # a form starts a word ...
_AFTER = rf"(?![\w{MEDIOPUNKT}])"  # ... and ends one


@lru_cache(maxsize=4096)
def _form_pattern(form: str) -> re.Pattern:
    flags = re.IGNORECASE if _matches_any_case(form) else 0
    return re.compile(rf"{_BEFORE}{''.join(_form_pieces(form))}{_AFTER}", flags)


class _FormIndex:
    """The forms of one glossary, longest first, with one regex that finds where any starts.

    ``starts`` (one alternation of all forms, in a lookahead) gives the few positions where
    some form matches; only there are the forms (those with that first letter) tried one by
    one, so the result is exactly that of every form's regex over the whole text, which took
    27 % of the action server's CPU (one ``finditer`` per form and answer).
    """

    def __init__(self, entries: tuple[GlossaryEntry, ...]):
        self.forms = sorted(
            ((form, entry) for entry in entries for form in (entry.term, *entry.aliases)),
            key=lambda pair: len(pair[0]),
            reverse=True,
        )
        self.patterns = [_form_pattern(form) for form, _ in self.forms]
        self.starts = _starts_pattern([form for form, _ in self.forms]) if self.forms else None
        # Which forms can start with a given character (found by the forms' own patterns).
        self._first: list[re.Pattern] = [
            re.compile(_first_letter(form), re.IGNORECASE if _matches_any_case(form) else 0) for form, _ in self.forms
        ]
        self._by_char: dict[str, tuple[int, ...]] = {}

    def forms_starting_with(self, char: str) -> tuple[int, ...]:
        found = self._by_char.get(char)
        if found is None:
            found = tuple(i for i, first in enumerate(self._first) if first.fullmatch(char))
            self._by_char[char] = found
        return found


def _starts_pattern(forms: list[str]) -> re.Pattern:
    """Matches (empty) where any of ``forms`` matches. Forms with the same first piece share
    a branch, so the regex engine tries few branches per word; the first letters alone rule
    out most word starts before that."""
    groups: dict[tuple[str, bool], list[str]] = {}
    for form in forms:
        pieces = _form_pieces(form)
        groups.setdefault((pieces[0], _matches_any_case(form)), []).append("".join(pieces[1:]))
    branches = []
    for (head, any_case), rests in groups.items():
        body = f"{head}(?:{'|'.join(rests)})"
        branches.append(f"(?i:{body})" if any_case else body)
    any_case_first = "".join(sorted({_first_letter(f) for f in forms if _matches_any_case(f)}))
    as_written_first = "".join(sorted({_first_letter(f) for f in forms if not _matches_any_case(f)}))
    first = "|".join(
        ([f"(?i:[{any_case_first}])"] if any_case_first else [])
        + ([f"[{as_written_first}]"] if as_written_first else [])
    )
    return re.compile(rf"{_BEFORE}(?={first})(?=(?:{'|'.join(branches)}){_AFTER})")


@lru_cache(maxsize=32)
def _index(entries: tuple[GlossaryEntry, ...]) -> _FormIndex:
    # Keyed by the entries themselves: a changed glossary (rebuilt database) gets its own.
    return _FormIndex(entries)


def explanation_text(entry: GlossaryEntry) -> str:
    """ "Zuwendung. Das heißt: Die Stadt gibt Geld für ein Projekt." (Mediopunkts added)."""
    term = split_compounds(entry.term)
    head = term if term.endswith(".") else f"{term}."
    return f"{head} {EXPLANATION_MARK} {split_compounds(entry.explanation)}"


def explanation_spans(text: str, entries: Sequence[GlossaryEntry]) -> list[tuple[int, int, GlossaryEntry]]:
    """Where ``text`` already holds an explanation block "X. Das heißt: …" of an entry."""
    spans = []
    for entry in entries:
        block = explanation_text(entry)
        start = text.find(block)
        while start != -1:
            spans.append((start, start + len(block), entry))
            start = text.find(block, start + 1)
    return sorted(spans, key=lambda s: s[0])


def find_terms(text: str, entries: Sequence[GlossaryEntry]) -> list[TermMatch]:
    """Every hard word in ``text``, in reading order; the longest form wins an overlap.

    The same as: for each form, longest first, every match of its pattern left to right
    (``finditer``: a match starts at or after the end of the one before), kept when it
    overlaps none kept so far. Forms are only tried where the alternation says one starts.
    """
    if not text:
        return []
    index = _index(tuple(entries))
    if index.starts is None:
        return []
    found: dict[int, list[tuple[int, int]]] = {}  # form -> (start, end) of every match, in order
    for hit in index.starts.finditer(text):
        position = hit.start()
        for i in index.forms_starting_with(text[position]):
            match = index.patterns[i].match(text, position)
            if match:
                found.setdefault(i, []).append((position, match.end()))
    taken: list[TermMatch] = []
    for i in sorted(found):
        entry = index.forms[i][1]
        resume = 0
        for start, end in found[i]:
            if start < resume:  # finditer would not see a match inside the one before
                continue
            resume = end
            if not any(m.start < end and start < m.end for m in taken):
                taken.append(TermMatch(entry, start, end, text[start:end]))
    return sorted(taken, key=lambda m: m.start)


def unexplained_terms(text: str, entries: Sequence[GlossaryEntry], done: Iterable[str]) -> list[TermMatch]:
    """Hard words in ``text`` that still need an explanation: not in ``done`` (lower case)
    and not explained by the text itself ("Das Wort „X“ bedeutet: …"), so that such a word
    does not take one of the few explanations of a message."""
    done = set(done)
    return [
        m
        for m in find_terms(text, entries)
        if m.entry.term.lower() not in done and not EXPLAINED_AFTER.match(text, m.end)
    ]


# The source of an answer starts with "Das steht …" (``format.format_source``); an
# explanation never comes between an answer and its source.
SOURCE_START = "Das steht "
PARAGRAPH = "\n\n"


def _source_block(text: str) -> tuple[int, int] | None:
    """(start, end) of the source lines at the end of an answer (before a closing question)."""
    lines = text.split("\n")
    offsets, position = [], 0
    for line in lines:
        offsets.append(position)
        position += len(line) + 1
    first = next((i for i, line in enumerate(lines) if line.lstrip().startswith(SOURCE_START)), None)
    if first is None:
        return None
    last = first
    # The source's own lines follow it; a question ("Möchten Sie mehr wissen?") is the end.
    while last + 1 < len(lines) and lines[last + 1].strip() and not lines[last + 1].rstrip().endswith("?"):
        if lines[last + 1].lstrip().startswith(LIST_MARKERS):
            break
        last += 1
    return offsets[first], offsets[last] + len(lines[last])


def _insertion_point(text: str, position: int) -> int:
    """Where the explanation of a word at ``position`` goes: after its sentence; after the
    whole list for a list item; after the source when the sentence is the last before it."""
    point = len(text)
    for sentence in analyse(text).sentences:
        if sentence.start <= position < sentence.end or position < sentence.start:
            point = sentence.end
            if sentence.list_item:
                line_end = text.find("\n", sentence.start)
                while line_end != -1 and text[line_end + 1 :].lstrip(" ").startswith(LIST_MARKERS):
                    line_end = text.find("\n", line_end + 1)
                point = len(text) if line_end == -1 else line_end
            break
    # A line that introduces a list ("Das sind die Anträge:") keeps its list.
    following = text[point:].lstrip(" ")
    if following.startswith("\n") and following.lstrip().startswith(LIST_MARKERS):
        return _insertion_point(text, point + len(text[point:]) - len(following.lstrip()))
    source = _source_block(text)
    if source and (source[0] <= position < source[1] or (point <= source[0] and not text[point : source[0]].strip())):
        return source[1]
    return point


def explain_terms(text: str, explained: Iterable[str], entries: Sequence[GlossaryEntry]) -> tuple[str, set[str]]:
    """Adds "X. Das heißt: …" after the sentence where a hard word first appears.

    Words in ``explained`` (this conversation so far) are not explained again; the
    returned set holds them plus the newly explained terms (as ``entry.term``).
    """
    done = set(explained or ())
    if not text:
        return text or "", done
    done_lower = {term.lower() for term in done}
    existing = explanation_spans(text, entries)
    for _, _, entry in existing:  # the text explains it already (a glossary answer)
        done.add(entry.term)
        done_lower.add(entry.term.lower())

    matches = find_terms(text, entries)
    for match in matches:
        if EXPLAINED_AFTER.match(text, match.end):
            done.add(match.entry.term)
            done_lower.add(match.entry.term.lower())

    insertions: dict[int, list[GlossaryEntry]] = {}
    for match in matches:
        if match.entry.term.lower() in done_lower:
            continue
        if any(start <= match.start < end for start, end, _ in existing):
            continue
        insertions.setdefault(_insertion_point(text, match.start), []).append(match.entry)
        done.add(match.entry.term)
        done_lower.add(match.entry.term.lower())

    for position in sorted(insertions, reverse=True):
        # Each explanation is a short paragraph of its own, set off by empty lines, so that
        # every channel shows it apart (the widget draws a box around it).
        blocks = PARAGRAPH.join(explanation_text(entry) for entry in insertions[position])
        before, after = text[:position].rstrip(" \n"), text[position:].lstrip(" \n")
        text = before + PARAGRAPH + blocks + (PARAGRAPH + after if after else "")
    return text, done
