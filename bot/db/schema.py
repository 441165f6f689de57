"""Tables of the decisions database, named after OParl where it has a name.

Every row that comes from a document points to that document (``document_id``),
so a document can be removed or replaced as a whole, and every fact can name its
source. Names of people and organisations are stored exactly as written.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    Numeric,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import registry, relationship
from sqlalchemy.orm.decl_api import DeclarativeMeta
from sqlalchemy.types import TypeDecorator

from bot.db import fts

CENT = Decimal("0.01")

_registry = registry()


class Base(metaclass=DeclarativeMeta):
    """Base of every table: ``declarative_base()`` written out, so that type checkers see a class."""

    __abstract__ = True
    registry = _registry
    metadata = _registry.metadata
    __init__ = _registry.constructor


class Money(TypeDecorator):
    """Exact euros: NUMERIC(12, 2) where the database has it; text in SQLite, which
    would otherwise store a float."""

    impl = Numeric(12, 2)
    cache_ok = True

    def load_dialect_impl(self, dialect):
        if dialect.name == "sqlite":
            return dialect.type_descriptor(String(20))
        return dialect.type_descriptor(Numeric(12, 2))

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        value = Decimal(value).quantize(CENT)
        return str(value) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(value).quantize(CENT)


class Council(Base):
    """An Integrationsbeirat (OParl: Organization).

    name: as the protocols write it, "Integrationsbeirat Linden-Limmer".
    name_key: normalised name, for matching across documents.
    district: the Stadtbezirk it belongs to, "Linden-Limmer" (None if unknown).
    """

    __tablename__ = "councils"
    id = Column(Integer, primary_key=True)
    name = Column(String(200), nullable=False)
    name_key = Column(String(200), nullable=False, unique=True)
    district = Column(String(200))


class Quarter(Base):
    """A Stadtteil of a council's Stadtbezirk ("Linden-Nord" → Linden-Limmer), from knowledge/councils.yml."""

    __tablename__ = "quarters"
    id = Column(Integer, primary_key=True)
    council_id = Column(Integer, ForeignKey("councils.id", ondelete="CASCADE"), nullable=False, index=True)
    name = Column(String(200), nullable=False)
    name_key = Column(String(200), nullable=False, index=True)
    source_url = Column(Text, nullable=False)


class CouncilFact(Base):
    """A curated fact about a council (chair, meeting_place, planned_date), from
    knowledge/councils.yml: value as the source states it, valid as of ``as_of``."""

    __tablename__ = "council_facts"
    id = Column(Integer, primary_key=True)
    council_id = Column(Integer, ForeignKey("councils.id", ondelete="CASCADE"), nullable=False, index=True)
    kind = Column(String(32), nullable=False)
    value = Column(Text, nullable=False)
    as_of = Column(String(64))
    source_url = Column(Text, nullable=False)
    source_title = Column(Text, nullable=False, default="")
    read = Column(Date)


class Document(Base):
    """One ingested file (OParl: File).

    file_name: base name, named in every answer's source. path: as given at ingest.
    sha256: hash of the file bytes; the key for idempotent re-ingestion.
    kind: records.DocumentKind value. paper_number: decision papers, "15-2038/2011".
    corrections_sha256: fingerprint of the corrections applied; a change rewrites the document.
    warnings: JSON list of {line, reason} for what the parser skipped.
    """

    __tablename__ = "documents"
    id = Column(Integer, primary_key=True)
    file_name = Column(String(500), nullable=False, index=True)
    path = Column(Text, nullable=False)
    sha256 = Column(String(64), nullable=False, unique=True)
    kind = Column(String(32), nullable=False)
    paper_number = Column(String(64))
    source_url = Column(Text)  # the public address the text was taken from ("SOURCE:" line)
    excerpt = Column(Boolean, nullable=False, default=False)  # the text is cut off: its lists may be incomplete
    council_id = Column(Integer, ForeignKey("councils.id"), index=True)
    corrections_sha256 = Column(String(64), nullable=False, default="")
    warnings = Column(JSON, nullable=False, default=list)
    ingested_at = Column(DateTime, nullable=False)

    council = relationship(Council)


