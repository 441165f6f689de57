"""Meeting actions: last/next meeting, year lists, place, time, agenda, number; dates parsed."""
from __future__ import annotations

from bot.actions.meetings import (
    ActionAgenda,
    ActionLastMeeting,
    ActionMeetingNumber,
    ActionMeetingPlace,
    ActionMeetingsInYear,
    ActionMeetingTime,
    ActionNextMeeting,
)
from bot.language.answers.common import NO_DATA


def test_last_meeting(one_council, chat):
    turn = chat.ask(ActionLastMeeting, "ask_last_meeting")
    assert "Die letzte Sitzung war am Montag, 1. April 2019." in turn.text
    assert turn.slots["meeting_date"] == "2019-04-01"


def test_next_meeting_is_never_guessed(one_council, chat):
    turn = chat.ask(ActionNextMeeting, "ask_next_meeting")
    assert "kein Termin für die nächste Sitzung" in turn.text
    assert "2019" not in turn.text and "Uhr" not in turn.text


def test_meetings_in_year_of_one_council(two_councils, chat):
    turn = chat.ask(ActionMeetingsInYear, "ask_meetings_in_year", council="Linden-Limmer", year="2019")
    assert "- 32. Sitzung am Montag, 1. April 2019" in turn.text
    assert "7. Sitzung" not in turn.text, "no other council's meetings"


def test_a_year_without_meetings_is_said_then_the_years_with_meetings_are_offered(two_councils, chat):
    turn = chat.ask(ActionMeetingsInYear, "ask_meetings_in_year", council="Linden-Limmer", year="2016")
    assert turn.text.startswith("Für das Jahr 2016 habe ich nichts."), turn.text
    assert turn.payloads == ['/ask_meetings_in_year{"council": "Integrationsbeirat Linden-Limmer", "year": "2019"}']


def test_missing_year_is_asked_with_years_in_data(one_council, chat):
    turn = chat.ask(ActionMeetingsInYear, "ask_meetings_in_year")
    assert turn.text == "Welches Jahr meinen Sie?"
    assert turn.payloads == ['/ask_meetings_in_year{"year": "2019"}']


def test_place_time_number_follow_the_meeting_slot(one_council, chat):
    chat.ask(ActionLastMeeting, "ask_last_meeting")
    place = chat.ask(ActionMeetingPlace, "ask_meeting_place").text
    assert "war bei: kargah e.V." in place and "Zur Bettfedernfabrik 1" in place
    time = chat.ask(ActionMeetingTime, "ask_meeting_time").text
    assert "19 Uhr angefangen" in time and "ungefähr 20:45 Uhr aufgehört" in time
    assert chat.ask(ActionMeetingNumber, "ask_meeting_number").text.startswith("Das war die 32. Sitzung")


def test_date_forms(one_council, chat):
    for written in ("01.04.2019", "1. April 2019", "2019-04-01", "1. April"):
        chat.slots["meeting_date"] = None
        turn = chat.ask(ActionMeetingTime, "ask_meeting_time", meeting_date=written)
        assert "19 Uhr" in turn.text, f"{written!r}: {turn.text}"


def test_unreadable_date_is_said(one_council, chat):
    turn = chat.ask(ActionMeetingTime, "ask_meeting_time", meeting_date="irgendwann")
    assert "Dieses Datum verstehe ich nicht." in turn.text


def test_meeting_of_other_date_is_no_data(one_council, chat):
    assert chat.ask(ActionMeetingPlace, "ask_meeting_place", meeting_date="3. März 2020").text == NO_DATA


def test_agenda(one_council, chat):
    turn = chat.ask(ActionAgenda, "ask_agenda")
    assert "gab es 3 Themen:" in turn.text
    assert "- Punkt 1: „Eröffnung“" in turn.text


def _said(chat, action_class, intent: str, text: str, **entities: str):
    """A turn whose user message is also in the tracker's events, as Rasa keeps it."""
    parse = {"intent": {"name": intent}, "entities": [{"entity": k, "value": v} for k, v in entities.items()]}
    chat.said.append({"event": "user", "text": text, "parse_data": parse})
    return chat.ask(action_class, intent, text=text, **entities)


def test_a_year_alone_asks_the_last_question_again_for_that_year(two_councils, chat):
    from bot.actions.meetings import ActionYearFollowUp

    first = _said(chat, ActionMeetingsInYear, "ask_meetings_in_year", "Sitzungen 2019 in Linden-Limmer?",
                  council="Linden-Limmer", year="2019")
    assert "- 32. Sitzung am Montag, 1. April 2019" in first.text
    again = _said(chat, ActionYearFollowUp, "inform_year", "und 2016?", year="2016")
    assert again.text.startswith("Für das Jahr 2016 habe ich nichts."), again.text
    # The council of the first question stays: only its years are offered.
    assert again.payloads == ['/ask_meetings_in_year{"council": "Integrationsbeirat Linden-Limmer", "year": "2019"}']
    back = _said(chat, ActionYearFollowUp, "inform_year", "und 2019?", year="2019")
    assert "- 32. Sitzung am Montag, 1. April 2019" in back.text and "7. Sitzung" not in back.text


def test_a_year_alone_without_a_year_question_before_asks_what_about_it(one_council, chat):
    from bot.actions.meetings import ActionYearFollowUp

    _said(chat, ActionLastMeeting, "ask_last_meeting", "Wann war die letzte Sitzung?")
    turn = _said(chat, ActionYearFollowUp, "inform_year", "und 2019?", year="2019")
    assert turn.text == "Was möchten Sie über das Jahr 2019 wissen?"
    assert turn.payloads == ['/ask_meetings_in_year{"year": "2019"}', '/ask_grants_list{"year": "2019"}']
