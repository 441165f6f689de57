"""Long words get a Mediopunkt from the ONE list, consistently, never inside names."""
import pytest

from bot.language.format import MEDIOPUNKT, compound_list, find_unsplit_compounds, split_compounds


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Integrationsbeirat", "Integrations·beirat"),
        ("des Integrationsbeirates", "des Integrations·beirates"),
        ("des Integrationsbeirats", "des Integrations·beirats"),
        ("die Integrationsbeiräte", "die Integrations·beiräte"),
        ("den Integrationsbeiräten", "den Integrations·beiräten"),
        ("Stadtbezirksrat", "Stadt·bezirks·rat"),
        ("Bezirksbürgermeisterin", "Bezirks·bürger·meisterin"),
        ("Beschlussdrucksachen", "Beschluss·drucksachen"),
        ("integrationsbeirat", "integrations·beirat"),  # the case of the text is kept
        ("INTEGRATIONSBEIRAT", "INTEGRATIONS·BEIRAT"),
        ("Der Stadtbezirk hat einen Stadtbezirksrat.", "Der Stadt·bezirk hat einen Stadt·bezirks·rat."),
    ],
)
def test_split(text, expected):
    assert split_compounds(text) == expected


def test_longer_unlisted_word_is_not_split_in_the_middle():
    assert split_compounds("Integrationsbeiratssitzung") == "Integrationsbeiratssitzung"


def test_splitting_twice_changes_nothing():
    once = split_compounds("Der Integrationsbeirat schlägt dem Stadtbezirksrat eine Zuwendung vor.")
    assert split_compounds(once) == once


def test_the_same_word_is_split_the_same_way_everywhere():
    text = split_compounds("Fachbereich, fachbereich, Fachbereiche und Fachbereichs")
    assert text.count("Fach·bereich") + text.count("fach·bereich") == 4, text


def test_protected_names_are_never_touched():
    name = "Förderverein der IGS Linden e.V."
    text = f"{name} ist ein Förderverein."
    assert split_compounds(text, protected_names=[name]) == f"{name} ist ein Förder·verein."


def test_quoted_text_is_never_touched():
    text = "Der Punkt heißt „Beratung über den Integrationsbeirat“."
    assert split_compounds(text) == text


def test_empty_text():
    assert split_compounds("") == ""


def test_find_unsplit_compounds_ignores_names_and_split_words():
    text = "Der Integrations·beirat und der Stadtbezirksrat. Förderverein XY e.V. hilft."
    assert find_unsplit_compounds(text, ["Förderverein XY e.V."]) == ["Stadtbezirksrat"]


def test_compound_list_is_one_consistent_list():
    words = compound_list()
    assert words, "compounds.txt is empty"
    unsplit = [w.replace(MEDIOPUNKT, "").lower() for w in words]
    assert len(unsplit) == len(set(unsplit)), "a word is listed twice"
    for word in words:
        assert MEDIOPUNKT in word, f"{word!r} has no Mediopunkt"
        assert split_compounds(word.replace(MEDIOPUNKT, "")) == word, f"{word!r} is not split as listed"


def test_a_protected_name_protects_whole_words_only():
    # The name "Verein" must not protect the "verein" inside "Förderverein".
    assert split_compounds("Der Förderverein und Verein", protected_names=["Verein"]) == "Der Förder·verein und Verein"
