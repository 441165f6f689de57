"""Helpers for the widget's browser tests: the stand-in bot process, the page server,
and a small wrapper around a playwright page. Fixtures that use them: conftest.py.
(A module of its own so that test files can import it by a name no other conftest has.)
"""
from __future__ import annotations

import contextlib
import importlib.util
import os
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
WEB_DIR = REPO / "web"
ARTIFACTS = REPO / "test-artifacts"
STANDIN = Path(__file__).resolve().parent / "standin_server.py"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# socket.io retries at most every 5 s; a test waits a little longer than that.
RECONNECT_TIMEOUT_MS = 15_000
ANSWER_TIMEOUT_MS = 10_000


def _load_web_serve():
    spec = importlib.util.spec_from_file_location("web_serve", WEB_DIR / "serve.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


web_serve = _load_web_serve()


class StandIn:
    """The stand-in bot as a subprocess; stop() and start() simulate an outage."""

    def __init__(self) -> None:
        self.port = 0
        self.process: subprocess.Popen | None = None
        self.errors = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        # Port 0 the first time; the same port again after stop(), as a real restart.
        # stderr goes to a file: an unread pipe could fill up and block the server.
        self.errors = tempfile.TemporaryFile(mode="w+")
        self.process = subprocess.Popen(
            [sys.executable, str(STANDIN), "--port", str(self.port)],
            stdout=subprocess.PIPE, stderr=self.errors, text=True,
        )
        line = self.process.stdout.readline().strip()
        if not line.startswith("PORT="):
            self.process.kill()
            self.process.wait()
            self.errors.seek(0)
            raise RuntimeError(f"stand-in bot did not start: {line!r} {self.errors.read()}")
        self.port = int(line.removeprefix("PORT="))

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        if self.errors:
            self.errors.close()
            self.errors = None


@contextlib.contextmanager
def running_standin():
    standin = StandIn()
    standin.start()
    try:
        yield standin
    finally:
        standin.stop()


class TestPageHandler(web_serve.WebHandler):
    """web/ plus host pages that a test registers. They must come from a real server:
    chromium blocks a page without an address (e.g. from page.route) from reaching 127.0.0.1."""

    def __init__(self, *args, pages: dict[str, str], **kwargs):
        self.pages = pages
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        page = self.pages.get(self.path)
        if page is None:
            super().do_GET()
            return
        body = page.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@dataclass
class Site:
    base: str  # "http://127.0.0.1:<port>"
    pages: dict[str, str]

    def add_page(self, path: str, html: str) -> str:
        """Serves ``html`` at ``path``; returns its URL."""
        self.pages[path] = html
        return self.base + path


@contextlib.contextmanager
def serving_web(rasa_url: str):
    """web/ on a free port; its index.html names ``rasa_url`` as the bot server."""
    pages: dict[str, str] = {}
    handler = partial(TestPageHandler, rasa_url=rasa_url, quiet=True, pages=pages)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(f"http://127.0.0.1:{server.server_address[1]}", pages)
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Chat:
    """A browser page with the widget, plus the few actions every test needs."""

    page: object

    def host(self):
        return self.page.locator(".frag-den-beirat")

    def wait_ready(self) -> None:
        self.page.wait_for_selector(".frag-den-beirat[data-state='ready']", state="attached",
                                    timeout=RECONNECT_TIMEOUT_MS)

    def ask(self, text: str) -> None:
        box = self.page.get_by_label("Ihre Frage")
        box.fill(text)
        box.press("Enter")

    def bot_texts(self) -> list[str]:
        return self.page.locator(".fdb-message--bot .fdb-body").all_text_contents()

    def user_texts(self) -> list[str]:
        return self.page.locator(".fdb-message--user .fdb-body").all_text_contents()

    def wait_bot_count(self, count: int, timeout: int = ANSWER_TIMEOUT_MS) -> None:
        """Waits until at least ``count`` bot messages (the welcome counts) are shown."""
        self.page.locator(".fdb-message--bot").nth(count - 1).wait_for(timeout=timeout)

    def last_bot_text(self) -> str:
        return self.bot_texts()[-1]

    def ask_and_wait(self, text: str) -> str:
        before = len(self.bot_texts())
        self.ask(text)
        self.wait_bot_count(before + 1)
        return self.last_bot_text()


def save_screenshot(chat: Chat, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    chat.page.screenshot(path=str(path), full_page=True)
    return path
