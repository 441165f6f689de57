"""Hard words are explained once per conversation, right after their first sentence."""
import pytest

from bot.language.glossary import explain_terms, explanation_text, find_terms
from bot.core.facts import GlossaryEntry

ZUWENDUNG = GlossaryEntry("Zuwendung", "Die Stadt gibt Geld für ein Projekt.", ("Zuwendungen",))
EV = GlossaryEntry("e.V.", "eingetragener Verein. Ein Verein ist eine Gruppe.", ("e. V.", "eV"))
TOP = GlossaryEntry("TOP", "Tages·ordnungs·punkt. Das ist ein Thema.", ())
BEIRAT = GlossaryEntry("Integrationsbeirat", "Eine Gruppe in einem Teil von Hannover.", ("Integrationsbeiräte",))
ENTRIES = [ZUWENDUNG, EV, TOP, BEIRAT]


def test_explanation_follows_the_sentence_of_first_use_as_its_own_paragraph():
    text, explained = explain_terms("Der Verein bekommt eine Zuwendung. Das ist gut.", set(), ENTRIES)
    assert text == (
        "Der Verein bekommt eine Zuwendung.\n\n"
        "Zuwendung. Das heißt: Die Stadt gibt Geld für ein Projekt.\n\n"
        "Das ist gut."
    )
    assert explained == {"Zuwendung"}


def test_word_is_explained_only_once_in_a_text():
    text, _ = explain_terms("Es gibt eine Zuwendung. Noch eine Zuwendung. Und Zuwendungen.", set(), ENTRIES)
    assert text.count("Das heißt:") == 1, text


def test_word_explained_earlier_in_the_conversation_is_not_explained_again():
    first, explained = explain_terms("Das ist eine Zuwendung.", set(), ENTRIES)
    second, explained_after = explain_terms("Noch eine Zuwendung.", explained, ENTRIES)
    assert "Das heißt" in first
    assert second == "Noch eine Zuwendung.", second
    assert explained_after == {"Zuwendung"}


def test_the_set_passed_in_is_not_changed():
    explained = {"TOP"}
    _, after = explain_terms("Das ist eine Zuwendung.", explained, ENTRIES)
    assert explained == {"TOP"} and after == {"TOP", "Zuwendung"}


def test_explained_set_is_compared_without_case():
    text, _ = explain_terms("Das ist eine Zuwendung.", {"zuwendung"}, ENTRIES)
    assert "Das heißt" not in text


def test_line_based_text_gets_each_explanation_as_a_paragraph():
    text, _ = explain_terms("Banjul e.V. bekommt Geld.\nDas ist eine Zuwendung.\nDas ist alles.", set(), ENTRIES)
    assert text.split("\n\n") == [
        "Banjul e.V. bekommt Geld.",
        "e.V. Das heißt: eingetragener Verein. Ein Verein ist eine Gruppe.",
        "Das ist eine Zuwendung.",
        "Zuwendung. Das heißt: Die Stadt gibt Geld für ein Projekt.",
        "Das ist alles.",
    ]


def test_word_in_a_list_is_explained_after_the_whole_list():
    text, _ = explain_terms("Diese Vereine bekommen Geld:\n- Banjul e.V.\n- Kargah e.V.\nDas ist alles.", set(), ENTRIES)
    paragraphs = text.split("\n\n")
    assert paragraphs[0] == "Diese Vereine bekommen Geld:\n- Banjul e.V.\n- Kargah e.V."
    assert paragraphs[1].startswith("e.V. Das heißt:") and paragraphs[2] == "Das ist alles.", paragraphs


def test_word_in_the_line_before_a_list_does_not_split_the_list_from_it():
    text, _ = explain_terms("Diese Vereine bekommen eine Zuwendung:\n- Banjul\n- Kargah\nDas ist alles.", set(), ENTRIES)
    assert text.startswith("Diese Vereine bekommen eine Zuwendung:\n- Banjul\n- Kargah\n\nZuwendung. Das heißt:"), text


def test_explanation_never_stands_between_an_answer_and_its_source():
    answer = (
        "Banjul bekommt eine Zuwendung.\nDas steht im Protokoll von der 32. Sitzung.\n"
        "Die Sitzung war am Montag, 1. April 2019.\nMöchten Sie mehr wissen?"
    )
    text, _ = explain_terms(answer, set(), ENTRIES)
    assert text.startswith("Banjul bekommt eine Zuwendung.\nDas steht im Protokoll von der 32. Sitzung.\n"), text
    assert text.endswith("Zuwendung. Das heißt: Die Stadt gibt Geld für ein Projekt.\n\nMöchten Sie mehr wissen?")


def test_two_words_in_one_sentence_are_explained_in_reading_order():
    text, explained = explain_terms("Der Integrationsbeirat schlägt eine Zuwendung vor.", set(), ENTRIES)
    assert text.index("Integrations·beirat. Das heißt") < text.index("Zuwendung. Das heißt"), text
    assert explained == {"Integrationsbeirat", "Zuwendung"}


def test_text_that_already_explains_the_word_gets_no_second_explanation():
    text = f"Sie fragen nach einem Wort. {explanation_text(ZUWENDUNG)}"
    result, explained = explain_terms(text, set(), ENTRIES)
    assert result == text and "Zuwendung" in explained


def test_text_that_explains_the_word_in_own_words_gets_no_glossary_block():
    text = "Das Wort „Zuwendung“ bedeutet:\nDie Stadt gibt Geld."
    result, explained = explain_terms(text, set(), ENTRIES)
    assert result == text and explained == {"Zuwendung"}


def test_words_inside_an_explanation_are_not_explained():
    entries = [GlossaryEntry("Sitzung", "Ein Treffen mit einer Zuwendung.", ()), ZUWENDUNG]
    text, explained = explain_terms("Das war die Sitzung.", set(), entries)
    assert text.count("Das heißt") == 1 and explained == {"Sitzung"}, text


def test_text_without_hard_words_is_unchanged():
    assert explain_terms("Das ist gut.", set(), ENTRIES) == ("Das ist gut.", set())


@pytest.mark.parametrize("empty", ["", None])
def test_empty_text(empty):
    assert explain_terms(empty, {"TOP"}, ENTRIES) == ("", {"TOP"})


def test_find_terms_finds_forms_split_words_and_abbreviations():
    found = find_terms("Bei TOP 2 ging es um Zuwendungen vom Integrations·beirat und kargah e. V.", ENTRIES)
    assert [(m.text, m.entry.term) for m in found] == [
        ("TOP", "TOP"), ("Zuwendungen", "Zuwendung"), ("Integrations·beirat", "Integrationsbeirat"), ("e. V.", "e.V."),
    ]


def test_abbreviations_match_only_as_written():
    assert find_terms("Das ist top.", ENTRIES) == []


def test_parts_of_longer_words_are_not_terms():
    assert find_terms("Die Zuwendungsempfehlung kommt.", ENTRIES) == []
