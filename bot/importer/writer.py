"""Turns parsed ``DocumentRecord``s into rows. The only code that writes documents.

One document per transaction: the caller runs ``write_document`` inside
``session_scope`` (or rolls back itself on an exception), so a document that fails
leaves nothing behind. The same file bytes again change nothing; a new version of a
file (same file name, other bytes) or changed corrections replace the old rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import PurePath

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from bot.core.names import application_key, full_name, name_key
from bot.db import schema as s
from bot.importer.applications import Entry, grant_year, link, numbered, purpose_key
from bot.importer.shared import organisation_for, prune_orphans
from bot.knowledge.records import DocumentKind, DocumentRecord, ParseWarning


class WriteError(Exception):
    """The document contradicts what is already stored; nothing of it is written."""


@dataclass(frozen=True)
class WriteResult:
    status: str  # "new", "unchanged" or "updated" (replaced an older version)
    document_id: int
    file_name: str
    counts: dict[str, int]  # rows written per kind; empty when unchanged
    warnings: tuple[ParseWarning, ...] = ()  # what the parser skipped


def write_document(session: Session, record: DocumentRecord, *, corrections_fingerprint: str = "") -> WriteResult:
    """Store one parsed document. Raises ``WriteError``; the caller must then roll back."""
    file_name = PurePath(record.source_path).name
    same_bytes = session.execute(select(s.Document).where(s.Document.sha256 == record.content_sha256)).scalar()
    if same_bytes is not None and same_bytes.corrections_sha256 == corrections_fingerprint:
        return WriteResult("unchanged", same_bytes.id, same_bytes.file_name, {}, tuple(record.warnings))

    older = [same_bytes] if same_bytes is not None else []
    older += (
        session.execute(
            select(s.Document).where(s.Document.file_name == file_name, s.Document.sha256 != record.content_sha256)
        )
        .scalars()
        .all()
    )
    for document in older:
        delete_document(session, document.id)

    council = _council(session, record)
    document = s.Document(
        file_name=file_name,
        path=record.source_path,
        sha256=record.content_sha256,
        kind=record.kind.value,
        paper_number=record.paper_number,
        source_url=record.source_url,
        excerpt=record.excerpt,
        council_id=council.id if council else None,
        corrections_sha256=corrections_fingerprint,
        warnings=[{"line": w.line, "reason": w.reason} for w in record.warnings],
        ingested_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
    )
    session.add(document)
    session.flush()

    meeting = _meeting(session, record, document, council)
    agenda_ids = _agenda(session, record, document, meeting)
    people = _people(session, record, document, council, meeting, agenda_ids)
    grants = _grants(session, record, document, council, meeting, agenda_ids)
    passages = _passages(session, record, document, meeting)
    session.flush()
    counts = {
        "meetings": int(meeting is not None),
        "agenda_items": len(agenda_ids),
        "people": people,
        "grants": grants,
        "passages": passages,
    }
    status = "updated" if older else "new"
    return WriteResult(status, document.id, file_name, counts, tuple(record.warnings))


def delete_document(session: Session, document_id: int) -> None:
    """Remove a document and every row that came from it, then rows nobody uses any more."""
    _reroot_applications(session, document_id)
    for table in (s.Passage, s.Grant, s.AttendanceEntry, s.Membership, s.AgendaItem, s.Meeting):
        session.execute(
            delete(table).where(table.document_id == document_id).execution_options(synchronize_session="fetch")
        )
    session.execute(
        delete(s.Document).where(s.Document.id == document_id).execution_options(synchronize_session="fetch")
    )
    prune_orphans(session)


def _reroot_applications(session: Session, document_id: int) -> None:
    """Entries of other documents that point to this document's entries as their
    application's first entry: the oldest of them becomes the first one."""
    doomed = select(s.Grant.id).where(s.Grant.document_id == document_id)
    dependents = session.execute(
        select(s.Grant.id, s.Grant.same_as_id)
        .where(s.Grant.same_as_id.in_(doomed), s.Grant.document_id != document_id)
        .order_by(s.Grant.same_as_id, s.Grant.id)
    ).all()
    new_roots: dict[int, int] = {}
    for grant_id, old_root in dependents:
        new_root = new_roots.setdefault(old_root, grant_id)
        session.execute(
            update(s.Grant)
            .where(s.Grant.id == grant_id)
            .values(same_as_id=None if new_root == grant_id else new_root)
            .execution_options(synchronize_session="fetch")
        )


def _council(session: Session, record: DocumentRecord) -> s.Council | None:
    if record.council_name:
        key = name_key(record.council_name)
        council = session.execute(select(s.Council).where(s.Council.name_key == key)).scalar()
        if council is None:
            council = s.Council(name=record.council_name.strip(), name_key=key, district=record.district)
            session.add(council)
            session.flush()
        elif council.district is None and record.district:
            council.district = record.district
        return council
    if record.district:
        # A decision paper may name only the district: use its council if we know it.
        key = name_key(record.district)
        councils = session.execute(select(s.Council).where(s.Council.district.isnot(None))).scalars()
        matches = [c for c in councils if name_key(c.district) == key]
        return matches[0] if len(matches) == 1 else None
    return None


