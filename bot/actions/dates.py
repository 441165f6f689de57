"""Dates and years as users write them: "1. April 2019", "01.04.2019", "2019".

German month names come from bot.core.german (one table for writing and reading).
Nothing is filled in: a date without a year keeps the year None.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as date_parser

from bot.core.german import MONTH_NUMBERS


class _GermanDates(date_parser.parserinfo):
    """dateutil with German month names (dateutil knows only English ones)."""

    def __init__(self) -> None:
        super().__init__(dayfirst=True)

    def month(self, name: str) -> int | None:
        return MONTH_NUMBERS.get(name.lower())


def parse_date(text: str) -> tuple[int, int, int | None] | None:
    """(day, month, year or None) from "1. April 2019", "01.04.2019", "2019-04-01".

    Returns None when the text is not a date with at least day and month. The year
    stays None when the text has none: it is never filled in with a guess.
    """
    text = text.strip()
    try:
        iso = dt.date.fromisoformat(text)
        return iso.day, iso.month, iso.year
    except ValueError:
        pass
    try:
        # Parsed with two different defaults: what differs was not in the text.
        a = date_parser.parse(text, parserinfo=_GermanDates(), fuzzy=True, default=dt.datetime(2000, 1, 1))
        b = date_parser.parse(text, parserinfo=_GermanDates(), fuzzy=True, default=dt.datetime(2001, 2, 2))
    except (ValueError, OverflowError):
        return None
    if (a.day, a.month) != (b.day, b.month):
        return None
    return a.day, a.month, (a.year if a.year == b.year else None)


def parse_year(text: str) -> int | None:
    """The first four-digit year in the text ("im Jahr 2019" -> 2019), else None."""
    match = re.search(r"\b(1[89]\d\d|2\d\d\d)\b", text)
    return int(match.group(1)) if match else None
