"""A Sanic app with the hardened channels and a fake bot, for fast channel tests.

``python tests/ops/channel_app.py PORT [--no-model]`` serves /webhooks/rest/webhook and socket.io. The fake bot
echoes the cleaned text as "echo: …", and reacts to three magic words:
``stumm`` (no answer), ``langsam`` (answers after 30 s), ``kaputt…`` (raises, quoting the text).
"""
from __future__ import annotations

import asyncio
import logging
import sys

from rasa.core.channels.channel import UserMessage
from sanic import Sanic

from bot.channels.rest import RateLimitedRestInput
from bot.channels.socketio import RateLimitedSocketIOInput


async def fake_bot(message: UserMessage) -> None:
    if message.text == "stumm":
        return
    if message.text.startswith("langsam"):
        await asyncio.sleep(30)
    if message.text.startswith("kaputt"):
        # Exception messages can carry what the user wrote: the guard must not log them.
        raise RuntimeError(f"fake bot failure for {message.text!r}")
    await message.output_channel.send_text_message(message.sender_id, f"echo: {message.text}")


class ReadyAgent:
    """Stands in for Rasa's agent in the health check (``--no-model``: not ready)."""

    def __init__(self, ready: bool) -> None:
        self.ready = ready

    def is_ready(self) -> bool:
        return self.ready


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s %(message)s")
    app = Sanic("channel_test_app")
    app.ctx.agent = ReadyAgent("--no-model" not in sys.argv)
    channel = RateLimitedRestInput()
    app.blueprint(channel.blueprint(fake_bot), url_prefix="/webhooks/rest")
    socketio = RateLimitedSocketIOInput(session_persistence=False)
    app.blueprint(socketio.blueprint(fake_bot), url_prefix="/webhooks/socketio")
    app.run(host="127.0.0.1", port=int(sys.argv[1]), access_log=False, workers=1)


if __name__ == "__main__":
    main()
