"""Lookup tables: names as residents type them, valid Rasa YAML, whole files only."""
from pathlib import Path

import pytest
from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader

from bot.nlu import lookups


def _read_lookup(path: Path) -> dict:
    data = RasaYAMLReader().read(path)
    return {table["name"]: table["elements"] for table in data.lookup_tables}


def test_organisation_variants_drop_the_legal_form():
    assert lookups.organisation_variants("Banjul e.V.") == ["Banjul e.V.", "Banjul"]
    assert lookups.organisation_variants("Förderverein der IGS Linden e. V.") == [
        "Förderverein der IGS Linden e. V.",
        "Förderverein der IGS Linden",
    ]
    assert lookups.organisation_variants("Kulturzentrum Faust") == ["Kulturzentrum Faust"]
    assert lookups.organisation_variants("  ") == []


def test_person_variants_keep_family_name_with_particles():
    assert lookups.person_variants("Rainer-Jörg Grube") == ["Rainer-Jörg Grube", "Grube"]
    assert lookups.person_variants("Daniel von dem Knesebeck") == [
        "Daniel von dem Knesebeck",
        "von dem Knesebeck",
        "Knesebeck",
    ]
    assert lookups.person_variants("Herr Mingers") == ["Mingers"], "salutation is not part of the name"


def test_person_variants_skip_family_names_that_are_common_words():
    variants = lookups.person_variants("Stephan Weil")
    assert variants == ["Stephan Weil"], f"'Weil' alone would match the word 'weil': {variants}"


def test_council_variants_are_district_names_only():
    variants = lookups.council_variants("Integrationsbeirat Linden-Limmer", "Linden-Limmer")
    assert variants == ["Linden-Limmer", "Linden Limmer"]
    assert not any("beirat" in v.lower() for v in variants)


def test_short_and_duplicate_values_are_dropped():
    assert lookups.term_variants("TOP", ["top", "Tagesordnungspunkt", "TO"]) == ["TOP", "Tagesordnungspunkt"]


def test_written_files_are_valid_rasa_lookup_tables(tmp_path):
    tables = {"organisation": ["Banjul", "Banjul e.V."], "person": ["Grube"], "council": [], "term": ["Zuwendung"]}
    written = lookups.write_lookups(tables, tmp_path)
    assert sorted(p.name for p in written) == ["organisation.yml", "person.yml", "term.yml"]
    assert _read_lookup(tmp_path / "organisation.yml") == {"organisation": ["Banjul", "Banjul e.V."]}
    assert _read_lookup(tmp_path / "person.yml") == {"person": ["Grube"]}
    assert not list(tmp_path.glob("*.tmp")), "temporary files left behind"


def test_an_empty_table_removes_the_old_file(tmp_path):
    lookups.write_lookups({"person": ["Grube"]}, tmp_path)
    lookups.write_lookups({"person": [], "term": ["Zuwendung"]}, tmp_path)
    assert not (tmp_path / "person.yml").exists(), "stale person lookup must not stay behind"
    assert (tmp_path / "term.yml").exists()


def test_a_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    lookups.write_lookups({"person": ["Grube"]}, tmp_path)
    before = (tmp_path / "person.yml").read_text(encoding="utf-8")

    def broken_render(entity, values):
        raise OSError("disk full")

    monkeypatch.setattr(lookups, "render_lookup", broken_render)
    with pytest.raises(OSError):
        lookups.write_lookups({"person": ["Kambi"]}, tmp_path)
    assert (tmp_path / "person.yml").read_text(encoding="utf-8") == before
    assert not list(tmp_path.glob("*.tmp")), "temporary files left behind"


# --- With the real database (bot.db) -------------------------------------------------


def test_build_lookups_from_the_database(seeded_url, tmp_path):
    """seeded_url (tests/conftest.py): the seed record, a Ricklingen record, the Banyul alias."""
    out = tmp_path / "lookups"
    assert lookups.run_build_lookups(out, url=seeded_url) == 0
    people = _read_lookup(out / "person.yml")["person"]
    for name in ("Rainer-Jörg Grube", "Grube", "Inga Schmalz", "von dem Knesebeck", "Mingers", "Deniz Kaya"):
        assert name in people, f"{name!r} missing from the person lookup: {people}"
    organisations = _read_lookup(out / "organisation.yml")["organisation"]
    assert {"Banjul e.V.", "Banjul", "Banyul", "Förderverein der IGS Linden"} <= set(organisations), organisations
    councils = _read_lookup(out / "council.yml")["council"]
    assert {"Linden-Limmer", "Linden Limmer", "Ricklingen"} <= set(councils), councils
    assert not any("beirat" in c.lower() for c in councils), councils


def test_build_lookups_fails_politely_without_a_database(tmp_path, capsys):
    out = tmp_path / "lookups"
    url = f"sqlite:///{tmp_path / 'empty.sqlite'}"
    assert lookups.run_build_lookups(out, url=url) == 1
    assert "make db" in capsys.readouterr().err
    assert not out.exists() or not list(out.iterdir()), "nothing may be written without data"


def test_build_lookups_refuses_an_empty_database(db_url, tmp_path, capsys):
    out = tmp_path / "lookups"
    assert lookups.run_build_lookups(out, url=db_url) == 1, "an empty database must not yield empty tables"
    assert "keine Namen" in capsys.readouterr().err
    assert not out.exists() or not list(out.iterdir())
