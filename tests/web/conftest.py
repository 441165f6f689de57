"""Browser tests for the chat widget: Debian's chromium driven by Python playwright.

Fixtures start what the tests need on free ports and stop it afterwards:
the widget bundle (built with node), a stand-in socket.io bot (standin_server.py),
the web page server (web/serve.py) and one headless chromium per test session.
Nothing here is skipped silently: a missing tool fails with what to run.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from browser_harness import CHROMIUM, CHROMIUM_ARGS, WEB_DIR, Chat, running_standin, serving_web


def pytest_collection_modifyitems(items):
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def widget_bundle() -> Path:
    """Builds web/dist/frag-den-beirat.js from web/src so the tests see the current code."""
    if not (WEB_DIR / "node_modules" / "socket.io-client").is_dir():
        pytest.fail("web/node_modules is missing: run scripts/test-browser.sh (or `npm ci` in web/).")
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: the widget bundle is built with Node.js (apt-get install nodejs).")
    result = subprocess.run([node, "build.mjs"], cwd=WEB_DIR, capture_output=True, text=True)
    assert result.returncode == 0, f"building the widget failed:\n{result.stdout}\n{result.stderr}"
    return WEB_DIR / "dist" / "frag-den-beirat.js"


@pytest.fixture(scope="session")
def browser(widget_bundle):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/test-browser.sh (apt-get install -y chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        # Playwright gives every launch a fresh, empty user-data-dir of its own.
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def standin():
    with running_standin() as server:
        yield server


@pytest.fixture(scope="module")
def site(standin, widget_bundle):
    """The demo page (``site.base + "/"``), talking to the module's stand-in bot."""
    with serving_web(standin.url) as base:
        yield base


@pytest.fixture
def new_chat(browser):
    """open(url, width=360) → Chat; every page gets its own fresh browser context."""
    contexts = []

    def open_chat(url: str, width: int = 360, height: int = 740, init_script: str | None = None,
                  wait_ready: bool = True) -> Chat:
        context = browser.new_context(viewport={"width": width, "height": height}, locale="de-DE")
        contexts.append(context)
        if init_script:
            context.add_init_script(init_script)
        page = context.new_page()
        page.goto(url)
        chat = Chat(page)
        if wait_ready:
            chat.wait_ready()
        return chat

    yield open_chat
    for context in contexts:
        context.close()
