"""A period in words: "im Mai 2019", "im Jahr 2019", "von März bis Mai 2019", "seit Januar 2015"."""

from __future__ import annotations

import datetime as dt

from bot.core.german import MONTHS
from bot.core.periods import Period
from bot.language.format import format_date


def _month(date: dt.date, year: bool = True) -> str:
    return f"{MONTHS[date.month - 1]} {date.year}" if year else MONTHS[date.month - 1]


def _month_start(date: dt.date) -> bool:
    return date.day == 1


def _month_end(date: dt.date) -> bool:
    return (date + dt.timedelta(days=1)).day == 1


def period_phrase(period: Period, today: dt.date | None = None) -> str:
    """The period for a sentence, with its preposition ("im Mai 2019", "seit Januar 2015")."""
    start, end = period.start, period.end
    if period.whole_year:
        return f"im Jahr {period.whole_year}"
    if start.year <= 1900:
        return f"bis {format_date(end, weekday=False)}"
    if today is not None and end == today and _month_start(start):
        return f"seit {_month(start)}"
    if _month_start(start) and _month_end(end):
        if (start.year, start.month) == (end.year, end.month):
            return f"im {_month(start)}"
        if start.month == 1 and end.month == 12:
            return f"von {start.year} bis {end.year}"
        same_year = start.year == end.year
        return f"von {_month(start, year=not same_year)} bis {_month(end)}"
    return f"vom {format_date(start, weekday=False)} bis {format_date(end, weekday=False)}"
