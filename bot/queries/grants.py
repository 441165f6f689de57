"""Grants (Zuwendungen): by organisation, by application number, lists and totals.

One application can appear in several documents: recommended by the council, carried
to the Stadtbezirksrat by a decision paper, decided. The importer links those entries
(``Grant.same_as_id``; the rule is in ``bot/importer/applications.py``: an application
number alone is no identity). Lists and totals use each application once, in its
latest state (a decision beats a recommendation); ``grants_by_application_number``
returns the whole history.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.enums import GrantStatus
from bot.core.facts import GrantFact, GrantTotal, Lookup, Source
from bot.core.names import application_key, organisation_key
from bot.db import schema as s
from bot.queries.cache import cached
from bot.queries.common import NO_SUCH_COUNCIL, council_id, council_names, source
from bot.queries.fuzzy import Matcher

_MATCHER = Matcher(key=organisation_key, threshold=88, min_words_for_subset=2)
_FINAL = {GrantStatus.DECIDED.value: 1, GrantStatus.REJECTED.value: 1, GrantStatus.RECOMMENDED.value: 0}


@cached
def find_organisation(session: Session, text: str | None) -> Lookup:
    """The organisation a text means ("banyul", "Förderverein IGS Linden", "banjul ev")."""
    candidates = [(name, name) for (name,) in session.execute(select(s.Organisation.name))]
    candidates += session.execute(select(s.OrganisationAlias.name, s.Organisation.name).join(s.Organisation)).all()
    return _MATCHER.lookup(text, [tuple(pair) for pair in candidates])


def _rows(session: Session, council: str | None, *conditions):
    """(grant, document, meeting, organisation name, agenda number) rows; None: unknown council."""
    cid = council_id(session, council)
    if cid is NO_SUCH_COUNCIL:
        return None
    query = (
        select(s.Grant, s.Document, s.Meeting, s.Organisation.name, s.AgendaItem.number)
        .join(s.Document, s.Grant.document_id == s.Document.id)
        .outerjoin(s.Meeting, s.Grant.meeting_id == s.Meeting.id)
        .outerjoin(s.Organisation, s.Grant.organisation_id == s.Organisation.id)
        .outerjoin(s.AgendaItem, s.Grant.agenda_item_id == s.AgendaItem.id)
        .where(*conditions)
    )
    if cid is not None:
        query = query.where(s.Grant.council_id == cid)
    return session.execute(query).all()


def _fact(row, councils: dict[int, str]) -> GrantFact:
    grant, document, meeting, organisation, agenda_number = row
    return GrantFact(
        application_number=grant.application_number,
        organisation=organisation,
        applicant_as_written=grant.applicant,
        amount=grant.amount,
        purpose=grant.purpose,
        status=GrantStatus(grant.status),
        vote_text=grant.vote_text,
        source=source(document, meeting, councils.get(grant.council_id), agenda_number),
        ceiling=bool(grant.ceiling),
    )


def _chronological(row) -> tuple:
    grant, document, meeting, _, _ = row
    date = meeting.date if meeting is not None and meeting.date else dt.date.min
    return date, document.id, grant.line, grant.id


def _latest_state(rows) -> list:
    """Each application once, in its latest state: the entries the importer linked as one
    application (``same_as_id``) count once; every other entry is an application of its own."""
    chosen: dict[int, object] = {}
    for row in sorted(rows, key=lambda r: (_FINAL.get(r[0].status, 0), _chronological(r))):
        grant = row[0]
        chosen[grant.same_as_id or grant.id] = row  # later (and final) states overwrite earlier ones
    return sorted(chosen.values(), key=_chronological)


def _period(year: int | None, meeting_date: dt.date | None) -> list:
    conditions = []
    if meeting_date is not None:
        conditions.append(s.Meeting.date == meeting_date)
    if year is not None:
        # The application's year: its meeting's, else (decision papers) its number's or the paper's.
        conditions.append(s.Grant.year == year)
    return conditions


@cached
def grants_for_organisation(
    session: Session, organisation: str, council: str | None = None, year: int | None = None
) -> list[GrantFact]:
    """Grants of one organisation (canonical name or a known spelling), oldest first; of one year if given."""
    key = organisation_key(organisation or "")
    ids = (
        select(s.Organisation.id)
        .where(s.Organisation.name_key == key)
        .union(select(s.OrganisationAlias.organisation_id).where(s.OrganisationAlias.name_key == key))
    )
    rows = _rows(session, council, s.Grant.organisation_id.in_(ids), *_period(year, None))
    if not rows:
        return []
    councils = council_names(session)
    return [_fact(row, councils) for row in _latest_state(rows)]


@cached
def list_grants(
    session: Session, *, council: str | None = None, year: int | None = None, meeting_date: dt.date | None = None
) -> list[GrantFact]:
    """Grants in a council, year or meeting, each application once (latest state), oldest first."""
    rows = _rows(session, council, *_period(year, meeting_date))
    if not rows:
        return []
    councils = council_names(session)
    return [_fact(row, councils) for row in _latest_state(rows)]


def grant_years(session: Session, council: str | None = None) -> list[int]:
    """The years that have grants (of a council), oldest first: what to offer when a year has none."""
    query = select(s.Grant.year).where(s.Grant.year.isnot(None)).distinct()
    if council is not None:
        query = query.join(s.Council, s.Grant.council_id == s.Council.id).where(s.Council.name == council)
    return sorted(year for (year,) in session.execute(query))


@cached
def grants_by_application_number(session: Session, number: str, council: str | None = None) -> list[GrantFact]:
    """Every document's entry for an application number ("04/2019" = "4/2019"), oldest first."""
    key = application_key(number)
    if not key:
        return []
    rows = _rows(session, council, s.Grant.application_key == key)
    if not rows:
        return []
    councils = council_names(session)
    return [_fact(row, councils) for row in sorted(rows, key=_chronological)]


@cached
def grant_total(
    session: Session, *, council: str | None = None, year: int | None = None, meeting_date: dt.date | None = None
) -> GrantTotal | None:
    """Sum of the grants recommended or decided (not rejected), each application once.

    None when there are none, or when one of them has no amount in the protocol:
    a total that leaves out an unknown amount would be a wrong fact.
    """
    return total_of(list_grants(session, council=council, year=year, meeting_date=meeting_date))


def total_of(found: list[GrantFact]) -> GrantTotal | None:
    """The sum of these grants that are not rejected; None when there are none or an amount is missing."""
    grants = [g for g in found if g.status != GrantStatus.REJECTED]
    amounts = [g.amount for g in grants if g.amount is not None]
    if not grants or len(amounts) < len(grants):
        return None
    sources: list[Source] = []
    for grant in grants:
        meeting_source = Source(
            grant.source.council,
            grant.source.meeting_number,
            grant.source.meeting_date,
            grant.source.document,
            grant.source.paper_number,
            url=grant.source.url,
        )
        if meeting_source not in sources:
            sources.append(meeting_source)
    return GrantTotal(
        total=sum(amounts, Decimal("0.00")),
        count=len(grants),
        councils=tuple(sorted({g.source.council for g in grants if g.source.council})),
        years=tuple(sorted({g.source.meeting_date.year for g in grants if g.source.meeting_date})),
        sources=tuple(sources),
        ceilings=sum(1 for g in grants if g.ceiling),
    )
