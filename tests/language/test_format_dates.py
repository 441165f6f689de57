"""Dates as "Montag, 1. April 2019", times as "19 Uhr" / "20:45 Uhr"; no locale involved."""
import datetime as dt
import locale

import pytest

from bot.language.format import format_date, format_time


@pytest.mark.parametrize(
    "date, expected",
    [
        (dt.date(2019, 4, 1), "Montag, 1. April 2019"),
        (dt.date(2019, 6, 15), "Samstag, 15. Juni 2019"),
        (dt.date(2020, 2, 29), "Samstag, 29. Februar 2020"),
        (dt.date(2019, 3, 31), "Sonntag, 31. März 2019"),
        (dt.date(2021, 12, 1), "Mittwoch, 1. Dezember 2021"),
        (dt.datetime(2019, 4, 1, 19, 0), "Montag, 1. April 2019"),
    ],
)
def test_format_date(date, expected):
    assert format_date(date) == expected


def test_format_date_without_weekday():
    assert format_date(dt.date(2019, 4, 1), weekday=False) == "1. April 2019"


def test_format_date_does_not_depend_on_the_locale():
    before = locale.setlocale(locale.LC_TIME)
    try:
        locale.setlocale(locale.LC_TIME, "C")
        assert format_date(dt.date(2019, 4, 1)) == "Montag, 1. April 2019"
    finally:
        locale.setlocale(locale.LC_TIME, before)


@pytest.mark.parametrize(
    "time, approximate, expected",
    [
        (dt.time(19, 0), False, "19 Uhr"),
        (dt.time(20, 45), False, "20:45 Uhr"),
        (dt.time(20, 45), True, "ungefähr 20:45 Uhr"),
        (dt.time(9, 5), False, "9:05 Uhr"),
        (dt.time(0, 0), False, "0 Uhr"),  # midnight
        (dt.time(0, 30), True, "ungefähr 0:30 Uhr"),
        (dt.time(23, 59, 59), False, "23:59 Uhr"),  # seconds are not shown
        (dt.datetime(2019, 4, 1, 19, 0), False, "19 Uhr"),
    ],
)
def test_format_time(time, approximate, expected):
    assert format_time(time, approximate) == expected


@pytest.mark.parametrize("function", [format_date, format_time])
def test_missing_value_is_an_error_not_a_guess(function):
    with pytest.raises(ValueError, match="fehlt"):
        function(None)


def test_raw_strings_are_refused():
    with pytest.raises(TypeError):
        format_date("01.04.2019")
    with pytest.raises(TypeError):
        format_time("19.00")
