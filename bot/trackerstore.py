"""Rasa's SQL tracker store: reconnecting, and cheap per message.

``ReconnectingSQLTrackerStore``: Rasa 3.6 creates its engine without ``pool_pre_ping``.
After PostgreSQL restarts, each pooled connection fails once; Rasa's fail-safe wrapper
then answers from an empty in-memory conversation and keeps the message out of the
database (the chaos test, tests/ops/test_chaos.py, lost 3 of 96 messages so). Here the
pool checks a connection before handing it out and replaces a dead one.

``CachingSQLTrackerStore`` (endpoints.yml and deploy/endpoints.prod.yml) adds, per message:

- a cache of recently used conversations (LRU: at most ``cache_size`` conversations,
  default 1,000, and ``cache_events`` events, default 30,000, ~40 MiB). Rasa's
  ``retrieve`` reads every event of the session, parses its JSON and replays it. Here a
  cached conversation costs one indexed query: ``max(id), count(*)`` of the sender's
  events. Unchanged: the cached tracker. Another process (or server) added events: only
  those are read and applied. Anything else (deletions, a new session, a cached tracker
  changed but not saved, e.g. by a handler that crashed): Rasa's full read.
- ``save`` without Rasa's COUNT query when this process knows how many of the tracker's
  events are stored (it read or saved that very object), and no write at all when
  nothing is new (Rasa commits an empty transaction).
- SQLite: WAL journal, ``synchronous=NORMAL`` and a busy timeout on every connection, and
  a pool that keeps connections open. Several Rasa processes on one machine share the
  file; a commit no longer waits for fsync. WAL + NORMAL keeps every commit when a
  process crashes or is killed (SIGKILL); only a power loss or OS crash may lose the last
  commits (the database itself stays intact).

The stored rows are Rasa's (same table, same JSON): ``beirat purge-conversations``, Rasa's
own ``type: SQL`` and this store can read each other's conversations.

endpoints: ``tracker_store: {type: bot.trackerstore.CachingSQLTrackerStore, …}`` takes
the same settings as Rasa's ``type: SQL``, plus ``cache_size`` and ``cache_events`` (0: no cache).
"""

from __future__ import annotations

import itertools
import json
import logging
import weakref
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeGuard

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import SessionStarted, deserialise_events
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy.engine import URL, Engine
from sqlalchemy.orm import sessionmaker

logger = logging.getLogger(__name__)

DEFAULT_CACHE_SIZE = 1000  # conversations
# ~1.35 KiB per event as a read builds it (bench/trackerstore.py: 117 KiB for the 87 events
# of the benchmark's 11-message conversation): at most ~40 MiB per process.
DEFAULT_CACHE_EVENTS = 30_000
SQLITE_BUSY_TIMEOUT_MS = 15_000  # another process's commit takes milliseconds


# Core statements on a plain connection: an ORM session and query cost ~6x the CPU here
# (0.37 against 0.06 ms for the fingerprint, measured on SQLite).
_EVENTS: sa.Table = SQLTrackerStore.SQLEvent.__table__
_FINGERPRINT = sa.select(sa.func.max(_EVENTS.c.id), sa.func.count(_EVENTS.c.id)).where(
    _EVENTS.c.sender_id == sa.bindparam("sender")
)
_NEWER = (
    sa.select(_EVENTS.c.type_name, _EVENTS.c.timestamp, _EVENTS.c.data)
    .where(_EVENTS.c.sender_id == sa.bindparam("sender"))
    .where(_EVENTS.c.id > sa.bindparam("after"), _EVENTS.c.id <= sa.bindparam("upto"))
    .order_by(_EVENTS.c.id)
)


class ReconnectingSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        first: Engine = vars(self)["engine"]  # Rasa leaves the attribute untyped
        url = first.url
        first.dispose()
        engine = self._create_engine(url)
        self.engine = engine
        self.sessionmaker = sessionmaker(bind=engine)

    def _create_engine(self, url: URL) -> Engine:
        return sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")  # first: WAL needs a lock
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


class Fingerprint(NamedTuple):
    """The sender's stored events, all sessions: highest id and number."""

    max_id: int | None
    rows: int


@dataclass
class _Entry:
    tracker: DialogueStateTracker
    events: int  # len(tracker.events) when it matched the database
    fingerprint: Fingerprint
    session_start: float | None  # timestamp of the latest SessionStarted, if any


def _session_start(tracker: DialogueStateTracker) -> float | None:
    starts = [e.timestamp for e in tracker.events if isinstance(e, SessionStarted)]
    return max(starts) if starts else None


