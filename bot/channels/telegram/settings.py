"""The Telegram channel's settings: from credentials.yml keys, else from the environment."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Any

from aiogram.bot.api import check_token
from aiogram.utils.exceptions import ValidationError

DEFAULT_API_BASE_URL = "https://api.telegram.org"
# Telegram allows 1-256 of these characters; we ask for at least 16 so it cannot be guessed.
SECRET_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,256}$")


@dataclass(frozen=True)
class TelegramSettings:
    access_token: str = ""
    secret_token: str = ""
    webhook_url: str = ""
    bot_name: str = ""
    api_base_url: str = DEFAULT_API_BASE_URL

    def problem(self) -> str | None:
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


def _setting(credentials: dict[str, Any], key: str, env: str, default: str = "") -> str:
    value = credentials.get(key)
    if value is None or str(value).strip() == "":
        value = os.environ.get(env, "")
    return str(value).strip() or default


def settings_from(credentials: dict[str, Any] | None) -> TelegramSettings:
    """Settings from credentials.yml, falling back to the environment per key."""
    creds = credentials or {}
    return TelegramSettings(
        access_token=_setting(creds, "access_token", "TELEGRAM_TOKEN"),
        secret_token=_setting(creds, "secret_token", "TELEGRAM_SECRET_TOKEN"),
        webhook_url=_setting(creds, "webhook_url", "TELEGRAM_WEBHOOK_URL"),
        bot_name=_setting(creds, "verify", "TELEGRAM_BOT_NAME").lstrip("@"),
        api_base_url=_setting(creds, "api_base_url", "TELEGRAM_API_BASE_URL", DEFAULT_API_BASE_URL).rstrip("/"),
    )
