"""Feedback buttons and unanswered questions at the channel layer (bot/channels/feedback.py).

The stand-in tests run the real channels in a Sanic server with an agent that answers
fixed responses; the test marked ``rasa`` runs `rasa run` with the trained model and the
action server, Telegram through the Bot API stand-in, and reads the result with
``beirat report`` and ``beirat purge-conversations``.
"""
from __future__ import annotations

import asyncio
import subprocess
import time

import pytest
import socketio
import sqlalchemy as sa

import rasa_servers
from bot.channels import feedback
from bot.channels.socketio import RateLimitedSocketIOInput
from bot.devtools.servers import VENV_BIN
from bot.feedback import kinds
from bot.feedback.store import FEEDBACK_URL_ENV, FeedbackStore
from bot_api_standin import SECRET, WEBHOOK_URL
from channel_server import EchoAgent, serve_channel
from test_telegram_webhook import CHAT_ID, _post_sync, callback_update, post, sent_texts, text_update

FACTUAL = {"text": "Banjul e.V. hat 1.400 Euro bekommen.", kinds.META_KEY: {
    "kind": kinds.ANSWERED, "intent": "ask_grant_amount", "template": "action_grant_amount",
    "council": "Integrationsbeirat Linden-Limmer", "source": "2019-04-01_linden-limmer_32.txt, TOP 5"}}
EMAIL = "anna.meier@example.org"
PHONE = "0511 9876543"


@pytest.fixture
def store(tmp_path, monkeypatch) -> FeedbackStore:
    url = f"sqlite:///{tmp_path / 'feedback.sqlite'}"
    monkeypatch.setenv(FEEDBACK_URL_ENV, url)
    return FeedbackStore.from_url(url)


def feedback_row(bot_api) -> list:
    markup = bot_api.calls_to("sendMessage")[-1].json_param("reply_markup")
    return markup["inline_keyboard"][-1]


@pytest.mark.asyncio
async def test_telegram_factual_answer_gets_the_buttons_and_a_click_is_stored(telegram_channel, bot_api, store):
    agent = EchoAgent([FACTUAL])
    async with serve_channel(telegram_channel, agent) as base_url:
        await post(base_url, text_update("Wie viel Geld hat Banjul bekommen?"))
        row = feedback_row(bot_api)
        assert [b["text"] for b in row] == [feedback.HELPFUL_TEXT, feedback.NOT_HELPFUL_TEXT]
        assert all(len(b["callback_data"].encode()) <= 64 for b in row)
        status = await post(base_url, callback_update(row[1]["callback_data"]))

    assert status == 200
    assert [m.text for m in agent.messages] == ["Wie viel Geld hat Banjul bekommen?"], "a click must not reach Rasa"
    thanks = bot_api.calls_to("answerCallbackQuery")
    assert thanks and thanks[-1].params.get("text") == feedback.THANKS_TEXT
    (answer,) = store.load(0).answers
    assert answer["helpful"] is False and answer["channel"] == "telegram"
    assert answer["intent"] == "ask_grant_amount" and answer["source"].startswith("2019-04-01")


@pytest.mark.asyncio
async def test_telegram_answer_without_metadata_gets_no_feedback_buttons(telegram_channel, bot_api, store):
    async with serve_channel(telegram_channel, EchoAgent([{"text": "Hallo!"}])) as base_url:
        await post(base_url, text_update("hallo"))
    assert "reply_markup" not in bot_api.calls_to("sendMessage")[-1].params
    assert store.load(0).answers == []


@pytest.mark.asyncio
async def test_forged_feedback_click_changes_nothing(telegram_channel, bot_api, store):
    async with serve_channel(telegram_channel, EchoAgent([FACTUAL])) as base_url:
        status = await post(base_url, callback_update("fb:" + "a" * 32 + ":1"))
        await post(base_url, callback_update("fb:nonsense"))
    assert status == 200 and sent_texts(bot_api) == []
    assert store.load(0).answers == []


