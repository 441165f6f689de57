"""The "Vorlesen" button: speaks a bot message in German; absent where speech is missing."""
from __future__ import annotations

from standin_server import LIST_TEXT

# Records what would be spoken instead of playing sound.
FAKE_SPEECH = """
window.__spoken = [];
Object.defineProperty(window, "speechSynthesis", {configurable: true, value: {
  speak(utterance) { window.__spoken.push({text: utterance.text, lang: utterance.lang}); },
  cancel() { window.__spoken.push("cancel"); },
  getVoices() { return []; },
}});
"""
NO_SPEECH = 'Object.defineProperty(window, "speechSynthesis", {configurable: true, value: undefined});'


def test_read_aloud_speaks_the_message_in_german(site, new_chat):
    chat = new_chat(site.base + "/", init_script=FAKE_SPEECH)
    chat.ask_and_wait("liste")

    chat.page.locator(".fdb-message--bot").last.get_by_role("button", name="Vorlesen").click()

    spoken = chat.page.evaluate("() => window.__spoken")
    assert spoken[0] == "cancel", "an earlier reading must stop first"
    expected = LIST_TEXT.replace("- ", "")
    assert spoken[1] == {"text": expected, "lang": "de-DE"}, "list bullets should not be read as 'minus'"


def test_read_aloud_leaves_out_the_mediopunkt(site, new_chat):
    chat = new_chat(site.base + "/", init_script=FAKE_SPEECH)
    welcome = chat.bot_texts()[0]
    assert "·" in welcome, "the welcome text should split a long word with a Mediopunkt"

    chat.page.get_by_role("button", name="Vorlesen").first.click()

    spoken = chat.page.evaluate("() => window.__spoken")[-1]
    assert spoken["text"] == welcome.replace("·", ""), spoken


def test_no_read_aloud_button_without_speech_synthesis(site, new_chat):
    chat = new_chat(site.base + "/", init_script=NO_SPEECH)
    chat.ask_and_wait("hallo")
    assert chat.page.get_by_role("button", name="Vorlesen").count() == 0, \
        "a Vorlesen button that cannot work must not be shown"


def test_every_bot_message_has_a_read_aloud_button(site, new_chat):
    chat = new_chat(site.base + "/", init_script=FAKE_SPEECH)
    chat.ask_and_wait("hallo")
    assert chat.page.locator(".fdb-message--bot").count() == 2
    assert chat.page.locator(".fdb-message--bot .fdb-speak").count() == 2
    assert chat.page.locator(".fdb-message--user .fdb-speak").count() == 0
