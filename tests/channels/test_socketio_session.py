"""The web page's socket.io channel delivers bot replies to the page's session room."""
from __future__ import annotations

import asyncio

import pytest
import socketio

from bot.channels.socketio import RateLimitedSocketIOInput
from channel_server import EchoAgent, serve_channel

pytestmark = pytest.mark.asyncio


async def _ask(base_url: str, session_id: str, text: str) -> list:
    replies: list = []
    confirmed = asyncio.Event()
    answered = asyncio.Event()
    client = socketio.AsyncClient(reconnection=False)

    @client.on("session_confirm")
    async def on_confirm(data):  # noqa: ANN001 - socket.io payload
        confirmed.set()

    @client.on("bot_uttered")
    async def on_bot(data):  # noqa: ANN001
        replies.append(data)
        answered.set()

    # Long-polling: the websocket client needs a newer aiohttp than Rasa 3.6 pins.
    await client.connect(base_url, socketio_path="/socket.io", transports=["polling"])
    try:
        await client.emit("session_request", {"session_id": session_id})
        await asyncio.wait_for(confirmed.wait(), 10)
        await client.emit("user_uttered", {"message": text, "session_id": session_id})
        await asyncio.wait_for(answered.wait(), 10)
    finally:
        # A long-poll in flight would hold a clean disconnect for the ping interval (25 s).
        try:
            await asyncio.wait_for(client.disconnect(), 2)
        except asyncio.TimeoutError:
            pass
    return replies


async def test_reply_reaches_the_page_with_session_persistence():
    channel = RateLimitedSocketIOInput(
        user_message_evt="user_uttered", bot_message_evt="bot_uttered", session_persistence=True
    )
    agent = EchoAgent([{"text": "Hallo. Ich bin der Chat·bot."}])
    async with serve_channel(channel, agent) as base_url:
        replies = await _ask(base_url, "sitzung-1", "hallo")
    assert [r.get("text") for r in replies] == ["Hallo. Ich bin der Chat·bot."], (
        "the reply was sent to the session room but the page never joined it"
    )
    assert agent.messages and agent.messages[0].sender_id == "sitzung-1"
