"""Explanations of hard words: each in a box of its own, after the part of the answer that
uses the word, never inside a list or between an answer and its source; axe stays quiet.

The stand-in bot sends a text built by the real ``bot.language.glossary.explain_terms``.
Also saves test-artifacts/widget-explanations.png.
"""
from __future__ import annotations

import pytest

from browser_harness import save_screenshot
from test_widget_accessibility import AXE, axe_serious_violations

# Every part of the last bot message, in document (and so screen-reader) order.
PARTS = """() => {
  const host = document.querySelector('.frag-den-beirat');
  const bubbles = host.shadowRoot.querySelectorAll('.fdb-message--bot');
  const body = bubbles[bubbles.length - 1].querySelector('.fdb-body');
  return Array.from(body.children).map(node => {
    const style = getComputedStyle(node);
    const box = node.getBoundingClientRect();
    return {
      explanation: node.classList.contains('fdb-explanation'),
      role: node.getAttribute('role'),
      label: node.getAttribute('aria-label'),
      text: node.textContent,
      border: parseFloat(style.borderLeftWidth),
      top: box.top,
      bottom: box.bottom,
    };
  });
}"""


@pytest.fixture
def explained(site, new_chat):
    chat = new_chat(site.base + "/")
    chat.ask_and_wait("erklärung")
    return chat


def test_explanations_follow_the_answer_in_boxes_of_their_own(explained):
    parts = explained.page.evaluate(PARTS)
    kinds = [("Erklärung" if p["explanation"] else "Antwort", p["text"].split("\n")[0]) for p in parts]
    assert kinds == [
        ("Antwort", "Diese Vereine bekommen eine Zuwendung:"),
        ("Erklärung", "Zuwendung. Das heißt: Die Stadt gibt Geld für ein Projekt."),
        ("Antwort", "Das Geld ist für Feste."),
        ("Erklärung", "Sitzung. Das heißt: Das ist ein Treffen von einer Gruppe."),
    ], kinds
    # The list stays with its first line, the source with its answer.
    assert "- Banjul\n- Kargah" in parts[0]["text"]
    assert "Das steht im Protokoll von der 32. Sitzung." in parts[2]["text"]
    for part in parts:
        if part["explanation"]:
            assert part["role"] == "note" and part["label"] == "Erklärung", part
            assert part["border"] >= 4, "an explanation is set apart by its box"
        else:
            assert part["border"] == 0, part
    # Shown in reading order, one below the other.
    tops = [p["top"] for p in parts]
    assert tops == sorted(tops) and all(a["bottom"] <= b["top"] for a, b in zip(parts, parts[1:]))


def test_a_message_without_explanations_keeps_one_text(site, new_chat):
    chat = new_chat(site.base + "/")
    chat.ask_and_wait("liste")
    assert chat.page.locator(".fdb-message--bot").last.locator(".fdb-explanation").count() == 0
    assert chat.last_bot_text().startswith("Im Beirat sind 3 Personen:\n- Anna Beispiel")


def test_axe_finds_no_serious_violation_with_explanations(explained):
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run `npm ci` in web/ (scripts/test-browser.sh does).")
    assert axe_serious_violations(explained) == []
    shot = save_screenshot(explained, "widget-explanations.png")
    assert shot.stat().st_size > 10_000
