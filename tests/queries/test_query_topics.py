"""Grants by subject: compounds and their parts, subject groups, no loose matches."""
from __future__ import annotations

import pytest

from bot.queries import topics


@pytest.mark.parametrize("subject", ["Fußballturnier", "Fußball-Turnier", "fussball turnier", "Turnier", "Fußball"])
def test_compounds_and_their_parts_find_the_football_grant(session, subject):
    # "Turnier" is only in the protocol's sentence about Banyul, not in the purpose.
    found = topics.grants_for_subject(session, subject)
    assert [g.organisation for g in found] == ["Banjul e.V."]


def test_a_subject_group_finds_a_related_purpose(session):
    # "Fest" also means "Sommerfest" (the Ricklingen grant's purpose).
    assert [g.organisation for g in topics.grants_for_subject(session, "Feste")] == [
        "Nachbarschaftstreff Mühlenberg e.V."
    ]


def test_the_sentence_about_one_applicant_is_not_the_other_ones(session):
    # The football sentence follows the Banyul sentence: the IGS grant is not about football.
    names = {g.organisation for g in topics.grants_for_subject(session, "sportlich")}
    assert "Förderverein der IGS Linden e.V." not in names


@pytest.mark.parametrize("subject", ["Kochen", "Projekt", "ein Projekt", "", "Exkursion"])
def test_unrelated_or_generic_subjects_find_nothing(session, subject):
    assert topics.grants_for_subject(session, subject) == []


def test_a_council_filter_applies(session):
    assert topics.grants_for_subject(session, "Sommerfest", council="Integrationsbeirat Linden-Limmer") == []


@pytest.mark.parametrize(
    "subject, part",
    [("Sprachkurs-Projekt", "sprach"), ("Kinderfest", "kind"), ("Kinderfest", "fest"), ("Mädchen", "madchen")],
)
def test_subject_parts(subject, part):
    assert part in topics.subject_parts(subject)


def test_a_part_inside_a_word_must_start_a_compound_part():
    assert topics.matches(frozenset({"kurs"}), "Arabischkurse für Kinder")
    assert not topics.matches(frozenset({"kurs"}), "Exkursion in den Zoo")


def test_a_word_of_the_text_counts_only_as_the_last_part_of_the_subject():
    # "Deutsch" begins "Deutschkurse" but a course of German is not a story in German.
    turnier, kurse = frozenset({"fussballturnier"}), frozenset({"deutschkurse"})
    assert topics.matches(turnier, "Das Turnier", turnier)
    assert not topics.matches(turnier, "Internationales Fußball", turnier)
    assert not topics.matches(kurse, "Deutsch-türkische Geschichten", kurse)
