"""The caching SQL tracker store (bot/trackerstore.py) gives what Rasa's SQLTrackerStore gives.

Every check compares with Rasa's own store reading the same database: after each
message, the tracker ours returns (from its cache, caught up, or read) has the same
events, event for event, and the same state. Conversations are the benchmark's
(bench/trackerstore.py: the events our bot stores for the 11 benchmark messages).
SQLite always; PostgreSQL too (``postgres`` mark; tests/conftest.py starts it).
"""

from __future__ import annotations

import asyncio
import re
import sqlite3
import time
import uuid
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, SessionStarted, SlotSet, UserUttered

from bench.trackerstore import domain, message, session_start_events, turn_events
from bot.trackerstore import CachingSQLTrackerStore

DOMAIN = domain()
REPO = Path(__file__).resolve().parents[2]


def run(coroutine):
    return asyncio.run(coroutine)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def tracker_url(request, tmp_path):
    """An empty tracker database: a SQLite file or a new PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'tracker.db'}"
        return
    server = request.getfixturevalue("postgres_server")
    name = "tracker_" + uuid.uuid4().hex[:10]
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield server.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as connection:
        connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def stores(tracker_url):
    """Opens stores on the database; ``stores("rasa")`` is Rasa's own."""
    opened = []

    def open_store(kind: str = "caching", **options):
        cls = SQLTrackerStore if kind == "rasa" else CachingSQLTrackerStore
        store = cls(DOMAIN, host=tracker_url, **options)
        opened.append(store)
        return store

    yield open_store
    for store in opened:
        store.engine.dispose()


def as_rasa_reads_it(rasa: SQLTrackerStore, sender: str):
    return run(rasa.retrieve(sender))


def assert_same(ours, rasa_tracker, where: str) -> None:
    assert rasa_tracker is not None and ours is not None, where
    assert [e.as_dict() for e in ours.events] == [e.as_dict() for e in rasa_tracker.events], where
    assert ours.current_state() == rasa_tracker.current_state(), where
    assert ours.applied_events() == rasa_tracker.applied_events(), where


def test_sqlite_connections_use_wal_normal_sync_and_a_busy_timeout(tmp_path):
    store = CachingSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "t.db"))
    with store.engine.connect() as connection:
        pragma = lambda name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
        assert (pragma("journal_mode"), pragma("synchronous"), pragma("busy_timeout")) == ("wal", 1, 15000)
    store.engine.dispose()
    # WAL is kept in the file: Rasa's own store and `beirat purge-conversations` open it so too.
    assert sqlite3.connect(tmp_path / "t.db").execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_conversation_reads_as_rasa_reads_it_and_stores_rasas_rows(stores, tmp_path):
    """Ours and Rasa's store get the same events; both databases then hold the same rows."""
    ours, rasa = stores(), stores("rasa")
    baseline = SQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "baseline.db"))
    for turn in range(11):
        tracker = run(ours.get_or_create_tracker("c", append_action_listen=False))
        reference = run(baseline.get_or_create_tracker("c", append_action_listen=False))
        if turn:
            assert_same(tracker, as_rasa_reads_it(rasa, "c"), f"turn {turn}")
        new = (session_start_events() if not tracker.events else []) + turn_events(turn)
        for event in new:  # the same event objects: same timestamps
            tracker.update(event, DOMAIN)
            reference.update(event, DOMAIN)
        run(ours.save(tracker))
        run(ours.save(tracker))  # twice: the second must store nothing again
        run(baseline.save(reference))
    assert ours.stats["hits"] >= 9, ours.stats  # the cache was used, not only Rasa's read
    columns = "type_name, timestamp, intent_name, action_name, data"
    query = f"SELECT {columns} FROM events WHERE sender_id = 'c' ORDER BY id"
    with ours.engine.connect() as connection:
        stored = [tuple(row) for row in connection.exec_driver_sql(query)]
    with baseline.engine.connect() as connection:
        expected = [tuple(row) for row in connection.exec_driver_sql(query)]
    baseline.engine.dispose()
    assert len(stored) == 87 and stored == expected


