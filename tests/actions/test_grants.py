"""Grant actions against a database of hand-made records (Linden-Limmer and Ricklingen)."""
from __future__ import annotations

import json

from bot.actions.grants import (
    ActionApplicationStatus,
    ActionGrantAmount,
    ActionGrantPurpose,
    ActionGrantsList,
    ActionGrantTotal,
    ActionHowToApply,
    ActionWhoDecides,
)
from bot.actions.more import ActionTellMore
from bot.language.answers.common import NO_DATA, UNKNOWN_NAME

SOURCE_32 = "Das steht im Protokoll von der 32. Sitzung"


def test_amount_names_facts_and_source(two_councils, chat):
    turn = chat.ask(ActionGrantAmount, "ask_grant_amount", organisation="Banjul e.V.")
    assert "1.400 Euro" in turn.text and "Banjul e.V." in turn.text, turn.text
    assert "schlägt" in turn.text, "status 'recommended' must be said as a suggestion"
    assert SOURCE_32 in turn.text, "every factual answer names its source"
    assert turn.slots["organisation"] == "Banjul e.V."
    assert "Internationales Fußball" in turn.slots["more_text"]


def test_misspelled_alias_resolves(two_councils, chat):
    turn = chat.ask(ActionGrantAmount, "ask_grant_amount", organisation="banyul")
    assert "Banjul e.V." in turn.text and "1.400 Euro" in turn.text, turn.text


def test_follow_up_purpose_uses_organisation_slot(two_councils, chat):
    chat.ask(ActionGrantAmount, "ask_grant_amount", organisation="Banjul e.V.")
    turn = chat.ask(ActionGrantPurpose, "ask_grant_purpose", text="Und wofür?")
    assert "Internationales Fußball" in turn.text, turn.text
    assert "Förderverein" not in turn.text


def test_more_shows_the_rest_then_nothing(two_councils, chat):
    chat.ask(ActionGrantAmount, "ask_grant_amount", organisation="Banjul e.V.")
    more = chat.ask(ActionTellMore, "affirm")
    assert "Internationales Fußball" in more.text
    assert more.slots["more_text"] is None
    again = chat.ask(ActionTellMore, "affirm")
    assert "Mehr weiß ich dazu nicht." in again.text


def test_missing_organisation_is_asked_with_at_most_five_buttons(two_councils, chat):
    turn = chat.ask(ActionGrantAmount, "ask_grant_amount")
    assert turn.text == "Welchen Verein meinen Sie?"
    assert 1 <= len(turn.buttons) <= 5
    assert '/ask_grant_amount{"organisation": "Banjul e.V."}' in turn.payloads, turn.payloads


def test_unknown_name_suggests_closest_known_names(two_councils, chat):
    turn = chat.ask(ActionGrantAmount, "ask_grant_amount", organisation="Banjo e.V.")
    assert turn.text.startswith(UNKNOWN_NAME)
    assert turn.payloads[0] == '/ask_grant_amount{"organisation": "Banjul e.V."}'
    assert "Euro" not in turn.text, "an unknown name must not get anyone's amount"
    assert turn.slots["organisation"] is None


def test_application_status_by_number(two_councils, chat):
    turn = chat.ask(ActionApplicationStatus, "ask_application_status", application_number="4/2019")
    assert "Der Antrag 04/2019 ist von Banjul e.V." in turn.text
    assert "1.400 Euro" in turn.text and SOURCE_32 in turn.text


def test_unknown_application_number_is_no_data(two_councils, chat):
    turn = chat.ask(ActionApplicationStatus, "ask_application_status", application_number="99/2019")
    assert turn.text == NO_DATA


def test_decided_grant_of_other_council(two_councils, chat):
    turn = chat.ask(ActionGrantAmount, "ask_grant_amount", organisation="Nachbarschaftstreff Mühlenberg e.V.")
    assert "Die Entscheidung ist: Nachbarschaftstreff Mühlenberg e.V. bekommt 740,70 Euro." in turn.text
    assert "7. Sitzung" in turn.text and "Ricklingen" in turn.text


def test_list_asks_which_council_when_several(two_councils, chat):
    turn = chat.ask(ActionGrantsList, "ask_grants_list")
    assert turn.text == "Welchen Beirat meinen Sie?"
    councils = sorted(json.loads(p[p.index("{"):])["council"] for p in turn.payloads)
    assert all(p.startswith("/ask_grants_list{") for p in turn.payloads)
    assert councils == ["Integrationsbeirat Linden-Limmer", "Integrationsbeirat Ricklingen"]


