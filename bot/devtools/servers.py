"""Start and stop server processes for tests and benchmarks: the one harness.

Used by ``tests/ops/conftest.py``, ``tests/channels/rasa_servers.py``,
``tests/web/test_widget_real_bot.py`` and ``bench/servers.py``. It lives in the
``bot`` package (``bot.devtools.servers``) so that pytest, ``python -m bench`` and
``.venv/bin/pytest`` all import it the same way; it needs only the standard library
and never imports pytest: a start that fails raises :class:`ServerError` with the tail
of the server's log in its message.

A :class:`Server` is a command run in its own process group (own session), with
stdout and stderr in a log file, on a port from :func:`free_port`. ``start()`` waits
until its health URL answers as expected, ``stop()`` ends the whole group: SIGTERM,
then SIGKILL when it does not end in time.

    server = Server("actions", actions_command(port), server_env(), tmp / "actions.log",
                    f"http://127.0.0.1:{port}/health").start()
    try:
        ...
    finally:
        server.stop()
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from types import TracebackType

# The checkout this package runs from (the project installs itself editable: make install).
REPO = Path(__file__).resolve().parents[2]
# rasa, beirat, ... of the virtual environment that runs this code.
VENV_BIN = Path(sys.executable).parent

RASA_UP = "Rasa server is up and running"
RASA_MODEL_FAILED = "Could not load model"


class ServerError(RuntimeError):
    """A server did not start: it ended, reported a fatal error or did not answer in time."""


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that was free a moment ago on ``host``."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        port: int = sock.getsockname()[1]
        return port


def log_tail(path: Path, lines: int = 40) -> str:
    """The last ``lines`` lines of a log file, or a note that there is none."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return f"(kein Log: {path})"
    return "\n".join(text.splitlines()[-lines:])


def server_env(**extra: str) -> dict[str, str]:
    """This process's environment for a server: the repository importable, the venv's
    tools first on PATH, no telemetry, quiet TensorFlow and SQLAlchemy; then ``extra``."""
    env = dict(os.environ)
    env.update(
        PYTHONPATH=os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH", "")) if p),
        PATH=os.pathsep.join(p for p in (str(VENV_BIN), os.environ.get("PATH", "")) if p),
        TF_CPP_MIN_LOG_LEVEL="2",
        SQLALCHEMY_SILENCE_UBER_WARNING="1",
        RASA_TELEMETRY_ENABLED="false",
    )
    env.update(extra)
    return env


def actions_command(port: int) -> list[str]:
    """``rasa run actions`` with the bot's actions on ``port`` (health: ``/health``)."""
    return [str(VENV_BIN / "rasa"), "run", "actions", "--actions", "bot.actions", "-p", str(port)]


def rasa_command(model: Path, port: int, endpoints: Path, credentials: Path, *extra: str) -> list[str]:
    """``rasa run`` with a model on 127.0.0.1:``port``; ``extra`` e.g. ``--enable-api``."""
    return [
        str(VENV_BIN / "rasa"), "run",
        "--model", str(model),
        "--endpoints", str(endpoints),
        "--credentials", str(credentials),
        "--interface", "127.0.0.1",
        "--port", str(port),
        *extra,
    ]  # fmt: skip


def rasa_start_failed(status: int | None, log: str) -> str | None:
    """Why a starting ``rasa run`` will never be ready, or None.

    Rasa keeps running when the model fails to load: its log says so, and our REST
    channel's health check answers 503 after Rasa reports that it is up.
    """
    if RASA_MODEL_FAILED in log or (status == 503 and RASA_UP in log):
        return "das Modell konnte nicht geladen werden"
    return None


