"""End to end: the widget in chromium, the real Rasa server with the trained model,
the real action server and the decisions database. The right answer must be on the page.

Needs models/beirat.tar.gz (`make train`) and the database (`make db`); fails, never
skips, when they are missing, because `make test` trains first.
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from browser_harness import REPO, save_screenshot, serving_web

pytestmark = pytest.mark.rasa

MODEL = REPO / "models" / "beirat.tar.gz"
RASA = REPO / ".venv" / "bin" / "rasa"
CREDENTIALS = Path(__file__).resolve().parent / "credentials.yml"
START_TIMEOUT_S = 300  # loading the model takes long on a busy 2-core machine
ANSWER_TIMEOUT_MS = 45_000


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get_json(url: str):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError):
        return None


class Service:
    """One server process with its log file; stop() ends only this process."""

    def __init__(self, name: str, command: list[str], log: Path, env: dict[str, str]):
        self.name, self.log = name, log
        self.process = subprocess.Popen(command, cwd=REPO, env=env, stdout=log.open("w"),
                                        stderr=subprocess.STDOUT)

    def wait_until(self, ready, timeout: float, fatal: str | None = None) -> None:
        """Polls ``ready()``; fails at once when the process ends or logs ``fatal``."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"{self.name} exited with {self.process.returncode}:\n{self.tail()}")
            if fatal and fatal in self.log.read_text(errors="replace"):
                pytest.fail(f"{self.name}: {fatal}\n{self.tail()}")
            if ready():
                return
            time.sleep(1)
        pytest.fail(f"{self.name} was not ready after {timeout:.0f} s:\n{self.tail()}")

    def tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


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
    env = dict(os.environ, BEIRAT_ANSWER_TIMEOUT="30", SQLALCHEMY_SILENCE_UBER_WARNING="1")

    actions = Service("action server", [str(RASA), "run", "actions", "--actions", "bot.actions",
                                        "-p", str(action_port)], work / "actions.log", env)
    bot = None
    try:
        actions.wait_until(lambda: get_json(f"http://127.0.0.1:{action_port}/health") is not None, 120)
        bot = Service("Rasa server", [str(RASA), "run", "--enable-api", "--cors", "*",
                                      "-i", "127.0.0.1", "-p", str(rasa_port),
                                      "--credentials", str(CREDENTIALS), "--endpoints", str(endpoints),
                                      "--model", str(MODEL)], work / "rasa.log", env)
        status_url = f"http://127.0.0.1:{rasa_port}/status"
        # Rasa keeps running without a model when loading fails; its log says so.
        bot.wait_until(lambda: bool((get_json(status_url) or {}).get("model_file")), START_TIMEOUT_S,
                       fatal="Could not load model")
        yield f"http://127.0.0.1:{rasa_port}"
    finally:
        if bot:
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
    wait_for_answer(chat, "1. April 2019")
    save_screenshot(chat, "real-bot-1280.png")
