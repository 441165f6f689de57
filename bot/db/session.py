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
# SQLite file of an engine's URL, and (device, inode) of the file its connections opened.
_files: dict[str, Path | None] = {}
_opened: dict[str, tuple[int, int] | None] = {}


def get_engine(url: str | None = None) -> Engine:
    """The engine for ``url`` (``DATABASE_URL`` by default), created once per URL.

    A SQLite file that was replaced (``make db`` moves a new one into place) gets a new
    engine: pooled connections would go on reading the old file, which they keep open.
    """
    url = url or database_url()
    engine = _engines.get(url)
    if engine is not None and _replaced(url):
        dispose_engine(url)
        engine = None
    if engine is None:
        engine = _create(url)
        _engines[url] = engine
        _opened[url] = _file_identity(url)
    return engine


def dispose_engine(url: str | None = None) -> None:
    """Close the pooled connections of ``url`` and forget its engine (tests, CLI runs)."""
    url = url or database_url()
    engine = _engines.pop(url, None)
    _opened.pop(url, None)
    _makers.pop(url, None)
    if engine is not None:
        engine.dispose()


def _file_identity(url: str) -> tuple[int, int] | None:
    if url not in _files:
        _files[url] = _sqlite_file(url) if url.startswith("sqlite") else None
    file = _files[url]
    if file is None:
        return None
    try:
        status = file.stat()
    except OSError:  # not created yet, or being moved
        return None
    return status.st_dev, status.st_ino


def _replaced(url: str) -> bool:
    if _files.get(url, 0) is None:  # not a SQLite file: nothing to compare
        return False
    now, before = _file_identity(url), _opened.get(url)
    if before is None:  # the file came into being after the engine (its first connection made it)
        _opened[url] = now
        return False
    return now is not None and now != before


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


_makers: dict[str, sessionmaker] = {}


def _session_maker(url: str) -> sessionmaker:
    # One per engine: a new sessionmaker is a new Session class, and SQLAlchemy sets up its
    # events again for the first session of each class (0.12 ms, more than a cached query).
    engine = get_engine(url)
    maker = _makers.get(url)
    if maker is None or maker.kw.get("bind") is not engine:
        maker = _makers[url] = sessionmaker(bind=engine, future=True)
    return maker


@contextmanager
def session_scope(url: str | None = None) -> Iterator[Session]:
    """A session in one transaction: commit on success, rollback on any error."""
    session = _session_maker(url or database_url())()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
