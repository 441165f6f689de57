"""CPU per message of the conversation (tracker) store: Rasa's ``SQLTrackerStore`` against
``bot.trackerstore.CachingSQLTrackerStore``, in-process (no Rasa server, no model).

Per user message the store does what Rasa's processor asks of it: ``retrieve`` (through
``get_or_create_tracker``), then ``save`` after the answer. Rasa 3.6.21's
``MessageProcessor.handle_message`` saves once per message (processor.py); issue 15's
profile assumed two, so both are measured: ``retrieve_save`` and ``retrieve_save_save``.

The conversation is the benchmark's (``bench.latency.BEIRAT_MESSAGES``, 11 user turns)
with the events our bot stores for it, taken from a real run's tracker database: session
start, per turn the user message with Rasa's parse data (10-intent ranking),
``user_featurization``, the action, the bot message with buttons, and the slots the
actions set (``last_passage`` ~1 KB of protocol text). Longer conversations repeat the
turns. The real domain.yml gives the slots.

Variants, on separate SQLite files in one temp dir, run alternately (A B C A B C …) so
that all see the same machine: ``rasa`` (Rasa's store as ``type: SQL`` configures it),
``caching`` (ours, as endpoints.yml configures it), ``caching_no_cache`` (ours with
``cache_size: 0``: WAL, kept connections and no COUNT only), and ``two_processes``: two
instances of ours on one file answering a conversation's messages in turn (as two Rasa
processes behind nginx without sticky routing do), so every retrieve catches up with
the other's events.

Figures: ``time.process_time()`` (CPU of this process) and wall time per message, mean
over all messages of a conversation and for its last message; ``copy_ms``:
``tracker.copy()`` of the conversation at that length (what returning a copy from the
cache would add per message); ``cached_tracker_kib``: memory of one cached conversation
(tracemalloc). Wall time includes SQLite's fsync (Rasa's store: journal mode DELETE,
synchronous FULL), which blocks Rasa's event loop although it costs no CPU.

    .venv/bin/python -m bench.trackerstore [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    DefinePrevUserUtteredFeaturization,
    Event,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bench.latency import BEIRAT_MESSAGES
from bot.trackerstore import CachingSQLTrackerStore

REPO = Path(__file__).resolve().parent.parent
LENGTHS = (11, 33, 99)  # user turns per conversation
MODEL_ID = "f57568847c7949489e0e0b82bfb8b394"
INTENTS = [
    "greet", "ask_grant_amount", "ask_grant_purpose", "ask_members", "ask_last_meeting", "ask_agenda",
    "ask_chair", "ask_glossary", "ask_discussion", "ask_grants_list", "thank",
]  # fmt: skip
PASSAGE = (
    "Hier ist der Text aus dem Protokoll.\nDer Text ist nicht in Leichter Sprache.\nDas steht im Protokoll "
    "von der 32. Sitzung vom Integrations·beirat Linden-Limmer. Die Sitzung war am Montag, 1. April 2019. "
    "Es geht um Punkt 2 auf der Tages·ordnung.\n\n" + "Beratung über Zuwendungen auf Vorschlag des Beirats. " * 16
)
# Per turn of BEIRAT_MESSAGES: (entity slot set from the message, slots the action sets), as stored in a real run.
PASSAGE_SLOTS = ["explained_terms", "more_text", "last_topic", "last_passage", "organisation", "application_number"]
TURN_SLOTS: list[tuple] = [
    ([], []),
    ([("organisation", "banjul")], PASSAGE_SLOTS),
    ([], PASSAGE_SLOTS),
    ([], ["more_text"]),
    ([], ["more_text"]),
    ([], ["more_text"]),
    ([], ["more_text"]),
    ([("term", "zuwendung")], ["explained_terms", "more_text", "term"]),
    ([("topic", "LIP")], ["explained_terms", "more_text", "last_topic", "last_passage", "topic"]),
    ([("year", "2019")], ["more_text"]),
    ([], []),
]  # fmt: skip
SLOT_VALUES: dict[str, Any] = {
    "explained_terms": ["Protokoll", "Sitzung", "Stadtbezirksrat", "Zuwendung", "e.V."],
    "more_text": "Hier ist noch mehr dazu:\nDer Stadt·bezirks·rat sagt dann Ja oder Nein.",
    "last_topic": "grant_amount",
    "last_passage": PASSAGE,
    "organisation": "Banjul e.V.",
    "application_number": "04/2019",
    "term": "Zuwendung",
    "topic": "LIP",
}
BUTTONS = [
    {"title": "Was kann ich fragen?", "payload": "/ask_capabilities"},
    {"title": "Wer ist im Integrations·beirat?", "payload": "/ask_members"},
]


def domain() -> Domain:
    return Domain.load(str(REPO / "domain.yml"))


def session_start_events() -> list[Event]:
    return [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]


def turn_events(turn: int) -> list[Event]:
    """The events our bot stores for user turn ``turn`` (0-based) after its session start."""
    index = turn % len(BEIRAT_MESSAGES)
    text, intent = BEIRAT_MESSAGES[index], INTENTS[index]
    entity_slots, action_slots = TURN_SLOTS[index]
    ranking = [{"name": intent, "confidence": 0.97}] + [
        {"name": other, "confidence": 0.003} for other in INTENTS if other != intent
    ][:9]
    entities = [
        {"entity": name, "value": value, "start": 0, "end": len(value), "extractor": "RegexEntityExtractor"}
        for name, value in entity_slots
    ]
    parse_data = {
        "intent": ranking[0], "entities": entities, "text": text, "message_id": f"m{turn:032d}", "metadata": {},
        "text_tokens": [[0, len(word)] for word in text.split()], "intent_ranking": ranking,
    }  # fmt: skip
    action = "utter_" + intent if intent in ("greet", "thank") else "action_" + intent.removeprefix("ask_")
    events: list[Event] = [
        UserUttered(text, ranking[0], entities, parse_data, input_channel="rest", message_id=f"m{turn:032d}")
    ]
    events += [SlotSet(name, value) for name, value in entity_slots]
    events += [
        DefinePrevUserUtteredFeaturization(False),
        ActionExecuted(action, policy="RulePolicy", confidence=1.0),
        BotUttered(PASSAGE[:400], {"buttons": BUTTONS}, {"utter_action": action}),
    ]
    events += [SlotSet(name, SLOT_VALUES.get(name)) for name in action_slots]
    events.append(ActionExecuted("action_listen", policy="RulePolicy", confidence=1.0))
    return events


async def message(stores: list[Any], sender: str, turn: int, saves: int, dom: Domain) -> None:
    """One user message as Rasa's processor handles it; ``stores`` answer in turn."""
    store = stores[turn % len(stores)]
    tracker = await store.get_or_create_tracker(sender, append_action_listen=False)
    tracker.model_id = MODEL_ID
    new = (session_start_events() if not tracker.events else []) + turn_events(turn)
    for event in new:
        tracker.update(event, dom)
    for _ in range(saves):
        await store.save(tracker)


