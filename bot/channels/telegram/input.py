"""The Telegram webhook: refuses calls without the secret token, hands updates to Rasa."""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from aiogram.types import Update
from aiogram.utils.exceptions import TelegramAPIError
from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import feedback, guard, ratelimit
from bot.channels.telegram.keyboard import resolve_callback
from bot.channels.telegram.output import SecureTelegramOutput
from bot.channels.telegram.settings import TelegramSettings, settings_from

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"

# Telegram commands the bot understands, mapped to Rasa intents.
COMMANDS = {"/start": "/greet", "/help": "/ask_capabilities", "/hilfe": "/ask_capabilities"}

TEXT_ONLY_ANSWER = "Ich kann nur geschriebenen Text lesen. Bitte schreiben Sie Ihre Frage."
OLD_BUTTON_ANSWER = "Diesen Knopf kenne ich nicht mehr. Bitte schreiben Sie Ihre Frage."


@dataclass(frozen=True)
class Incoming:
    chat_id: int | None  # None: nothing to answer
    text: str | None  # None: no text (sticker, photo, ...)
    callback_query_id: str | None = None


def _chat_id(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("chat id is not a number")
    return value


def _text(value: Any) -> str | None:
    if value is not None and not isinstance(value, str):
        raise TypeError("text is not a string")
    return value or None


def _is_authorised(request: Request, secret: str) -> bool:
    if not secret:
        return False
    given = request.headers.get(SECRET_HEADER, "")
    return hmac.compare_digest(given.encode("utf-8"), secret.encode("utf-8"))


class SecureTelegramInput(InputChannel):
    """Telegram webhook at /webhooks/telegram/webhook, guarded by the secret token."""

    @classmethod
    def name(cls) -> str:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> SecureTelegramInput:
        return cls(settings_from(credentials))

    def __init__(self, settings: TelegramSettings) -> None:
        self.settings = settings
        problem = settings.problem()
        self.active = problem is None
        self._output: SecureTelegramOutput | None = None
        if problem:
            logger.info("Telegram channel inactive (%s); its webhook answers 403.", problem)

    def get_output_channel(self) -> SecureTelegramOutput | None:
        if not self.active:
            return None
        if self._output is None:
            self._output = SecureTelegramOutput(self.settings.access_token, self.settings.api_base_url)
        return self._output

    async def register_webhook(self) -> bool:
        """Tell Telegram where to send updates, with the secret. Never raises."""
        out = self.get_output_channel()
        if out is None:
            return False
        if not self.settings.webhook_url:
            logger.info("TELEGRAM_WEBHOOK_URL is not set; the Telegram webhook was not changed.")
            return False
        try:
            with out.request_timeout(15):
                await out.set_webhook_with_secret(self.settings.webhook_url, self.settings.secret_token)
                me = await out.get_me()
        except (TelegramAPIError, OSError) as error:
            logger.error("Could not set the Telegram webhook: %s", error)
            return False
        if self.settings.bot_name and me.username != self.settings.bot_name:
            logger.warning(
                "TELEGRAM_BOT_NAME is '%s' but the token belongs to '%s'.",
                self.settings.bot_name,
                me.username,
            )
        logger.info("Telegram webhook set to %s", self.settings.webhook_url)
        return True

    def _user_text(self, text: str) -> str:
        text = text.strip()
        if self.settings.bot_name:
            # In groups commands arrive as "/start@beirat_bot".
            text = text.replace(f"@{self.settings.bot_name}", "").strip()
        return COMMANDS.get(text, text)

    @staticmethod
    def parse_update(payload: Any) -> Incoming:
        """What an update asks for; raises ValueError when it is not a usable update."""
        if not isinstance(payload, dict):
            raise ValueError("update is not a JSON object")
        try:
            update = Update(**payload)
            query = update.callback_query
            if query is not None:
                source = query.message.chat if query.message else query.from_user
                text = resolve_callback(_text(query.data), query.message)
                return Incoming(_chat_id(source.id), text, query.id)
            message = update.message or update.edited_message
            if message is None:
                return Incoming(None, None)  # e.g. channel posts: nothing to answer
            return Incoming(_chat_id(message.chat.id), _text(message.text))
        except (AttributeError, TypeError, KeyError) as error:
            raise ValueError(f"malformed update: {type(error).__name__}") from error

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("secure_telegram_webhook", __name__)
        # Rate limit, text cleaning and the no-silence fallback, shared with the web channels.
        handle = guard.guarded(feedback.recording(on_new_message))
        feedback.attach(webhook)

        @webhook.listener("after_server_start")
        async def set_webhook(_app: Any, _loop: Any) -> None:
            await self.register_webhook()

        @webhook.listener("before_server_stop")
        async def close(_app: Any, _loop: Any) -> None:
            if self._output is not None:
                await self._output.close_session()

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            # Nothing is parsed or sent before the secret is verified.
            authorised = _is_authorised(request, self.settings.secret_token)
            out = self.get_output_channel() if authorised else None  # None also when inactive
            if out is None:
                # Only refused calls count per address: real updates all come from Telegram's servers.
                if not ratelimit.allow_address(guard.request_address(request)):
                    return response.json({"ok": False}, status=429)
                logger.warning("Refused a Telegram webhook call without the right secret token.")
                return response.json({"ok": False}, status=403)
            try:
                incoming = self.parse_update(json.loads(request.body or b""))
            except (ValueError, RecursionError):  # also invalid or too deeply nested JSON
                return response.json({"ok": False, "error": "invalid update"}, status=400)
            if incoming.chat_id is None:
                return response.json({"ok": True})

            try:
                if incoming.callback_query_id and feedback.is_callback(incoming.text):
                    # "Hilfreich" / "Nicht hilfreich": stored here, not sent to Rasa; the thanks is a notice.
                    feedback.telegram_click(incoming.text or "", incoming.chat_id)
                    await out.answer_callback_query(incoming.callback_query_id, text=feedback.THANKS_TEXT)
                    return response.json({"ok": True})
                if incoming.callback_query_id:
                    await out.answer_callback_query(incoming.callback_query_id)  # stops the spinner
                if incoming.text is None:
                    reply = OLD_BUTTON_ANSWER if incoming.callback_query_id else TEXT_ONLY_ANSWER
                    await out.send_message(incoming.chat_id, reply)
                    return response.json({"ok": True})
            except (TelegramAPIError, OSError) as error:
                logger.error("Telegram did not accept a call: %s", error)
                return response.json({"ok": True})

            message = UserMessage(
                self._user_text(incoming.text),
                out,
                str(incoming.chat_id),
                input_channel=self.name(),
                metadata=self.get_metadata(request),
            )
            try:
                await handle(message)
            except Exception as error:  # e.g. Telegram unreachable while answering
                logger.error("Telegram message not answered: %s", type(error).__name__)
                logger.debug("Details", exc_info=True)
            # 200 also after errors: Telegram would otherwise deliver the update again.
            return response.json({"ok": True})

        return webhook