def _as_rasa_reads_it(tracker: DialogueStateTracker, start: float | None) -> bool:
    """Whether Rasa's retrieve would rebuild exactly these events from the database.

    Rasa reads the events whose timestamp is at least the latest SessionStarted's. After
    a new session began inside this tracker (every conversation's first message: the
    ``action_session_start`` event comes just before its SessionStarted) it reads fewer.
    """
    return start is None or all(e.timestamp >= start for e in tracker.events)


class _Stored(NamedTuple):
    events: int  # the tracker's first so many events are stored
    total: int  # and the database then held so many events of the sender (all sessions)


class _StoredCounts:
    """What of a tracker object is stored, per object, without keeping it alive.

    Trackers compare by their events (no hash), so the key is the object's id, checked
    against a weak reference.
    """

    def __init__(self) -> None:
        self._counts: dict[int, tuple[weakref.ref[DialogueStateTracker], _Stored]] = {}

    def get(self, tracker: DialogueStateTracker) -> _Stored | None:
        found = self._counts.get(id(tracker))
        return found[1] if found and found[0]() is tracker else None

    def set(self, tracker: DialogueStateTracker, events: int, total: int) -> None:
        key = id(tracker)
        self._counts[key] = (weakref.ref(tracker, lambda _ref: self._counts.pop(key, None)), _Stored(events, total))

    def forget(self, tracker: DialogueStateTracker) -> None:
        if self.get(tracker) is not None:
            del self._counts[id(tracker)]

    def __len__(self) -> int:
        return len(self._counts)


