"""A name alone: organisation, person or council (place), exact names first."""
from __future__ import annotations

from bot.queries import names


def test_a_word_of_one_organisation_name(session):
    assert names.identify(session, "IGS") == [
        names.NameMatch(names.ORGANISATION, "Förderverein der IGS Linden e.V.", False)
    ]


def test_a_family_name_is_the_person(session):
    [match] = names.identify(session, "Schmalz")
    assert (match.kind, match.name, match.exact) == (names.PERSON, "Inga Schmalz", True)


def test_a_district_is_the_council(session):
    [match] = names.identify(session, "Ricklingen")
    assert (match.kind, match.name) == (names.COUNCIL, "Integrationsbeirat Ricklingen")


def test_a_family_name_of_two_people_is_not_guessed(session):
    # Rainer-Jörg Grube (Linden-Limmer) and Anna Grube (Ricklingen).
    assert [m for m in names.identify(session, "Grube") if m.kind == names.PERSON] == []


def test_unknown_names_match_nothing(session):
    assert names.identify(session, "Fnord") == []
    assert names.identify(session, "") == []
    assert names.identify(session, "?!") == []


def test_document_count(session):
    assert names.document_count(session, "Integrationsbeirat Linden-Limmer") == 1
    assert names.document_count(session, "Integrationsbeirat Nord") == 0
