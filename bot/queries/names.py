"""A name alone ("IGS", "Grube", "Limmer"): which organisation, person or council it means.

Every kind is looked up with its own matcher (organisations, people, councils with their
Stadtbezirk and Stadtteile). A word that is a whole word of exactly one organisation's
name counts too ("IGS" is the "Förderverein der IGS Linden e.V."). A name that is exactly
a known name of one kind wins over partial matches of the others ("Mitte" is the council);
otherwise every match is offered, so that nobody gets an answer about the wrong name.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.core.names import name_key, organisation_key
from bot.db import schema as s
from bot.queries.cache import cached
from bot.queries.councils import find_council
from bot.queries.grants import find_organisation
from bot.queries.members import find_person

ORGANISATION = "organisation"
PERSON = "person"
COUNCIL = "council"
MAX_MATCHES = 5


@dataclass(frozen=True)
class NameMatch:
    kind: str  # ORGANISATION, PERSON or COUNCIL
    name: str  # the canonical name
    exact: bool  # the text is exactly one of its spellings


def _organisation_spellings(session: Session) -> list[tuple[str, str]]:
    pairs = [(name, name) for (name,) in session.execute(select(s.Organisation.name))]
    pairs += session.execute(select(s.OrganisationAlias.name, s.Organisation.name).join(s.Organisation)).all()
    return [(spelling, canonical) for spelling, canonical in pairs]


def _organisations(session: Session, text: str) -> list[NameMatch]:
    key = organisation_key(text)
    spellings = _organisation_spellings(session)
    exact = {canonical for spelling, canonical in spellings if organisation_key(spelling) == key}
    if exact:
        return [NameMatch(ORGANISATION, name, True) for name in sorted(exact)]
    found = find_organisation(session, text)
    if found.resolved:
        return [NameMatch(ORGANISATION, found.resolved, False)]
    if len(key) < 3 or " " in key:
        return []
    # One word that is a whole word of an organisation's name: "IGS", "kargah".
    words = {canonical for spelling, canonical in spellings if key in organisation_key(spelling).split()}
    return [NameMatch(ORGANISATION, name, False) for name in sorted(words)]


def _people(session: Session, text: str) -> list[NameMatch]:
    found = find_person(session, text)
    if found.resolved:
        return [NameMatch(PERSON, found.resolved, name_key(text) in _person_keys(session, found.resolved))]
    return []


def _person_keys(session: Session, full_name: str) -> set[str]:
    row = session.execute(
        select(s.Person.full_name, s.Person.family_name).where(s.Person.name_key == name_key(full_name))
    ).first()
    return {name_key(part) for part in row if part} if row else set()


def _councils(session: Session, text: str) -> list[NameMatch]:
    found = find_council(session, text)
    if not found.resolved:
        return []
    key = name_key(text)
    spellings = [found.resolved]
    council = session.execute(select(s.Council).where(s.Council.name == found.resolved)).scalar()
    if council is not None:
        spellings.append(council.district or council.name)
        quarters = session.execute(select(s.Quarter.name).where(s.Quarter.council_id == council.id))
        spellings += [quarter for (quarter,) in quarters]
    return [NameMatch(COUNCIL, found.resolved, key in {name_key(x) for x in spellings})]


@cached
def identify(session: Session, text: str | None) -> list[NameMatch]:
    """What a name alone means: one match, several to choose from, or none."""
    if not text or not name_key(text):
        return []
    matches = _councils(session, text) + _organisations(session, text) + _people(session, text)
    exact = [m for m in matches if m.exact]
    return (exact or matches)[:MAX_MATCHES]


def document_count(session: Session, council: str) -> int:
    """How many documents of a council the bot has read."""
    query = (
        select(func.count(s.Document.id))
        .join(s.Council, s.Document.council_id == s.Council.id)
        .where(s.Council.name == council)
    )
    return int(session.execute(query).scalar() or 0)
