"""Bad input gets a clear message naming file, line and reason — and never a half record."""
from __future__ import annotations

import pytest

from bot.knowledge.parser import parse_file, parse_text
from bot.knowledge.records import ParseError

MINIMAL = """Integrationsbeirat Mitte
Protokoll der 4. Sitzung am Montag, 07.03.2022

TOP 1 Zuwendungen

Der Integrationsbeirat schlägt dem Stadtbezirksrat folgende Zuwendung vor:

Antrag Nr. 02/2022
Stadtteilchor Mitte e.V.
Zuwendungsbetrag: {amount}
Verwendungszweck: Chorprojekt
"""


def test_garbled_amount_names_file_line_and_reason(tmp_path):
    path = tmp_path / "kaputt.txt"
    path.write_text(MINIMAL.format(amount="1.4OO,00 €"), encoding="utf-8")
    with pytest.raises(ParseError) as caught:
        parse_file(path)
    error = caught.value
    assert (error.path, error.line) == (str(path), 10)
    assert "1.4OO,00 €" in error.reason and "nicht lesbar" in error.reason
    assert str(error).startswith(f"{path}:10: ")


def test_garbled_amount_without_currency_sign_is_an_error_too():
    with pytest.raises(ParseError) as caught:
        parse_text(MINIMAL.format(amount="1.4OO,00"), "ohne-euro.txt")
    assert caught.value.line == 10


def test_garbled_amount_in_a_table_is_an_error():
    text = MINIMAL.split("Antrag Nr.")[0] + (
        "Nr.       Antragsteller        Projekt        Betrag\n"
        "02/2022   Stadtteilchor e.V.   Chorprojekt    5OO,00 €\n")
    with pytest.raises(ParseError) as caught:
        parse_text(text, "tabelle.txt")
    assert caught.value.line == 9 and "5OO,00 €" in caught.value.reason


def test_readable_amount_parses(tmp_path):
    record = parse_text(MINIMAL.format(amount="1.400,00 €"), "gut.txt")
    assert [(g.application_number, str(g.amount)) for g in record.grants] == [("02/2022", "1400.00")]


def test_protocol_without_date_parses_with_date_none_and_a_warning():
    text = MINIMAL.format(amount="300,00 €").replace(" am Montag, 07.03.2022", "")
    text += "\nDas Sommerfest findet am 15.06. statt.\n"
    record = parse_text(text, "ohne-datum.txt")
    assert record.meeting is not None and record.meeting.date is None, "a date the text does not give stays None"
    assert record.meeting.number == 4
    assert [(w.line, w.reason) for w in record.warnings] == [
        (1, "Kein Sitzungsdatum mit Jahr gefunden – das Datum bleibt leer.")]
    assert len(record.grants) == 1


@pytest.mark.parametrize("text", ["", "   \n\t\n", "\ufeff"])
def test_empty_text_is_an_error(text):
    with pytest.raises(ParseError) as caught:
        parse_text(text, "leer.txt")
    assert "leer" in caught.value.reason


def test_text_with_nothing_usable_is_an_error():
    with pytest.raises(ParseError) as caught:
        parse_text("Liebe Nachbarn,\nam Samstag ist Flohmarkt im Hof.\nViele Grüße\n", "brief.txt")
    assert caught.value.line == 1
    assert "Kein Protokoll und keine Beschlussdrucksache" in caught.value.reason


def test_unexpected_fault_becomes_a_parse_error(monkeypatch):
    from bot.knowledge import parser

    def broken(*args, **kwargs):
        raise ValueError("kaputt")

    monkeypatch.setattr(parser, "find_sections", broken)
    with pytest.raises(ParseError) as caught:
        parse_text(MINIMAL.format(amount="1,00 €"), "x.txt")
    assert "Unerwarteter Fehler" in caught.value.reason and "ValueError" in caught.value.reason
