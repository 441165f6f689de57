"""CPU per message inside the Rasa server, by model-graph component, in one process.

``python -m bench.rasa_components [--model PATH] [--rounds N] [--profile FILE]``

Loads the model with Rasa's Agent (in-memory tracker store, an action endpoint stub
that returns an empty answer, so neither SQL nor the action server is measured) and
runs two phases:

* ``nlu``: every benchmark message (bench.latency.BEIRAT_MESSAGES) and every held-out
  sentence (tests/nlu/heldout*.yml) through ``agent.parse_message``;
* ``dialogue``: conversations of BEIRAT_MESSAGES through ``agent.handle_message``
  (NLU, policies, processor, in-memory tracker store, stub action call).

CPU is ``time.process_time()`` (all threads of this process, TensorFlow's pools
included), not wall clock. Each graph node is timed around its run function; the
rest of a phase is Rasa's own overhead (graph runner, processor). With
``--compare-speedups`` the phases run alternately with bot/speedups.py off and on
(A B A B …), so the two variants see the same machine load.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import os
import time
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
MODEL = REPO / "models" / "beirat.tar.gz"
STUB_RESPONSE = {"events": [], "responses": []}


def heldout_texts() -> list[str]:
    """Plain text of every held-out example (entity annotations removed)."""
    from rasa.shared.nlu.training_data.entities_parser import replace_entities

    texts = []
    for path in sorted((REPO / "tests" / "nlu").glob("heldout*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            for line in str(block.get("examples", "")).splitlines():
                line = line.strip()
                if line.startswith("- "):
                    texts.append(replace_entities(line[2:].strip()))
    return texts


class _StubEndpoint:
    """Stands in for the action server: encodes the request like aiohttp would, answers empty."""

    def __init__(self) -> None:
        from rasa.utils.endpoints import EndpointConfig

        self.config = EndpointConfig(url="http://127.0.0.1:9/webhook")

    def __getattr__(self, name: str) -> Any:
        return getattr(self.config, name)

    async def request(self, method: str = "post", subpath: str | None = None, **kwargs: Any) -> Any:
        json.dumps(kwargs.get("json"))
        return STUB_RESPONSE


class NodeTimer:
    """Wraps GraphNode.__call__: CPU seconds per node name, while ``active``."""

    def __init__(self) -> None:
        self.cpu: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self.active = False
        self._original: Any = None

    def install(self) -> None:
        from rasa.engine.graph import GraphNode

        self._original = original = GraphNode.__call__
        timer = self

        def timed_call(node: Any, *inputs: Any) -> Any:
            if not timer.active:
                return original(node, *inputs)
            start = time.process_time()
            try:
                return original(node, *inputs)
            finally:
                timer.cpu[node._node_name] += time.process_time() - start
                timer.calls[node._node_name] += 1

        GraphNode.__call__ = timed_call  # type: ignore[method-assign]

    def reset(self) -> None:
        self.cpu.clear()
        self.calls.clear()


def load_agent(model: Path) -> Any:
    from rasa.core.agent import Agent
    from rasa.core.tracker_store import InMemoryTrackerStore
    from rasa.utils.tensorflow.environment import setup_tf_environment

    setup_tf_environment()  # as `rasa run` does: reads TF_*_PARALLELISM_THREADS
    agent = Agent.load(str(model), action_endpoint=_StubEndpoint())  # type: ignore[arg-type]
    agent.tracker_store = InMemoryTrackerStore(agent.domain)
    agent.processor.tracker_store = agent.tracker_store  # type: ignore[union-attr]
    return agent


async def _nlu_phase(agent: Any, texts: list[str]) -> int:
    for text in texts:
        await agent.parse_message(text)
    return len(texts)


async def _dialogue_phase(agent: Any, conversations: int) -> int:
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

    from bench.latency import BEIRAT_MESSAGES

    count = 0
    for _ in range(conversations):
        sender = uuid.uuid4().hex
        for text in BEIRAT_MESSAGES:
            await agent.handle_message(UserMessage(text, CollectingOutputChannel(), sender))
            count += 1
    return count


def _measure(loop: Any, timer: NodeTimer, coroutine: Any) -> dict[str, Any]:
    timer.reset()
    timer.active = True
    start, wall = time.process_time(), time.perf_counter()
    messages = loop.run_until_complete(coroutine)
    total, wall = time.process_time() - start, time.perf_counter() - wall
    timer.active = False
    nodes = {name: round(1000 * cpu / messages, 3) for name, cpu in sorted(timer.cpu.items(), key=lambda kv: -kv[1])}
    in_graph = sum(timer.cpu.values())
    return {
        "messages": messages,
        "cpu_ms_per_message": round(1000 * total / messages, 3),
        "wall_ms_per_message": round(1000 * wall / messages, 3),
        "graph_nodes_ms": round(1000 * in_graph / messages, 3),
        "outside_nodes_ms": round(1000 * (total - in_graph) / messages, 3),
        "nodes_ms": nodes,
    }


def _merge(samples: list[dict[str, Any]]) -> dict[str, Any]:
    """Median of each figure over the rounds (one noisy round does not decide)."""
    from statistics import median

    keys = ("cpu_ms_per_message", "wall_ms_per_message", "graph_nodes_ms", "outside_nodes_ms")
    merged: dict[str, Any] = {k: round(median(s[k] for s in samples), 3) for k in keys}
    merged["messages_per_round"] = samples[0]["messages"]
    merged["rounds"] = len(samples)
    names = samples[0]["nodes_ms"].keys()
    merged["nodes_ms"] = {n: round(median(s["nodes_ms"].get(n, 0.0) for s in samples), 3) for n in names}
    return merged


def _switch_speedups(variant: str) -> None:
    """off: Rasa as shipped; jsonschema_only: patch 1; jsonschema_events: 1+2; on: every patch."""
    from rasa.shared.core.events import Event
    from rasa.shared.nlu.training_data.features import Features

    from bot import speedups

    speedups.uninstall()
    if variant != "off":
        speedups.install()
    if variant == "jsonschema_only":
        Event.resolve_by_type = speedups._originals["resolve_by_type_static"]
    if variant in ("jsonschema_only", "jsonschema_events"):
        Features._combine_sparse_features = speedups._originals["combine_sparse_features"]


def run(
    model: Path = MODEL,
    rounds: int = 3,
    conversations: int = 10,
    compare_speedups: bool = False,
    profile: Path | None = None,
) -> dict[str, Any]:
    """Median CPU ms per message by node for NLU and dialogue; optionally with speedups off vs on."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    os.environ.setdefault("LOG_LEVEL", "INFO")
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    configure_logging_and_warnings()  # as `rasa run` without --debug: LOG_LEVEL, default INFO
    configure_structlog()
    from bench.latency import BEIRAT_MESSAGES
    from bot import speedups

    variants = ["off", "jsonschema_only", "jsonschema_events", "on"] if compare_speedups else ["on"]
    if "on" in variants and not speedups.install():
        variants = ["off"]
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    agent = load_agent(model)
    timer = NodeTimer()
    timer.install()
    texts = list(BEIRAT_MESSAGES) + heldout_texts()
    loop.run_until_complete(_nlu_phase(agent, texts[:50]))  # warm-up: TF traces its functions
    loop.run_until_complete(_dialogue_phase(agent, 2))
    samples: dict[str, dict[str, list[dict[str, Any]]]] = {v: {"nlu": [], "dialogue": []} for v in variants}
    profiler = cProfile.Profile() if profile else None
    for _ in range(rounds):
        for variant in variants:
            if compare_speedups:
                _switch_speedups(variant)
            samples[variant]["nlu"].append(_measure(loop, timer, _nlu_phase(agent, texts)))
            if profiler and variant == variants[-1]:
                profiler.enable()
            samples[variant]["dialogue"].append(_measure(loop, timer, _dialogue_phase(agent, conversations)))
            if profiler:
                profiler.disable()
    if profiler and profile:
        profiler.dump_stats(str(profile))
    tf_threads = ("TF_INTRA_OP_PARALLELISM_THREADS", "TF_INTER_OP_PARALLELISM_THREADS")
    result: dict[str, Any] = {
        "model": str(model),
        "how": "time.process_time() per phase and per graph node, median over rounds; "
        "in-memory tracker store, stub action endpoint",
        "tf_threads": {k: os.environ.get(k, "") for k in tf_threads},
    }
    for variant in variants:
        key = f"speedups_{variant}"
        result[key] = {phase: _merge(s) for phase, s in samples[variant].items()}
    return result


def main() -> None:
    import warnings

    warnings.filterwarnings("ignore")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=MODEL)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--conversations", type=int, default=10)
    parser.add_argument("--compare-speedups", action="store_true")
    parser.add_argument("--profile", type=Path, help="cProfile of the dialogue phase (last variant) into this file")
    parser.add_argument("--json", type=Path, help="write the result here too")
    args = parser.parse_args()
    result = run(args.model, args.rounds, args.conversations, args.compare_speedups, args.profile)
    text = json.dumps(result, indent=2, ensure_ascii=False)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
