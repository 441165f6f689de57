"""Bad input of every shape on the REST webhook and on socket.io: never a 500, never
silence for something a user wrote, a polite answer or a clear 4xx, the decisions
database unchanged. The kinds are in bad_input_kinds.py (Telegram's are in
tests/channels/test_telegram_bad_input.py).
"""
from __future__ import annotations

import asyncio
import uuid

import pytest
import requests
import socketio

from bad_input_kinds import REST_KINDS, SOCKETIO_KINDS, SOCKETIO_NO_REPLY
from bot.channels import guard, ratelimit
from conftest import TECHNICAL_PROBLEM
from test_bad_input import database_checksum

POLITE = {guard.NOT_READABLE_TEXT, guard.EMPTY_TEXT, guard.TOO_LONG_TEXT, ratelimit.TOO_FAST_TEXT}
LEAKS = ("Traceback", "Exception", "Error", "DROP TABLE", "<script>")


def test_at_least_30_kinds_per_channel():
    print(f"\nbad-input kinds: REST {len(REST_KINDS)}, socket.io {len(SOCKETIO_KINDS)}")
    assert len(REST_KINDS) >= 30 and len(SOCKETIO_KINDS) >= 30


def post_kind(base_url: str, name: str) -> requests.Response:
    method, data, content_type = REST_KINDS[name]
    return requests.request(
        method, f"{base_url}/webhooks/rest/webhook", data=data, headers={"Content-Type": content_type}, timeout=60
    )


def rest_problem(name: str, response: requests.Response, fake_bot: bool) -> str | None:
    if response.status_code >= 500:
        return f"{name}: HTTP {response.status_code}"
    if response.status_code >= 400:
        return None  # a clear refusal (e.g. 405 for PUT)
    try:
        replies = [m.get("text", "") for m in response.json()]
    except ValueError:
        return f"{name}: no JSON answer: {response.text[:100]!r}"
    answer = " ".join(replies).strip()
    if not answer:
        return f"{name}: no answer"
    if answer == TECHNICAL_PROBLEM:
        return f"{name}: technical problem (something crashed)"
    if any(leak in answer for leak in LEAKS) and not answer.startswith("echo: "):
        return f"{name}: leaks internals or echoes the attack: {answer[:120]}"
    if fake_bot and not (answer in POLITE or answer.startswith("echo: ")):
        return f"{name}: unexpected answer {answer[:120]!r}"
    return None


def test_rest_channel_answers_every_kind(channel_app):
    problems = [rest_problem(name, post_kind(channel_app.url, name), True) for name in REST_KINDS]
    problems = [p for p in problems if p]
    assert not problems, "\n".join(problems)
    assert "Traceback" not in channel_app.log_text()


@pytest.mark.rasa
def test_real_bot_answers_every_rest_kind_and_changes_nothing(rasa, decisions_db, fault_proxy):
    fault_proxy.set_mode("pass")
    before = database_checksum(decisions_db)
    problems = [rest_problem(name, post_kind(rasa.url, name), False) for name in REST_KINDS]
    problems = [p for p in problems if p]
    assert not problems, "\n".join(problems)
    assert database_checksum(decisions_db) == before, "the decisions database changed"


# --- socket.io -----------------------------------------------------------------------


async def socketio_kind(base_url: str, name: str, persistence: bool) -> tuple[list, list]:
    """Sends one kind on a fresh connection, then a normal message; returns both replies."""
    event, data = SOCKETIO_KINDS[name]
    client, replies = socketio.AsyncClient(reconnection=False), asyncio.Queue()
    confirmed = asyncio.Event()
    client.on("bot_uttered", lambda payload: replies.put_nowait(payload.get("text") if isinstance(payload, dict) else payload))
    client.on("session_confirm", lambda _: confirmed.set())
    session = uuid.uuid4().hex
    await client.connect(base_url, socketio_path="/socket.io", transports=["polling"])
    try:
        if persistence:
            await client.emit("session_request", {"session_id": session})
            await asyncio.wait_for(confirmed.wait(), 10)
        if event == "RAW":
            await client.eio.send(data)
        else:
            if persistence and isinstance(data, dict) and "session_id" not in data:
                data = {**data, "session_id": session}
            await client.emit(event, data)
        first = await drain(replies, 0 if name in SOCKETIO_NO_REPLY else 1)
        await client.emit("user_uttered", {"message": "hallo", "session_id": session})
        after = await drain(replies, 1)
        return first, after
    finally:
        await client.eio.disconnect(abort=True)


async def drain(queue: asyncio.Queue, expected: int, timeout: float = 30) -> list:
    """At least ``expected`` replies (the bot may send several), plus what follows shortly."""
    got = []
    while len(got) < expected:
        got.append(await asyncio.wait_for(queue.get(), timeout))
    try:
        while True:
            got.append(await asyncio.wait_for(queue.get(), 0.3 if expected else 1.0))
    except asyncio.TimeoutError:
        return got


def socketio_problems(base_url: str, persistence: bool, fake_bot: bool) -> list[str]:
    problems = []
    for name in SOCKETIO_KINDS:
        try:
            first, after = asyncio.run(socketio_kind(base_url, name, persistence))
        except (asyncio.TimeoutError, socketio.exceptions.SocketIOError) as error:
            problems.append(f"{name}: {type(error).__name__} (no answer, or the connection broke)")
            continue
        texts = [t for t in first if isinstance(t, str)]
        if name in SOCKETIO_NO_REPLY:
            if first:
                problems.append(f"{name}: unexpected reply {first}")
        elif not texts or TECHNICAL_PROBLEM in texts:
            problems.append(f"{name}: no polite answer: {first}")
        elif any(leak in t for t in texts for leak in LEAKS if not t.startswith("echo: ")):
            problems.append(f"{name}: leaks internals or echoes the attack: {texts}")
        elif fake_bot and not all(t in POLITE or t.startswith("echo: ") for t in texts):
            problems.append(f"{name}: unexpected answer {texts}")
        if not after or TECHNICAL_PROBLEM in after:
            problems.append(f"{name}: the connection did not go on working: {after}")
    return problems


def test_socketio_channel_answers_every_kind(channel_app):
    problems = socketio_problems(channel_app.url, persistence=False, fake_bot=True)
    assert not problems, "\n".join(problems)


@pytest.mark.rasa
def test_real_bot_answers_every_socketio_kind_and_changes_nothing(rasa, decisions_db, fault_proxy):
    fault_proxy.set_mode("pass")
    before = database_checksum(decisions_db)
    problems = socketio_problems(rasa.url, persistence=True, fake_bot=False)
    assert not problems, "\n".join(problems)
    assert database_checksum(decisions_db) == before, "the decisions database changed"
