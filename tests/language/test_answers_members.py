"""Answers about people: names exactly as written, roles, parties, attendance lists."""
from __future__ import annotations

import datetime as dt

from bot.language.answers import members as answers
from bot.language.answers.common import MORE_OFFER, plain
from bot.core.enums import Role
from bot.core.facts import AttendanceFact, MeetingFact, PersonFact, Source

LINDEN = "Integrationsbeirat Linden-Limmer"
SOURCE = Source(LINDEN, 32, dt.date(2019, 4, 1), "2019-04-01_linden-limmer_32.txt")
MEETING = MeetingFact(LINDEN, 32, dt.date(2019, 4, 1), "kargah e.V.", "Zur Bettfedernfabrik 1",
                      dt.time(19), dt.time(20, 45), True, SOURCE)


def person(name, role="member", party=None, function=None, salutation=None) -> PersonFact:
    return PersonFact(name, salutation, Role(role), party, function, LINDEN, SOURCE)


GRUBE = person("Rainer-Jörg Grube", "chair")
SCHMALZ = person("Inga Schmalz", "deputy")
MALLAST = person("Steffen Mallast", party="BÜNDNIS 90 / DIE GRÜNEN")
MINGERS = person("Herr Mingers", "administration", function="Fachbereich Personal und Organisation", salutation="Herr")


def test_members_lists_every_name_with_role_and_party():
    answer = answers.members([GRUBE, SCHMALZ, MALLAST])
    lines = answer.text.splitlines()
    assert "Im Integrations·beirat Linden-Limmer sind 3 Mitglieder." in lines
    assert "- Rainer-Jörg Grube (Vorsitz)" in lines
    assert f"- Inga Schmalz ({plain('Stellvertretung')})" in lines
    assert "- Steffen Mallast (BÜNDNIS 90 / DIE GRÜNEN)" in lines
    assert "32. Sitzung" in answer.text


def test_many_members_spill_into_more_without_loss():
    people = [person(f"Person {i}") for i in range(20)]
    answer = answers.members(people)
    items = [l for l in (answer.text + "\n" + (answer.more or "")).splitlines() if l.startswith("- ")]
    assert len(items) == 20
    assert answer.text.endswith(MORE_OFFER)


def test_a_cut_list_says_how_many_it_shows():
    """Kind 9: the first page of a long list is not read as the whole list."""
    people = [person(f"Person {i}") for i in range(22)]
    answer = answers.members(people)
    lines = answer.text.splitlines()
    assert "Im Integrations·beirat Linden-Limmer sind 22 Mitglieder." in lines
    assert "Das sind die ersten 8 von 22:" in lines and "Das sind die Mitglieder:" not in lines
    assert "- Person 7" in lines and "- Person 8" not in answer.text
    assert answer.more is not None and answer.more.startswith("Hier geht die Liste weiter:\n- Person 8")
    short = answers.members([GRUBE, SCHMALZ]).text
    assert "Das sind die Mitglieder:" in short and "ersten" not in short


def test_a_cut_attendance_list_keeps_the_count_and_says_it_is_cut():
    fact = AttendanceFact(MEETING, present=tuple(person(f"Person {i}") for i in range(9)), excused=())
    answer = answers.attendance_present(fact)
    assert "Da waren 9 Personen.\nDas sind die ersten 8 von 9:\n- Person 0" in answer.text
    assert "Person 8" not in answer.text and "- Person 8" in (answer.more or "")


def test_member_count():
    assert "Der Integrations·beirat Linden-Limmer hat 3 Mitglieder." in answers.member_count([GRUBE, SCHMALZ, MALLAST]).text


def test_chair_and_deputy_name_the_person():
    assert answers.chair(GRUBE).text.startswith("Rainer-Jörg Grube leitet den Integrations·beirat Linden-Limmer.")
    assert answers.deputy(SCHMALZ).text.startswith(plain("Inga Schmalz hat die Stellvertretung im Integrationsbeirat Linden-Limmer."))


def test_is_member_yes_and_no():
    assert answers.is_member(MALLAST).text.startswith("Ja. Steffen Mallast ist Mitglied")
    answer = answers.is_member(MINGERS)
    assert answer.text.startswith("Nein. Herr Mingers ist kein Mitglied")
    assert "Verwaltung" in answer.text


def test_party_known_and_unknown():
    assert "Steffen Mallast gehört zu: BÜNDNIS 90 / DIE GRÜNEN." in answers.party(MALLAST).text
    assert "Für Rainer-Jörg Grube steht keine Partei im Protokoll." in answers.party(GRUBE).text


def test_administration_names_function():
    answer = answers.administration([MINGERS])
    assert "Von der Verwaltung war 1 Person da:" in answer.text
    assert f"- Herr Mingers ({plain('Fachbereich Personal und Organisation')})" in answer.text


def test_attendance_present_and_absent():
    fact = AttendanceFact(MEETING, present=(GRUBE, MALLAST), excused=(SCHMALZ,))
    present = answers.attendance_present(fact).text
    absent = answers.attendance_absent(fact).text
    assert "Es geht um die 32. Sitzung am Montag, 1. April 2019.\nDa waren 2 Personen:" in present
    assert "Inga Schmalz" not in present
    assert "Da konnte 1 Person nicht kommen:" in absent and f"- Inga Schmalz ({plain('Stellvertretung')})" in absent


def test_nobody_absent_is_not_claimed_as_everybody_present():
    text = answers.attendance_absent(AttendanceFact(MEETING, present=(GRUBE,), excused=())).text
    assert "Das Protokoll nennt keine fehlenden Personen." in text
    assert "Alle" not in text


def test_guests_with_function():
    guest = person("Asghar Eslami", "guest", function="Koordinator Kargah e.V.")
    text = answers.guests([guest]).text
    assert "Zu der Sitzung war 1 Gast eingeladen:" in text
    assert "- Asghar Eslami (Koordinator Kargah e.V.)" in text


def test_absent_without_excuse_is_said_as_fehlte():
    away = person("Ole Lund", "member")
    text = answers.attendance_absent(AttendanceFact(MEETING, present=(GRUBE,), excused=(), absent=(away,))).text
    assert "Da fehlte 1 Person:" in text and "- Ole Lund" in text, text
    assert "nicht kommen" not in text, "nobody excused: no 'konnte nicht kommen'"
    both = answers.attendance_absent(AttendanceFact(MEETING, present=(), excused=(GRUBE,), absent=(away,))).text
    assert "Da konnte 1 Person nicht kommen:" in both and "Außerdem fehlte 1 Person:" in both, both


def test_a_list_from_an_excerpt_is_never_complete_and_never_counted():
    """A stored copy cut off mid-list ("EXCERPT:") may lack names: no count, and said so."""
    import dataclasses

    cut = dataclasses.replace(SOURCE, excerpt=True)
    people = [dataclasses.replace(p, source=cut) for p in (GRUBE, SCHMALZ)]
    listed = answers.members(people, LINDEN).text
    assert "Der Text ist nur ein Auszug." in listed and "2 Mitglieder" not in listed, listed
    counted = answers.member_count(people, LINDEN).text
    assert "2" not in counted.split("Das steht")[0] and "nur ein Auszug" in counted, counted
    meeting = dataclasses.replace(MEETING, source=cut)
    present = answers.attendance_present(AttendanceFact(meeting, present=tuple(people), excused=())).text
    assert "Diese Personen waren da:" in present and "2 Personen" not in present, present
