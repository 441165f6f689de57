"""Counting and comparing, and periods said in words, through the actions (seed + Ricklingen)."""
from __future__ import annotations

import pytest

from bot.actions.counts import ActionGrantCount, ActionGrantRanking, ActionMeetingCount
from bot.actions.grants import ActionGrantsList, ActionGrantTotal
from bot.actions.meetings import ActionAgenda, ActionMeetingsInYear

LINDEN = "Integrationsbeirat Linden-Limmer"


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setenv("BEIRAT_TODAY", "2020-06-15")


def test_meeting_count_is_a_count_not_the_latest_number(two_councils, chat):
    turn = chat.ask(ActionMeetingCount, "ask_meeting_count", "Wie viele Sitzungen hatte der Beirat Linden-Limmer?",
                    council="Linden-Limmer")
    assert "In meinen Unterlagen ist 1 Sitzung vom Integrations·beirat Linden-Limmer." in turn.text, turn.text
    assert "Es kann mehr Sitzungen geben." in turn.text
    assert turn.text.count("1. April 2019") == 1, "the date is said once"


def test_meeting_count_of_all_councils_and_of_a_council_without_meetings(two_councils, chat):
    turn = chat.ask(ActionMeetingCount, "ask_meeting_count", "Wie viele Sitzungen gab es?")
    assert "In meinen Unterlagen sind 2 Sitzungen." in turn.text and "Sie sind von 2 Beiräten:" in turn.text
    turn = chat.ask(ActionMeetingCount, "ask_meeting_count", "Wie viele Sitzungen hatte Mitte?", council="Mitte")
    assert turn.text.startswith("Dazu steht nichts in den Protokollen."), "a council not in the data"


def test_meeting_count_in_a_period(two_councils, chat):
    turn = chat.ask(ActionMeetingCount, "ask_meeting_count", "Wie viele Sitzungen gab es im Mai 2019?")
    assert "In meinen Unterlagen ist 1 Sitzung im Mai 2019." in turn.text
    turn = chat.ask(ActionMeetingCount, "ask_meeting_count", "Und letztes Jahr?")
    assert "keine Sitzung im Jahr 2019" not in turn.text and "im Jahr 2019" in turn.text, turn.text


def test_grant_count_and_statuses(two_councils, chat):
    turn = chat.ask(ActionGrantCount, "ask_grant_count", "Wie viele Anträge gab es?")
    assert "In meinen Unterlagen sind 3 Anträge auf Geld." in turn.text, turn.text
    assert "Für 2 schlägt der Beirat Geld vor." in turn.text and "1 ist entschieden." in turn.text


def test_ranking_by_council_biggest_and_smallest(two_councils, chat):
    turn = chat.ask(ActionGrantRanking, "ask_grant_ranking", "Welcher Beirat hat am meisten Geld gegeben?")
    assert "Am meisten Geld gab es beim Integrations·beirat Linden-Limmer." in turn.text
    assert "Das sind 2.199 Euro für 2 Anträge." in turn.text
    turn = chat.ask(ActionGrantRanking, "ask_grant_ranking", "Was war die größte Förderung?")
    assert "Der größte Betrag ist 1.400 Euro." in turn.text and "Banjul e.V." in turn.text, turn.text
    turn = chat.ask(ActionGrantRanking, "ask_grant_ranking", "Was war der kleinste Zuschuss?")
    assert "Der kleinste Betrag ist 740,70 Euro." in turn.text
    turn = chat.ask(ActionGrantRanking, "ask_grant_ranking", "Wer hat am meisten Geld bekommen?")
    assert "Am meisten Geld bekam: Banjul e.V." in turn.text


def test_grants_total_in_a_month_and_in_a_season(two_councils, chat):
    turn = chat.ask(ActionGrantTotal, "ask_grant_total", "Wie viel Geld gab es im Mai 2019?",
                    council="Ricklingen", meeting_date="Mai 2019")
    assert "Im Mai 2019 gab es zusammen 740,70 Euro." in turn.text, turn.text
    assert "verstehe ich nicht" not in turn.text
    turn = chat.ask(ActionGrantTotal, "ask_grant_total", "Und im Frühjahr 2019 in Linden-Limmer?",
                    council="Linden-Limmer")
    assert "Von März bis Mai 2019 gab es zusammen 2.199 Euro." in turn.text, turn.text


def test_grants_list_for_a_relative_year_and_none_then(two_councils, chat):
    turn = chat.ask(ActionGrantsList, "ask_grants_list", "Wer hat letztes Jahr Geld bekommen?", council="Linden-Limmer")
    assert "Für das Jahr 2019 habe ich nichts." not in turn.text and "Banjul e.V." in turn.text, turn.text
    turn = chat.ask(ActionGrantsList, "ask_grants_list", "Und im Juni 2019?", council="Linden-Limmer")
    assert "Im Juni 2019 habe ich keinen Antrag auf Geld." in turn.text
    assert [b["title"] for b in turn.buttons] == ["2019"]


def test_asking_the_council_keeps_the_period_in_the_buttons(two_councils, chat):
    turn = chat.ask(ActionGrantTotal, "ask_grant_total", "Wie viel Geld gab es im Frühjahr 2019?")
    assert turn.text == "Welchen Beirat meinen Sie?"
    assert all('"meeting_date": "2019-03-01 bis 2019-05-31"' in p for p in turn.payloads), turn.payloads


def test_meetings_in_a_period_and_the_meeting_in_a_month(two_councils, chat):
    turn = chat.ask(ActionMeetingsInYear, "ask_meetings_in_year", "Welche Sitzungen gab es im April 2019?",
                    council="Linden-Limmer")
    assert turn.text.startswith("Im April 2019 gab es 1 Sitzung in meinen Protokollen."), turn.text
    turn = chat.ask(ActionAgenda, "ask_agenda", "Was war auf der Tagesordnung im April 2019?",
                    council="Linden-Limmer", meeting_date="April 2019")
    assert "Eröffnung" in turn.text, turn.text


def test_a_month_without_a_year_finds_the_one_meeting_in_that_month(two_councils, chat):
    turn = chat.ask(ActionAgenda, "ask_agenda", "Was war auf der Tagesordnung im April?",
                    council="Linden-Limmer", meeting_date="im April")
    assert "Eröffnung" in turn.text and "verstehe ich nicht" not in turn.text, turn.text
    turn = chat.ask(ActionAgenda, "ask_agenda", "Und im Juli?", council="Linden-Limmer", meeting_date="Juli")
    assert turn.text == "Dazu steht nichts in den Protokollen."
