"""Full-text search over discussion passages: SQLite FTS5 or PostgreSQL text search.

SQLite: an external-content FTS5 table ``passages_fts`` kept in step by triggers.
PostgreSQL: a GIN index on ``to_tsvector('german', heading || ' ' || text)``.
Both get the same query: the content words of the question, each as a prefix,
any of them may match; the best-ranked passages come first.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from sqlalchemy import DDL, Table, event, text
from sqlalchemy.orm import Session

_STOP_WORDS_FILE = Path(__file__).with_name("german.stop")
_PG_DOCUMENT = "to_tsvector('german', coalesce(heading, '') || ' ' || coalesce(text, ''))"

_SQLITE_DDL = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS passages_fts USING fts5("
    "heading, text, content='passages', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS passages_fts_insert AFTER INSERT ON passages BEGIN "
    "INSERT INTO passages_fts(rowid, heading, text) VALUES (new.id, new.heading, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS passages_fts_delete AFTER DELETE ON passages BEGIN "
    "INSERT INTO passages_fts(passages_fts, rowid, heading, text) "
    "VALUES ('delete', old.id, old.heading, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS passages_fts_update AFTER UPDATE ON passages BEGIN "
    "INSERT INTO passages_fts(passages_fts, rowid, heading, text) VALUES ('delete', old.id, old.heading, old.text); "
    "INSERT INTO passages_fts(rowid, heading, text) VALUES (new.id, new.heading, new.text); END",
]
_POSTGRES_DDL = [f"CREATE INDEX IF NOT EXISTS ix_passages_fulltext ON passages USING gin ({_PG_DOCUMENT})"]


def install(passages: Table) -> None:
    """Create the search index right after the passages table, per database dialect."""
    for statement in _SQLITE_DDL:
        event.listen(passages, "after_create", DDL(statement).execute_if(dialect="sqlite"))
    for statement in _POSTGRES_DDL:
        event.listen(passages, "after_create", DDL(statement).execute_if(dialect="postgresql"))
    # Dropping the passages table leaves the FTS5 table behind; drop it too.
    event.listen(passages, "after_drop", DDL("DROP TABLE IF EXISTS passages_fts").execute_if(dialect="sqlite"))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    lines = _STOP_WORDS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().casefold() for line in lines if line.strip() and not line.startswith("#"))


def search_terms(question: str) -> list[str]:
    """The content words of a question: no stop words, no one-letter words, no duplicates.

    "ß" and "ss" are both tried ("Fussball" finds "Fußball"), as the index keeps "ß".
    """
    terms: list[str] = []
    for word in re.findall(r"\w+", question.lower()):
        if len(word) < 2 or word in stop_words():
            continue
        for variant in (word, word.replace("ß", "ss"), word.replace("ss", "ß")):
            if variant not in terms:
                terms.append(variant)
    return terms


def search_passage_ids(session: Session, question: str, limit: int, council_id: int | None = None) -> list[int]:
    """Ids of the best-matching passages, best first (only from ``council_id``'s documents
    when given); [] when the question has no content words."""
    terms = search_terms(question)
    if not terms or limit <= 0:
        return []
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return _search_sqlite(session, terms, limit, council_id)
    if dialect == "postgresql":
        return _search_postgres(session, terms, limit, council_id)
    raise NotImplementedError(f"Volltextsuche für {dialect} ist nicht eingerichtet")


def _council_filter(council_id: int | None, column: str) -> tuple[str, dict]:
    if council_id is None:
        return "", {}
    return f" AND {column} IN (SELECT id FROM documents WHERE council_id = :council_id)", {"council_id": council_id}


def _search_sqlite(session: Session, terms: list[str], limit: int, council_id: int | None) -> list[int]:
    # Each word as a quoted prefix query: no FTS5 syntax from user text can get through.
    match = " OR ".join('"' + term.replace('"', "") + '"*' for term in terms)
    clause, params = _council_filter(council_id, "p.document_id")
    rows = session.execute(
        text(
            "SELECT p.id FROM passages_fts JOIN passages p ON p.id = passages_fts.rowid "
            f"WHERE passages_fts MATCH :match{clause} "
            "ORDER BY bm25(passages_fts, 2.0, 1.0), p.id LIMIT :limit"
        ),
        {"match": match, "limit": limit, **params},
    )
    return [row[0] for row in rows]


def _search_postgres(session: Session, terms: list[str], limit: int, council_id: int | None) -> list[int]:
    # Only word characters reach to_tsquery, so user text cannot form query syntax.
    query = " | ".join(re.sub(r"\W", "", term) + ":*" for term in terms)
    clause, params = _council_filter(council_id, "document_id")
    rows = session.execute(
        text(
            f"SELECT id FROM passages WHERE {_PG_DOCUMENT} @@ to_tsquery('german', :query){clause} "
            f"ORDER BY ts_rank({_PG_DOCUMENT}, to_tsquery('german', :query)) DESC, id LIMIT :limit"
        ),
        {"query": query, "limit": limit, **params},
    )
    return [row[0] for row in rows]
