"""Multi-turn conversations (tests/conversations/*.yml) through the REST webhook of the real bot.

The format is in README.md. Every answer is also checked against the knowledge base:
no technical-problem sentence, no empty answer, and no amount, date or person that the
decisions database does not hold (facts.py).
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path

import pytest
import requests
import yaml
from facts import KnowledgeBase, load

HERE = Path(__file__).parent
TECHNICAL_PROBLEM = "technisches Problem"
TURN_KEYS = {"user", "button", "contains", "contains_any", "not_contains", "matches", "buttons", "no_buttons"}
MIN_CONVERSATIONS = 40


def _files() -> list[Path]:
    return sorted(HERE.glob("*.yml"))


def _read(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _cases() -> list:
    cases = []
    for path in _files():
        data = _read(path)
        for conversation in data.get("conversations") or []:
            reason = conversation.get("xfail", data.get("xfail"))
            marks = [pytest.mark.xfail(strict=True, reason=str(reason))] if reason else []
            cases.append(pytest.param(conversation, id=f"{path.stem}::{conversation.get('name')}", marks=marks))
    return cases


def _clean(text: str) -> str:
    return text.replace("·", "")


@pytest.fixture(scope="module")
def knowledge(conversation_db) -> KnowledgeBase:
    return load(conversation_db)


# --- the files themselves (no server) ------------------------------------------------


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.name)
def test_a_conversation_file_follows_the_format(path):
    data = _read(path)
    assert isinstance(data.get("kind"), int) and data.get("title"), f"{path.name}: kind (number) and title needed"
    conversations = data.get("conversations")
    assert conversations, f"{path.name}: no conversations"
    names = [c.get("name") for c in conversations]
    assert all(names) and len(set(names)) == len(names), f"{path.name}: every conversation needs a unique name"
    for conversation in conversations:
        turns = conversation.get("turns")
        assert turns, f"{path.name}: {conversation['name']!r} has no turns"
        for turn in turns:
            unknown = set(turn) - TURN_KEYS
            assert not unknown, f"{path.name}: {conversation['name']!r}: unknown keys {sorted(unknown)}"
            assert ("user" in turn) != ("button" in turn), f"{path.name}: a turn needs user or button: {turn}"
            checks = {"contains", "contains_any", "not_contains", "matches", "buttons", "no_buttons"}
            assert checks & set(turn), f"{path.name}: {conversation['name']!r}: a turn without expectation: {turn}"


def test_the_suite_covers_every_kind_with_enough_conversations():
    kinds = {_read(p).get("kind") for p in _files()}
    missing = sorted(set(range(1, 13)) - kinds)
    assert not missing, f"issue-16 kinds without a conversation file: {missing}"
    assert len(_cases()) >= MIN_CONVERSATIONS, f"only {len(_cases())} conversations"


def test_the_fact_check_catches_an_invented_fact(knowledge):
    assert knowledge.problems("Banjul e.V. hat 1.400 Euro bekommen. Die Sitzung war am 1. April 2019.") == []
    invented = knowledge.problems(
        "Banjul e.V. hat 1.433 Euro bekommen. Die Sitzung war am 2. April 2019. Herr Xylander"
    )
    assert len(invented) == 3, invented
    assert not knowledge.problems("Im Mai 2031 gab es 1.433 Euro.", user_said="gab es 1.433 euro")


# --- the conversations ------------------------------------------------------------


def _say(bot: str, sender: str, message: str) -> list[dict]:
    response = requests.post(f"{bot}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=90)
    assert response.status_code == 200, f"HTTP {response.status_code}: {response.text[:300]}"
    return response.json()


def _expectation_failures(turn: dict, answer: str, titles: list[str]) -> list[str]:
    failures = [f"fehlt: {s!r}" for s in turn.get("contains", []) if s not in answer]
    if turn.get("contains_any") and not any(s in answer for s in turn["contains_any"]):
        failures.append(f"keins von: {turn['contains_any']!r}")
    failures += [f"darf nicht drin sein: {s!r}" for s in turn.get("not_contains", []) if s in answer]
    if turn.get("matches") and not re.search(turn["matches"], answer):
        failures.append(f"passt nicht auf: {turn['matches']!r}")
    failures += [f"Knopf fehlt: {b!r}" for b in turn.get("buttons", []) if b not in titles]
    if turn.get("no_buttons") and titles:
        failures.append(f"keine Knöpfe erwartet: {titles!r}")
    return failures


@pytest.mark.rasa
@pytest.mark.parametrize("conversation", _cases())
def test_conversation(bot, knowledge, conversation):
    sender = f"conv-{uuid.uuid4().hex[:10]}"
    offered: dict[str, str] = {}
    said = ""
    for number, turn in enumerate(conversation["turns"], 1):
        if "button" in turn:
            assert turn["button"] in offered, (
                f"Zug {number}: Knopf {turn['button']!r} nicht angeboten: {sorted(offered)}"
            )
            message = offered[turn["button"]]
        else:
            message = str(turn["user"])
        said += f" {message}"
        replies = _say(bot, sender, message)
        answer = _clean(" ".join(r["text"] for r in replies if r.get("text")))
        buttons = [b for r in replies for b in r.get("buttons") or []]
        offered = {_clean(b.get("title", "")): b.get("payload", "") for b in buttons}
        failures = _expectation_failures(turn, answer, list(offered))
        if not answer.strip():
            failures.append("leere Antwort")
        if TECHNICAL_PROBLEM in answer:
            failures.append("technisches Problem")
        failures += [f"nicht in der Wissensbasis: {p}" for p in knowledge.problems(answer, said)]
        assert not failures, (
            f"Zug {number} ({message!r}): {'; '.join(failures)}\nAntwort: {answer!r}\nKnöpfe: {list(offered)}"
        )
