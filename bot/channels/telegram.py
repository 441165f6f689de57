"""Telegram channel that only accepts webhook calls that carry Telegram's secret token.

Rasa's built-in ``telegram`` channel trusts every POST to its webhook and calls
``getMe`` on each one. This connector instead:

- answers 403 to every webhook call whose ``X-Telegram-Bot-Api-Secret-Token``
  header does not match the configured secret (constant-time compare), before it
  reads the body, and also when no secret is configured at all;
- passes the secret to ``setWebhook`` at server start (aiogram 2.15 predates the
  ``secret_token`` parameter, so the call is made with ``Bot.request``);
- talks to a configurable Bot API server (self-hosted or https://api.telegram.org);
- turns buttons into keyboards and answers callback queries (payloads longer than
  Telegram's 64 bytes travel as a short key);
- splits long answers at blank lines, then lines, so no message exceeds 4096 characters;
- never logs message text at INFO or above.

Settings come from credentials.yml keys or, when a key is absent, from the environment:
TELEGRAM_TOKEN, TELEGRAM_SECRET_TOKEN, TELEGRAM_WEBHOOK_URL, TELEGRAM_BOT_NAME,
TELEGRAM_API_BASE_URL. Without token or secret the channel stays inactive: the bot
starts, and the webhook refuses every call with 403.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
import re
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from aiogram import Bot
from aiogram.bot.api import Methods, TelegramAPIServer, check_token
from aiogram.types import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    KeyboardButton,
    ReplyKeyboardMarkup,
    Update,
)
from aiogram.utils.exceptions import TelegramAPIError, ValidationError
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.telegram import TelegramOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import guard

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
DEFAULT_API_BASE_URL = "https://api.telegram.org"
MESSAGE_LIMIT = 4096  # Telegram's maximum text length of one message
CALLBACK_DATA_LIMIT = 64  # bytes; Telegram rejects longer callback_data
# Telegram allows 1-256 of these characters; we ask for at least 16 so it cannot be guessed.
SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,256}$")
ALLOWED_UPDATES = ["message", "edited_message", "callback_query"]

# Telegram commands the bot understands, mapped to Rasa intents.
COMMANDS = {"/start": "/greet", "/help": "/ask_capabilities", "/hilfe": "/ask_capabilities"}

TEXT_ONLY_ANSWER = "Ich kann nur geschriebenen Text lesen. Bitte schreiben Sie Ihre Frage."
OLD_BUTTON_ANSWER = "Diesen Knopf kenne ich nicht mehr. Bitte schreiben Sie Ihre Frage."


@dataclass(frozen=True)
class TelegramSettings:
    access_token: str = ""
    secret_token: str = ""
    webhook_url: str = ""
    bot_name: str = ""
    api_base_url: str = DEFAULT_API_BASE_URL

    def problem(self) -> Optional[str]:
        """Why the channel cannot run with these settings, or None when it can."""
        if not self.access_token:
            return "TELEGRAM_TOKEN is not set"
        try:
            check_token(self.access_token)
        except ValidationError:
            return "TELEGRAM_TOKEN does not look like a token from BotFather"
        if not self.secret_token:
            return "TELEGRAM_SECRET_TOKEN is not set"
        if not SECRET_PATTERN.match(self.secret_token):
            return "TELEGRAM_SECRET_TOKEN must be 16-256 characters of A-Z, a-z, 0-9, _ and -"
        if not re.match(r"^https?://[^\s/]+", self.api_base_url):
            return "TELEGRAM_API_BASE_URL must start with http:// or https://"
        return None


def _setting(credentials: Dict[Text, Any], key: str, env: str, default: str = "") -> str:
    value = credentials.get(key)
    if value is None or str(value).strip() == "":
        value = os.environ.get(env, "")
    return str(value).strip() or default


def settings_from(credentials: Optional[Dict[Text, Any]]) -> TelegramSettings:
    """Settings from credentials.yml, falling back to the environment per key."""
    creds = credentials or {}
    return TelegramSettings(
        access_token=_setting(creds, "access_token", "TELEGRAM_TOKEN"),
        secret_token=_setting(creds, "secret_token", "TELEGRAM_SECRET_TOKEN"),
        webhook_url=_setting(creds, "webhook_url", "TELEGRAM_WEBHOOK_URL"),
        bot_name=_setting(creds, "verify", "TELEGRAM_BOT_NAME").lstrip("@"),
        api_base_url=_setting(
            creds, "api_base_url", "TELEGRAM_API_BASE_URL", DEFAULT_API_BASE_URL
        ).rstrip("/"),
    )


def _utf16_len(text: str) -> int:
    # Telegram counts text length in UTF-16 code units; this is never less than len().
    return len(text.encode("utf-16-le")) // 2


def _hard_cut(text: str, limit: int) -> List[str]:
    pieces, current, units = [], "", 0
    for char in text:
        size = 2 if ord(char) > 0xFFFF else 1  # characters outside the BMP take two units
        if units + size > limit:
            pieces.append(current)
            current, units = "", 0
        current += char
        units += size
    return pieces + ([current] if current else [])


# Separators tried in order: blank lines (paragraphs), line breaks, spaces.
_SPLITTERS = [(re.compile(r"\n[ \t]*\n\s*"), "\n\n"), (re.compile(r"\n"), "\n"), (re.compile(r" +"), " ")]


def _split(text: str, limit: int, level: int) -> List[str]:
    if _utf16_len(text) <= limit:
        return [text]
    if level == len(_SPLITTERS):
        return _hard_cut(text, limit)
    pattern, joiner = _SPLITTERS[level]
    chunks: List[str] = []
    current = ""
    for part in (p for p in pattern.split(text) if p.strip()):
        candidate = f"{current}{joiner}{part}" if current else part
        if _utf16_len(candidate) <= limit:
            current = candidate
            continue
        if current:
            chunks.append(current)
        if _utf16_len(part) <= limit:
            current = part
        else:
            *full, current = _split(part, limit, level + 1)
            chunks.extend(full)
    if current:
        chunks.append(current)
    return chunks


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> List[str]:
    """Split text into messages of at most ``limit`` characters.

    Splits at blank lines first, then at line breaks, then at spaces; cuts a word
    only when a single word is longer than the limit.
    """
    text = text.strip()
    return _split(text, limit, 0) if text else []


class PayloadStore:
    """Button payloads too long for Telegram's 64-byte callback_data, by short key.

    Payloads with entities ('/ask_grant_purpose{"organisation": "..."}') are often
    longer. The key goes to Telegram, the payload stays here (bounded, oldest dropped).
    After a restart the key is unknown; the button's title is used instead.
    """

    PREFIX = "~"
    MAX_ENTRIES = 10_000

    def __init__(self) -> None:
        self._payloads: "OrderedDict[str, str]" = OrderedDict()

    def key_for(self, payload: str) -> str:
        key = self.PREFIX + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]
        self._payloads[key] = payload
        self._payloads.move_to_end(key)
        while len(self._payloads) > self.MAX_ENTRIES:
            self._payloads.popitem(last=False)
        return key

    def payload_for(self, key: str) -> Optional[str]:
        return self._payloads.get(key)


long_payloads = PayloadStore()


def _callback_data(button: Dict[Text, Any]) -> str:
    payload = str(button.get("payload") or button["title"])
    if len(payload.encode("utf-8")) <= CALLBACK_DATA_LIMIT:
        return payload
    return long_payloads.key_for(payload)


def _button_title(markup: Any, data: str) -> Optional[str]:
    """Title of the inline button with this callback_data in the pressed message."""
    rows = getattr(markup, "inline_keyboard", None) or []
    for row in rows:
        for button in row:
            if getattr(button, "callback_data", None) == data:
                return button.text
    return None


def resolve_callback(data: Optional[str], message: Any) -> Optional[str]:
    """The text for Rasa when a button with ``data`` was pressed under ``message``."""
    if not data or not data.startswith(PayloadStore.PREFIX):
        return data
    payload = long_payloads.payload_for(data)
    if payload is None and message is not None:
        payload = _button_title(message.reply_markup, data)
    return payload


def build_keyboard(buttons: List[Dict[Text, Any]], button_type: Optional[str]):
    """Telegram markup for Rasa buttons.

    ``vertical`` (default): inline keyboard, one button per row (long German titles).
    ``inline``: inline keyboard, all buttons in one row.
    ``reply``: reply keyboard; pressing a button sends its title as text.
    """
    buttons = [b for b in buttons if isinstance(b, dict) and b.get("title")]
    if button_type == "reply":
        markup = ReplyKeyboardMarkup(resize_keyboard=True, one_time_keyboard=True)
        for button in buttons:
            markup.row(KeyboardButton(str(button["title"])))
        return markup

    inline = [
        InlineKeyboardButton(str(button["title"]), callback_data=_callback_data(button))
        for button in buttons
    ]
    markup = InlineKeyboardMarkup()
    if button_type == "inline":
        markup.row(*inline)
    else:
        for button in inline:
            markup.row(button)
    return markup


class SecureTelegramOutput(TelegramOutput):
    """Sends answers through the configured Bot API server."""

    def __init__(self, access_token: str, api_base_url: str = DEFAULT_API_BASE_URL) -> None:
        # TelegramOutput.__init__ only calls Bot(token) with the public server.
        Bot.__init__(self, access_token, server=TelegramAPIServer.from_base(api_base_url))

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        for chunk in split_message(text):
            await self.send_message(recipient_id, chunk, disable_web_page_preview=True)

    async def send_text_with_buttons(
        self,
        recipient_id: Text,
        text: Text,
        buttons: List[Dict[Text, Any]],
        button_type: Optional[Text] = None,
        **kwargs: Any,
    ) -> None:
        chunks = split_message(text) or ["…"]  # Telegram needs text to attach a keyboard to
        markup = build_keyboard(buttons, button_type)
        for chunk in chunks[:-1]:
            await self.send_message(recipient_id, chunk, disable_web_page_preview=True)
        await self.send_message(
            recipient_id, chunks[-1], reply_markup=markup, disable_web_page_preview=True
        )

    async def set_webhook_with_secret(self, url: str, secret_token: str) -> Any:
        payload = {
            "url": url,
            "secret_token": secret_token,
            "allowed_updates": json.dumps(ALLOWED_UPDATES),
        }
        return await self.request(Methods.SET_WEBHOOK, payload)

    async def close_session(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()


@dataclass(frozen=True)
class Incoming:
    chat_id: Optional[int]  # None: nothing to answer
    text: Optional[str]  # None: no text (sticker, photo, ...)
    callback_query_id: Optional[str] = None


def _chat_id(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("chat id is not a number")
    return value


def _text(value: Any) -> Optional[str]:
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
    def name(cls) -> Text:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "SecureTelegramInput":
        return cls(settings_from(credentials))

    def __init__(self, settings: TelegramSettings) -> None:
        self.settings = settings
        problem = settings.problem()
        self.active = problem is None
        self._output: Optional[SecureTelegramOutput] = None
        if problem:
            logger.info("Telegram channel inactive (%s); its webhook answers 403.", problem)

    def get_output_channel(self) -> Optional[SecureTelegramOutput]:
        if not self.active:
            return None
        if self._output is None:
            self._output = SecureTelegramOutput(
                self.settings.access_token, self.settings.api_base_url
            )
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
                await out.set_webhook_with_secret(
                    self.settings.webhook_url, self.settings.secret_token
                )
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
        handle = guard.guarded(on_new_message)

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
            if not self.active or not _is_authorised(request, self.settings.secret_token):
                logger.warning("Refused a Telegram webhook call without the right secret token.")
                return response.json({"ok": False}, status=403)
            out = self.get_output_channel()
            try:
                incoming = self.parse_update(json.loads(request.body or b""))
            except ValueError:  # also invalid JSON
                return response.json({"ok": False, "error": "invalid update"}, status=400)
            if incoming.chat_id is None:
                return response.json({"ok": True})

            try:
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
