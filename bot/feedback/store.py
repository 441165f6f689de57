"""Where feedback and unanswered questions are kept: two tables, created on first use.

Which database: ``BEIRAT_FEEDBACK_URL`` (an SQLAlchemy URL) when set; otherwise, in
the Rasa server, the database of its SQL tracker store (so the data sits with the
conversations and shares their retention). A server whose conversations are kept in
memory only keeps these rows in memory too (nothing reaches var/). The ``beirat``
commands find the same database: the environment variable, else ``--tracker-url``,
else the tracker store of ``endpoints.yml``.

Rows carry no sender id. Every question text and every "missing" description goes
through ``redact`` before it is written, here and nowhere else.
"""

from __future__ import annotations

import logging
import os
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.pool import StaticPool

from bot.feedback.kinds import UNANSWERED_KINDS
from bot.feedback.redact import redact

logger = logging.getLogger(__name__)

FEEDBACK_URL_ENV = "BEIRAT_FEEDBACK_URL"

metadata = sa.MetaData()

# One row per factual answer; helpful is set by a click (None: nobody said).
answers = sa.Table(
    "beirat_answers",
    metadata,
    sa.Column("answer_id", sa.String(32), primary_key=True),
    sa.Column("created_at", sa.Float, nullable=False, index=True),
    sa.Column("channel", sa.String(32)),
    sa.Column("intent", sa.String(100)),
    sa.Column("template", sa.String(100)),
    sa.Column("council", sa.String(200)),
    sa.Column("source", sa.String(300)),
    sa.Column("helpful", sa.Boolean, nullable=True),
    sa.Column("feedback_at", sa.Float, nullable=True),
)

# One row per question the bot could not answer (kinds.UNANSWERED_KINDS).
unanswered = sa.Table(
    "beirat_unanswered",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("created_at", sa.Float, nullable=False, index=True),
    sa.Column("kind", sa.String(20), nullable=False),
    sa.Column("channel", sa.String(32)),
    sa.Column("intent", sa.String(100)),
    sa.Column("council", sa.String(200)),
    sa.Column("question", sa.Text),
    sa.Column("missing", sa.String(300)),
)

TABLES = (answers, unanswered)


def _short(value: Any, limit: int) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text[:limit] or None


@dataclass(frozen=True)
class Rows:
    """What the report reads: plain dicts, newest last."""

    answers: list[dict[str, Any]]
    unanswered: list[dict[str, Any]]


class FeedbackStore:
    """Writes and reads the two tables through one SQLAlchemy engine."""

    def __init__(self, engine: sa.engine.Engine) -> None:
        self.engine = engine
        self._ready = False

    @classmethod
    def from_url(cls, url: str) -> FeedbackStore:
        parsed = sa.engine.make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database:
            os.makedirs(os.path.dirname(os.path.abspath(parsed.database)), exist_ok=True)
        return cls(sa.create_engine(parsed))

    def ensure_tables(self) -> None:
        if not self._ready:
            metadata.create_all(self.engine, checkfirst=True)
            self._ready = True

    # --- writing (Rasa server) -----------------------------------------------------------

    def record_answer(self, meta: Mapping[str, Any], channel: str | None, now: float | None = None) -> str:
        """Stores a factual answer's metadata; returns its opaque id for the feedback buttons."""
        self.ensure_tables()
        answer_id = uuid.uuid4().hex
        row = {
            "answer_id": answer_id,
            "created_at": time.time() if now is None else now,
            "channel": _short(channel, 32),
            "intent": _short(meta.get("intent"), 100),
            "template": _short(meta.get("template"), 100),
            "council": _short(meta.get("council"), 200),
            "source": _short(meta.get("source"), 300),  # a document name from knowledge/, not user text
        }
        with self.engine.begin() as connection:
            connection.execute(answers.insert().values(**row))
        return answer_id

    def record_feedback(self, answer_id: Any, helpful: bool, now: float | None = None) -> bool:
        """Sets "helpful" on an answer; False for an unknown (or purged) id. A second click replaces the first."""
        if not isinstance(answer_id, str) or not answer_id or len(answer_id) > 32:
            return False
        self.ensure_tables()
        values = {"helpful": bool(helpful), "feedback_at": time.time() if now is None else now}
        with self.engine.begin() as connection:
            result = connection.execute(answers.update().where(answers.c.answer_id == answer_id).values(**values))
            return bool(result.rowcount)

    def record_unanswered(
        self,
        kind: str,
        question: str | None,
        channel: str | None = None,
        intent: str | None = None,
        council: str | None = None,
        missing: str | None = None,
        now: float | None = None,
    ) -> None:
        if kind not in UNANSWERED_KINDS:
            raise ValueError(f"unknown kind {kind!r}")
        self.ensure_tables()
        row = {
            "created_at": time.time() if now is None else now,
            "kind": kind,
            "channel": _short(channel, 32),
            "intent": _short(intent, 100),
            "council": _short(redact(council) if council else None, 200),
            "question": redact(question)[:1000] or None,
            "missing": _short(redact(missing) if missing else None, 300),
        }
        with self.engine.begin() as connection:
            connection.execute(unanswered.insert().values(**row))

    # --- reading and deleting (beirat report, beirat purge-conversations) ------------------

    def has_tables(self) -> bool:
        inspector = sa.inspect(self.engine)
        return all(inspector.has_table(table.name) for table in TABLES)

    def load(self, since: float) -> Rows:
        """Rows created at or after ``since`` (Unix time); empty lists before first use."""
        if not self.has_tables():
            return Rows([], [])
        with self.engine.connect() as connection:
            found = [
                [dict(r._mapping) for r in connection.execute(table.select().where(table.c.created_at >= since))]
                for table in TABLES
            ]
        return Rows(*found)


def purge_rows(connection: sa.engine.Connection, cutoff: float) -> int:
    """Deletes rows older than ``cutoff`` in an open transaction; tables not there yet count 0."""
    inspector = sa.inspect(connection)
    deleted = 0
    for table in TABLES:
        if inspector.has_table(table.name):
            deleted += int(connection.execute(table.delete().where(table.c.created_at < cutoff)).rowcount or 0)
    return deleted


def server_store(tracker_store: Any) -> FeedbackStore:
    """The store the Rasa server writes to (see the module text for the order)."""
    url = os.environ.get(FEEDBACK_URL_ENV, "").strip()
    if url:
        return FeedbackStore.from_url(url)
    inner = tracker_store
    for _ in range(3):  # FailSafeTrackerStore (and others) wrap the real one
        engine = getattr(inner, "engine", None)
        if isinstance(engine, sa.engine.Engine):
            return FeedbackStore(engine)
        inner = getattr(inner, "_tracker_store", None)
        if inner is None:
            break
    logger.info("Rückmeldungen bleiben nur im Speicher: kein SQL-Tracker-Store und kein %s.", FEEDBACK_URL_ENV)
    return FeedbackStore(sa.create_engine("sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}))


def cli_url(tracker_url: str | None = None) -> str:
    """The store the ``beirat`` commands read: env, else the given or endpoints.yml tracker store.

    Raises ``bot.privacy.PurgeError`` with what to do when there is none.
    """
    url = os.environ.get(FEEDBACK_URL_ENV, "").strip()
    if url:
        return url
    if tracker_url:
        return tracker_url
    from bot.privacy import tracker_url_from_endpoints

    return tracker_url_from_endpoints()
