"""End-to-end latency and throughput through the REST webhook.

Each of ``concurrency`` simulated users sends the next message as soon as the
previous answer arrived (closed loop), over one aiohttp session with keep-alive.
A conversation is one pass through the message list; then the user starts a new one. Latency is measured per message, from sending the request
to having read the whole answer. A warm-up runs first and is not counted.
"""
from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import asdict, dataclass
from typing import Dict, List, Sequence

import aiohttp

TECHNICAL_PROBLEM = "Ich habe gerade ein technisches Problem"
TOO_FAST = "Sie schreiben sehr schnell"

# A realistic mix for Frag den Beirat: facts from the database, follow-ups, small talk.
BEIRAT_MESSAGES = [
    "Hallo",
    "Wie viel Geld hat Banjul bekommen?",
    "Und wofür?",
    "Wer ist im Integrationsbeirat?",
    "Wann war die letzte Sitzung?",
    "Was war auf der Tagesordnung?",
    "Wer ist der Vorsitzende?",
    "Was ist eine Zuwendung?",
    "Was wurde über den LIP gesagt?",
    "Welche Projekte wurden 2019 gefördert?",
    "Danke",
]


@dataclass
class LoadResult:
    concurrency: int
    messages: int
    seconds: float
    throughput_per_s: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    mean_ms: float
    max_ms: float
    failed: int  # HTTP errors, timeouts, empty answers
    technical_problems: int  # answers that were the technical-problem sentence


def percentile_summary(latencies_s: Sequence[float]) -> Dict[str, float]:
    ms = sorted(x * 1000 for x in latencies_s)
    q = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
    return {
        "p50_ms": round(q[49], 1),
        "p95_ms": round(q[94], 1),
        "p99_ms": round(q[98], 1),
        "mean_ms": round(statistics.fmean(ms), 1),
        "max_ms": round(ms[-1], 1),
    }


async def _conversation(session, url, sender, messages, count, latencies, outcome) -> None:
    for i in range(count):
        # One pass through the messages is one conversation; then a new one starts, as
        # with real visitors (a few questions each). Rasa reloads and resends the whole
        # conversation on every message, so endless conversations would only measure that.
        body = {"sender": f"{sender}-{i // len(messages)}", "message": messages[i % len(messages)]}
        started = time.perf_counter()
        try:
            async with session.post(url, json=body) as response:
                answer = await response.json() if response.status == 200 else None
        except (aiohttp.ClientError, asyncio.TimeoutError):
            answer = None
        latencies.append(time.perf_counter() - started)
        text = " ".join(m.get("text", "") for m in answer or [])
        if not text:
            outcome["failed"] += 1
        elif TECHNICAL_PROBLEM in text:
            outcome["technical_problems"] += 1
        elif TOO_FAST in text:
            outcome["failed"] += 1  # the rate limit must be off in a benchmark


async def _load(base_url: str, messages: Sequence[str], concurrency: int, per_user: int, tag: str) -> LoadResult:
    url = f"{base_url}/webhooks/rest/webhook"
    latencies: List[float] = []
    outcome = {"failed": 0, "technical_problems": 0}
    connector = aiohttp.TCPConnector(limit=concurrency, force_close=False)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        started = time.perf_counter()
        await asyncio.gather(
            *(
                _conversation(session, url, f"{tag}-{concurrency}-{i}-{time.time_ns()}", messages, per_user, latencies, outcome)
                for i in range(concurrency)
            )
        )
        seconds = time.perf_counter() - started
    return LoadResult(
        concurrency=concurrency,
        messages=len(latencies),
        seconds=round(seconds, 2),
        throughput_per_s=round(len(latencies) / seconds, 2),
        failed=outcome["failed"],
        technical_problems=outcome["technical_problems"],
        **percentile_summary(latencies),
    )


def run_load(base_url: str, messages: Sequence[str], concurrency: int, per_user: int, tag: str = "bench") -> Dict:
    return asdict(asyncio.run(_load(base_url, messages, concurrency, per_user, tag)))


def warm_up(base_url: str, messages: Sequence[str], rounds: int = 2, concurrency: int = 10) -> None:
    """Every message a few times, as many at once as the main load, so that lazy imports,
    caches and connection pools are done before we measure (the same for both bots)."""
    asyncio.run(_load(base_url, messages, concurrency=concurrency, per_user=len(messages) * rounds, tag="warmup"))
