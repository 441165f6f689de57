"""Periods as people say them, measured from a fixed 'today'."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.core.periods import Period, parse_period, today
from bot.language.periods import period_phrase

TODAY = dt.date(2026, 11, 29)
D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Wie viel Geld gab es im Mai 2019?", D(2019, 5, 1), D(2019, 5, 31)),
        ("Sitzungen Februar 2020", D(2020, 2, 1), D(2020, 2, 29)),
        ("Welche Sitzungen gab es 2015?", D(2015, 1, 1), D(2015, 12, 31)),
        ("Wie viel Geld gab es letztes Jahr?", D(2025, 1, 1), D(2025, 12, 31)),
        ("im vergangenen Jahr", D(2025, 1, 1), D(2025, 12, 31)),
        ("vorletztes Jahr", D(2024, 1, 1), D(2024, 12, 31)),
        ("Welche Sitzungen gab es vor zwei Jahren?", D(2024, 1, 1), D(2024, 12, 31)),
        ("vor 3 Jahren", D(2023, 1, 1), D(2023, 12, 31)),
        ("dieses Jahr", D(2026, 1, 1), TODAY),
        ("im Frühjahr", D(2026, 3, 1), D(2026, 5, 31)),
        ("im Frühjahr 2019", D(2019, 3, 1), D(2019, 5, 31)),
        ("im Winter 2020", D(2019, 12, 1), D(2020, 2, 29)),
        ("Anfang 2019", D(2019, 1, 1), D(2019, 4, 30)),
        ("Ende 2014", D(2014, 9, 1), D(2014, 12, 31)),
        ("seit 2015", D(2015, 1, 1), TODAY),
        ("seit März 2019", D(2019, 3, 1), TODAY),
        ("zwischen 2016 und 2014", D(2014, 1, 1), D(2016, 12, 31)),
        ("von 2011 bis 2014", D(2011, 1, 1), D(2014, 12, 31)),
        ("2011-2014", D(2011, 1, 1), D(2014, 12, 31)),
        ("bis 2015", D(1900, 1, 1), D(2015, 12, 31)),
        ("in den letzten 2 Jahren", D(2024, 11, 29), TODAY),
        ("letzten Monat", D(2026, 10, 1), D(2026, 10, 31)),
    ],
)
def test_periods(text, start, end):
    assert parse_period(text, TODAY) == Period(start, end)


def test_a_month_without_year_is_the_latest_such_month():
    assert parse_period("im Mai", TODAY) == Period(D(2026, 5, 1), D(2026, 5, 31))
    assert parse_period("im Dezember", TODAY) == Period(D(2025, 12, 1), D(2025, 12, 31))


@pytest.mark.parametrize(
    "text",
    ["am 01.04.2019", "1. April 2019", "2019-04-01", "Antrag 04/2019", "Drucksache 15-2038/2011", "Hallo", "", None],
)
def test_a_day_an_application_number_or_no_date_is_no_period(text):
    assert parse_period(text, TODAY) is None


def test_mitte_the_council_is_no_period():
    assert parse_period("Beirat Mitte 2019", TODAY) == Period.year(2019)
    assert parse_period("Mitte 2019", TODAY) == Period(D(2019, 5, 1), D(2019, 8, 31))


def test_as_text_is_read_back():
    for period in (Period.year(2019), Period.months(2019, 3, 3), Period(D(2015, 1, 1), TODAY)):
        assert parse_period(period.as_text(), TODAY) == period


def test_today_can_be_fixed(monkeypatch):
    monkeypatch.setenv("BEIRAT_TODAY", "2030-01-15")
    assert today() == D(2030, 1, 15)
    monkeypatch.delenv("BEIRAT_TODAY")
    assert today() == dt.date.today()


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Mai 2019", "im Mai 2019"),
        ("letztes Jahr", "im Jahr 2025"),
        ("seit 2015", "seit Januar 2015"),
        ("im Frühjahr 2019", "von März bis Mai 2019"),
        ("zwischen 2014 und 2016", "von 2014 bis 2016"),
        ("im Winter 2020", "von Dezember 2019 bis Februar 2020"),
    ],
)
def test_period_in_words(text, phrase):
    assert period_phrase(parse_period(text, TODAY), TODAY) == phrase
