"""Plain, immutable facts that the query layer (``bot.queries``) returns and the answers
(``bot.language``) are written from: the contract between the two.

Every fact carries a ``Source`` so that each answer can name where it comes from.
Names of people and organisations are exactly as written in the protocol.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from bot.core.enums import GrantStatus, Role


@dataclass(frozen=True)
class Source:
    council: str | None  # "Integrationsbeirat Linden-Limmer"
    meeting_number: int | None
    meeting_date: dt.date | None
    document: str  # file name inside knowledge/, e.g. "2019-04-01_linden-limmer_32.txt"
    paper_number: str | None = None  # decision papers: "15-2038/2011"
    agenda_number: str | None = None  # TOP
    url: str | None = None  # the public address of the document, where known
    excerpt: bool = False  # the stored text is cut off: its lists may be incomplete, no count is claimed


@dataclass(frozen=True)
class NameMatch:
    name: str  # canonical name as stored
    score: float  # 0..100 (rapidfuzz)


@dataclass(frozen=True)
class Council:
    name: str  # "Integrationsbeirat Linden-Limmer"
    district: str | None  # "Linden-Limmer"


@dataclass(frozen=True)
class GrantFact:
    application_number: str | None
    organisation: str | None  # canonical organisation name
    applicant_as_written: str | None
    amount: Decimal | None
    purpose: str | None
    status: GrantStatus
    vote_text: str | None
    source: Source
    ceiling: bool = False  # "bis zu": the amount is the most that can be paid


@dataclass(frozen=True)
class GrantTotal:
    total: Decimal
    count: int
    councils: tuple[str, ...]
    years: tuple[int, ...]
    sources: tuple[Source, ...]
    ceilings: int = 0  # how many of the amounts are ceilings ("bis zu"): the total is then a maximum


@dataclass(frozen=True)
class PersonFact:
    full_name: str  # "Rainer-Jörg Grube", or "Herr Mingers" when no given name is known
    salutation: str | None
    role: Role
    party: str | None
    function: str | None
    council: str | None
    source: Source


@dataclass(frozen=True)
class MeetingFact:
    council: str | None
    number: int | None
    date: dt.date | None
    place: str | None
    address: str | None
    start_time: dt.time | None
    end_time: dt.time | None
    end_time_approximate: bool
    source: Source


@dataclass(frozen=True)
class AgendaItemFact:
    number: str
    title: str
    source: Source


@dataclass(frozen=True)
class AttendanceFact:
    meeting: MeetingFact
    present: tuple[PersonFact, ...]
    excused: tuple[PersonFact, ...]
    absent: tuple[PersonFact, ...] = ()  # away without an excuse the protocol states


@dataclass(frozen=True)
class PassageFact:
    heading: str
    text: str
    source: Source


@dataclass(frozen=True)
class GlossaryEntry:
    term: str  # "Integrationsbeirat"
    explanation: str  # plain-language explanation, from knowledge/glossary.yml
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Lookup:
    """Result of a fuzzy lookup by name: what was found, or the closest names."""

    resolved: str | None  # the canonical name it resolved to, None when unknown
    suggestions: tuple[str, ...] = ()  # closest known names, best first


@dataclass(frozen=True)
class CuratedFact:
    """A hand-written fact from knowledge/facts.yml ("who_decides", "how_to_apply")."""

    key: str
    text: str  # plain-language text, one sentence per line
    source_note: str  # where it comes from, e.g. the protocol and TOP it is based on


@dataclass(frozen=True)
class StatementFact:
    """One sentence or list item of a protocol passage that answers a question."""

    text: str  # as written in the protocol (line breaks joined)
    passage: PassageFact
    days: tuple[tuple[int, int, int | None], ...] = ()  # the dates it names: (day, month, year or None)
    in_list: bool = False  # an item of a list ("- Leichtes Deutsch"), not a sentence
    details: tuple[str, ...] = ()  # the sub-items under it, when it is a numbered heading ("5.1. …")
