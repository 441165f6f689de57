"""What was said about X: full-text search returns the passage with its source."""
from __future__ import annotations

from bot.queries.passages import search_passages

LINDEN = "Integrationsbeirat Linden-Limmer"


def test_topic_word_finds_the_passage(session):
    found = search_passages(session, "Was wurde über den LIP gesagt?")
    assert len(found) == 2 and all("LIP" in p.text or "LIP" in p.heading for p in found), found
    assert found[0].source.agenda_number == "3" and found[0].source.meeting_number == 32


def test_word_beginning_and_sharp_s(session):
    for question in ("Fußball", "fussballturnier", "Zuwendung"):
        found = search_passages(session, question, council=LINDEN)
        assert found and found[0].heading == "Beratung über Zuwendungen", f"{question!r} found {found}"


def test_no_content_words_or_no_match_is_empty(session):
    assert search_passages(session, "was wurde da gesagt") == []
    assert search_passages(session, "Weltraumbahnhof") == []
    assert search_passages(session, '"LIP" OR * NEAR(') != [], "query syntax in user text is treated as words"


def test_other_council_is_not_searched(session):
    assert search_passages(session, "Sommerfest", council=LINDEN) == []
    assert search_passages(session, "Sommerfest", council="Integrationsbeirat Ricklingen")[0].source.meeting_number == 7
    assert search_passages(session, "LIP", council="Integrationsbeirat Mitte") == []


def test_limit(session):
    assert len(search_passages(session, "LIP", limit=1)) == 1
