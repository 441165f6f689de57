"""People: members, chair, deputy, administration, guests, attendance, and name lookup.

A role is always as of a meeting: the protocols list who was chair or member at
that meeting, so "the members" are those of the latest meeting that lists members.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.enums import Attendance, Role
from bot.core.facts import AttendanceFact, Lookup, PersonFact
from bot.core.names import name_key
from bot.db import schema as s
from bot.queries.cache import cached
from bot.queries.common import NO_SUCH_COUNCIL, council_id, council_names, latest_first, meeting_fact, source
from bot.queries.fuzzy import Matcher
from bot.queries.meetings import find_meeting

COUNCIL_ROLES = (Role.CHAIR.value, Role.DEPUTY.value, Role.MEMBER.value)
# When one person has several roles at one meeting, the first of these is theirs.
ROLE_ORDER = [
    r.value
    for r in (Role.CHAIR, Role.DEPUTY, Role.MEMBER, Role.ADMINISTRATION, Role.GUEST, Role.MODERATOR, Role.MINUTE_TAKER)
]
# Persons: a typo in a name resolves only when very close ("Malast"); "Lang" is not "Lange".
_MATCHER = Matcher(key=name_key, threshold=90, min_words_for_subset=2)


def _rank(membership: s.Membership) -> tuple[int, int]:
    role = ROLE_ORDER.index(membership.role) if membership.role in ROLE_ORDER else len(ROLE_ORDER)
    return role, membership.line


def _person_fact(membership: s.Membership, meeting: s.Meeting, councils: dict[int, str]) -> PersonFact:
    person = membership.person
    council = councils.get(membership.council_id)
    return PersonFact(
        full_name=person.full_name,
        salutation=person.salutation,
        role=Role(membership.role),
        party=membership.party,
        function=membership.function,
        council=council,
        source=source(meeting.document, meeting, council, membership.agenda_number),
    )


def _latest_meeting_with(session: Session, council: str | None, roles: tuple[str, ...]) -> s.Meeting | None:
    cid = council_id(session, council)
    if cid is NO_SUCH_COUNCIL:
        return None
    query = select(s.Meeting).where(
        s.Meeting.id.in_(select(s.Membership.meeting_id).where(s.Membership.role.in_(roles)))
    )
    if cid is not None:
        query = query.where(s.Meeting.council_id == cid)
    return session.execute(latest_first(query).limit(1)).scalar()


def _by_person(session: Session, meeting: s.Meeting | None, roles: tuple[str, ...]) -> dict[int, PersonFact]:
    """Person id -> fact, in role then document order, each person once."""
    if meeting is None:
        return {}
    memberships = (
        session.execute(select(s.Membership).where(s.Membership.meeting_id == meeting.id, s.Membership.role.in_(roles)))
        .scalars()
        .all()
    )
    councils = council_names(session)
    facts: dict[int, PersonFact] = {}
    for membership in sorted(memberships, key=_rank):
        facts.setdefault(membership.person_id, _person_fact(membership, meeting, councils))
    return facts


def _at_meeting(session: Session, meeting: s.Meeting | None, roles: tuple[str, ...]) -> list[PersonFact]:
    return list(_by_person(session, meeting, roles).values())


@cached
def list_members(session: Session, council: str | None = None) -> list[PersonFact]:
    """Council members incl. chair and deputy, from the latest meeting that lists them."""
    return _at_meeting(session, _latest_meeting_with(session, council, COUNCIL_ROLES), COUNCIL_ROLES)


@cached
def chair(session: Session, council: str | None = None) -> PersonFact | None:
    """The chair named by the latest meeting that names one."""
    roles = (Role.CHAIR.value,)
    people = _at_meeting(session, _latest_meeting_with(session, council, roles), roles)
    return people[0] if people else None


@cached
def deputy(session: Session, council: str | None = None) -> PersonFact | None:
    """The deputy chair named by the latest meeting that names one."""
    roles = (Role.DEPUTY.value,)
    people = _at_meeting(session, _latest_meeting_with(session, council, roles), roles)
    return people[0] if people else None


@cached
def administration(
    session: Session, council: str | None = None, meeting_date: dt.date | None = None
) -> list[PersonFact]:
    """People from the city administration at that meeting (the latest one when no date)."""
    roles = (Role.ADMINISTRATION.value,)
    return _at_meeting(session, find_meeting(session, council, meeting_date), roles)


@cached
def guests(session: Session, council: str | None = None, meeting_date: dt.date | None = None) -> list[PersonFact]:
    """Invited guests of that meeting (the latest one when no date)."""
    roles = (Role.GUEST.value,)
    return _at_meeting(session, find_meeting(session, council, meeting_date), roles)


@cached
def attendance(
    session: Session, council: str | None = None, meeting_date: dt.date | None = None
) -> AttendanceFact | None:
    """Which council members were present or excused at that meeting (the latest one when no
    date); None when the protocol does not say."""
    meeting = find_meeting(session, council, meeting_date)
    if meeting is None:
        return None
    members = _by_person(session, meeting, COUNCIL_ROLES)
    status = dict(
        session.execute(
            select(s.AttendanceEntry.person_id, s.AttendanceEntry.status).where(
                s.AttendanceEntry.meeting_id == meeting.id
            )
        ).all()
    )
    present = tuple(fact for pid, fact in members.items() if status.get(pid) == Attendance.PRESENT)
    excused = tuple(fact for pid, fact in members.items() if status.get(pid) == Attendance.EXCUSED)
    absent = tuple(fact for pid, fact in members.items() if status.get(pid) == Attendance.ABSENT)
    if not present and not excused and not absent:
        return None
    return AttendanceFact(
        meeting=meeting_fact(meeting, council_names(session)), present=present, excused=excused, absent=absent
    )


@cached
def person(session: Session, full_name: str, council: str | None = None) -> PersonFact | None:
    """That person's role, party and function as of the latest meeting that lists them."""
    cid = council_id(session, council)
    if cid is NO_SUCH_COUNCIL or not full_name:
        return None
    query = (
        select(s.Membership, s.Meeting)
        .join(s.Person, s.Membership.person_id == s.Person.id)
        .join(s.Meeting, s.Membership.meeting_id == s.Meeting.id)
        .where(s.Person.name_key == name_key(full_name))
    )
    if cid is not None:
        query = query.where(s.Membership.council_id == cid)
    rows = session.execute(latest_first(query)).all()
    if not rows:
        return None
    latest = rows[0][1].id
    membership, meeting = min((row for row in rows if row[1].id == latest), key=lambda row: _rank(row[0]))
    return _person_fact(membership, meeting, council_names(session))


@cached
def find_person(session: Session, text: str | None, council: str | None = None) -> Lookup:
    """Who a name means ("Grube", "inga schmalz"): resolved, or the closest names.

    A family name alone resolves only when one person has it; two people named
    Grube are both suggested.
    """
    cid = council_id(session, council)
    if cid is NO_SUCH_COUNCIL:
        return Lookup(None, ())
    query = select(s.Person).where(
        s.Person.id.in_(
            select(s.Membership.person_id)
            if cid is None
            else select(s.Membership.person_id).where(s.Membership.council_id == cid)
        )
    )
    candidates: list[tuple[str, str]] = []
    for row in session.execute(query).scalars():
        candidates.append((row.full_name, row.full_name))
        candidates.append((row.family_name, row.full_name))
    return _MATCHER.lookup(text, candidates)
