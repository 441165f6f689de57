"""``beirat export --format json``: stable open data, and the seed protocol's facts end to end."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.db.export import run_export
from bot.importer.ingest import run_ingest

REPO_ROOT = Path(__file__).resolve().parents[2]
SEED = REPO_ROOT / "knowledge" / "protocols" / "2019-04-01_linden-limmer_32.txt"


def _export(url: str, tmp_path: Path, **kwargs) -> dict:
    target = tmp_path / "export.json"
    assert run_export("json", target, url=url, **kwargs) == 0
    return json.loads(target.read_text(encoding="utf-8"))


def test_export_formats_dates_times_and_amounts(seeded_url, tmp_path):
    data = _export(seeded_url, tmp_path)
    meeting = next(m for m in data["meetings"] if m["number"] == 32)
    assert (meeting["date"], meeting["start_time"], meeting["end_time"]) == ("2019-04-01", "19:00", "20:45")
    assert meeting["end_time_approximate"] is True
    amounts = {g["application_number"]: g["amount"] for g in data["grants"]}
    assert amounts == {"04/2019": "1400.00", "05/2019": "799.00", "01/2019": "740.70"}, amounts
    assert {"name": "Banjul e.V.", "aliases": ["Banyul e.V."]} in data["organisations"]


def test_export_is_byte_stable_and_sorted(seeded_url, tmp_path):
    first = tmp_path / "a.json"
    second = tmp_path / "b.json"
    assert run_export("json", first, url=seeded_url) == 0
    assert run_export("json", second, url=seeded_url) == 0
    assert first.read_bytes() == second.read_bytes(), "two exports of the same data differ"
    data = json.loads(first.read_text(encoding="utf-8"))
    assert [c["name"] for c in data["councils"]] == sorted(c["name"] for c in data["councils"])
    assert list(data) == sorted(data), "top-level keys are not sorted"


def test_passages_can_be_left_out(seeded_url, tmp_path):
    assert "passages" in _export(seeded_url, tmp_path)
    assert "passages" not in _export(seeded_url, tmp_path, passages=False)


def test_unknown_format_and_missing_database_are_clear_errors(tmp_path, capsys):
    missing = f"sqlite:///{tmp_path / 'nowhere.sqlite'}"
    assert run_export("csv", tmp_path / "x.csv", url=missing) == 2
    assert run_export("json", tmp_path / "x.json", url=missing) == 1
    err = capsys.readouterr().err
    assert "Format 'csv' gibt es nicht" in err and "Datenbank ist leer oder fehlt" in err, err
    assert not (tmp_path / "nowhere.sqlite").exists(), "export must not create a database"
    assert not (tmp_path / "x.json").exists()


# ------------------------------------------------------------------ end to end with the parser


@pytest.fixture
def seed_export(db_url, tmp_path):
    pytest.importorskip("bot.knowledge.parser", reason="END-TO-END PENDING: bot/knowledge/parser.py has not landed")
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    code = run_ingest([SEED], url=db_url, knowledge_dir=knowledge, overlay=REPO_ROOT / "knowledge" / "corrections.yml")
    assert code == 0, "ingesting the seed protocol failed"
    return _export(db_url, tmp_path)


def test_seed_council_meeting_and_agenda(seed_export):
    assert seed_export["councils"] == [{"name": "Integrationsbeirat Linden-Limmer", "district": "Linden-Limmer"}]
    [meeting] = seed_export["meetings"]
    expected = {
        "number": 32, "date": "2019-04-01", "start_time": "19:00", "end_time": "20:45",
        "end_time_approximate": True, "place": "kargah e.V.", "address": "Zur Bettfedernfabrik 1",
    }
    assert {k: meeting[k] for k in expected} == expected
    assert [a["number"] for a in seed_export["agenda_items"]] == ["1", "2", "3"]
    assert seed_export["agenda_items"][0]["title"] == "Eröffnung"


def test_seed_grants(seed_export):
    grants = {g["application_number"]: g for g in seed_export["grants"]}
    assert set(grants) == {"04/2019", "05/2019"}
    assert (grants["04/2019"]["organisation"], grants["04/2019"]["amount"]) == ("Banjul e.V.", "1400.00")
    assert grants["04/2019"]["purpose"].startswith("Internationales Fußball")
    assert (grants["05/2019"]["organisation"], grants["05/2019"]["amount"]) == ("Förderverein der IGS Linden e.V.", "799.00")
    assert "Spielend gegen Ausgrenzung" in grants["05/2019"]["purpose"]
    assert all(g["status"] == "recommended" and g["agenda_number"] == "2" for g in grants.values())
    assert {"name": "Banjul e.V.", "aliases": ["Banyul e.V."]} in seed_export["organisations"]


def test_seed_members_and_attendance(seed_export):
    council_roles = {"chair", "deputy", "member"}
    members = [m for m in seed_export["memberships"] if m["role"] in council_roles]
    assert len(members) == 22, f"{len(members)} members instead of 22"
    status = [a["status"] for a in seed_export["attendance"] if a["person"] in {m["person"] for m in members}]
    assert (status.count("present"), status.count("excused")) == (9, 13)
    roles = {m["person"]: m for m in seed_export["memberships"]}
    assert roles["Rainer-Jörg Grube"]["role"] == "chair"
    assert roles["Inga Schmalz"]["role"] == "deputy"
    assert roles["Thomas Ganskow"]["party"] == "Piraten"
    assert roles["Jasmin Grobleben"]["party"] == "DIE PARTEI"
    assert roles["Steffen Mallast"]["party"].replace(" ", "") == "BÜNDNIS90/DIEGRÜNEN"


def test_seed_administration_and_guests(seed_export):
    by_role: dict[str, list[dict]] = {}
    for membership in seed_export["memberships"]:
        by_role.setdefault(membership["role"], []).append(membership)
    [admin] = by_role["administration"]
    assert "Mingers" in admin["person"] and "Personal und Organisation" in admin["function"]
    guests = sorted(g["person"].split()[-1] for g in by_role["guest"])
    assert guests == ["Eslami", "Liedtke", "Wuttig"], guests
    assert all(g["agenda_number"] == "3" for g in by_role["guest"])
