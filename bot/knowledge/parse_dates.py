"""German dates ("01.04.2019", "12. Mai 2015", "Montag, 1. April 2019") and times
("19.00 Uhr", "20:16 Uhr", "ca. 20.45 Uhr").

Only complete dates count: "am 15.06." without a year is not a date here, because a
meeting date must never be guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from bot.core.german import MONTH_NUMBERS

WEEKDAY = r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonnabend|Sonntag)"
_MONTH_ALT = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))  # German names: bot.core.german
_NUMERIC_RE = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4})|(\d{2}))(?![\d])")
_TEXTUAL_RE = re.compile(rf"(?<![\d.])(\d{{1,2}})\.\s*({_MONTH_ALT})\.?\s+(\d{{4}})(?!\d)", re.IGNORECASE)
_TIME_RE = re.compile(
    r"(?P<approx>\b(?:ca\.?|circa|gegen|etwa|ungefähr)\s*)?(?<![\d.:])(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*Uhr\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateHit:
    date: dt.date
    start: int
    end: int
    weekday: bool  # written with a weekday ("Montag, 1. April 2019")
    preceded_by_am: bool  # "am 01.04.2019" / "vom 01.04.2019"


@dataclass(frozen=True)
class TimeHit:
    time: dt.time
    approximate: bool
    start: int
    end: int


def _year(four: str | None, two: str | None) -> int:
    if four:
        return int(four)
    # _NUMERIC_RE ends in either a four-digit or a two-digit year group, so one has matched.
    assert two is not None
    # Two-digit years ("28.11.12") only occur for this century in these documents.
    return 2000 + int(two)


def find_dates(text: str) -> list[DateHit]:
    """Every complete, valid date in ``text``, in order of appearance."""
    hits: list[DateHit | None] = []  # None for an impossible date, dropped below
    for match in _NUMERIC_RE.finditer(text):
        day, month = int(match.group(1)), int(match.group(2))
        hits.append(_hit(text, match, day, month, _year(match.group(3), match.group(4))))
    for match in _TEXTUAL_RE.finditer(text):
        month = MONTH_NUMBERS[match.group(2).lower()]
        hits.append(_hit(text, match, int(match.group(1)), month, int(match.group(3))))
    return sorted((h for h in hits if h is not None), key=lambda h: h.start)


def _hit(text: str, match: re.Match, day: int, month: int, year: int) -> DateHit | None:
    try:
        date = dt.date(year, month, day)
    except ValueError:  # "18.62.05" is an office number, not a date
        return None
    before = text[max(0, match.start() - 40) : match.start()]
    weekday = bool(re.search(rf"{WEEKDAY},?\s*(?:den\s+)?$", before))
    am = bool(re.search(rf"\b(?:am|vom)\s+(?:{WEEKDAY},?\s*(?:den\s+)?)?$", before, re.IGNORECASE))
    return DateHit(date, match.start(), match.end(), weekday, am)


def find_times(text: str) -> list[TimeHit]:
    """Every clock time written with "Uhr" in ``text``."""
    hits = []
    for match in _TIME_RE.finditer(text):
        hour, minute = int(match.group("h")), int(match.group("m") or 0)
        if hour <= 24 and minute < 60:
            time = dt.time(0, minute) if hour == 24 else dt.time(hour, minute)
            hits.append(TimeHit(time, bool(match.group("approx")), match.start(), match.end()))
    return hits


_RANGE_RE = re.compile(
    r"(?P<approx1>\b(?:ca\.?|circa)\s*)?(?<![\d.:])(?P<h1>\d{1,2})[.:](?P<m1>\d{2})\s*(?:Uhr\s*)?(?:-|–|bis)\s*"
    r"(?P<approx2>(?:ca\.?|circa)\s*)?(?P<h2>\d{1,2})[.:](?P<m2>\d{2})\s*Uhr",
    re.IGNORECASE,
)


def find_time_range(text: str) -> tuple[TimeHit, TimeHit] | None:
    """A span like "16:00 - 19:30 Uhr" or "19.00 bis ca. 21.15 Uhr"."""
    match = _RANGE_RE.search(text)
    if not match:
        return None
    try:
        start = dt.time(int(match.group("h1")), int(match.group("m1")))
        end = dt.time(int(match.group("h2")), int(match.group("m2")))
    except ValueError:
        return None
    return (
        TimeHit(start, bool(match.group("approx1")), match.start(), match.end()),
        TimeHit(end, bool(match.group("approx2")), match.start(), match.end()),
    )
