"""Rasa's socket.io channel (the web page) with the same guard as the REST channel.

Use it in credentials.yml as ``bot.channels.socketio.RateLimitedSocketIOInput:``
with the usual socket.io settings (user_message_evt, bot_message_evt,
session_persistence). Rasa's own handler builds the ``UserMessage``; the guard
wraps what happens next: rate limit, cleaning, length cap, no silence.
"""
from __future__ import annotations

from typing import Any, Awaitable, Callable, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from bot.channels import guard


class RateLimitedSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        return super().blueprint(guard.guarded(on_new_message))
