"""Accessibility of the widget: keyboard only, live log, sizes, axe-core audit, 360 px layout.

Also saves the screenshots test-artifacts/widget-360.png and widget-1280.png.
"""
from __future__ import annotations

import pytest

from browser_harness import RECONNECT_TIMEOUT_MS, WEB_DIR, running_standin, save_screenshot, serving_web

AXE = WEB_DIR / "node_modules" / "axe-core" / "axe.min.js"
MIN_TARGET_PX = 44
MIN_FONT_PX = 18

# The element that has keyboard focus, looking inside the widget's shadow root.
FOCUSED = """() => {
  let node = document.activeElement;
  while (node && node.shadowRoot && node.shadowRoot.activeElement) node = node.shadowRoot.activeElement;
  if (!node || node === document.body) return null;
  const style = getComputedStyle(node);
  return {
    tag: node.tagName.toLowerCase(),
    text: (node.textContent || "").trim(),
    label: node.getAttribute("aria-label") || node.id || "",
    outlineStyle: style.outlineStyle,
    outlineWidth: parseFloat(style.outlineWidth),
  };
}"""


def tab_to(chat, text: str, key: str = "Tab", limit: int = 15) -> list[dict]:
    """Presses ``key`` until the focused element's text is ``text``; returns every focus stop."""
    stops = []
    for _ in range(limit):
        chat.page.keyboard.press(key)
        focused = chat.page.evaluate(FOCUSED)
        stops.append(focused)
        if focused and focused["text"] == text:
            return stops
    raise AssertionError(f"{text!r} not reached with {key}; focus went through {stops}")


def assert_focus_visible(stops: list[dict]) -> None:
    for stop in stops:
        assert stop is not None, f"focus left the widget: {stops}"
        assert stop["outlineStyle"] != "none" and stop["outlineWidth"] >= 3, \
            f"no visible focus on {stop}"


def test_whole_conversation_by_keyboard_only(site, new_chat):
    chat = new_chat(site.base + "/")

    stops = tab_to(chat, "Wann war die letzte Sitzung?")
    assert_focus_visible(stops)
    chat.page.keyboard.press("Enter")
    chat.wait_bot_count(2)
    assert chat.last_bot_text() == "Sie haben gefragt: Wann war die letzte Sitzung?"

    focused = chat.page.evaluate(FOCUSED)
    assert focused["tag"] == "input", f"after sending, focus should go to the question field, not {focused}"
    chat.page.keyboard.type("knöpfe")
    chat.page.keyboard.press("Enter")
    chat.wait_bot_count(3)

    # The answer buttons sit right before the question field: one Shift+Tab away.
    stops = tab_to(chat, "Nein, danke", key="Shift+Tab", limit=1)
    assert_focus_visible(stops)
    chat.page.keyboard.press("Enter")
    chat.wait_bot_count(4)
    assert chat.last_bot_text() == "Sie haben Nein gewählt."

    stops = tab_to(chat, "Neu starten", key="Shift+Tab")
    assert_focus_visible(stops)
    chat.page.keyboard.press("Enter")
    chat.wait_ready()
    assert chat.user_texts() == [], "Neu starten by keyboard did not clear the log"


def test_new_messages_are_announced_politely(site, new_chat):
    chat = new_chat(site.base + "/")
    log = chat.page.get_by_role("log")
    assert log.count() == 1, "there must be exactly one role=log region"
    assert log.get_attribute("aria-live") == "polite"
    assert log.get_attribute("aria-label") == "Gespräch"

    chat.ask_and_wait("hallo")
    assert "Sie haben gefragt: hallo" in log.text_content(), "bot answers must land inside the live log"


def test_text_is_large_and_buttons_are_big_targets(site, new_chat):
    chat = new_chat(site.base + "/")
    chat.ask_and_wait("knöpfe")

    too_small = chat.page.evaluate(
        """(minimum) => {
          const root = document.querySelector('.frag-den-beirat').shadowRoot;
          const small = [];
          for (const node of root.querySelectorAll('*:not(style)')) {
            const hasText = [...node.childNodes].some(c => c.nodeType === 3 && c.textContent.trim());
            const size = parseFloat(getComputedStyle(node).fontSize);
            if (hasText && size < minimum) small.push(node.className + ': ' + size);
          }
          return small;
        }""",
        MIN_FONT_PX,
    )
    assert too_small == [], f"text smaller than {MIN_FONT_PX} px: {too_small}"

    targets = chat.page.locator(".fdb-button, .fdb-input")
    assert targets.count() >= 6  # Neu starten, 2 Vorlesen, 2 answer buttons, Senden, field
    for index in range(targets.count()):
        target = targets.nth(index)
        box = target.bounding_box()
        assert box["width"] >= MIN_TARGET_PX and box["height"] >= MIN_TARGET_PX, \
            f"{target.text_content()!r} is only {box['width']:.0f}x{box['height']:.0f} px"


def test_layout_fits_a_360px_phone(site, new_chat):
    chat = new_chat(site.base + "/", width=360)
    chat.ask_and_wait("liste")
    chat.ask_and_wait("knöpfe")
    overflow = chat.page.evaluate(
        """() => {
          const root = document.querySelector('.frag-den-beirat').shadowRoot;
          const wide = [...root.querySelectorAll('*')]
            .filter(node => node.getBoundingClientRect().right > window.innerWidth + 0.5)
            .map(node => node.className);
          return {page: document.documentElement.scrollWidth, wide};
        }"""
    )
    assert overflow["page"] <= 360, f"the page scrolls sideways: {overflow['page']} px wide"
    assert overflow["wide"] == [], f"elements stick out on the right: {overflow['wide']}"
    assert chat.page.get_by_label("Ihre Frage").is_visible()
    assert chat.page.get_by_role("button", name="Senden").is_visible()


def axe_serious_violations(chat) -> list[dict]:
    if not chat.page.evaluate("() => typeof window.axe === 'object'"):
        chat.page.add_script_tag(path=str(AXE))
    violations = chat.page.evaluate(
        """async () => (await axe.run(document, {resultTypes: ['violations']})).violations
             .map(v => ({id: v.id, impact: v.impact, help: v.help,
                         targets: v.nodes.map(n => n.target.join(' '))}))"""
    )
    return [v for v in violations if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("width,height", [(360, 740), (1280, 800)])
def test_axe_finds_no_serious_violation_and_screenshot(site, new_chat, width, height):
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run `npm ci` in web/ (scripts/test-browser.sh does).")
    chat = new_chat(site.base + "/", width=width, height=height)
    assert axe_serious_violations(chat) == [], f"axe-core at {width} px, at the start"
    start = save_screenshot(chat, f"widget-{width}-start.png")

    chat.ask_and_wait("liste")
    chat.ask_and_wait("knöpfe")
    chat.page.get_by_label("Ihre Frage").focus()
    serious = axe_serious_violations(chat)
    assert serious == [], f"axe-core at {width} px, during a conversation: {serious}"
    path = save_screenshot(chat, f"widget-{width}.png")

    for shot in (start, path):
        assert shot.stat().st_size > 10_000, f"the screenshot {shot.name} looks empty"


def test_axe_finds_no_serious_violation_when_offline(widget_bundle, new_chat):
    with running_standin() as standin, serving_web(standin.url) as site:
        chat = new_chat(site.base + "/")
        standin.stop()
        chat.page.get_by_role("alert").wait_for(state="visible", timeout=RECONNECT_TIMEOUT_MS)
        assert axe_serious_violations(chat) == [], "axe-core with the outage notice"
        save_screenshot(chat, "widget-360-offline.png")
