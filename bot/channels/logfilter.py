"""Keeps user text out of Rasa's own error lines about its tracker and lock stores.

When PostgreSQL fails mid-statement, Rasa logs the database error at ERROR
("Error happened when trying to save conversation tracker ... {error}"), and an
SQLAlchemy error quotes its statement and parameters: the events, with what the user
wrote. ``install()`` (called when the channels are imported) cuts ``[SQL: …]`` and
``[parameters: …]`` from those records; the error's kind and first line stay.
"""

from __future__ import annotations

import logging
import re

# Rasa's loggers that report database errors with the error's text.
LOGGERS = ("rasa.core.tracker_store", "rasa.core.lock_store", "rasa.core.processor", "rasa.core.agent")
_QUOTED = re.compile(r"\[(SQL|parameters): .*?(?=\[(?:SQL|parameters|Background on this error)|\Z)", re.DOTALL)
NOTE = "[SQL und Werte nicht im Log] "


def redact(text: str) -> str:
    """The text without SQLAlchemy's quoted statement and parameters."""
    return _QUOTED.sub(NOTE, text) if "[SQL: " in text or "[parameters: " in text else text


class RedactSqlFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        if (
            record.exc_info
            and record.exc_info[1] is not None
            and redact(str(record.exc_info[1])) != str(record.exc_info[1])
        ):
            # The traceback would print the error's text again: keep only its kind.
            record.msg = f"{record.msg} ({type(record.exc_info[1]).__name__})"
            record.exc_info, record.exc_text = None, None
        return True


_FILTER = RedactSqlFilter()


def install() -> None:
    for name in LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
