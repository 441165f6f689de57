"""Feedback buttons and the record of unanswered questions, at the channel layer.

Every public channel wraps Rasa's message callback with ``recording`` (inside the
guard, so the question is already cleaned). Its output channel looks at each answer:

- an action's factual answer carries ``kinds.META_KEY`` metadata (intent, template,
  council, source): it is stored with the channel under a new opaque answer id, and
  the channel offers "Hilfreich" / "Nicht hilfreich" for that id (socket.io: one extra
  ``bot_uttered`` event ``{"feedback": {"answer_id": ...}}`` after the answer; Telegram:
  a row of inline buttons, see ``telegram/output.py``; REST: nothing);
- "no data" answers carry the same metadata with the fact that was missing;
- the domain's fallback and out-of-scope responses are known by their name.

A click comes back without Rasa and without the NLU: socket.io event ``feedback``
(``socketio_click``), Telegram callback data ``fb:<id>:1|0`` (``telegram_click``). It
sets "helpful" on the stored answer; a click for an unknown id changes nothing.
A failing store never costs the user an answer: errors are logged, the answer is sent.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import OutputChannel, UserMessage

from bot.channels import ratelimit
from bot.feedback import kinds
from bot.feedback.store import FEEDBACK_URL_ENV, FeedbackStore, server_store

logger = logging.getLogger(__name__)

HELPFUL_TEXT = "Hilfreich"
NOT_HELPFUL_TEXT = "Nicht hilfreich"
THANKS_TEXT = "Danke für Ihre Antwort!"

SOCKETIO_EVENT = "feedback"
CALLBACK_PREFIX = "fb:"
# Telegram's output reads this message key and adds the two buttons.
ANSWER_ID_KEY = "beirat_feedback_answer_id"
_CALLBACK = re.compile(r"^fb:([0-9a-f]{32}):([01])$")

_stores: dict[str, FeedbackStore] = {}
_tracker_store: Any = None  # the Rasa server's, once the app has started


def remember_tracker_store(app: Any) -> None:
    """Called by the channels when the server starts: the default place for the rows."""
    global _tracker_store
    agent = getattr(getattr(app, "ctx", None), "agent", None)
    _tracker_store = getattr(agent, "tracker_store", None)


def attach(blueprint: Any) -> None:
    """Lets a channel's blueprint tell this module the server's tracker store at start."""

    @blueprint.listener("after_server_start")
    async def _remember(app: Any, _loop: Any) -> None:
        remember_tracker_store(app)


def current_store() -> FeedbackStore:
    """The store for this server (``store.server_store``), one per database."""
    url = os.environ.get(FEEDBACK_URL_ENV, "").strip()
    key = url or f"tracker:{id(_tracker_store)}"
    if key not in _stores:
        _stores[key] = server_store(_tracker_store)
    return _stores[key]


def _record(message: dict[str, Any], question: str | None, channel: str | None) -> str | None:
    """Records what this answer means for staff; returns the answer id of a factual answer."""
    meta = message.pop(kinds.META_KEY, None)
    utter = str(message.get("utter_action") or "")
    kind = meta.get("kind") if isinstance(meta, dict) else kinds.UNANSWERED_RESPONSES.get(utter)
    if kind is None:
        return None
    store = current_store()
    if kind == kinds.ANSWERED and isinstance(meta, dict):
        return store.record_answer(meta, channel)
    meta = meta if isinstance(meta, dict) else {}
    intent = meta.get("intent") or ("out_of_scope" if kind == kinds.OUT_OF_SCOPE else None)
    store.record_unanswered(kind, question, channel, intent, meta.get("council"), meta.get("missing"))
    return None


class RecordingOutputChannel(OutputChannel):
    """Passes every answer on; records factual and unanswered ones; adds the feedback offer."""

    def __init__(self, inner: OutputChannel, question: str | None, channel: str | None) -> None:
        self.inner = inner
        self.question = question
        self.channel = channel

    def name(self) -> str:
        return self.inner.name()

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        answer_id = None
        try:
            answer_id = _record(message, self.question, self.channel)
        except Exception as error:  # the answer matters more than the record
            logger.error("Feedback-Speicher: %s nicht gespeichert (%s)", "Antwort", type(error).__name__)
            logger.debug("Feedback store error", exc_info=True)
        if answer_id and self.channel == "telegram":
            message[ANSWER_ID_KEY] = answer_id
        await self.inner.send_response(recipient_id, message)
        if answer_id and self.channel == "socketio":
            # Rasa's socket.io output emits custom JSON's "data" as the bot_uttered event.
            await self.inner.send_response(recipient_id, {"custom": {"data": {"feedback": {"answer_id": answer_id}}}})

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        await self.inner.send_text_message(recipient_id, text, **kwargs)

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.inner, attribute)


OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def recording(on_new_message: OnNewMessage) -> OnNewMessage:
    """Wraps Rasa's callback so that answers are recorded (see the module text)."""

    async def handle(message: UserMessage) -> Any:
        message.output_channel = RecordingOutputChannel(message.output_channel, message.text, message.input_channel)
        return await on_new_message(message)

    return handle


def record_click(answer_id: Any, helpful: Any, sender: str | None) -> bool:
    """Stores one click; False when refused (too fast, bad input, unknown id, store down)."""
    if not isinstance(helpful, bool) or (sender is not None and not ratelimit.allow(sender)):
        return False
    try:
        return current_store().record_feedback(answer_id, helpful)
    except Exception as error:
        logger.error("Feedback-Speicher: Klick nicht gespeichert (%s)", type(error).__name__)
        logger.debug("Feedback store error", exc_info=True)
        return False


def socketio_click(sid: str, data: Any) -> dict[str, bool]:
    """The widget's ``feedback`` event: ``{"answer_id": "...", "helpful": true}``; the ack says if stored."""
    data = data if isinstance(data, dict) else {}
    return {"ok": record_click(data.get("answer_id"), data.get("helpful"), f"socketio-feedback:{sid}")}


def is_callback(data: str | None) -> bool:
    return bool(data) and str(data).startswith(CALLBACK_PREFIX)


def callback_data(answer_id: str, helpful: bool) -> str:
    """``fb:<32 hex>:1``: 37 bytes, well within Telegram's 64."""
    return f"{CALLBACK_PREFIX}{answer_id}:{int(helpful)}"


def telegram_click(data: str, chat_id: int) -> bool:
    match = _CALLBACK.match(data or "")
    if not match:
        return False
    return record_click(match.group(1), match.group(2) == "1", f"telegram-feedback:{chat_id}")
