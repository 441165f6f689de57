#!/usr/bin/env python3
"""A small supervisor for `make run`: starts services, restarts a crashed one with backoff.

    supervise.py --log-dir var/log --state var/log/supervise.json \
        --service actions '.venv/bin/rasa run actions ...' --service rasa '...'

Each service runs in its own process group with its output in LOG_DIR/NAME.log. When
one ends by itself, the others keep running; it is started again after 1 s, then 2, 4,
... up to 60 s when it keeps crashing (back to 1 s after it ran 60 s). Services start
in the order given. Every start, end and restart is logged (LOG_DIR/supervise.log and
stdout). SIGINT/SIGTERM stop all services: SIGTERM, SIGKILL after 20 s.

The state file (JSON, rewritten on every change; for tests, benchmarks and operators):
    {"NAME": {"pid": 1234 or null, "restarts": 0, "started": 1767139200.5}, ...}
in the order of the services: "pid" is the service's own process (null while it is down),
the leader of its process group, so its children (e.g. nginx's worker) are found by
parent PID; "started" is the Unix time of its last start.
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

FIRST_BACKOFF = 1.0
MAX_BACKOFF = 60.0
STABLE_AFTER = 60.0  # seconds of running that reset the backoff
STOP_TIMEOUT = 20.0


@dataclass
class Service:
    name: str
    command: str
    log: Path
    proc: subprocess.Popen | None = None
    started: float = 0.0
    started_at: float = 0.0  # Unix time, for the state file
    restarts: int = 0
    backoff: float = FIRST_BACKOFF
    next_start: float = 0.0
    history: list = field(default_factory=list)

    def start(self) -> None:
        with open(self.log, "ab") as out:
            # exec: the service itself is the group leader, and its PID is the one in the state file.
            self.proc = subprocess.Popen(
                ["bash", "-c", f"exec {self.command}"], stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        self.started, self.started_at = time.monotonic(), time.time()

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                pass


class Supervisor:
    def __init__(self, services: list[Service], log: Path, state: Path | None) -> None:
        self.services, self.log_path, self.state = services, log, state
        self.stopping = False

    def say(self, message: str) -> None:
        line = f"{time.strftime('%Y-%m-%d %H:%M:%S')} supervise: {message}"
        print(line, flush=True)
        with open(self.log_path, "a", encoding="utf-8") as out:
            out.write(line + "\n")

    def write_state(self) -> None:
        if self.state is None:
            return
        data = {s.name: {"pid": s.proc.pid if s.proc and s.proc.poll() is None else None, "restarts": s.restarts,
                         "started": round(s.started_at, 1)}
                for s in self.services}  # fmt: skip
        tmp = self.state.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=1))
        tmp.replace(self.state)

    def run(self) -> int:
        for service in self.services:
            service.start()
            self.say(f"{service.name} gestartet (PID {service.proc.pid}), Log: {service.log}")
        self.write_state()
        while not self.stopping:
            now = time.monotonic()
            for service in self.services:
                if service.proc is not None and service.proc.poll() is not None:
                    self.crashed(service, now)
                elif service.proc is None and now >= service.next_start:
                    service.start()
                    service.restarts += 1
                    self.say(f"{service.name} neu gestartet (PID {service.proc.pid}, Neustart Nr. {service.restarts})")
                    self.write_state()
            time.sleep(0.2)
        self.shutdown()
        return 0

    def crashed(self, service: Service, now: float) -> None:
        code = service.proc.returncode
        ran = now - service.started
        if ran >= STABLE_AFTER:
            service.backoff = FIRST_BACKOFF
        # Its group may still hold children (e.g. a worker): they go with it.
        service.stop(signal.SIGKILL)
        service.proc = None
        service.next_start = now + service.backoff
        how = f"Signal {-code}" if code < 0 else f"Code {code}"
        self.say(f"{service.name} ist ausgefallen ({how}, lief {ran:.0f} s); Neustart in {service.backoff:.0f} s. "
                 f"Die anderen Dienste laufen weiter.")  # fmt: skip
        service.backoff = min(service.backoff * 2, MAX_BACKOFF)
        self.write_state()

    def shutdown(self) -> None:
        self.say("Beende alle Dienste.")
        for service in self.services:
            service.stop()
        deadline = time.monotonic() + STOP_TIMEOUT
        for service in self.services:
            if service.proc is None:
                continue
            try:
                service.proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                service.stop(signal.SIGKILL)
                service.proc.wait(timeout=10)
            service.stop(signal.SIGKILL)  # children left in its group
        self.write_state()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--log-dir", type=Path, required=True)
    parser.add_argument("--state", type=Path, default=None)
    parser.add_argument("--service", nargs=2, action="append", metavar=("NAME", "COMMAND"), required=True)
    args = parser.parse_args(argv)
    args.log_dir.mkdir(parents=True, exist_ok=True)
    names = [name for name, _ in args.service]
    if len(set(names)) != len(names):
        parser.error(f"each service needs its own name: {names}")
    services = [Service(name, command, args.log_dir / f"{name}.log") for name, command in args.service]
    supervisor = Supervisor(services, args.log_dir / "supervise.log", args.state)

    def stop(_signum: int, _frame: object) -> None:
        supervisor.stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    return supervisor.run()


if __name__ == "__main__":
    sys.exit(main())
