"""``beirat export --format json``: the whole database as open data.

Stable output: keys sorted, every list in a fixed order, rows refer to each other by
natural keys (council name, meeting date and number, document file name) instead of
database ids, no ingestion timestamps. Dates are ISO ("2019-04-01"), times "19:00",
amounts decimal strings ("1400.00"). The same data always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from bot.config import database_url
from bot.db import schema as s
from bot.db.session import get_engine, session_scope

FORMAT_VERSION = 1


def run_export(format: str = "json", output: str | Path = "-", *, url: str | None = None, passages: bool = True) -> int:
    """CLI entry point: write the export to ``output`` ("-" for stdout); returns the exit code."""
    if format != "json":
        print(f"Fehler: Format {format!r} gibt es nicht. Möglich: json", file=sys.stderr)
        return 2
    url = url or database_url()
    try:
        if not _database_exists(url):
            print(
                "Fehler: Die Datenbank ist leer oder fehlt. Erst `beirat ingest` (oder `make db`) ausführen.",
                file=sys.stderr,
            )
            return 1
        with session_scope(url) as session:
            text = to_json(export_data(session, passages=passages))
    except OperationalError as error:
        print(f"Fehler: Die Datenbank ist nicht erreichbar: {error.orig}", file=sys.stderr)
        return 2
    if str(output) == "-":
        sys.stdout.write(text)
        return 0
    _write_atomically(Path(output), text)
    print(f"Export geschrieben: {output}", file=sys.stderr)
    return 0


def to_json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _database_exists(url: str) -> bool:
    parsed = make_url(url)
    in_file = parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:")
    if in_file and not Path(parsed.database).exists():
        return False
    return inspect(get_engine(url)).has_table(s.Document.__tablename__)


def _write_atomically(path: Path, text: str) -> None:
    # Readers never see a half-written file: write next to it, then rename.
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def export_data(session: Session, *, passages: bool = True) -> dict[str, Any]:
    """Every table as plain JSON-ready values, in a fixed order."""
    councils = {c.id: c for c in session.execute(select(s.Council)).scalars()}
    documents = {d.id: d for d in session.execute(select(s.Document)).scalars()}
    meetings = {m.id: m for m in session.execute(select(s.Meeting)).scalars()}
    people = {p.id: p for p in session.execute(select(s.Person)).scalars()}
    organisations = {o.id: o for o in session.execute(select(s.Organisation)).scalars()}
    agenda_numbers = dict(session.execute(select(s.AgendaItem.id, s.AgendaItem.number)).all())

    def council(council_id):
        return councils[council_id].name if council_id in councils else None

    def meeting_ref(meeting_id) -> dict:
        meeting = meetings.get(meeting_id)
        return {
            "meeting_date": _iso(meeting.date) if meeting else None,
            "meeting_number": meeting.number if meeting else None,
        }

    data: dict[str, Any] = {"format_version": FORMAT_VERSION}
    data["councils"] = _sorted(({"name": c.name, "district": c.district} for c in councils.values()), "name")
    data["documents"] = _sorted(
        (
            {
                "file": d.file_name,
                "sha256": d.sha256,
                "kind": d.kind,
                "paper_number": d.paper_number,
                "council": council(d.council_id),
                "skipped": sorted(d.warnings or [], key=lambda w: (w.get("line", 0), w.get("reason", ""))),
            }
            for d in documents.values()
        ),
        "file",
        "sha256",
    )
    data["meetings"] = _sorted(
        (
            {
                "council": council(m.council_id),
                "number": m.number,
                "date": _iso(m.date),
                "place": m.place,
                "address": m.address,
                "start_time": _time(m.start_time),
                "end_time": _time(m.end_time),
                "end_time_approximate": bool(m.end_time_approximate),
                "document": documents[m.document_id].file_name,
            }
            for m in meetings.values()
        ),
        "council",
        "date",
        "number",
        "document",
    )
    data["agenda_items"] = _sorted(
        (
            {
                "council": council(documents[a.document_id].council_id),
                **meeting_ref(a.meeting_id),
                "document": documents[a.document_id].file_name,
                "position": a.position,
                "number": a.number,
                "title": a.title,
                "text": a.text,
            }
            for a in session.execute(select(s.AgendaItem)).scalars()
        ),
        "document",
        "position",
    )
    data["people"] = _unique_sorted(
        (
            {"name": p.full_name, "given_name": p.given_name, "family_name": p.family_name, "salutation": p.salutation}
            for p in people.values()
        ),
        "family_name",
        "name",
    )
    data["memberships"] = _sorted(
        (
            {
                "council": council(m.council_id),
                **meeting_ref(m.meeting_id),
                "document": documents[m.document_id].file_name,
                "person": people[m.person_id].full_name,
                "role": m.role,
                "party": m.party,
                "function": m.function,
                "agenda_number": m.agenda_number,
                "substitute_for": m.substitute_for,
                "line": m.line,
            }
            for m in session.execute(select(s.Membership)).scalars()
        ),
        "document",
        "line",
        "person",
        "role",
    )
    data["attendance"] = _sorted(
        (
            {
                "council": council(meetings[a.meeting_id].council_id),
                **meeting_ref(a.meeting_id),
                "document": documents[a.document_id].file_name,
                "person": people[a.person_id].full_name,
                "status": a.status,
            }
            for a in session.execute(select(s.AttendanceEntry)).scalars()
        ),
        "document",
        "status",
        "person",
    )
    aliases: dict[int, list[str]] = {}
    for alias in session.execute(select(s.OrganisationAlias)).scalars():
        aliases.setdefault(alias.organisation_id, []).append(alias.name)
    data["organisations"] = _sorted(
        ({"name": o.name, "aliases": sorted(aliases.get(o.id, []))} for o in organisations.values()), "name"
    )
    data["grants"] = _sorted(
        (
            {
                "council": council(g.council_id),
                **meeting_ref(g.meeting_id),
                "document": documents[g.document_id].file_name,
                "agenda_number": agenda_numbers.get(g.agenda_item_id),
                "application_number": g.application_number,
                "organisation": organisations[g.organisation_id].name if g.organisation_id else None,
                "applicant": g.applicant,
                "amount": _amount(g.amount),
                "purpose": g.purpose,
                "status": g.status,
                "vote": _vote(g),
                "line": g.line,
            }
            for g in session.execute(select(s.Grant)).scalars()
        ),
        "council",
        "meeting_date",
        "document",
        "line",
        "application_number",
    )
    if passages:
        data["passages"] = _sorted(
            (
                {
                    "council": council(documents[p.document_id].council_id),
                    **meeting_ref(p.meeting_id),
                    "document": documents[p.document_id].file_name,
                    "position": p.position,
                    "agenda_number": p.agenda_number,
                    "heading": p.heading,
                    "text": p.text,
                }
                for p in session.execute(select(s.Passage)).scalars()
            ),
            "document",
            "position",
        )
    data["glossary"] = _sorted(
        (
            {"term": t.term, "aliases": list(t.aliases or []), "explanation": t.explanation}
            for t in session.execute(select(s.GlossaryTerm)).scalars()
        ),
        "term",
    )
    data["curated_facts"] = _sorted(
        ({"key": f.key, "text": f.text, "source": f.source} for f in session.execute(select(s.CuratedFact)).scalars()),
        "key",
    )
    return data


def _vote(grant: s.Grant) -> dict | None:
    if grant.vote_kind is None:
        return None
    return {
        "kind": grant.vote_kind,
        "text": grant.vote_text,
        "yes": grant.votes_yes,
        "no": grant.votes_no,
        "abstain": grant.votes_abstain,
    }


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _time(value: dt.time | None) -> str | None:
    return value.isoformat(timespec="minutes") if value else None


def _amount(value: Decimal | None) -> str | None:
    return None if value is None else str(value.quantize(s.CENT))


def _sort_key(row: dict, fields: tuple[str, ...]) -> tuple:
    # None sorts last; the whole row breaks ties, so the order never depends on ids.
    key = tuple((row[f] is None, row[f] if row[f] is not None else "") for f in fields)
    return key + (json.dumps(row, sort_keys=True, ensure_ascii=False),)


def _sorted(rows: Iterable[dict], *fields: str) -> list[dict]:
    return sorted(rows, key=lambda row: _sort_key(row, fields))


def _unique_sorted(rows: Iterable[dict], *fields: str) -> list[dict]:
    unique = {json.dumps(row, sort_keys=True, ensure_ascii=False): row for row in rows}
    return _sorted(unique.values(), *fields)