def timed(run: Callable[[], Any]) -> tuple:
    cpu, wall = time.process_time(), time.perf_counter()
    run()
    return (time.process_time() - cpu) * 1000, (time.perf_counter() - wall) * 1000


def timed_message(loop, stores: list[Any], sender: str, turn: int, saves: int, dom: Domain) -> tuple:
    return timed(lambda: loop.run_until_complete(message(stores, sender, turn, saves, dom)))


def make_stores(directory: Path, dom: Domain) -> dict[str, list[Any]]:
    shared = str(directory / "two.db")
    return {
        "rasa": [SQLTrackerStore(dom, dialect="sqlite", db=str(directory / "rasa.db"))],
        "caching": [CachingSQLTrackerStore(dom, dialect="sqlite", db=str(directory / "caching.db"))],
        "caching_no_cache": [
            CachingSQLTrackerStore(dom, dialect="sqlite", db=str(directory / "nocache.db"), cache_size=0)
        ],
        "two_processes": [CachingSQLTrackerStore(dom, dialect="sqlite", db=shared) for _ in range(2)],
    }


def measure(rounds: int, lengths=LENGTHS, saves_options=(1, 2)) -> dict:
    dom = domain()
    loop = asyncio.new_event_loop()
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="bench-trackerstore-") as tmp:
        stores = make_stores(Path(tmp), dom)
        for saves in saves_options:
            key = "retrieve_save" if saves == 1 else "retrieve_save_save"
            for length in lengths:
                cpu: dict[str, list[float]] = {name: [] for name in stores}
                wall: dict[str, list[float]] = {name: [] for name in stores}
                last_cpu: dict[str, list[float]] = {name: [] for name in stores}
                for round_ in range(rounds + 1):  # the first round warms up
                    for name, variant in stores.items():  # alternating: every variant sees the same machine
                        sender = f"{key}-{length}-{round_}"
                        times = [timed_message(loop, variant, sender, turn, saves, dom) for turn in range(length)]
                        if round_:
                            cpu[name] += [c for c, _ in times]
                            wall[name] += [w for _, w in times]
                            last_cpu[name].append(times[-1][0])
                results.setdefault(key, {})[f"{length}_turns"] = {
                    name: {
                        "cpu_ms_per_message": round(statistics.mean(cpu[name]), 3),
                        "wall_ms_per_message": round(statistics.mean(wall[name]), 3),
                        "cpu_ms_last_message": round(statistics.median(last_cpu[name]), 3),
                    }
                    for name in stores
                }
        results["store_stats"] = {
            name: [getattr(s, "stats", None) for s in variant] for name, variant in stores.items()
        }
        results["copy_ms"] = copy_cost(loop, stores["caching"][0], lengths, dom)
        results["cached_tracker_kib"] = tracker_memory(dom, lengths)
        for variant in stores.values():
            for store in variant:
                store.engine.dispose()
    loop.close()
    return results


