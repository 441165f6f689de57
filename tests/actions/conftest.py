"""Fixtures for the action tests: seeded databases and a tiny conversation driver.

The databases come from the shared fixtures in tests/conftest.py (hand-made records
of the seed protocol and of a second council), plus a small glossary and one curated
fact. ``Conversation`` plays what Rasa does around a custom action: it fills the
slots from the entities, runs the action with rasa_sdk's Tracker and
CollectingDispatcher, and keeps the slots the action sets for the next turn.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.importer.reference import load_curated_facts, load_glossary
from bot.db.session import session_scope
from bot.importer.shared import sync_organisation_aliases
from bot.importer.writer import write_document

GLOSSARY = """
- term: Zuwendung
  aliases: [Zuwendungen]
  explanation: Die Stadt gibt Geld für ein Projekt. Das steht dann im Protokoll.
- term: Stadtbezirksrat
  aliases: [Stadtbezirksrats, Bezirksrat]
  explanation: Das sind Politiker für einen Teil von Hannover.
- term: Protokoll
  aliases: [Protokolle, Protokollen]
  explanation: Ein Protokoll ist ein Text über ein Treffen.
"""

FACTS = """
- key: who_decides
  text: >-
    Der Integrationsbeirat schlägt vor.
    Der Stadtbezirksrat entscheidet.
  source: Protokoll der 32. Sitzung, TOP 2.
"""


def _load_reference(url: str, tmp_path) -> None:
    glossary, facts = tmp_path / "glossary.yml", tmp_path / "facts.yml"
    glossary.write_text(GLOSSARY, encoding="utf-8")
    facts.write_text(FACTS, encoding="utf-8")
    with session_scope(url) as session:
        load_glossary(session, glossary)
        load_curated_facts(session, facts)


@pytest.fixture
def two_councils(seeded_url, tmp_path, monkeypatch):
    """Linden-Limmer (seed) and Ricklingen; the actions use it via DATABASE_URL."""
    _load_reference(seeded_url, tmp_path)
    monkeypatch.setenv("DATABASE_URL", seeded_url)
    return seeded_url


@pytest.fixture
def one_council(db_url, seed, tmp_path, monkeypatch):
    """Only Linden-Limmer: questions without a council mean this one."""
    with session_scope(db_url) as session:
        sync_organisation_aliases(session, {"Banjul e.V.": ["Banyul e.V."]})
    with session_scope(db_url) as session:
        write_document(session, seed())
    _load_reference(db_url, tmp_path)
    monkeypatch.setenv("DATABASE_URL", db_url)
    return db_url


@dataclass
class Turn:
    text: str
    buttons: list[dict]
    events: list[dict]
    messages: list[dict]

    @property
    def slots(self) -> dict[str, Any]:
        return {e["name"]: e["value"] for e in self.events if e.get("event") == "slot"}

    @property
    def payloads(self) -> list[str]:
        return [b["payload"] for b in self.buttons]


SLOTS = (
    "organisation", "person", "council", "meeting_date", "year", "application_number", "topic", "term",
    "last_topic", "explained_terms", "more_text", "last_passage",
)


@dataclass
class Conversation:
    # Every slot of domain.yml exists from the start, as in a real tracker.
    slots: dict[str, Any] = field(default_factory=lambda: dict.fromkeys(SLOTS))
    # What the bot said so far, as tracker events (fixed responses included).
    said: list[dict[str, Any]] = field(default_factory=list)

    def bot_says(self, text: str) -> None:
        """A fixed response from domain.yml (e.g. utter_greet) earlier in the conversation."""
        self.said.append({"event": "bot", "text": text})

    def ask(self, action_class, intent: str, text: str = "", **entities: str) -> Turn:
        """One user turn: the message's entities fill slots, then the action runs."""
        self.slots.update(entities)
        tracker = Tracker(
            sender_id="test-conversation",
            slots=dict(self.slots),
            latest_message={
                "text": text,
                "intent": {"name": intent, "confidence": 1.0},
                "entities": [{"entity": k, "value": v} for k, v in entities.items()],
            },
            events=list(self.said),
            paused=False,
            followup_action=None,
            active_loop={},
            latest_action_name="action_listen",
        )
        dispatcher = CollectingDispatcher()
        events = action_class().run(dispatcher, tracker, {})
        assert len(dispatcher.messages) == 1, f"expected exactly one message, got {dispatcher.messages}"
        message = dispatcher.messages[0]
        turn = Turn(message.get("text") or "", message.get("buttons") or [], events, dispatcher.messages)
        self.slots.update(turn.slots)
        self.said.append({"event": "bot", "text": turn.text})
        return turn


@pytest.fixture
def chat():
    return Conversation()
