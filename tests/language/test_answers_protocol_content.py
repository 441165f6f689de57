"""What the protocol says, in plain language: the content first, the source, the text offered."""
from __future__ import annotations

import datetime as dt

from bot.core.facts import PassageFact, Source, StatementFact
from bot.language.answers import discussion

SOURCE = Source("Integrationsbeirat Linden-Limmer", 32, dt.date(2019, 4, 1), "2019-04-01_linden-limmer_32.txt",
                agenda_number="3")
PASSAGE = PassageFact("Rückblick", "Alle Fäden laufen auf einem Zukunftskongress zusammen …", SOURCE)


def test_an_event_date_names_event_day_place_and_that_no_year_is_given():
    statement = StatementFact(
        "Alle Fäden laufen auf einem Zukunftskongress zusammen, der für den 15.06. im Kulturzentrum Faust "
        "angesetzt ist.", PASSAGE, days=((15, 6, None),))
    answer = discussion.event_date(statement)
    lines = answer.text.splitlines()
    assert lines[:4] == [
        "Im Protokoll steht ein Termin für: Zukunftskongress.",
        "Der Tag ist: 15. Juni.",
        "Ein Jahr steht nicht dabei.",
        "Der Ort ist: Kulturzentrum Faust.",
    ], answer.text
    assert "32. Sitzung" in answer.text and lines[-1] == discussion.READ_OFFER
    assert answer.more.startswith(discussion.QUOTE_INTRO) and "Zukunftskongress" in answer.more


def test_a_list_shows_its_heading_and_the_first_points():
    items = [StatementFact(f"Wunsch {n}", PassageFact("Wünsche und Anregungen", "…", SOURCE), in_list=True)
             for n in range(1, 12)]
    answer = discussion.list_points(items)
    assert "Im Protokoll steht eine Liste mit 11 Punkten." in answer.text
    assert "Die Überschrift ist: „Wünsche und Anregungen“." in answer.text
    assert "Das sind die ersten 8 von 11:" in answer.text and "„Wunsch 8“" in answer.text
    assert "„Wunsch 9“" not in answer.text and "„Wunsch 9“" in answer.more


def test_statements_are_short_quotes_and_a_heading_brings_its_points():
    long = StatementFact(" ".join(["Wort"] * 40), PASSAGE)
    answer = discussion.statements([long], "LIP")
    assert answer.text.startswith("Zu „LIP“ steht im Protokoll:") and "…“" in answer.text
    heading = StatementFact("Auswertung vom Fest", PASSAGE, details=("Das Fest war ein Erfolg,",))
    answer = discussion.statements([heading])
    assert answer.text.startswith("Im Protokoll steht zu „Auswertung vom Fest“:\n- „Das Fest war ein Erfolg“")
