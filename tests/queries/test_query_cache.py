"""The query cache answers repeated reads from memory and never from a database that changed.

Databases are built with the real ingest (parser included) from test protocols and a
glossary of the test's own; "rebuilt" means what ``make db`` does (a new file moved into
place), an ingest into the same file by another connection (another process), and a
write through this process's own engine.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, event
from sqlalchemy.orm import Session

from bot.db.session import dispose_engine, session_scope
from bot.importer.ingest import ingest
from bot.importer.reference import load_glossary
from bot.queries import cache
from bot.queries import councils as council_queries
from bot.queries import glossary as glossary_queries

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "protocols"
NORD = FIXTURES / "2013-12-03_nord_03.txt"
RICKLINGEN = FIXTURES / "2023-02-27_ricklingen_05.txt"
GLOSSARY_ONE = """
- term: Zuwendung
  aliases: [Zuwendungen]
  explanation: Die Stadt gibt Geld für ein Projekt.
"""
GLOSSARY_TWO = """
- term: Zuwendung
  aliases: [Zuwendungen]
  explanation: Die Stadt gibt Geld. Das ist neu.
- term: Protokoll
  aliases: []
  explanation: Ein Text über ein Treffen.
"""


def build(path: Path, knowledge: Path, glossary: str, *protocols: Path) -> str:
    """A decisions database at ``path`` from these protocols and this glossary."""
    knowledge.mkdir(parents=True, exist_ok=True)
    (knowledge / "glossary.yml").write_text(glossary, encoding="utf-8")
    url = f"sqlite:///{path}"
    summary = ingest(list(protocols), url=url, knowledge_dir=knowledge)
    assert not summary.failed
    dispose_engine(url)  # as after a `beirat ingest` run: its process ends
    return url


def read(url: str) -> tuple[list[str], dict[str, str]]:
    with session_scope(url) as session:
        councils = [c.name for c in council_queries.list_councils(session)]
        glossary = {e.term: e.explanation for e in glossary_queries.all_terms(session)}
    return councils, glossary


def hits(name: str) -> int:
    return cache.stats()["queries"].get(name, {}).get("hits", 0)


@pytest.fixture
def url(tmp_path):
    cache.reset_stats()
    url = build(tmp_path / "decisions.sqlite", tmp_path / "one", GLOSSARY_ONE, NORD)
    yield url
    dispose_engine(url)


def test_a_repeated_read_comes_from_the_cache(url):
    first = read(url)
    before = hits("glossary.all_terms")
    assert read(url) == first
    assert hits("glossary.all_terms") == before + 1
    assert hits("councils.list_councils") >= 1


def test_a_rebuilt_database_moved_into_place_is_read_again(url, tmp_path):
    councils, glossary = read(url)
    read(url)  # now cached
    assert len(councils) == 1 and "Protokoll" not in glossary
    # What `make db` does: build into a new file, then move it over the old one.
    new = tmp_path / "decisions.sqlite.tmp"
    build(new, tmp_path / "two", GLOSSARY_TWO, NORD, RICKLINGEN)
    os.replace(new, tmp_path / "decisions.sqlite")

    councils_after, glossary_after = read(url)
    assert len(councils_after) == 2 and set(councils) < set(councils_after)
    assert glossary_after["Protokoll"] == "Ein Text über ein Treffen."
    assert glossary_after["Zuwendung"] == "Die Stadt gibt Geld. Das ist neu."


def test_an_ingest_by_another_connection_into_the_same_file_is_read_again(url, tmp_path):
    read(url)
    read(url)  # cached
    # Another process ingests into the same file: its own engine, its own connections.
    other = create_engine(url, future=True)
    try:
        glossary = tmp_path / "glossary.yml"
        glossary.write_text(GLOSSARY_TWO, encoding="utf-8")
        with Session(other) as session, session.begin():
            load_glossary(session, glossary)
    finally:
        other.dispose()
    assert read(url)[1]["Protokoll"] == "Ein Text über ein Treffen."


def test_a_write_with_plain_sqlite_is_seen(url):
    read(url)
    read(url)
    path = url.removeprefix("sqlite:///")
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE glossary_terms SET explanation = 'Anders erklärt.'")
    connection.close()
    assert read(url)[1]["Zuwendung"] == "Anders erklärt."


def test_a_write_through_this_process_is_seen(url, tmp_path):
    read(url)
    read(url)
    glossary = tmp_path / "glossary.yml"
    glossary.write_text(GLOSSARY_TWO, encoding="utf-8")
    with session_scope(url) as session:  # the same engine and pool as the reads
        load_glossary(session, glossary)
    assert "Protokoll" in read(url)[1]


def test_a_whole_ingest_run_in_this_process_is_seen(url, tmp_path):
    assert len(read(url)[0]) == 1
    read(url)
    knowledge = tmp_path / "one"
    assert not ingest([RICKLINGEN], url=url, knowledge_dir=knowledge).failed
    assert len(read(url)[0]) == 2


def test_a_result_changed_by_the_caller_does_not_change_the_cache(url):
    with session_scope(url) as session:
        first = glossary_queries.all_terms(session)
        first.clear()
        again = glossary_queries.all_terms(session)
    assert again and again is not first


def test_each_read_of_a_cached_query_runs_no_query_after_the_first(url):
    read(url)
    statements: list[str] = []
    with session_scope(url) as session:
        engine = session.get_bind()
        listener = lambda *args: statements.append(args[2])  # noqa: E731
        event.listen(engine, "before_cursor_execute", listener)
        try:
            glossary_queries.all_terms(session)
            council_queries.list_councils(session)
        finally:
            event.remove(engine, "before_cursor_execute", listener)
    assert statements == []


def test_an_in_memory_database_is_not_cached():
    url = "sqlite://"
    try:
        from bot.db.schema import create_schema
        from bot.db.session import get_engine

        create_schema(get_engine(url))
        cache.reset_stats()
        with session_scope(url) as session:
            glossary_queries.all_terms(session)
            glossary_queries.all_terms(session)
        counts = cache.stats()["queries"]["glossary.all_terms"]
        assert counts == {"hits": 0, "misses": 0, "uncached": 2}
    finally:
        dispose_engine(url)


def test_switched_off_the_cache_reads_every_time(url, monkeypatch):
    monkeypatch.setattr(cache, "enabled", False)
    cache.reset_stats()
    read(url)
    read(url)
    assert hits("glossary.all_terms") == 0
    assert cache.stats()["queries"]["glossary.all_terms"]["uncached"] == 2


def test_a_copy_of_the_database_at_another_path_has_its_own_cache(url, tmp_path):
    read(url)
    copy = tmp_path / "copy.sqlite"
    with session_scope(url):
        pass
    shutil.copy(url.removeprefix("sqlite:///"), copy)
    copy_url = f"sqlite:///{copy}"
    try:
        connection = sqlite3.connect(copy)
        with connection:
            connection.execute("UPDATE glossary_terms SET explanation = 'Kopie.'")
        connection.close()
        assert read(copy_url)[1]["Zuwendung"] == "Kopie."
        assert read(url)[1]["Zuwendung"] == "Die Stadt gibt Geld für ein Projekt."
    finally:
        dispose_engine(copy_url)
