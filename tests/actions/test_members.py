"""People actions: members, chair, deputy, membership, party, attendance with follow-ups."""
from __future__ import annotations

from bot.actions.members import (
    ActionAdministration,
    ActionAttendanceAbsent,
    ActionAttendancePresent,
    ActionChair,
    ActionDeputy,
    ActionGuests,
    ActionIsMember,
    ActionMemberCount,
    ActionMembers,
    ActionPersonParty,
)
from bot.language.answers.common import NO_DATA, UNKNOWN_NAME
from bot.language.format import split_compounds

SOURCE_32 = "Das steht im Protokoll von der 32. Sitzung"


def test_members_of_named_council(two_councils, chat):
    turn = chat.ask(ActionMembers, "ask_members", council="Linden-Limmer")
    assert "sind 22 Mitglieder" in turn.text, turn.text
    assert "- Rainer-Jörg Grube (Vorsitz)" in turn.text
    assert "Deniz Kaya" not in turn.text + (turn.slots["more_text"] or ""), "no other council's members"
    assert SOURCE_32 in turn.text
    assert "- Erika Winger" in turn.slots["more_text"], "the rest of the list is kept for 'more'"


def test_members_with_one_council_needs_no_question(one_council, chat):
    turn = chat.ask(ActionMembers, "ask_members")
    assert "Rainer-Jörg Grube" in turn.text


def test_members_with_two_councils_asks_which(two_councils, chat):
    turn = chat.ask(ActionMembers, "ask_members")
    assert len(turn.buttons) == 2 and "Mitglieder" not in turn.text


def test_member_count(two_councils, chat):
    turn = chat.ask(ActionMemberCount, "ask_member_count", council="Ricklingen")
    assert "Der Integrations·beirat Ricklingen hat 2 Mitglieder." in turn.text


def test_chair_and_deputy(one_council, chat):
    assert chat.ask(ActionChair, "ask_chair").text.startswith("Rainer-Jörg Grube leitet den Integrations·beirat")
    deputy = chat.ask(ActionDeputy, "ask_deputy").text
    assert deputy.startswith("Inga Schmalz hat die Stell")


def test_deputy_missing_is_no_data(two_councils, chat):
    assert chat.ask(ActionDeputy, "ask_deputy", council="Ricklingen").text == NO_DATA


def test_is_member_by_family_name_and_administration(one_council, chat):
    assert chat.ask(ActionIsMember, "ask_is_member", person="Kambi").text.startswith("Ja. Omar Kambi ist Mitglied")
    turn = chat.ask(ActionIsMember, "ask_is_member", person="Herr Mingers")
    assert turn.text.startswith("Nein. Herr Mingers ist kein Mitglied")


def test_same_family_name_in_two_councils_is_not_guessed(two_councils, chat):
    turn = chat.ask(ActionIsMember, "ask_is_member", person="Grube")
    assert turn.text.startswith(UNKNOWN_NAME)
    names = {b["title"] for b in turn.buttons}
    assert names == {"Rainer-Jörg Grube", "Anna Grube"}, names


def test_unknown_person_gets_no_ones_facts(one_council, chat):
    turn = chat.ask(ActionPersonParty, "ask_party", person="Xaver Zzyzx")
    assert turn.text.startswith(UNKNOWN_NAME)
    assert "gehört zu" not in turn.text


def test_missing_person_is_asked(one_council, chat):
    turn = chat.ask(ActionPersonParty, "ask_party")
    assert turn.text == "Welche Person meinen Sie?"
    assert 1 <= len(turn.buttons) <= 5
    assert turn.payloads[0].startswith('/ask_party{"person": ')


def test_party(one_council, chat):
    turn = chat.ask(ActionPersonParty, "ask_party", person="Mallast")
    assert "Steffen Mallast gehört zu: BÜNDNIS 90/DIE GRÜNEN." in turn.text


def _bullet_count(text: str) -> int:
    return sum(1 for line in text.splitlines() if line.startswith("- "))


def test_absent_follow_up_keeps_the_meeting(one_council, chat):
    present = chat.ask(ActionAttendancePresent, "ask_attendance_present", meeting_date="1. April 2019")
    # 9 names: the first page says that it shows 8 of them, the 9th comes with "mehr".
    assert "Da waren 9 Personen.\nDas sind die ersten 8 von 9:" in present.text, present.text
    assert _bullet_count(present.text) == 8 and _bullet_count(present.slots["more_text"]) == 1
    assert present.slots["meeting_date"] == "2019-04-01"
    absent = chat.ask(ActionAttendanceAbsent, "ask_attendance_absent", text="Und wer war nicht da?")
    assert "Da konnten 13 Personen nicht kommen" in absent.text, absent.text
    assert "- Inga Schmalz" in absent.text
    assert "- Omar Kambi" not in absent.text


def test_attendance_of_a_date_without_meeting_is_no_data(one_council, chat):
    assert chat.ask(ActionAttendancePresent, "ask_attendance_present", meeting_date="2. April 2019").text == NO_DATA


def test_administration_and_guests(one_council, chat):
    admin = chat.ask(ActionAdministration, "ask_administration").text
    assert f"- Herr Mingers ({split_compounds('Fachbereich Personal und Organisation')})" in admin
    guests = chat.ask(ActionGuests, "ask_guests").text
    assert "3 Gäste" in guests and "- Asghar Eslami (Koordinator Kargah e.V.)" in guests


def test_attendance_of_a_named_person_is_not_membership(one_council, chat):
    """ "War Frau Schmalz bei der Sitzung?" about an excused member once got "Ja. … ist Mitglied"."""
    for action, intent in ((ActionIsMember, "ask_is_member"), (ActionAttendancePresent, "ask_attendance_present")):
        turn = chat.ask(action, intent, text="War Frau Schmalz bei der Sitzung?", person="Schmalz")
        assert turn.text.startswith("Nein. Inga Schmalz konnte nicht kommen.\nEs geht um die 32. Sitzung"), turn.text
        assert "Mitglied" not in turn.text
        turn = chat.ask(action, intent, text="War Grube bei der Sitzung am 01.04.2019 da?", person="Grube",
                        meeting_date="01.04.2019")
        assert turn.text.startswith("Ja. Rainer-Jörg Grube war da.\nEs geht um die 32. Sitzung"), turn.text
    membership = chat.ask(ActionIsMember, "ask_is_member", text="Ist Frau Schmalz im Beirat?", person="Schmalz")
    assert "Mitglied" in membership.text, "a membership question still answers membership"


def test_a_person_the_meeting_protocol_does_not_name_is_said_so(one_council, chat):
    turn = chat.ask(ActionAttendancePresent, "ask_attendance_present", text="War Herr Mingers da?",
                    person="Herr Mingers")
    # Herr Mingers is named in the protocol, but as the administration, not in the list of members.
    assert turn.text.startswith("Herr Mingers steht nicht in der Liste der Mitglieder."), turn.text
    assert "Darum weiß ich das nicht." in turn.text and "Ja." not in turn.text
