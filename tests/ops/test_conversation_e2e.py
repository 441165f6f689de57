"""A new user's questions through the REST webhook, with the real model, actions and database.

The expected facts are those of knowledge/protocols (the seed protocol of the 32nd
meeting, Linden-Limmer, 1 April 2019, and the real documents beside it), read by the
`decisions_db` fixture.
"""
from __future__ import annotations

import re
import uuid

import pytest

from conftest import say, texts

pytestmark = pytest.mark.rasa

EXPLANATION = re.compile(r"([^\n.]+)\. Das heißt:")


def ask(rasa, sender: str, question: str) -> str:
    return " ".join(texts(say(rasa.url, sender, question))).replace("·", "")


@pytest.mark.parametrize(
    "question, expected",
    [
        ("Wie viel Geld hat Banjul bekommen?", ["Banjul e.V.", "1.400 Euro"]),
        ("wieviel gelt bekommt der förderverein igs linden", ["799 Euro"]),
        ("Wer ist der Vorsitzende vom Integrationsbeirat Linden-Limmer?", ["Rainer-Jörg Grube"]),
        ("wer ist stellvertreterin in linden-limmer", ["Inga Schmalz"]),
        ("in welcher partei ist mallast", ["BÜNDNIS 90/DIE GRÜNEN"]),
        # Several councils have data now: a question that needs one names it.
        ("Wann war die letzte Sitzung in Linden-Limmer?", ["12. Februar 2024", "punkt-linden.de"]),
        ("wo war die sitzung in linden-limmer am 01.04.2019", ["Zur Bettfedernfabrik 1"]),
        ("wann hat die sitzung in linden-limmer am 01.04.2019 angefangen", ["19 Uhr"]),
        ("was war am 01.04.2019 in linden-limmer auf der tagesordnung", ["Eröffnung"]),
        ("wer waren die gäste in linden-limmer am 01.04.2019", ["Wuttig"]),
        ("wie viele waren in linden-limmer am 01.04.2019 nicht da", ["13"]),
        ("was ist mit antrag 04/2019", ["Banjul e.V."]),
        # Attendance is not membership: Inga Schmalz is a member but was excused on 1 April 2019.
        ("War Inga Schmalz bei der Sitzung am 01.04.2019 in Linden-Limmer?", ["Nein. Inga Schmalz konnte"]),
        ("war grube am 01.04.2019 in linden-limmer da", ["Ja. Rainer-Jörg Grube war"]),
    ],
)
def test_seed_questions_get_the_facts_of_the_protocol(rasa, question, expected):
    answer = ask(rasa, f"e2e-{uuid.uuid4().hex[:8]}", question)
    missing = [fact for fact in expected if fact not in answer]
    assert not missing, f"{question!r}: missing {missing} in {answer!r}"


def test_next_meeting_is_not_invented(rasa):
    answer = ask(rasa, "e2e-next", "wann ist die nächste sitzung in linden-limmer")
    assert not re.search(r"\b20\d\d\b", answer), f"a date the protocols do not give: {answer!r}"
    assert "Protokoll" in answer, answer


