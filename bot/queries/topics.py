"""Grants by subject: "Wer hat Geld für ein Sprachkurs-Projekt bekommen?".

A subject matches a grant when one of its word parts is part of a word of the grant's
text: the purpose, the organisation's name, and the protocol sentences about that
application (from the sentence that names the organisation up to one that names another
applicant of the same document). German compounds count by their parts: "Fußballturnier"
finds "Internationales Fußball", "Turnier" finds "Das geplante Fußballturnier".

Parts come from three places: hyphens ("Fußball-Turnier"), the split forms of
bot/language/compounds.txt (read as a word list; the query layer imports no answers), and
the subject groups below, which say which words belong to a subject people ask about
("Sprache" also means "Sprachförderung", "Fest" also "Sommerfest" and "Neujahrsempfang").
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import cache
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.facts import GrantFact
from bot.core.names import name_key, organisation_key
from bot.db import fts
from bot.db import schema as s
from bot.queries.cache import cached
from bot.queries.grants import list_grants

COMPOUNDS_FILE = Path(__file__).resolve().parents[1] / "language" / "compounds.txt"

# Words of a subject question that name no subject ("ein Sprachkurs-Projekt").
GENERIC = frozenset(
    {
        "projekt",
        "projekte",
        "projekten",
        "projekts",
        "verein",
        "vereine",
        "geld",
        "thema",
        "themen",
        "bereich",
        "forderung",
        "zuwendung",
        "zuwendungen",
        "antrag",
        "antrage",
        "durchfuhrung",
        "organisation",
        "unterstutzung",
        "angebot",
        "angebote",
        "aktivitaten",
        "programm",
        "hannover",
        "integrationsbeirat",
        "integrationsbeirates",
        "beirat",
        "gefordert",
        "bekommen",
        "sachen",
        "etwas",
    }
)

# Subjects people ask about: the words that name one (triggers, also inside a compound:
# "Sprachkurs", "Kinderfest") and the word parts that belong to it (normalised: no umlauts,
# "ß" as "ss"). A question with a trigger means the whole group; "Fußballturnier" names no
# trigger and means just its own parts (fussball, turnier).
SUBJECTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sport": (("sport",), ("sport", "fussball", "turnier", "selbstverteidigung", "schwimm")),
    "sprache": (("sprach", "deutschkurs"), ("sprach", "deutschkurs", "arabischkurs", "deutsch lernen")),
    "frauen": (("frau", "madchen"), ("frauen", "madchen", "frauencafe")),
    "kinder": (("kind", "jugend", "familie"), ("kind", "kita", "schuler", "jugend", "familie", "ferien", "eltern")),
    "fest": (("fest", "feier", "party"), ("fest", "feier", "neujahrsempfang", "weihnacht", "tafel")),
    "musik": (("musik",), ("musik", "chor", "konzert", "singen")),
    "fluchtlinge": (("fluchtling", "gefluchtet", "asyl"), ("fluchtling", "gefluchtet", "asyl")),
    "senioren": (("senior",), ("senior", "alterer", "altere", "alte menschen")),
    "kunst": (("kunst",), ("kunst", "theater", "film", "malen")),
    "umwelt": (("umwelt",), ("umwelt", "garten", "natur")),
    "ausflug": (("ausflug",), ("ausflug", "zoo", "fahrt")),
}

MIN_PART = 4  # shorter parts ("bau", "zoo" excepted by the groups) say too little
MIN_STRIPPED = 5  # an inflection ending is cut only when this much word is left
_SHORT_OK = frozenset(p for _triggers, group in SUBJECTS.values() for p in group if len(p) < MIN_PART)
_ENDINGS = ("innen", "ern", "en", "er", "es", "e", "n", "s")


def normal(text: str) -> str:
    """Lower case, "ß" as "ss", no umlauts or accents; hyphens and spaces kept."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    return "".join(char for char in text if not unicodedata.combining(char))


def _words(text: str) -> list[str]:
    """Words with their hyphen parts and joined forms: "fußball-turnier" → fussball, turnier, fussballturnier."""
    words: list[str] = []
    for token in re.findall(r"\w+(?:-\w+)*", normal(text)):
        parts = [p for p in token.split("-") if p]
        words += parts
        if len(parts) > 1:
            words.append("".join(parts))
    return words


