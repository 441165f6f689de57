"""Telegram button payloads over 64 bytes live in a shared SQL table: a button made by
one process is understood by another (the other server behind nginx, or the same
server after a restart), with SQLite and with PostgreSQL (the tracker store's server)."""
from __future__ import annotations

import subprocess
import sys

import pytest
import sqlalchemy as sa

from bot.devtools.servers import free_port
from conftest import REPO, base_env

PAYLOAD = '/ask_grant_purpose{"organisation": "Förderverein der Integrierten Gesamtschule Linden e.V."}'
SCRIPT = """
import sys
from bot.channels.telegram.keyboard import build_keyboard, resolve_callback
if sys.argv[1] == "press":
    print(resolve_callback(sys.argv[2], None))
else:
    markup = build_keyboard([{"title": "Wofür?", "payload": sys.argv[2]}], None)
    print(markup.inline_keyboard[0][0].callback_data)
"""


def in_process(url: str, *args: str) -> str:
    """One separate Python process (a server, or a server after its restart)."""
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args], env=base_env(BEIRAT_BUTTON_STORE_URL=url, LOG_LEVEL="WARNING"),
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.strip().splitlines()[-1]


def check_round_trip(url: str) -> None:
    key = in_process(url, "make", PAYLOAD)
    assert key.startswith("~") and len(key.encode()) <= 64, f"not a short key: {key!r}"
    assert in_process(url, "press", key) == PAYLOAD, "the other process did not know the button"
    assert in_process(url, "press", "~" + "0" * 24) == "None", "an unknown key must stay unknown"


def test_button_made_by_one_process_works_in_another_sqlite(tmp_path):
    check_round_trip(f"sqlite:///{tmp_path / 'buttons.sqlite'}")


@pytest.mark.postgres
def test_button_made_by_one_process_works_in_another_postgresql(services):
    pg = f"postgresql://postgres@{services['POSTGRES_HOST']}:{services['POSTGRES_PORT']}"
    engine = sa.create_engine(f"{pg}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sa.text("DROP DATABASE IF EXISTS beirat_buttons"))
        connection.execute(sa.text("CREATE DATABASE beirat_buttons"))
    engine.dispose()
    check_round_trip(f"{pg}/beirat_buttons")


def test_database_down_keeps_the_buttons_of_this_process():
    from bot.channels.telegram.payloads import SharedPayloadStore

    store = SharedPayloadStore(f"postgresql://postgres@127.0.0.1:{free_port()}/nichts")
    key = store.key_for(PAYLOAD)
    assert store.payload_for(key) == PAYLOAD
    assert SharedPayloadStore(store.url).payload_for(key) is None  # another process: unknown, no crash
