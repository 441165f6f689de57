"""Sentences, words (a name is one word) and Flesch-Amstad."""
import pytest

from bot.language.readability import analyse, flesch_amstad, flesch_amstad_all_words, syllables, text_stats


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


def test_mediopunkt_word_is_one_word_with_all_its_syllables():
    assert analyse("Der Integrations·beirat tagt.").sentences[0].words == 3
    assert syllables("Integrations·beirat") == 7


@pytest.mark.parametrize("word, count", [("Sitzung", 2), ("Euro", 2), ("Idee", 2), ("Hannover", 3), ("Geld", 1), ("2019", 4)])
def test_syllables(word, count):
    assert syllables(word) == count


def test_flesch_amstad_by_hand():
    # 11 words, 2 sentences, 21 syllables: 180 - 5.5 - 58.5 * 21 / 11 = 62.8
    text = "Der Integrationsbeirat hat am Montag getagt. Er gibt Geld für Projekte."
    assert flesch_amstad(text) == pytest.approx(62.8, abs=0.05)
    assert flesch_amstad_all_words(text) == pytest.approx(62.8, abs=0.05)


def test_flesch_amstad_leaves_names_out_of_the_syllables():
    text = "Rainer-Jörg Grube leitet die Gruppe."
    own = flesch_amstad(text, ["Rainer-Jörg Grube"])
    assert own > flesch_amstad_all_words(text), "the name should not make our wording look harder"


def test_flesch_amstad_of_only_names_is_none():
    assert flesch_amstad("- Rainer-Jörg Grube", ["Rainer-Jörg Grube"]) is None
    assert flesch_amstad("") is None


def test_simple_text_scores_higher_than_hard_text():
    easy = "Die Stadt gibt Geld. Das Geld ist für ein Fest."
    hard = "Die Beschlussdrucksache beinhaltet Zuwendungsempfehlungen hinsichtlich interkultureller Stadtteilprojekte."
    assert flesch_amstad(easy) > 80 > flesch_amstad(hard)


def test_text_stats_words_per_sentence_ignores_list_items():
    stats = text_stats("Diese Vereine bekommen Geld:\n- A\n- B\nDas steht im Protokoll.")
    assert stats.sentences == 4 and stats.prose_sentences == 2
    assert stats.words_per_sentence == 4.0
    assert stats.max_sentence_words == 4
