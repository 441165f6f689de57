"""The Telegram webhook end to end: HTTP in, Bot API calls out.

Most tests run the channel in a real Sanic server (mounted as Rasa mounts it) with an
agent that answers fixed responses, talking to a local Bot API stand-in. The test
marked ``rasa`` runs `rasa run` with the trained model and the action server instead.
"""
from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from typing import Any, Dict, List, Optional

import aiohttp
import pytest

from bot.channels import guard, ratelimit
from bot.channels.telegram import (
    MESSAGE_LIMIT,
    OLD_BUTTON_ANSWER,
    TEXT_ONLY_ANSWER,
    SecureTelegramInput,
    TelegramSettings,
)
import rasa_servers
from bot_api_standin import SECRET, WEBHOOK_URL
from channel_server import EchoAgent, serve_channel

WEBHOOK = "/webhooks/telegram/webhook"
CHAT_ID = 4711
QUESTION = "Wie viel Geld hat Banjul bekommen?"
ANSWER = "Banjul e.V. hat 1.400 Euro bekommen."


def text_update(text: str, update_id: int = 1) -> Dict[str, Any]:
    person = {"id": CHAT_ID, "is_bot": False, "first_name": "Ayşe"}
    return {
        "update_id": update_id,
        "message": {
            "message_id": 10,
            "date": 1700000000,
            "chat": {"id": CHAT_ID, "type": "private", "first_name": "Ayşe"},
            "from": person,
            "text": text,
        },
    }


def callback_update(data: str) -> Dict[str, Any]:
    person = {"id": CHAT_ID, "is_bot": False, "first_name": "Ayşe"}
    return {
        "update_id": 2,
        "callback_query": {
            "id": "cb-77",
            "from": person,
            "chat_instance": "ci-1",
            "data": data,
            "message": {
                "message_id": 11,
                "date": 1700000001,
                "chat": {"id": CHAT_ID, "type": "private"},
                "text": "Möchten Sie mehr wissen?",
            },
        },
    }


async def post(base_url: str, payload: Any, secret: Optional[str] = SECRET, raw: bytes = b""):
    headers = {} if secret is None else {"X-Telegram-Bot-Api-Secret-Token": secret}
    async with aiohttp.ClientSession() as session:
        kwargs = {"data": raw, "headers": headers} if raw else {"json": payload, "headers": headers}
        async with session.post(base_url + WEBHOOK, **kwargs) as resp:
            return resp.status


def sent_texts(bot_api) -> List[str]:
    return [call.params["text"] for call in bot_api.calls_to("sendMessage")]


@pytest.mark.asyncio
async def test_update_with_secret_is_answered_with_text_and_keyboard(telegram_channel, bot_api):
    agent = EchoAgent([{"text": ANSWER, "buttons": [{"title": "Wofür ist das Geld?", "payload": "/ask_grant_purpose"}]}])
    async with serve_channel(telegram_channel, agent) as base_url:
        status = await post(base_url, text_update(QUESTION))

    assert status == 200, f"webhook answered {status} to an update with the right secret"
    assert [m.text for m in agent.messages] == [QUESTION], "the question did not reach Rasa unchanged"
    assert agent.messages[0].sender_id == str(CHAT_ID) and agent.messages[0].input_channel == "telegram"
    calls = bot_api.calls_to("sendMessage")
    assert len(calls) == 1, f"expected one sendMessage, got {len(calls)}"
    assert calls[0].params["chat_id"] == str(CHAT_ID)
    assert calls[0].params["text"] == ANSWER
    assert calls[0].json_param("reply_markup") == {
        "inline_keyboard": [[{"text": "Wofür ist das Geld?", "callback_data": "/ask_grant_purpose"}]]
    }, "the button did not become an inline keyboard"


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "secret, raw",
    [
        (None, b""),  # no header at all
        ("", b""),  # empty header
        ("wrong-secret-0123456789abcdef", b""),  # wrong, same length as the real one
        (SECRET + "x", b""),  # real one plus a character
        (SECRET.upper(), b""),  # case matters
        (None, b"{not json"),  # garbage body: refused before it is read
    ],
    ids=["missing", "empty", "wrong", "longer", "case", "garbage-body"],
)
async def test_forged_update_is_refused_and_nothing_is_sent(telegram_channel, bot_api, secret, raw):
    agent = EchoAgent([{"text": ANSWER}])
    async with serve_channel(telegram_channel, agent) as base_url:
        status = await post(base_url, text_update(QUESTION), secret=secret, raw=raw)

    assert status == 403, f"forged update answered with {status}, expected 403"
    assert agent.messages == [], "a forged update reached Rasa"
    assert bot_api.calls_to("sendMessage") == [], "something was sent for a forged update"