@pytest.mark.asyncio
async def test_fallback_question_is_stored_without_contact_data(telegram_channel, bot_api, store):
    agent = EchoAgent([{"text": "Das habe ich nicht verstanden.", "utter_action": "utter_default"}])
    question = f"Bitte rufen Sie mich an: {PHONE} oder {EMAIL}"
    async with serve_channel(telegram_channel, agent) as base_url:
        await post(base_url, text_update(question))
    (row,) = store.load(0).unanswered
    assert row["kind"] == kinds.FALLBACK and row["channel"] == "telegram"
    assert EMAIL not in row["question"] and "9876543" not in row["question"]
    assert row["question"].startswith("Bitte rufen Sie mich an")


async def _socketio_round(base_url: str, clicks: list) -> tuple[list, list]:
    replies, acks = [], []
    confirmed, feedback_seen = asyncio.Event(), asyncio.Event()
    client = socketio.AsyncClient(reconnection=False)

    @client.on("session_confirm")
    async def on_confirm(data):  # noqa: ANN001
        confirmed.set()

    @client.on("bot_uttered")
    async def on_bot(data):  # noqa: ANN001
        replies.append(data)
        if isinstance(data, dict) and "feedback" in data:
            feedback_seen.set()

    await client.connect(base_url, socketio_path="/socket.io", transports=["polling"])
    try:
        await client.emit("session_request", {"session_id": "sitzung-fb"})
        await asyncio.wait_for(confirmed.wait(), 10)
        await client.emit("user_uttered", {"message": "Wie viel Geld hat Banjul?", "session_id": "sitzung-fb"})
        await asyncio.wait_for(feedback_seen.wait(), 10)
        answer_id = replies[-1]["feedback"]["answer_id"]
        for click in clicks:
            acks.append(await client.call("feedback", click(answer_id), timeout=10))
    finally:
        try:
            await asyncio.wait_for(client.disconnect(), 2)
        except asyncio.TimeoutError:
            pass
    return replies, acks


@pytest.mark.asyncio
async def test_socketio_answer_is_followed_by_its_feedback_offer_and_click_is_stored(store):
    channel = RateLimitedSocketIOInput(user_message_evt="user_uttered", bot_message_evt="bot_uttered",
                                       session_persistence=True)
    clicks = [
        lambda aid: {"answer_id": aid, "helpful": "yes"},  # not a boolean: refused
        lambda aid: {"answer_id": "b" * 32, "helpful": True},  # unknown id: refused
        lambda aid: {"answer_id": aid, "helpful": True},
    ]
    async with serve_channel(channel, EchoAgent([FACTUAL])) as base_url:
        replies, acks = await _socketio_round(base_url, clicks)
    assert replies[0]["text"] == FACTUAL["text"] and kinds.META_KEY not in replies[0]
    assert acks == [{"ok": False}, {"ok": False}, {"ok": True}]
    (answer,) = store.load(0).answers
    assert answer["helpful"] is True and answer["channel"] == "socketio"


