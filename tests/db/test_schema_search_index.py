"""The schema creates the full-text index for its database, and creating it twice is harmless."""
from __future__ import annotations

from sqlalchemy import inspect, text

from bot.db import schema
from bot.db.session import get_engine


def test_full_text_index_exists_and_schema_is_idempotent(db_url):
    engine = get_engine(db_url)
    schema.create_schema(engine)  # a second time: nothing may fail or double
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            found = connection.execute(text("SELECT name FROM sqlite_master WHERE name = 'passages_fts'")).scalar()
            assert found == "passages_fts", "FTS5 table missing"
        else:
            found = connection.execute(
                text("SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_passages_fulltext'")
            ).scalar()
            assert found and "gin" in found and "to_tsvector('german'" in found, found
    assert {"councils", "documents", "meetings", "grants", "organisation_aliases", "glossary_terms",
            "curated_facts"} <= set(inspect(engine).get_table_names())