@pytest.mark.asyncio
async def test_channel_without_secret_refuses_every_call(bot_api, caplog):
    caplog.set_level(logging.INFO, logger="bot.channels.telegram")
    channel = SecureTelegramInput(
        TelegramSettings(access_token=bot_api.token, webhook_url=WEBHOOK_URL, api_base_url=bot_api.base_url)
    )
    agent = EchoAgent([{"text": ANSWER}])
    async with serve_channel(channel, agent) as base_url:
        statuses = [await post(base_url, text_update(QUESTION), secret=s) for s in (None, "", SECRET)]

    assert statuses == [403, 403, 403], f"unconfigured channel answered {statuses}"
    assert agent.messages == [] and bot_api.calls == [], "unconfigured channel did work or called Telegram"
    inactive = [r for r in caplog.records if "Telegram channel inactive" in r.getMessage()]
    assert len(inactive) == 1, "expected exactly one log line saying why Telegram is inactive"
    assert "TELEGRAM_SECRET_TOKEN" in inactive[0].getMessage()


@pytest.mark.asyncio
async def test_health_route_answers_without_doing_work(telegram_channel, bot_api):
    async with serve_channel(telegram_channel, EchoAgent([])) as base_url:
        async with aiohttp.ClientSession() as session:
            async with session.get(base_url + "/webhooks/telegram/") as resp:
                status, body = resp.status, await resp.json()
            async with session.get(base_url + WEBHOOK) as resp:
                get_status = resp.status

    assert (status, body) == (200, {"status": "ok"})
    assert get_status == 405, f"GET on the webhook answered {get_status}; only POST is allowed"


@pytest.mark.asyncio
async def test_webhook_is_set_with_secret_at_start(telegram_channel, bot_api):
    async with serve_channel(telegram_channel, EchoAgent([])):
        calls = bot_api.wait_for("setWebhook")

    assert len(calls) == 1, "setWebhook was not called exactly once at server start"
    assert calls[0].params["url"] == WEBHOOK_URL
    assert calls[0].params["secret_token"] == SECRET, "setWebhook did not pass the secret token"
    assert "callback_query" in calls[0].json_param("allowed_updates")
    assert bot_api.calls_to("getMe"), "the token was not checked with getMe"


@pytest.mark.asyncio
async def test_button_press_reaches_rasa_as_payload(telegram_channel, bot_api):
    agent = EchoAgent([{"text": "Für ein Fußball·turnier."}])
    async with serve_channel(telegram_channel, agent) as base_url:
        status = await post(base_url, callback_update("/ask_grant_purpose"))

    assert status == 200
    assert [m.text for m in agent.messages] == ["/ask_grant_purpose"], "the button payload did not reach Rasa"
    assert agent.messages[0].sender_id == str(CHAT_ID)
    answered = bot_api.calls_to("answerCallbackQuery")
    assert [c.params["callback_query_id"] for c in answered] == ["cb-77"], "callback query not answered"
    assert sent_texts(bot_api) == ["Für ein Fußball·turnier."]


@pytest.mark.asyncio
async def test_long_button_payload_survives_the_round_trip(telegram_channel, bot_api):
    long_payload = '/ask_grant_purpose{"organisation": "Förderverein der IGS Linden e.V."}'
    agent = EchoAgent([{"text": "Der Förderverein hat 799 Euro bekommen.",
                        "buttons": [{"title": "Wofür?", "payload": long_payload}]}])
    async with serve_channel(telegram_channel, agent) as base_url:
        await post(base_url, text_update("Wie viel Geld hat der Förderverein bekommen?"))
        (button,) = bot_api.calls_to("sendMessage")[0].json_param("reply_markup")["inline_keyboard"][0]
        await post(base_url, callback_update(button["callback_data"]))

    assert [m.text for m in agent.messages][-1] == long_payload, "the pressed button's payload was lost"


@pytest.mark.asyncio
async def test_unknown_button_gets_a_polite_answer(telegram_channel, bot_api):
    agent = EchoAgent([{"text": ANSWER}])
    async with serve_channel(telegram_channel, agent) as base_url:
        status = await post(base_url, callback_update("~ffffffffffffffffffffffff"))

    assert status == 200 and agent.messages == []
    assert sent_texts(bot_api) == [OLD_BUTTON_ANSWER]
    assert bot_api.calls_to("answerCallbackQuery"), "the button spinner was not stopped"


