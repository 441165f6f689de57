"""find_terms (one alternation regex finds where forms start) gives exactly what the
old algorithm gave (every form's own regex over the whole text, longest form first).

The old algorithm is copied here as it was, and both run over: every answer the
checker renders from a seeded database (as delivered, with explanations), the fixed
responses of domain.yml, every glossary form inside sentences (cases, Mediopunkts,
line breaks), hand-made overlaps, and many random texts built from pieces of forms.
"""

from __future__ import annotations

import random
import re
from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from bot.core.facts import GlossaryEntry
from bot.core.glossary_file import read_glossary
from bot.language.format import MEDIOPUNKT
from bot.language.glossary import TermMatch, find_terms
from bot.lint.catalog import answers, render_all

REPO = Path(__file__).resolve().parents[2]
ENTRIES = read_glossary()


# --- the old algorithm, unchanged -----------------------------------------------------------


def _old_any_case(form: str) -> bool:
    return form in (form.lower(), form.capitalize())


@lru_cache(maxsize=4096)
def _old_pattern(form: str) -> re.Pattern:
    pieces = []
    for char in form:
        pieces.append(r"\s+" if char.isspace() else re.escape(char) + f"{MEDIOPUNKT}?")
    body = "".join(pieces)
    if body.endswith(f"{MEDIOPUNKT}?"):
        body = body[: -len(f"{MEDIOPUNKT}?")]
    flags = re.IGNORECASE if _old_any_case(form) else 0
    return re.compile(rf"(?<![\w{MEDIOPUNKT}]){body}(?![\w{MEDIOPUNKT}])", flags)


def old_find_terms(text: str, entries) -> list[TermMatch]:
    if not text:
        return []
    forms = sorted(
        ((form, entry) for entry in entries for form in (entry.term, *entry.aliases)),
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
    taken: list[TermMatch] = []
    for form, entry in forms:
        for match in _old_pattern(form).finditer(text):
            if not any(m.start < match.end() and match.start() < m.end for m in taken):
                taken.append(TermMatch(entry, match.start(), match.end(), match.group(0)))
    return sorted(taken, key=lambda m: m.start)


def assert_same(text: str, entries=ENTRIES) -> list[TermMatch]:
    new = find_terms(text, entries)
    assert new == old_find_terms(text, entries), text
    return new


def forms(entries=ENTRIES) -> list[str]:
    return [form for entry in entries for form in (entry.term, *entry.aliases)]


def with_mediopunkts(word: str) -> str:
    """ "Integrationsbeirat" -> "Integrations·beirat" style: a Mediopunkt in the middle."""
    middle = len(word) // 2
    return word[:middle] + MEDIOPUNKT + word[middle:] if word[middle - 1 : middle + 1].isalpha() else word


# --- real texts -----------------------------------------------------------------------------


def test_every_rendered_answer_gives_the_same_terms(session):
    entries = ENTRIES
    texts = [item.text if hasattr(item, "text") else str(item) for _, item in answers(session)]
    texts += [text for _, text in render_all(session)]
    assert len(texts) > 100  # the catalogue really rendered
    found = sum(len(assert_same(text, entries)) for text in texts)
    assert found > 50  # and the answers really hold hard words


def test_fixed_responses_give_the_same_terms():
    domain = yaml.safe_load((REPO / "domain.yml").read_text(encoding="utf-8"))
    texts = [variant.get("text") or "" for variants in domain["responses"].values() for variant in variants]
    assert sum(len(assert_same(text)) for text in texts) > 5


@pytest.mark.parametrize("form", forms(), ids=forms())
def test_each_form_in_sentences_gives_the_same_terms(form):
    variants = {form, form.lower(), form.upper(), form.capitalize(), with_mediopunkts(form), form.replace(" ", "\n")}
    for variant in variants:
        for sentence in (
            f"Hier steht {variant} im Satz.",
            f"{variant}",
            f"„{variant}“ bedeutet: etwas.",
            f"Die {variant}n und {variant}-Liste und {variant}{variant}.",
            f"- {variant}\n- {variant}·zwei {variant}.",
        ):
            assert_same(sentence)


def test_overlapping_forms_give_the_same_terms():
    entries = (
        GlossaryEntry(term="A B", explanation="x", aliases=()),
        GlossaryEntry(term="B C D", explanation="x", aliases=("b",)),
        GlossaryEntry(term="Lokaler Integrationsplan", explanation="x", aliases=("Integrationsplan", "Lokaler")),
        GlossaryEntry(term="Z X", explanation="x", aliases=()),
        GlossaryEntry(term="X X", explanation="x", aliases=("X",)),
        GlossaryEntry(term="c d e f", explanation="x", aliases=("E F G", "d")),
    )
    texts = [
        "A B C D",  # the longer form wins although the shorter comes first
        "a b c d B C D b",
        "Der Lokaler Integrations·plan und der lokale Integrationsplan, lokaler.",
        "X X X X X",  # a form's own matches do not overlap (finditer)
        "Z X X X",  # "X X" at 2 loses to "Z X"; finditer goes on after it, so not "X X" at 4
        "c d e f g, C D E F G, d e f g",
        "A  B\nC",
    ]
    for text in texts:
        assert_same(text, entries)
    # The overlap rule really decides these (not only the order of the alternation).
    assert [m.text for m in find_terms("A B C D", entries)] == ["B C D"]
    assert [m.text for m in find_terms("X X X X X", entries)] == ["X X", "X X", "X"]
    assert [m.text for m in find_terms("Z X X X", entries)] == ["Z X", "X", "X"]


def test_random_texts_give_the_same_terms():
    rng = random.Random(15)
    pieces = forms() + ["und", "der", "·", "-", "e.", "V.", "TOP", "Antrag", "s", "n", "Integrations", "beirat"]
    glue = [" ", "  ", "\n", "·", "", ". ", ", ", "-", "„", "“", "\n- "]
    for _ in range(3000):
        words = [rng.choice(pieces) for _ in range(rng.randint(1, 12))]
        words = [w.lower() if rng.random() < 0.2 else w for w in words]
        text = "".join(w + rng.choice(glue) for w in words)
        assert_same(text)


def test_random_texts_of_a_tiny_glossary_with_many_overlaps_give_the_same_terms():
    """Forms that overlap each other in every way: prefixes, suffixes, the same start."""
    words = ["a", "b", "a b", "b a", "a a", "a b a", "b a b b", "A B", "a·b", "ab"]
    entries = tuple(GlossaryEntry(term=w, explanation="x", aliases=()) for w in words)
    rng = random.Random(16)
    for _ in range(5000):
        text = "".join(rng.choice(["a", "b", "A", " ", " ", "·", "\n", "."]) for _ in range(rng.randint(1, 16)))
        assert_same(text, entries)


def test_no_entries_and_no_text():
    assert find_terms("", ENTRIES) == [] == old_find_terms("", ENTRIES)
    assert find_terms("Eine Zuwendung.", []) == [] == old_find_terms("Eine Zuwendung.", [])


def test_a_changed_glossary_is_used_at_once():
    first = (GlossaryEntry(term="Zuwendung", explanation="x", aliases=()),)
    second = (GlossaryEntry(term="Zuwendung", explanation="y", aliases=("Zuwendungen",)),)
    assert [m.text for m in find_terms("Zwei Zuwendungen.", first)] == []
    assert [m.text for m in find_terms("Zwei Zuwendungen.", second)] == ["Zuwendungen"]
    assert find_terms("Eine Zuwendung.", second)[0].entry.explanation == "y"
