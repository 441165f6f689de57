"""Servers for the ops tests: each on a free port on 127.0.0.1, each stopped after.

- ``channel_app``: the hardened REST channel with a fake bot (no model needed).
- ``decisions_db``: a SQLite decisions database built from knowledge/ by ``beirat ingest``.
- ``action_server`` + ``fault_proxy``: the real action server, behind a proxy that the
  fault tests switch to slow/down or to another action server.
- ``rasa_server``: ``rasa run`` with the trained model, the hardened REST channel and
  an SQL tracker store (SQLite in a temp dir). Tests that need it are marked ``rasa``
  and fail with a clear message when models/beirat.tar.gz is missing.
- ``services``: PostgreSQL + Redis from Debian's packages (scripts/start-services.sh).
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Dict, List, Optional

import pytest
import requests
import yaml

sys.path.insert(0, str(Path(__file__).parent))
from fault_proxy import FaultProxy  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
# BEIRAT_TEST_MODEL: run these tests against another trained model.
MODEL = Path(os.environ.get("BEIRAT_TEST_MODEL") or REPO / "models" / "beirat.tar.gz")
REST_CHANNEL = "bot.channels.rest.RateLimitedRestInput"
TECHNICAL_PROBLEM = "Ich habe gerade ein technisches Problem. Bitte versuchen Sie es später noch einmal."
RASA_START_TIMEOUT = 240  # seconds; loading TensorFlow + the model on 2 shared cores is slow


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def require_model() -> Path:
    if not MODEL.is_file():
        pytest.fail(
            f"Das trainierte Modell fehlt: {MODEL}. Bitte zuerst `make train` ausführen "
            "(make test trainiert es automatisch).",
            pytrace=False,
        )
    return MODEL


def base_env(**extra: str) -> Dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p),
            "TF_CPP_MIN_LOG_LEVEL": "2",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
            "LOG_LEVEL": "INFO",
            # The tests must not share a limit with whoever else runs on this machine.
            "BEIRAT_RATE_LIMIT_REDIS_URL": "",
        }
    )
    env.update(extra)
    return env


class Server:
    """A child process with its log in a file, started and stopped by a test."""

    def __init__(
        self, name: str, cmd: List[str], env: Dict[str, str], log: Path, health_url: str, timeout: float = 60, ready_status: int = 200
    ):
        self.name, self.cmd, self.env, self.log, self.health_url, self.timeout = name, cmd, env, log, health_url, timeout
        self.ready_status = ready_status  # what the health URL answers once the server is up
        self.proc: Optional[subprocess.Popen] = None

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT`` of this server."""
        return "/".join(self.health_url.split("/")[:3])

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    def start(self) -> "Server":
        handle = open(self.log, "ab")
        self.proc = subprocess.Popen(
            self.cmd, env=self.env, cwd=REPO, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True
        )
        handle.close()
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} ist beim Start beendet (Code {self.proc.returncode}):\n{self.log_tail()}")
            try:
                status = requests.get(self.health_url, timeout=2).status_code
                if status == self.ready_status:
                    return self
                if status == 503 and "Rasa server is up and running" in self.log_text():
                    # Rasa is up but our REST channel reports no model: loading it failed.
                    self.stop()
                    raise RuntimeError(f"{self.name}: das Modell konnte nicht geladen werden:\n{self.log_tail()}")
            except requests.RequestException:
                pass
            time.sleep(0.5)
        self.stop()
        raise RuntimeError(f"{self.name} antwortet nach {self.timeout} s nicht auf {self.health_url}:\n{self.log_tail()}")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def restart(self) -> "Server":
        self.stop()
        return self.start()

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log_text().splitlines()[-lines:])


def action_server(tmp: Path, database_url: str, name: str = "actions", **env: str) -> Server:
    port = free_port()
    return Server(
        name,
        [str(VENV_BIN / "rasa"), "run", "actions", "--actions", "bot.actions", "-p", str(port)],
        base_env(DATABASE_URL=database_url, **env),
        tmp / f"{name}.log",
        f"http://127.0.0.1:{port}/health",
        timeout=120,
    )


