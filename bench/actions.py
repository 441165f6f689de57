"""CPU time per custom-action call, in-process (no HTTP, no Rasa server).

The benchmark conversation (``bench.latency.BEIRAT_MESSAGES``) is played against the
action package through rasa_sdk's ``ActionExecutor``, as the action server does it:
for each message that triggers a custom action, a request with the whole tracker so
far (user and bot events, slots) goes to ``executor.run``; the slots the action sets
and the text it says go into the tracker for the next turn. Fixed responses (greet,
thank) are added as bot events with their domain.yml text, because the actions read
earlier bot messages (glossary words they explained).

``SCRIPT`` holds what models/beirat.tar.gz made of each message (intent and entities,
parsed once with ``rasa.core.agent.Agent.parse_message``) and the action the rules
run for it; loading the model here would cost a minute and measure nothing new.

The decisions database is built fresh from knowledge/protocols into WORK. Figures are
``time.process_time()`` per call (CPU of this process, not wall time: the machine is
shared), per action, over ``ROUNDS`` conversations after ``WARMUP`` unmeasured ones.
``answers_sha256`` is a hash of every answer text of one conversation: equal before
and after a speed change means no answer changed.
"""
from __future__ import annotations

import asyncio
import gc
import hashlib
import os
import statistics
import subprocess
import time
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
WORK = Path("/tmp/actions-speed")
ROUNDS = 40
WARMUP = 3

# (message, intent, entities, action or fixed response)
SCRIPT: list[tuple[str, str, dict[str, str], str]] = [
    ("Hallo", "greet", {}, "utter_greet"),
    ("Wie viel Geld hat Banjul bekommen?", "ask_grant_amount", {"organisation": "banjul"}, "action_grant_amount"),
    ("Und wofür?", "ask_grant_purpose", {}, "action_grant_purpose"),
    ("Wer ist im Integrationsbeirat?", "ask_members", {}, "action_members"),
    ("Wann war die letzte Sitzung?", "ask_last_meeting", {}, "action_last_meeting"),
    ("Was war auf der Tagesordnung?", "ask_agenda", {}, "action_agenda"),
    ("Wer ist der Vorsitzende?", "ask_chair", {}, "action_chair"),
    ("Was ist eine Zuwendung?", "ask_glossary", {"term": "zuwendung"}, "action_glossary"),
    ("Was wurde über den LIP gesagt?", "ask_discussion", {"topic": "LIP"}, "action_discussion"),
    ("Welche Projekte wurden 2019 gefördert?", "ask_grants_list", {"year": "2019"}, "action_grants_list"),
    ("Danke", "thank", {}, "utter_thank"),
]


def build_db(work: Path = WORK) -> str:
    """A fresh decisions database from knowledge/protocols (as ``make bench`` builds it)."""
    work.mkdir(parents=True, exist_ok=True)
    path = work / "decisions.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    url = f"sqlite:///{path}"
    subprocess.run(
        [str(REPO / ".venv" / "bin" / "beirat"), "ingest", str(REPO / "knowledge" / "protocols")],
        env={**os.environ, "DATABASE_URL": url}, cwd=REPO, check=True, capture_output=True, timeout=900,
    )  # fmt: skip
    return url


def _slot_names() -> list[str]:
    domain = yaml.safe_load((REPO / "domain.yml").read_text(encoding="utf-8"))
    return list(domain.get("slots", {}))


def _responses() -> dict[str, str]:
    domain = yaml.safe_load((REPO / "domain.yml").read_text(encoding="utf-8"))
    return {name: variants[0].get("text", "") for name, variants in domain.get("responses", {}).items()}


