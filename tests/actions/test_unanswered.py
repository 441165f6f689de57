"""Actions describe their reply for staff (bot/actions/unanswered.py): a factual answer
carries its intent, template, council and source; a "no data" answer the missing fact."""
from __future__ import annotations

from bot.actions.grants import ActionGrantAmount, ActionGrantsList
from bot.feedback import kinds


def meta(turn) -> dict | None:
    return turn.messages[0].get(kinds.META_KEY)


def test_factual_answer_names_intent_template_council_and_source(two_councils, chat):
    turn = chat.ask(ActionGrantAmount, "ask_grant_amount", organisation="Banjul e.V.")
    assert "1.400 Euro" in turn.text
    described = meta(turn)
    assert described["kind"] == kinds.ANSWERED
    assert described["intent"] == "ask_grant_amount" and described["template"] == "action_grant_amount"
    assert described["source"] and any(ext in described["source"] for ext in (".txt", ".pdf")), described


def test_unknown_council_is_recorded_as_missing_fact(two_councils, chat):
    turn = chat.ask(ActionGrantsList, "ask_grants_list", council="Integrationsbeirat Atlantis", year="2022")
    described = meta(turn)
    assert described["kind"] == kinds.NO_DATA, (turn.text, described)
    assert described["missing"].startswith("ask_grants_list")
    assert "council=Integrationsbeirat Atlantis" in described["missing"] and "year=2022" in described["missing"]


def test_question_back_is_neither(two_councils, chat):
    turn = chat.ask(ActionGrantsList, "ask_grants_list")
    assert "Welchen Beirat" in turn.text or turn.buttons, turn.text
    assert meta(turn) is None
