"""Counting and comparing: meetings, grants in a period, money per council, the biggest grant.

Everything is counted from the documents in the database only: the answers say
"in meinen Unterlagen", never "there were N meetings" as if the list were complete.
Money is summed over the applications recommended or decided (never rejected),
each application once (``grants.list_grants``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from bot.core.enums import GrantStatus
from bot.core.facts import GrantFact, MeetingFact
from bot.core.periods import Period
from bot.queries import grants as grant_queries
from bot.queries import meetings as meeting_queries
from bot.queries.cache import cached


@dataclass(frozen=True)
class GrantsInPeriod:
    grants: tuple[GrantFact, ...]
    undated: int  # applications of an overlapping year without a meeting day: not placed in a part of a year


@dataclass(frozen=True)
class MoneyBy:
    """Money (not rejected) summed per name, most first; ``unknown``: names with an amount missing."""

    totals: tuple[tuple[str, Decimal, int], ...]  # (name, sum, applications)
    unknown: tuple[str, ...]
    grants: tuple[GrantFact, ...]


@cached
def meetings(session: Session, council: str | None = None, period: Period | None = None) -> list[MeetingFact]:
    """The meetings in the documents (of a council, in a period), oldest first."""
    return meeting_queries.list_meetings(session, council, period=period)


@cached
def grants_in(session: Session, council: str | None = None, period: Period | None = None) -> GrantsInPeriod:
    """Applications (each once, latest state) of a council in a period, oldest first.

    An application counts when its meeting day is in the period. One without a day
    (a decision paper names only its year) counts when the period covers that whole year.
    """
    if period is None:
        return GrantsInPeriod(tuple(grant_queries.list_grants(session, council=council)), 0)
    found: list[GrantFact] = []
    undated = 0
    for year in grant_queries.grant_years(session, council):
        if not period.start.year <= year <= period.end.year:
            continue
        for grant in grant_queries.list_grants(session, council=council, year=year):
            day = grant.source.meeting_date
            if day is not None:
                if period.contains(day):
                    found.append(grant)
            elif period.covers_year(year):
                found.append(grant)
            else:
                undated += 1
    return GrantsInPeriod(tuple(found), undated)


def _money(grants: list[GrantFact], key) -> MoneyBy:
    sums: dict[str, Decimal] = defaultdict(lambda: Decimal("0.00"))
    counts: dict[str, int] = defaultdict(int)
    unknown: set[str] = set()
    counted = [g for g in grants if g.status != GrantStatus.REJECTED]
    for grant in counted:
        name = key(grant)
        counts[name] += 1
        if grant.amount is None:
            unknown.add(name)
        else:
            sums[name] += grant.amount
    totals = sorted(((n, sums[n], counts[n]) for n in counts), key=lambda t: (-t[1], t[0]))
    return MoneyBy(tuple(totals), tuple(sorted(unknown)), tuple(counted))


@cached
def money_by_council(session: Session, period: Period | None = None) -> MoneyBy:
    """Money per council (recommended or decided), most first."""
    grants = list(grants_in(session, None, period).grants)
    return _money([g for g in grants if g.source.council], lambda g: g.source.council)


@cached
def money_by_organisation(session: Session, council: str | None = None, period: Period | None = None) -> MoneyBy:
    """Money per organisation (recommended or decided), most first; applications without a name left out."""
    grants = [g for g in grants_in(session, council, period).grants if g.organisation or g.applicant_as_written]
    return _money(grants, lambda g: g.organisation or g.applicant_as_written)


@cached
def ranked_grants(
    session: Session, council: str | None = None, period: Period | None = None, smallest: bool = False
) -> list[GrantFact]:
    """Applications with an amount (not rejected), biggest first (or smallest first)."""
    grants = [
        g
        for g in grants_in(session, council, period).grants
        if g.amount is not None and g.status != GrantStatus.REJECTED
    ]
    return sorted(grants, key=lambda g: g.amount or Decimal("0"), reverse=not smallest)


def grant_years(session: Session, council: str | None = None) -> list[int]:
    """The years that have applications (of a council): what to offer when a period has none."""
    return grant_queries.grant_years(session, council)