def copy_cost(loop, store: CachingSQLTrackerStore, lengths, dom: Domain) -> dict[str, float]:
    """CPU ms of ``tracker.copy()`` against a cache hit, per conversation length."""
    out = {}
    for length in lengths:
        sender = f"copy-{length}"
        for turn in range(length):
            loop.run_until_complete(message([store], sender, turn, 1, dom))
        tracker: DialogueStateTracker | None = loop.run_until_complete(store.retrieve(sender))
        assert tracker is not None
        copies = [timed(tracker.copy)[0] for _ in range(20)]
        hits = [timed(lambda s=sender: loop.run_until_complete(store.retrieve(s)))[0] for _ in range(20)]
        out[f"{length}_turns"] = {
            "copy": round(statistics.median(copies), 3),
            "cache_hit": round(statistics.median(hits), 3),
        }
    return out


def tracker_memory(dom: Domain, lengths) -> dict[str, float]:
    out = {}
    for length in lengths:
        events = session_start_events() + [e for turn in range(length) for e in turn_events(turn)]
        stored = json.dumps([e.as_dict() for e in events])
        tracemalloc.start()
        before = tracemalloc.take_snapshot()
        tracker = DialogueStateTracker.from_dict("memory", json.loads(stored), dom.slots)  # as a read builds it
        after = tracemalloc.take_snapshot()
        tracemalloc.stop()
        size = sum(stat.size_diff for stat in after.compare_to(before, "filename"))
        out[f"{length}_turns"] = round(size / 1024, 1)
        del tracker
    return out


def run(rounds: int = 5) -> dict:
    started = time.monotonic()
    result = measure(rounds)
    result["rounds"] = rounds
    result["seconds"] = round(time.monotonic() - started, 1)
    return result


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m bench.trackerstore", description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    print(json.dumps(run(parser.parse_args().rounds), indent=2))
