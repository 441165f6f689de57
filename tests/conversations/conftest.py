"""One set of real servers for the whole conversation suite (tests/conversations/*.yml).

A decisions database built from knowledge/protocols by ``beirat ingest``, the action
server on it, and ``rasa run`` with the trained model (BEIRAT_TEST_MODEL, else
models/beirat.tar.gz) behind the hardened REST channel. Started once per module,
stopped after it, through the shared harness ``bot.devtools.servers``.

For quick work on the YAML files, BEIRAT_TEST_BOT_URL (a running bot's base URL) and
BEIRAT_TEST_BOT_DB (the SQLite database its action server reads) skip the start.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml

from bot.devtools.servers import (
    VENV_BIN,
    Server,
    actions_command,
    free_port,
    rasa_command,
    rasa_start_failed,
    server_env,
)

REPO = Path(__file__).resolve().parents[2]
MODEL = Path(os.environ.get("BEIRAT_TEST_MODEL") or REPO / "models" / "beirat.tar.gz")
REST_CHANNEL = "bot.channels.rest.RateLimitedRestInput"
RASA_START_TIMEOUT = 240  # seconds; TensorFlow + the model on 2 shared cores is slow


def _env(**extra: str) -> dict[str, str]:
    # No rate limit: one test address sends hundreds of messages in a few minutes.
    defaults = {
        "LOG_LEVEL": "INFO",
        "BEIRAT_RATE_LIMIT_REDIS_URL": "",
        "BEIRAT_RATE_LIMIT": "0",
        "BEIRAT_RATE_LIMIT_PER_ADDRESS": "0",
    }
    return server_env(**{**defaults, **extra})


def _write_yaml(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def conversation_db(tmp_path_factory) -> Path:
    if os.environ.get("BEIRAT_TEST_BOT_DB"):
        return Path(os.environ["BEIRAT_TEST_BOT_DB"])
    tmp = tmp_path_factory.mktemp("conversation-db")
    path = tmp / "decisions.sqlite"
    result = subprocess.run(
        [str(VENV_BIN / "beirat"), "ingest", str(REPO / "knowledge" / "protocols")],
        env=_env(DATABASE_URL=f"sqlite:///{path}"), cwd=REPO, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    if result.returncode != 0:
        pytest.fail(f"beirat ingest ist fehlgeschlagen:\n{result.stdout}\n{result.stderr}", pytrace=False)
    return path


@pytest.fixture(scope="module")
def bot(tmp_path_factory, conversation_db):
    """The REST base URL of a Rasa server with the real actions and the ingested database."""
    if os.environ.get("BEIRAT_TEST_BOT_URL"):
        yield os.environ["BEIRAT_TEST_BOT_URL"].rstrip("/")
        return
    if not MODEL.is_file():
        pytest.fail(f"Das trainierte Modell fehlt: {MODEL}. Bitte zuerst `make train` ausführen.", pytrace=False)
    tmp = tmp_path_factory.mktemp("conversation-servers")
    database_url = f"sqlite:///{conversation_db}"
    action_port, rasa_port = free_port(), free_port()
    actions = Server(
        "conversation-actions", actions_command(action_port), _env(DATABASE_URL=database_url),
        tmp / "actions.log", f"http://127.0.0.1:{action_port}/health", timeout=120,
    )  # fmt: skip
    endpoints = _write_yaml(
        tmp / "endpoints.yml",
        {
            "action_endpoint": {"url": f"http://127.0.0.1:{action_port}/webhook"},
            "tracker_store": {"type": "SQL", "dialect": "sqlite", "db": str(tmp / "tracker.db")},
        },
    )
    credentials = _write_yaml(tmp / "credentials.yml", {REST_CHANNEL: None})
    rasa = Server(
        "conversation-rasa", rasa_command(MODEL, rasa_port, endpoints, credentials),
        _env(BEIRAT_ANSWER_TIMEOUT="30", DATABASE_URL=database_url), tmp / "rasa.log",
        f"http://127.0.0.1:{rasa_port}/webhooks/rest/", RASA_START_TIMEOUT, failed=rasa_start_failed,
    )  # fmt: skip
    actions.start()
    try:
        rasa.start()
        try:
            yield rasa.url
        finally:
            rasa.stop()
    finally:
        actions.stop()
