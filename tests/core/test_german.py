"""One table of German month names: the parser reads with it, the answers write with it."""

import datetime as dt

from bot.actions.dates import parse_date
from bot.core.german import MONTH_NUMBERS, MONTHS
from bot.knowledge.parse_dates import find_dates
from bot.language.format import format_date


def test_every_written_month_is_read_back_by_parser_and_actions():
    for month in range(1, 13):
        day = dt.date(2019, month, 1)
        written = format_date(day)
        assert [hit.date for hit in find_dates(written)] == [day], written
        assert parse_date(written) == (1, month, 2019), written


def test_abbreviations_map_to_their_month():
    assert MONTH_NUMBERS["mrz"] == MONTH_NUMBERS["märz"] == 3
    assert MONTH_NUMBERS["sept"] == MONTH_NUMBERS["september"] == 9
    assert parse_date("1. Mrz 2019") == (1, 3, 2019)
    assert len(MONTHS) == 12 and set(MONTH_NUMBERS.values()) == set(range(1, 13))
