"""Rasa's socket.io channel (the web page) with the same guard as the REST channel.

Use it in credentials.yml as ``bot.channels.socketio.RateLimitedSocketIOInput:``
with the usual socket.io settings (user_message_evt, bot_message_evt,
session_persistence). Rasa's own handler builds the ``UserMessage``; the guard
wraps what happens next: rate limit, cleaning, length cap, no silence.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from bot.channels import feedback, guard


class RateLimitedSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(guard.guarded(feedback.recording(on_new_message)))
        feedback.attach(blueprint)
        sio = self.sio

        # "Hilfreich" / "Nicht hilfreich" in the widget: stored without Rasa (bot/channels/feedback.py).
        @sio.on(feedback.SOCKETIO_EVENT, namespace=self.namespace)
        async def on_feedback(sid: str, data: Any = None) -> dict[str, bool]:
            return feedback.socketio_click(sid, data)

        # Rasa 3.6 calls ``sio.enter_room`` without ``await``; with python-socketio 5.10+
        # that never runs, the page never joins its session's room and every bot reply
        # is lost (RasaHQ/rasa#13027). Registering the event again replaces the handler.
        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: dict | None) -> None:
            data = data if isinstance(data, dict) else {}
            if not data.get("session_id"):
                data["session_id"] = uuid.uuid4().hex
            if self.session_persistence:
                await sio.enter_room(sid, data["session_id"], namespace=self.namespace)
            await sio.emit("session_confirm", data["session_id"], room=sid, namespace=self.namespace)

        return blueprint
