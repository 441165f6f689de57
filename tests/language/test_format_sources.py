"""Lists, names and sources: one item per line, names exactly as written, honest sources."""
import datetime as dt

import pytest

from bot.language.format import format_list, format_person, format_source
from bot.lint.rules import check_text
from bot.core.enums import Role
from bot.core.facts import PersonFact, Source

LINDEN = "Integrationsbeirat Linden-Limmer"


def source(**changes) -> Source:
    values = dict(council=LINDEN, meeting_number=32, meeting_date=dt.date(2019, 4, 1),
                  document="2019-04-01_linden-limmer_32.txt")
    values.update(changes)
    return Source(**values)


def test_list_has_one_item_per_line():
    assert format_list(["Banjul e.V.", "Förderverein der IGS Linden e.V."]) == (
        "- Banjul e.V.\n- Förderverein der IGS Linden e.V."
    )


def test_list_leaves_out_empty_items_and_joins_broken_lines():
    assert format_list(["  Grube ", None, "", "Inga\nSchmalz"]) == "- Grube\n- Inga Schmalz"


def test_empty_list_is_empty_text():
    assert format_list([]) == ""


@pytest.mark.parametrize("name", ["Rainer-Jörg Grube", "Herr Mingers", "von dem Knesebeck, Daniel", "kargah e.V."])
def test_person_name_stays_exactly_as_written(name):
    assert format_person(name) == name


def test_person_fact_gives_its_full_name():
    person = PersonFact("Lipi Mahajabin Ahmed", None, Role.MEMBER, None, None, LINDEN, source())
    assert format_person(person) == "Lipi Mahajabin Ahmed"


@pytest.mark.parametrize("bad", [None, "", "   "])
def test_missing_name_is_an_error(bad):
    with pytest.raises(ValueError):
        format_person(bad)


def test_source_with_number_date_and_council():
    assert format_source(source()) == (
        "Das steht im Protokoll von der 32. Sitzung vom Integrations·beirat Linden-Limmer. "
        "Die Sitzung war am Montag, 1. April 2019."
    )


def test_source_without_council():
    assert format_source(source(council=None)) == (
        "Das steht im Protokoll von der 32. Sitzung. Die Sitzung war am Montag, 1. April 2019."
    )
    assert "Linden" not in format_source(source(), with_council=False)


def test_source_without_number():
    assert format_source(source(meeting_number=None, council=None)) == (
        "Das steht im Protokoll von einer Sitzung. Die Sitzung war am Montag, 1. April 2019."
    )


def test_source_without_date_says_so_when_nothing_identifies_the_meeting():
    text = format_source(source(meeting_number=None, meeting_date=None, council=None))
    assert text == "Das steht im Protokoll von einer Sitzung. Das Datum von der Sitzung steht nicht im Protokoll."


def test_source_with_number_but_no_date_invents_no_date():
    text = format_source(source(meeting_date=None))
    assert "2019" not in text and "Die Sitzung war am" not in text, text


def test_decision_paper_source():
    assert format_source(source(paper_number="15-2038/2011", meeting_date=None)) == (
        "Das steht in einem Papier von der Stadt aus dem Jahr 2011."
    )


def test_decision_paper_source_says_when_the_council_spoke_about_it():
    """The date a decision paper carries is the council's meeting, not the paper's own."""
    text = format_source(source(paper_number="15-1448/2015", meeting_date=dt.date(2015, 6, 17)))
    assert text == ("Das steht in einem Papier von der Stadt aus dem Jahr 2015. "
                    "Der Integrations·beirat hat am Mittwoch, 17. Juni 2015 darüber gesprochen.")


def test_a_news_site_report_is_not_called_a_protocol():
    text = format_source(source(meeting_number=None, meeting_date=dt.date(2024, 2, 12),
                                url="https://punkt-linden.de/news/integrationsbeirat-linden-limmer-12-02-2024"))
    assert text == "Das steht in einem Bericht auf punkt-linden.de. Es geht um eine Sitzung am Montag, 12. Februar 2024."
    city = format_source(source(url="https://e-government.hannover-stadt.de/lhhsimwebre.nsf/DS/15-2028-2020"))
    assert city.startswith("Das steht im Protokoll"), "the city's own pages are no report"


def test_agenda_point_only_when_asked():
    assert "Punkt 2" not in format_source(source(agenda_number="2"))
    assert "Es geht um Punkt 2 auf der Tages·ordnung." in format_source(source(agenda_number="2"), with_agenda=True)


@pytest.mark.parametrize(
    "changes",
    [{}, {"council": None}, {"meeting_number": None}, {"meeting_date": None}, {"meeting_number": None, "meeting_date": None},
     {"paper_number": "15-2038/2011"}],
)
def test_every_source_sentence_passes_the_rules(changes):
    text = format_source(source(**changes))
    problems = check_text(text, names=[LINDEN], entries=())
    assert problems == [], f"{text!r}: {problems}"
