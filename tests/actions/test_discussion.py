"""What was said: passage search, the original text on request, and the source passage."""
from __future__ import annotations

from bot.actions.discussion import ActionDiscussion, ActionSourcePassage
from bot.actions.grants import ActionGrantAmount
from bot.actions.more import ActionTellMore
from bot.language.answers.common import NO_DATA
from bot.language.answers.discussion import NO_PASSAGE, split_quote


def test_discussion_gives_what_was_said_then_the_source_and_offers_the_text(one_council, chat):
    turn = chat.ask(ActionDiscussion, "ask_discussion", "Was wurde über den LIP gesagt?", topic="LIP")
    assert "Zu „LIP“ steht im Protokoll:" in turn.text, turn.text
    assert "- „Mit dem LIP wurden in jedem Stadtteil Integrationsbeiräte eingeführt.“" in turn.text
    assert "32. Sitzung" in turn.text and "Möchten Sie den Text aus dem Protokoll lesen?" in turn.text
    more = chat.ask(ActionTellMore, "affirm")
    assert "nicht in Leichter Sprache" in more.text
    assert "Mit dem LIP wurden in jedem Stadtteil" in more.text
    own, quoted = split_quote(more.text)
    assert quoted and "Das heißt:" not in quoted, "protocol text stays exactly as written"


def test_a_topic_from_before_answers_a_follow_up(one_council, chat):
    chat.ask(ActionDiscussion, "ask_discussion", "Was wurde über das Fußballturnier gesagt?", topic="Fußballturnier")
    turn = chat.ask(ActionDiscussion, "ask_discussion", "Was wurde dazu gesagt?")
    assert "Fußballturnier" in turn.text, turn.text


def test_unknown_topic_is_no_data(one_council, chat):
    assert chat.ask(ActionDiscussion, "ask_discussion", topic="Wetterbericht").text == NO_DATA


def test_missing_topic_is_asked(one_council, chat):
    assert chat.ask(ActionDiscussion, "ask_discussion").text.startswith("Worüber möchten Sie etwas wissen?")


def test_source_passage_of_a_grant_answer(one_council, chat):
    chat.ask(ActionGrantAmount, "ask_grant_amount", organisation="Banjul e.V.")
    turn = chat.ask(ActionSourcePassage, "ask_source_passage", text="Wo steht das?")
    assert "Banyul e.V., die eine Zuwendung beantragt haben" in turn.text, turn.text
    assert "Punkt 2" in turn.text


def test_source_passage_without_an_answer_before(one_council, chat):
    assert chat.ask(ActionSourcePassage, "ask_source_passage").text == NO_PASSAGE


def test_the_rest_of_a_long_discussion_explains_our_words_before_the_protocol_text(one_council, chat):
    from bot.language.answers.discussion import QUOTE_INTRO

    chat.slots["more_text"] = "Das sind die Dokumente:\n- Protokoll von der 32. Sitzung\n\n" + QUOTE_INTRO + "\nProtokoll"
    more = chat.ask(ActionTellMore, "affirm")
    own, quoted = split_quote(more.text)
    assert "Protokoll. Das heißt:" in own, more.text
    assert quoted.endswith("\nProtokoll") and "Das heißt:" not in quoted, more.text
