"""Rasa's SQL tracker store, reconnecting after a database restart.

Rasa 3.6 creates its engine without ``pool_pre_ping``. After PostgreSQL restarts, each
pooled connection fails once; Rasa's fail-safe wrapper then answers from an empty
in-memory conversation and keeps the message out of the database (the chaos test,
tests/ops/test_chaos.py, lost 3 of 96 messages so). Here the pool checks a connection
before handing it out and replaces a dead one.

endpoints: ``tracker_store: {type: bot.trackerstore.ReconnectingSQLTrackerStore, …}``
takes the same settings as Rasa's ``type: SQL``.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from sqlalchemy.orm import sessionmaker


class ReconnectingSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        first: sa.engine.Engine = vars(self)["engine"]  # Rasa leaves the attribute untyped
        url = first.url
        first.dispose()
        engine: sa.engine.Engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        self.engine = engine
        self.sessionmaker = sessionmaker(bind=engine)
