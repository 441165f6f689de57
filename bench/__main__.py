"""``make bench`` → ``python -m bench``: every benchmark, results in bench/results.json.

Steps (each can be skipped): ingestion throughput (bench.ingest.run), the scale corpus
(13 councils × 15 years) against the seed database (bench.scale.run), NLU quality on
the held-out split, and for our bot and the vanilla ``rasa init`` baseline: cold
start, memory after warm-up, latency and throughput at 1 and 10 concurrent
conversations; then a py-spy profile of both our servers under load.
Benchmarks are measurements, not tests: nothing here fails on a slow number.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
import traceback
from pathlib import Path
from typing import Callable, Dict, Optional

from bench import latency, nlu_quality, profiling, servers
from bench.baseline import build as baseline

REPO = servers.REPO
RESULTS = REPO / "bench" / "results.json"
MODEL = REPO / "models" / "beirat.tar.gz"
TARGET_P95_MS = 150
REST_CHANNEL = "bot.channels.rest.RateLimitedRestInput"


def machine() -> Dict:
    import rasa

    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "rasa": rasa.__version__,
        "loadavg_at_start": [round(x, 2) for x in os.getloadavg()],
        "note": "2 cores shared with other work: figures vary from run to run; compare within one run.",
    }


def build_decisions_db() -> str:
    path = servers.TMP / "decisions.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    url = f"sqlite:///{path}"
    subprocess.run(
        [str(servers.BIN / "beirat"), "ingest", str(REPO / "knowledge" / "protocols")],
        env=servers.bench_env(DATABASE_URL=url), cwd=REPO, check=True, capture_output=True, timeout=900,
    )  # fmt: skip
    return url


def measure(label: str, rasa: servers.Server, messages, args, extra: Optional[servers.Server] = None) -> Dict:
    """Cold start, RSS, loads at 1 and 10, optional profile; stops the servers it started."""
    result: Dict = {}
    try:
        if extra is not None:
            result["action_server_cold_start_s"] = round(extra.start().startup_s, 1)
        result["cold_start_s"] = round(rasa.start().startup_s, 1)
        latency.warm_up(rasa.url, messages)
        result["rss_mib_after_warmup"] = servers.rss_mib(rasa)
        if extra is not None:
            result["action_server_rss_mib_after_warmup"] = servers.rss_mib(extra)
        result["load_1"] = latency.run_load(rasa.url, messages, 1, args.per_user_1, tag=label)
        result["load_10"] = latency.run_load(rasa.url, messages, 10, args.per_user_10, tag=label)
        result["rss_mib_after_load"] = servers.rss_mib(rasa)
        if args.profile:
            result["profile"] = profile_under_load(label, rasa, extra, messages, args)
    finally:
        rasa.stop()
        if extra is not None:
            extra.stop()
    return result


def profile_under_load(label: str, rasa: servers.Server, extra: Optional[servers.Server], messages, args) -> Dict:
    if profiling.py_spy() is None:
        return {"error": "py-spy fehlt (pip install py-spy)"}
    samplers = {"rasa_server": profiling.Sampler(rasa.proc.pid, servers.TMP / f"{label}-rasa.pyspy").start()}
    if extra is not None:
        samplers["action_server"] = profiling.Sampler(extra.proc.pid, servers.TMP / f"{label}-actions.pyspy").start()
    time.sleep(1)
    load = latency.run_load(rasa.url, messages, 10, max(5, args.per_user_10 // 2), tag=f"{label}-profiled")
    profile = {name: sampler.stop() for name, sampler in samplers.items()}
    profile["load_while_profiling"] = {k: load[k] for k in ("messages", "throughput_per_s", "p95_ms")}
    return profile


def beirat(args, label: str = "beirat", sql_tracker: bool = True, **env: str) -> Dict:
    """Our bot: action server + SQLite decisions database + SQLite tracker store
    (as in endpoints.yml); ``sql_tracker=False`` keeps conversations in memory."""
    database_url = build_decisions_db()
    actions = servers.action_server(database_url, **env)
    tracker = servers.TMP / "tracker.db"
    tracker.unlink(missing_ok=True)
    endpoints = {"action_endpoint": {"url": f"http://127.0.0.1:{actions.port}/webhook"}}
    if sql_tracker:
        endpoints["tracker_store"] = {"type": "SQL", "dialect": "sqlite", "db": str(tracker)}
    rasa = servers.rasa_server(args.model, label, endpoints, {REST_CHANNEL: None}, **env)
    result = measure(label, rasa, latency.BEIRAT_MESSAGES, args, extra=actions)
    result["environment"] = env
    return result


def vanilla(args) -> Dict:
    built = baseline.build()
    rasa = servers.rasa_server(Path(built["model"]), "baseline", {}, {"rest": None}, cwd=baseline.ROOT)
    result = measure("baseline", rasa, baseline.MESSAGES, args)
    result["train_seconds_rasa_init"] = built["train_seconds"]
    return result


def ingestion() -> Dict:
    from bench import ingest  # written by the database engineer

    result = ingest.run()
    return result if isinstance(result, dict) else {"result": repr(result)}


def scaling() -> Dict:
    from bench import scale  # scale corpus vs the one-document seed database, in this run

    return scale.run()


def training(args) -> Dict:
    if not args.train:
        return {"note": "not timed in this run (python -m bench --train times `rasa train --force` once)"}
    started = time.monotonic()
    result = subprocess.run(
        [str(servers.BIN / "rasa"), "train", "--force", "--fixed-model-name", "beirat-bench", "--out", str(servers.TMP / "models")],
        cwd=REPO, env=servers.bench_env(), capture_output=True, text=True, timeout=7200,
    )  # fmt: skip
    (servers.TMP / "train.log").write_text(result.stdout + result.stderr)
    return {"rasa_train_force_s": round(time.monotonic() - started, 1), "exit_code": result.returncode}


def compare(ours: Dict, base: Dict) -> Dict:
    if "load_10" not in ours or "load_10" not in base:
        return {}
    out = {}
    for key in ("load_1", "load_10"):
        out[key] = {
            "throughput_ratio_ours_over_baseline": round(ours[key]["throughput_per_s"] / base[key]["throughput_per_s"], 2),
            "p95_ratio_ours_over_baseline": round(ours[key]["p95_ms"] / base[key]["p95_ms"], 2),
        }
    out["target_p95_le_150ms_at_10"] = ours["load_10"]["p95_ms"] <= TARGET_P95_MS
    out["target_throughput_ge_baseline_at_10"] = ours["load_10"]["throughput_per_s"] >= base["load_10"]["throughput_per_s"]
    return out


def step(results: Dict, name: str, run: Callable[[], Dict]) -> None:
    print(f"[bench] {name} …", flush=True)
    started = time.monotonic()
    try:
        results[name] = run()
    except Exception as error:  # one failed step must not lose the others
        results[name] = {"error": f"{type(error).__name__}: {error}", "trace": traceback.format_exc(limit=3)}
    print(f"[bench] {name}: {time.monotonic() - started:.0f} s", flush=True)
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")


def parse_args(argv) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer messages (a smoke run)")
    parser.add_argument("--skip", nargs="*", default=[], choices=["ingest", "scale", "nlu", "latency", "baseline"])
    parser.add_argument("--no-profile", dest="profile", action="store_false")
    parser.add_argument("--train", action="store_true", help="also time `rasa train --force` once")
    parser.add_argument("--tf-threads", type=int, default=None, help="extra run of our bot with TF_*_PARALLELISM_THREADS=N")
    parser.add_argument("--compare-speedups", action="store_true", help="extra run of our bot with BEIRAT_SPEEDUPS=0")
    parser.add_argument("--compare-tracker", action="store_true", help="extra run of our bot with an in-memory tracker store")
    parser.add_argument("--model", type=Path, default=MODEL, help=f"trained model (default {MODEL.relative_to(REPO)})")
    args = parser.parse_args(argv)
    args.per_user_1 = 20 if args.quick else 80
    args.per_user_10 = 5 if args.quick else 30
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    if not args.model.is_file():
        print(f"Das Modell {args.model} fehlt: bitte zuerst `make train`.", file=sys.stderr)
        return 1
    servers.TMP.mkdir(parents=True, exist_ok=True)
    results: Dict = {
        "started": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": machine(),
        "args": sys.argv[1:] if argv is None else list(argv),
        "model": str(args.model),
    }
    if "ingest" not in args.skip:
        step(results, "ingest", ingestion)
    if "scale" not in args.skip:
        step(results, "scale", scaling)
    if "nlu" not in args.skip:
        step(results, "nlu", lambda: nlu_quality.run(args.model))
    step(results, "training", lambda: training(args))
    if "latency" not in args.skip:
        step(results, "latency_beirat", lambda: beirat(args))
        if args.tf_threads:
            threads = str(args.tf_threads)
            step(results, f"latency_beirat_tf{threads}", lambda: beirat(
                args, f"beirat-tf{threads}", TF_INTRA_OP_PARALLELISM_THREADS=threads, TF_INTER_OP_PARALLELISM_THREADS=threads,
            ))  # fmt: skip
        if args.compare_tracker:
            step(results, "latency_beirat_in_memory_tracker", lambda: beirat(args, "beirat-in-memory", sql_tracker=False))
        if args.compare_speedups:
            step(results, "latency_beirat_without_speedups", lambda: beirat(args, "beirat-no-speedups", BEIRAT_SPEEDUPS="0"))
        if "baseline" not in args.skip:
            step(results, "latency_baseline", lambda: vanilla(args))
            results["comparison"] = compare(results.get("latency_beirat", {}), results.get("latency_baseline", {}))
    results["machine"]["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    results["finished"] = dt.datetime.now().isoformat(timespec="seconds")
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"[bench] Ergebnisse: {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
