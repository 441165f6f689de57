"""Which grant entries of different documents are one application, and so one grant.

A council's protocol recommends a grant; a Beschlussdrucksache carries the same
application to the Stadtbezirksrat; a later protocol may record the decision. Those
entries are one grant. An application number is no identity: many councils start
again at "Antrag Nr. 1" or "01/2013" in every meeting, so "Antrag Nr. 1" of March and
"Antrag Nr. 1" of June are two applications.

Two entries are one application only when
- they come from two documents of the same council and belong to the same year;
- the applicant agrees (the same organisation, aliases included) — or one entry names
  no applicant (a bare list "03/2016, einstimmig, 500,- €") and both carry the same
  numbered application ("03/2016" = "IB-03-2016");
- the amount or the purpose agrees;
- their numbers, when both carry one with a year, are the same;
- they are not two entries of the same kind of document with the same status: two
  meetings that each recommend 500 € to the same Verein are two grants, a
  recommendation and the later decision (or the decision paper about it) are one;
- a rejection joins a granted entry only under the same numbered application.
Each application is stored once per document that names it; ``Grant.same_as_id``
points every later entry to the first one, and the queries count each application once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.names import name_key
from bot.db import schema as s

_NUMBERED_RE = re.compile(r"^\D{0,4}?0*(\d{1,3})\s*[/-]\s*(\d{4}|\d{2})\s*$")
_YEAR_AT_END_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*\)?\s*$")
_REJECTED = "rejected"


def numbered(number: str | None) -> tuple[int, int] | None:
    """ "04/2019", "4/19", "IB-04-2019", "IB-04/2019" → (4, 2019); "1" or None → None."""
    match = _NUMBERED_RE.match(number or "")
    if not match:
        return None
    year = int(match.group(2))
    return int(match.group(1)), year + 2000 if year < 100 else year


def grant_year(meeting_date: dt.date | None, number: str | None, paper_number: str | None) -> int | None:
    """The year an entry belongs to: its meeting's, else its application number's, else
    the year of the decision paper's number ("15-2038/2011")."""
    if meeting_date is not None:
        return meeting_date.year
    parts = numbered(number)
    if parts:
        return parts[1]
    for text in (number, paper_number):
        match = _YEAR_AT_END_RE.search(text or "")
        if match:
            return int(match.group(1))
    return None


def purpose_key(purpose: str | None) -> str:
    """ "Projekt „Lange Tafel“" and "Lange Tafel" → "lange tafel"."""
    key = name_key(purpose or "")
    return re.sub(r"^(?:das\s+|den\s+|die\s+)?projekt\s+", "", key)


@dataclass(frozen=True)
class Entry:
    """One document's entry for a grant, as far as matching needs it."""

    document_id: int
    kind: str  # records.DocumentKind value of its document
    status: str
    organisation_id: int | None
    number: tuple[int, int] | None
    year: int | None
    amount: Decimal | None
    purpose: str  # purpose_key
    date: dt.date | None  # meeting date, for the closest match
    id: int | None = None  # stored entries
    root: int | None = None  # stored entries: the first entry of their application


def score(new: Entry, old: Entry) -> int | None:
    """How well ``new`` fits ``old`` as the same application; None: two applications."""
    if new.document_id == old.document_id or new.year is None or new.year != old.year:
        return None
    same_number = new.number is not None and new.number == old.number
    if new.number is not None and old.number is not None and not same_number:
        return None
    if new.organisation_id is not None and old.organisation_id is not None:
        if new.organisation_id != old.organisation_id:
            return None
    elif not same_number:
        return None  # without an applicant only the numbered application says it is the same
    if (new.status == _REJECTED) != (old.status == _REJECTED) and not same_number:
        return None  # "abgelehnt" and a later grant to the same Verein: a new application
    same_amount = new.amount is not None and new.amount == old.amount
    same_purpose = bool(new.purpose) and new.purpose == old.purpose
    if not (same_amount or same_purpose):
        return None
    return 4 * same_number + 2 * same_amount + same_purpose


def _stored(session: Session, council_id: int, years: set[int], document_id: int) -> dict[int, list[Entry]]:
    """Entries of other documents of this council in these years, by application (root id)."""
    rows = session.execute(
        select(
            s.Grant.id,
            s.Grant.same_as_id,
            s.Grant.document_id,
            s.Document.kind,
            s.Grant.status,
            s.Grant.organisation_id,
            s.Grant.application_number,
            s.Grant.year,
            s.Grant.amount,
            s.Grant.purpose,
            s.Meeting.date,
        )
        .join(s.Document, s.Grant.document_id == s.Document.id)
        .outerjoin(s.Meeting, s.Grant.meeting_id == s.Meeting.id)
        .where(s.Grant.council_id == council_id, s.Grant.year.in_(sorted(years)), s.Grant.document_id != document_id)
        .order_by(s.Grant.id)
    ).all()
    groups: dict[int, list[Entry]] = {}
    for row in rows:
        root = row.same_as_id or row.id
        entry = Entry(
            row.document_id,
            row.kind,
            row.status,
            row.organisation_id,
            numbered(row.application_number),
            row.year,
            row.amount,
            purpose_key(row.purpose),
            row.date,
            row.id,
            root,
        )
        groups.setdefault(root, []).append(entry)
    return groups


def link(session: Session, council_id: int | None, entries: list[Entry]) -> list[int | None]:
    """For each new entry (all of one document), the root id of the stored application it
    belongs to, or None when it is a new application."""
    years = {e.year for e in entries if e.year is not None}
    if council_id is None or not years:
        return [None] * len(entries)
    groups = _stored(session, council_id, years, entries[0].document_id)
    by_organisation: dict[int, set[int]] = {}
    by_number: dict[tuple[int, int], set[int]] = {}
    for root, members in groups.items():
        for m in members:
            if m.organisation_id is not None:
                by_organisation.setdefault(m.organisation_id, set()).add(root)
            if m.number is not None:
                by_number.setdefault(m.number, set()).add(root)
    claimed: set[int] = set()  # one document names an application once
    roots: list[int | None] = []
    for new in entries:
        best: tuple | None = None
        candidates: set[int] = set()
        if new.organisation_id is not None:
            candidates |= by_organisation.get(new.organisation_id, set())
        if new.number is not None:
            candidates |= by_number.get(new.number, set())
        for root in sorted(candidates):
            members = groups[root]
            if root in claimed or any(m.kind == new.kind and m.status == new.status for m in members):
                continue
            scores = [score(new, m) for m in members]
            fit = max((value for value in scores if value is not None), default=None)
            if fit is None:
                continue
            distance = min((abs((new.date - m.date).days) for m in members if new.date and m.date), default=10_000)
            rank = (fit, -distance, -root)
            if best is None or rank > best[0]:
                best = (rank, root)
        chosen: int | None = best[1] if best else None
        if chosen is not None:
            claimed.add(chosen)
        roots.append(chosen)
    return roots
