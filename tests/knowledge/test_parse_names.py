"""Names and single lines of people lists."""
from __future__ import annotations

import pytest

from bot.knowledge.parse_names import NameParts, split_name
from bot.knowledge.parse_person_line import normalise_party, parse_person_line
from bot.knowledge.records import Attendance, Role


@pytest.mark.parametrize("text, parts, rest", [
    ("Grube, Rainer-Jörg", NameParts("Grube", "Rainer-Jörg", None), ""),
    ("von dem Knesebeck, Daniel", NameParts("von dem Knesebeck", "Daniel", None), ""),
    ("de la Hera, Rafael", NameParts("de la Hera", "Rafael", None), ""),
    ("Daniel von dem Knesebeck", NameParts("von dem Knesebeck", "Daniel", None), ""),
    ("Herrn Jürgen Liedtke", NameParts("Liedtke", "Jürgen", "Herr"), ""),
    ("Bezirksratsfrau Dr. Steingrube", NameParts("Steingrube", None, "Frau"), ""),
    ("Frau Dr. Sekler Kuratorin GFZ", NameParts("Sekler", None, "Frau"), "Kuratorin GFZ"),
    ("Herr Körber Dez. III", NameParts("Körber", None, "Herr"), "Dez. III"),
    ("Herr Eslami von Kargah e.V.", NameParts("Eslami", None, "Herr"), "von Kargah e.V."),
    ("Frau A. Meier", NameParts("Meier", "A.", "Frau"), ""),
    ("Meier, K.-H.", NameParts("Meier", "K.-H.", None), ""),
])
def test_split_name(text, parts, rest):
    assert split_name(text) == (parts, rest)


@pytest.mark.parametrize("text", ["Die Diskussionsveranstaltung ist eingebettet", "Mingers", "Tagesordnung", "50.60"])
def test_not_a_name(text):
    assert split_name(text)[0] is None


def test_party_spacing_is_normalised():
    assert normalise_party("BÜNDNIS 90 / DIE GRÜNEN") == "BÜNDNIS 90/DIE GRÜNEN"


def line(text, role=Role.MEMBER, excused_in_parentheses=True):
    return parse_person_line(text, role, default=Attendance.PRESENT, parentheses_excused=excused_in_parentheses, line=1)


def test_member_line_shapes():
    chair = line("Grube, Rainer-Jörg  Vorsitzender")
    assert (chair.role, chair.function, chair.attendance) == (Role.CHAIR, "Vorsitzender", Attendance.PRESENT)
    deputy = line("(Schmalz, Inga)    Stellv. Vorsitzende")
    assert (deputy.role, deputy.attendance) == (Role.DEPUTY, Attendance.EXCUSED)
    substitute = line("Ratsherr Hellmann (CDU) i.V. Ratsfrau Dr. Matz")
    assert (substitute.party, substitute.substitute_for, substitute.salutation) == ("CDU", "Ratsfrau Dr. Matz", "Herr")
    timed = line("Bürgermeister Hermann (SPD) 17.09 - 18.17 Uhr")
    assert (timed.family_name, timed.party, timed.function) == ("Hermann", "SPD", None)
    table = line("Herr Alyou | Train of Hope e.V. | entschuldigt |")
    assert (table.party, table.attendance) == ("Train of Hope e.V.", Attendance.EXCUSED)
    assert line("(Kalis, Hursit)", excused_in_parentheses=False).attendance is None


def test_administration_line_keeps_function_in_written_order():
    person = line("Frau Hannig-Schohaus 50.60 (für das Protokoll)", Role.ADMINISTRATION)
    assert (person.role, person.function) == (Role.ADMINISTRATION, "50.60, für das Protokoll")
    person = line("Frau Steckelberg 50.6 (i.V. Frau Dr. Doering) Video-Konferenz", Role.ADMINISTRATION)
    assert (person.function, person.substitute_for) == ("50.6", "Frau Dr. Doering")


def test_running_text_is_not_a_member_line():
    assert line("Die Sitzung findet im Freizeitheim statt") is None
    assert line("Herr Grube begrüßt die anwesenden Mitglieder und Gäste") is None
