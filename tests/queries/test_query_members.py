"""People: members, chair, parties, attendance, guests, fuzzy names, no surname-only guess."""
from __future__ import annotations

import datetime as dt

import pytest

from bot.queries import members

LINDEN = "Integrationsbeirat Linden-Limmer"


def test_members_of_the_latest_meeting(session):
    people = members.list_members(session, LINDEN)
    assert len(people) == 22
    assert (people[0].full_name, people[0].role) == ("Rainer-Jörg Grube", "chair")
    assert (people[1].full_name, people[1].role) == ("Inga Schmalz", "deputy")
    assert all(p.source.meeting_number == 32 and p.council == LINDEN for p in people)


def test_chair_and_deputy(session):
    assert members.chair(session, LINDEN).full_name == "Rainer-Jörg Grube"
    assert members.deputy(session, LINDEN).full_name == "Inga Schmalz"
    assert members.chair(session, "Integrationsbeirat Ricklingen").full_name == "Deniz Kaya"
    assert members.deputy(session, "Integrationsbeirat Ricklingen") is None, "Ricklingen names no deputy"


@pytest.mark.parametrize(
    "name, party",
    [("Thomas Ganskow", "Piraten"), ("Jasmin Grobleben", "DIE PARTEI"), ("Steffen Mallast", "BÜNDNIS 90/DIE GRÜNEN"),
     ("Omar Kambi", None)],
)
def test_party_of_a_person(session, name, party):
    assert members.person(session, name, LINDEN).party == party


def test_administration_and_guests(session):
    [admin] = members.administration(session, LINDEN)
    assert (admin.full_name, admin.function) == ("Herr Mingers", "Fachbereich Personal und Organisation")
    guests = members.guests(session, LINDEN, dt.date(2019, 4, 1))
    assert [g.full_name for g in guests] == ["Asghar Eslami", "Dieter Wuttig", "Jürgen Liedtke"]
    assert all(g.source.agenda_number == "3" for g in guests)


def test_attendance_counts_members_only(session):
    fact = members.attendance(session, LINDEN)
    assert (len(fact.present), len(fact.excused)) == (9, 13)
    assert fact.meeting.date == dt.date(2019, 4, 1)
    assert "Inga Schmalz" in {p.full_name for p in fact.excused}
    assert members.attendance(session, LINDEN, dt.date(2019, 4, 2)) is None, "no meeting that day"


@pytest.mark.parametrize(
    "text, expected",
    [("Inga Schmalz", "Inga Schmalz"), ("schmalz", "Inga Schmalz"), ("Mingers", "Herr Mingers"),
     ("Rainer Grube", "Rainer-Jörg Grube"), ("Malast", "Steffen Mallast"), ("omar kambi", "Omar Kambi")],
)
def test_person_names_resolve(session, text, expected):
    assert members.find_person(session, text, LINDEN).resolved == expected


def test_shared_family_name_is_not_resolved_without_council(session):
    found = members.find_person(session, "Grube")
    assert found.resolved is None, "two people are named Grube: never guess on the family name"
    assert set(found.suggestions) == {"Anna Grube", "Rainer-Jörg Grube"}
    assert members.find_person(session, "Grube", LINDEN).resolved == "Rainer-Jörg Grube"


@pytest.mark.parametrize("text", ["Lang", "inga", "Mingerz"])
def test_unsure_names_are_suggestions(session, text):
    found = members.find_person(session, text, LINDEN)
    assert found.resolved is None, f"{text!r} resolved to {found.resolved}"


def test_other_council_gives_nothing(session):
    assert members.person(session, "Rainer-Jörg Grube", "Integrationsbeirat Ricklingen") is None
    assert members.list_members(session, "Integrationsbeirat Mitte") == []
    assert members.chair(session, "Integrationsbeirat Mitte") is None
    assert members.attendance(session, "Integrationsbeirat Mitte") is None
    assert members.find_person(session, "Inga Schmalz", "Integrationsbeirat Ricklingen").resolved is None