def test_two_processes_alternating_on_one_conversation_never_see_stale_state(stores):
    first, second, rasa = stores(), stores(), stores("rasa")
    for turn in range(11):
        run(message([first, second], "both", turn, 1, DOMAIN))  # even turns: first, odd: second
        for name, store in (("first", first), ("second", second)):
            assert_same(run(store.retrieve("both")), as_rasa_reads_it(rasa, "both"), f"{name} after turn {turn}")
    assert first.stats["caught_up"] and second.stats["caught_up"], (first.stats, second.stats)


def delete_first_user_message(url: str) -> None:
    engine = sa.create_engine(url)
    with engine.begin() as connection:
        connection.execute(
            sa.text("DELETE FROM events WHERE id = (SELECT min(id) FROM events WHERE type_name = 'user')")
        )
    engine.dispose()


def test_events_deleted_elsewhere_are_not_served_from_the_cache(stores, tracker_url):
    ours, other, rasa = stores(), stores(), stores("rasa")
    for turn in range(3):
        run(message([ours], "purged", turn, 1, DOMAIN))
    run(ours.retrieve("purged"))
    delete_first_user_message(tracker_url)
    assert_same(run(ours.retrieve("purged")), as_rasa_reads_it(rasa, "purged"), "after a delete")
    delete_first_user_message(tracker_url)  # a delete, then another process adds a message
    run(message([other], "purged", 3, 1, DOMAIN))
    assert_same(run(ours.retrieve("purged")), as_rasa_reads_it(rasa, "purged"), "after a delete and an insert")


def test_a_handler_that_fails_before_saving_leaks_nothing(stores):
    ours, rasa = stores(), stores("rasa")
    for turn in range(3):
        run(message([ours], "crash", turn, 1, DOMAIN))
    tracker = run(ours.retrieve("crash"))
    stored = len(tracker.events)
    for event in turn_events(3):  # the message is handled, then the handler fails: no save
        tracker.update(event, DOMAIN)
    fresh = run(ours.retrieve("crash"))
    assert fresh is not tracker and len(fresh.events) == stored
    assert_same(fresh, as_rasa_reads_it(rasa, "crash"), "after the failed handler")
    run(message([ours], "crash", 4, 1, DOMAIN))  # the next message goes on from the stored state
    after = as_rasa_reads_it(rasa, "crash")
    assert len(after.events) == stored + len(turn_events(4))
    assert not any(e.as_dict().get("text") == turn_events(3)[0].text for e in after.events)


def test_a_new_session_is_read_as_rasa_reads_it(stores):
    """Session expiry: Rasa's processor adds action_session_start, SessionStarted (with the
    slots carried over) and action_listen to the tracker; from then on only the new
    session is read."""
    ours, other, rasa = stores(), stores(), stores("rasa")
    for turn in range(4):
        run(message([ours], "expired", turn, 1, DOMAIN))
    tracker = run(ours.retrieve("expired"))
    time.sleep(0.01)
    carried = [SlotSet(slot.name, slot.value) for slot in tracker.slots.values() if slot.value is not None]
    restart = [ActionExecuted("action_session_start"), SessionStarted(), *carried, ActionExecuted("action_listen")]
    for event in restart + turn_events(4):
        tracker.update(event, DOMAIN)
    run(ours.save(tracker))
    expected = as_rasa_reads_it(rasa, "expired")
    assert isinstance(expected.events[0], SessionStarted) and len(expected.events) < len(tracker.events)
    for store in (ours, other):  # the process that saved it, and one that has not seen it
        assert_same(run(store.retrieve("expired")), expected, "after the new session")
    run(message([other, ours], "expired", 5, 1, DOMAIN))  # and the conversation goes on
    assert_same(run(ours.retrieve("expired")), as_rasa_reads_it(rasa, "expired"), "next message")
    assert isinstance(as_rasa_reads_it(rasa, "expired").events[0], SessionStarted)