def _beirat(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([str(VENV_BIN / "beirat"), *args], capture_output=True, text=True, env=env, timeout=120,
                          cwd=rasa_servers.REPO)


def _all_rows(url: str) -> str:
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        text = " ".join(str(r) for t in ("beirat_answers", "beirat_unanswered")
                        for r in connection.execute(sa.text(f"SELECT * FROM {t}")))
    engine.dispose()
    return text


@pytest.mark.rasa
def test_real_server_feedback_click_report_and_purge_over_telegram(bot_api, tmp_path):
    """rasa run + action server: a factual answer gets the buttons, a click is stored, an
    out-of-scope question with e-mail and phone shows in `beirat report` without them,
    and `beirat purge-conversations` removes it."""
    rasa_servers.require_trained_bot()
    url = f"sqlite:///{tmp_path / 'feedback.sqlite'}"
    env = rasa_servers.process_env(
        TELEGRAM_TOKEN=bot_api.token, TELEGRAM_SECRET_TOKEN=SECRET, TELEGRAM_WEBHOOK_URL=WEBHOOK_URL,
        TELEGRAM_BOT_NAME=bot_api.username, TELEGRAM_API_BASE_URL=bot_api.base_url, **{FEEDBACK_URL_ENV: url},
    )
    question = f"Wie wird das Wetter morgen? Schreiben Sie mir: {EMAIL}, Telefon {PHONE}"
    with rasa_servers.action_server(tmp_path / "actions.log") as actions:
        endpoints = rasa_servers.write_endpoints(tmp_path / "endpoints.yml", actions.port)
        rasa = rasa_servers.rasa_server(tmp_path / "rasa.log", env, endpoints, health_path="/webhooks/telegram/")
        with rasa:
            hook = f"{rasa.url}/webhooks/telegram/webhook"
            assert _post_sync(hook, text_update("Wie viel Geld hat Banjul e.V. bekommen?"), SECRET) == 200
            sent = bot_api.wait_for("sendMessage", timeout=60)
            logs = f"\nrasa log:\n{rasa.log_tail()}\nactions log:\n{actions.log_tail()}"
            assert any("1.400 Euro" in c.params["text"] for c in sent), f"no factual answer: {sent_texts(bot_api)}{logs}"
            markup = next(c.json_param("reply_markup") for c in sent if "reply_markup" in c.params)
            row = markup["inline_keyboard"][-1]
            assert [b["text"] for b in row] == [feedback.HELPFUL_TEXT, feedback.NOT_HELPFUL_TEXT], f"{markup}{logs}"
            answered = len(sent)
            assert _post_sync(hook, callback_update(row[1]["callback_data"]), SECRET) == 200
            assert bot_api.wait_for("answerCallbackQuery", timeout=30)[-1].params.get("text") == feedback.THANKS_TEXT
            assert len(bot_api.calls_to("sendMessage")) == answered, "a feedback click must not be answered by Rasa"

            assert _post_sync(hook, text_update(question), SECRET) == 200
            bot_api.wait_for("sendMessage", count=answered + 1, timeout=60)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and "Wetter" not in _all_rows(url):
                time.sleep(0.2)

    stored = FeedbackStore.from_url(url).load(0)
    (answer,) = stored.answers
    assert answer["helpful"] is False and answer["intent"] and answer["template"].startswith("action_grant")
    assert answer["channel"] == "telegram" and answer["source"], answer
    unanswered = [r for r in stored.unanswered if "Wetter" in (r["question"] or "")]
    assert len(unanswered) == 1 and unanswered[0]["kind"] in (kinds.OUT_OF_SCOPE, kinds.FALLBACK), stored.unanswered
    rows = _all_rows(url)
    assert EMAIL not in rows and "9876543" not in rows, "contact data reached the database"

    cli_env = {**env, FEEDBACK_URL_ENV: url}
    report = _beirat("report", "--since", "7d", "--html", str(tmp_path / "bericht.html"), env=cli_env)
    assert report.returncode == 0, report.stderr
    page = (tmp_path / "bericht.html").read_text(encoding="utf-8")
    for shown in (report.stdout, page):
        assert "Wie wird das Wetter morgen?" in shown
        assert EMAIL not in shown and "9876543" not in shown
    assert "Nicht hilfreich" in report.stdout and "action_grant" in report.stdout

    tracker = tmp_path / "tracker.db"
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tracker)).engine.dispose()
    # The question is seconds old: a 30-day purge keeps it. Then it is dated back 40 days
    # (as if time had passed) and the same purge removes it; the recent answer stays.
    purge_args = ("purge-conversations", "--older-than", "30d", "--tracker-url", f"sqlite:///{tracker}")
    purge = _beirat(*purge_args, env=cli_env)
    assert purge.returncode == 0 and "0 Einträge" in purge.stdout, purge.stdout + purge.stderr
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(sa.text("UPDATE beirat_unanswered SET created_at = created_at - 40 * 86400"))
    engine.dispose()
    purge = _beirat(*purge_args, env=cli_env)
    assert purge.returncode == 0 and "1 Einträge" in purge.stdout, purge.stdout + purge.stderr
    after = FeedbackStore.from_url(url).load(0)
    assert [r for r in after.unanswered if "Wetter" in (r["question"] or "")] == [] and len(after.answers) == 1
    report = _beirat("report", "--since", "7d", env=cli_env)
    assert "Wetter" not in report.stdout
