"""Process settings of the Rasa servers, A B A B: TensorFlow threads and malloc arenas.

``python -m bench.rasa_settings [--model PATH] [--rounds N] [--processes 2]``

Starts our bot as ``make run`` does (bench.stack.Stack → scripts/run.sh) with two Rasa
processes, once per variant and round, alternating the variants so that each sees the
same machine load. Per variant: CPU ms per message of the Rasa processes (utime+stime
from /proc during a load at 10 concurrent conversations, divided by the messages),
messages/s and p95 of that load, and the RSS of each Rasa process after it.

Variants set the variables explicitly (run.sh's own defaults are overridden):
``TF_*_PARALLELISM_THREADS=0`` is TensorFlow's default (one thread per core), and
``MALLOC_ARENA_MAX=16`` is glibc's default on 2 cores (8 per core).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
from pathlib import Path
from statistics import median
from typing import Any

from bench import latency
from bench.servers import REPO, TMP
from bench.stack import Stack

MODEL = REPO / "models" / "beirat.tar.gz"
VARIANTS: dict[str, dict[str, str]] = {
    "tf_default_malloc_default": {"TF": "0", "MALLOC_ARENA_MAX": "16"},
    "tf_1_malloc_default": {"TF": "1", "MALLOC_ARENA_MAX": "16"},
    "tf_default_malloc_2": {"TF": "0", "MALLOC_ARENA_MAX": "2"},
    "tf_1_malloc_2": {"TF": "1", "MALLOC_ARENA_MAX": "2"},
}
TICKS = os.sysconf("SC_CLK_TCK")


def _cpu_s(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime


def _environment(variant: dict[str, str], processes: int) -> dict[str, str]:
    return {
        "TF_INTRA_OP_PARALLELISM_THREADS": variant["TF"],
        "TF_INTER_OP_PARALLELISM_THREADS": variant["TF"],
        "MALLOC_ARENA_MAX": variant["MALLOC_ARENA_MAX"],
        "BEIRAT_RASA_PROCESSES": str(processes),
    }


def measure_once(
    name: str, variant: dict[str, str], model: Path, database_url: str, processes: int, per_user: int
) -> dict:
    env = _environment(variant, processes)
    stack = Stack(f"settings-{name}", model, database_url, **env)
    try:
        stack.start()
        latency.warm_up(stack.url, latency.BEIRAT_MESSAGES)
        pids = {service: stack.services()[service] for service in stack.rasa_services()}
        before = {service: _cpu_s(pid) for service, pid in pids.items()}
        load = latency.run_load(stack.url, latency.BEIRAT_MESSAGES, 10, per_user, tag=f"settings-{name}")
        cpu = sum(_cpu_s(pid) - before[service] for service, pid in pids.items())
        memory = stack.memory_mib()
    finally:
        stack.stop()
    return {
        "rasa_cpu_ms_per_message": round(1000 * cpu / max(load["messages"], 1), 2),
        "throughput_per_s": load["throughput_per_s"],
        "p95_ms": load["p95_ms"],
        "failed": load["failed"] + load["technical_problems"],
        "rasa_rss_mib": sorted(memory["per_service"][s] for s in pids),
    }


def run(
    model: Path = MODEL, rounds: int = 2, processes: int = 2, per_user: int = 30, variants: list[str] | None = None
) -> dict:
    """Median per variant over the rounds without failed messages, and every round's figures."""
    database = TMP / "settings-decisions.sqlite"
    shutil.copyfile(TMP / "decisions.sqlite", database)  # built by python -m bench; our own copy
    chosen = variants or list(VARIANTS)
    rounds_out: dict[str, list[dict[str, Any]]] = {name: [] for name in chosen}
    for _ in range(rounds):
        for name in chosen:
            result = measure_once(name, VARIANTS[name], model, f"sqlite:///{database}", processes, per_user)
            rounds_out[name].append(result)
            print(name, json.dumps(result), flush=True)
    summary: dict[str, Any] = {"processes": processes, "per_user_at_10": per_user, "loadavg_end": os.getloadavg()}
    for name, all_results in rounds_out.items():
        results = [r for r in all_results if r["failed"] == 0] or all_results  # a broken run says nothing
        summary[name] = {
            "environment": _environment(VARIANTS[name], processes),
            "median_rasa_cpu_ms_per_message": median(r["rasa_cpu_ms_per_message"] for r in results),
            "median_throughput_per_s": median(r["throughput_per_s"] for r in results),
            "median_p95_ms": median(r["p95_ms"] for r in results),
            "median_largest_rasa_rss_mib": median(max(r["rasa_rss_mib"]) for r in results),
            "rounds": all_results,
        }
    return summary


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=MODEL)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--per-user", type=int, default=30)
    parser.add_argument("--variants", nargs="*", choices=list(VARIANTS))
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    result = run(args.model, args.rounds, args.processes, args.per_user, args.variants)
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n")


if __name__ == "__main__":
    main()
