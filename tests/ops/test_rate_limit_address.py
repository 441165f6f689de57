"""Limits per client address as well as per sender: a client that invents a new sender
id (or socket.io session) for every message is still stopped; socket.io connections
are limited per address in the app; behind a trusted proxy the address comes from
X-Forwarded-For, and what a client writes into that header itself is ignored."""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import aiohttp
import pytest
import requests
import socketio

from bot.channels import ratelimit
from bot.channels.ratelimit import TOO_FAST_TEXT
from bot.devtools.servers import Server, free_port
from conftest import base_env

ADDRESS_LIMIT = 4


@pytest.fixture(scope="module")
def limited_app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("limited_app")
    port = free_port()
    server = Server(
        "limited_app", [sys.executable, str(Path(__file__).parent / "channel_app.py"), str(port)],
        base_env(BEIRAT_RATE_LIMIT="100", BEIRAT_RATE_LIMIT_PER_ADDRESS=str(ADDRESS_LIMIT),
                 BEIRAT_SOCKETIO_CONNECTIONS_PER_ADDRESS="2", BEIRAT_TRUSTED_PROXIES="1"),
        tmp / "limited_app.log", f"http://127.0.0.1:{port}/webhooks/rest/",
    ).start()  # fmt: skip
    yield server
    server.stop()


def post(url: str, sender: str, forwarded: str) -> requests.Response:
    return requests.post(
        f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": "hallo"},
        headers={"X-Forwarded-For": forwarded}, timeout=10,
    )  # fmt: skip


def test_new_sender_ids_do_not_dodge_the_address_limit(limited_app):
    replies = [post(limited_app.url, f"neu-{i}", "203.0.113.1") for i in range(ADDRESS_LIMIT + 1)]
    assert all(r.status_code == 200 for r in replies[:ADDRESS_LIMIT]), [r.status_code for r in replies]
    assert replies[-1].status_code == 429 and replies[-1].json()[0]["text"] == TOO_FAST_TEXT
    assert post(limited_app.url, "anders", "203.0.113.2").status_code == 200, "another address is not limited"


def test_a_forged_forwarded_header_does_not_dodge_the_limit(limited_app):
    # nginx appends the real address; the client's own entries stand to its left.
    statuses = [post(limited_app.url, f"f-{i}", f"10.0.0.{i}, 203.0.113.3").status_code for i in range(ADDRESS_LIMIT + 1)]
    assert statuses == [200] * ADDRESS_LIMIT + [429], statuses


def test_the_address_comes_from_the_peer_without_a_trusted_proxy(monkeypatch):
    monkeypatch.delenv(ratelimit.TRUSTED_PROXIES_ENV, raising=False)
    assert ratelimit.client_address("192.0.2.7", "10.1.1.1") == "192.0.2.7"
    monkeypatch.setenv(ratelimit.TRUSTED_PROXIES_ENV, "1")
    assert ratelimit.client_address("127.0.0.1", "10.1.1.1, 192.0.2.8") == "192.0.2.8"
    assert ratelimit.client_address("127.0.0.1", None) == "127.0.0.1"


def test_rate_limit_zero_switches_the_address_limit_off_unless_set(monkeypatch):
    monkeypatch.setenv(ratelimit.LIMIT_ENV, "0")
    monkeypatch.delenv(ratelimit.ADDRESS_LIMIT_ENV, raising=False)
    assert ratelimit.address_limit_from_env() == 0
    monkeypatch.setenv(ratelimit.ADDRESS_LIMIT_ENV, "7")
    assert ratelimit.address_limit_from_env() == 7


def test_socketio_connections_and_messages_are_limited_per_address(limited_app):
    async def run():
        headers = {"X-Forwarded-For": "198.51.100.9"}
        clients = []
        for _ in range(2):
            client = socketio.AsyncClient(reconnection=False)
            await client.connect(limited_app.url, socketio_path="/socket.io", transports=["polling"], headers=headers)
            clients.append(client)
        third = socketio.AsyncClient(reconnection=False)
        with pytest.raises(socketio.exceptions.ConnectionError):
            await third.connect(limited_app.url, socketio_path="/socket.io", transports=["polling"], headers=headers)
        # Messages: a new session per message is still the same address.
        answers: asyncio.Queue = asyncio.Queue()
        clients[0].on("bot_uttered", lambda data: answers.put_nowait(data.get("text")))
        replies = []
        for i in range(ADDRESS_LIMIT + 1):
            await clients[0].emit("user_uttered", {"message": f"frage {i}", "session_id": f"sitzung-{i}"})
            replies.append(await asyncio.wait_for(answers.get(), 10))
        # A polite disconnect tells the server at once (the client itself then waits for its long-poll).
        leaving = asyncio.create_task(clients[1].disconnect())
        await asyncio.sleep(1)
        fourth = socketio.AsyncClient(reconnection=False)
        await fourth.connect(limited_app.url, socketio_path="/socket.io", transports=["polling"], headers=headers)
        for client in (clients[0], clients[1], fourth):
            await client.eio.disconnect(abort=True)
        leaving.cancel()
        return replies

    replies = asyncio.run(run())
    assert replies[:ADDRESS_LIMIT] == [f"echo: frage {i}" for i in range(ADDRESS_LIMIT)]
    assert replies[-1] == TOO_FAST_TEXT


def test_refused_telegram_calls_are_limited_per_address():
    from bot.channels.telegram import SecureTelegramInput, TelegramSettings
    from bot_api_standin import BotApiStandIn
    from channel_server import EchoAgent, serve_channel

    ratelimit.reset_limiter(ratelimit.SlidingWindowLimiter(100), ratelimit.SlidingWindowLimiter(3))
    try:
        with BotApiStandIn() as api:
            settings = TelegramSettings(access_token=api.token, secret_token="s" * 20, api_base_url=api.base_url)

            async def run():
                async with serve_channel(SecureTelegramInput(settings), EchoAgent([])) as url:
                    async with aiohttp.ClientSession() as session:
                        statuses = []
                        for _ in range(5):
                            async with session.post(url + "/webhooks/telegram/webhook", json={}) as response:
                                statuses.append(response.status)
                        return statuses

            statuses = asyncio.run(run())
    finally:
        ratelimit.reset_limiter(None)
    assert statuses == [403, 403, 403, 429, 429], statuses


def test_socketio_feedback_clicks_count_against_the_address_limit(limited_app):
    """A client clicking "Hilfreich" again and again is stopped like one sending messages."""

    async def run():
        headers = {"X-Forwarded-For": "198.51.100.23"}
        client = socketio.AsyncClient(reconnection=False)
        await client.connect(limited_app.url, socketio_path="/socket.io", transports=["polling"], headers=headers)
        answers: asyncio.Queue = asyncio.Queue()
        client.on("bot_uttered", lambda data: answers.put_nowait(data.get("text")))
        for _ in range(ADDRESS_LIMIT):
            await client.call("feedback", {"answer_id": "0" * 32, "helpful": True}, timeout=10)
        await client.emit("user_uttered", {"message": "hallo", "session_id": "sitzung-nach-klicks"})
        reply = await asyncio.wait_for(answers.get(), 10)
        await client.eio.disconnect(abort=True)
        return reply

    assert asyncio.run(run()) == TOO_FAST_TEXT
