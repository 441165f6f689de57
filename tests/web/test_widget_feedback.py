"""Feedback buttons in the widget, end to end: chromium, the real Rasa server with the
trained model, the action server and the decisions database. A factual answer gets
"Hilfreich" / "Nicht hilfreich"; a click by keyboard is stored (with intent, template,
council, source and channel, no sender) and thanked in a status line. A question the bot
does not understand gets no buttons and is stored without the e-mail address in it.

Needs models/beirat.tar.gz (`make train`) and the database (`make db`); fails, never skips.
"""
from __future__ import annotations

import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.devtools.servers import Server, ServerError, actions_command, free_port, rasa_command, rasa_start_failed
from bot.devtools.servers import server_env
from bot.feedback.store import FEEDBACK_URL_ENV, FeedbackStore
from browser_harness import REPO, save_screenshot, serving_web
from test_widget_accessibility import AXE, axe_serious_violations
from test_widget_real_bot import CREDENTIALS, MODEL, START_TIMEOUT_S, model_loaded, wait_for_answer

pytestmark = pytest.mark.rasa
EMAIL = "anna.meier@example.org"


@pytest.fixture(scope="module")
def feedback_bot(tmp_path_factory, widget_bundle):
    if not MODEL.is_file():
        pytest.fail(f"No trained model at {MODEL}: run `make train` first.")
    work = tmp_path_factory.mktemp("feedback-bot")
    url = f"sqlite:///{work / 'feedback.sqlite'}"
    action_port, rasa_port = free_port(), free_port()
    endpoints = work / "endpoints.yml"
    endpoints.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n')
    env = server_env(BEIRAT_ANSWER_TIMEOUT="30", **{FEEDBACK_URL_ENV: url})
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
        with serving_web(bot.url) as site:
            yield site, FeedbackStore.from_url(url), bot
    finally:
        bot.stop()
        actions.stop()


def wait_until(check, timeout: float = 15.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.2)
    return check()


def test_keyboard_click_on_nicht_hilfreich_is_stored_and_thanked(feedback_bot, new_chat):
    site, store, bot = feedback_bot
    chat = new_chat(site.base + "/")
    chat.ask("Wie viel Geld hat Banjul e.V. bekommen?")
    wait_for_answer(chat, "1.400 Euro")
    group = chat.page.get_by_role("group", name="War die Antwort hilfreich?")
    try:
        group.wait_for(timeout=15_000)
    except Exception:
        pytest.fail(f"no feedback buttons under the answer; rasa log:\n{bot.log_tail()}")
    helpful = group.get_by_role("button", name="Hilfreich", exact=True)
    not_helpful = group.get_by_role("button", name="Nicht hilfreich", exact=True)
    assert helpful.is_visible() and not_helpful.is_visible()
    if AXE.is_file():
        assert axe_serious_violations(chat) == [], "axe-core with the feedback buttons"
    save_screenshot(chat, "widget-feedback-360.png")

    # Keyboard only: focus the first button, Tab to the second, press Enter.
    helpful.focus()
    chat.page.keyboard.press("Tab")
    assert chat.page.evaluate("() => document.querySelector('.frag-den-beirat').shadowRoot.activeElement.textContent") \
        == "Nicht hilfreich"
    chat.page.keyboard.press("Enter")
    status = group.get_by_role("status")
    assert status.text_content() == "Danke für Ihre Antwort!"
    assert not not_helpful.is_visible(), "the buttons stay after the click"
    assert chat.page.get_by_label("Ihre Frage").evaluate("e => e.getRootNode().activeElement === e")

    rows = wait_until(lambda: [r for r in store.load(0).answers if r["helpful"] is not None])
    assert len(rows) == 1, store.load(0).answers
    (row,) = rows
    assert row["helpful"] is False and row["channel"] == "socketio"
    assert row["intent"] and row["template"].startswith("action_grant") and row["source"], row


def test_not_understood_question_gets_no_buttons_and_is_stored_without_the_address(feedback_bot, new_chat):
    site, store, _ = feedback_bot
    chat = new_chat(site.base + "/")
    before = len(chat.bot_texts())
    chat.ask(f"Xyzzy plugh frobozz, schreiben Sie mir an {EMAIL}")
    chat.wait_bot_count(before + 1)
    time.sleep(1.0)  # an offer would come right after the answer
    assert chat.page.locator(".fdb-feedback").count() == 0, "only factual answers get feedback buttons"
    rows = wait_until(lambda: [r for r in store.load(0).unanswered if "Xyzzy" in (r["question"] or "")])
    assert len(rows) == 1 and rows[0]["channel"] == "socketio", store.load(0).unanswered
    engine = sa.create_engine(store.engine.url)
    with engine.connect() as connection:
        everything = str(connection.execute(sa.text("SELECT * FROM beirat_unanswered")).all())
    engine.dispose()
    assert EMAIL not in everything and "[E-Mail]" in everything
