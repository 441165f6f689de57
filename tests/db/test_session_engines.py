"""Engines per URL: a SQLite file replaced by a new one (``make db``) is read from the new one."""

from __future__ import annotations

import os
import sqlite3

from sqlalchemy import text

from bot.db.session import dispose_engine, get_engine, session_scope


def make(path, value: str) -> None:
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE t (v TEXT)")
        connection.execute("INSERT INTO t VALUES (?)", (value,))
    connection.close()


def value(url: str) -> str:
    with session_scope(url) as session:
        return session.execute(text("SELECT v FROM t")).scalar_one()


def test_a_file_moved_into_place_is_read_by_new_sessions(tmp_path):
    path = tmp_path / "decisions.sqlite"
    url = f"sqlite:///{path}"
    make(path, "alt")
    try:
        assert value(url) == "alt"
        engine = get_engine(url)
        make(tmp_path / "new.sqlite", "neu")
        os.replace(tmp_path / "new.sqlite", path)
        assert value(url) == "neu"  # pooled connections of the old engine still had the old file
        assert get_engine(url) is not engine
        assert value(url) == "neu"
    finally:
        dispose_engine(url)


def test_the_engine_stays_while_the_file_stays(tmp_path):
    url = f"sqlite:///{tmp_path / 'later.sqlite'}"
    try:
        engine = get_engine(url)  # before the file exists: its first connection creates it
        with session_scope(url) as session:
            session.execute(text("CREATE TABLE t (v TEXT)"))
            session.execute(text("INSERT INTO t VALUES ('x')"))
        assert value(url) == "x"
        assert get_engine(url) is engine
    finally:
        dispose_engine(url)


def test_a_file_that_is_missing_for_a_moment_keeps_the_engine(tmp_path):
    path = tmp_path / "decisions.sqlite"
    url = f"sqlite:///{path}"
    make(path, "alt")
    try:
        engine = get_engine(url)
        value(url)
        os.replace(path, tmp_path / "away.sqlite")
        assert get_engine(url) is engine  # nothing to switch to yet
        os.replace(tmp_path / "away.sqlite", path)  # the same file back
        assert get_engine(url) is engine
        assert value(url) == "alt"
    finally:
        dispose_engine(url)
