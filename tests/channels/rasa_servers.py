"""Start the real action server and Rasa server on free ports, for the `rasa` tests.

These tests need the trained model and the decisions database. When either is
missing they fail with a message that says what to run; they never skip silently.
"""
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

import pytest

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
# BEIRAT_MODEL points the tests at another model file (e.g. an experiment).
MODEL = Path(os.environ.get("BEIRAT_MODEL") or REPO / "models" / "beirat.tar.gz")
START_TIMEOUT = float(os.environ.get("BEIRAT_TEST_START_TIMEOUT", "420"))  # 2 shared cores


def database_url() -> str:
    return os.environ.get("DATABASE_URL") or f"sqlite:///{REPO / 'var' / 'decisions.sqlite'}"


def require_trained_bot() -> None:
    """Fail (never skip) with what to run when model or database is missing."""
    if not MODEL.is_file():
        pytest.fail(f"model {MODEL} is missing: run `make train` before the `rasa` tests.")
    url = database_url()
    if url.startswith("sqlite:///") and not Path(url[len("sqlite:///"):]).is_file():
        pytest.fail(f"database {url} is missing: run `make db` before the `rasa` tests.")


def process_env(**extra: str) -> Dict[str, str]:
    env = dict(os.environ)
    env.update(
        TF_CPP_MIN_LOG_LEVEL="2",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        RASA_TELEMETRY_ENABLED="false",
        PYTHONWARNINGS="ignore::DeprecationWarning",
        DATABASE_URL=database_url(),
        PATH=f"{BIN}{os.pathsep}{env.get('PATH', '')}",
    )
    env.update(extra)
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def log_tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


class Server:
    """A process started by a test, with its log; stopped by ``stop``."""

    def __init__(self, args: List[str], log: Path, env: Dict[str, str]) -> None:
        self.log = log
        self._log_file = open(log, "wb")
        # Own session: stop() signals exactly this process group, nothing else.
        self.process = subprocess.Popen(
            args, cwd=REPO, env=env, stdout=self._log_file, stderr=subprocess.STDOUT, start_new_session=True
        )

    def wait_ok(self, url: str, timeout: float = START_TIMEOUT) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"server exited with {self.process.returncode} before {url} answered:\n{log_tail(self.log)}")
            try:
                with urllib.request.urlopen(url, timeout=5) as resp:
                    if resp.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(1)
        pytest.fail(f"{url} did not answer within {timeout:.0f} s:\n{log_tail(self.log)}")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=10)
        self._log_file.close()


def start_action_server(port: int, log: Path) -> Server:
    server = Server([str(BIN / "rasa"), "run", "actions", "--actions", "bot.actions", "-p", str(port)], log, process_env())
    return server


def start_rasa(port: int, endpoints: Path, log: Path, env: Dict[str, str], credentials: Optional[Path] = None) -> Server:
    args = [
        str(BIN / "rasa"), "run", "--model", str(MODEL), "--endpoints", str(endpoints),
        "--credentials", str(credentials or REPO / "credentials.yml"),
        "--interface", "127.0.0.1", "--port", str(port),
    ]
    return Server(args, log, env)


def write_endpoints(path: Path, action_port: int) -> Path:
    path.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n', encoding="utf-8")
    return path