def test_the_full_tracker_has_every_session_and_is_not_cached(stores):
    ours, rasa = stores(), stores("rasa")
    run(message([ours], "full", 0, 1, DOMAIN))
    tracker = run(ours.retrieve("full"))
    for event in [ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")]:
        tracker.update(event, DOMAIN)
    run(ours.save(tracker))
    full = run(ours.retrieve_full_tracker("full"))
    assert [e.as_dict() for e in full.events] == [e.as_dict() for e in run(rasa.retrieve_full_tracker("full")).events]
    assert sum(isinstance(e, SessionStarted) for e in full.events) == 2
    latest = run(ours.retrieve("full"))
    assert latest is not full and sum(isinstance(e, SessionStarted) for e in latest.events) == 1
    assert_same(latest, as_rasa_reads_it(rasa, "full"), "latest session")


def test_a_tracker_from_rasas_store_is_saved_with_rasas_count(stores):
    """A tracker ours did not read: its new events are found by Rasa's COUNT query."""
    ours, rasa = stores(), stores("rasa")
    run(message([rasa], "foreign", 0, 1, DOMAIN))
    foreign = run(rasa.retrieve("foreign"))
    foreign.update(UserUttered("Danke", {"name": "thank", "confidence": 1.0}), DOMAIN)
    run(ours.save(foreign))
    assert ours.stats["counted_saves"] == 1
    assert_same(run(ours.retrieve("foreign")), as_rasa_reads_it(rasa, "foreign"), "foreign tracker")
    assert len(as_rasa_reads_it(rasa, "foreign").events) == len(foreign.events)


def test_the_cache_is_bounded(stores):
    ours = stores(cache_size=2, cache_events=10_000)
    for sender in ("a", "b", "c"):
        for turn in range(2):  # after the first message the new session is read once
            run(message([ours], sender, turn, 1, DOMAIN))
    assert list(ours._cache) == ["b", "c"]
    small = stores(cache_events=40)
    for sender in ("x", "y", "z"):
        for turn in range(3):
            run(message([small], sender, turn, 1, DOMAIN))
    assert 0 < sum(len(e.tracker.events) for e in small._cache.values()) <= 40


@pytest.mark.parametrize("endpoints", ["endpoints.yml", "deploy/endpoints.prod.yml"])
def test_both_endpoints_files_use_this_store_and_purge_still_finds_it(endpoints, monkeypatch):
    from rasa.utils.endpoints import read_endpoint_config

    from bot.privacy import tracker_url_from_endpoints

    for name in re.findall(r"\$\{(\w+)\}", (REPO / endpoints).read_text()):  # the production file's
        monkeypatch.setenv(name, "5432" if name.endswith("PORT") else "x")
    path = str(REPO / endpoints)
    assert read_endpoint_config(path, "tracker_store").type == "bot.trackerstore.CachingSQLTrackerStore"
    assert tracker_url_from_endpoints(path).split(":")[0] in ("sqlite", "postgresql")


def test_run_sh_still_moves_the_sqlite_file_into_its_run_directory():
    """scripts/run.sh rewrites `db: var/tracker.db` with sed; the line must stay as it is."""
    assert "db: var/tracker.db\n" in (REPO / "endpoints.yml").read_text()
    assert "s#db: var/tracker.db#" in (REPO / "scripts" / "run.sh").read_text()


def test_a_new_model_empties_the_cache(stores):
    ours = stores()
    for turn in range(3):
        run(message([ours], "model", turn, 1, DOMAIN))
    assert "model" in ours._cache
    ours.domain = domain()  # the agent does so when it loads a model
    assert not ours._cache
    assert len(run(ours.retrieve("model")).events) == len(as_rasa_reads_it(stores("rasa"), "model").events)


class CollectingBroker:
    def __init__(self) -> None:
        self.published: list[dict] = []

    def publish(self, event: dict) -> None:
        self.published.append(event)


def test_an_event_broker_gets_every_new_event_once(stores):
    """Rasa's save streams the difference to the stored tracker; ours must not hand the
    tracker being saved to that comparison as the stored one."""
    broker = CollectingBroker()
    ours, rasa = stores(event_broker=broker), stores("rasa")
    for turn in range(4):
        run(message([ours], "broker", turn, 1, DOMAIN))
    stored = [e.as_dict() for e in as_rasa_reads_it(rasa, "broker").events]
    published = [{k: v for k, v in event.items() if k != "sender_id"} for event in broker.published]
    assert published[-len(stored) :] == stored and len(published) == len(stored) + 1  # + action_session_start


def processor(store):
    """Rasa's MessageProcessor without a model: its session handling and action running
    (action_session_start with the slots carried over) are Rasa's own code."""
    from types import SimpleNamespace

    from rasa.core.nlg import TemplatedNaturalLanguageGenerator
    from rasa.core.processor import MessageProcessor

    bare = MessageProcessor.__new__(MessageProcessor)
    bare.domain, bare.tracker_store, bare.action_endpoint = DOMAIN, store, None
    bare.nlg = TemplatedNaturalLanguageGenerator(DOMAIN.responses)
    bare.model_metadata = SimpleNamespace(model_id="model", assistant_id="frag-den-beirat")
    return bare


def test_rasas_session_start_and_expiry_work_with_the_cache(stores, monkeypatch):
    from rasa.core.channels import CollectingOutputChannel

    ours, rasa = stores(), stores("rasa")
    rasa_processor = processor(ours)

    async def user_message(turn: int):
        tracker = await rasa_processor.fetch_tracker_and_update_session("session", CollectingOutputChannel())
        for event in turn_events(turn):
            tracker.update(event, DOMAIN)
        await ours.save(tracker)

    now = time.time
    with monkeypatch.context() as past:  # a conversation two hours ago; sessions expire after 60 minutes
        past.setattr(time, "time", lambda: now() - 2 * 3600)
        for turn in range(3):
            run(user_message(turn))
    old = as_rasa_reads_it(rasa, "session")
    assert isinstance(old.events[0], SessionStarted)
    assert_same(run(ours.retrieve("session")), old, "before the expiry")
    run(user_message(3))  # now: Rasa's processor starts a new session
    new = as_rasa_reads_it(rasa, "session")
    assert isinstance(new.events[0], SessionStarted) and new.events[0].timestamp > old.events[-1].timestamp
    assert new.get_slot("organisation") == old.get_slot("organisation")  # carried over
    for turn in (4, 5):
        assert_same(run(ours.retrieve("session")), as_rasa_reads_it(rasa, "session"), f"turn {turn}")
        run(user_message(turn))
    assert_same(run(ours.retrieve("session")), as_rasa_reads_it(rasa, "session"), "at the end")
    full = run(rasa.retrieve_full_tracker("session"))
    assert sum(isinstance(e, SessionStarted) for e in full.events) == 2
    assert ours.stats["hits"] >= 3, ours.stats


def write_conversations(db: str, prefix: str, count: int) -> None:
    store = CachingSQLTrackerStore(DOMAIN, dialect="sqlite", db=db)
    for index in range(count):
        for turn in range(3):
            run(message([store], f"{prefix}-{index}", turn, 1, DOMAIN))
    store.engine.dispose()


def test_two_os_processes_write_one_sqlite_file_at_the_same_time(tmp_path):
    """Two Rasa processes commit to one file at the same time: no error, nothing lost."""
    import multiprocessing

    db = str(tmp_path / "shared.db")
    CachingSQLTrackerStore(DOMAIN, dialect="sqlite", db=db).engine.dispose()  # the table, once
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=write_conversations, args=(db, name, 15)) for name in ("one", "two")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    assert [worker.exitcode for worker in workers] == [0, 0]
    rasa = SQLTrackerStore(DOMAIN, dialect="sqlite", db=db)
    per_conversation = len(session_start_events()) + sum(len(turn_events(turn)) for turn in range(3))
    for name in ("one", "two"):
        for index in range(15):
            assert len(as_rasa_reads_it(rasa, f"{name}-{index}").events) == per_conversation - 1  # from SessionStarted
    rasa.engine.dispose()