class CachingSQLTrackerStore(ReconnectingSQLTrackerStore):
    def __init__(
        self,
        *args: Any,
        cache_size: int = DEFAULT_CACHE_SIZE,
        cache_events: int = DEFAULT_CACHE_EVENTS,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.cache_size = int(cache_size)
        self.cache_events = int(cache_events)
        self._cache: OrderedDict[str, _Entry] = OrderedDict()
        self._cached_events = 0
        self._stored = _StoredCounts()
        self.stats = {"hits": 0, "caught_up": 0, "reads": 0, "counted_saves": 0}

    @property
    def domain(self) -> Domain:
        return self._domain

    @domain.setter
    def domain(self, domain: Domain | None) -> None:
        """A new model: cached trackers hold the old domain's slots, Rasa's read the new ones."""
        self._domain = domain or Domain.empty()
        self._cache.clear()
        self._cached_events = 0

    def _create_engine(self, url: URL) -> Engine:
        if url.get_backend_name() != "sqlite":
            return super()._create_engine(url)
        options: dict[str, Any] = {}
        if url.database and url.database != ":memory:":
            # SQLAlchemy 1.4 opens a new connection per session for a SQLite file (NullPool):
            # keep them open. One pool connection is used by one session at a time.
            options = {"poolclass": sa.pool.QueuePool, "connect_args": {"check_same_thread": False}}
        engine = sa.create_engine(url, **options)
        sa.event.listen(engine, "connect", _sqlite_pragmas)
        return engine

    # --- reading ---------------------------------------------------------------------

    @staticmethod
    def _fingerprint(connection: sa.engine.Connection, sender_id: str) -> Fingerprint:
        max_id, rows = connection.execute(_FINGERPRINT, {"sender": sender_id}).one()
        return Fingerprint(max_id, int(rows))

    async def retrieve(self, sender_id: str) -> DialogueStateTracker | None:
        """The latest session's tracker, as Rasa's retrieve builds it.

        A cached tracker is returned itself, not a copy. Rasa handles one message per
        conversation at a time (lock store), and a copy would cost a replay of every
        event again (bench/trackerstore.py measures it). A cached tracker whose events
        changed since they matched the database is never returned: a handler that failed
        before saving, or one still running while something else reads, gets a fresh read.
        """
        with self.engine.connect() as connection:
            # Before the events: a change in between makes the next check miss, never hit.
            fingerprint = self._fingerprint(connection, sender_id)
            entry = self._cache.get(sender_id)
            if self._unchanged(entry) and (
                entry.fingerprint == fingerprint or self._catch_up(connection, entry, fingerprint)
            ):
                self._cache.move_to_end(sender_id)
                self.stats["hits"] += 1
                tracker = entry.tracker
                # As a fresh read has them; the processor sets them again.
                tracker.model_id = None
                tracker.assistant_id = None
                self._stored.set(tracker, entry.events, entry.fingerprint.rows)
                return tracker
        self._drop(sender_id)
        self.stats["reads"] += 1
        tracker = await super().retrieve(sender_id)
        if tracker is not None:
            self._stored.set(tracker, len(tracker.events), fingerprint.rows)
            if self.cache_size > 0:
                self._put(tracker, fingerprint, _session_start(tracker))
        return tracker

    @staticmethod
    def _unchanged(entry: _Entry | None) -> TypeGuard[_Entry]:
        """The cached tracker still holds just the events that matched the database."""
        return entry is not None and entry.tracker.events.maxlen is None and len(entry.tracker.events) == entry.events

    def _catch_up(self, connection: sa.engine.Connection, entry: _Entry, now: Fingerprint) -> bool:
        """Applies events another process stored after the cached ones; False: read all."""
        if entry.fingerprint.max_id is None or now.max_id is None or now.rows <= entry.fingerprint.rows:
            return False
        parameters = {"sender": entry.tracker.sender_id, "after": entry.fingerprint.max_id, "upto": now.max_id}
        rows = connection.execute(_NEWER, parameters).all()
        if entry.fingerprint.rows + len(rows) != now.rows:  # something was deleted too
            return False
        start = entry.session_start
        if any(r.type_name == SessionStarted.type_name or (start is not None and r.timestamp < start) for r in rows):
            return False  # Rasa's read would start elsewhere
        tracker = entry.tracker
        for new in deserialise_events([json.loads(row.data) for row in rows]):
            # As DialogueStateTracker.from_events does; tracker.update would add metadata.
            tracker.events.append(new)
            new.apply_to(tracker)
        self._cached_events += len(rows)
        entry.events, entry.fingerprint = len(tracker.events), now
        self.stats["caught_up"] += 1
        return True

    def _put(self, tracker: DialogueStateTracker, fingerprint: Fingerprint, start: float | None) -> None:
        self._drop(tracker.sender_id)
        self._cache[tracker.sender_id] = _Entry(tracker, len(tracker.events), fingerprint, start)
        self._cached_events += len(tracker.events)
        while self._cache and (len(self._cache) > self.cache_size or self._cached_events > self.cache_events):
            self._cached_events -= self._cache.popitem(last=False)[1].events

    def _drop(self, sender_id: str) -> None:
        entry = self._cache.pop(sender_id, None)
        if entry is not None:
            self._cached_events -= entry.events

    # --- writing ---------------------------------------------------------------------

    async def save(self, tracker: DialogueStateTracker) -> None:
        """Stores the tracker's new events (Rasa's rows); a known count skips Rasa's COUNT."""
        await self.stream_events(tracker)
        known = self._stored.get(tracker)
        total = len(tracker.events)
        if known is not None and known.events == total:
            return  # nothing new; Rasa would count and commit nothing
        if known is None or known.events > total:
            self.stats["counted_saves"] += 1
            with self.session_scope() as session:  # Rasa's COUNT of the latest session's rows
                new = list(self._additional_events(session, tracker))
        else:
            new = list(itertools.islice(tracker.events, known.events, total))
        # Rasa counts and inserts in one transaction; nothing else writes this conversation
        # meanwhile (lock store), and the fingerprint below would show it if it did.
        with self.engine.begin() as connection:
            if new:
                connection.execute(_EVENTS.insert(), [self._row(tracker.sender_id, e) for e in new])
            fingerprint = self._fingerprint(connection, tracker.sender_id)
        logger.debug("Tracker with sender_id '%s' stored to database", tracker.sender_id)
        if known is None or known.events > total:
            # Not read here: it matches the database if it holds all the sender's events.
            matches = fingerprint.rows == total
        else:
            # Read or saved here: nothing else may have been stored since (lock store).
            matches = fingerprint.rows == known.total + len(new)
        if not matches:
            # Rasa's COUNT for this object from now on, and a fresh read of the conversation.
            self._stored.forget(tracker)
            self._drop(tracker.sender_id)
            return
        self._stored.set(tracker, total, fingerprint.rows)
        if self.cache_size <= 0:
            return
        start = _session_start(tracker)
        if tracker.events.maxlen is None and _as_rasa_reads_it(tracker, start):
            self._put(tracker, fingerprint, start)
        else:
            self._drop(tracker.sender_id)  # the next retrieve reads the new session

    def _row(self, sender_id: str, event: Any) -> dict[str, Any]:
        """The row Rasa's save writes for an event."""
        data = event.as_dict()
        return {
            "sender_id": sender_id,
            "type_name": event.type_name,
            "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }
