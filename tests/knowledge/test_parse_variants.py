"""Smaller variants the councils' documents show, each as a few lines of text."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from bot.knowledge.parser import parse_text
from bot.knowledge.records import Attendance, GrantStatus, Role, VoteKind

HEAD = "Integrationsbeirat Bothfeld-Vahrenheide\nProtokoll der 9. Sitzung am Dienstag, 02.04.2019\n\n"


def grants_of(body: str):
    return parse_text(HEAD + body, "variante.txt").grants


def test_list_entries_in_a_grants_item_and_requested_before_recommended():
    grants = grants_of(
        "TOP 1 Zuwendungen\n"
        "Folgende Zuwendungen werden dem Stadtbezirksrat empfohlen:\n"
        "1. Kulturverein Anatolia e.V. – Newroz-Fest: 1.400,00 € (einstimmig)\n"
        "2. Stadtteilchor Bothfeld, Chorreise, beantragt 2.000 €, empfohlen 1.500 € (mehrheitlich)\n"
        "- Jugendtreff Vahrenheide: Graffiti-Workshop, 300 Euro, 8:0:1\n"
        "\nTOP 2 Verschiedenes\n1. Die Miete für den Raum beträgt 300 € im Monat.\n")
    assert [(g.applicant, g.purpose, g.amount, g.vote.kind, g.status) for g in grants] == [
        ("Kulturverein Anatolia e.V.", "Newroz-Fest", Decimal("1400.00"), VoteKind.UNANIMOUS, GrantStatus.RECOMMENDED),
        ("Stadtteilchor Bothfeld", "Chorreise", Decimal("1500.00"), VoteKind.MAJORITY, GrantStatus.RECOMMENDED),
        ("Jugendtreff Vahrenheide", "Graffiti-Workshop", Decimal("300.00"), VoteKind.COUNTED, GrantStatus.RECOMMENDED),
    ], "the rent in 'Verschiedenes' is not a grant"
    assert (grants[2].vote.yes, grants[2].vote.no, grants[2].vote.abstain) == (8, 0, 1)


def test_anchor_forms_and_label_variants():
    grants = grants_of(
        "TOP 1 Anträge\nDer Integrationsbeirat schlägt dem Stadtbezirksrat vor:\n\n"
        "Antrag Nr. 4 von Sportverein Sahlkamp e.V.\nZuwendungsbetrag (€): 750,00\n\n"
        "Nr. 05/2019: Elterncafé Bothfeld e.V. – Frühstück, 200,00 €, einstimmig\n\n"
        "Antrag Nr. 06/2019\nZuwendungsempfänger/in: Stöckener Tafel\nBetrag in Euro: 650\nProjekt: Kochkurs\n"
        "Abstimmung: 10/0/1\n\n"
        "Antrag Nr. 07/2019\nAntragsteller*in: Nachbarschaftshilfe Sahlkamp\nZuwendungsbetrag: 1 250,00 €\n")
    assert [(g.application_number, g.applicant, g.purpose, g.amount) for g in grants] == [
        ("4", "Sportverein Sahlkamp e.V.", None, Decimal("750.00")),
        ("05/2019", "Elterncafé Bothfeld e.V.", "Frühstück", Decimal("200.00")),
        ("06/2019", "Stöckener Tafel", "Kochkurs", Decimal("650.00")),
        ("07/2019", "Nachbarschaftshilfe Sahlkamp", None, Decimal("1250.00")),
    ]
    assert (grants[2].vote.kind, grants[2].vote.yes, grants[2].vote.no, grants[2].vote.abstain) == (
        VoteKind.COUNTED, 10, 0, 1)


def test_running_text_mentioning_application_numbers_is_no_grant():
    record = parse_text(HEAD + "TOP 1 Zuwendungen\nZu Antrag Nr. 1 bis 6 trugen die Antragsteller vor.\n"
                               "Antrag Nr. 1 bis 6 wurden einzeln beraten.\n", "x.txt")
    assert record.grants == () and record.warnings == ()


def test_table_rows_whose_columns_were_lost_in_a_pdf():
    record = parse_text(HEAD + "TOP 1 Zuwendungen\nDer Beirat empfiehlt folgende Zuwendungen:\n"
                               "07/2019 Nachbarschaftsladen List e.V. Sprachcafé für Geflüchtete EUR 200 einstimmig\n"
                               "08/2019 Kinderchor Vielklang Konzert „Lieder der Welt“ 1.400 Euro einstimmig\n", "pdf.txt")
    first, second = record.grants
    assert (first.applicant, first.purpose, first.amount) == (
        "Nachbarschaftsladen List e.V.", "Sprachcafé für Geflüchtete", Decimal("200.00"))
    assert (second.applicant, second.purpose, second.amount) == (
        "Kinderchor Vielklang Konzert „Lieder der Welt“", None, Decimal("1400.00"))
    assert [w.line for w in record.warnings] == [7], "the unsplittable row is reported"
    assert "ohne Trennung" in record.warnings[0].reason


def test_meeting_date_prefers_sitzung_am_over_protokoll_vom_and_inline_labels():
    record = parse_text(
        "Integrationsbeirat Herrenhausen-Stöcken\nProtokoll vom 15.04.2019\n"
        "über die Sitzung am 01.04.2019\n"
        "Datum: 01.04.2019   Zeit: 18.00 - 20.00 Uhr   Ort: Freizeitheim Stöcken, Eichsfelder Straße 101\n\n"
        "TOP 1 Eröffnung\nDie Sitzung wird eröffnet.\n", "x.txt")
    meeting = record.meeting
    assert (meeting.date, meeting.place, meeting.address) == (
        dt.date(2019, 4, 1), "Freizeitheim Stöcken", "Eichsfelder Straße 101")
    assert (meeting.start_time, meeting.end_time) == (dt.time(18), dt.time(20))


def test_attendance_variants():
    record = parse_text(
        HEAD + "Anwesend waren:\nIn Klammern: entschuldigt\nRainer Meier, Vorsitzender\nLena Schulz, SPD\n(Ahmet Kaya)\n"
               "Herr Grube (Bezirksbürgermeister, Stellv. Vorsitzender)\nHerr Yusuf Demir (entschuldigt)\n\n"
               "TOP 1 Eröffnung\nHerr Meier eröffnet die Sitzung.\n", "x.txt")
    assert [(p.given_name, p.family_name, p.role, p.party, p.function, p.attendance) for p in record.people] == [
        ("Rainer", "Meier", Role.CHAIR, None, "Vorsitzender", Attendance.PRESENT),
        ("Lena", "Schulz", Role.MEMBER, "SPD", None, Attendance.PRESENT),
        ("Ahmet", "Kaya", Role.MEMBER, None, None, Attendance.EXCUSED),
        (None, "Grube", Role.DEPUTY, None, "Stellv. Vorsitzender", Attendance.PRESENT),
        ("Yusuf", "Demir", Role.MEMBER, None, None, Attendance.EXCUSED),
    ]


def test_attendance_in_the_first_item_when_the_header_has_none():
    record = parse_text(
        "Integrationsbeirat Nord\n\nTOP 1 Eröffnung\nAnwesend:\nFrau Ute Brandt (Vorsitzende)\nHerr Ali Çelik\n\n"
        "Frau Brandt eröffnet die 2. Sitzung am 05.02.2018.\n", "x.txt")
    assert [(p.family_name, p.role) for p in record.people] == [("Brandt", Role.CHAIR), ("Çelik", Role.MEMBER)]
    assert (record.meeting.number, record.meeting.date) == (2, dt.date(2018, 2, 5))


def test_excuses_in_running_text_with_a_shared_surname_change_nothing_and_warn():
    record = parse_text(
        HEAD + "Anwesend:\nHerr Jan Petersen\nFrau Maren Petersen\n\nTOP 1 Eröffnung\n"
               "Die Vorsitzende berichtet, dass sich Petersen und Herr Mermi entschuldigt haben.\n"
               "Sie teilt mit, dass sich Frau Petersen für die heutige Sitzung entschuldigt hat.\n", "x.txt")
    petersens = [(p.given_name, p.attendance) for p in record.people if p.family_name == "Petersen"]
    assert petersens == [("Jan", Attendance.PRESENT), ("Maren", Attendance.PRESENT)], "the list wins over the text"
    assert ("Mermi", Attendance.EXCUSED) in [(p.family_name, p.attendance) for p in record.people]
    assert any("steht als anwesend" in w.reason for w in record.warnings)


def test_pdf_page_furniture_two_column_lists_and_sub_items():
    record = parse_text(
        "Landeshauptstadt Hannover - 18.62.02 - Datum 20.05.2019\nIntegrationsbeirat Vahrenwald-List\n"
        "Sitzung am 06.05.2019\nBeginn: 18:00\nEnde: 19:30\n\n"
        "Anwesend:\n(verhindert waren)\nGrube, Rainer      (Schmalz, Inga)\nKaya, Ali      Vorsitzender\n"
        "Herr Demir (Vorsitzender des Elternvereins)\nGäste: keine\n\n"
        "TOP 1 a) Bericht\nText.\nSeite 2 von 3\nLandeshauptstadt Hannover - 18.62.02 - Datum 20.05.2019\n"
        "Weiter im Text.\nTOP 1 b) Aussprache\nNoch mehr Text.\n", "x.txt")
    assert [(p.family_name, p.role, p.attendance) for p in record.people] == [
        ("Grube", Role.MEMBER, Attendance.PRESENT), ("Schmalz", Role.MEMBER, Attendance.EXCUSED),
        ("Kaya", Role.CHAIR, Attendance.PRESENT), ("Demir", Role.MEMBER, Attendance.PRESENT)]
    assert [(a.number, a.title, a.text) for a in record.agenda] == [
        ("1a", "Bericht", "Text.\n\nWeiter im Text."), ("1b", "Aussprache", "Noch mehr Text.")]
    assert (record.meeting.start_time, record.meeting.end_time) == (dt.time(18), dt.time(19, 30))
    assert record.warnings == ()


def test_protocol_of_another_body_is_flagged():
    record = parse_text("PROTOKOLL\n14. Sitzung des Stadtbezirksrates Misburg-Anderten am Mittwoch, 17. April 2013\n\n"
                        "Anwesend:\nBezirksbürgermeister Dickneite (SPD)\n\nTOP 1 Eröffnung\nText.\n", "x.txt")
    assert record.council_name is None
    assert [w.reason[:40] for w in record.warnings] == [
        "Der Kopf nennt „Stadtbezirksrates“ und k", "Kein Integrationsbeirat im Text genannt."]


NUMBERED = """Integrationsbeirat Kirchrode-Bemerode-Wülferode
Niederschrift über die 21. Sitzung am 04.11.2020

