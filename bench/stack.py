"""Our bot as ``make run`` starts it, for the benchmark: ``scripts/run.sh``.

run.sh starts its supervisor, which runs the action server, the web page and one or
more Rasa server processes (``BEIRAT_RASA_PROCESSES``; with two or more: nginx in front
and Redis as the lock store). The benchmark talks to the public port, as a user does.

Memory is read from ``/proc`` for every process the supervisor's state file names,
children included. Cold start is the time from ``run.sh`` until the public port answers
(``cold_start_s``) and until every Rasa process has logged that it is up
(``all_processes_ready_s``).
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from bench.servers import REPO, TMP, bench_env, vmrss_kib
from bot.devtools.servers import RASA_UP, Server, ServerError, free_port

START_TIMEOUT = 420  # seconds: several Rasa processes load their model at once on 2 shared cores


def _children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def tree_rss_mib(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MiB."""
    total, todo, seen = 0, [pid], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        total += vmrss_kib(current) or 0
        todo += _children(current)
    return round(total / 1024, 1)


class Stack:
    """``scripts/run.sh`` with its own ports and run directory in bench/tmp."""

    def __init__(self, label: str, model: Path, database_url: str, processes: int | None = None, **env: str) -> None:
        self.label = label
        self.run_dir = TMP / f"run-{label}"
        for old in ("tracker.db", "tracker.db-wal", "tracker.db-shm"):
            (self.run_dir / old).unlink(missing_ok=True)
        self.run_dir.mkdir(parents=True, exist_ok=True)
        port, web_port = free_port(), free_port()
        extra = {
            "BEIRAT_RUN_DIR": str(self.run_dir),
            "BEIRAT_MODEL": str(model),
            "DATABASE_URL": database_url,
            "RASA_PORT": str(port),
            "ACTION_PORT": str(free_port()),
            "WEB_PORT": str(web_port),
            # The page itself, without building the widget (node is not needed to measure the bot).
            "BEIRAT_WEB_COMMAND": f"{sys.executable} web/serve.py --host 127.0.0.1 --port {web_port}",
            **env,
        }
        if processes is not None:
            extra["BEIRAT_RASA_PROCESSES"] = str(processes)
        log = TMP / f"{label}.log"
        log.write_bytes(b"")
        self.server = Server(
            label, ["bash", str(REPO / "scripts" / "run.sh")], bench_env(**extra), log,
            f"http://127.0.0.1:{port}/webhooks/rest/", START_TIMEOUT, cwd=REPO, poll_interval=0.25, stop_timeout=60,
        )  # fmt: skip
        self.cold_start_s: float | None = None
        self.all_processes_ready_s: float | None = None

    @property
    def url(self) -> str:
        return self.server.url

    def services(self) -> dict[str, int]:
        """Service name → PID, from the supervisor's state file (running services only)."""
        state = self.run_dir / "log" / "supervise.json"
        try:
            data = json.loads(state.read_text())
        except (OSError, ValueError):
            return {}
        return {name: info["pid"] for name, info in data.items() if info.get("pid")}

    def rasa_services(self) -> list[str]:
        return sorted(name for name in self.services() if name == "rasa" or name.startswith("rasa-"))

    def start(self) -> Stack:
        started = time.monotonic()
        self.server.start()
        self.cold_start_s = round(time.monotonic() - started, 1)
        deadline = started + START_TIMEOUT
        while time.monotonic() < deadline:
            names = self.rasa_services()
            logs = [self.run_dir / "log" / f"{name}.log" for name in names]
            if names and all(RASA_UP in log.read_text(errors="replace") for log in logs if log.exists()):
                self.all_processes_ready_s = round(time.monotonic() - started, 1)
                return self
            time.sleep(0.25)
        self.stop()
        raise ServerError(f"{self.label}: nicht alle Rasa-Prozesse sind nach {START_TIMEOUT} s bereit")

    def memory_mib(self) -> dict:
        """RSS per service (children included), the Rasa processes' largest, and the total."""
        per_service = {name: tree_rss_mib(pid) for name, pid in sorted(self.services().items())}
        rasa = [per_service[name] for name in self.rasa_services() if name in per_service]
        return {
            "per_service": per_service,
            "rasa_processes": len(rasa),
            "largest_rasa_process": max(rasa, default=0.0),
            "total": round(sum(per_service.values()), 1),
        }

    def stop(self) -> None:
        self.server.stop()
