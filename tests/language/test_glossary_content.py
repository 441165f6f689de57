"""knowledge/glossary.yml: the hard words are there, and every explanation is Leichte Sprache."""
import re

import pytest

from bot.language.format import split_compounds
from bot.core.glossary_file import read_glossary
from bot.language.glossary import explanation_text, find_terms
from bot.language.sentences import analyse
from bot.lint.rules import check_text

ENTRIES = read_glossary()
REQUIRED = [
    "Integrationsbeirat", "Zuwendung", "Stadtbezirksrat", "Stadtbezirk", "Antrag", "TOP", "Tagesordnungspunkt",
    "Tagesordnung", "LIP", "Lokaler Integrationsplan", "e.V.", "e. V.", "eV", "eingetragener Verein", "Protokoll",
    "Ergebnisprotokoll", "MSO", "Migrantenselbstorganisation", "Verwaltung", "Bezirksbürgermeister",
    "Bezirksbürgermeisterin", "Vorsitzende", "Vorsitzender", "Stellvertretung", "Stellvertreterin", "Fachbereich",
    "Beschluss", "Beschlussdrucksache", "Sitzung", "Verwendungszweck", "einstimmig", "Förderverein",
]
# Every number in an explanation must be a checked fact: Hannover has 13 Stadtbezirke.
CHECKED_NUMBERS = {"13"}


def forms():
    return {form for entry in ENTRIES for form in (entry.term, *entry.aliases)}


@pytest.mark.parametrize("word", REQUIRED)
def test_required_word_is_in_the_glossary(word):
    assert word in forms(), f"{word} fehlt in knowledge/glossary.yml"


@pytest.mark.parametrize("word", REQUIRED)
def test_required_word_is_found_in_a_sentence(word):
    found = find_terms(f"Hier steht {word} im Satz.", ENTRIES)
    assert found and found[0].text == word, f"{word} is not recognised: {found}"


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.term for e in ENTRIES])
def test_explanation_is_one_to_three_short_sentences(entry):
    sentences = analyse(entry.explanation).sentences
    assert 1 <= len(sentences) <= 3, f"{entry.term}: {len(sentences)} Sätze"
    assert all(s.words <= 15 for s in sentences), entry.explanation


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.term for e in ENTRIES])
def test_explanation_passes_the_checker(entry):
    # Other glossary words inside an explanation are fine (they are explained where
    # they appear in an answer); every other rule applies.
    block = explanation_text(entry)
    # An abbreviation that is the word explained ("z. B.") is no fault of the explanation:
    # the checker keeps it out of answers, the glossary explains it when someone asks.
    own = {entry.term, *entry.aliases}
    problems = [p for p in check_text(block, entries=()) if not (p.rule == "abbreviation" and p.excerpt in own)]
    assert problems == [], f"{block!r}: {problems}"


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.term for e in ENTRIES])
def test_explanation_uses_the_compound_list(entry):
    assert split_compounds(entry.explanation) == entry.explanation, (
        f"{entry.term}: write long words as in compounds.txt: {split_compounds(entry.explanation)!r}"
    )


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.term for e in ENTRIES])
def test_explanation_invents_no_number(entry):
    numbers = set(re.findall(r"\d+", entry.explanation))
    assert numbers <= CHECKED_NUMBERS, f"{entry.term}: unchecked numbers {numbers - CHECKED_NUMBERS}"


@pytest.mark.parametrize("entry", ENTRIES, ids=[e.term for e in ENTRIES])
def test_explanation_does_not_just_repeat_the_word(entry):
    assert entry.explanation.strip(".").lower() != entry.term.lower()
    assert len(entry.explanation.split()) >= 4, f"{entry.term}: explanation too thin"
