"""Results of pure reads from the decisions database, kept in this process while it is unchanged.

The bot only reads the decisions database; ``beirat ingest`` writes it, and ``make db``
moves a newly built file into place. Every benchmark conversation asks the same few
queries again (the glossary, the councils, an agenda), and building them through the ORM
was half of the action server's CPU. ``@cached`` keeps a query's result per database and
arguments, and drops them all as soon as the database may have changed:

- SQLite's ``PRAGMA data_version`` on the session's connection differs from the value
  this connection had at its last check (another connection committed, e.g. an ingest
  into the same file), or the connection is new;
- this process wrote through the engine (any statement other than SELECT or PRAGMA);
- a replaced file gets a new engine (``bot.db.session.get_engine``), so a new store.

Only SQLite files are cached: PostgreSQL has no such cheap and exact change signal, so
there every call reads the database as before. Only functions whose result depends on
nothing but the database and the arguments (no "today") may be decorated; their results
must be immutable facts: a list comes back as a new list of the same frozen facts.
``BEIRAT_QUERY_CACHE=0`` turns the cache off.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import os
import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

MAX_ENTRIES = 1024  # per database: questions with free text (topics, names) make new keys; ~2 MB at most
_VERSION_KEY = "beirat_data_version"  # in the pooled connection's info: its last data_version
_READS = ("SELECT", "PRAGMA")

enabled = os.environ.get("BEIRAT_QUERY_CACHE", "1").strip() != "0"

F = TypeVar("F", bound=Callable[..., Any])
_MISSING = object()


class _Store:
    """The cached results of one engine (one database)."""

    def __init__(self, engine: Engine):
        self.entries: OrderedDict[tuple, Any] = OrderedDict()
        self.generation = 0  # counts clears, so that a result read before a clear is not stored after it
        self.lock = threading.Lock()
        event.listen(engine, "after_cursor_execute", self._after_execute)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.generation += 1

    def _after_execute(self, _conn, _cursor, statement: str, _parameters, _context, executemany: bool) -> None:
        if executemany or not statement.lstrip()[:6].upper().startswith(_READS):
            self.clear()


_stores: weakref.WeakKeyDictionary[Engine, _Store] = weakref.WeakKeyDictionary()
_stores_lock = threading.Lock()


@dataclasses.dataclass
class _Counts:
    hits: int = 0
    misses: int = 0
    uncached: int = 0  # not a SQLite file, cache off, or arguments or result not cacheable


_counts: dict[str, _Counts] = {}


def _store_for(session: Session) -> _Store | None:
    """The store of the session's database, emptied if the database changed; None: do not cache."""
    engine = session.get_bind()
    if not isinstance(engine, Engine) or engine.dialect.name != "sqlite":
        return None
    if engine.url.database in (None, "", ":memory:"):
        return None
    with _stores_lock:
        store = _stores.get(engine)
        if store is None:
            store = _stores[engine] = _Store(engine)
    pooled = session.connection().connection  # the pool's proxy of the DBAPI connection
    version = pooled.dbapi_connection.execute("PRAGMA data_version").fetchone()[0]
    if pooled.info.get(_VERSION_KEY) != version:
        pooled.info[_VERSION_KEY] = version
        store.clear()
    return store


_IMMUTABLE = (str, int, float, Decimal, dt.date, dt.time, frozenset)


def _frozen(value: Any, top: bool = True) -> Any:
    """The value as stored (a list as a tuple, only at the top); anything mutable raises TypeError."""
    if isinstance(value, list) and top:
        return tuple(_frozen(item, top=False) for item in value)
    if isinstance(value, tuple):
        return tuple(_frozen(item, top=False) for item in value)
    if value is None or isinstance(value, _IMMUTABLE):
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        if not value.__dataclass_params__.frozen:  # type: ignore[attr-defined]
            raise TypeError(f"{type(value).__name__} is not frozen")
        return value
    raise TypeError(f"{type(value).__name__} is not cached")


def cached(function: F) -> F:
    """Caches ``function(session, *args, **kwargs)`` per database and arguments (see above)."""
    name = f"{function.__module__.rsplit('.', 1)[-1]}.{function.__name__}"
    counts = _counts.setdefault(name, _Counts())

    @functools.wraps(function)
    def wrapper(session: Session, *args: Any, **kwargs: Any) -> Any:
        store = _store_for(session) if enabled else None
        if store is None:
            counts.uncached += 1
            return function(session, *args, **kwargs)
        key = (name, args, tuple(sorted(kwargs.items())))
        try:
            with store.lock:
                found = store.entries.get(key, _MISSING)
                if found is not _MISSING:
                    store.entries.move_to_end(key)
        except TypeError:  # an argument that cannot be a key (a list)
            counts.uncached += 1
            return function(session, *args, **kwargs)
        if found is not _MISSING:
            counts.hits += 1
            value, was_list = found
            return list(value) if was_list else value  # a new list: the caller may change it
        generation = store.generation
        result = function(session, *args, **kwargs)
        try:
            frozen = _frozen(result)
        except TypeError:
            counts.uncached += 1
            return result
        counts.misses += 1
        with store.lock:
            if store.generation == generation:
                store.entries[key] = (frozen, isinstance(result, list))
                if len(store.entries) > MAX_ENTRIES:
                    store.entries.popitem(last=False)
        return result

    return wrapper  # type: ignore[return-value]


def stats() -> dict[str, Any]:
    """Hits, misses and uncached calls per query since the last reset, and the hit rate."""
    used = {name: dataclasses.asdict(c) for name, c in sorted(_counts.items()) if c.hits or c.misses or c.uncached}
    hits = sum(c["hits"] for c in used.values())
    calls = sum(c["hits"] + c["misses"] + c["uncached"] for c in used.values())
    return {"enabled": enabled, "hit_rate": round(hits / calls, 3) if calls else None, "queries": used}


def reset_stats() -> None:
    for counts in _counts.values():
        counts.hits = counts.misses = counts.uncached = 0


def clear() -> None:
    """Forget every cached result (all databases)."""
    with _stores_lock:
        stores = list(_stores.values())
    for store in stores:
        store.clear()
