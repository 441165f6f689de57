"""Deletes old conversations: ``beirat purge-conversations --older-than 30d``.

Rasa's SQL tracker store keeps every event in the table ``events`` with a Unix
``timestamp``. The purge deletes, in one transaction, every event older than the
cutoff and prints how many. Newer events stay, so a running conversation goes on.
The tracker store comes from ``--tracker-url`` (an SQLAlchemy URL) or from the
``tracker_store`` section of ``endpoints.yml`` (``ENDPOINTS_FILE`` to use another).
Run it daily (deploy/systemd/beirat-purge.timer). The same cutoff deletes the feedback
and the unanswered questions (bot/feedback), which live in the tracker store's database
unless BEIRAT_FEEDBACK_URL names another one.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import time
from datetime import timedelta

import sqlalchemy as sa

logger = logging.getLogger(__name__)

ENDPOINTS_ENV = "ENDPOINTS_FILE"
DEFAULT_ENDPOINTS = "endpoints.yml"
_UNITS = {"m": "minutes", "h": "hours", "d": "days", "w": "weeks"}
_DURATION = re.compile(r"^\s*(\d+)\s*([mhdw])\s*$", re.IGNORECASE)


class PurgeError(Exception):
    """A purge that cannot run; nothing was deleted."""


def parse_duration(text: str) -> timedelta:
    """``"30d"`` → 30 days. Units: m (minutes), h, d, w. Zero is refused."""
    match = _DURATION.match(text or "")
    if not match or int(match.group(1)) == 0:
        raise PurgeError(f"Ungültige Dauer {text!r}. Beispiele: 30d (30 Tage), 12h (12 Stunden), 2w (2 Wochen).")
    return timedelta(**{_UNITS[match.group(2).lower()]: int(match.group(1))})


def _is_sql_store(store_type: str) -> bool:
    """``SQL``, or a class path of a subclass of Rasa's SQLTrackerStore (bot/trackerstore.py)."""
    if store_type.lower() == "sql":
        return True
    if "." not in store_type:
        return False
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.exceptions import RasaException
    from rasa.shared.utils.common import class_from_module_path

    try:
        found = class_from_module_path(store_type)
    except (ImportError, AttributeError, RasaException):
        return False
    return isinstance(found, type) and issubclass(found, SQLTrackerStore)


def tracker_url_from_endpoints(path: str | None = None) -> str:
    """The SQLAlchemy URL of the SQL tracker store configured in endpoints.yml."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.utils.endpoints import read_endpoint_config

    path = path or os.environ.get(ENDPOINTS_ENV) or DEFAULT_ENDPOINTS
    if not os.path.isfile(path):
        raise PurgeError(f"Die Datei {path} fehlt. Bitte --tracker-url angeben.")
    config = read_endpoint_config(path, "tracker_store")
    if config is None or not _is_sql_store(str(config.type)):
        raise PurgeError(f"In {path} ist kein SQL-Tracker-Store eingetragen (tracker_store: type: SQL).")
    keys = ("dialect", "host", "port", "db", "username", "password", "query")
    kwargs = {k: config.kwargs[k] for k in keys if config.kwargs.get(k) is not None}
    if config.url:
        kwargs.setdefault("host", config.url)
    return str(SQLTrackerStore.get_db_url(**kwargs))


def purge_events(tracker_url: str, older_than: timedelta, now: float | None = None) -> int:
    """Deletes events older than ``now - older_than``; returns how many were deleted."""
    cutoff = (time.time() if now is None else now) - older_than.total_seconds()
    url = sa.engine.make_url(tracker_url)
    if url.get_backend_name() == "sqlite" and not os.path.isfile(url.database or ""):
        # SQLite would silently create an empty file at a mistyped path.
        raise PurgeError(f"Die SQLite-Datei {url.database!r} gibt es nicht.")
    engine = sa.create_engine(url)
    try:
        if not sa.inspect(engine).has_table("events"):
            raise PurgeError("Im Tracker-Store gibt es keine Tabelle 'events'. Ist die URL richtig?")
        events = sa.table("events", sa.column("timestamp"))
        with engine.begin() as connection:  # one transaction: all or nothing
            result = connection.execute(sa.delete(events).where(events.c.timestamp < cutoff))
            return int(result.rowcount or 0)
    finally:
        engine.dispose()


def purge_feedback(tracker_url: str, older_than: timedelta, now: float | None = None) -> int:
    """Deletes feedback and unanswered questions (bot/feedback) older than the same cutoff."""
    from bot.feedback.store import cli_url, purge_rows

    cutoff = (time.time() if now is None else now) - older_than.total_seconds()
    url = sa.engine.make_url(cli_url(tracker_url))
    if url.get_backend_name() == "sqlite" and not os.path.isfile(url.database or ""):
        return 0  # never used: nothing to delete
    engine = sa.create_engine(url)
    try:
        with engine.begin() as connection:
            return purge_rows(connection, cutoff)
    finally:
        engine.dispose()


def run_purge(older_than: str, tracker_url: str | None = None) -> int:
    """CLI entry: prints how many events were deleted; exit code 0 on success, 2 on error."""
    try:
        age = parse_duration(older_than)
        url = tracker_url or tracker_url_from_endpoints()
        deleted = purge_events(url, age)
        feedback_deleted = purge_feedback(url, age)
    except PurgeError as error:
        print(f"Fehler: {error}", file=sys.stderr)
        return 2
    except sa.exc.SQLAlchemyError as error:
        print(
            f"Fehler: Der Tracker-Store ist nicht erreichbar ({type(error).__name__}). Nichts wurde gelöscht.",
            file=sys.stderr,
        )
        logger.error("purge failed: %s", error)
        return 2
    print(f"{deleted} Ereignisse gelöscht, die älter als {older_than.strip()} waren.")
    print(f"{feedback_deleted} Einträge zu Rückmeldungen und offenen Fragen gelöscht.")
    return 0
