"""Bad input of every shape on the Telegram webhook (with the right secret): never a
500, a clear 400 or a polite answer to the chat, the decisions database unchanged.

First with a stand-in agent in-process (fast), then through the real Rasa server,
whose Telegram channel answers through a local Bot API stand-in (``telegram_api``).
"""
from __future__ import annotations

import asyncio
import time

import aiohttp
import pytest

from bad_input_kinds import telegram_kinds
from bot.channels import guard, ratelimit
from bot.channels.telegram import OLD_BUTTON_ANSWER, TEXT_ONLY_ANSWER, SecureTelegramInput, TelegramSettings
from bot_api_standin import SECRET, BotApiStandIn
from channel_server import EchoAgent, serve_channel
from conftest import TECHNICAL_PROBLEM
from test_bad_input import database_checksum

WEBHOOK = "/webhooks/telegram/webhook"
ANSWER = "Antwort des Bots."
POLITE = {guard.NOT_READABLE_TEXT, guard.EMPTY_TEXT, guard.TOO_LONG_TEXT, TEXT_ONLY_ANSWER, OLD_BUTTON_ANSWER}


def test_at_least_30_kinds():
    print(f"\nbad-input kinds: Telegram {len(telegram_kinds(0))}")
    assert len(telegram_kinds(0)) >= 30


async def post_all(base_url: str, kinds: dict[str, bytes]) -> dict[str, int]:
    statuses = {}
    async with aiohttp.ClientSession() as session:
        for name, body in kinds.items():
            headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"}
            async with session.post(base_url + WEBHOOK, data=body, headers=headers) as response:
                statuses[name] = response.status
    return statuses


def sent_to(api: BotApiStandIn, chat_id: int) -> list[str]:
    return [c.params.get("text", "") for c in api.calls_to("sendMessage") if str(c.params.get("chat_id")) == str(chat_id)]


def problems_of(statuses: dict[str, int], api: BotApiStandIn, chat: int, fake_bot: bool) -> list[str]:
    problems = []
    for index, (name, status) in enumerate(statuses.items()):
        if status >= 500 or status not in (200, 400):
            problems.append(f"{name}: HTTP {status}")
            continue
        replies = sent_to(api, chat + index)
        if TECHNICAL_PROBLEM in replies:
            problems.append(f"{name}: technical problem (something crashed)")
        if any(leak in r for r in replies for leak in ("Traceback", "Exception", "DROP TABLE", "<script>")):
            problems.append(f"{name}: leaks internals or echoes the attack: {replies}")
        if fake_bot and any(r not in POLITE and r != ANSWER for r in replies):
            problems.append(f"{name}: unexpected answer {replies}")
    return problems


def test_telegram_channel_answers_every_kind():
    ratelimit.reset_limiter(ratelimit.SlidingWindowLimiter(1000), ratelimit.SlidingWindowLimiter(1000))
    chat = 5000
    try:
        with BotApiStandIn() as api:
            settings = TelegramSettings(access_token=api.token, secret_token=SECRET, api_base_url=api.base_url)
            agent = EchoAgent([{"text": ANSWER}])

            async def run() -> dict[str, int]:
                async with serve_channel(SecureTelegramInput(settings), agent) as base_url:
                    return await post_all(base_url, telegram_kinds(chat))

            statuses = asyncio.run(run())
            problems = problems_of(statuses, api, chat, fake_bot=True)
            kinds = telegram_kinds(chat)
            # Those with a readable chat and text reach the bot; a sticker gets the text-only answer.
            assert sent_to(api, chat + 23) == [TEXT_ONLY_ANSWER]
            assert sent_to(api, chat + 29) == [OLD_BUTTON_ANSWER]
            assert sent_to(api, chat + 20) == [guard.TOO_LONG_TEXT]
            assert all(m.text and isinstance(m.text, str) for m in agent.messages)
    finally:
        ratelimit.reset_limiter(None)
    assert not problems, "\n".join(problems)
    assert len(statuses) == len(kinds)


@pytest.mark.rasa
def test_real_bot_answers_every_telegram_kind_and_changes_nothing(rasa, decisions_db, fault_proxy, telegram_api):
    fault_proxy.set_mode("pass")
    before = database_checksum(decisions_db)
    chat = 7000
    statuses = asyncio.run(post_all(rasa.url, telegram_kinds(chat)))
    time.sleep(1)  # answers are sent before the webhook returns; a moment for the stand-in
    problems = problems_of(statuses, telegram_api, chat, fake_bot=False)
    answered = [n for i, n in enumerate(statuses) if sent_to(telegram_api, chat + i)]
    assert not problems, "\n".join(problems)
    assert len(answered) >= 15, f"only {len(answered)} kinds were answered in the chat: {answered}"
    assert database_checksum(decisions_db) == before, "the decisions database changed"
