"""Rasa's socket.io channel (the web page) with the same guard as the REST channel.

Use it in credentials.yml as ``bot.channels.socketio.RateLimitedSocketIOInput:``
with the usual socket.io settings (user_message_evt, bot_message_evt,
session_persistence). Our handlers replace Rasa's for three events:

- ``connect``: at most ``BEIRAT_SOCKETIO_CONNECTIONS_PER_ADDRESS`` open connections
  per client address (default 20); more are refused.
- ``session_request``: a usable session id or a new one; the room is joined with
  ``await`` (Rasa 3.6 forgets it with python-socketio 5.10+, RasaHQ/rasa#13027).
- ``user_uttered``: data of any shape gets a polite answer instead of an exception
  or silence; then the per-address limit, then the guard (per-sender limit, cleaning,
  length cap, no silence).
"""

from __future__ import annotations

import json
import logging
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint

from bot.channels import feedback, guard, ratelimit

logger = logging.getLogger(__name__)

CONNECTIONS_ENV = "BEIRAT_SOCKETIO_CONNECTIONS_PER_ADDRESS"
DEFAULT_CONNECTIONS_PER_ADDRESS = 20


def connections_per_address() -> int:
    return ratelimit._int_from_env(CONNECTIONS_ENV, DEFAULT_CONNECTIONS_PER_ADDRESS)


def _metadata(raw: Any) -> dict[str, Any] | None:
    """The metadata object, also when sent as a JSON string; None for anything else."""
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except (ValueError, RecursionError):
            return None
    return raw if isinstance(raw, dict) else None


class RateLimitedSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        handle = guard.guarded(feedback.recording(on_new_message))
        blueprint = super().blueprint(handle)
        sio = self.sio
        assert sio is not None  # set by SocketIOInput.blueprint
        feedback.attach(blueprint)

        addresses: dict[str, str] = {}  # sid -> client address
        open_connections: Counter[str] = Counter()

        # "Hilfreich" / "Nicht hilfreich" in the widget: stored without Rasa (bot/channels/feedback.py).
        # Clicks count against the address's budget too, like messages.
        @sio.on(feedback.SOCKETIO_EVENT, namespace=self.namespace)
        async def on_feedback(sid: str, data: Any = None) -> dict[str, bool]:
            if not ratelimit.allow_address(addresses.get(sid)):
                return {"ok": False}
            return feedback.socketio_click(sid, data)

        async def reply(sid: str, text: str) -> None:
            await sio.emit(self.bot_message_evt, {"text": text}, room=sid, namespace=self.namespace)

        @sio.on("connect", namespace=self.namespace)
        async def connect(sid: str, environ: dict, auth: Any = None) -> bool:
            request = environ.get("sanic.request") if isinstance(environ, dict) else None
            address = guard.request_address(request) if request is not None else None
            if address:
                limit = connections_per_address()
                if limit and open_connections[address] >= limit:
                    logger.info("socket.io: zu viele Verbindungen von Adresse %s.", ratelimit.sender_hash(address))
                    return False
                open_connections[address] += 1
                addresses[sid] = address
            return True

        @sio.on("disconnect", namespace=self.namespace)
        async def disconnect(sid: str) -> None:
            address = addresses.pop(sid, None)
            if address:
                open_connections[address] -= 1
                if open_connections[address] <= 0:
                    del open_connections[address]

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Any = None) -> None:
            data = data if isinstance(data, dict) else {}
            session_id = guard.clean_sender(data.get("session_id")) or uuid.uuid4().hex
            if self.session_persistence:
                await sio.enter_room(sid, session_id, namespace=self.namespace)
            await sio.emit("session_confirm", session_id, room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def user_message(sid: str, data: Any = None) -> None:
            if not ratelimit.allow_address(addresses.get(sid)):
                await reply(sid, ratelimit.TOO_FAST_TEXT)
                return
            text = data.get("message") if isinstance(data, dict) else None
            if not isinstance(data, dict) or not isinstance(text, (str, type(None))):
                await reply(sid, guard.NOT_READABLE_TEXT)
                return
            if self.session_persistence:
                sender = guard.clean_sender(data.get("session_id"))
                if sender is None:
                    await reply(sid, guard.NOT_READABLE_TEXT)
                    return
                # The answer goes to the session's room: make sure this connection is in it.
                await sio.enter_room(sid, sender, namespace=self.namespace)
            else:
                sender = sid
            message = UserMessage(
                text,
                SocketIOOutput(sio, self.bot_message_evt),
                sender,
                input_channel=self.name(),
                metadata=_metadata(data.get(self.metadata_key)),
            )
            await handle(message)

        return blueprint
