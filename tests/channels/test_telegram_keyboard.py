"""Buttons as Telegram keyboards, and back from a pressed button to the payload."""
from __future__ import annotations

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, Message

from bot.channels.telegram.keyboard import PayloadStore, build_keyboard, resolve_callback


def test_too_long_payload_travels_as_a_short_key():
    long_payload = '/ask_grant_purpose{"organisation": "Förderverein der IGS Linden e.V."}'
    assert len(long_payload.encode("utf-8")) > 64, "fixture must exceed Telegram's limit"
    markup = build_keyboard([{"title": "Wofür?", "payload": long_payload}], None)

    (button,) = markup.inline_keyboard[0]
    assert len(button.callback_data.encode("utf-8")) <= 64, "callback_data longer than Telegram allows"
    assert resolve_callback(button.callback_data, None) == long_payload


def test_unknown_key_after_restart_falls_back_to_the_button_title():
    old_button = InlineKeyboardButton("Wofür ist das Geld?", callback_data="~0123456789abcdef01234567")
    markup = InlineKeyboardMarkup().row(old_button)
    message = Message(message_id=1, text="Banjul e.V. hat 1.400 Euro bekommen.", reply_markup=markup)
    assert resolve_callback("~0123456789abcdef01234567", message) == "Wofür ist das Geld?"
    assert resolve_callback("~ffffffffffffffffffffffff", message) is None
    assert resolve_callback("/affirm", message) == "/affirm", "short payloads pass unchanged"


def test_buttons_without_title_are_left_out():
    markup = build_keyboard([{"payload": "/affirm"}, {"title": "Nein", "payload": "/deny"}], "inline").to_python()
    assert markup == {"inline_keyboard": [[{"text": "Nein", "callback_data": "/deny"}]]}


def test_vertical_is_the_default_and_reply_sends_titles():
    buttons = [{"title": "Ja", "payload": "/affirm"}, {"title": "Nein", "payload": "/deny"}]
    vertical = build_keyboard(buttons, None).to_python()
    assert vertical == {
        "inline_keyboard": [[{"text": "Ja", "callback_data": "/affirm"}], [{"text": "Nein", "callback_data": "/deny"}]]
    }, "by default each button gets its own row"
    reply = build_keyboard(buttons, "reply").to_python()
    assert reply["keyboard"] == [[{"text": "Ja"}], [{"text": "Nein"}]]
    assert reply["one_time_keyboard"] is True


def test_payload_store_keeps_only_the_newest_entries(monkeypatch):
    monkeypatch.setattr(PayloadStore, "MAX_ENTRIES", 2)
    store = PayloadStore()
    keys = [store.key_for(f"/payload_{n}") for n in range(3)]
    assert store.payload_for(keys[0]) is None, "the oldest payload should have been dropped"
    assert [store.payload_for(k) for k in keys[1:]] == ["/payload_1", "/payload_2"]
    assert store.key_for("/payload_1") == keys[1], "the same payload must always get the same key"
