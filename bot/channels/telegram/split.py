"""Long answers as several Telegram messages, split where a reader expects it."""

from __future__ import annotations

import re

MESSAGE_LIMIT = 4096  # Telegram's maximum text length of one message


def _utf16_len(text: str) -> int:
    # Telegram counts text length in UTF-16 code units; this is never less than len().
    return len(text.encode("utf-16-le")) // 2


def _hard_cut(text: str, limit: int) -> list[str]:
    pieces: list[str] = []
    current, units = "", 0
    for char in text:
        size = 2 if ord(char) > 0xFFFF else 1  # characters outside the BMP take two units
        if units + size > limit:
            pieces.append(current)
            current, units = "", 0
        current += char
        units += size
    return pieces + ([current] if current else [])


# Separators tried in order: blank lines (paragraphs), line breaks, spaces.
_SPLITTERS = [(re.compile(r"\n[ \t]*\n\s*"), "\n\n"), (re.compile(r"\n"), "\n"), (re.compile(r" +"), " ")]


def _split(text: str, limit: int, level: int) -> list[str]:
    if _utf16_len(text) <= limit:
        return [text]
    if level == len(_SPLITTERS):
        return _hard_cut(text, limit)
    pattern, joiner = _SPLITTERS[level]
    chunks: list[str] = []
    current = ""
    for part in (p for p in pattern.split(text) if p.strip()):
        candidate = f"{current}{joiner}{part}" if current else part
        if _utf16_len(candidate) <= limit:
            current = candidate
            continue
        if current:
            chunks.append(current)
        if _utf16_len(part) <= limit:
            current = part
        else:
            *full, current = _split(part, limit, level + 1)
            chunks.extend(full)
    if current:
        chunks.append(current)
    return chunks


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Split text into messages of at most ``limit`` characters.

    Splits at blank lines first, then at line breaks, then at spaces; cuts a word
    only when a single word is longer than the limit.
    """
    text = text.strip()
    return _split(text, limit, 0) if text else []
