"""Dates and years as users write them; a missing year is never guessed."""
from __future__ import annotations

import pytest

from bot.actions.dates import parse_date, parse_year


@pytest.mark.parametrize(
    "text, expected",
    [
        ("1. April 2019", (1, 4, 2019)),
        ("01.04.2019", (1, 4, 2019)),
        ("1.4.19", (1, 4, 2019)),
        ("2019-04-01", (1, 4, 2019)),
        ("am Montag, 1. April 2019", (1, 4, 2019)),
        ("3. März 2020", (3, 3, 2020)),
        ("1. April", (1, 4, None)),  # no year: never filled in with a guess
        ("April 2019", None),  # no day
        ("irgendwann", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text, expected", [("2019", 2019), ("im Jahr 2020", 2020), ("neunzehn", None)])
def test_parse_year(text, expected):
    assert parse_year(text) == expected
