"""knowledge/councils.yml: the 13 councils with Stadtteile and sourced facts."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.db import schema as s
from bot.db.schema import create_schema
from bot.db.session import get_engine, session_scope
from bot.importer.councils import load_councils
from bot.importer.reference import ReferenceFileError
from bot.queries import councils

COUNCILS_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "councils.yml"


@pytest.fixture
def loaded(db_url):
    create_schema(get_engine(db_url))
    with session_scope(db_url) as session:
        assert load_councils(session, COUNCILS_FILE) == 13
    return db_url


def test_all_thirteen_councils_with_their_stadtteile_and_a_source_for_every_fact(loaded):
    with session_scope(loaded) as session:
        names = session.execute(select(s.Council.name)).scalars().all()
        assert len(names) == 13 and "Integrationsbeirat Herrenhausen-Stöcken" in names
        assert session.execute(select(func.count(s.Quarter.id))).scalar() >= 13, "every council has Stadtteile"
        facts = session.execute(select(s.CouncilFact)).scalars().all()
        assert facts and all(f.source_url and f.source_url.strip() for f in facts)
        assert all(f.kind in ("chair", "meeting_place", "planned_date") for f in facts)


@pytest.mark.parametrize(
    ("written", "council"),
    [
        ("Linden-Nord", "Integrationsbeirat Linden-Limmer"),
        ("Limmer", "Integrationsbeirat Linden-Limmer"),
        ("Kleefeld", "Integrationsbeirat Buchholz-Kleefeld"),
        ("Buchholz-Kleefeld", "Integrationsbeirat Buchholz-Kleefeld"),
        ("Südstadt", "Integrationsbeirat Südstadt-Bult"),
    ],
)
def test_a_stadtteil_names_its_council(loaded, written, council):
    with session_scope(loaded) as session:
        assert councils.find_council(session, written).resolved == council


def test_councils_without_documents_are_not_offered_as_having_data(loaded):
    with session_scope(loaded) as session:
        assert councils.list_councils(session) == [], "no document is stored yet: no council has data"


def test_a_fact_without_a_listed_source_stops_the_load(db_url, tmp_path):
    bad = tmp_path / "councils.yml"
    bad.write_text(
        "sources: {}\ncouncils:\n  - name: Integrationsbeirat Nord\n    district: Nord\n"
        "    chair: {value: Erika Muster, as_of: '2024', source: nirgends}\n",
        encoding="utf-8",
    )
    create_schema(get_engine(db_url))
    with session_scope(db_url) as session, pytest.raises(ReferenceFileError, match="Quelle „nirgends“"):
        load_councils(session, bad)
