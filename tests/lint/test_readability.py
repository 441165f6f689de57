"""Syllables, Flesch-Amstad and text statistics (the checker's readability measures)."""
import pytest

from bot.lint.readability import flesch_amstad, flesch_amstad_all_words, syllables, text_stats


def test_mediopunkt_word_has_all_its_syllables():
    assert syllables("Integrations·beirat") == 7


@pytest.mark.parametrize("word, count", [("Sitzung", 2), ("Euro", 2), ("Idee", 2), ("Hannover", 3), ("Geld", 1), ("2019", 4)])
def test_syllables(word, count):
    assert syllables(word) == count


def test_flesch_amstad_by_hand():
    # 11 words, 2 sentences, 21 syllables: 180 - 5.5 - 58.5 * 21 / 11 = 62.8
    text = "Der Integrationsbeirat hat am Montag getagt. Er gibt Geld für Projekte."
    assert flesch_amstad(text) == pytest.approx(62.8, abs=0.05)
    assert flesch_amstad_all_words(text) == pytest.approx(62.8, abs=0.05)


def test_flesch_amstad_counts_names_with_all_their_syllables():
    text = "Rainer-Jörg Grube leitet die Gruppe."
    plain = "Er leitet die Gruppe."
    assert flesch_amstad(text, ["Rainer-Jörg Grube"]) < flesch_amstad(plain)
    assert text_stats(text, ["Rainer-Jörg Grube"]).words == 5


def test_a_long_quoted_title_counts_word_by_word():
    title = "„Interkulturelles Sommerfest mit Musik und Tanz für alle Familien im Stadtteil“"
    stats = text_stats(f"Das Projekt heißt:\n{title}\nDer Verein bekommt Geld.")
    # The intro line ends in ":"; no full stop after the title: it runs on into the next sentence.
    assert stats.sentences == 2 and stats.max_sentence_words == 11 + 4
    with_stop = text_stats(f"Das Projekt heißt:\n{title}.\nDer Verein bekommt Geld.")
    assert with_stop.sentences == 3 and with_stop.max_sentence_words == 11  # the title line by itself
    assert flesch_amstad(f"Das Projekt heißt: {title}.") < flesch_amstad("Das Projekt heißt: „Fest“.")


def test_flesch_amstad_of_an_empty_text_is_none():
    assert flesch_amstad("") is None
    assert flesch_amstad("- …") is None


def test_simple_text_scores_higher_than_hard_text():
    easy = "Die Stadt gibt Geld. Das Geld ist für ein Fest."
    hard = "Die Beschlussdrucksache beinhaltet Zuwendungsempfehlungen hinsichtlich interkultureller Stadtteilprojekte."
    assert flesch_amstad(easy) > 80 > flesch_amstad(hard)


def test_text_stats_words_per_sentence_ignores_list_items():
    stats = text_stats("Diese Vereine bekommen Geld:\n- A\n- B\nDas steht im Protokoll.")
    assert stats.sentences == 4 and stats.prose_sentences == 2
    assert stats.words_per_sentence == 4.0
    assert stats.max_sentence_words == 4


def test_a_line_break_is_no_full_stop():
    stats = text_stats("Das steht im Protokoll von der 32. Sitzung\nDie Sitzung war am Montag, 1. April 2019.")
    assert stats.sentences == 1 and stats.max_sentence_words == 16
