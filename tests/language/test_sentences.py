"""Sentences and words (a name is one word)."""

from bot.language.sentences import analyse


def sentences(text, names=()):
    return [s.text for s in analyse(text, names).sentences]


def test_sentence_ends_after_a_name_with_a_dot_only_before_a_capital():
    names = ["Banjul e.V."]
    assert sentences("Banjul e.V. bekommt Geld. Das ist gut.", names) == ["Banjul e.V. bekommt Geld.", "Das ist gut."]
    assert sentences("Das Geld bekommt Banjul e.V. Das ist gut.", names) == ["Das Geld bekommt Banjul e.V.", "Das ist gut."]


def test_ordinals_dates_and_abbreviations_do_not_end_a_sentence():
    assert sentences("Die 32. Sitzung war am Montag, 1. April 2019. Danach kam nichts.") == [
        "Die 32. Sitzung war am Montag, 1. April 2019.",
        "Danach kam nichts.",
    ]
    assert sentences("Antrag Nr. 4 ist z. B. gut.") == ["Antrag Nr. 4 ist z. B. gut."]


def test_a_quote_ending_with_a_period_ends_the_sentence_before_a_capital():
    assert sentences("Er sagt: „Das ist gut.“ Dann geht er.") == ["Er sagt: „Das ist gut.“", "Dann geht er."]
    assert sentences("Im Text steht „Beratung u. a.“ und mehr.") == ["Im Text steht „Beratung u. a.“ und mehr."]


def test_a_number_at_the_end_of_a_sentence_ends_it():
    assert sentences("Es waren 12. Das ist viel.") == ["Es waren 12.", "Das ist viel."]


def test_every_line_is_split_and_list_items_are_marked():
    result = analyse("Das sind die Vereine:\n- Banjul e.V.\n- Förderverein\nMöchten Sie mehr wissen?").sentences
    assert [s.list_item for s in result] == [False, True, True, False]


def test_term_and_its_explanation_are_one_sentence():
    result = sentences("Zuwendung. Das heißt: Die Stadt gibt Geld für ein Projekt.")
    assert result == ["Zuwendung. Das heißt: Die Stadt gibt Geld für ein Projekt."]


def test_a_name_counts_as_one_word():
    text = "Förderverein der IGS Linden e.V. bekommt Geld."
    assert analyse(text).sentences[0].words == 7
    assert analyse(text, ["Förderverein der IGS Linden e.V."]).sentences[0].words == 3


def test_a_council_name_with_mediopunkt_still_counts_as_one_word():
    text = "Das sagt der Integrations·beirat Linden-Limmer."
    assert analyse(text, ["Integrationsbeirat Linden-Limmer"]).sentences[0].words == 4


def test_quoted_text_counts_as_one_word():
    assert analyse("Das Projekt heißt „Spielend gegen Ausgrenzung“.").sentences[0].words == 4


def test_mediopunkt_word_is_one_word():
    assert analyse("Der Integrations·beirat tagt.").sentences[0].words == 3


def test_a_church_name_with_abbreviations_is_no_sentence_end():
    from bot.language.sentences import analyse as cut

    text = "Der Antrag ist von Ev.-luth. Kirchengemeinde Titus. Kath. Pfarrgemeinde Bethlehem bekommt Geld."
    assert [s.text for s in cut(text).sentences] == [
        "Der Antrag ist von Ev.-luth. Kirchengemeinde Titus.",
        "Kath. Pfarrgemeinde Bethlehem bekommt Geld.",
    ]
