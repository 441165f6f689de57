"""Faults end to end with the real servers: the user hears the technical-problem
sentence instead of silence, the error is logged with context, and a restarted
Rasa server continues the conversation (SQL tracker store)."""
from __future__ import annotations

import shutil
import sqlite3
import time

import pytest

from bot.devtools.servers import free_port
from conftest import TECHNICAL_PROBLEM, action_server, say, texts

pytestmark = pytest.mark.rasa

AMOUNT_QUESTION = "Wie viel Geld hat Banjul bekommen?"
ANSWER_TIMEOUT = 4  # BEIRAT_ANSWER_TIMEOUT of the `rasa` fixture


def normalise(text: str) -> str:
    return text.replace("·", "").replace("\u00ad", "")


def answer(rasa, sender: str, message: str) -> str:
    return normalise(" ".join(texts(say(rasa.url, sender, message))))


@pytest.fixture(autouse=True)
def healthy_again(fault_proxy, actions):
    """Every test starts and ends with a working action server behind the proxy."""
    fault_proxy.set_upstream(actions.port)
    fault_proxy.set_mode("pass")
    yield
    fault_proxy.set_upstream(actions.port)
    fault_proxy.set_mode("pass")


def test_healthy_bot_answers_the_amount(rasa):
    assert "1.400" in answer(rasa, "fault-healthy", AMOUNT_QUESTION)


def test_action_server_down_gives_the_technical_problem_sentence(rasa, fault_proxy):
    fault_proxy.set_mode("down")
    assert answer(rasa, "fault-down", AMOUNT_QUESTION) == TECHNICAL_PROBLEM
    assert "Couldn't connect" in rasa.log_text() or "Failed to execute custom action" in rasa.log_text()
    fault_proxy.set_mode("pass")
    assert "1.400" in answer(rasa, "fault-down", AMOUNT_QUESTION), "after the outage the same conversation works again"


def test_slow_action_server_gives_the_technical_problem_sentence_in_time(rasa, fault_proxy):
    fault_proxy.set_mode("slow", delay=ANSWER_TIMEOUT + 6)
    started = time.monotonic()
    reply = answer(rasa, "fault-slow", AMOUNT_QUESTION)
    elapsed = time.monotonic() - started
    assert reply == TECHNICAL_PROBLEM
    assert elapsed < ANSWER_TIMEOUT + 3, f"the user waited {elapsed:.1f} s"
    assert "keine Antwort in" in rasa.log_text()


@pytest.mark.parametrize("kind", ["missing sqlite file", "postgresql not reachable"])
def test_database_unavailable_gives_the_technical_problem_sentence_and_logs_context(rasa, fault_proxy, ops_tmp, kind):
    url = (
        f"sqlite:///{ops_tmp}/gibt-es-nicht/decisions.sqlite"
        if kind.startswith("missing")
        else f"postgresql://postgres@127.0.0.1:{free_port()}/beirat"
    )
    broken = action_server(ops_tmp, url, name=f"actions-{kind.split()[0]}").start()
    try:
        fault_proxy.set_upstream(broken.port)
        sender = f"fault-db-{kind.split()[0]}"
        assert answer(rasa, sender, AMOUNT_QUESTION) == TECHNICAL_PROBLEM
        log = broken.log_text()
        context = ("action_grant_amount failed", "intent ask_grant_amount")
        assert all(c in log for c in context), f"no error with context in the action log:\n{broken.log_tail()}"
        assert "Banjul" not in log, "the log must not contain what the user wrote"
    finally:
        broken.stop()


def test_locked_database_gives_the_technical_problem_sentence(rasa, fault_proxy, ops_tmp, decisions_db):
    copy = ops_tmp / "locked.sqlite"
    shutil.copy(decisions_db, copy)
    broken = action_server(ops_tmp, f"sqlite:///{copy}", name="actions-locked").start()
    locker = sqlite3.connect(copy, isolation_level=None)
    try:
        # Exclusive locking mode: no other connection can read until we let go.
        locker.execute("PRAGMA locking_mode=EXCLUSIVE")
        locker.execute("BEGIN EXCLUSIVE")
        locker.execute("CREATE TABLE IF NOT EXISTS lock_probe (x)")
        fault_proxy.set_upstream(broken.port)
        started = time.monotonic()
        assert answer(rasa, "fault-db-locked", AMOUNT_QUESTION) == TECHNICAL_PROBLEM
        assert time.monotonic() - started < ANSWER_TIMEOUT + 3
        # The action gives up after SQLite's busy timeout (30 s in bot/db/session.py) and logs why.
        deadline = time.monotonic() + 45
        while "action_grant_amount failed" not in broken.log_text() and time.monotonic() < deadline:
            time.sleep(1)
        assert "action_grant_amount failed with OperationalError" in broken.log_text(), broken.log_tail()
    finally:
        locker.close()
        broken.stop()


def test_restarted_rasa_server_continues_the_conversation(rasa):
    sender = "fault-restart"
    assert "1.400" in answer(rasa, sender, AMOUNT_QUESTION)
    rasa.restart()
    follow_up = answer(rasa, sender, "Und wofür?")
    assert "Fußball" in follow_up, f"after the restart the bot lost the context: {follow_up!r}"
