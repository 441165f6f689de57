"""Serve an input channel in a real Sanic app on a free port, mounted the way Rasa does.

Rasa's ``register`` mounts each channel under ``/webhooks/<name>`` and hands it a
callback that calls ``app.ctx.agent.handle_message``. Here the agent is a stand-in
that records the message and answers with fixed responses, so the channel is tested
without a trained model.
"""
from __future__ import annotations

import socket
import uuid
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, Dict, List

from rasa.core.channels.channel import InputChannel, UserMessage, register
from sanic import Sanic


class EchoAgent:
    """Answers every message with ``responses`` (Rasa response dicts)."""

    def __init__(self, responses: List[Dict[str, Any]]) -> None:
        self.responses = responses
        self.messages: List[UserMessage] = []

    async def handle_message(self, message: UserMessage) -> None:
        self.messages.append(message)
        for response in self.responses:
            await message.output_channel.send_response(message.sender_id, dict(response))


@asynccontextmanager
async def serve_channel(channel: InputChannel, agent: Any) -> AsyncIterator[str]:
    """Yields the base URL of a running server; stops it (and its listeners) after."""
    # Sanic 21.12 rewrites its own methods on the first start ("touch-up"); test mode
    # keeps the originals so that a second app in the same process can start.
    Sanic.test_mode = True
    app = Sanic(f"channel_test_{uuid.uuid4().hex}", configure_logging=False)
    app.ctx.agent = agent
    register([channel], app, route="/webhooks/")

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    # Sanic 21.12: create_server already starts listening; the listeners run explicitly.
    server = await app.create_server(sock=sock, return_asyncio_server=True, access_log=False)
    await server.startup()
    await server.before_start()
    await server.after_start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await server.before_stop()
        server.close()
        await server.wait_closed()
        await server.after_stop()
        sock.close()
