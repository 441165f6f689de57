"""Human review: template keys, knowledge/review.yml, and the table a review group fills in."""
import datetime as dt

import pytest

from bot.lint import review
from bot.lint.export import run_review_export
from bot.lint.review import (
    COLUMNS,
    NOT_CHECKED,
    Review,
    ReviewFileError,
    group_by_template,
    load_reviews,
    read_export,
    template_key,
    write_export,
)


@pytest.mark.parametrize(
    "label, expected",
    [
        ("Betrag Banjul e.V.", "Betrag"),
        ("Betrag Banjul e.V. (Knopf)", "Betrag (Knopf)"),
        ("Anträge Integrationsbeirat Nord 2015 (mehr)", "Anträge (mehr)"),
        ("Antrag 03/2015 Integrationsbeirat Nord", "Antrag"),
        ("Person da Integrationsbeirat Linden-Limmer 32. Sitzung am Montag, 1. April 2019", "Person da"),
        ("domain utter_greet", "domain utter_greet"),
    ],
)
def test_template_key_is_the_label_up_to_its_data(label, expected):
    assert template_key(label, ["Banjul e.V.", "Integrationsbeirat Nord"]) == expected


def test_no_review_file_and_an_empty_one_mean_nothing_checked(tmp_path):
    assert load_reviews(tmp_path) == {}
    (tmp_path / "review.yml").write_text("reviews: []\n", encoding="utf-8")
    assert load_reviews(tmp_path) == {}


def test_the_real_review_file_is_honest_nothing_checked_yet():
    assert load_reviews() == {}, "knowledge/review.yml: only texts a group really checked"


def test_the_latest_review_of_a_template_counts(tmp_path):
    (tmp_path / "review.yml").write_text(
        "reviews:\n"
        "  - {template: Betrag, group: Gruppe A, date: 2026-12-01, result: geändert}\n"
        "  - {template: Betrag, group: Gruppe B, date: 2027-01-15, result: verstanden}\n",
        encoding="utf-8",
    )
    reviews = load_reviews(tmp_path)
    assert reviews["Betrag"] == Review("Betrag", "Gruppe B", dt.date(2027, 1, 15), "verstanden")
    assert review.status("Betrag", reviews) == "geprüft am 15.01.2027 von Gruppe B: verstanden"
    assert review.status("Zweck", reviews) == NOT_CHECKED


@pytest.mark.parametrize(
    "content",
    ["reviews: {a: 1}\n", "reviews:\n  - {template: Betrag}\n", "reviews:\n  - {template: B, group: G, date: heute}\n"],
)
def test_a_malformed_review_file_is_an_error(tmp_path, content):
    (tmp_path / "review.yml").write_text(content, encoding="utf-8")
    with pytest.raises(ReviewFileError):
        load_reviews(tmp_path)


def test_export_has_one_row_per_text_and_empty_columns_for_the_group(tmp_path):
    texts = [
        ("Betrag Banjul e.V.", "Banjul e.V. bekommt 1.400 Euro."),
        ("Betrag Kargah e.V.", "Kargah e.V. bekommt 500 Euro."),
        ("Betrag Faust e.V.", "Faust e.V. bekommt 300 Euro."),
        ("Betrag Asyl e.V.", "Asyl e.V. bekommt 200 Euro."),
        ("Betrag Banjul e.V. (Knopf)", "Ja, bitte"),
        ("Betrag Kargah e.V. (Knopf)", "Ja, bitte"),  # the same text: once
    ]
    groups = group_by_template(texts, ["Banjul e.V.", "Kargah e.V.", "Faust e.V.", "Asyl e.V."])
    reviews = {"Betrag (Knopf)": Review("Betrag (Knopf)", "Gruppe A", dt.date(2026, 12, 1), "verstanden")}
    path = tmp_path / "review.csv"
    assert write_export(path, groups, reviews, per_template=3) == 4
    rows = read_export(path)
    assert tuple(rows[0]) == COLUMNS
    assert [(r["Vorlage"], r["Beispiel"]) for r in rows] == [
        ("Betrag", "1"), ("Betrag", "2"), ("Betrag", "3"), ("Betrag (Knopf)", "1"),
    ]
    assert rows[0]["Text"] == "Banjul e.V. bekommt 1.400 Euro."
    assert [r["Status"] for r in rows] == [NOT_CHECKED] * 3 + ["geprüft am 01.12.2026 von Gruppe A: verstanden"]
    assert all(r["verstanden?"] == r["Kommentar"] == r["Bessere Formulierung"] == "" for r in rows)
    assert path.read_bytes().startswith("\ufeff".encode()), "BOM: spreadsheets open it as UTF-8"


def test_review_export_writes_real_renderings_and_claims_no_check(tmp_path, capsys):
    path = tmp_path / "review.csv"
    assert run_review_export(path, per_template=2) == 0
    rows = read_export(path)
    templates = {r["Vorlage"] for r in rows}
    assert len(rows) > 100 and len(templates) > 50
    assert {"Betrag", "Mitglieder", "domain utter_greet", "widget welcome", "telegram TEXT_ONLY_ANSWER"} <= templates
    # Real renderings from knowledge/protocols, as delivered: with the explanations.
    assert any("Banjul e.V." in r["Text"] for r in rows)
    assert any("Das heißt:" in r["Text"] for r in rows if r["Vorlage"] == "Betrag")
    assert max(int(r["Beispiel"]) for r in rows) == 2
    assert all(r["Status"] == NOT_CHECKED for r in rows), "nothing is checked yet"
    assert not any("geprüft am" in r["Status"] for r in rows)
    assert "geprüft: 0" in capsys.readouterr().out
