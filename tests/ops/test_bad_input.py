"""Bad input: every message gets HTTP 200 and a polite German answer; nothing changes.

Three levels: ``clean_text`` itself, the hardened REST channel with a fake bot
(fast, no model), and the real bot with action server and decisions database.
"""
from __future__ import annotations

import hashlib
import sqlite3
import sys
import time
from pathlib import Path

import pytest
import requests

from bot.channels import guard
from bot.devtools.servers import Server, free_port
from conftest import TECHNICAL_PROBLEM, base_env, say, texts

LONG = "Wie viel Geld hat Banjul bekommen? " * 300  # ~10,000 characters


@pytest.mark.parametrize(
    "raw, expected_text, expected_reply",
    [
        ("  wer ist   im beirat?  ", "wer ist im beirat?", None),
        ("wer\x00ist\x07im\x1bbeirat", "wer ist im beirat", None),
        ("zeile eins\nzeile zwei\r\n", "zeile eins zeile zwei", None),
        ("Fo\u0308rderverein", "Förderverein", None),  # NFC: one "ö" for the lookup tables
        ("😀😀", "😀😀", None),
        ("", None, guard.EMPTY_TEXT),
        (" \t\n ", None, guard.EMPTY_TEXT),
        ("\x00\x01", None, guard.EMPTY_TEXT),
        ("\ufffd\ufffd", None, guard.NOT_READABLE_TEXT),
        ("\udcff", None, guard.NOT_READABLE_TEXT),
        (None, None, guard.NOT_READABLE_TEXT),
        (42, None, guard.NOT_READABLE_TEXT),
        ("x" * guard.MAX_MESSAGE_CHARS, "x" * guard.MAX_MESSAGE_CHARS, None),
        ("x" * (guard.MAX_MESSAGE_CHARS + 1), None, guard.TOO_LONG_TEXT),
    ],
)
def test_clean_text(raw, expected_text, expected_reply):
    cleaned = guard.clean_text(raw)
    assert (cleaned.text, cleaned.reply) == (expected_text, expected_reply)


@pytest.mark.parametrize("raw, expected", [("abc-123", "abc-123"), (12345, "12345"), ("", None), ("a" * 129, None), ("a\nb", None), (None, None), (True, None), ({"x": 1}, None)])
def test_clean_sender(raw, expected):
    assert guard.clean_sender(raw) == expected


# --- the channel, with a fake bot that echoes what reaches it --------------------

RAW_BODIES = {
    "not JSON": b"das ist kein json",
    "JSON list": b'[1, 2, 3]',
    "only invalid UTF-8 in the message": b'{"sender": "roh", "message": "\xff\xfe\xfa"}',
    "invalid UTF-8 everywhere": b"\xff\xfe\x00\x01",
    "no sender": b'{"message": "hallo"}',
    "sender is an object": b'{"sender": {"a": 1}, "message": "hallo"}',
    "message is a number": b'{"sender": "zahl", "message": 1e309}',
    "empty body": b"",
}


@pytest.mark.parametrize("name", RAW_BODIES)
def test_channel_answers_broken_requests_politely(channel_app, name):
    response = requests.post(f"{channel_app.url}/webhooks/rest/webhook", data=RAW_BODIES[name], timeout=10)
    answer = texts(response)
    assert len(answer) == 1 and not answer[0].startswith("echo:"), f"{name}: {answer}"
    assert answer[0] in (guard.NOT_READABLE_TEXT, guard.EMPTY_TEXT), f"{name}: {answer}"


def test_channel_passes_the_readable_part_of_broken_bytes(channel_app):
    response = requests.post(f"{channel_app.url}/webhooks/rest/webhook", data=b'{"sender": "roh2", "message": "wer \xff ist da"}', timeout=10)
    assert texts(response) == ["echo: wer ist da"]


@pytest.mark.parametrize(
    "message, expected",
    [
        ("", guard.EMPTY_TEXT),
        ("   \n\t ", guard.EMPTY_TEXT),
        ("a" * 10_000, guard.TOO_LONG_TEXT),
        ("<script>alert(1)</script>", "echo: <script>alert(1)</script>"),
    ],
)
def test_channel_cleans_text(channel_app, message, expected):
    assert texts(say(channel_app.url, f"clean-{len(message)}-{message[:3]}", message)) == [expected]


@pytest.mark.parametrize("magic", ["stumm", "langsam", "kaputt"])
def test_channel_never_leaves_the_user_without_an_answer(channel_app, magic):
    """No answer, an answer after the time limit, an exception: the technical-problem sentence."""
    response = say(channel_app.url, f"fehler-{magic}", magic, timeout=20)
    assert texts(response) == [TECHNICAL_PROBLEM]
    assert "Traceback" not in response.text and "RuntimeError" not in response.text


def test_channel_log_has_no_message_text(channel_app):
    say(channel_app.url, "privat-1", "Geheimwort Zitronenfalter")
    say(channel_app.url, "privat-2", "x" * 5000 + " Zitronenfalter")
    say(channel_app.url, "privat-3", "kaputt")
    log = channel_app.log_text()
    assert "Zitronenfalter" not in log, "message text must not be logged"
    assert "privat-1" not in log, "sender ids are logged only as a hash"


