"""What every query module needs: the council filter and facts with their source."""

from __future__ import annotations

from enum import Enum
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.facts import MeetingFact, Source
from bot.core.names import name_key
from bot.db import schema as s


class _NoSuchCouncil(Enum):
    """A council was named that is not in the data: every query answers "nothing".

    An enum with one member, so that ``cid is NO_SUCH_COUNCIL`` narrows the type."""

    TOKEN = "no such council"


NO_SUCH_COUNCIL = _NoSuchCouncil.TOKEN


def council_id(session: Session, council: str | None) -> int | None | Literal[_NoSuchCouncil.TOKEN]:
    """Id of the council named exactly (its name or district, normalised); None: no filter."""
    if council is None:
        return None
    key = name_key(council)
    by_name = session.execute(select(s.Council.id).where(s.Council.name_key == key)).scalar()
    if by_name is not None:
        return by_name
    with_district = session.execute(select(s.Council.id, s.Council.district).where(s.Council.district.isnot(None)))
    by_district = [row.id for row in with_district if name_key(row.district) == key]
    return by_district[0] if len(by_district) == 1 else NO_SUCH_COUNCIL


def council_names(session: Session) -> dict[int, str]:
    return dict(session.execute(select(s.Council.id, s.Council.name)).all())


def source(
    document: s.Document,
    meeting: s.Meeting | None,
    council: str | None,
    agenda_number: str | None = None,
) -> Source:
    return Source(
        council=council,
        meeting_number=meeting.number if meeting else None,
        meeting_date=meeting.date if meeting else None,
        document=document.file_name,
        paper_number=document.paper_number,
        agenda_number=agenda_number,
        url=document.source_url,
        excerpt=bool(document.excerpt),
    )


def meeting_fact(meeting: s.Meeting, councils: dict[int, str]) -> MeetingFact:
    council = councils.get(meeting.council_id)
    return MeetingFact(
        council=council,
        number=meeting.number,
        date=meeting.date,
        place=meeting.place,
        address=meeting.address,
        start_time=meeting.start_time,
        end_time=meeting.end_time,
        end_time_approximate=bool(meeting.end_time_approximate),
        source=source(meeting.document, meeting, council),
    )


def latest_first(query):
    """Order meetings newest first; meetings without a date last, then by number."""
    return query.order_by(
        s.Meeting.date.is_(None), s.Meeting.date.desc(), s.Meeting.number.desc().nulls_last(), s.Meeting.id.desc()
    )
