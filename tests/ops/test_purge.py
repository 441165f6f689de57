"""``beirat purge-conversations``: old events go, new ones stay, bad input deletes nothing."""
from __future__ import annotations

import asyncio
import subprocess
import time
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.privacy import PurgeError, parse_duration, purge_events, run_purge, tracker_url_from_endpoints
from conftest import REPO, VENV_BIN, write_yaml

DAY = 24 * 3600
NOW = time.time()


def save_conversation(store: SQLTrackerStore, sender: str, age_days: float, turns: int = 2) -> None:
    tracker = DialogueStateTracker(sender, slots=[])
    for turn in range(turns):
        stamp = NOW - age_days * DAY + turn
        tracker.update(UserUttered(f"frage {turn}", timestamp=stamp))
        tracker.update(BotUttered(f"antwort {turn}", timestamp=stamp + 0.5))
    asyncio.run(store.save(tracker))


def count_events(url: str) -> dict:
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT sender_id, count(*) FROM events GROUP BY sender_id")).all()
    engine.dispose()
    return dict(rows)


@pytest.fixture
def tracker_db(tmp_path) -> str:
    """Rasa's own SQL tracker store (SQLite) with one old and one recent conversation."""
    path = tmp_path / "tracker.db"
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))
    save_conversation(store, "alt", age_days=45)
    save_conversation(store, "neu", age_days=2)
    store.engine.dispose()
    return f"sqlite:///{path}"


def test_purge_deletes_only_events_older_than_the_cutoff(tracker_db, capsys):
    before = count_events(tracker_db)
    assert before == {"alt": 4, "neu": 4}, f"fixture: {before}"
    assert run_purge("30d", tracker_db) == 0
    assert count_events(tracker_db) == {"neu": 4}, "the 45-day-old events must be gone, the 2-day-old ones kept"
    assert "4 Ereignisse gelöscht" in capsys.readouterr().out


def test_purge_twice_deletes_nothing_the_second_time(tracker_db):
    assert purge_events(tracker_db, timedelta(days=30)) == 4
    assert purge_events(tracker_db, timedelta(days=30)) == 0


def test_recent_conversation_still_loads_after_purge(tracker_db):
    purge_events(tracker_db, timedelta(days=30))
    store = SQLTrackerStore(Domain.empty(), host=tracker_db)
    tracker = asyncio.run(store.retrieve("neu"))
    assert tracker is not None and [e.text for e in tracker.events if isinstance(e, UserUttered)] == ["frage 0", "frage 1"]
    assert asyncio.run(store.retrieve("alt")) is None, "the purged conversation must be gone"
    store.engine.dispose()


@pytest.mark.parametrize("bad", ["", "30", "dreißig Tage", "0d", "-5d", "30y", "1d; DROP TABLE events"])
def test_bad_duration_is_refused_and_nothing_deleted(tracker_db, bad, capsys):
    assert run_purge(bad, tracker_db) == 2, f"{bad!r} must be refused"
    assert "Ungültige Dauer" in capsys.readouterr().err
    assert count_events(tracker_db) == {"alt": 4, "neu": 4}


@pytest.mark.parametrize("text, expected", [("30d", timedelta(days=30)), ("12h", timedelta(hours=12)), ("2w", timedelta(weeks=2)), (" 90M ", timedelta(minutes=90))])
def test_durations(text, expected):
    assert parse_duration(text) == expected


def test_missing_sqlite_file_is_an_error_and_no_file_is_created(tmp_path, capsys):
    missing = tmp_path / "nicht-da.db"
    assert run_purge("30d", f"sqlite:///{missing}") == 2
    assert not missing.exists(), "purge must not create an empty database at a mistyped path"
    assert "gibt es nicht" in capsys.readouterr().err


def test_database_without_events_table_is_an_error(tmp_path):
    path = tmp_path / "other.db"
    sa.create_engine(f"sqlite:///{path}").connect().close()
    with pytest.raises(PurgeError, match="events"):
        purge_events(f"sqlite:///{path}", timedelta(days=1))


def test_tracker_url_comes_from_the_endpoints_file(tmp_path, monkeypatch):
    endpoints = write_yaml(tmp_path / "endpoints.yml", {"tracker_store": {"type": "SQL", "dialect": "sqlite", "db": "var/tracker.db"}})
    monkeypatch.setenv("ENDPOINTS_FILE", str(endpoints))
    assert tracker_url_from_endpoints() == "sqlite:///var/tracker.db"


def test_postgres_tracker_url_with_environment_variables(tmp_path, monkeypatch):
    endpoints = write_yaml(
        tmp_path / "endpoints.yml",
        {"tracker_store": {"type": "SQL", "dialect": "postgresql", "url": "${PGHOST_TEST}", "port": 5433, "db": "rasa", "username": "rasa", "password": "geheim"}},
    )
    monkeypatch.setenv("PGHOST_TEST", "127.0.0.1")
    assert tracker_url_from_endpoints(str(endpoints)) == "postgresql://rasa:geheim@127.0.0.1:5433/rasa"


def test_project_endpoints_file_has_an_sql_tracker_store():
    url = tracker_url_from_endpoints(str(REPO / "endpoints.yml"))
    assert url.startswith("sqlite:///"), f"endpoints.yml should keep conversations in SQLite by default, got {url}"


def test_endpoints_without_sql_tracker_store_is_an_error(tmp_path):
    endpoints = write_yaml(tmp_path / "endpoints.yml", {"action_endpoint": {"url": "http://localhost:5055/webhook"}})
    with pytest.raises(PurgeError, match="SQL-Tracker-Store"):
        tracker_url_from_endpoints(str(endpoints))


def test_purge_on_postgresql(services):
    url = f"postgresql://{services['POSTGRES_USER']}@{services['POSTGRES_HOST']}:{services['POSTGRES_PORT']}/postgres"
    store = SQLTrackerStore(Domain.empty(), host=url)
    save_conversation(store, "pg-alt", age_days=40)
    save_conversation(store, "pg-neu", age_days=1)
    store.engine.dispose()
    assert purge_events(url, timedelta(days=30)) == 4
    remaining = count_events(url)
    assert "pg-alt" not in remaining and remaining.get("pg-neu") == 4, remaining


def test_cli_command(tracker_db):
    result = subprocess.run(
        [str(VENV_BIN / "beirat"), "purge-conversations", "--older-than", "30d", "--tracker-url", tracker_db],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "4 Ereignisse gelöscht" in result.stdout
    assert count_events(tracker_db) == {"neu": 4}