# --- the real bot -----------------------------------------------------------------

BAD_MESSAGES = {
    "empty": "",
    "whitespace": " \t \n ",
    "10,000 characters": LONG[:10_000],
    "control characters": "wer\x00 ist\x1b im\x7f beirat\x07",
    "emoji only": "🤔🙈💶",
    "html": "<b>wer</b> ist <i>im</i> beirat",
    "script": "<script>alert('x')</script> wie viel geld hat banjul bekommen",
    "sql": "'; DROP TABLE grants; --",
    "sql in a name": "wie viel geld hat Robert'); DROP TABLE grants;-- bekommen",
    "long entity": "wie viel geld hat " + "Banjul" * 150 + " bekommen",
    "1e309": "wie viel geld gab es 1e309",
    "impossible date": "was war am 31.02.2019",
    "date far away": "wann ist die sitzung am 01.01.9999",
    "unknown name": "ist Zacharias Quellenbrunnerhofer mitglied",
    "unknown organisation": "wie viel geld hat der Verein Quarkstrudel e.V. bekommen",
    "intent injection": '/ask_grant_amount{"organisation": "\'; DROP TABLE grants; --"}',
    "unknown intent": "/gib_mir_alles",
    "format string": "%s%s%s{0}{__class__}",
    "only punctuation": "?!?...,,,",
    "right-to-left override": "\u202ewer ist im beirat",
}


def database_checksum(path: Path) -> str:
    """A hash of every row, read-only (the bot must change nothing)."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        return hashlib.sha256("\n".join(connection.iterdump()).encode()).hexdigest()


@pytest.mark.rasa
def test_real_bot_answers_bad_input_politely_and_changes_nothing(rasa, decisions_db, fault_proxy):
    fault_proxy.set_mode("pass")
    before = database_checksum(decisions_db)
    problems = []
    for index, (name, message) in enumerate(BAD_MESSAGES.items()):
        response = say(rasa.url, f"bad-input-{index}", message)
        if response.status_code != 200:
            problems.append(f"{name}: HTTP {response.status_code}")
            continue
        answer = " ".join(texts(response))
        if not answer.strip():
            problems.append(f"{name}: no answer")
        elif answer == TECHNICAL_PROBLEM:
            problems.append(f"{name}: technical problem (something crashed; see {rasa.log} and actions.log)")
        elif any(marker in answer for marker in ("Traceback", "Exception", "Error", "DROP TABLE", "<script>")):
            problems.append(f"{name}: leaks internals or echoes the attack: {answer[:200]}")
    assert not problems, "Bad input not handled:\n" + "\n".join(problems)
    assert database_checksum(decisions_db) == before, "the decisions database changed"


@pytest.mark.rasa
@pytest.mark.parametrize("payload", ["/gib_mir_alles", "/", " /goodbye_not_really", "/restart_everything{\"x\": 1}"])
def test_unknown_intent_payload_gets_the_default_answer(rasa, payload):
    answer = texts(say(rasa.url, "payload-unknown", payload))
    assert len(answer) == 1 and "nicht verstanden" in answer[0], f"{payload!r}: {answer}"


@pytest.mark.rasa
def test_known_intent_payload_still_works(rasa):
    payload = '/ask_last_meeting{"council": "Integrationsbeirat Linden-Limmer"}'
    answer = " ".join(texts(say(rasa.url, "payload-known", payload)))
    assert "2024" in answer, f"a button payload must still be answered: {answer!r}"


@pytest.mark.rasa
def test_real_bot_answers_broken_bodies_politely(rasa):
    for name, body in RAW_BODIES.items():
        response = requests.post(f"{rasa.url}/webhooks/rest/webhook", data=body, timeout=30)
        answer = texts(response)
        assert answer in ([guard.NOT_READABLE_TEXT], [guard.EMPTY_TEXT]), f"{name}: {answer}"


def test_client_hanging_up_is_logged_without_the_message_text(channel_app):
    with pytest.raises(requests.Timeout):
        say(channel_app.url, "auflegen", "langsam Zitronenfalter", timeout=0.3)
    time.sleep(1.5)  # past the answer timeout of the channel app
    assert texts(say(channel_app.url, "auflegen-2", "hallo")) == ["echo: hallo"], "the server must still work"
    log = channel_app.log_text()
    assert "Zitronenfalter" not in log, "message text in the log"
    assert "abgebrochen" in log or "keine Antwort" in log, "the hang-up should be logged (without text)"


def test_health_check_says_503_while_no_model_is_loaded(tmp_path):
    """Rasa starts even when the model fails to load; our health check must not say ok then."""
    port = free_port()
    server = Server(
        "no_model", [sys.executable, str(Path(__file__).parent / "channel_app.py"), str(port), "--no-model"],
        base_env(), tmp_path / "no_model.log", f"http://127.0.0.1:{port}/webhooks/rest/", ready_status=503,
    ).start()  # fmt: skip
    try:
        assert requests.get(server.health_url, timeout=5).json() == {"status": "no model loaded"}
    finally:
        server.stop()