class Conversation:
    """One pass through SCRIPT; ``step`` returns (action, CPU seconds, answer text)."""

    def __init__(self, executor, sender: str, slot_names: list[str], responses: dict[str, str]):
        self.executor = executor
        self.sender = sender
        self.slots: dict[str, Any] = dict.fromkeys(slot_names)
        self.events: list[dict[str, Any]] = []
        self.responses = responses
        self.now = 1_700_000_000.0

    def _event(self, event: dict[str, Any]) -> None:
        self.now += 1
        self.events.append({**event, "timestamp": self.now})

    def step(self, loop, text: str, intent: str, entities: dict[str, str], action: str):
        latest = {
            "text": text,
            "intent": {"name": intent, "confidence": 0.99},
            "entities": [{"entity": k, "value": v} for k, v in entities.items()],
        }
        self._event({"event": "user", "text": text, "parse_data": latest})
        for name, value in entities.items():  # from_entity slot mappings
            self.slots[name] = value
            self._event({"event": "slot", "name": name, "value": value})
        if action.startswith("utter_"):
            self._event({"event": "action", "name": action})
            self._event({"event": "bot", "text": self.responses.get(action, "")})
            return action, None, None
        call = {
            "next_action": action,
            "sender_id": self.sender,
            "tracker": {
                "sender_id": self.sender,
                "slots": dict(self.slots),
                "latest_message": latest,
                "events": list(self.events),
                "paused": False,
                "followup_action": None,
                "active_loop": {},
                "latest_action_name": "action_listen",
            },
            "domain": {},
        }
        started = time.process_time()
        response = loop.run_until_complete(self.executor.run(call))
        spent = time.process_time() - started
        self._event({"event": "action", "name": action})
        for event in response["events"]:
            if event.get("event") == "slot":
                self.slots[event["name"]] = event["value"]
                self._event(event)
        answer = "\n".join(r.get("text") or "" for r in response["responses"])
        self._event({"event": "bot", "text": answer})
        return action, spent, answer


def _cache_stats() -> dict[str, Any] | None:
    try:
        from bot.queries import cache  # the read cache, where it exists
    except ImportError:
        return None
    return cache.stats()


def _reset_cache_stats() -> None:
    try:
        from bot.queries import cache
    except ImportError:
        return
    cache.reset_stats()


def run(rounds: int = ROUNDS, warmup: int = WARMUP, url: str | None = None) -> dict:
    """CPU ms per action (mean, median, p90) over ``rounds`` benchmark conversations."""
    previous = os.environ.get("DATABASE_URL")
    os.environ["DATABASE_URL"] = url or build_db()  # the actions open their sessions with it
    try:
        return _measure(rounds, warmup)
    finally:
        if previous is None:
            os.environ.pop("DATABASE_URL", None)
        else:
            os.environ["DATABASE_URL"] = previous


def _measure(rounds: int, warmup: int) -> dict:
    from rasa_sdk.executor import ActionExecutor

    from bot.db.session import dispose_engine

    dispose_engine()  # a fresh engine for this URL
    executor = ActionExecutor()
    executor.register_package("bot.actions")
    slot_names, responses = _slot_names(), _responses()
    loop = asyncio.new_event_loop()
    per_action: dict[str, list[float]] = {}
    answers: list[str] = []
    try:
        for number in range(warmup + rounds):
            if number == warmup:
                _reset_cache_stats()
            conversation = Conversation(executor, f"bench-actions-{number}", slot_names, responses)
            for text, intent, entities, action in SCRIPT:
                gc.disable()  # a collection belongs to no single action
                try:
                    name, spent, answer = conversation.step(loop, text, intent, entities, action)
                finally:
                    gc.enable()
                if spent is None:
                    continue
                if number == 0:
                    answers.append(f"{name}\n{answer}")
                if number >= warmup:
                    per_action.setdefault(name, []).append(spent * 1000)
            gc.collect()
    finally:
        loop.close()
    summary = {
        name: {
            "mean_ms": round(statistics.fmean(ms), 2),
            "median_ms": round(statistics.median(ms), 2),
            "p90_ms": round(statistics.quantiles(ms, n=10)[8], 2) if len(ms) > 1 else round(ms[0], 2),
            "calls": len(ms),
        }
        for name, ms in per_action.items()
    }
    per_conversation = [sum(ms[i] for ms in per_action.values()) for i in range(rounds)]
    result: dict[str, Any] = {
        "how": "time.process_time() around rasa_sdk ActionExecutor.run per call, in-process, gc off during a call",
        "rounds": rounds,
        "per_action_cpu": summary,
        "conversation_cpu_ms_median": round(statistics.median(per_conversation), 2),
        "answers_sha256": hashlib.sha256("\n\n".join(answers).encode()).hexdigest(),
    }
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "answers.txt").write_text("\n\n".join(answers), encoding="utf-8")  # to diff two runs
    stats = _cache_stats()
    if stats is not None:
        result["query_cache"] = stats
    return result


def main() -> None:
    import json
    import sys

    result = run(rounds=int(sys.argv[1]) if len(sys.argv) > 1 else ROUNDS)
    print(json.dumps(result, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
