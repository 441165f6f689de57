"""The small readers: euro amounts, German dates and times, votes."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from bot.knowledge.parse_amounts import find_amounts, granted_hits
from bot.knowledge.parse_dates import find_dates, find_time_range, find_times
from bot.knowledge.parse_votes import parse_vote
from bot.knowledge.records import VoteKind


@pytest.mark.parametrize("text, value", [
    ("1.400,00 €", "1400.00"), ("500,- €", "500.00"), ("500,-- EUR", "500.00"), ("1.400 Euro", "1400.00"),
    ("740,70 €", "740.70"), ("EUR 200", "200.00"), ("€2,400.00", "2400.00"), ("(€2,400.00)", "2400.00"),
    ("bis zu 400,00 €.", "400.00"), ("1 400,00 €", "1400.00"), ("0,00 €", "0.00"), ("1400€", "1400.00"),
])
def test_amount_formats(text, value):
    hits = find_amounts(text)
    assert [h.value for h in hits] == [Decimal(value)], f"{text!r} read as {hits}"


@pytest.mark.parametrize("text", ["1.4OO,00 €", "€ 1.4O0", "12,3,4 €"])
def test_garbled_amount_has_no_value(text):
    hits = find_amounts(text)
    assert len(hits) == 1 and hits[0].value is None


def test_words_and_dates_next_to_euro_are_no_amounts():
    assert find_amounts("Angaben in Euro: siehe Anlage") == []
    assert [h.value for h in find_amounts("am 01.04.2019 € 200")] == [Decimal("200.00")]
    assert [h.value for h in find_amounts("Antrag 12 400 €")] == [Decimal("400.00")], "'Antrag 12' is no thousands group"


def test_requested_sums_and_costs_are_not_granted():
    text = "Gesamtkosten 3.000 €, Eigenanteil 500 €, beantragt 2.000 €, empfohlen 1.500 €"
    assert [h.value for h in granted_hits(text)] == [Decimal("1500.00")]


@pytest.mark.parametrize("text, date", [
    ("am 01.04.2019", dt.date(2019, 4, 1)), ("Montag, 1. April 2019", dt.date(2019, 4, 1)),
    ("am 12. Mai 2015", dt.date(2015, 5, 12)), ("Datum:28.11.12", dt.date(2012, 11, 28)),
    ("3. Dez. 2013", dt.date(2013, 12, 3)), ("1.4.2019", dt.date(2019, 4, 1)),
])
def test_dates(text, date):
    assert [h.date for h in find_dates(text)] == [date]


@pytest.mark.parametrize("text", ["für den 15.06. im Faust", "am 15.06. 20 Gäste", "- 18.62.05 -", "32. Sitzung", "1.400,00 €"])
def test_incomplete_or_impossible_dates_are_none(text):
    assert find_dates(text) == []


def test_weekday_and_am_are_recognised():
    hit = find_dates("am Montag, 01.04.2019")[0]
    assert hit.weekday and hit.preceded_by_am


def test_times():
    assert [(t.time, t.approximate) for t in find_times("Beginn 19.00 Uhr, Ende ca. 20.45 Uhr, um 21 Uhr")] == [
        (dt.time(19), False), (dt.time(20, 45), True), (dt.time(21), False)]
    start, end = find_time_range("18.30 Uhr bis ca. 20.50 Uhr")
    assert (start.time, end.time, end.approximate) == (dt.time(18, 30), dt.time(20, 50), True)
    assert find_times("25.61 Uhr") == []


@pytest.mark.parametrize("text, kind, counts, written", [
    ("(einstimmig)", VoteKind.UNANIMOUS, (None, None, None), "einstimmig"),
    ("(mehrheitlich beschlossen)", VoteKind.MAJORITY, (None, None, None), "mehrheitlich beschlossen"),
    ("(14 Ja-Stimmen, 1 Nein-Stimme, 0 Enthaltungen)", VoteKind.COUNTED, (14, 1, 0),
     "14 Ja-Stimmen, 1 Nein-Stimme, 0 Enthaltungen"),
    ("Ja: 5, Nein: 0, Enthaltungen: 1", VoteKind.COUNTED, (5, 0, 1), "Ja: 5, Nein: 0, Enthaltungen: 1"),
    ("einstimmig bei einer Enthaltung", VoteKind.UNANIMOUS, (None, None, 1), "einstimmig bei einer Enthaltung"),
    ("Abstimmung: 8:0:1", VoteKind.COUNTED, (8, 0, 1), "8:0:1"),
    ("(einstimmig; vom Antrag abweichender Projektzeitraum: 15.06.2012)", VoteKind.UNANIMOUS, (None, None, None),
     "einstimmig"),
])
def test_votes(text, kind, counts, written):
    vote = parse_vote(text)
    assert (vote.kind, (vote.yes, vote.no, vote.abstain), vote.text) == (kind, counts, written)


@pytest.mark.parametrize("text", ["Beginn 19:00 Uhr", "Projekt: Sommerfest", "am 12/05/2019"])
def test_no_vote(text):
    assert parse_vote(text) is None


def test_three_decimals_are_read_only_when_exact():
    """ "3.000,000 €" (a real Drucksache) is exactly 3.000 €; "3.000,001 €" cannot be paid in cents."""
    assert [h.value for h in find_amounts("Zuwendungsbeitrag: 3.000,000 €")] == [Decimal("3000.00")]
    assert [h.value for h in find_amounts("Zuwendungsbeitrag: 3.000,001 €")] == [None]
