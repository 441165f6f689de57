"""Meetings: the latest, the next (only when it is in the data), by year, by date, agenda."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from bot.core.facts import AgendaItemFact, MeetingFact
from bot.core.periods import Period
from bot.db import schema as s
from bot.queries.cache import cached
from bot.queries.common import NO_SUCH_COUNCIL, council_id, council_names, latest_first, meeting_fact, source


def _meetings(session: Session, council: str | None):
    """A select of meetings, filtered by council; None when the council is not in the data."""
    cid = council_id(session, council)
    if cid is NO_SUCH_COUNCIL:
        return None
    query = select(s.Meeting).options(joinedload(s.Meeting.document))
    return query if cid is None else query.where(s.Meeting.council_id == cid)


def find_meeting(session: Session, council: str | None, meeting_date: dt.date | None) -> s.Meeting | None:
    """The meeting on ``meeting_date``, or the latest one when no date is given (a row)."""
    query = _meetings(session, council)
    if query is None:
        return None
    if meeting_date is not None:
        query = query.where(s.Meeting.date == meeting_date)
    return session.execute(latest_first(query).limit(1)).scalar()


@cached
def latest_meeting(session: Session, council: str | None = None) -> MeetingFact | None:
    """The most recent meeting in the data."""
    meeting = find_meeting(session, council, None)
    return meeting_fact(meeting, council_names(session)) if meeting else None


def next_meeting(session: Session, council: str | None = None, today: dt.date | None = None) -> MeetingFact | None:
    """The first meeting dated after ``today`` that is in the data; never a guess."""
    query = _meetings(session, council)
    if query is None:
        return None
    today = today or dt.date.today()
    query = query.where(s.Meeting.date > today).order_by(s.Meeting.date, s.Meeting.id)
    meeting = session.execute(query.limit(1)).scalar()
    return meeting_fact(meeting, council_names(session)) if meeting else None


@cached
def list_meetings(
    session: Session, council: str | None = None, year: int | None = None, *, period: Period | None = None
) -> list[MeetingFact]:
    """Meetings in date order (those without a date last), optionally of one year or period."""
    query = _meetings(session, council)
    if query is None:
        return []
    if year is not None:
        period = Period.year(year)
    if period is not None:
        query = query.where(s.Meeting.date >= period.start, s.Meeting.date <= period.end)
    query = query.order_by(s.Meeting.date.is_(None), s.Meeting.date, s.Meeting.number, s.Meeting.id)
    councils = council_names(session)
    return [meeting_fact(m, councils) for m in _one_per_day(session.execute(query).scalars().all())]


_PROTOCOL = "protocol"  # Document.kind of a protocol (DocumentKind.PROTOCOL)


def _one_per_day(meetings: list) -> list:
    """A decision paper that reports the council's meeting ("hat in seiner Sitzung am …
    befürwortet") stores that meeting again: a council's meeting on one day is listed
    once, from its protocol when there is one."""
    protocols = {(m.council_id, m.date) for m in meetings if m.date and m.document.kind == _PROTOCOL}
    kept, seen = [], set()
    for meeting in meetings:
        day = (meeting.council_id, meeting.date)
        if meeting.date is not None:
            if meeting.document.kind != _PROTOCOL and day in protocols:
                continue
            if day in seen:
                continue
            seen.add(day)
        kept.append(meeting)
    return kept


@cached
def meeting_on(session: Session, date: dt.date, council: str | None = None) -> MeetingFact | None:
    """The meeting on that day (of that council); None when there was none in the data."""
    meeting = find_meeting(session, council, date)
    return meeting_fact(meeting, council_names(session)) if meeting else None


@cached
def agenda(session: Session, council: str | None = None, meeting_date: dt.date | None = None) -> list[AgendaItemFact]:
    """The agenda (TOPs) of that meeting, or of the latest one, in document order."""
    meeting = find_meeting(session, council, meeting_date)
    if meeting is None:
        return []
    council_name = council_names(session).get(meeting.council_id)
    items = session.execute(
        select(s.AgendaItem).where(s.AgendaItem.meeting_id == meeting.id).order_by(s.AgendaItem.position)
    ).scalars()
    return [
        AgendaItemFact(number=i.number, title=i.title, source=source(meeting.document, meeting, council_name, i.number))
        for i in items
    ]
