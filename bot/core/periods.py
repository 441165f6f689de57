"""Periods as people say them: "im Mai 2019", "2019", "letztes Jahr", "vor zwei Jahren",
"im Frühjahr", "Anfang 2019", "seit 2015", "zwischen 2014 und 2016".

A period is a first and a last day (both included). Relative words are measured from
``today``, which callers pass in (tests fix it); dateutil's relativedelta does the
calendar arithmetic. A single day ("01.04.2019", "1. April 2019") is not a period:
meetings and grants of one day are found by their date elsewhere.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from bot.core.german import MONTH_NUMBERS

_YEAR = r"(?<![-./\d])((?:19|20)\d\d)(?![./]\d)"
_MONTH = "|".join(sorted((re.escape(m) for m in MONTH_NUMBERS), key=len, reverse=True))
_NUMBERS = {"einem": 1, "einen": 1, "ein": 1, "eins": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5}
_NUMBER = r"(\d{1,2}|einem|einen|ein|eins|zwei|drei|vier|fünf)"
# Seasons by (first month, months long); winter starts in December of the year before.
_SEASONS = {"frühjahr": (3, 3), "frühling": (3, 3), "sommer": (6, 3), "herbst": (9, 3), "winter": (12, 3)}
_PARTS = {"anfang": (1, 4), "mitte": (5, 4), "ende": (9, 4)}  # thirds of a year
_NOT_COUNCIL = "(?<!beirat )(?<!in )(?<!von )(?<!aus )(?<!für )"
# A single day: kept out, so that its year is not read as a period.
_DAY = re.compile(
    rf"\b\d{{1,2}}\.\s*(?:\d{{1,2}}\.\s*(?:\d{{2,4}})?|(?:{_MONTH})\.?\s*(?:\d{{4}})?)|\b\d{{4}}-\d\d-\d\d\b"
)

_RANGE = re.compile(r"(\d{4}-\d\d-\d\d) bis (\d{4}-\d\d-\d\d)")


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # included

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31))

    @classmethod
    def months(cls, year: int, month: int, count: int = 1) -> Period:
        start = dt.date(year, month, 1)
        return cls(start, start + relativedelta(months=count, days=-1))

    @property
    def whole_year(self) -> int | None:
        """The year when the period is exactly one calendar year, else None."""
        if (self.start.month, self.start.day, self.end.month, self.end.day) == (1, 1, 12, 31):
            return self.start.year if self.start.year == self.end.year else None
        return None

    @property
    def whole_month(self) -> bool:
        return self == Period.months(self.start.year, self.start.month)

    def covers_year(self, year: int) -> bool:
        """True when every day of ``year`` is inside the period."""
        return self.start <= dt.date(year, 1, 1) and dt.date(year, 12, 31) <= self.end

    def contains(self, date: dt.date) -> bool:
        return self.start <= date <= self.end

    def as_text(self) -> str:
        """A text that ``parse_period`` reads back as this period (for button payloads)."""
        if self.whole_year:
            return str(self.whole_year)
        return f"{self.start.isoformat()} bis {self.end.isoformat()}"


def today() -> dt.date:
    """Today, or the day in BEIRAT_TODAY (ISO date): conversation tests fix "letztes Jahr"."""
    fixed = os.environ.get("BEIRAT_TODAY", "").strip()
    return dt.date.fromisoformat(fixed) if fixed else dt.date.today()


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBERS[word]


def _latest(month: int, today: dt.date) -> int:
    """The year of the latest ``month`` that has begun by ``today``."""
    return today.year if month <= today.month else today.year - 1


def _absolute(text: str, today: dt.date) -> Period | None:
    if m := re.search(rf"\bzwischen\s+{_YEAR}\s+und\s+{_YEAR}|{_YEAR}\s*(?:bis|-|–)\s*((?:19|20)\d\d)\b", text):
        first, last = sorted(int(year) for year in m.groups() if year)
        return Period(dt.date(first, 1, 1), dt.date(last, 12, 31))
    if m := re.search(rf"\b(?:seit|ab)\s+(?:(?:dem\s+)?({_MONTH})\.?\s+)?{_YEAR}", text):
        month = MONTH_NUMBERS[m.group(1)] if m.group(1) else 1
        return Period(dt.date(int(m.group(2)), month, 1), max(today, dt.date(int(m.group(2)), month, 1)))
    if m := re.search(rf"\b(?:bis|vor)\s+{_YEAR}", text):
        last = int(m.group(1)) if m.group(0).startswith("bis") else int(m.group(1)) - 1
        return Period(dt.date(1900, 1, 1), dt.date(last, 12, 31))
    # "Mitte" is also a council: "Beirat Mitte 2019" is no period.
    if m := re.search(
        rf"(?<!beirat )(?<!in )(?<!von )(?<!aus )(?<!für )\b({'|'.join(_PARTS)})\s+(?:des\s+jahres\s+)?{_YEAR}", text
    ):
        first, length = _PARTS[m.group(1)]
        return Period.months(int(m.group(2)), first, length)
    if m := re.search(rf"\b({'|'.join(_SEASONS)})\s+{_YEAR}", text):
        first, length = _SEASONS[m.group(1)]
        year = int(m.group(2)) - (1 if first == 12 else 0)
        return Period.months(year, first, length)
    if m := re.search(rf"\b({_MONTH})\.?\s+{_YEAR}", text):
        return Period.months(int(m.group(2)), MONTH_NUMBERS[m.group(1)])
    if m := re.search(_YEAR, text):
        return Period.year(int(m.group(1)))
    return None


def _relative(text: str, today: dt.date) -> Period | None:
    if re.search(r"\b(?:vorletzte[ns]?|vorvorige[ns]?)\s+jahr", text):
        return Period.year(today.year - 2)
    if re.search(r"\b(?:letzte[nms]?|vorige[nms]?|vergangene[nms]?)\s+jahr|\bvorjahr", text):
        return Period.year(today.year - 1)
    if re.search(r"\b(?:dieses|diesem|dies)\s+jahr|\bheuer\b", text):
        return Period(dt.date(today.year, 1, 1), today)
    if re.search(r"\bnächste[nms]?\s+jahr", text):
        return Period.year(today.year + 1)
    if m := re.search(rf"\bvor\s+{_NUMBER}\s+jahren?\b", text):
        return Period.year(today.year - _count(m.group(1)))
    if m := re.search(rf"\b(?:in\s+den\s+)?letzten\s+{_NUMBER}\s+jahren?\b", text):
        return Period(today - relativedelta(years=_count(m.group(1))), today)
    if m := re.search(rf"\bvor\s+{_NUMBER}\s+monaten?\b", text):
        month = today - relativedelta(months=_count(m.group(1)))
        return Period.months(month.year, month.month)
    if re.search(r"\b(?:letzte[nms]?|vorige[nms]?)\s+monat", text):
        month = today - relativedelta(months=1)
        return Period.months(month.year, month.month)
    if re.search(r"\b(?:diese[nms]?)\s+monat", text):
        return Period(today.replace(day=1), today)
    if m := re.search(rf"\b({'|'.join(_SEASONS)})\b", text):
        first, length = _SEASONS[m.group(1)]
        start = dt.date(_latest(first, today), first, 1)
        return Period.months(start.year, start.month, length)
    if m := re.search(rf"\b(?:im|in|ab|seit)\s+({_MONTH})\b", text):
        number = MONTH_NUMBERS[m.group(1)]
        return Period.months(_latest(number, today), number)
    return None


def parse_period(text: str | None, today: dt.date) -> Period | None:
    """The period a message names, or None when it names none (or only a single day)."""
    if not text:
        return None
    text = text.lower().replace("\u00a0", " ")
    try:
        if m := _RANGE.search(text):  # what Period.as_text writes
            return Period(dt.date.fromisoformat(m.group(1)), dt.date.fromisoformat(m.group(2)))
        text = _DAY.sub(" ", text)
        return _absolute(text, today) or _relative(text, today)
    except ValueError:  # a month 13 or a day the calendar does not have
        return None
