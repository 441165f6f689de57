"""Answers to Telegram: split into messages, buttons as keyboards, through the configured Bot API."""

from __future__ import annotations

import json
from typing import Any

from aiogram import Bot
from aiogram.bot.api import Methods, TelegramAPIServer
from rasa.core.channels.telegram import TelegramOutput

from bot.channels.feedback import ANSWER_ID_KEY
from bot.channels.telegram.keyboard import build_keyboard, with_feedback
from bot.channels.telegram.settings import DEFAULT_API_BASE_URL
from bot.channels.telegram.split import split_message

ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]


class SecureTelegramOutput(TelegramOutput):
    """Sends answers through the configured Bot API server."""

    def __init__(self, access_token: str, api_base_url: str = DEFAULT_API_BASE_URL) -> None:
        # TelegramOutput.__init__ only calls Bot(token) with the public server.
        Bot.__init__(self, access_token, server=TelegramAPIServer.from_base(api_base_url))

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        chunks = split_message(text)
        markup = with_feedback(None, kwargs.get(ANSWER_ID_KEY))
        for number, chunk in enumerate(chunks, start=1):
            extra = {"reply_markup": markup} if markup and number == len(chunks) else {}
            await self.send_message(recipient_id, chunk, disable_web_page_preview=True, **extra)

    async def send_text_with_buttons(
        self,
        recipient_id: str,
        text: str,
        buttons: list[dict[str, Any]],
        button_type: str | None = None,
        **kwargs: Any,
    ) -> None:
        chunks = split_message(text) or ["…"]  # Telegram needs text to attach a keyboard to
        markup = with_feedback(build_keyboard(buttons, button_type), kwargs.get(ANSWER_ID_KEY))
        for chunk in chunks[:-1]:
            await self.send_message(recipient_id, chunk, disable_web_page_preview=True)
        await self.send_message(recipient_id, chunks[-1], reply_markup=markup, disable_web_page_preview=True)

    async def set_webhook_with_secret(self, url: str, secret_token: str) -> Any:
        """``setWebhook`` with the secret: aiogram 2.15 predates its ``secret_token`` parameter."""
        payload = {
            "url": url,
            "secret_token": secret_token,
            "allowed_updates": json.dumps(ALLOWED_UPDATES),
        }
        return await self.request(Methods.SET_WEBHOOK, payload)

    async def close_session(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
