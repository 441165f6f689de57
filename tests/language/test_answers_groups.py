"""Answers about parties, subjects, a name alone and a year without data (issue 16)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from bot.core.enums import GrantStatus, Role
from bot.core.facts import GrantFact, PersonFact, Source
from bot.language.answers import grants, members, names

SOURCE = Source("Integrationsbeirat Linden-Limmer", 32, dt.date(2019, 4, 1), "p.txt", None)


def _person(name: str, party: str | None = None, role: Role = Role.MEMBER) -> PersonFact:
    return PersonFact(name, None, role, party, None, "Integrationsbeirat Linden-Limmer", SOURCE)


def _grant(organisation: str, amount: str, purpose: str) -> GrantFact:
    return GrantFact("04/2019", organisation, organisation, Decimal(amount), purpose, GrantStatus.RECOMMENDED, None,
                     SOURCE)


def test_party_members_name_the_party_as_written():
    answer = members.party_members("BÜNDNIS 90/DIE GRÜNEN", [_person("Steffen Mallast", "BÜNDNIS 90/DIE GRÜNEN")])
    assert answer.text.startswith("Bei der Partei BÜNDNIS 90/DIE GRÜNEN sind diese Mitglieder:")
    assert "- Steffen Mallast (BÜNDNIS 90/DIE GRÜNEN)" in answer.text


def test_a_party_without_members_says_so_and_lists_the_named_parties():
    answer = members.party_not_named("SPD", [("Piraten", [_person("Thomas Ganskow", "Piraten")])], 19)
    lines = answer.text.splitlines()
    assert lines[:2] == ["Für die Partei SPD steht kein Mitglied im Protokoll.",
                         "Bei vielen Mitgliedern steht keine Partei."]
    assert "- Piraten" in lines


def test_parties_overview_counts_members_without_a_party():
    answer = members.parties_overview([("Piraten", [_person("Thomas Ganskow", "Piraten")])], 19)
    text = answer.text + (answer.more or "")
    assert "Bei 1 Mitglied steht eine Partei im Protokoll:" in text
    assert "Bei 19 anderen Mitgliedern steht keine Partei." in text


def test_subject_grants_with_amounts_and_the_honest_empty_answer():
    answer = grants.subject_grants("Fußball", [_grant("Banjul e.V.", "1400", "Internationales Fußball")])
    assert answer.text.startswith("Zum Thema „Fußball“ habe ich 1 Antrag gefunden:")
    assert "Banjul e.V.: 1.400 Euro" in answer.text
    empty = grants.subject_grants("Kochen", [])
    assert empty.text.startswith("Zum Thema „Kochen“ steht nichts in den Protokollen.")
    assert [b.payload for b in empty.buttons] == ["/ask_grants_list"]


def test_a_year_without_data_comes_first_then_the_amounts():
    own = [_grant("Faust e.V.", "1750", "Fest"), _grant("Faust e.V.", "1500", "Geschichten")]
    answer = grants.grant_amount(own, grants.no_year_lead(2020, own))
    lines = answer.text.splitlines()
    assert lines[0] == "Für das Jahr 2020 steht dazu nichts im Protokoll."
    assert "1.750 Euro" in answer.text and "1.500 Euro" in answer.text


def test_cards_offer_the_next_questions():
    card = names.organisation_card("Banjul e.V.", [_grant("Banjul e.V.", "1400", "Fußball")])
    assert card.text.startswith("Banjul e.V. steht in meinen Papieren.")
    assert '/ask_grant_amount{"organisation": "Banjul e.V."}' in [b.payload for b in card.buttons]
    person = names.person_card(_person("Rainer-Jörg Grube", role=Role.CHAIR))
    assert "Rainer-Jörg Grube hat den Vorsitz." in person.text
    place = names.council_card("Integrationsbeirat Linden-Limmer", "Linden-Nord", 5)
    assert place.text.startswith("Linden-Nord gehört zum Integrations·beirat Linden-Limmer.")
    assert names.council_card("Integrationsbeirat Nord", "Nord", 0).text.endswith("keine Protokolle.")


def test_not_understood_is_the_polite_default():
    answer = names.not_understood()
    assert answer.text == "Das habe ich nicht verstanden. Bitte fragen Sie anders."
    assert answer.buttons
