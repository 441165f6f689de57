"""No message text at INFO or above in any log: of the Rasa server, the action servers
and the channels, neither for normal answers nor when something fails, exceptions
included (an exception's message can quote the user's words)."""
from __future__ import annotations

import asyncio
import logging

import pytest
from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.channels import guard, ratelimit
from conftest import TECHNICAL_PROBLEM, action_server, say, texts

SECRET = "Zitronenfalterwiese"


def test_guard_logs_a_failing_bot_without_the_exception_message(caplog):
    async def failing_bot(message: UserMessage) -> None:
        raise ValueError(f"cannot answer {message.text!r}")  # like an SQL error quoting a parameter

    ratelimit.reset_limiter(ratelimit.SlidingWindowLimiter(100), ratelimit.SlidingWindowLimiter(100))
    caplog.set_level(logging.DEBUG, logger="bot.channels.guard")
    try:
        output = CollectingOutputChannel()
        asyncio.run(guard.guarded(failing_bot)(UserMessage(f"Wo ist {SECRET}?", output, "privat-guard")))
    finally:
        ratelimit.reset_limiter(None)
    assert [m["text"] for m in output.messages] == [TECHNICAL_PROBLEM]
    loud = [r for r in caplog.records if r.levelno >= logging.INFO]
    assert any("ValueError" in r.getMessage() for r in loud), "the failure must be logged (type and code path)"
    leaked = [r.getMessage() for r in loud if SECRET in r.getMessage() or (r.exc_info and SECRET in str(r.exc_info[1]))]
    assert not leaked, f"message text at INFO or above: {leaked}"
    # The marker really travelled in the exception: the DEBUG details have it.
    assert any(r.exc_info and SECRET in str(r.exc_info[1]) for r in caplog.records if r.levelno == logging.DEBUG)


def test_channel_log_has_no_text_of_a_failing_bot(channel_app):
    assert texts(say(channel_app.url, "privat-kaputt", f"kaputt {SECRET}")) == [TECHNICAL_PROBLEM]
    log = channel_app.log_text()
    assert "RuntimeError" in log, "the failure must be logged"
    assert SECRET not in log, "the exception's message (with the user's text) reached the log"


@pytest.mark.rasa
def test_message_text_never_reaches_the_logs(rasa, actions, fault_proxy, ops_tmp, telegram_api):
    messages = [
        f"Wie viel Geld hat {SECRET} e.V. bekommen?",  # unknown name: reaches the action server
        f"Ist {SECRET} im Integrationsbeirat?",
        f"{SECRET} " * 300,  # too long
    ]
    for index, message in enumerate(messages):
        assert texts(say(rasa.url, f"privacy-{index}", message))
    fault_proxy.set_mode("down")  # the error paths log too
    try:
        assert texts(say(rasa.url, "privacy-down", f"Wie viel Geld hat {SECRET} bekommen?")) == [TECHNICAL_PROBLEM]
    finally:
        fault_proxy.set_mode("pass")
    # A failing action: its database is gone (OperationalError inside the action).
    broken = action_server(ops_tmp, f"sqlite:///{ops_tmp}/weg/decisions.sqlite", name="actions-privacy").start()
    try:
        fault_proxy.set_upstream(broken.port)
        assert texts(say(rasa.url, "privacy-broken", f"Wie viel Geld hat {SECRET} bekommen?")) == [TECHNICAL_PROBLEM]
    finally:
        fault_proxy.set_upstream(actions.port)
        broken.stop()
    assert "failed with OperationalError" in broken.log_text(), "the marked message did not go through the failing action"
    for server in (rasa, actions, broken):
        lines = [line for line in server.log_text().splitlines() if SECRET.lower() in line.lower()]
        assert not lines, f"message text in {server.log}:\n" + "\n".join(lines[:5])
