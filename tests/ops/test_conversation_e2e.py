"""A new user's questions through the REST webhook, with the real model, actions and database.

The expected facts are the seed protocol's (32nd meeting, Linden-Limmer, 1 April 2019),
read from knowledge/protocols by the `decisions_db` fixture.
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
        ("wer ist stellvertreterin", ["Inga Schmalz"]),
        ("in welcher partei ist mallast", ["BÜNDNIS 90/DIE GRÜNEN"]),
        ("Wann war die letzte Sitzung?", ["1. April 2019"]),
        ("wo war die sitzung", ["Zur Bettfedernfabrik 1"]),
        ("wann hat die sitzung angefangen", ["19 Uhr"]),
        ("was war auf der tagesordnung", ["Eröffnung"]),
        ("wer waren die gäste", ["Wuttig"]),
        ("wie viele waren nicht da", ["13"]),
        ("was ist mit antrag 04/2019", ["Banjul e.V."]),
    ],
)
def test_seed_questions_get_the_facts_of_the_protocol(rasa, question, expected):
    answer = ask(rasa, f"e2e-{uuid.uuid4().hex[:8]}", question)
    missing = [fact for fact in expected if fact not in answer]
    assert not missing, f"{question!r}: missing {missing} in {answer!r}"


def test_next_meeting_is_not_invented(rasa):
    answer = ask(rasa, "e2e-next", "wann ist die nächste sitzung")
    assert not re.search(r"\b20\d\d\b", answer), f"a date the protocols do not give: {answer!r}"
    assert "Protokoll" in answer, answer


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
