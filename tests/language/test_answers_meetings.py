"""Meeting answers: dates and times through format.py, no guessed next meeting."""
from __future__ import annotations

import dataclasses
import datetime as dt

from bot.language.answers import meetings as answers
from bot.core.facts import AgendaItemFact, MeetingFact, Source

LINDEN = "Integrationsbeirat Linden-Limmer"
SOURCE = Source(LINDEN, 32, dt.date(2019, 4, 1), "2019-04-01_linden-limmer_32.txt")
MEETING = MeetingFact(LINDEN, 32, dt.date(2019, 4, 1), "kargah e.V.", "Zur Bettfedernfabrik 1",
                      dt.time(19), dt.time(20, 45), True, SOURCE)


def test_last_meeting_date_number_place():
    text = answers.last_meeting(MEETING).text
    assert "Die letzte Sitzung war am Montag, 1. April 2019." in text
    assert "Das war die 32. Sitzung vom Integrations·beirat Linden-Limmer." in text


def test_next_meeting_unknown_is_never_guessed():
    text = answers.next_meeting(None).text
    assert "kein Termin" in text
    assert not any(ch.isdigit() for ch in text), "no date or number may appear when none is known"


def test_next_meeting_known_uses_present_tense():
    future = dataclasses.replace(MEETING, date=dt.date.today() + dt.timedelta(days=30))
    text = answers.next_meeting(future).text
    assert text.startswith("Die nächste Sitzung ist am ")
    assert "fängt um 19 Uhr an" in text


def test_place_and_address():
    text = answers.meeting_place(MEETING).text
    assert "Es geht um die 32. Sitzung am Montag, 1. April 2019.\nDie Sitzung war bei: kargah e.V." in text
    assert "kargah e.V. ist ein Verein." in text
    assert "Die Adresse ist: Zur Bettfedernfabrik 1." in text


def test_place_missing_is_said():
    text = answers.meeting_place(dataclasses.replace(MEETING, place=None, address=None)).text
    assert "Im Protokoll steht kein Ort." in text


def test_time_with_approximate_end():
    text = answers.meeting_time(MEETING).text
    assert "hat um 19 Uhr angefangen." in text
    assert "Sie hat um ungefähr 20:45 Uhr aufgehört." in text


def test_time_missing_is_said():
    text = answers.meeting_time(dataclasses.replace(MEETING, start_time=None, end_time=None)).text
    assert "Im Protokoll steht keine Uhrzeit." in text


def test_agenda_one_item_per_line():
    items = [AgendaItemFact("1", "Eröffnung", SOURCE), AgendaItemFact("2", "Beratung über Zuwendungen", SOURCE)]
    lines = answers.agenda(items, MEETING).text.splitlines()
    assert "Da gab es 2 Themen:" in lines and "Es geht um die 32. Sitzung am Montag, 1. April 2019." in lines
    assert "- Punkt 1: „Eröffnung“" in lines and "- Punkt 2: „Beratung über Zuwendungen“" in lines


def test_meetings_in_year_and_number():
    text = answers.meetings_in_year([MEETING], 2019).text
    assert "Im Jahr 2019 gab es 1 Sitzung in meinen Protokollen." in text
    assert "- 32. Sitzung am Montag, 1. April 2019" in text
    assert answers.meeting_number(MEETING).text.startswith("Das war die 32. Sitzung vom Integrations·beirat Linden-Limmer.")
    unnumbered = answers.meeting_number(dataclasses.replace(MEETING, number=None)).text
    assert "keine Nummer" in unnumbered
