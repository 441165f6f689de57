"""Grants: fuzzy organisation names, totals, application numbers, council isolation."""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from bot.db.session import session_scope
from bot.importer.writer import write_document
from bot.knowledge.records import GrantStatus, Meeting
from bot.queries import grants

LINDEN = "Integrationsbeirat Linden-Limmer"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("banyul", "Banjul e.V."),
        ("Banjul e.V.", "Banjul e.V."),
        ("banjul ev", "Banjul e.V."),
        ("BANJUL", "Banjul e.V."),
        ("Banjull", "Banjul e.V."),
        ("Förderverein IGS Linden", "Förderverein der IGS Linden e.V."),
        ("förderverein der igs linden", "Förderverein der IGS Linden e.V."),
        ("Foerderverein IGS Linden e.V.", "Förderverein der IGS Linden e.V."),
        ("igs linden", "Förderverein der IGS Linden e.V."),
    ],
)
def test_organisation_names_resolve(session, text, expected):
    assert grants.find_organisation(session, text).resolved == expected


@pytest.mark.parametrize("text", ["linden", "verein", "Nachbarschaftstreff"])
def test_vague_names_give_suggestions_not_a_guess(session, text):
    found = grants.find_organisation(session, text)
    assert found.resolved is None, f"{text!r} is too vague to resolve, got {found.resolved}"
    assert found.suggestions, f"{text!r} should suggest the closest names"


def test_unknown_organisation_has_no_resolution(session):
    assert grants.find_organisation(session, "Sportverein Nordstadt") == grants.Lookup(None, ())


def test_grants_for_organisation_carry_amount_and_source(session):
    [grant] = grants.grants_for_organisation(session, "Banjul e.V.")
    assert (grant.application_number, grant.amount, grant.status) == ("04/2019", Decimal("1400.00"), "recommended")
    source = grant.source
    assert (source.council, source.meeting_number, source.meeting_date, source.agenda_number) == (
        LINDEN, 32, dt.date(2019, 4, 1), "2")
    assert source.document == "2019-04-01_linden-limmer_32.txt"
    assert grants.grants_for_organisation(session, "Banyul e.V.") == [grant], "an alias finds the same grants"


def test_totals_per_council_and_year(session):
    linden = grants.grant_total(session, council=LINDEN, year=2019)
    assert (linden.total, linden.count, linden.councils) == (Decimal("2199.00"), 2, (LINDEN,))
    everything = grants.grant_total(session, year=2019)
    assert everything.total == Decimal("2939.70") and everything.count == 3
    assert grants.grant_total(session, council=LINDEN, year=2018) is None
    on_day = grants.grant_total(session, meeting_date=dt.date(2019, 4, 1))
    assert on_day.total == Decimal("2199.00")


def test_unknown_council_gives_nothing(session):
    assert grants.list_grants(session, council="Integrationsbeirat Mitte") == []
    assert grants.grant_total(session, council="Integrationsbeirat Mitte") is None
    assert grants.grants_for_organisation(session, "Banjul e.V.", council="Integrationsbeirat Ricklingen") == []
    assert grants.grants_by_application_number(session, "01/2019", council=LINDEN) == []


def test_application_number_in_any_form(session):
    assert [g.organisation for g in grants.grants_by_application_number(session, "4/2019")] == ["Banjul e.V."]
    assert grants.grants_by_application_number(session, "04/2019", council="linden-limmer")[0].amount == Decimal("1400.00")
    assert grants.grants_by_application_number(session, "99/2019") == []


def test_decision_after_recommendation_counts_once(seeded_url, seed):
    """The Stadtbezirksrat decides 04/2019 later: lists and totals show it once, decided."""
    decided = dataclasses.replace(seed().grants[0], status=GrantStatus.DECIDED)
    later = seed(source_path="knowledge/protocols/2019-06-03_linden-limmer_33.txt", content_sha256="9" * 64,
                 meeting=Meeting(number=33, date=dt.date(2019, 6, 3)), grants=(decided,), people=(), passages=())
    with session_scope(seeded_url) as session:
        write_document(session, later)
    with session_scope(seeded_url) as session:
        listed = grants.list_grants(session, council=LINDEN)
        history = grants.grants_by_application_number(session, "04/2019")
        total = grants.grant_total(session, council=LINDEN)
    assert [(g.application_number, g.status) for g in listed] == [("05/2019", "recommended"), ("04/2019", "decided")]
    assert [g.status for g in history] == ["recommended", "decided"], "the history keeps both entries"
    assert total.total == Decimal("2199.00"), f"04/2019 counted twice: {total.total}"


def test_total_with_an_unknown_amount_is_not_given(seeded_url, seed):
    unknown = dataclasses.replace(seed().grants[0], application_number="09/2019", amount=None)
    later = seed(source_path="later.txt", content_sha256="8" * 64, meeting=Meeting(number=34, date=dt.date(2019, 9, 2)),
                 grants=(unknown,), people=(), passages=())
    with session_scope(seeded_url) as session:
        write_document(session, later)
    with session_scope(seeded_url) as session:
        assert grants.grant_total(session, council=LINDEN, year=2019) is None, "a total missing an amount is a guess"
        assert grants.grant_total(session, council=LINDEN, meeting_date=dt.date(2019, 4, 1)).total == Decimal("2199.00")
