"""Shared answer parts: pagination, buttons with Rasa payloads, fixed texts."""
from __future__ import annotations

import datetime as dt
import json

from bot.language.answers import Button
from bot.language.answers import common
from bot.language.answers import discussion, glossary
from bot.core.facts import GlossaryEntry, PassageFact, Source

SOURCE = Source("Integrationsbeirat Linden-Limmer", 32, dt.date(2019, 4, 1), "2019-04-01_linden-limmer_32.txt")


def test_button_payload_is_rasa_intent_with_json_entities():
    button = Button.for_intent("Banjul e.V.", "ask_grant_amount", {"organisation": "Banjul e.V."})
    assert button.payload == '/ask_grant_amount{"organisation": "Banjul e.V."}'
    assert json.loads(button.payload[len("/ask_grant_amount"):]) == {"organisation": "Banjul e.V."}
    umlaut = Button.for_intent("x", "ask_members", {"council": "Integrationsbeirat Döhren"})
    assert "Döhren" in umlaut.payload, "umlauts stay readable in the payload"


def test_finish_keeps_source_in_first_message_and_rest_in_more():
    answer = common.finish([f"Satz {i}." for i in range(1, 8)], [SOURCE])
    assert "Satz 4." in answer.text and "Satz 5." not in answer.text
    assert "32. Sitzung" in answer.text
    assert answer.more == "Hier ist noch mehr dazu:\nSatz 5.\nSatz 6.\nSatz 7."
    assert answer.text.endswith(common.MORE_OFFER)


def test_short_answer_has_no_offer():
    answer = common.finish(["Ein Satz."], [SOURCE])
    assert answer.more is None and common.MORE_OFFER not in answer.text


def test_same_source_named_once():
    answer = common.finish(["Ein Satz."], [SOURCE, SOURCE, SOURCE])
    assert answer.text.count("Das steht im Protokoll") == 1


def test_unknown_name_offers_at_most_five_closest_names():
    names = [f"Verein {i}" for i in range(8)]
    answer = common.unknown_name(names, "ask_grant_amount", "organisation")
    assert answer.text.startswith(common.UNKNOWN_NAME)
    assert [b.title for b in answer.buttons] == names[:5]
    assert answer.buttons[0].payload == '/ask_grant_amount{"organisation": "Verein 0"}'


def test_unknown_name_without_suggestions_asks_to_retype():
    answer = common.unknown_name([], "ask_person", "person")
    assert answer.buttons == () and "noch einmal" in answer.text


def test_asks_offer_buttons():
    answer = common.ask_organisation(["Banjul e.V.", "Förderverein der IGS Linden e.V."], "ask_grant_amount")
    assert answer.text == "Welchen Verein meinen Sie?"
    assert len(answer.buttons) == 2
    council = common.ask_council(["Integrationsbeirat Linden-Limmer", "Integrationsbeirat Ricklingen"], "ask_members")
    assert council.buttons[1].payload == '/ask_members{"council": "Integrationsbeirat Ricklingen"}'
    assert council.buttons[1].title == "Integrations·beirat Ricklingen"


def test_fixed_texts():
    assert common.no_data().text == "Dazu steht nichts in den Protokollen."
    assert common.technical_problem().text == (
        "Ich habe gerade ein technisches Problem. Bitte versuchen Sie es später noch einmal."
    )


def test_stop_never_doubles_the_full_stop():
    assert common.stop("Der Antrag ist von Banjul e.V.") == "Der Antrag ist von Banjul e.V."
    assert common.stop("Das ist gut") == "Das ist gut."


def test_glossary_explanation_and_unknown_word():
    entry = GlossaryEntry("Zuwendung", "Die Stadt gibt Geld für ein Projekt.", ("Zuwendungen",))
    assert glossary.explanation(entry).text == "Das Wort „Zuwendung“ bedeutet:\nDie Stadt gibt Geld für ein Projekt."
    unknown = glossary.unknown_term(["Zuwendung"])
    assert unknown.text.startswith(common.UNKNOWN_TERM)
    assert unknown.buttons[0].payload == '/ask_glossary{"term": "Zuwendung"}'


def test_discussion_offers_the_protocol_text_as_more():
    passage = PassageFact("Diskussion: LIP", "Der LIP sollte lebendig bleiben.", SOURCE)
    answer = discussion.discussion([passage], "LIP")
    assert "Sie fragen nach: „LIP“.\nDazu habe ich 1 Stelle in den Protokollen gefunden." in answer.text
    assert "- „Diskussion: LIP“" in answer.text
    assert "Der LIP sollte lebendig bleiben." in answer.more
    assert "nicht in Leichter Sprache" in answer.more
    assert discussion.source_passage(None).text == discussion.NO_PASSAGE


def test_every_offer_to_tell_more_has_yes_and_no_buttons():
    from bot.language.answers.common import OFFER_BUTTONS, finish

    answer = finish([f"Satz {n}." for n in range(1, 9)])
    assert answer.more, "eight lines must leave something for 'more'"
    payloads = [b.payload for b in answer.buttons]
    assert payloads[-2:] == [b.payload for b in OFFER_BUTTONS] == ["/affirm", "/deny"], payloads
    assert not finish(["Ein Satz."]).buttons, "no offer, so no yes/no buttons"


def test_technical_problem_text_is_the_same_in_actions_and_domain():
    """Rasa's own fallback (utter_technical_problem) and the actions must say the same."""
    import yaml

    from bot.config import REPO_ROOT
    from bot.language.answers.common import TECHNICAL_PROBLEM

    domain = yaml.safe_load((REPO_ROOT / "domain.yml").read_text(encoding="utf-8"))
    texts = [v["text"] for v in domain["responses"]["utter_technical_problem"]]
    assert texts == [TECHNICAL_PROBLEM], f"domain.yml says {texts!r}, actions say {TECHNICAL_PROBLEM!r}"


def test_paged_cuts_a_long_list_and_says_so():
    first, rest = common.paged("Da gab es 10 Themen:", [f"Thema {i}" for i in range(10)])
    assert first[:2] == ["Da gab es 10 Themen.", "Das sind die ersten 8 von 10:"]
    assert first[2:] == [f"- Thema {i}" for i in range(8)] and rest == ["- Thema 8", "- Thema 9"]
    first, rest = common.paged("Das sind die Mitglieder:", ["A", "", *"BCDEFGHI"], replace=True)
    assert first[0] == "Das sind die ersten 8 von 9:", "empty items are not counted"
    assert rest == ["- I"]
    assert common.paged("Die Sitzungen:", ["A", "B"]) == (["Die Sitzungen:", "- A", "- B"], [])
