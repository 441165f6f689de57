"""knowledge/corrections.yml: applied after parsing; a malformed file is a clear error."""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from bot.importer.overlay import OverlayError, apply_overlay, load_overlay

REPO_ROOT = Path(__file__).resolve().parents[2]


def _overlay(tmp_path: Path, text: str):
    path = tmp_path / "corrections.yml"
    path.write_text(text, encoding="utf-8")
    return load_overlay(path)


def test_repository_corrections_have_the_banyul_alias():
    overlay = load_overlay(REPO_ROOT / "knowledge" / "corrections.yml")
    assert overlay.organisation_aliases() == {"Banjul e.V.": ["Banyul e.V."]}


def test_amount_correction_applies_to_that_council_and_number_only(tmp_path, seed, ricklingen):
    overlay = _overlay(tmp_path, (
        "grants:\n"
        "  - council: Integrationsbeirat Linden-Limmer\n"
        "    application_number: 4/2019\n"
        "    amount: '1450.00'\n"
        "    note: Tippfehler im Protokoll\n"
    ))
    corrected, notes = apply_overlay(seed(), overlay)
    amounts = {g.application_number: g.amount for g in corrected.grants}
    assert amounts == {"04/2019": Decimal("1450.00"), "05/2019": Decimal("799.00")}, amounts
    assert notes and "04/2019" in notes[0]
    same_number = dataclasses.replace(ricklingen().grants[0], application_number="04/2019")
    untouched, _ = apply_overlay(ricklingen(grants=(same_number,)), overlay)
    assert untouched.grants[0].amount == Decimal("740.70"), "a correction for Linden-Limmer changed Ricklingen"


def test_role_correction_names_the_chair(tmp_path, seed):
    overlay = _overlay(tmp_path, (
        "roles:\n"
        "  - council: Linden-Limmer\n"
        "    name: Inga Schmalz\n"
        "    role: chair\n"
        "    meeting_date: 2019-04-01\n"
    ))
    corrected, _ = apply_overlay(seed(), overlay)
    roles = {p.family_name: p.role.value for p in corrected.people}
    assert roles["Schmalz"] == "chair"
    assert roles["Grube"] == "member", "the chair named by the document gives way to the correction"
    later, _ = apply_overlay(seed(meeting=dataclasses.replace(seed().meeting, date=dt.date(2020, 1, 1))), overlay)
    assert {p.family_name: p.role.value for p in later.people}["Grube"] == "chair", "other meetings untouched"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("organisations: [\n", "kein gültiges YAML. Zeile 2"),
        ("- a\n- b\n", "erwartet eine Zuordnung"),
        ("colours: []\n", "colours: extra fields not permitted"),
        ("grants:\n  - council: X\n    application_number: 04/2019\n    amount: viel\n", "grants → Eintrag 1 → amount"),
        ("grants:\n  - council: X\n    application_number: 04/2019\n", "mindestens eins von amount"),
        ("grants:\n  - council: X\n    application_number: '42'\n    amount: 1\n", "Antragsnummer"),
        ("roles:\n  - council: X\n    name: Y\n    role: king\n", "roles → Eintrag 1 → role"),
        ("organisations:\n  - name: A e.V.\n    aliases: [B]\n  - name: B e.V.\n", "steht bei zwei Organisationen"),
    ],
)
def test_malformed_corrections_are_refused_with_the_place(tmp_path, text, expected):
    with pytest.raises(OverlayError) as error:
        _overlay(tmp_path, text)
    assert expected in str(error.value), str(error.value)
    assert "corrections.yml" in str(error.value), "the message must name the file"


def test_fingerprint_ignores_comments_but_not_corrections(tmp_path):
    base = "organisations:\n  - name: Banjul e.V.\n    aliases: [Banyul e.V.]\n"
    first = _overlay(tmp_path, base).fingerprint
    assert _overlay(tmp_path, "# Kommentar\n" + base).fingerprint == first
    assert _overlay(tmp_path, base.replace("Banyul", "Banjull")).fingerprint != first
