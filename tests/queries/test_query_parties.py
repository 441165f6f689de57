"""Parties by their usual names, members of a party, people from an organisation."""
from __future__ import annotations

import pytest

from bot.queries import parties


@pytest.mark.parametrize(
    "text, key",
    [
        ("Welche Mitglieder sind von der SPD?", "spd"),
        ("wer ist bei den grünen", "gruene"),
        ("BÜNDNIS 90 / DIE GRÜNEN", "gruene"),
        ("Bündnis 90/Die Grünen", "gruene"),
        ("gibt es leute von der linken", "linke"),
        ("Piraten", "piraten"),
        ("DIE PARTEI", "die_partei"),
        ("wer ist von die partei", "die_partei"),
        ("ist jemand bei volt", "volt"),
        ("cdu", "cdu"),
        ("AfD", "afd"),
    ],
)
def test_party_names(text, key):
    assert [p.key for p in parties.parties_in(text)][:1] == [key]


@pytest.mark.parametrize("text", ["Welche Partei hat Grube?", "Ist Grube in einer Partei?", "Tagesordnung", None])
def test_the_word_partei_alone_names_no_party(text):
    assert parties.parties_in(text) == []


def test_members_by_party_from_the_member_list(session):
    found = parties.party_members(session, "Integrationsbeirat Linden-Limmer")
    named = {p.key: [f.full_name for f in people] for p, people in found.by_party}
    assert named == {
        "gruene": ["Steffen Mallast"],
        "piraten": ["Thomas Ganskow"],
        "die_partei": ["Jasmin Grobleben"],
    }
    assert found.without_party == 19


def test_people_from_an_organisation_by_their_function(session):
    people = parties.people_from_organisation(session, "kargah")
    assert [p.full_name for p in people] == ["Asghar Eslami"]
    assert parties.people_from_organisation(session, "Unbekannter Verein") == []
