"""The bot's servers for a benchmark: free ports, logs in bench/tmp.

Starting, health polling and stopping come from the shared harness
``bot.devtools.servers``; this module adds the benchmark's environment, its two
kinds of server and the memory reading.
"""
from __future__ import annotations

import math
from pathlib import Path

import yaml

from bot.devtools.servers import (
    REPO,
    VENV_BIN,
    Server,
    actions_command,
    free_port,
    rasa_command,
    rasa_start_failed,
    server_env,
)

__all__ = ["BIN", "REPO", "TMP", "Server", "action_server", "bench_env", "free_port", "rasa_server", "rss_mib", "vmrss_kib"]

TMP = REPO / "bench" / "tmp"
BIN = VENV_BIN
START_TIMEOUT = 300  # seconds
POLL_INTERVAL = 0.25  # cold start is measured to the poll that saw the server ready


def bench_env(**extra: str) -> dict[str, str]:
    defaults = {
        "LOG_LEVEL": "INFO",
        "BEIRAT_RATE_LIMIT": "0",  # the load generator is one client sending fast on purpose
        "BEIRAT_RATE_LIMIT_REDIS_URL": "",
    }
    return server_env(**{**defaults, **extra})


def _fresh_log(name: str) -> Path:
    """bench/tmp/NAME.log, emptied: each benchmark run starts its servers with a new log."""
    TMP.mkdir(parents=True, exist_ok=True)
    log = TMP / f"{name}.log"
    log.write_bytes(b"")
    return log


def vmrss_kib(pid: int) -> int | None:
    """Resident memory of one process (VmRSS), in KiB; None when it is gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def rss_mib(server: Server) -> float:
    """Resident memory of the server process (VmRSS), in MiB."""
    kib = None if server.pid is None else vmrss_kib(server.pid)
    return math.nan if kib is None else round(kib / 1024, 1)


def action_server(database_url: str, name: str = "bench-actions", **env: str) -> Server:
    """Not started yet; ``start().startup_s`` is the cold start."""
    port = free_port()
    return Server(
        name,
        actions_command(port),
        bench_env(DATABASE_URL=database_url, **env),
        _fresh_log(name),
        f"http://127.0.0.1:{port}/health",
        START_TIMEOUT,
        poll_interval=POLL_INTERVAL,
    )


def rasa_server(model: Path, name: str, endpoints: dict, credentials: dict, cwd: Path = REPO, **env: str) -> Server:
    """``rasa run`` with these endpoints and credentials; not started yet."""
    log = _fresh_log(name)
    endpoints_file, credentials_file = TMP / f"{name}.endpoints.yml", TMP / f"{name}.credentials.yml"
    endpoints_file.write_text(yaml.safe_dump(endpoints))
    credentials_file.write_text(yaml.safe_dump(credentials))
    port = free_port()
    return Server(
        name,
        rasa_command(model, port, endpoints_file, credentials_file),
        bench_env(**env),
        log,
        f"http://127.0.0.1:{port}/webhooks/rest/",
        START_TIMEOUT,
        failed=rasa_start_failed,
        cwd=cwd,
        poll_interval=POLL_INTERVAL,
    )
