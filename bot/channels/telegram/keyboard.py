"""Rasa buttons as Telegram keyboards, and the way back from a pressed button to a payload.

Telegram allows only 64 bytes of ``callback_data`` per button. Longer payloads stay in
``long_payloads`` (an SQL table all servers share, see ``payloads``) and travel as a short key.
"""

from __future__ import annotations

from typing import Any

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup

from bot.channels import feedback
from bot.channels.telegram.payloads import PayloadStore, SharedPayloadStore

CALLBACK_DATA_LIMIT = 64  # bytes; Telegram rejects longer callback_data

__all__ = [
    "CALLBACK_DATA_LIMIT",
    "PayloadStore",
    "build_keyboard",
    "long_payloads",
    "resolve_callback",
    "with_feedback",
]

long_payloads = SharedPayloadStore()


def _callback_data(button: dict[str, Any]) -> str:
    payload = str(button.get("payload") or button["title"])
    if len(payload.encode("utf-8")) <= CALLBACK_DATA_LIMIT:
        return payload
    return long_payloads.key_for(payload)


def _button_title(markup: Any, data: str) -> str | None:
    """Title of the inline button with this callback_data in the pressed message."""
    rows = getattr(markup, "inline_keyboard", None) or []
    for row in rows:
        for button in row:
            if getattr(button, "callback_data", None) == data:
                return button.text
    return None


def resolve_callback(data: str | None, message: Any) -> str | None:
    """The text for Rasa when a button with ``data`` was pressed under ``message``."""
    if not data or not data.startswith(PayloadStore.PREFIX):
        return data
    payload = long_payloads.payload_for(data)
    if payload is None and message is not None:
        payload = _button_title(message.reply_markup, data)
    return payload


def with_feedback(markup: InlineKeyboardMarkup | None, answer_id: str | None) -> InlineKeyboardMarkup | None:
    """Adds the row "Hilfreich" / "Nicht hilfreich" (bot/channels/feedback.py) under a factual answer."""
    if not answer_id or not (markup is None or isinstance(markup, InlineKeyboardMarkup)):
        return markup  # a reply keyboard cannot carry inline buttons
    markup = markup or InlineKeyboardMarkup()
    markup.row(
        InlineKeyboardButton(feedback.HELPFUL_TEXT, callback_data=feedback.callback_data(answer_id, True)),
        InlineKeyboardButton(feedback.NOT_HELPFUL_TEXT, callback_data=feedback.callback_data(answer_id, False)),
    )
    return markup


def build_keyboard(
    buttons: list[dict[str, Any]], button_type: str | None
) -> InlineKeyboardMarkup | ReplyKeyboardMarkup:
    """Telegram markup for Rasa buttons.

    ``vertical`` (default): inline keyboard, one button per row (long German titles).
    ``inline``: inline keyboard, all buttons in one row.
    ``reply``: reply keyboard; pressing a button sends its title as text.
    """
    buttons = [b for b in buttons if isinstance(b, dict) and b.get("title")]
    if button_type == "reply":
        reply = ReplyKeyboardMarkup(resize_keyboard=True, one_time_keyboard=True)
        for button in buttons:
            reply.row(KeyboardButton(str(button["title"])))
        return reply

    inline = [InlineKeyboardButton(str(button["title"]), callback_data=_callback_data(button)) for button in buttons]
    markup = InlineKeyboardMarkup()
    if button_type == "inline":
        markup.row(*inline)
    else:
        for button in inline:
            markup.row(button)
    return markup
