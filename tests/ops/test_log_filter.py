"""Rasa's database error lines keep the error's kind but lose SQLAlchemy's quoted
statement and parameters (which hold the user's words)."""
from __future__ import annotations

import logging

import sqlalchemy as sa
from sqlalchemy.exc import OperationalError

from bot.channels import guard, logfilter  # noqa: F401  (importing the channels installs the filter)

SECRET = "Zitronenfalterwiese"


def database_error() -> OperationalError:
    engine = sa.create_engine("sqlite://")
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("INSERT INTO events (data) VALUES (:data)"), {"data": f'{{"text": "{SECRET}"}}'})
    except OperationalError as error:
        return error
    raise AssertionError("expected an error")


def test_tracker_store_error_line_has_no_user_text(caplog):
    error = database_error()
    assert SECRET in str(error), "the error must quote the parameters, else this test proves nothing"
    caplog.set_level(logging.INFO)
    logger = logging.getLogger("rasa.core.tracker_store")
    logger.error(f"Error happened when trying to save conversation tracker. Please investigate the following error: {error}.")
    try:
        raise error
    except OperationalError:
        logger.exception("Failed to save")
    text = caplog.text
    assert SECRET not in text, text
    assert "no such table: events" in text and logfilter.NOTE.strip() in text


def test_other_lines_are_unchanged():
    assert logfilter.redact("Rasa server is up and running.") == "Rasa server is up and running."