def test_list_of_one_council_never_shows_another(two_councils, chat):
    turn = chat.ask(ActionGrantsList, "ask_grants_list", council="Ricklingen")
    assert "Nachbarschaftstreff Mühlenberg e.V.: 740,70 Euro für „Sommerfest“" in turn.text
    assert "Banjul" not in turn.text
    assert turn.slots["council"] == "Integrationsbeirat Ricklingen"


def test_council_not_in_data_is_no_data(two_councils, chat):
    turn = chat.ask(ActionGrantsList, "ask_grants_list", council="Integrationsbeirat Döhren-Wülfel")
    assert turn.text == NO_DATA
    assert turn.buttons == []


def test_one_council_needs_no_council_question(one_council, chat):
    turn = chat.ask(ActionGrantsList, "ask_grants_list", year="2019")
    assert "- Banjul e.V.: 1.400 Euro für „Internationales Fußball“" in turn.text, turn.text
    assert "799 Euro" in turn.text


def test_total_per_council_and_year(two_councils, chat):
    turn = chat.ask(ActionGrantTotal, "ask_grant_total", council="Linden-Limmer", year="2019")
    assert "Zusammen sind das 2.199 Euro für 2 Anträge." in turn.text, turn.text
    assert SOURCE_32 in turn.text


def test_bad_year_is_said(two_councils, chat):
    turn = chat.ask(ActionGrantTotal, "ask_grant_total", council="Linden-Limmer", year="neunzehn")
    assert "Jahreszahl" in turn.text and "Euro" not in turn.text


def test_who_decides_from_curated_fact_with_source_button(two_councils, chat):
    turn = chat.ask(ActionWhoDecides, "ask_who_decides")
    assert "Der Stadtbezirksrat entscheidet." in turn.text.replace("·", "")
    assert turn.payloads == ["/ask_source_passage"]
    assert "Protokoll der 32. Sitzung, TOP 2." in turn.slots["last_passage"]


def test_missing_curated_fact_is_no_data(two_councils, chat):
    assert chat.ask(ActionHowToApply, "ask_how_to_apply").text == NO_DATA


def test_remembered_council_does_not_hide_another_councils_organisation(two_councils, chat):
    chat.ask(ActionGrantsList, "ask_grants_list", council="Ricklingen")
    turn = chat.ask(ActionGrantAmount, "ask_grant_amount", organisation="Banjul e.V.")
    assert "1.400 Euro" in turn.text, "a council from an earlier question must not filter a named organisation"


def test_council_named_with_the_organisation_filters(two_councils, chat):
    turn = chat.ask(ActionGrantAmount, "ask_grant_amount", organisation="Banjul e.V.", council="Ricklingen")
    assert turn.text == NO_DATA, "Banjul e.V. has no grant in Ricklingen: never another council's data"


def test_amount_for_a_project_named_as_topic(two_councils, chat):
    turn = chat.ask(ActionGrantAmount, "ask_grant_amount", text="wie viel geld gab es für das fußballturnier",
                    topic="fußballturnier")
    assert "Banjul e.V." in turn.text and "1.400 Euro" in turn.text, turn.text
    assert turn.slots["organisation"] == "Banjul e.V.", "the follow-up 'und wofür?' needs the organisation"


def test_project_that_matches_no_purpose_says_so_and_offers_the_list(two_councils, chat):
    turn = chat.ask(ActionGrantAmount, "ask_grant_amount", topic="schwimmkurs")
    assert turn.text.startswith("Zum Thema „schwimmkurs“ steht nichts in den Protokollen."), turn.text
    assert "Euro" not in turn.text
    assert turn.payloads == ["/ask_grants_list"]


def test_unknown_name_with_nothing_close_offers_the_known_organisations(two_councils, chat):
    turn = chat.ask(ActionGrantAmount, "ask_grant_amount", organisation="Türkischer Kulturverein Xyz")
    assert turn.text.startswith(UNKNOWN_NAME), turn.text
    assert '/ask_grant_amount{"organisation": "Banjul e.V."}' in turn.payloads, turn.payloads
    assert len(turn.buttons) <= 5


def test_a_year_without_data_is_said_first_then_the_years_with_data_are_offered(two_councils, chat):
    for action, intent in ((ActionGrantTotal, "ask_grant_total"), (ActionGrantsList, "ask_grants_list")):
        turn = chat.ask(action, intent, council="Linden-Limmer", year="2018")
        assert turn.text.startswith("Für das Jahr 2018 habe ich nichts."), turn.text
        assert "Euro" not in turn.text, "no amount of another year"
        years = [json.loads(p[p.index("{"):])["year"] for p in turn.payloads]
        assert years == ["2019"], turn.payloads
        assert all(p.startswith(f"/{intent}{{") for p in turn.payloads)
        assert turn.slots.get("year", "kept") is None, "the year without data must not stick"