# Questions across councils and years (the real documents in knowledge/protocols).
@pytest.mark.parametrize(
    "question, expected, absent",
    [
        # Each answer names its source and its date.
        ("Welche Vereine in Linden-Limmer haben 2019 Geld bekommen?",
         ["Banjul e.V.", "Förderverein der IGS Linden e.V.", "32. Sitzung", "1. April 2019"], ["Faust"]),
        # A Stadtteil names its council: Linden-Nord is in Linden-Limmer.
        ("Welche Vereine in Linden-Nord haben 2012 Geld bekommen?",
         ["Faust e.V.", "2.750 Euro", "12. Sitzung", "18. Juni 2012"], ["Banjul"]),
        ("Wie viel Geld hat der Integrationsbeirat Nord 2018 vergeben?", ["Für das Jahr 2018 habe ich nichts."], ["Euro"]),
        ("Wie viel Geld hat der Integrationsbeirat Mitte 2025 vergeben?",
         ["höchstens 2.600 Euro", "Papier von der Stadt aus dem Jahr 2025"], []),
        ("Wann trifft sich der Integrationsbeirat in Buchholz-Kleefeld?", ["kein Termin"], ["2024", "2025", "2026"]),
        ("Welche Projekte mit Kindern wurden in Ricklingen gefördert?", ["steht nichts in den Protokollen"], ["Euro"]),
    ],
)
def test_questions_across_councils_and_years(rasa, question, expected, absent):
    answer = ask(rasa, f"e2e-{uuid.uuid4().hex[:8]}", question)
    missing = [fact for fact in expected if fact not in answer]
    wrong = [fact for fact in absent if fact in answer]
    assert not missing and not wrong, f"{question!r}: missing {missing}, wrongly there {wrong}, in {answer!r}"


def test_a_question_that_needs_a_council_asks_which_one(rasa):
    sender = f"e2e-{uuid.uuid4().hex[:8]}"
    response = say(rasa.url, sender, "Wann war die letzte Sitzung?")
    assert " ".join(texts(response)).startswith("Welchen Beirat meinen Sie?"), response.text
    buttons = [b for m in response.json() for b in m.get("buttons", [])]
    titles = {b["title"].replace("·", "") for b in buttons}
    assert {"Integrationsbeirat Linden-Limmer", "Integrationsbeirat Mitte"} <= titles, titles
    assert "Integrationsbeirat Ricklingen" not in titles, "only councils that have data are offered"
    linden = next(b for b in buttons if b["title"].replace("·", "") == "Integrationsbeirat Linden-Limmer")
    answer = " ".join(texts(say(rasa.url, sender, linden["payload"])))
    assert "12. Februar 2024" in answer, answer


def test_a_year_without_data_offers_the_years_with_data(rasa):
    response = say(rasa.url, f"e2e-{uuid.uuid4().hex[:8]}", "Wie viel Geld hat der Integrationsbeirat Nord 2018 vergeben?")
    years = [b["title"] for m in response.json() for b in m.get("buttons", [])]
    assert years == ["2015"], response.text


def test_follow_up_keeps_the_organisation(rasa):
    sender = "e2e-follow-up"
    assert "1.400 Euro" in ask(rasa, sender, "wie viel geld hat banjul bekommen")
    purpose = ask(rasa, sender, "und wofür?")
    assert "Fußball" in purpose and "Spielend" not in purpose, purpose


def test_hard_word_is_explained_once_per_conversation(rasa):
    sender = "e2e-glossary"
    first = ask(rasa, sender, "wie viel geld hat banjul bekommen")
    explained = {m.strip() for m in EXPLANATION.findall(first)}
    assert explained, f"the first answer uses hard words but explains none: {first!r}"
    second = ask(rasa, sender, "wie viel geld hat banjul bekommen")
    again = explained & {m.strip() for m in EXPLANATION.findall(second)}
    assert not again, f"explained again in the same conversation: {sorted(again)}"
    fresh = ask(rasa, "e2e-glossary-new", "wie viel geld hat banjul bekommen")
    assert explained <= {m.strip() for m in EXPLANATION.findall(fresh)}, "a new conversation explains again"


def test_restart_typed_by_hand_starts_a_new_conversation(rasa):
    sender = f"e2e-{uuid.uuid4().hex[:8]}"
    assert "1.400 Euro" in ask(rasa, sender, "wie viel geld hat banjul bekommen")
    assert ask(rasa, sender, "/restart") == "Gut. Wir fangen neu an. Was möchten Sie wissen?"
    after = ask(rasa, sender, "und wofür?")
    assert "Fußball" not in after and "technisches Problem" not in after, f"the old conversation went on: {after!r}"
    other = ask(rasa, sender, "/foo")
    assert "technisches Problem" not in other and other, f"another slash command needs a polite answer: {other!r}"
