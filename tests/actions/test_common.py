"""Shared action behaviour: technical problems, every domain action registered."""
from __future__ import annotations

import logging

import yaml
from rasa_sdk.executor import ActionExecutor

from bot.actions.grants import ActionGrantAmount
from bot.actions.members import ActionMembers
from bot.config import REPO_ROOT
from bot.language.answers.common import TECHNICAL_PROBLEM
from bot.queries import grants as grant_queries


def test_every_action_in_the_domain_is_registered():
    domain = yaml.safe_load((REPO_ROOT / "domain.yml").read_text(encoding="utf-8"))
    executor = ActionExecutor()
    executor.register_package("bot.actions")
    missing = sorted(set(domain["actions"]) - set(executor.actions))
    assert not missing, f"actions in domain.yml without a custom action: {missing}"


def test_database_without_tables_gives_technical_problem(tmp_path, monkeypatch, chat, caplog):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'empty.sqlite'}")
    with caplog.at_level(logging.INFO):
        turn = chat.ask(ActionMembers, "ask_members", text="Wer ist im Beirat Linden?", council="Linden")
    assert turn.text == TECHNICAL_PROBLEM
    assert turn.events == [], "a failed action must not change any slot"
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors and "action_members" in errors[0].getMessage(), "the error is logged with the action name"
    assert "OperationalError" in errors[0].getMessage(), errors[0].getMessage()
    logged = "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.INFO)
    assert "Wer ist im Beirat" not in logged and "linden" not in logged.lower().replace("linden-limmer", ""), (
        "no user words (message or entity values) in the log at INFO and above"
    )


def test_query_error_mid_action_gives_technical_problem(two_councils, monkeypatch, chat):
    def broken(*args, **kwargs):
        raise RuntimeError("database is locked")

    monkeypatch.setattr(grant_queries, "grants_for_organisation", broken)
    turn = chat.ask(ActionGrantAmount, "ask_grant_amount", organisation="Banjul e.V.")
    assert turn.text == TECHNICAL_PROBLEM
    assert "locked" not in turn.text and "Traceback" not in turn.text
    assert turn.events == []


def test_an_article_tagged_as_an_entity_is_passed_over():
    """'wieviel gelt bekommt der förderverein igs linden': the NLU tagged 'der' as an organisation too."""
    from rasa_sdk import Tracker

    from bot.actions.common import entity

    message = {
        "text": "wieviel gelt bekommt der förderverein igs linden",
        "intent": {"name": "ask_grant_amount"},
        "entities": [
            {"entity": "organisation", "value": "der"},
            {"entity": "organisation", "value": "förderverein igs linden"},
        ],
    }
    tracker = Tracker("t", {}, message, [], False, None, {}, "action_listen")
    assert entity(tracker, "organisation") == "förderverein igs linden"
    only_article = dict(message, entities=[{"entity": "organisation", "value": "der"}])
    assert entity(Tracker("t", {}, only_article, [], False, None, {}, "action_listen"), "organisation") == "der"