def _stripped(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STRIPPED:
            return word[: -len(ending)]
    return word


@cache
def compound_parts() -> frozenset[str]:
    """The parts of the compounds in compounds.txt ("Stadt·teil·projekt" → stadt, teil, projekt)."""
    parts: set[str] = set()
    for line in COMPOUNDS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            parts.update(normal(p) for p in line.split("·") if len(p) >= MIN_PART)
    return frozenset(parts)


def _inside(part: str, word: str) -> bool:
    """``part`` is the start of ``word`` or a later part of a compound (not "kurs" in "Exkursion")."""
    at = word.find(part)
    while at != -1:
        if at == 0 or at >= 3:
            return True
        at = word.find(part, at + 1)
    return False


def _own_parts(word: str) -> set[str]:
    """A word, its stem, and the known parts inside it ("fussballturnier" → fussball, turnier)."""
    known = compound_parts() | {p for _triggers, group in SUBJECTS.values() for p in group if " " not in p}
    parts = {word, _stripped(word)}
    parts.update(p for p in known if len(p) >= MIN_PART and p != word and _inside(p, word))
    return parts


def _clean(parts: set[str]) -> frozenset[str]:
    return frozenset(p for p in parts if p not in GENERIC and (len(p) >= MIN_PART or p in _SHORT_OK))


def requirements(text: str) -> list[list[frozenset[str]]]:
    """What a subject asks for: per word of the question, the sets of parts a grant must
    all match (one part of each set). A compound of two subjects needs both: "Kinderfest"
    is about children and a festival; a word of no known subject needs one of its own parts."""
    stops = {normal(w) for w in fts.stop_words()}
    found: list[list[frozenset[str]]] = []
    for token in re.findall(r"\w+(?:-\w+)*", normal(text)):
        pieces = [p for p in token.split("-") if p and p not in GENERIC and p not in stops]
        word = "".join(pieces)
        if len(word) < MIN_PART:
            continue
        groups = [
            _clean(set(group))
            for triggers, group in SUBJECTS.values()
            if any(_inside(trigger, word) for trigger in triggers)
        ]
        own = set().union(*(_own_parts(piece) for piece in [word, *pieces]))
        found.append(groups or [_clean(own)])
    return [sets for sets in found if all(sets)]


def subject_parts(text: str) -> frozenset[str]:
    """Every word part a subject question stands for ("Sprachkurs-Projekt" → sprachkurs, sprach, …)."""
    return frozenset(part for sets in requirements(text) for parts in sets for part in parts)


def asked_words(text: str) -> frozenset[str]:
    """The subject's own words (no stop or generic words): "Fußballturnier" → fussballturnier."""
    stops = {normal(w) for w in fts.stop_words()}
    return frozenset(w for w in _words(text) if w not in GENERIC and w not in stops and len(w) >= MIN_PART)


def matches(parts: frozenset[str], text: str, words: frozenset[str] = frozenset()) -> bool:
    """A part of the subject is part of a word of ``text``; or a word of ``text`` (five letters
    or more) is the last part of one of the subject's own ``words`` ("Turnier" of "Fußballturnier")."""
    flat = " ".join(_words(text))
    text_words = [w for w in _words(text) if w not in GENERIC]
    for part in parts:
        if " " in part:
            if f" {part} " in f" {flat} ":
                return True
        elif any(_inside(part, word) for word in text_words):
            return True
    stops = {normal(w) for w in fts.stop_words()}
    long_words = {w for w in text_words if len(w) >= MIN_STRIPPED and w not in stops}
    # Only as the last part: "Turnier" in "Fußballturnier", not "Deutsch" in "Deutschkurse".
    return any(asked.endswith(word) and asked != word for word in long_words for asked in words & parts)


def _mentions(key_text: str, keys: dict[int, set[str]], indexes: list[int]) -> list[tuple[int, int]]:
    """(position, grant index) of every place the normalised passage names an applicant;
    where two spellings overlap, the longer one counts."""
    found: list[tuple[int, int, int]] = []
    padded = f" {key_text} "
    for index in indexes:
        for key in keys[index]:
            at = padded.find(f" {key} ")
            while at != -1:
                found.append((at, -len(key), index))
                at = padded.find(f" {key} ", at + 1)
    found.sort()
    mentions: list[tuple[int, int]] = []
    covered = -1
    for at, negative_length, index in found:
        if at >= covered:
            mentions.append((at, index))
            covered = at - negative_length
    return mentions


def _applicant_keys(session: Session, grants: list[GrantFact]) -> dict[int, set[str]]:
    """Per grant (by list index): the normalised spellings that name its applicant."""
    aliases: dict[str, set[str]] = defaultdict(set)
    rows = session.execute(select(s.Organisation.name, s.OrganisationAlias.name).join(s.OrganisationAlias))
    for organisation, alias in rows:
        aliases[organisation].add(organisation_key(alias))
    keys: dict[int, set[str]] = {}
    for index, grant in enumerate(grants):
        names = {grant.organisation, grant.applicant_as_written} - {None}
        found = {organisation_key(n) for n in names if n} | aliases.get(grant.organisation or "", set())
        keys[index] = {k for k in found if k}
    return keys


def grant_texts(session: Session, grants: list[GrantFact]) -> list[str]:
    """Per grant: its purpose, its applicant and what the protocol says about it: the text
    from a place that names the applicant up to the next place that names another one."""
    keys = _applicant_keys(session, grants)
    by_document: dict[str, list[int]] = defaultdict(list)
    for index, grant in enumerate(grants):
        by_document[grant.source.document].append(index)
    texts = [" ".join(x for x in (g.purpose, g.organisation, g.applicant_as_written) if x) for g in grants]
    rows = session.execute(
        select(s.Document.file_name, s.Passage.text)
        .join(s.Document, s.Passage.document_id == s.Document.id)
        .where(s.Document.file_name.in_(list(by_document)))
        .order_by(s.Passage.document_id, s.Passage.position, s.Passage.id)
    )
    for document, passage in rows:
        key_text = name_key(passage or "")
        mentions = _mentions(key_text, keys, by_document[document])
        for (at, index), following in zip(mentions, [*mentions[1:], (len(key_text) + 2, -1)], strict=False):
            texts[index] += "\n" + key_text[at : following[0]]
    return texts


@cached
def grants_for_subject(
    session: Session, text: str | None, *, council: str | None = None, year: int | None = None
) -> list[GrantFact]:
    """Grants (each application once, latest state) whose text matches the subject, oldest first."""
    needed = requirements(text or "")
    if not needed:
        return []
    words = asked_words(text or "")
    grants = list_grants(session, council=council, year=year)
    texts = grant_texts(session, grants)
    return [
        grant
        for grant, grant_text in zip(grants, texts, strict=True)
        if any(all(matches(parts, grant_text, words) for parts in sets) for sets in needed)
    ]
