"""``make bench`` → ``python -m bench``: every benchmark, results in bench/results.json.

Steps (each can be skipped): ingestion throughput (bench.ingest.run), the scale corpus
(13 councils × 15 years) against the seed database (bench.scale.run), NLU quality on
the held-out split, and for our bot (started by scripts/run.sh, as ``make run`` does:
several Rasa processes behind nginx) and the vanilla ``rasa init`` baseline: cold
start, memory of every process, latency and throughput at 1, 10 and 50 concurrent
conversations; then a py-spy profile of our Rasa and action servers under load.
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
from bench.stack import Stack

REPO = servers.REPO
RESULTS = REPO / "bench" / "results.json"
MODEL = REPO / "models" / "beirat.tar.gz"
TARGET_P95_MS = 150
TARGET_THROUGHPUT_RATIO = 1.5
TARGET_MEMORY_RATIO = 1.3  # each Rasa process against the vanilla bot's one


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


LOADS = (1, 10, 50)  # concurrent conversations


def loads(url: str, messages, args, label: str) -> Dict:
    per_user = {1: args.per_user_1, 10: args.per_user_10, 50: args.per_user_50}
    return {f"load_{n}": latency.run_load(url, messages, n, per_user[n], tag=label) for n in LOADS}


def measure(label: str, rasa: servers.Server, messages, args) -> Dict:
    """The vanilla bot: cold start, RSS, loads at 1, 10 and 50; stops the server."""
    result: Dict = {}
    try:
        result["cold_start_s"] = round(rasa.start().startup_s, 1)
        latency.warm_up(rasa.url, messages)
        result["rss_mib_after_warmup"] = servers.rss_mib(rasa)
        result.update(loads(rasa.url, messages, args, label))
        result["rss_mib_after_load"] = servers.rss_mib(rasa)
    finally:
        rasa.stop()
    return result


def measure_stack(label: str, stack: Stack, messages, args) -> Dict:
    """Our bot as make run starts it: cold start, memory of every process, loads, profile."""
    result: Dict = {}
    try:
        stack.start()
        result["cold_start_s"] = stack.cold_start_s
        result["all_processes_ready_s"] = stack.all_processes_ready_s
        latency.warm_up(stack.url, messages)
        result["memory_mib_after_warmup"] = stack.memory_mib()
        result.update(loads(stack.url, messages, args, label))
        result["memory_mib_after_load"] = stack.memory_mib()
        if args.profile:
            result["profile"] = profile_under_load(label, stack, messages, args)
    finally:
        stack.stop()
    return result


def profile_under_load(label: str, stack: Stack, messages, args) -> Dict:
    if profiling.py_spy() is None:
        return {"error": "py-spy fehlt (pip install py-spy)"}
    services = stack.services()
    rasa_pid = services.get("rasa-1") or services.get("rasa")
    samplers = {"rasa_server": profiling.Sampler(rasa_pid, servers.TMP / f"{label}-rasa.pyspy").start()}
    if services.get("actions"):
        samplers["action_server"] = profiling.Sampler(services["actions"], servers.TMP / f"{label}-actions.pyspy").start()
    time.sleep(1)
    load = latency.run_load(stack.url, messages, 10, max(5, args.per_user_10 // 2), tag=f"{label}-profiled")
    profile = {name: sampler.stop() for name, sampler in samplers.items()}
    profile["load_while_profiling"] = {k: load[k] for k in ("messages", "throughput_per_s", "p95_ms")}
    return profile


def beirat(args, label: str = "beirat", processes: Optional[int] = None, **env: str) -> Dict:
    """Our bot started by scripts/run.sh (make run's default unless ``processes`` says how
    many Rasa processes), with a decisions database built fresh from knowledge/."""
    stack = Stack(label, args.model, build_decisions_db(), processes, **env)
    result = measure_stack(label, stack, latency.BEIRAT_MESSAGES, args)
    result["environment"] = {**env, **({"BEIRAT_RASA_PROCESSES": str(processes)} if processes else {})}
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


def tracker_store() -> Dict:
    from bench import trackerstore  # CPU ms per message: Rasa's SQL tracker store vs ours, in-process

    return trackerstore.run()


def scaling() -> Dict:
    from bench import scale  # scale corpus vs the one-document seed database, in this run

    return scale.run()


def action_cpu() -> Dict:
    from bench import actions  # CPU ms per custom-action call, in-process (bench/actions.py)

    return actions.run()


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
    out: Dict = {}
    for n in LOADS:
        key = f"load_{n}"
        out[key] = {
            "throughput_ratio_ours_over_baseline": round(ours[key]["throughput_per_s"] / base[key]["throughput_per_s"], 2),
            "p95_ratio_ours_over_baseline": round(ours[key]["p95_ms"] / base[key]["p95_ms"], 2),
            "p99_ms_ours": ours[key]["p99_ms"],
            "p99_ms_baseline": base[key]["p99_ms"],
        }
    ratio = out["load_10"]["throughput_ratio_ours_over_baseline"]
    largest = ours["memory_mib_after_load"]["largest_rasa_process"]
    memory_ratio = round(largest / base["rss_mib_after_load"], 2)
    out["memory"] = {
        "largest_rasa_process_mib": largest,
        "baseline_rasa_process_mib": base["rss_mib_after_load"],
        "ratio": memory_ratio,
        "total_all_processes_mib": ours["memory_mib_after_load"]["total"],
    }
    failed_50 = ours["load_50"]["failed"] + ours["load_50"]["technical_problems"]
    out["targets"] = {
        f"throughput_at_10_ge_{TARGET_THROUGHPUT_RATIO}x_baseline": ratio >= TARGET_THROUGHPUT_RATIO,
        f"p95_at_10_le_{TARGET_P95_MS}ms": ours["load_10"]["p95_ms"] <= TARGET_P95_MS,
        "no_errors_at_50": failed_50 == 0,
        f"each_rasa_process_le_{TARGET_MEMORY_RATIO}x_baseline_memory": memory_ratio <= TARGET_MEMORY_RATIO,
    }
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
    parser.add_argument("--skip", nargs="*", default=[], choices=["ingest", "scale", "nlu", "latency", "baseline", "actions", "tracker"])
    parser.add_argument("--no-profile", dest="profile", action="store_false")
    parser.add_argument("--train", action="store_true", help="also time `rasa train --force` once")
    parser.add_argument("--tf-threads", type=int, default=None, help="extra run of our bot with TF_*_PARALLELISM_THREADS=N")
    parser.add_argument("--compare-speedups", action="store_true", help="extra run of our bot with BEIRAT_SPEEDUPS=0")
    parser.add_argument(
        "--processes", type=int, nargs="*", default=[1],
        help="extra runs of our bot with this many Rasa processes (default: 1, against make run's default)",
    )  # fmt: skip
    parser.add_argument("--model", type=Path, default=MODEL, help=f"trained model (default {MODEL.relative_to(REPO)})")
    args = parser.parse_args(argv)
    args.per_user_1 = 20 if args.quick else 80
    args.per_user_10 = 5 if args.quick else 60  # 600 messages: a few seconds even at 100 msg/s
    args.per_user_50 = 2 if args.quick else 10
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
    if "tracker" not in args.skip:
        step(results, "tracker_store", tracker_store)
    if "scale" not in args.skip:
        step(results, "scale", scaling)
    if "nlu" not in args.skip:
        step(results, "nlu", lambda: nlu_quality.run(args.model))
    step(results, "training", lambda: training(args))
    if "actions" not in args.skip:
        step(results, "actions", action_cpu)
    if "latency" not in args.skip:
        # Ours as make run starts it, then the vanilla bot right after, so both see the same machine.
        step(results, "latency_beirat", lambda: beirat(args))
        if "baseline" not in args.skip:
            step(results, "latency_baseline", lambda: vanilla(args))
            results["comparison"] = compare(results.get("latency_beirat", {}), results.get("latency_baseline", {}))
        for n in args.processes:
            step(results, f"latency_beirat_{n}_process", lambda n=n: beirat(args, f"beirat-{n}-process", processes=n))
        if args.tf_threads:
            threads = str(args.tf_threads)
            step(results, f"latency_beirat_tf{threads}", lambda: beirat(
                args, f"beirat-tf{threads}", TF_INTRA_OP_PARALLELISM_THREADS=threads, TF_INTER_OP_PARALLELISM_THREADS=threads,
            ))  # fmt: skip
        if args.compare_speedups:
            step(results, "latency_beirat_without_speedups", lambda: beirat(args, "beirat-no-speedups", BEIRAT_SPEEDUPS="0"))
    results["machine"]["loadavg_at_end"] = [round(x, 2) for x in os.getloadavg()]
    results["finished"] = dt.datetime.now().isoformat(timespec="seconds")
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"[bench] Ergebnisse: {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
