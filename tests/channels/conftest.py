"""Fixtures for the channel tests: a Bot API stand-in and a configured Telegram channel."""
from __future__ import annotations

import pytest

from bot.channels import ratelimit
from bot.channels.telegram import SecureTelegramInput, TelegramSettings
from bot_api_standin import SECRET, WEBHOOK_URL, BotApiStandIn

TELEGRAM_ENV = (
    "TELEGRAM_TOKEN",
    "TELEGRAM_SECRET_TOKEN",
    "TELEGRAM_WEBHOOK_URL",
    "TELEGRAM_BOT_NAME",
    "TELEGRAM_API_BASE_URL",
)


@pytest.fixture(autouse=True)
def no_telegram_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Settings on the machine running the tests must not leak into them."""
    for name in TELEGRAM_ENV:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def fresh_rate_limit() -> None:
    """Each test starts with its own generous limiter (the real one is process-wide)."""
    ratelimit.reset_limiter(ratelimit.SlidingWindowLimiter(limit=1000))
    yield
    ratelimit.reset_limiter(None)


@pytest.fixture
def bot_api() -> BotApiStandIn:
    with BotApiStandIn() as standin:
        yield standin


@pytest.fixture
def telegram_channel(bot_api: BotApiStandIn) -> SecureTelegramInput:
    return SecureTelegramInput(
        TelegramSettings(
            access_token=bot_api.token,
            secret_token=SECRET,
            webhook_url=WEBHOOK_URL,
            bot_name=bot_api.username,
            api_base_url=bot_api.base_url,
        )
    )
