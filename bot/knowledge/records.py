"""Typed, immutable records that the parser produces from one document.

The parser never talks to the database: text goes in, a ``DocumentRecord`` comes
out. ``bot.importer.writer`` is the only code that turns records into rows. Names follow
OParl where it has one (Body/Organization, Meeting, AgendaItem, Person, Membership).
The enums (``Role``, ``GrantStatus`` …) live in ``bot.core.enums`` and are re-exported
here, so parser code keeps importing them from this module.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from bot.core.enums import Attendance, DocumentKind, GrantStatus, Role, VoteKind


@dataclass(frozen=True)
class Vote:
    kind: VoteKind
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    text: str = ""  # the vote as written in the document


@dataclass(frozen=True)
class Person:
    family_name: str
    given_name: str | None = None  # None when the document gives only "Herr Mingers"
    salutation: str | None = None  # "Herr" / "Frau" as written
    role: Role = Role.MEMBER
    party: str | None = None  # party or organisation as written, e.g. "DIE PARTEI"
    function: str | None = None  # e.g. "Fachbereich Personal und Organisation", "Koordinator Kargah e.V."
    attendance: Attendance | None = None  # None: the document does not say
    substitute_for: str | None = None  # "i.V. …" / "in Vertretung für …"
    agenda_number: str | None = None  # guests: the TOP they were invited to
    line: int = 0  # 1-based line in the source text


@dataclass(frozen=True)
class AgendaItem:
    number: str  # "1", "2", "3a"
    title: str
    text: str  # the full text of the item, as extracted
    line: int = 0


@dataclass(frozen=True)
class Grant:
    application_number: str | None  # "04/2019"; None when the document gives none
    applicant: str | None  # organisation exactly as written; None for bare lists
    amount: Decimal | None  # exact euros; None only when the document gives no amount
    purpose: str | None
    status: GrantStatus
    vote: Vote | None = None
    agenda_number: str | None = None
    line: int = 0
    ceiling: bool = False  # "bis zu 2.200,00 €": at most this much, not a payment


@dataclass(frozen=True)
class Passage:
    """A piece of discussion text, searchable with full-text search."""

    agenda_number: str | None
    heading: str
    text: str
    line: int = 0


@dataclass(frozen=True)
class Meeting:
    number: int | None = None  # "32. Sitzung"
    date: dt.date | None = None  # never guessed: None when the text does not give it
    place: str | None = None  # "kargah e.V."
    address: str | None = None  # "Zur Bettfedernfabrik 1"
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    end_time_approximate: bool = False  # "ca. 20.45 Uhr"


@dataclass(frozen=True)
class ParseWarning:
    line: int
    reason: str  # German or English, shown to staff


@dataclass(frozen=True)
class DocumentRecord:
    source_path: str
    content_sha256: str  # key for idempotent re-ingestion
    kind: DocumentKind
    council_name: str | None  # "Integrationsbeirat Linden-Limmer"
    district: str | None  # Stadtbezirk, "Linden-Limmer"
    meeting: Meeting | None  # None for decision papers without a meeting
    paper_number: str | None = None  # decision papers: "15-2038/2011"
    people: tuple[Person, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()
    grants: tuple[Grant, ...] = ()
    passages: tuple[Passage, ...] = ()
    warnings: tuple[ParseWarning, ...] = field(default=())  # what was skipped
    source_url: str | None = None  # the public address, from a first line "SOURCE: https://…"
    excerpt: bool = False  # the text is cut off ("EXCERPT:" line): lists in it may be incomplete


class ParseError(Exception):
    """A document that cannot be parsed. Nothing of it may be written."""

    def __init__(self, path: str, line: int, reason: str):
        self.path, self.line, self.reason = path, line, reason
        super().__init__(f"{path}:{line}: {reason}")
