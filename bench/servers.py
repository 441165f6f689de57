"""Start and stop the bot's servers for a benchmark: free ports, logs in bench/tmp."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Dict, List, Optional

import yaml

REPO = Path(__file__).resolve().parents[1]
TMP = REPO / "bench" / "tmp"
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def bench_env(**extra: str) -> Dict[str, str]:
    env = dict(os.environ)
    env.update(
        PYTHONPATH=os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p),
        TF_CPP_MIN_LOG_LEVEL="2",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        LOG_LEVEL="INFO",
        BEIRAT_RATE_LIMIT="0",  # the load generator is one client sending fast on purpose
        BEIRAT_RATE_LIMIT_REDIS_URL="",
    )
    env.update(extra)
    return env


class Process:
    """A server process; ``start`` returns the seconds until its health URL answered."""

    def __init__(self, name: str, cmd: List[str], env: Dict[str, str], health_url: str, cwd: Path = REPO):
        self.name, self.cmd, self.env, self.health_url, self.cwd = name, cmd, env, health_url, cwd
        self.log = TMP / f"{name}.log"
        self.proc: Optional[subprocess.Popen] = None

    @property
    def url(self) -> str:
        return "/".join(self.health_url.split("/")[:3])

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    def start(self, timeout: float = 300) -> float:
        TMP.mkdir(parents=True, exist_ok=True)
        started = time.monotonic()
        with open(self.log, "wb") as handle:
            self.proc = subprocess.Popen(
                self.cmd, env=self.env, cwd=self.cwd, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True
            )
        while time.monotonic() - started < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} ist beim Start beendet; Log: {self.log}")
            try:
                with urllib.request.urlopen(self.health_url, timeout=2) as response:
                    if response.status == 200:
                        return time.monotonic() - started
            except urllib.error.HTTPError as error:
                # Our REST channel says 503 while no model is loaded; once Rasa says it
                # is up, the model failed to load and waiting longer does not help.
                if error.code == 503 and "Rasa server is up and running" in self.log.read_text(errors="replace"):
                    self.stop()
                    raise RuntimeError(f"{self.name}: das Modell konnte nicht geladen werden; Log: {self.log}") from None
            except OSError:
                pass
            time.sleep(0.25)
        self.stop()
        raise RuntimeError(f"{self.name} antwortet nicht nach {timeout} s; Log: {self.log}")

    def rss_mib(self) -> float:
        """Resident memory of the process (VmRSS), in MiB."""
        for line in Path(f"/proc/{self.proc.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
        return float("nan")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)


def action_server(database_url: str, name: str = "bench-actions", **env: str) -> Process:
    port = free_port()
    return Process(
        name,
        [str(BIN / "rasa"), "run", "actions", "--actions", "bot.actions", "-p", str(port)],
        bench_env(DATABASE_URL=database_url, **env),
        f"http://127.0.0.1:{port}/health",
    )


def rasa_server(model: Path, name: str, endpoints: dict, credentials: dict, cwd: Path = REPO, **env: str) -> Process:
    TMP.mkdir(parents=True, exist_ok=True)
    port = free_port()
    endpoints_file, credentials_file = TMP / f"{name}.endpoints.yml", TMP / f"{name}.credentials.yml"
    endpoints_file.write_text(yaml.safe_dump(endpoints))
    credentials_file.write_text(yaml.safe_dump(credentials))
    cmd = [
        str(BIN / "rasa"), "run", "--model", str(model),
        "--endpoints", str(endpoints_file), "--credentials", str(credentials_file),
        "--interface", "127.0.0.1", "--port", str(port),
    ]  # fmt: skip
    return Process(name, cmd, bench_env(**env), f"http://127.0.0.1:{port}/webhooks/rest/", cwd=cwd)
