"""What a protocol says: sentences, list items and dates found for a question."""
from __future__ import annotations

import pytest

from bot.db.session import session_scope
from bot.importer.writer import write_document
from bot.knowledge.records import Passage
from bot.queries import statements

LINDEN = "Integrationsbeirat Linden-Limmer"
TALK = (
    "Die Diskussionsveranstaltung ist Teil eines Projekts. Alle Fäden laufen auf einem Zukunftskongress\n"
    "zusammen, der für den 15.06. im Kulturzentrum Faust angesetzt ist. Eine Dokumentation entsteht."
)
WISHES = "Teilnehmer schreiben ihre Ideen auf:\n- Interkulturelles Altersheim\n- Leichtes Deutsch\n- Demokratieförderung. Kampf gegen Rassismus.\n- Begegnungsorte schaffen"
FLAT = (
    "4. Vorstellen der give aways Brotdosen wurden vorgestellt, 5. Auswertung der Teilnahme am Kleinen Fest "
    "am Bache in Anderten 5.1. Veranstaltung und Flaggenquiz waren ein Erfolg, 5.2. unbedingt Fortsetzung, "
    "6. Information über das Wohnheim"
)


@pytest.fixture
def protocol_session(db_url, seed):
    passages = (
        Passage("3", "Rückblick und Ausblick", TALK, line=80),
        Passage("3", "Wünsche und Anregungen für einen neuen LIP", WISHES, line=220),
        Passage("5", "Text", FLAT, line=30),
    )
    with session_scope(db_url) as session:
        write_document(session, seed(passages=passages))
    with session_scope(db_url) as session:
        yield session


def test_an_announced_event_is_found_by_its_date_also_inside_a_compound(protocol_session):
    found = statements.find_statements(
        protocol_session, "Wann ist die Veranstaltung, die im Protokoll angekündigt wird?", want_date=True
    )
    assert found[0].days == ((15, 6, None),), found
    assert "Zukunftskongress" in found[0].text and found[0].text.endswith("angesetzt ist.")
    assert found[0].passage.source.meeting_number == 32


def test_the_meeting_date_itself_is_no_event():
    assert statements.days_in("am 12. Mai 2015 und am 28.08.") == ((28, 8, None), (12, 5, 2015))


def test_the_points_of_a_list_are_whole_items(protocol_session):
    items = statements.list_items(protocol_session, "Welche Wünsche gab es für den neuen LIP?")
    assert [i.text for i in items] == [
        "Interkulturelles Altersheim",
        "Leichtes Deutsch",
        "Demokratieförderung. Kampf gegen Rassismus.",
        "Begegnungsorte schaffen",
    ]


def test_a_numbered_heading_brings_what_is_under_it(protocol_session):
    found = statements.find_statements(protocol_session, "Was war das Ergebnis beim Kleinen Fest am Bache?")
    assert found[0].text == "Auswertung der Teilnahme am Kleinen Fest am Bache in Anderten"
    assert found[0].details == ("Veranstaltung und Flaggenquiz waren ein Erfolg,", "unbedingt Fortsetzung,")


def test_nothing_for_unknown_words_or_another_council(protocol_session):
    assert statements.find_statements(protocol_session, "Weltraumbahnhof") == []
    assert statements.find_statements(protocol_session, "Flaggenquiz", council="Integrationsbeirat Mitte") == []
    assert statements.find_statements(protocol_session, "Flaggenquiz", council=LINDEN)


def test_stems_leave_out_question_words():
    assert statements.stems("Wann findet der Zukunftskongress statt?") == ["zukunftskongres", "zukunftskongreß"]
    assert statements.stems("Welche Wünsche gab es?") == ["wünsch"]
