"""Meetings: latest, next (only from the data), by year and date, agenda."""
from __future__ import annotations

import datetime as dt

from bot.queries import meetings

LINDEN = "Integrationsbeirat Linden-Limmer"


def test_latest_meeting_with_place_and_times(session):
    meeting = meetings.latest_meeting(session, LINDEN)
    assert (meeting.number, meeting.date, meeting.place, meeting.address) == (
        32, dt.date(2019, 4, 1), "kargah e.V.", "Zur Bettfedernfabrik 1")
    assert (meeting.start_time, meeting.end_time, meeting.end_time_approximate) == (dt.time(19), dt.time(20, 45), True)
    assert meeting.source.document == "2019-04-01_linden-limmer_32.txt"
    assert meetings.latest_meeting(session).council == "Integrationsbeirat Ricklingen", "latest of all councils"


def test_next_meeting_only_when_in_the_data(session):
    assert meetings.next_meeting(session, LINDEN, today=dt.date(2019, 3, 1)).number == 32
    assert meetings.next_meeting(session, LINDEN, today=dt.date(2019, 4, 1)) is None, "no guessed next meeting"


def test_meetings_by_year_and_date(session):
    assert [m.number for m in meetings.list_meetings(session, year=2019)] == [32, 7]
    assert meetings.list_meetings(session, LINDEN, year=2020) == []
    assert meetings.meeting_on(session, dt.date(2019, 5, 6)).council == "Integrationsbeirat Ricklingen"
    assert meetings.meeting_on(session, dt.date(2019, 5, 6), LINDEN) is None, "never another council's meeting"


def test_agenda_items_in_order_with_their_top(session):
    items = meetings.agenda(session, LINDEN)
    assert [(i.number, i.title.split()[0]) for i in items] == [("1", "Eröffnung"), ("2", "Beratung"), ("3", "Rückblick,")]
    assert items[2].source.agenda_number == "3"
    assert meetings.agenda(session, "Integrationsbeirat Mitte") == []
