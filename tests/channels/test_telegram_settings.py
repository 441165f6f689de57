"""Where the Telegram channel takes its settings from, and when it refuses to run."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest
from rasa.core.run import create_http_input_channels

from bot.channels.telegram import SecureTelegramInput
from bot.channels.telegram.settings import DEFAULT_API_BASE_URL, TelegramSettings, settings_from
from bot_api_standin import SECRET, TOKEN

REPO = Path(__file__).resolve().parents[2]


def test_settings_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("TELEGRAM_TOKEN", TOKEN)
    monkeypatch.setenv("TELEGRAM_SECRET_TOKEN", SECRET)
    monkeypatch.setenv("TELEGRAM_WEBHOOK_URL", "https://beirat.example.org/webhooks/telegram/webhook")
    monkeypatch.setenv("TELEGRAM_BOT_NAME", "@frag_den_beirat_bot")
    monkeypatch.setenv("TELEGRAM_API_BASE_URL", "https://bot-api.example.org/")

    settings = settings_from(None)

    assert settings == TelegramSettings(
        access_token=TOKEN,
        secret_token=SECRET,
        webhook_url="https://beirat.example.org/webhooks/telegram/webhook",
        bot_name="frag_den_beirat_bot",
        api_base_url="https://bot-api.example.org",
    )
    assert settings.problem() is None


def test_credentials_keys_win_over_the_environment(monkeypatch):
    monkeypatch.setenv("TELEGRAM_SECRET_TOKEN", "from-the-environment-123")
    settings = settings_from({"secret_token": SECRET, "access_token": ""})
    assert settings.secret_token == SECRET
    assert settings.access_token == "", "an empty key must fall back to the (unset) variable"
    assert settings.api_base_url == DEFAULT_API_BASE_URL


@pytest.mark.parametrize(
    "changes, reason",
    [
        ({"access_token": ""}, "TELEGRAM_TOKEN is not set"),
        ({"access_token": "not a token"}, "does not look like a token"),
        ({"secret_token": ""}, "TELEGRAM_SECRET_TOKEN is not set"),
        ({"secret_token": "short"}, "16-256 characters"),
        ({"secret_token": "with spaces in the secret"}, "16-256 characters"),
        ({"api_base_url": "ftp://bot-api.example.org"}, "must start with http"),
    ],
)
def test_bad_settings_make_the_channel_inactive(changes, reason):
    values = dict(access_token=TOKEN, secret_token=SECRET, api_base_url=DEFAULT_API_BASE_URL)
    values.update(changes)
    channel = SecureTelegramInput(TelegramSettings(**values))
    assert channel.active is False
    assert reason in channel.settings.problem()
    assert channel.get_output_channel() is None, "an inactive channel must not talk to Telegram"


def test_credentials_file_loads_without_any_telegram_variable(caplog):
    """The bot must start without Telegram: Rasa refuses unset ${VAR}s in this file."""
    caplog.set_level(logging.INFO, logger="bot.channels.telegram")
    channels = create_http_input_channels(None, str(REPO / "credentials.yml"))

    names = sorted(channel.name() for channel in channels)
    assert names == ["rest", "socketio", "telegram"], names
    telegram = next(c for c in channels if c.name() == "telegram")
    assert isinstance(telegram, SecureTelegramInput) and telegram.active is False
    socketio = next(c for c in channels if c.name() == "socketio")
    assert (socketio.user_message_evt, socketio.bot_message_evt) == ("user_uttered", "bot_uttered")
    assert socketio.session_persistence is True
    lines = [r.getMessage() for r in caplog.records if "Telegram channel inactive" in r.getMessage()]
    assert len(lines) == 1, f"expected one clear log line, got {lines}"
