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

Modules: ``settings`` (what the channel needs and why it may not run), ``split``
(long answers as several messages), ``keyboard`` (buttons, and the store for payloads
over 64 bytes), ``output`` (answers through the Bot API), ``input`` (the webhook,
``SecureTelegramInput``). credentials.yml names ``bot.channels.telegram.SecureTelegramInput``:
this package re-exports it and the other public names.
"""

from __future__ import annotations

from bot.channels.telegram.input import (
    COMMANDS,
    OLD_BUTTON_ANSWER,
    SECRET_HEADER,
    TEXT_ONLY_ANSWER,
    Incoming,
    SecureTelegramInput,
)
from bot.channels.telegram.keyboard import (
    CALLBACK_DATA_LIMIT,
    PayloadStore,
    build_keyboard,
    long_payloads,
    resolve_callback,
)
from bot.channels.telegram.output import ALLOWED_UPDATES, SecureTelegramOutput
from bot.channels.telegram.settings import DEFAULT_API_BASE_URL, SECRET_PATTERN, TelegramSettings, settings_from
from bot.channels.telegram.split import MESSAGE_LIMIT, split_message

__all__ = [
    "ALLOWED_UPDATES",
    "CALLBACK_DATA_LIMIT",
    "COMMANDS",
    "DEFAULT_API_BASE_URL",
    "MESSAGE_LIMIT",
    "OLD_BUTTON_ANSWER",
    "SECRET_HEADER",
    "SECRET_PATTERN",
    "TEXT_ONLY_ANSWER",
    "Incoming",
    "PayloadStore",
    "SecureTelegramInput",
    "SecureTelegramOutput",
    "TelegramSettings",
    "build_keyboard",
    "long_payloads",
    "resolve_callback",
    "settings_from",
    "split_message",
]
