"""Each Leichte Sprache rule fires on a bad example and stays quiet on a good one."""
import pytest

from bot.lint.rules import RULES, check_text
from bot.core.facts import GlossaryEntry

NAMES = ["Banjul e.V.", "Förderverein der IGS Linden e.V.", "Rainer-Jörg Grube", "DIE PARTEI"]

# (rule, bad text, good text)
CASES = [
    ("sentence_length",
     "Der Beirat hat in der Sitzung am Montag sehr lange über viele Anträge von Vereinen aus dem Stadtteil gesprochen.",
     "Der Beirat hat lange gesprochen. Es ging um Anträge von Vereinen."),
    ("one_statement", "Der Beirat sagt, dass das Projekt gut ist.", "Der Beirat sagt: Das Projekt ist gut."),
    ("one_statement", "Das sind die Gäste, die eingeladen waren.", "Das sind die Gäste. Sie waren eingeladen."),
    ("one_statement", "Das Geld ist da; das Fest kommt.", "Das Geld ist da. Das Fest kommt."),
    ("passive", "Das Projekt wurde von der Stadt gefördert.", "Die Stadt hat das Projekt gefördert."),
    ("passive", "Die Sitzung wurde um 19 Uhr eröffnet.", "Er wurde Vorsitzender."),
    ("passive", "Das Geld wird vom Beirat beantragt.", "Der Beirat beantragt das Geld."),
    ("passive", "Die Anträge werden im Mai besprochen.", "Die Sitzung wird im Mai sein."),
    ("passive", "Der Antrag ist im Mai genehmigt worden.", "Der Antrag ist im Mai gekommen."),
    ("genitive", "Das ist das Geld des Vereins.", "Das ist das Geld von dem Verein."),
    ("genitive", "Das ist der Plan eines Vereins.", "Meinen Sie eines von diesen Wörtern?"),
    ("subjunctive", "Das würde der Beirat gerne machen.", "Möchten Sie mehr wissen?"),
    ("subjunctive", "Das wäre gut.", "Das ist gut."),
    ("negation", "Niemand hat nichts gesagt.", "Das weiß ich nicht."),
    ("negation", "Das ist nicht gut. Das ist kein Geld. Das war nie so.", "Das ist nicht gut. Das ist gut."),
    ("number_word", "Es gab zwei Anträge.", "Es gab 2 Anträge."),
    ("number_word", "Das kostet dreihundert Euro.", "Das kostet 300 Euro."),
    ("amount_format", "Der Verein bekommt 1.400,00 €.", "Der Verein bekommt 1.400 Euro."),
    ("amount_format", "Der Verein bekommt 1400 EUR.", "Der Verein bekommt 740,70 Euro."),
    ("amount_format", "Der Verein bekommt 1400 Euro.", "Der Verein bekommt 1.000.000 Euro."),
    ("date_format", "Die Sitzung war am 01.04.2019.", "Die Sitzung war am Montag, 1. April 2019."),
    ("date_format", "Die Sitzung war am 2019-04-01.", "Der Antrag hat die Nummer 04/2019."),
    ("date_format", "Der Kongress ist am 15.06. im Kulturzentrum.", "Der Kongress ist am 15. Juni."),
    ("time_format", "Die Sitzung beginnt um 19.00 Uhr.", "Die Sitzung beginnt um 19 Uhr."),
    ("time_format", "Die Sitzung beginnt um 19:00 Uhr.", "Die Sitzung endet um 20:45 Uhr."),
    ("time_format", "Die Sitzung beginnt um 09:30 Uhr.", "Die Sitzung beginnt um 9:30 Uhr."),
    ("abbreviation", "Das steht bei TOP 2.", "TOP 2. TOP heißt: Tages·ordnungs·punkt."),
    ("abbreviation", "Das ist Antrag Nr. 4.", "Das ist der Antrag mit der Nummer 4."),
    ("abbreviation", "Das kostet ca. 100 Euro.", "Das kostet ungefähr 100 Euro."),
    ("abbreviation", "Es gibt z. B. Feste.", "Es gibt zum Beispiel Feste."),
    ("abbreviation", "Die MSO helfen.", "Die MSO helfen. MSO heißt: Migranten·selbst·organisation."),
    ("abbreviation", "Banjul e.V. bekommt Geld.", "Banjul e.V. bekommt Geld. e.V. heißt: eingetragener Verein."),
    ("roman_numeral", "Das steht in Kapitel IV.", "Das steht in Kapitel 4."),
    ("informal_address", "Hast du eine Frage?", "Haben Sie eine Frage?"),
    ("informal_address", "Das ist dein Antrag.", "Das ist Ihr Antrag."),
    ("list_inline", "Da waren Ahmed, Arafat, Ganskow und Kambi.", "Da waren:\n- Ahmed\n- Arafat\n- Ganskow\n- Kambi"),
    ("too_many_sentences", "Satz eins ist da. " * 7, "Das ist gut. " * 5 + "Möchten Sie mehr wissen?"),
    ("compound_unsplit", "Der Integrationsbeirat tagt.", "Der Integrations·beirat tagt."),
    ("compound_inconsistent", "Der Stadtbezirks·rat tagt.", "Der Stadt·bezirks·rat tagt."),
    ("compound_inconsistent", "Die Reihen·folge ist gut.", "Die Reihenfolge ist gut."),
    ("one_word_one_thing", "Der Verein bekommt eine Zuwendung. Die Förderung ist gut.",
     "Der Verein bekommt eine Zuwendung. Die Zuwendungen sind gut."),
    ("one_word_one_thing", "Die Sitzung war lang. Die Versammlung war gut.", "Das ist vereinbart. Die Organisation hilft."),
]


