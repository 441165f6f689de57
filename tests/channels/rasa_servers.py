"""The real action server and Rasa server on free ports, for the `rasa` tests.

These tests need the trained model and the decisions database. When either is
missing they fail with a message that says what to run; they never skip silently.
Processes are started, polled and stopped by the shared harness ``bot.devtools.servers``.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.devtools.servers import Server, actions_command, free_port, rasa_command, rasa_start_failed, server_env

REPO = Path(__file__).resolve().parents[2]
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


def process_env(**extra: str) -> dict[str, str]:
    """The shared server environment with the decisions database; no deprecation noise."""
    defaults = {"PYTHONWARNINGS": "ignore::DeprecationWarning", "DATABASE_URL": database_url()}
    return server_env(**{**defaults, **extra})


def action_server(log: Path, port: int | None = None) -> Server:
    """``rasa run actions`` on the decisions database; not started yet."""
    port = port or free_port()
    return Server(
        "action server", actions_command(port), process_env(), log, f"http://127.0.0.1:{port}/health", START_TIMEOUT
    )


def rasa_server(
    log: Path,
    env: dict[str, str],
    endpoints: Path,
    credentials: Path | None = None,
    port: int | None = None,
    health_path: str = "/webhooks/rest/",
) -> Server:
    """``rasa run`` with the model and credentials.yml (by default); ready when ``health_path`` says 200."""
    port = port or free_port()
    return Server(
        "Rasa server",
        rasa_command(MODEL, port, endpoints, credentials or REPO / "credentials.yml"),
        env,
        log,
        f"http://127.0.0.1:{port}{health_path}",
        START_TIMEOUT,
        failed=rasa_start_failed,
    )


def write_endpoints(path: Path, action_port: int) -> Path:
    path.write_text(f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n', encoding="utf-8")
    return path
