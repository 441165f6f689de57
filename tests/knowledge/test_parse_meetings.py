"""Council, kind and meeting facts of each fixture: the meeting date is the meeting's,
never a print date, an application date or another body's date."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.knowledge.records import DocumentKind, Meeting

T = dt.time

CASES = {
    # e-government header: the print date 02.07.2012 and "TOP 2 … Sitzung am 16.04.2012" are not the meeting
    "2012-06-18_ahlem-badenstedt-davenstedt_12.txt": (
        "Integrationsbeirat Ahlem-Badenstedt-Davenstedt", "Ahlem-Badenstedt-Davenstedt",
        Meeting(12, dt.date(2012, 6, 18), "Stadtteiltreff Am Wasserturm", "Wasserturmweg 3", T(18, 30), T(20, 16), False)),
    "2013-12-03_nord_03.txt": (
        "Integrationsbeirat Nord", "Nord",
        Meeting(3, dt.date(2013, 12, 3), "Bürgerschule Nordstadt", "Klaus-Müller-Kilian-Weg 2", T(19, 0), T(21, 5), False)),
    # no header at all: council, number, date and start come from the opening sentence
    "2015-05-12_suedstadt-bult_07.txt": (
        "Integrationsbeirat Südstadt-Bult", "Südstadt-Bult",
        Meeting(7, dt.date(2015, 5, 12), None, None, T(19, 0), T(20, 40), True)),
    "2016-03-14_mitte_18.txt": (
        "Integrationsbeirat Mitte", "Mitte",
        Meeting(18, dt.date(2016, 3, 14), "Stadtteilzentrum Weiße Rose", "Kronenstraße 12", T(18, 0), T(20, 16), False)),
    "2019-09-23_vahrenwald-list_41.txt": (
        "Integrationsbeirat Vahrenwald-List", "Vahrenwald-List",
        Meeting(41, dt.date(2019, 9, 23), "Freizeitheim Vahrenwald", "Vahrenwalder Straße 92", T(18, 0), T(19, 45), False)),
    "2021-11-08_doehren-wuelfel_15.txt": (
        "Integrationsbeirat Döhren-Wülfel", "Döhren-Wülfel",
        Meeting(15, dt.date(2021, 11, 8), "Freizeitheim Döhren", "An der Wollebahn 1", T(18, 0), T(19, 30), False)),
    "2023-02-27_ricklingen_05.txt": (
        "Integrationsbeirat Ricklingen", "Ricklingen",
        Meeting(5, dt.date(2023, 2, 27), "Freizeitheim Ricklingen", "Ricklinger Stadtweg 1", T(18, 30), T(20, 50), True)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_protocol_header(parsed, name):
    council, district, meeting = CASES[name]
    record = parsed(name)
    assert (record.kind, record.council_name, record.district) == (DocumentKind.PROTOCOL, council, district)
    assert record.meeting == meeting
    assert record.paper_number is None


def test_decision_paper_has_number_council_and_the_council_meeting_it_reports(parsed):
    record = parsed("2011-06-20_beschlussdrucksache_15-2038-2011.txt")
    assert record.kind is DocumentKind.DECISION_PAPER
    assert (record.council_name, record.district, record.paper_number) == (
        "Integrationsbeirat Mitte", "Mitte", "15-2038/2011")
    # "Der Integrationsbeirat Mitte hat in seiner Sitzung am 09.06.2011 die Anträge beraten": the date of the
    # council's meeting, and nothing else about it (the paper's own date 20.06.2011 is not a meeting).
    assert record.meeting == Meeting(date=dt.date(2011, 6, 9))
    assert record.people == () and record.agenda == ()


AGENDAS = {
    "2012-06-18_ahlem-badenstedt-davenstedt_12.txt": [
        ("1", "Eröffnung der Sitzung, Feststellung der ordnungsgemäßen Einberufung und Beschlussfähigkeit"),
        ("2", "Genehmigung des Protokolls über die 11. Sitzung am 16.04.2012"),
        ("3", "Beratung über Zuwendungen auf Vorschlag des Integrationsbeirates"),
        ("4", "Verschiedenes"),
    ],
    "2015-05-12_suedstadt-bult_07.txt": [("1", "Eröffnung"), ("2", "Anträge auf Zuwendung"), ("3", "Verschiedenes")],
    "2016-03-14_mitte_18.txt": [
        ("1", "Begrüßung und Feststellung der Tagesordnung"), ("2", "Zuwendungen"), ("3", "Verschiedenes")],
    "2023-02-27_ricklingen_05.txt": [("1", "Begrüßung"), ("2", "Förderanträge"), ("3", "Verschiedenes")],
}


@pytest.mark.parametrize("name", sorted(AGENDAS))
def test_agenda_titles_and_overview_not_doubled(parsed, name):
    record = parsed(name)
    assert [(a.number, a.title) for a in record.agenda] == AGENDAS[name]


def test_agenda_item_text_comes_from_the_body_not_the_overview(parsed):
    record = parsed("2012-06-18_ahlem-badenstedt-davenstedt_12.txt")
    assert record.agenda[1].text == "Das Protokoll wird einstimmig genehmigt."
    assert record.agenda[0].line == 42


def test_passages_of_a_fixture(parsed):
    record = parsed("2013-12-03_nord_03.txt")
    assert [(p.agenda_number, p.heading) for p in record.passages] == [
        ("1", "Eröffnung"), ("2", "Zuwendungen"), ("3", "Zusammenleben in Hainholz"), ("3", "Fragen aus dem Beirat")]
    assert record.passages[3].text == (
        "- Wie erreicht man ältere Menschen, die kein Deutsch sprechen?\n"
        "- Gibt es Räume für Treffen am Wochenende?\n"
        "Herr Petersen bietet an, die Räume der Stadtteilsozialarbeit zur Verfügung zu stellen.")
