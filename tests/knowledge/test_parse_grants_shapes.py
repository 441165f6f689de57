"""Grants in the shapes the councils use, each from one fixture document, asserted exactly."""
from __future__ import annotations

from decimal import Decimal

from bot.knowledge.records import Grant, GrantStatus, Vote, VoteKind

R, D, X = GrantStatus.RECOMMENDED, GrantStatus.DECIDED, GrantStatus.REJECTED
UNANIMOUS = Vote(VoteKind.UNANIMOUS, text="einstimmig")


def test_amount_first_blocks_with_votes_in_parentheses_and_a_rejection(parsed):
    record = parsed("2012-06-18_ahlem-badenstedt-davenstedt_12.txt")
    assert record.grants == (
        Grant("1", "Seniorengruppe Sonnenblick e.V.", Decimal("2900.00"),
              "Treffpunkt für ältere Migrantinnen und Migranten in Badenstedt", R, UNANIMOUS, "3", 62),
        Grant("2", "Kulturkreis Davenstedt e.V.", Decimal("1500.00"), "Erzählcafé – Geschichten aus zwei Welten", R,
              Vote(VoteKind.COUNTED, 14, 1, 0, "14 Ja-Stimmen, 1 Nein-Stimme, 0 Enthaltungen"), "3", 68),
        Grant("3", "Elterninitiative Kleine Brücke", Decimal("740.70"),
              "Sprachpatenschaften an der Grundschule Am Wasserturm", R,
              Vote(VoteKind.MAJORITY, text="mehrheitlich beschlossen"), "3", 74),
        # Rejected: no money was granted, so no amount (the 3.000 € were only requested).
        Grant("4", "Horizont Ahlem e.V.", None, "Studienfahrt nach Berlin", X,
              Vote(VoteKind.COUNTED, 2, 9, 1, "2 Ja-Stimmen, 9 Nein-Stimmen, 1 Enthaltung"), "3", 80),
    )


def test_decision_paper_with_numbered_labels_ignores_cost_table_and_repeated_prose(parsed):
    record = parsed("2011-06-20_beschlussdrucksache_15-2038-2011.txt")
    # "Zuwendungssumme: bis zu 1.200,00 €": each amount is a ceiling, not a payment.
    assert record.grants == (
        Grant("IB-04-2011", "Nachbarschaftsinitiative Goseriede e.V.", Decimal("1200.00"),
              '"Interkultureller Mittagstisch"', R, None, None, 17, ceiling=True),
        Grant("IB-05-2011", "Frauentreff Lichtblick gGmbH", Decimal("650.00"),
              "Schwimmkurs für Frauen mit Migrationshintergrund", R, None, None, 21, ceiling=True),
        Grant("IB-06-2011", "Jugendtheater Bunte Bühne e.V.", Decimal("2400.00"),
              "Theaterwerkstatt „Heimat ist, wo ich lache“", R, None, None, 25, ceiling=True),
    )
    assert record.warnings == (), "0,00 € cost lines and the Begründung's repetition are not warnings"


def test_bare_list_without_recipients(parsed):
    record = parsed("2016-03-14_mitte_18.txt")
    assert record.grants == (
        Grant("03/2016", None, Decimal("500.00"), None, R, UNANIMOUS, "2", 22),
        Grant("04/2016", None, Decimal("1250.00"), None, R, Vote(VoteKind.MAJORITY, text="mehrheitlich"), "2", 23),
        Grant("05/2016", None, Decimal("320.00"), None, R,
              Vote(VoteKind.COUNTED, 5, 0, 1, "Ja: 5, Nein: 0, Enthaltungen: 1"), "2", 24),
        Grant("06/2016", None, None, None, X, None, "2", 25),
    )


def test_grant_told_in_one_sentence_ignores_costs_and_deferred_requests(parsed):
    record = parsed("2015-05-12_suedstadt-bult_07.txt")
    assert record.grants == (
        Grant(None, "Verein Bult International e.V.", Decimal("650.00"), "Nachbarschaftsfest „Bunter Bult“", R,
              UNANIMOUS, "2", 20),
    )


def test_table_with_euro_formats_total_row_and_english_amount(parsed):
    record = parsed("2019-09-23_vahrenwald-list_41.txt")
    assert record.grants == (
        Grant("07/2019", "Nachbarschaftsladen List e.V.", Decimal("200.00"), "Sprachcafé für Geflüchtete", R,
              UNANIMOUS, "2", 35),
        Grant("08/2019", "Kinderchor Vielklang", Decimal("1400.00"), "Konzert „Lieder der Welt“", R, UNANIMOUS, "2", 36),
        Grant("09/2019", "Initiative Mosaik", Decimal("740.70"), "Stadtteilspaziergänge", R,
              Vote(VoteKind.MAJORITY, text="mehrheitlich"), "2", 37),
        Grant(None, "Elterncafé Podbi e.V.", Decimal("2400.00"), "Familienfrühstück in vier Sprachen", R,
              Vote(VoteKind.COUNTED, 6, 1, 1, "6 Ja-Stimmen, 1 Nein-Stimme, 1 Enthaltung"), "2", 41),
    )


def test_labels_with_costs_broken_name_broken_amount_and_withdrawal(parsed):
    record = parsed("2023-02-27_ricklingen_05.txt")
    assert record.grants == (
        # Own budget ("beschließt aus seinen eigenen Mitteln") → decided; Gesamtkosten/Eigenmittel/beantragt ignored.
        Grant("01/2023", "Kulturverein Sonnenblume e.V.", Decimal("2250.00"),
              "Internationales Frühlingsfest am Ricklinger Teich", D, UNANIMOUS, "2", 31),
        Grant("02/2023", "Mütterzentrum Mühlenberg e.V.", Decimal("1250.00"), "Näh- und Sprachkurs „Faden und Wort“", D,
              Vote(VoteKind.COUNTED, 5, 0, 1, "Ja: 5, Nein: 0, Enthaltungen: 1"), "2", 41),
    )
    assert [(w.line, w.reason) for w in record.warnings] == [
        (49, "Antrag 03/2023 wurde zurückgezogen oder vertagt – nicht übernommen.")]


def test_inline_lines_with_dash_separated_purpose_and_own_contribution(parsed):
    record = parsed("2013-12-03_nord_03.txt")
    assert record.grants == (
        Grant("12/2013", "Nordstädter Frauenfrühstück e.V.", Decimal("1000.00"),
              "Frühstückstreff für Frauen aus aller Welt", R, UNANIMOUS, "2", 32),
        Grant("13/2013", "Fußballverein Hainholz 09", Decimal("850.00"), "Turnier „Kicken gegen Rassismus“", R,
              Vote(VoteKind.MAJORITY, text="mehrheitlich"), "2", 33),
        Grant("14/2013", "Trommelgruppe Djembe Nord", None, None, X, None, "2", 34),
    )


def test_no_blank_lines_between_blocks(parsed):
    record = parsed("2021-11-08_doehren-wuelfel_15.txt")
    assert record.grants == (
        Grant("11/2021", "Nachbarschaftstreff Wülfel e.V.", Decimal("1100.00"), "Interkulturelles Laternenfest", R,
              UNANIMOUS, "2", 22),
        Grant("12/2021", "Verein Brücken bauen e.V.", Decimal("480.00"), "Hausaufgabenhilfe „Lernen im Quartier“", R,
              Vote(VoteKind.COUNTED, 7, 0, 1, "7 Ja-Stimmen, 0 Nein-Stimmen, 1 Enthaltung"), "2", 27),
    )