@pytest.mark.asyncio
async def test_reply_buttons_become_a_reply_keyboard(telegram_channel, bot_api):
    buttons = [{"title": "Ja", "payload": "/affirm"}, {"title": "Nein", "payload": "/deny"}]
    agent = EchoAgent([{"text": "Möchten Sie mehr wissen?", "buttons": buttons, "button_type": "reply"}])
    async with serve_channel(telegram_channel, agent) as base_url:
        await post(base_url, text_update(QUESTION))

    markup = bot_api.calls_to("sendMessage")[0].json_param("reply_markup")
    assert markup["keyboard"] == [[{"text": "Ja"}], [{"text": "Nein"}]], f"unexpected reply keyboard {markup}"
    assert markup["one_time_keyboard"] is True


@pytest.mark.asyncio
async def test_long_answer_is_split_at_paragraphs(telegram_channel, bot_api):
    paragraphs = [f"Absatz {n}: " + "Der Integrations·beirat hat beraten. " * 12 for n in range(40)]
    long_answer = "\n\n".join(p.strip() for p in paragraphs)
    assert len(long_answer) > 2 * MESSAGE_LIMIT, "fixture too short to need splitting"
    agent = EchoAgent([{"text": long_answer}])
    async with serve_channel(telegram_channel, agent) as base_url:
        await post(base_url, text_update(QUESTION))

    texts = sent_texts(bot_api)
    assert len(texts) >= 3, f"a {len(long_answer)}-character answer was sent as {len(texts)} message(s)"
    assert all(len(t) <= MESSAGE_LIMIT for t in texts), [len(t) for t in texts]
    assert "\n\n".join(texts) == long_answer, "splitting lost or changed text, or cut inside a paragraph"


@pytest.mark.asyncio
async def test_sticker_gets_a_polite_answer_and_is_not_passed_on(telegram_channel, bot_api):
    update = text_update("unused")
    del update["message"]["text"]
    update["message"]["sticker"] = {"file_id": "s1", "file_unique_id": "u1", "width": 512, "height": 512,
                                    "is_animated": False}
    agent = EchoAgent([{"text": ANSWER}])
    async with serve_channel(telegram_channel, agent) as base_url:
        status = await post(base_url, update)

    assert status == 200
    assert agent.messages == [], "a message without text reached Rasa"
    assert sent_texts(bot_api) == [TEXT_ONLY_ANSWER]


@pytest.mark.asyncio
@pytest.mark.parametrize("command", ["/start", "/start@frag_den_beirat_test_bot"])
async def test_start_command_greets(telegram_channel, bot_api, command):
    agent = EchoAgent([{"text": "Hallo!"}])
    async with serve_channel(telegram_channel, agent) as base_url:
        await post(base_url, text_update(command))

    assert [m.text for m in agent.messages] == ["/greet"], "Telegram's /start did not become the greet intent"


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "raw",
    [
        b"{not json",
        b"[1, 2]",
        b'"text"',
        b"\xff\xfe broken bytes",
        b'{"update_id": 1, "message": "Hallo"}',
        b'{"update_id": 1, "message": {"chat": {"id": "4711"}, "text": "Hallo"}}',
        b'{"update_id": 1, "message": {"chat": {"id": 4711}, "text": 5}}',
        b'{"update_id": 1, "callback_query": {"id": "1", "data": "/affirm"}}',
    ],
)
async def test_broken_update_with_secret_is_rejected(telegram_channel, bot_api, raw):
    agent = EchoAgent([{"text": ANSWER}])
    async with serve_channel(telegram_channel, agent) as base_url:
        status = await post(base_url, None, raw=raw)

    assert status == 400, f"broken update answered {status}"
    assert agent.messages == [] and bot_api.calls_to("sendMessage") == []


@pytest.mark.asyncio
async def test_update_without_a_message_is_acknowledged_silently(telegram_channel, bot_api):
    update = {"update_id": 3, "my_chat_member": {"chat": {"id": CHAT_ID, "type": "private"}}}
    agent = EchoAgent([{"text": ANSWER}])
    async with serve_channel(telegram_channel, agent) as base_url:
        status = await post(base_url, update)

    assert status == 200, "Telegram retries updates that are not answered with 200"
    assert agent.messages == [] and bot_api.calls_to("sendMessage") == []


