"""Damaged documents (lines lost, swapped, cut off, stray characters) never crash the
parser: they parse, or fail with a clear ParseError — never an unexpected fault."""
from __future__ import annotations

import random

import pytest

from bot.knowledge.parser import parse_text
from bot.knowledge.records import ParseError

STRAY = ["(", ")", "€", "„", "-", "\t", ":", ",", "0", "O", " ", "\u00a0", "/", "¬"]


def damaged(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    operation = rng.randrange(5)
    if operation == 0:
        for _ in range(rng.randrange(1, 8)):
            del lines[rng.randrange(len(lines))]
    elif operation == 1:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif operation == 2:
        lines = lines[: rng.randrange(1, len(lines) + 1)]
    elif operation == 3:
        i = rng.randrange(len(lines))
        k = rng.randrange(len(lines[i]) + 1)
        lines[i] = lines[i][:k] + rng.choice(STRAY) + lines[i][k:]
    else:
        i = rng.randrange(len(lines))
        lines.insert(i, rng.choice(lines))
    return "\n".join(lines)


@pytest.mark.parametrize("seed", range(4))
def test_damaged_documents_fail_only_with_clear_messages(fixture_dir, seed_path, seed):
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted(fixture_dir.glob("*.txt"))]
    texts.append(seed_path.read_text(encoding="utf-8"))
    for _ in range(100):
        text = damaged(rng.choice(texts), rng)
        try:
            parse_text(text, "beschaedigt.txt")
        except ParseError as error:
            assert "Unerwarteter Fehler" not in error.reason, f"{error.reason}\n--- document ---\n{text}"
