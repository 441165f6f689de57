"""Long answers become several Telegram messages, split where a reader expects it."""
from __future__ import annotations

from bot.channels.telegram.split import MESSAGE_LIMIT, split_message


def test_short_answer_stays_one_message_with_its_paragraphs():
    text = "Banjul e.V. hat 1.400 Euro bekommen.\n\nDas steht im Protokoll."
    assert split_message(text) == [text], "a short answer must not be split at its blank line"


def test_split_happens_at_blank_lines_first():
    paragraphs = ["a" * 40, "b" * 40, "c" * 40]
    chunks = split_message("\n\n".join(paragraphs), limit=90)
    assert chunks == ["a" * 40 + "\n\n" + "b" * 40, "c" * 40]


def test_paragraph_longer_than_limit_is_split_at_lines():
    lines = [f"- Person {n} (Partei)" for n in range(10)]
    chunks = split_message("\n".join(lines), limit=60)
    assert all(len(c) <= 60 for c in chunks), [len(c) for c in chunks]
    assert "\n".join(chunks) == "\n".join(lines), "a line was cut or lost"


def test_line_longer_than_limit_is_split_at_spaces_then_hard():
    words = "Integrations·beirat " * 10 + "x" * 50
    chunks = split_message(words, limit=45)
    assert all(len(c) <= 45 for c in chunks), [len(c) for c in chunks]
    assert "".join(chunks).replace(" ", "") == words.replace(" ", ""), "text was lost"
    assert chunks[0] == "Integrations·beirat Integrations·beirat", "first cut not at a space"


def test_limit_counts_utf16_units_like_telegram():
    # Each emoji is one character in Python but two UTF-16 units for Telegram.
    text = "🙂" * 3000
    chunks = split_message(text)
    assert len(chunks) == 2
    assert all(len(c.encode("utf-16-le")) // 2 <= MESSAGE_LIMIT for c in chunks)


def test_empty_answer_sends_nothing():
    assert split_message("  \n\n ") == []
