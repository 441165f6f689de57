"""Glossary lookup and curated facts."""
from __future__ import annotations

from pathlib import Path

from bot.importer.reference import load_curated_facts, load_glossary
from bot.db.session import session_scope
from bot.queries.facts_curated import curated_fact
from bot.queries.glossary import all_terms, lookup_term

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_terms_and_aliases(seeded_url, tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text(
        "- term: Zuwendung\n  aliases: [Fördergeld]\n  explanation: Geld von der Stadt für ein Projekt.\n"
        "- term: Stadtbezirksrat\n  explanation: Die Politiker in einem Stadtbezirk.\n",
        encoding="utf-8",
    )
    with session_scope(seeded_url) as session:
        load_glossary(session, path)
    with session_scope(seeded_url) as session:
        assert [e.term for e in all_terms(session)] == ["Stadtbezirksrat", "Zuwendung"]
        assert lookup_term(session, "zuwendungen").term == "Zuwendung"
        assert lookup_term(session, "Fördergeld").term == "Zuwendung"
        assert lookup_term(session, "Stadtrat") is None, "a different word must not get an explanation"


def test_curated_facts_with_source(seeded_url):
    with session_scope(seeded_url) as session:
        load_curated_facts(session, REPO_ROOT / "knowledge" / "facts.yml")
    with session_scope(seeded_url) as session:
        fact = curated_fact(session, "who_decides")
        assert "Stadtbezirksrat" in fact.text and "32. Sitzung" in fact.source_note
        assert curated_fact(session, "how_to_apply").source_note
        assert curated_fact(session, "weather") is None
