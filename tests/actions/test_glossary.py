"""Glossary action and hard words explained once per conversation."""
from __future__ import annotations

from bot.actions.glossary import ActionGlossary
from bot.actions.grants import ActionApplicationStatus, ActionGrantAmount
from bot.language.answers.common import UNKNOWN_TERM


def test_known_term_is_explained_and_remembered(two_councils, chat):
    turn = chat.ask(ActionGlossary, "ask_glossary", term="Zuwendungen")
    assert turn.text.startswith("Das Wort „Zuwendung“ bedeutet:")
    assert "Die Stadt gibt Geld für ein Projekt." in turn.text
    assert "Zuwendung" in turn.slots["explained_terms"]
    assert turn.text.splitlines()[1:] == ["Die Stadt gibt Geld für ein Projekt.", "Das steht dann im Protokoll."]
    assert "Das heißt:" not in turn.text, "a glossary answer explains no other word inside it"


def test_unknown_term_suggests_close_words(two_councils, chat):
    turn = chat.ask(ActionGlossary, "ask_glossary", term="Zuwendungsdings")
    assert turn.text.startswith(UNKNOWN_TERM)
    assert turn.payloads == ['/ask_glossary{"term": "Zuwendung"}']


def test_missing_term_is_asked(two_councils, chat):
    turn = chat.ask(ActionGlossary, "ask_glossary")
    assert turn.text == "Welches Wort soll ich erklären?"
    assert len(turn.buttons) == 3


def test_hard_word_explained_once_per_conversation(two_councils, chat):
    first = chat.ask(ActionGrantAmount, "ask_grant_amount", organisation="Banjul e.V.")
    assert "Stadt·bezirks·rat. Das heißt:" in first.text, first.text
    assert "Stadtbezirksrat" in first.slots["explained_terms"]
    second = chat.ask(ActionApplicationStatus, "ask_application_status", application_number="04/2019")
    assert "Stadt·bezirks·rat sagt dann Ja oder Nein" in second.text
    assert "Stadt·bezirks·rat. Das heißt:" not in second.text, "explained already in this conversation"


def test_at_most_two_explanations_per_message(two_councils, chat):
    turn = chat.ask(ActionGrantAmount, "ask_grant_amount", organisation="Banjul e.V.")
    assert turn.text.count("Das heißt:") <= 2, turn.text


def test_word_explained_by_a_fixed_response_is_not_explained_again(two_councils, chat):
    import re

    first = chat.ask(ActionGrantAmount, "ask_grant_amount", organisation="Banjul e.V.")
    explained = re.findall(r"([^\n.]+)\. Das heißt:", first.text)
    assert explained, f"the amount answer should explain a hard word: {first.text!r}"
    word = explained[0].strip()

    greeted = type(chat)()  # a second, new conversation
    greeted.bot_says(f"Hallo! Ich bin ein Chat·bot. {word} heißt: etwas Einfaches.")
    turn = greeted.ask(ActionGrantAmount, "ask_grant_amount", organisation="Banjul e.V.")
    assert f"{word}. Das heißt:" not in turn.text, f"{word!r} was explained by the greeting already"
