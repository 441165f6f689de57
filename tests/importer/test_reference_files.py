"""Glossary and curated facts: loaded idempotently, a missing file tolerated, a bad one refused."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from sqlalchemy import select

from bot.db import schema as s
from bot.importer.reference import ReferenceFileError, load_curated_facts, load_glossary
from bot.db.session import session_scope

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_glossary_load_twice_gives_the_same_terms(db_url, tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text(
        "- term: Zuwendung\n  aliases: [Zuwendungen]\n  explanation: Geld von der Stadt.\n"
        "- term: TOP\n  explanation: Ein Punkt auf der Tagesordnung.\n",
        encoding="utf-8",
    )
    for _ in range(2):
        with session_scope(db_url) as session:
            assert load_glossary(session, path) == 2
    with session_scope(db_url) as session:
        rows = [(t.term, t.aliases) for t in session.execute(select(s.GlossaryTerm).order_by(s.GlossaryTerm.term)).scalars()]
    assert rows == [("TOP", []), ("Zuwendung", ["Zuwendungen"])]


def test_missing_glossary_is_tolerated_and_keeps_what_is_there(db_url, tmp_path):
    with session_scope(db_url) as session:
        assert load_glossary(session, tmp_path / "missing.yml") is None


@pytest.mark.parametrize(
    "content, reason",
    [
        ("term: Zuwendung", "erwartet eine Liste"),
        ("- term: Zuwendung\n", "fehlt: explanation"),
        ("- term: A\n  explanation: x\n  colour: red\n", "unbekannt: colour"),
        ("- term: A\n  explanation: [x\n", "kein gültiges YAML"),
    ],
)
def test_malformed_glossary_is_refused_and_changes_nothing(db_url, tmp_path, content, reason):
    good = tmp_path / "good.yml"
    good.write_text("- term: TOP\n  explanation: Ein Punkt.\n", encoding="utf-8")
    bad = tmp_path / "bad.yml"
    bad.write_text(content, encoding="utf-8")
    with session_scope(db_url) as session:
        load_glossary(session, good)
    with pytest.raises(ReferenceFileError, match=reason):
        with session_scope(db_url) as session:
            load_glossary(session, bad)
    with session_scope(db_url) as session:
        assert [t for (t,) in session.execute(select(s.GlossaryTerm.term))] == ["TOP"]


def test_curated_facts_file_has_sourced_who_decides_and_how_to_apply():
    entries = yaml.safe_load((REPO_ROOT / "knowledge" / "facts.yml").read_text(encoding="utf-8"))
    by_key = {e["key"]: e for e in entries}
    assert set(by_key) == {"who_decides", "how_to_apply"}
    assert "Stadtbezirksrat" in by_key["who_decides"]["text"] and "TOP 2" in by_key["who_decides"]["source"]
    # The protocols do not describe how to apply: the fact must say so, not invent a procedure.
    assert "steht nicht in unseren Protokollen" in by_key["how_to_apply"]["text"]


def test_curated_facts_load_and_duplicates_are_refused(db_url, tmp_path):
    with session_scope(db_url) as session:
        assert load_curated_facts(session, REPO_ROOT / "knowledge" / "facts.yml") == 2
    duplicate = tmp_path / "facts.yml"
    duplicate.write_text("- {key: a, text: x, source: y}\n- {key: a, text: z, source: y}\n", encoding="utf-8")
    with pytest.raises(ReferenceFileError, match="mehrfach: a"):
        with session_scope(db_url) as session:
            load_curated_facts(session, duplicate)
    with session_scope(db_url) as session:
        assert len(session.execute(select(s.CuratedFact)).all()) == 2, "a refused file changed the facts"
