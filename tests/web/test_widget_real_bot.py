"""End to end: the widget in chromium, the real Rasa server with the trained model,
the real action server and the decisions database. The right answer must be on the page.

Needs models/beirat.tar.gz (`make train`) and the database (`make db`); fails, never
skips, when they are missing, because `make test` trains first.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.devtools.servers import (
    Server,
    ServerError,
    actions_command,
    free_port,
    rasa_command,
    rasa_start_failed,
    server_env,
)
from browser_harness import REPO, save_screenshot, serving_web

pytestmark = pytest.mark.rasa

MODEL = REPO / "models" / "beirat.tar.gz"
CREDENTIALS = Path(__file__).resolve().parent / "credentials.yml"
START_TIMEOUT_S = 300  # loading the model takes long on a busy 2-core machine
ANSWER_TIMEOUT_MS = 45_000


def model_loaded(body: bytes) -> bool:
    """Rasa's /status names the model file once one is loaded (it runs on without one)."""
    try:
        return bool(json.loads(body.decode("utf-8")).get("model_file"))
    except (ValueError, AttributeError):
        return False


@pytest.fixture(scope="module")
def rasa_url(tmp_path_factory, widget_bundle):
    if not MODEL.is_file():
        pytest.fail(f"No trained model at {MODEL}: run `make train` first. "
                    "The browser end-to-end test needs the real bot.")
    work = tmp_path_factory.mktemp("real-bot")
    action_port, rasa_port = free_port(), free_port()
    endpoints = work / "endpoints.yml"
    # In-memory tracker store: the test writes no conversation to var/.
    endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n')
    env = server_env(BEIRAT_ANSWER_TIMEOUT="30")

    actions = Server("action server", actions_command(action_port), env, work / "actions.log",
                     f"http://127.0.0.1:{action_port}/health", 120)
    bot = Server("Rasa server", rasa_command(MODEL, rasa_port, endpoints, CREDENTIALS, "--enable-api", "--cors", "*"),
                 env, work / "rasa.log", f"http://127.0.0.1:{rasa_port}/status", START_TIMEOUT_S,
                 ready_body=model_loaded, failed=rasa_start_failed)
    try:
        actions.start()
        bot.start()
    except ServerError as error:
        actions.stop()
        pytest.fail(str(error), pytrace=False)
    try:
        yield bot.url
    finally:
        bot.stop()
        actions.stop()


@pytest.fixture(scope="module")
def real_site(rasa_url):
    with serving_web(rasa_url) as site:
        yield site


def wait_for_answer(chat, expected: str) -> None:
    answer = chat.page.locator(".fdb-message--bot .fdb-body").filter(has_text=expected)
    try:
        answer.first.wait_for(timeout=ANSWER_TIMEOUT_MS)
    except Exception:  # playwright's TimeoutError: say what the page showed instead
        pytest.fail(f"{expected!r} never appeared; the bot said: {chat.bot_texts()[1:]}")


def test_typed_question_gets_the_amount_from_the_protocol(real_site, new_chat):
    chat = new_chat(real_site.base + "/")
    chat.ask("Wie viel Geld hat Banjul e.V. bekommen?")
    wait_for_answer(chat, "1.400 Euro")
    save_screenshot(chat, "real-bot-360.png")


def test_clicked_starter_question_gets_the_meeting_date(real_site, new_chat):
    chat = new_chat(real_site.base + "/", width=1280, height=800)
    chat.page.get_by_role("button", name="Wann war die letzte Sitzung?").click()
    # Several councils have data: the bot asks which one, with a button each.
    wait_for_answer(chat, "Welchen Beirat meinen Sie?")
    chat.page.get_by_role("button", name="Linden-Limmer").click()
    wait_for_answer(chat, "12. Februar 2024")
    save_screenshot(chat, "real-bot-1280.png")