Tagesordnung:
1. Eröffnung
2. Zuwendungen aus Mitteln des Integrationsbeirates
3. Verschiedenes

{one}: Eröffnung
Frau Lange eröffnet die Sitzung.

{two}: Zuwendungen
Der Integrationsbeirat empfiehlt:
Antrag Nr. 8/2020
Kulturbrücke Bemerode e.V.
Zuwendungsbetrag: 900,00 €

Zu 3.: Verschiedenes
Keine Wortmeldungen.
"""


def test_numbered_agenda_with_zu_headings():
    record = parse_text(NUMBERED.format(one="Zu 1.", two="Zu 2."), "x.txt")
    assert [(a.number, a.title, a.line) for a in record.agenda] == [
        ("1", "Eröffnung", 9), ("2", "Zuwendungen aus Mitteln des Integrationsbeirates", 12), ("3", "Verschiedenes", 18)]
    assert [(g.application_number, g.agenda_number) for g in record.grants] == [("8/2020", "2")]


def test_text_outside_recognised_items_is_still_read():
    record = parse_text(NUMBERED.format(one="Punkt eins", two="Punkt zwei"), "x.txt")
    assert [(g.application_number, g.applicant, g.amount) for g in record.grants] == [
        ("8/2020", "Kulturbrücke Bemerode e.V.", Decimal("900.00"))], "a grant outside any item must not be lost"
    assert any("Kulturbrücke" in p.text for p in record.passages)


def test_named_applications_with_the_sum_in_a_sentence():
    record = parse_text(
        "Integrationsbeirat Mitte\nProtokoll der Sitzung vom 23. Januar 2017\n\nTop 3: Förderanträge\n"
        "3.1 Antrag der Initiative Weltküche: „Kochen verbindet“ – Antragssumme 1.000 €\n"
        "Der Integrationsbeirat empfiehlt die Förderung in Höhe von 800 €. (einstimmig)\n\n"
        "3.2 Antrag des Vereins Mosaik e.V.: Hausaufgabenhilfe\n"
        "Der Antrag wird abgelehnt (3 Ja-Stimmen, 6 Nein-Stimmen, 0 Enthaltungen).\n", "x.txt")
    assert [(g.applicant, g.purpose, g.amount, g.status, g.vote.kind) for g in record.grants] == [
        ("Initiative Weltküche", "„Kochen verbindet“", Decimal("800.00"), GrantStatus.RECOMMENDED, VoteKind.UNANIMOUS),
        ("Verein Mosaik e.V.", "Hausaufgabenhilfe", None, GrantStatus.REJECTED, VoteKind.COUNTED),
    ], "the requested 1.000 € is not the grant"
    assert record.warnings == (), "the block's own 'empfiehlt' states the status"


def test_status_not_stated_is_taken_as_recommended_with_one_warning():
    record = parse_text(HEAD + "TOP 1 Anträge\n\nAntrag Nr. 1/2019\nVerein A e.V.\nZuwendungsbetrag: 100,00 €\n\n"
                               "Antrag Nr. 2/2019\nVerein B e.V.\nZuwendungsbetrag: 200,00 €\n", "x.txt")
    assert [g.status for g in record.grants] == [GrantStatus.RECOMMENDED, GrantStatus.RECOMMENDED]
    assert [(w.line, w.reason) for w in record.warnings] == [
        (6, "Ob die Zuwendungen empfohlen oder beschlossen wurden, steht nicht im Text – als Empfehlung übernommen.")]


def test_decision_paper_list_of_phrases():
    record = parse_text(
        "Landeshauptstadt Hannover\nBeschlussdrucksache\nNr. 15-0815/2012\nIn den Stadtbezirksrat Linden-Limmer\n\n"
        "Antrag,\nzu beschließen:\nZuwendungen aus Mitteln des Integrationsbeirates Linden-Limmer\n"
        "1. an den Verein Kulturhaus Limmer e.V. in Höhe von 500,00 € für das Projekt „Tanz der Kulturen“\n"
        "2. an die Initiative Linden liest in Höhe von 350,- € für eine Lesereihe (einstimmig)\n"
        "3. 1.200,00 € an das Stadtteilzentrum Ihme-Ufer für das Sommercamp\n", "ds.txt")
    assert (record.paper_number, record.council_name, record.meeting) == (
        "15-0815/2012", "Integrationsbeirat Linden-Limmer", None)
    assert [(g.applicant, g.amount, g.purpose) for g in record.grants] == [
        ("Verein Kulturhaus Limmer e.V.", Decimal("500.00"), "Projekt „Tanz der Kulturen“"),
        ("Initiative Linden liest", Decimal("350.00"), "Lesereihe"),
        ("Stadtteilzentrum Ihme-Ufer", Decimal("1200.00"), "Sommercamp"),
    ]
    assert record.warnings == ()


def test_labelled_lists_of_bare_family_names_and_pdf_characters():
    record = parse_text(HEAD + "Anwesend: Grube, Schmalz (SPD), Frau Ahmed\nEntschuldigt: Kambi\nGäste: keine\n\n"
                               "TOP 1 Zuwendungen\nDer Beirat empfiehlt:\nAntrag Nr. 3/2019\n"
                               "Zuwendungsempf\u00e4nger: Kulturverein Gro\u00dfe\u00adfeld e.V.\n"
                               "Zuwendungsbetrag: 300,00 €\nProjekt: Sommer\ufb01lmabend für Migranten¬\norganisationen\n", "x.txt")
    assert [(p.family_name, p.party, p.attendance) for p in record.people] == [
        ("Grube", None, Attendance.PRESENT), ("Schmalz", "SPD", Attendance.PRESENT),
        ("Ahmed", None, Attendance.PRESENT), ("Kambi", None, Attendance.EXCUSED)]
    assert [(g.applicant, g.purpose) for g in record.grants] == [
        ("Kulturverein Großefeld e.V.", "Sommerfilmabend für Migrantenorganisationen")]
    assert record.warnings == ()


def test_council_named_most_often_in_the_text_when_the_header_has_none():
    record = parse_text("Protokoll\nSitzung am 01.02.2020\n\nTOP 1 Bericht\nWie der Integrationsbeirat Ricklingen "
                        "berichtete, plant der Integrationsbeirat Linden-Limmer ein Fest.\nDer Integrationsbeirat Linden-\n"
                        "Limmer lädt alle ein.\n", "x.txt")
    assert (record.council_name, record.district) == ("Integrationsbeirat Linden-Limmer", "Linden-Limmer")


def test_without_agenda_items_grants_and_text_after_the_people_are_read():
    record = parse_text("Integrationsbeirat Mitte\nSitzung am 01.02.2020\nAnwesend: Frau A. Meier, Herr Jan Ohm\n\n"
                        "Frau Meier teilt mit, dass sich Herr Kurt Lange entschuldigt hat.\n\n"
                        "Der Beirat empfiehlt:\nAntrag Nr. 1/2020\nVerein X e.V.\nZuwendungsbetrag: 100,00 €\n", "x.txt")
    assert [(p.given_name, p.family_name, p.attendance) for p in record.people] == [
        ("A.", "Meier", Attendance.PRESENT), ("Jan", "Ohm", Attendance.PRESENT), ("Kurt", "Lange", Attendance.EXCUSED)]
    assert [(g.application_number, g.applicant, g.amount, g.agenda_number) for g in record.grants] == [
        ("1/2020", "Verein X e.V.", Decimal("100.00"), None)]
    assert record.agenda == () and record.warnings == ()
