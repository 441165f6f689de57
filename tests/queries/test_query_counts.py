"""Counting and comparing from the documents (seed: Linden-Limmer 2 grants, Ricklingen 1)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from bot.core.periods import Period
from bot.queries import counts

LINDEN = "Integrationsbeirat Linden-Limmer"


def test_meetings_by_council_and_period(session):
    assert len(counts.meetings(session)) == 2
    assert [m.number for m in counts.meetings(session, LINDEN)] == [32]
    assert [m.number for m in counts.meetings(session, None, Period.months(2019, 5))] == [7]
    assert counts.meetings(session, "Integrationsbeirat Mitte") == []


def test_grants_in_a_period(session):
    assert len(counts.grants_in(session).grants) == 3
    may = counts.grants_in(session, None, Period.months(2019, 5))
    assert [g.application_number for g in may.grants] == ["01/2019"] and may.undated == 0
    assert counts.grants_in(session, LINDEN, Period(dt.date(2020, 1, 1), dt.date(2020, 6, 1))).grants == ()


def test_money_by_council_and_organisation_most_first(session):
    by_council = counts.money_by_council(session)
    assert by_council.totals[0] == (LINDEN, Decimal("2199.00"), 2)
    assert by_council.totals[1][0] == "Integrationsbeirat Ricklingen"
    assert counts.money_by_organisation(session).totals[0][0] == "Banjul e.V."


def test_ranked_grants(session):
    assert [g.amount for g in counts.ranked_grants(session)] == [Decimal("1400.00"), Decimal("799.00"), Decimal("740.70")]
    assert counts.ranked_grants(session, smallest=True)[0].amount == Decimal("740.70")