def write_yaml(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def rasa_server(
    tmp: Path,
    name: str,
    action_url: str,
    tracker_store: dict,
    lock_store: Optional[dict] = None,
    port: Optional[int] = None,
    **env: str,
) -> Server:
    """``rasa run`` with the hardened REST channel only; not started yet."""
    port = port or free_port()
    endpoints = {"action_endpoint": {"url": action_url}, "tracker_store": tracker_store}
    if lock_store:
        endpoints["lock_store"] = lock_store
    write_yaml(tmp / f"{name}.endpoints.yml", endpoints)
    write_yaml(tmp / f"{name}.credentials.yml", {REST_CHANNEL: None})
    cmd = [
        str(VENV_BIN / "rasa"), "run",
        "--model", str(require_model()),
        "--endpoints", str(tmp / f"{name}.endpoints.yml"),
        "--credentials", str(tmp / f"{name}.credentials.yml"),
        "--port", str(port),
        "--interface", "127.0.0.1",
    ]  # fmt: skip
    return Server(
        name, cmd, base_env(**env), tmp / f"{name}.log", f"http://127.0.0.1:{port}/webhooks/rest/", RASA_START_TIMEOUT
    )


def say(base_url: str, sender: str, message, timeout: float = 60) -> requests.Response:
    """POSTs one message to the REST webhook; ``message`` may be raw bytes for a broken body."""
    url = f"{base_url}/webhooks/rest/webhook"
    if isinstance(message, bytes):
        return requests.post(url, data=message, headers={"Content-Type": "application/json"}, timeout=timeout)
    return requests.post(url, json={"sender": sender, "message": message}, timeout=timeout)


def texts(response: requests.Response) -> List[str]:
    assert response.status_code == 200, f"HTTP {response.status_code} statt 200: {response.text[:300]}"
    return [m.get("text", "") for m in response.json() if m.get("text")]


# --- fixtures -------------------------------------------------------------------


@pytest.fixture(scope="module")
def channel_app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("channel_app")
    port = free_port()
    server = Server(
        "channel_app",
        [sys.executable, str(Path(__file__).parent / "channel_app.py"), str(port)],
        base_env(BEIRAT_ANSWER_TIMEOUT="1", BEIRAT_RATE_LIMIT="5"),
        tmp / "channel_app.log",
        f"http://127.0.0.1:{port}/webhooks/rest/",
    ).start()
    yield server
    server.stop()


def ingest(database_url: str, log: Path) -> None:
    result = subprocess.run(
        [str(VENV_BIN / "beirat"), "ingest", str(REPO / "knowledge" / "protocols")],
        env=base_env(DATABASE_URL=database_url), cwd=REPO, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    log.write_text(result.stdout + result.stderr, encoding="utf-8")
    if result.returncode != 0:
        raise RuntimeError(f"beirat ingest ist fehlgeschlagen:\n{result.stdout}\n{result.stderr}")


@pytest.fixture(scope="session")
def decisions_db(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("decisions")
    path = tmp / "decisions.sqlite"
    ingest(f"sqlite:///{path}", tmp / "ingest.log")
    return path


@pytest.fixture(scope="session")
def ops_tmp(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("ops")


@pytest.fixture(scope="session")
def actions(ops_tmp, decisions_db):
    server = action_server(ops_tmp, f"sqlite:///{decisions_db}").start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def fault_proxy(actions):
    proxy = FaultProxy(upstream_port=actions.port, port=free_port()).start()
    yield proxy
    proxy.stop()


@pytest.fixture(scope="session")
def rasa(ops_tmp, fault_proxy):
    """One Rasa server for the single-server ops tests (rate limit 20/min, answer timeout 4 s)."""
    server = rasa_server(
        ops_tmp,
        "rasa",
        fault_proxy.url,
        {"type": "SQL", "dialect": "sqlite", "db": str(ops_tmp / "tracker.db")},
        BEIRAT_RATE_LIMIT="20",
        BEIRAT_ANSWER_TIMEOUT="4",
    )
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def services():
    """PostgreSQL + Redis on free loopback ports; fails clearly when not installed."""
    # Not under pytest's tmp dir: that is 0700 root, and PostgreSQL runs as 'postgres'.
    tmp = Path(tempfile.mkdtemp(prefix="beirat-services-"))
    script = REPO / "scripts" / "start-services.sh"
    result = subprocess.run([str(script), "start", str(tmp)], capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        pytest.fail(f"PostgreSQL/Redis konnten nicht starten:\n{result.stderr}", pytrace=False)
    values = dict(line.split("=", 1) for line in (tmp / "services.env").read_text().split())
    values["dir"] = str(tmp)
    yield values
    subprocess.run([str(script), "stop", str(tmp)], capture_output=True, timeout=60)
    shutil.rmtree(tmp, ignore_errors=True)
