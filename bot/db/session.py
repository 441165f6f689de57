"""Engines and sessions for the decisions database (SQLite file or PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool, StaticPool

from bot.config import database_url

_engines: dict[str, Engine] = {}


def get_engine(url: str | None = None) -> Engine:
    """The engine for ``url`` (``DATABASE_URL`` by default), created once per URL."""
    url = url or database_url()
    engine = _engines.get(url)
    if engine is None:
        engine = _create(url)
        _engines[url] = engine
    return engine


def dispose_engine(url: str | None = None) -> None:
    """Close the pooled connections of ``url`` and forget its engine (tests, CLI runs)."""
    engine = _engines.pop(url or database_url(), None)
    if engine is not None:
        engine.dispose()


def _create(url: str) -> Engine:
    file = _sqlite_file(url) if url.startswith("sqlite") else None
    if url.startswith("sqlite") and file is None:
        # In-memory: one connection shared, or every session would see an empty database.
        engine = create_engine(url, future=True, poolclass=StaticPool, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if file is not None:
        file.parent.mkdir(parents=True, exist_ok=True)
        # A pool keeps connections open: SQLAlchemy 1.4 would open (and checkpoint) a new
        # file connection per session. Pooled connections move between threads, one at a time.
        engine = create_engine(
            url,
            future=True,
            poolclass=QueuePool,
            # Wait at most 5 s for a lock: a blocked action holds up every other user.
            connect_args={"timeout": 5, "check_same_thread": False},
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, future=True, pool_pre_ping=True)


def _sqlite_file(url: str) -> Path | None:
    database = make_url(url).database
    return Path(database) if database and database != ":memory:" else None


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # SQLite ignores foreign keys unless asked; WAL lets the bot read while ingest writes.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """A session in one transaction: commit on success, rollback on any error."""
    session = sessionmaker(bind=get_engine(url), future=True)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