def _meeting(session: Session, record: DocumentRecord, document: s.Document, council: s.Council | None):
    if record.meeting is None:
        return None
    m = record.meeting
    if record.kind == DocumentKind.PROTOCOL and council is not None and (m.date or m.number):
        query = (
            select(s.Meeting, s.Document.file_name)
            .join(s.Document, s.Meeting.document_id == s.Document.id)
            .where(s.Meeting.council_id == council.id, s.Document.kind == DocumentKind.PROTOCOL.value)
        )
        query = query.where(s.Meeting.date == m.date) if m.date else query.where(s.Meeting.number == m.number)
        clash = session.execute(query).first()
        if clash is not None:
            when = m.date.isoformat() if m.date else f"Nr. {m.number}"
            raise WriteError(f"Die Sitzung ({council.name}, {when}) steht schon in der Datenbank, aus {clash[1]}")
    meeting = s.Meeting(
        council_id=council.id if council else None,
        document_id=document.id,
        number=m.number,
        date=m.date,
        place=m.place,
        address=m.address,
        start_time=m.start_time,
        end_time=m.end_time,
        end_time_approximate=m.end_time_approximate,
    )
    session.add(meeting)
    session.flush()
    return meeting


def _agenda(session: Session, record: DocumentRecord, document: s.Document, meeting) -> dict[str, int]:
    rows = [
        s.AgendaItem(
            document_id=document.id,
            meeting_id=meeting.id if meeting else None,
            number=item.number,
            title=item.title,
            text=item.text,
            position=position,
            line=item.line,
        )
        for position, item in enumerate(record.agenda)
    ]
    session.add_all(rows)
    session.flush()
    ids: dict[str, int] = {}
    for row in rows:
        ids.setdefault(row.number, row.id)
    return ids


def _people(session: Session, record, document, council, meeting, agenda_ids) -> int:
    known = _council_people(session, council)  # one query per document, not one per name
    rows: dict[str, s.Person] = {}
    for person in record.people:
        name = full_name(person.given_name, person.family_name, person.salutation)
        key = name_key(name)
        if key in rows:
            continue
        # Same council and the full name, never the family name alone ("Herr Mingers" stays per document).
        row = known.get(key) if person.given_name else None
        if row is None:
            row = s.Person(
                given_name=person.given_name,
                family_name=person.family_name,
                salutation=person.salutation,
                full_name=name,
                name_key=key,
            )
            session.add(row)
        elif row.salutation is None and person.salutation:
            row.salutation = person.salutation
        rows[key] = row
    session.flush()
    memberships: list[dict] = []
    attendance: dict[int, dict] = {}
    for person in record.people:
        row = rows[name_key(full_name(person.given_name, person.family_name, person.salutation))]
        memberships.append(
            dict(
                person_id=row.id,
                council_id=council.id if council else None,
                meeting_id=meeting.id if meeting else None,
                document_id=document.id,
                role=person.role.value,
                party=person.party,
                function=person.function,
                agenda_number=person.agenda_number,
                substitute_for=person.substitute_for,
                line=person.line,
            )
        )
        if person.attendance is not None and meeting is not None:
            attendance.setdefault(
                row.id,
                dict(meeting_id=meeting.id, person_id=row.id, document_id=document.id, status=person.attendance.value),
            )
    # One statement per table (executemany): rows nobody reads back need no ORM objects.
    _insert_many(session, s.Membership, memberships)
    _insert_many(session, s.AttendanceEntry, list(attendance.values()))
    return len(rows)


def _council_people(session: Session, council) -> dict[str, s.Person]:
    """People with a given name who already have a membership in this council, by name key."""
    if council is None:
        return {}
    people = session.execute(
        select(s.Person)
        .where(s.Person.given_name.isnot(None))
        .where(s.Person.id.in_(select(s.Membership.person_id).where(s.Membership.council_id == council.id)))
        .order_by(s.Person.id)
    ).scalars()
    known: dict[str, s.Person] = {}
    for person in people:
        known.setdefault(person.name_key, person)
    return known


def _grants(session: Session, record, document, council, meeting, agenda_ids) -> int:
    """The document's grants; each entry that another document already names as the same
    application (``bot.importer.applications``) points to that application's first entry."""
    rows, entries = [], []
    meeting_date = meeting.date if meeting is not None else None
    for grant in record.grants:
        organisation = organisation_for(session, grant.applicant)
        vote = grant.vote
        year = grant_year(meeting_date, grant.application_number, record.paper_number)
        entries.append(
            Entry(
                document.id,
                record.kind.value,
                grant.status.value,
                organisation.id if organisation else None,
                numbered(grant.application_number),
                year,
                grant.amount,
                purpose_key(grant.purpose),
                meeting_date,
            )
        )
        rows.append(
            dict(
                document_id=document.id,
                council_id=council.id if council else None,
                meeting_id=meeting.id if meeting else None,
                agenda_item_id=agenda_ids.get(grant.agenda_number) if grant.agenda_number else None,
                organisation_id=organisation.id if organisation else None,
                application_number=grant.application_number,
                application_key=application_key(grant.application_number),
                applicant=grant.applicant,
                amount=grant.amount,
                ceiling=grant.ceiling,
                purpose=grant.purpose,
                status=grant.status.value,
                vote_kind=vote.kind.value if vote else None,
                vote_text=vote.text if vote else None,
                votes_yes=vote.yes if vote else None,
                votes_no=vote.no if vote else None,
                votes_abstain=vote.abstain if vote else None,
                line=grant.line,
                year=year,
            )
        )
    if entries:
        for row, root in zip(rows, link(session, council.id if council else None, entries), strict=True):
            row["same_as_id"] = root
    _insert_many(session, s.Grant, rows)
    return len(rows)


def _passages(session: Session, record, document, meeting) -> int:
    rows = [
        dict(
            document_id=document.id,
            meeting_id=meeting.id if meeting else None,
            agenda_number=passage.agenda_number,
            heading=passage.heading,
            text=passage.text,
            position=position,
            line=passage.line,
        )
        for position, passage in enumerate(record.passages)
    ]
    _insert_many(session, s.Passage, rows)
    return len(rows)


def _insert_many(session: Session, table, rows: list[dict]) -> None:
    if rows:
        session.execute(insert(table), rows)