@pytest.mark.asyncio
async def test_failing_bot_gives_a_polite_answer(telegram_channel, bot_api):
    class FailingAgent(EchoAgent):
        async def handle_message(self, message):
            raise RuntimeError("tracker store is down")

    async with serve_channel(telegram_channel, FailingAgent([])) as base_url:
        status = await post(base_url, text_update(QUESTION))

    assert status == 200, "Telegram would deliver the update again on an error status"
    assert sent_texts(bot_api) == [guard.TECHNICAL_PROBLEM_TEXT]
    assert not any("Traceback" in t or "RuntimeError" in t for t in sent_texts(bot_api))


@pytest.mark.asyncio
async def test_telegram_goes_through_the_shared_rate_limit(telegram_channel, bot_api):
    ratelimit.reset_limiter(ratelimit.SlidingWindowLimiter(limit=1))
    agent = EchoAgent([{"text": ANSWER}])
    async with serve_channel(telegram_channel, agent) as base_url:
        statuses = [await post(base_url, text_update(QUESTION, update_id=n)) for n in (1, 2)]

    assert statuses == [200, 200]
    assert len(agent.messages) == 1, "the second message within a minute should not reach Rasa"
    assert sent_texts(bot_api) == [ANSWER, ratelimit.TOO_FAST_TEXT]


@pytest.mark.asyncio
async def test_message_text_is_not_logged_at_info(telegram_channel, bot_api, caplog):
    caplog.set_level(logging.INFO)
    agent = EchoAgent([{"text": ANSWER}])
    async with serve_channel(telegram_channel, agent) as base_url:
        await post(base_url, text_update(QUESTION))
        await post(base_url, text_update(QUESTION), secret="wrong-secret-0123456789abcdef")

    assert sent_texts(bot_api) == [ANSWER], "the exchange did not happen, so the check would mean nothing"
    logged = "\n".join(r.getMessage() for r in caplog.records if r.levelno >= logging.INFO)
    assert "Banjul" not in logged, f"message text was logged at INFO or above:\n{logged}"
    assert SECRET not in logged, "the secret token was logged"


def _post_sync(url: str, payload: Dict[str, Any], secret: Optional[str]) -> int:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers["X-Telegram-Bot-Api-Secret-Token"] = secret
    request = urllib.request.Request(url, data=json.dumps(payload).encode("utf-8"), headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=120) as resp:
            return resp.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.rasa
def test_real_rasa_server_answers_a_seed_question_over_telegram(bot_api, tmp_path):
    """rasa run with credentials.yml + action server, on free ports, Telegram via the stand-in."""
    rasa_servers.require_trained_bot()
    env = rasa_servers.process_env(
        TELEGRAM_TOKEN=bot_api.token,
        TELEGRAM_SECRET_TOKEN=SECRET,
        TELEGRAM_WEBHOOK_URL=WEBHOOK_URL,
        TELEGRAM_BOT_NAME=bot_api.username,
        TELEGRAM_API_BASE_URL=bot_api.base_url,
    )
    with rasa_servers.action_server(tmp_path / "actions.log") as actions:
        endpoints = rasa_servers.write_endpoints(tmp_path / "endpoints.yml", actions.port)
        rasa = rasa_servers.rasa_server(tmp_path / "rasa.log", env, endpoints, health_path="/webhooks/telegram/")
        with rasa:
            webhook_calls = bot_api.wait_for("setWebhook", timeout=60)
            assert webhook_calls and webhook_calls[0].params["secret_token"] == SECRET, (
                f"rasa run did not set the webhook with the secret:\n{rasa.log_tail()}"
            )

            url = f"{rasa.url}{WEBHOOK}"
            forged = [_post_sync(url, text_update("Wie viel Geld hat Banjul e.V. bekommen?"), s)
                      for s in (None, "wrong-secret-0123456789abcdef")]
            assert forged == [403, 403], f"forged updates answered {forged}"
            assert bot_api.calls_to("sendMessage") == [], "something was sent for a forged update"

            status = _post_sync(url, text_update("Wie viel Geld hat Banjul e.V. bekommen?"), SECRET)
            assert status == 200, f"webhook answered {status}:\n{rasa.log_tail()}"
            texts = [c.params["text"] for c in bot_api.wait_for("sendMessage", timeout=60)]
            assert any("1.400 Euro" in t for t in texts), (
                f"no answer with '1.400 Euro' sent to Telegram; sent: {texts}\n"
                f"rasa log:\n{rasa.log_tail()}\nactions log:\n{actions.log_tail()}"
            )
            assert {c.params["chat_id"] for c in bot_api.calls_to("sendMessage")} == {str(CHAT_ID)}
