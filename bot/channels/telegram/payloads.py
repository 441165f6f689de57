"""Button payloads too long for Telegram's 64 bytes, shared by all Rasa servers.

The key (``~`` + 24 hex digits of the payload's SHA-256) goes to Telegram; the payload
is kept in an SQL table, so a button still works after a restart and when the other
server behind nginx receives the press. ``BEIRAT_BUTTON_STORE_URL`` names the database
(an SQLAlchemy URL; in production the tracker store's PostgreSQL); default: SQLite in
``var/telegram-buttons.sqlite`` of the working directory. Each process also keeps its
own payloads in memory: when the database is down, its own buttons go on working.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import os
import threading
import time
from collections import OrderedDict
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

logger = logging.getLogger(__name__)

URL_ENV = "BEIRAT_BUTTON_STORE_URL"
KEEP_DAYS = 30  # as long as conversations are kept (beirat purge-conversations)

_metadata = sa.MetaData()
_table = sa.Table(
    "telegram_button_payloads",
    _metadata,
    sa.Column("key", sa.String(32), primary_key=True),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Column("created", sa.DateTime, nullable=False),
)


def payload_key(payload: str) -> str:
    return PayloadStore.PREFIX + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]


class PayloadStore:
    """This process's memory: payloads by key, bounded (oldest dropped)."""

    PREFIX = "~"
    MAX_ENTRIES = 10_000

    def __init__(self) -> None:
        self._payloads: OrderedDict[str, str] = OrderedDict()

    def key_for(self, payload: str) -> str:
        key = payload_key(payload)
        self._payloads[key] = payload
        self._payloads.move_to_end(key)
        while len(self._payloads) > self.MAX_ENTRIES:
            self._payloads.popitem(last=False)
        return key

    def payload_for(self, key: str) -> str | None:
        return self._payloads.get(key)


class SharedPayloadStore(PayloadStore):
    """Memory plus an SQL table that every server reads (connected on first use)."""

    PRUNE_EVERY = 3600.0  # seconds between deletions of old payloads

    def __init__(self, url: str | None = None) -> None:
        super().__init__()
        self._url = url
        self._engine: sa.engine.Engine | None = None
        self._lock = threading.Lock()
        self._pruned = 0.0

    @property
    def url(self) -> str:
        if self._url is None:
            self._url = os.environ.get(URL_ENV, "").strip() or _default_url()
        return self._url

    def _connect(self) -> sa.engine.Engine:
        with self._lock:
            if self._engine is None:
                engine = sa.create_engine(self.url, pool_pre_ping=True, future=True)
                _metadata.create_all(engine)
                self._engine = engine
            return self._engine

    def key_for(self, payload: str) -> str:
        key = super().key_for(payload)
        try:
            engine = self._connect()
            with engine.begin() as connection:
                known = connection.execute(sa.select(_table.c.key).where(_table.c.key == key)).first()
                if known is None:
                    connection.execute(sa.insert(_table).values(key=key, payload=payload, created=_now()))
            self._prune(engine)
        except IntegrityError:
            pass  # another server stored the same payload at the same moment
        except SQLAlchemyError as error:
            logger.warning(
                "Knopf-Speicher nicht erreichbar (%s); der Knopf gilt nur auf diesem Server.", type(error).__name__
            )
        return key

    def payload_for(self, key: str) -> str | None:
        payload = super().payload_for(key)
        if payload is not None:
            return payload
        try:
            with self._connect().connect() as connection:
                row = connection.execute(sa.select(_table.c.payload).where(_table.c.key == key)).first()
        except SQLAlchemyError as error:
            logger.warning("Knopf-Speicher nicht erreichbar (%s).", type(error).__name__)
            return None
        return None if row is None else str(row[0])

    def _prune(self, engine: sa.engine.Engine) -> None:
        if time.monotonic() - self._pruned < self.PRUNE_EVERY and self._pruned:
            return
        self._pruned = time.monotonic()
        with engine.begin() as connection:
            connection.execute(sa.delete(_table).where(_table.c.created < _now() - dt.timedelta(days=KEEP_DAYS)))


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def _default_url() -> str:
    folder = Path.cwd() / "var"
    folder.mkdir(exist_ok=True)
    return f"sqlite:///{folder / 'telegram-buttons.sqlite'}"
