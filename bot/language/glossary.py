"""Hard words: find them in an answer and explain each once per conversation.

"Banjul e.V. bekommt eine Zuwendung." becomes
"Banjul e.V. bekommt eine Zuwendung. e.V. Das heißt: eingetragener Verein. …
Zuwendung. Das heißt: Die Stadt gibt Geld für ein Projekt. …"
The action keeps the returned set of explained terms in the slot ``explained_terms``.
Entries come from knowledge/glossary.yml (``load_glossary``) or from the database
(``bot.queries.glossary.all_terms``); both are ``GlossaryEntry`` objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot.config import KNOWLEDGE_DIR
from bot.language.format import MEDIOPUNKT, split_compounds
from bot.language.readability import LIST_MARKERS, analyse
from bot.queries.facts import GlossaryEntry

GLOSSARY_FILE = KNOWLEDGE_DIR / "glossary.yml"
EXPLANATION_MARK = "Das heißt:"
# Right after a word: the text explains it itself ("Zuwendung heißt: …", "„TOP“ bedeutet: …").
EXPLAINED_AFTER = re.compile(r"[“”\"]?\.?\s*(?:Das heißt:|heißt:|bedeutet:)")


class GlossaryError(ValueError):
    """knowledge/glossary.yml is not a list of {term, aliases, explanation}."""


@dataclass(frozen=True)
class TermMatch:
    entry: GlossaryEntry
    start: int
    end: int
    text: str  # the form as it stands in the text


def load_glossary(path: Path = GLOSSARY_FILE) -> tuple[GlossaryEntry, ...]:
    """Reads and checks the glossary file; raises GlossaryError with the reason."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise GlossaryError(f"{path}: nicht lesbar: {error}") from error
    if not isinstance(data, list):
        raise GlossaryError(f"{path}: erwartet wird eine Liste von Einträgen")
    entries, seen = [], {}
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise GlossaryError(f"{path}: Eintrag {number} ist kein Eintrag mit term/explanation")
        term, explanation = item.get("term"), item.get("explanation")
        aliases = item.get("aliases") or []
        if not isinstance(term, str) or not term.strip():
            raise GlossaryError(f"{path}: Eintrag {number} hat kein Wort (term)")
        if not isinstance(explanation, str) or not explanation.strip():
            raise GlossaryError(f"{path}: '{term}' hat keine Erklärung (explanation)")
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise GlossaryError(f"{path}: '{term}': aliases muss eine Liste von Wörtern sein")
        for form in [term, *aliases]:
            key = form.strip().lower()
            if key in seen:
                raise GlossaryError(f"{path}: '{form}' steht bei '{seen[key]}' und bei '{term}'")
            seen[key] = term
        entries.append(
            GlossaryEntry(
                term=term.strip(),
                explanation=" ".join(explanation.split()),
                aliases=tuple(a.strip() for a in aliases),
            )
        )
    return tuple(entries)


@lru_cache(maxsize=1)
def default_entries() -> tuple[GlossaryEntry, ...]:
    return load_glossary()


def _matches_any_case(form: str) -> bool:
    # "Antrag", "einstimmig": any case. "TOP", "e.V.", "Lokaler Integrationsplan": as written.
    return form in (form.lower(), form.capitalize())


@lru_cache(maxsize=4096)
def _form_pattern(form: str) -> re.Pattern:
    # A Mediopunkt may stand between any two letters ("Integrations·beirat"),
    # any run of spaces between the words of a form.
    pieces = []
    for char in form:
        pieces.append(r"\s+" if char.isspace() else re.escape(char) + f"{MEDIOPUNKT}?")
    body = "".join(pieces)
    if body.endswith(f"{MEDIOPUNKT}?"):
        body = body[: -len(f"{MEDIOPUNKT}?")]
    flags = re.IGNORECASE if _matches_any_case(form) else 0
    return re.compile(rf"(?<![\w{MEDIOPUNKT}]){body}(?![\w{MEDIOPUNKT}])", flags)


def explanation_text(entry: GlossaryEntry) -> str:
    """ "Zuwendung. Das heißt: Die Stadt gibt Geld für ein Projekt." (Mediopunkts added)."""
    term = split_compounds(entry.term)
    head = term if term.endswith(".") else f"{term}."
    return f"{head} {EXPLANATION_MARK} {split_compounds(entry.explanation)}"


def explanation_spans(
    text: str, entries: Sequence[GlossaryEntry] | None = None
) -> list[tuple[int, int, GlossaryEntry]]:
    """Where ``text`` already holds an explanation block "X. Das heißt: …" of an entry."""
    entries = default_entries() if entries is None else entries
    spans = []
    for entry in entries:
        block = explanation_text(entry)
        start = text.find(block)
        while start != -1:
            spans.append((start, start + len(block), entry))
            start = text.find(block, start + 1)
    return sorted(spans, key=lambda s: s[0])


def find_terms(text: str, entries: Sequence[GlossaryEntry] | None = None) -> list[TermMatch]:
    """Every hard word in ``text``, in reading order; the longest form wins an overlap."""
    entries = default_entries() if entries is None else entries
    if not text:
        return []
    forms = sorted(
        ((form, entry) for entry in entries for form in (entry.term, *entry.aliases)),
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
    taken: list[TermMatch] = []
    for form, entry in forms:
        for match in _form_pattern(form).finditer(text):
            if not any(m.start < match.end() and match.start() < m.end for m in taken):
                taken.append(TermMatch(entry, match.start(), match.end(), match.group(0)))
    return sorted(taken, key=lambda m: m.start)


def _insertion_point(text: str, position: int) -> int:
    """End of the sentence at ``position``; for a list item, the end of the whole list."""
    for sentence in analyse(text).sentences:
        if sentence.start <= position < sentence.end or position < sentence.start:
            if not sentence.list_item:
                return sentence.end
            line_end = text.find("\n", sentence.start)
            while line_end != -1 and text[line_end + 1 :].lstrip(" ").startswith(LIST_MARKERS):
                line_end = text.find("\n", line_end + 1)
            return len(text) if line_end == -1 else line_end
    return len(text)


def explain_terms(
    text: str, explained: Iterable[str], entries: Sequence[GlossaryEntry] | None = None
) -> tuple[str, set[str]]:
    """Adds "X. Das heißt: …" after the sentence where a hard word first appears.

    Words in ``explained`` (this conversation so far) are not explained again; the
    returned set holds them plus the newly explained terms (as ``entry.term``).
    """
    entries = default_entries() if entries is None else entries
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
        # Text written one sentence per line gets each explanation on its own line.
        at_line_end = not text[position:].split("\n", 1)[0].strip()
        separator = "\n" if at_line_end and "\n" in text else " "
        blocks = separator.join(explanation_text(entry) for entry in insertions[position])
        text = text[:position] + separator + blocks + text[position:]
    return text, done