def rules_in(text, **options):
    options.setdefault("entries", ())
    return {v.rule for v in check_text(text, NAMES, **options)}


@pytest.mark.parametrize("rule, bad, good", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_fires_on_bad_and_not_on_good(rule, bad, good):
    assert rule in RULES, f"unknown rule id {rule}"
    assert rule in rules_in(bad), f"{rule} missed: {bad!r}"
    assert rule not in rules_in(good), f"{rule} fired on good text: {good!r} -> {check_text(good, NAMES, entries=())}"


def test_every_rule_has_a_case():
    assert {c[0] for c in CASES} | {"hard_word"} == set(RULES)


def test_good_answer_has_no_violation():
    text = (
        "Banjul e.V. hat Geld beantragt.\n"
        "e.V. heißt: eingetragener Verein.\n"
        "Der Integrations·beirat schlägt 1.400 Euro vor.\n"
        "Das steht im Protokoll von der 32. Sitzung. Die Sitzung war am Montag, 1. April 2019.\n"
        "Möchten Sie mehr wissen?"
    )
    assert check_text(text, NAMES, entries=()) == []


def test_names_are_not_checked():
    # "der IGS Linden" is a name, not a genitive; "DIE PARTEI" is no abbreviation.
    assert check_text("Förderverein der IGS Linden e.V. ist ein Verein. e.V. heißt: eingetragener Verein.",
                      NAMES, entries=()) == []
    assert check_text("Sie ist in DIE PARTEI.", NAMES, entries=()) == []


def test_quoted_protocol_text_is_not_checked_for_style():
    text = "Das Projekt heißt „Beratung über Zuwendungen auf Vorschlag des Integrationsbeirates“."
    assert check_text(text, entries=()) == []


def test_a_long_quoted_title_counts_word_by_word():
    title = "„Interkulturelles Sommerfest mit Musik und Tanz für alle Familien im Stadtteil“"
    found = check_text(f"Das Projekt heißt: {title}.", entries=())
    assert [(v.rule, v.message) for v in found] == [("sentence_length", "14 Wörter (höchstens 12)")]
    # On a line of its own after "heißt:", the title is counted by itself: 11 words.
    assert check_text(f"Das Projekt heißt:\n{title}.", entries=()) == []


def test_a_long_name_counts_word_by_word():
    name = "Verein für interkulturelle Begegnung und Bildung im Stadtbezirk Ahlem und Umgebung"
    found = check_text(f"Der {name} bekommt 500 Euro.", [name], entries=())
    assert [v.rule for v in found] == ["sentence_length"], "12 words of the name + 4 of ours"


def test_a_line_break_is_no_full_stop():
    text = "Das steht im Protokoll von der 32. Sitzung\nDie Sitzung war am Montag, 1. April 2019."
    assert [v.rule for v in check_text(text, entries=())] == ["sentence_length"]


ZUWENDUNG = GlossaryEntry("Zuwendung", "Die Stadt gibt Geld für ein Projekt.", ("Zuwendungen",))


def test_hard_word_must_be_explained():
    assert "hard_word" in rules_in("Der Verein bekommt eine Zuwendung.", entries=[ZUWENDUNG])


def test_hard_word_explained_in_the_text_is_fine():
    text = "Der Verein bekommt eine Zuwendung. Zuwendung. Das heißt: Die Stadt gibt Geld für ein Projekt."
    assert "hard_word" not in rules_in(text, entries=[ZUWENDUNG])


@pytest.mark.parametrize("text", [
    "Sie fragen nach Zuwendungen. Zuwendung heißt: Die Stadt gibt Geld.",
    "Das Wort „Zuwendung“ bedeutet:\nDie Stadt gibt Geld für ein Projekt.",
])
def test_hard_word_explained_in_own_words_is_fine(text):
    assert "hard_word" not in rules_in(text, entries=[ZUWENDUNG])


def test_hard_word_explained_earlier_in_the_conversation_is_fine():
    assert "hard_word" not in rules_in("Der Verein bekommt Zuwendungen.", entries=[ZUWENDUNG], explained={"Zuwendung"})


def test_hard_word_is_left_to_delivery_for_templates():
    assert "hard_word" not in rules_in("Der Verein bekommt eine Zuwendung.", entries=[ZUWENDUNG], explained_on_delivery=True)


def test_explanation_sentences_do_not_count_towards_the_answer_length():
    text = " ".join(["Das ist gut."] * 5) + " Zuwendung. Das heißt: Die Stadt gibt Geld für ein Projekt."
    assert "too_many_sentences" not in rules_in(text, entries=[ZUWENDUNG])


def test_each_violation_names_the_sentence():
    [violation] = check_text("Das ist gut. Das würde gehen.", entries=())
    assert violation.excerpt == "Das würde gehen." and violation.rule == "subjunctive"


@pytest.mark.parametrize("empty", ["", "   ", None])
def test_empty_text_has_no_violation(empty):
    assert check_text(empty) == []


def test_names_may_be_a_one_shot_iterator():
    text = "Förderverein der IGS Linden e.V. bekommt Geld. e.V. heißt: eingetragener Verein."
    assert check_text(text, iter(["Förderverein der IGS Linden e.V."]), entries=()) == []


def test_an_abbreviation_in_its_own_explanation_block_is_not_flagged():
    """'bzw. Das heißt: …' explains the abbreviation; the rule must not flag the explanation itself."""
    entry = GlossaryEntry(term="bzw.", explanation="oder.", aliases=("bzw",))
    explained = "Im Protokoll steht: „Feste bzw. Feiern“.\n\nbzw. Das heißt: oder."
    unexplained = "Es gibt Feste bzw. Feiern."
    assert not [v for v in check_text(explained, entries=[entry]) if v.rule == "abbreviation"]
    assert [v for v in check_text(unexplained, entries=[entry]) if v.rule == "abbreviation"], "bzw. outside a block"