def _probe(url: str, timeout: float) -> tuple[int | None, bytes]:
    """Status and body of a GET, or (None, b"") when nothing answered."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read() if error.fp is not None else b""
    except (OSError, ValueError):  # URLError, refused, reset, timeout; ValueError: bad URL
        return None, b""


class Server:
    """A server process, its log file and its health URL; ``start`` waits until it is ready.

    ``ready_status``: the status the health URL answers once the server is up.
    ``ready_body``: optional extra check of the body of that answer.
    ``failed``: called with the last status (None: no answer) and the log while waiting;
    a reason returned means the server will never get ready (e.g. :func:`rasa_start_failed`).
    ``cmd`` is a list that may be changed before ``start``. The log is appended to, so
    a restart keeps the earlier output.
    """

    def __init__(
        self,
        name: str,
        cmd: Sequence[str],
        env: Mapping[str, str] | None,
        log: Path,
        health_url: str,
        timeout: float = 60,
        ready_status: int = 200,
        *,
        ready_body: Callable[[bytes], bool] | None = None,
        failed: Callable[[int | None, str], str | None] | None = None,
        cwd: Path = REPO,
        poll_interval: float = 0.5,
        probe_timeout: float = 2.0,
        stop_timeout: float = 20.0,
    ) -> None:
        self.name, self.cmd, self.log, self.health_url = name, list(cmd), log, health_url
        self.env = dict(os.environ if env is None else env)
        self.timeout, self.ready_status, self.ready_body, self.failed = timeout, ready_status, ready_body, failed
        self.cwd, self.poll_interval, self.probe_timeout, self.stop_timeout = (
            cwd,
            poll_interval,
            probe_timeout,
            stop_timeout,
        )
        self.proc: subprocess.Popen[bytes] | None = None
        self.startup_s: float | None = None  # seconds from launch until the server was ready

    def __repr__(self) -> str:
        return f"Server({self.name!r}, {self.health_url!r})"

    @property
    def url(self) -> str:
        """``http://HOST:PORT`` of the health URL."""
        return "/".join(self.health_url.split("/")[:3])

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    @property
    def pid(self) -> int | None:
        return None if self.proc is None else self.proc.pid

    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def launch(self) -> Server:
        """Start the process in its own session (process group) without waiting for it."""
        if self.running():
            raise ServerError(f"{self.name} läuft schon (PID {self.pid})")
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log, "ab") as handle:  # the child keeps its own copy of the descriptor
            self.proc = subprocess.Popen(
                self.cmd, cwd=self.cwd, env=self.env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True
            )
        return self

    def start(self, timeout: float | None = None) -> Server:
        """Launch and wait until ready (sets ``startup_s``); on failure stop and raise ServerError."""
        started = time.monotonic()
        self.launch()
        self.wait_ready(timeout, started=started)
        self.startup_s = time.monotonic() - started
        return self

    def wait_ready(self, timeout: float | None = None, *, started: float | None = None) -> None:
        """Poll the health URL until it answers as expected; stop the server and raise when it cannot."""
        limit = self.timeout if timeout is None else timeout
        deadline = (time.monotonic() if started is None else started) + limit
        while True:
            if self.proc is None or self.proc.poll() is not None:
                code = None if self.proc is None else self.proc.returncode
                raise ServerError(f"{self.name} ist beim Start beendet (Code {code}):\n{self.log_tail()}")
            status, body = _probe(self.health_url, self.probe_timeout)
            if status == self.ready_status and (self.ready_body is None or self.ready_body(body)):
                return
            reason = self.failed(status, self.log_text()) if self.failed else None
            if reason:
                self.stop()
                raise ServerError(f"{self.name}: {reason}:\n{self.log_tail()}")
            if time.monotonic() >= deadline:
                self.stop()
                raise ServerError(
                    f"{self.name} antwortet nach {limit:.0f} s nicht wie erwartet auf {self.health_url} "
                    f"(zuletzt: {status or 'keine Antwort'}):\n{self.log_tail()}"
                )
            time.sleep(self.poll_interval)

    def stop(self) -> None:
        """End the process group: SIGTERM, after ``stop_timeout`` s SIGKILL. Idempotent."""
        proc = self.proc
        if proc is None or proc.poll() is not None:
            # Never started, or ended and reaped earlier: its group id may belong to others by now.
            return
        self._signal_group(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=self.stop_timeout)
        except subprocess.TimeoutExpired:
            self._signal_group(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
            return
        # The leader ended; children it left behind in its group get no second chance.
        self._signal_group(proc.pid, signal.SIGKILL)

    @staticmethod
    def _signal_group(pgid: int, sig: signal.Signals) -> None:
        with contextlib.suppress(ProcessLookupError):  # the group is gone already
            os.killpg(pgid, sig)

    def restart(self) -> Server:
        self.stop()
        return self.start()

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""

    def log_tail(self, lines: int = 40) -> str:
        return log_tail(self.log, lines)

    def __enter__(self) -> Server:
        return self.start() if not self.running() else self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.stop()