class Meeting(Base):
    """A council meeting (OParl: Meeting), as one protocol describes it.

    number: "32. Sitzung" -> 32. date, start_time, end_time: None when not written.
    end_time_approximate: the end time was written "ca.". place: "kargah e.V.";
    address: "Zur Bettfedernfabrik 1".
    """

    __tablename__ = "meetings"
    id = Column(Integer, primary_key=True)
    council_id = Column(Integer, ForeignKey("councils.id"), index=True)
    document_id = Column(Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True)
    number = Column(Integer)
    date = Column(Date, index=True)
    place = Column(String(500))
    address = Column(String(500))
    start_time = Column(Time)
    end_time = Column(Time)
    end_time_approximate = Column(Boolean, nullable=False, default=False)

    council = relationship(Council)
    document = relationship(Document)


class AgendaItem(Base):
    """A point of the agenda, TOP (OParl: AgendaItem).

    number: "1", "3a". title: first line. text: the item's full text as extracted.
    position: order in the document. line: 1-based line in the source text.
    """

    __tablename__ = "agenda_items"
    id = Column(Integer, primary_key=True)
    document_id = Column(Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True)
    meeting_id = Column(Integer, ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    number = Column(String(16), nullable=False)
    title = Column(Text, nullable=False)
    text = Column(Text, nullable=False, default="")
    position = Column(Integer, nullable=False)
    line = Column(Integer, nullable=False, default=0)


class Person(Base):
    """A person named in a document (OParl: Person).

    full_name: "Rainer-Jörg Grube", or "Herr Mingers" without a given name.
    name_key: normalised full name. The writer reuses a person only within the same
    council and only on the full name (never on the family name alone).
    """

    __tablename__ = "people"
    id = Column(Integer, primary_key=True)
    given_name = Column(String(200))
    family_name = Column(String(200), nullable=False)
    salutation = Column(String(20))
    full_name = Column(String(400), nullable=False)
    name_key = Column(String(400), nullable=False, index=True)


class Membership(Base):
    """A person's role in a council, as one document lists it (OParl: Membership).

    role: records.Role value (chair, deputy, member, administration, guest,
    minute_taker, moderator). party: party or organisation as written ("DIE PARTEI").
    function: "Fachbereich Personal und Organisation". agenda_number: guests' TOP.
    substitute_for: "i.V. ..." as written. meeting_id: the meeting that lists it.
    """

    __tablename__ = "memberships"
    id = Column(Integer, primary_key=True)
    person_id = Column(Integer, ForeignKey("people.id"), nullable=False, index=True)
    council_id = Column(Integer, ForeignKey("councils.id"), index=True)
    meeting_id = Column(Integer, ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    document_id = Column(Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True)
    role = Column(String(32), nullable=False)
    party = Column(String(200))
    function = Column(Text)
    agenda_number = Column(String(16))
    substitute_for = Column(String(400))
    line = Column(Integer, nullable=False, default=0)

    person = relationship(Person)


class AttendanceEntry(Base):
    """Whether a person was at a meeting. status: "present" or "excused" ("verhindert")."""

    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)
    id = Column(Integer, primary_key=True)
    meeting_id = Column(Integer, ForeignKey("meetings.id", ondelete="CASCADE"), nullable=False, index=True)
    person_id = Column(Integer, ForeignKey("people.id"), nullable=False, index=True)
    document_id = Column(Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True)
    status = Column(String(16), nullable=False)

    person = relationship(Person)


class Organisation(Base):
    """An applicant organisation (OParl: Organization of a third party).

    name: canonical spelling ("Banjul e.V."). name_key: normalised, unique.
    curated: named in knowledge/corrections.yml, kept even without grants.
    """

    __tablename__ = "organisations"
    id = Column(Integer, primary_key=True)
    name = Column(String(500), nullable=False)
    name_key = Column(String(500), nullable=False, unique=True)
    curated = Column(Boolean, nullable=False, default=False)

    aliases = relationship("OrganisationAlias", back_populates="organisation", cascade="all, delete-orphan")


class OrganisationAlias(Base):
    """Another spelling of an organisation ("Banyul e.V." for "Banjul e.V.").

    name: the spelling as written. name_key: normalised, unique across all aliases.
    """

    __tablename__ = "organisation_aliases"
    id = Column(Integer, primary_key=True)
    organisation_id = Column(Integer, ForeignKey("organisations.id", ondelete="CASCADE"), nullable=False, index=True)
    name = Column(String(500), nullable=False)
    name_key = Column(String(500), nullable=False, unique=True)

    organisation = relationship(Organisation, back_populates="aliases")


class Grant(Base):
    """A grant (Zuwendung) that a council recommended, decided or rejected.

    application_number: "04/2019" as written; application_key: "4/2019" for matching.
    applicant: organisation exactly as written; organisation_id: the matched organisation.
    amount: exact decimal euros (None only when the document gives none). purpose:
    Verwendungszweck. status: records.GrantStatus value. vote_*: the vote where stated.
    meeting_id: None for decision papers without a meeting.
    year: the year the application belongs to (its meeting's, else its number's, else
    the decision paper's). same_as_id: the first stored entry of the same application
    (None: this entry is the first); a protocol and the decision paper about one
    application are two entries of one grant (rule: bot/importer/applications.py).
    """

    __tablename__ = "grants"
    id = Column(Integer, primary_key=True)
    document_id = Column(Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True)
    council_id = Column(Integer, ForeignKey("councils.id"), index=True)
    meeting_id = Column(Integer, ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    agenda_item_id = Column(Integer, ForeignKey("agenda_items.id", ondelete="CASCADE"))
    organisation_id = Column(Integer, ForeignKey("organisations.id"), index=True)
    application_number = Column(String(32))
    application_key = Column(String(32), index=True)
    applicant = Column(String(500))
    amount = Column(Money)
    ceiling = Column(Boolean, nullable=False, default=False)  # "bis zu": at most ``amount``
    purpose = Column(Text)
    status = Column(String(16), nullable=False)
    vote_kind = Column(String(16))
    vote_text = Column(Text)
    votes_yes = Column(Integer)
    votes_no = Column(Integer)
    votes_abstain = Column(Integer)
    line = Column(Integer, nullable=False, default=0)
    year = Column(Integer, index=True)
    same_as_id = Column(Integer, ForeignKey("grants.id", ondelete="SET NULL"), index=True)

    organisation = relationship(Organisation)


class Passage(Base):
    """A piece of discussion text, found by full-text search ("what was said about X").

    heading: e.g. the question or topic line; text: the passage itself.
    agenda_number: the TOP it belongs to. Search index: see bot/db/fts.py.
    """

    __tablename__ = "passages"
    id = Column(Integer, primary_key=True)
    document_id = Column(Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False, index=True)
    meeting_id = Column(Integer, ForeignKey("meetings.id", ondelete="CASCADE"), index=True)
    agenda_number = Column(String(16))
    heading = Column(Text, nullable=False, default="")
    text = Column(Text, nullable=False)
    position = Column(Integer, nullable=False, default=0)
    line = Column(Integer, nullable=False, default=0)


class GlossaryTerm(Base):
    """A hard word and its plain-language explanation, from knowledge/glossary.yml.

    term: "Zuwendung". term_key: normalised. aliases: JSON list of other forms.
    """

    __tablename__ = "glossary_terms"
    id = Column(Integer, primary_key=True)
    term = Column(String(200), nullable=False)
    term_key = Column(String(200), nullable=False, unique=True)
    explanation = Column(Text, nullable=False)
    aliases = Column(JSON, nullable=False, default=list)


class CuratedFact(Base):
    """A hand-written fact from knowledge/facts.yml (who decides, how to apply).

    key: "who_decides". text: the fact. source: where it comes from, for the answer.
    """

    __tablename__ = "curated_facts"
    id = Column(Integer, primary_key=True)
    key = Column(String(100), nullable=False, unique=True)
    text = Column(Text, nullable=False)
    source = Column(Text, nullable=False)


fts.install(Passage.__table__)


def create_schema(engine: Engine) -> None:
    """Create every table and the full-text index; existing ones are left alone."""
    Base.metadata.create_all(engine)
