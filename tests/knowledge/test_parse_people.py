"""People of each fixture: members with attendance, chair, deputy, parties, substitutes,
administration, guests, moderators and minute-takers, asserted exactly."""
from __future__ import annotations

from bot.knowledge.records import Attendance, Role

P, E = Attendance.PRESENT, Attendance.EXCUSED
M, C, D = Role.MEMBER, Role.CHAIR, Role.DEPUTY
A, G = Role.ADMINISTRATION, Role.GUEST


def people(record):
    """(salutation, given, family, role, party, function, attendance, substitute_for, agenda) per person."""
    return [(p.salutation, p.given_name, p.family_name, p.role, p.party, p.function, p.attendance,
             p.substitute_for, p.agenda_number) for p in record.people]


def test_titles_parties_substitute_times_and_shared_surname(parsed):
    assert people(parsed("2012-06-18_ahlem-badenstedt-davenstedt_12.txt")) == [
        ("Frau", None, "Kessler-Nowak", C, "SPD", "Vorsitzende", P, None, None),
        ("Herr", None, "Petersen", D, "CDU", "Stellv. Vorsitzender", P, None, None),
        ("Frau", None, "Petersen", M, "Eltern-Netzwerk Davenstedt e.V.", None, P, None, None),
        ("Herr", None, "Adeyemi", M, None, None, E, None, None),
        ("Frau", None, "Bakırcı", M, None, None, P, None, None),
        ("Herr", None, "Dragović", M, None, None, P, None, None),  # "ab 19.00 Uhr" is no function
        ("Frau", None, "Lindqvist", M, "Bündnis 90/Die Grünen", None, P, "Bezirksratsherr Okafor", None),
        ("Frau", None, "Sørensen", M, None, None, E, None, None),
        ("Herr", None, "Yılmaz-Brandt", M, "LINKE & PIRATEN", None, P, None, None),
        ("Frau", None, "Ehlerding", A, None, "Fachbereich Steuerung, Personal und Zentrale Dienste", P, None, None),
        ("Herr", None, "Tamm", A, None, "Bereich Stadtbezirksmanagement, für das Protokoll", P, None, None),
        ("Frau", None, "Wendeborn", G, None, "Quartiersmanagement Ahlem", P, None, None),
    ]


def test_dash_separated_roles_organisations_and_header_roles(parsed):
    record = parsed("2013-12-03_nord_03.txt")
    assert people(record) == [
        ("Herr", None, "Hinrichs", C, "SPD", "Vorsitzender", P, None, None),
        ("Herr", "Kwame", "Mensah", D, None, "stellv. Vorsitzender", P, None, None),
        ("Frau", "Zofia", "Lewandowska", M, "Polnischer Kulturverein Nordstadt e.V.", None, P, None, None),
        ("Herr", "Dariusz", "Lewandowski", M, None, None, P, "Herrn Tomasz Wiśniewski", None),
        ("Frau", "Songül", "Kaya", M, "Elternverein Vahrenheide-Nord", None, P, None, None),
        # parentheses without "(verhindert waren)": attendance is not guessed
        ("Herr", "Georgios", "Papadakis", M, None, None, None, None, None),
        ("Frau", None, "Meinecke", M, "CDU", None, P, None, None),
        ("Herr", "Jan-Ole", "Petersen", G, None, "Stadtteilsozialarbeit Hainholz", P, None, "3"),
        ("Frau", "Miriam", "Goldberg", G, None, "Jüdische Gemeinde", P, None, "3"),
        ("Frau", None, "Kaya", Role.MODERATOR, None, None, None, None, None),
        ("Herr", None, "Brinkhoff", Role.MINUTE_TAKER, None, "Bezirksmanagement", None, None, None),
    ]
    assert [(w.line, w.reason[:40]) for w in record.warnings] == [(14, "„(Herr Georgios Papadakis)“ steht in Kla")]


def test_per_line_status_shared_surname_and_excused_only_in_the_text(parsed):
    assert people(parsed("2015-05-12_suedstadt-bult_07.txt")) == [
        ("Frau", "Aylin", "Özdemir", M, None, None, P, None, None),
        ("Herr", "Cem", "Özdemir", M, None, None, E, None, None),
        ("Herr", "Paul", "Hagedorn", M, None, None, P, None, None),
        ("Frau", "Marta", "Kowalczyk", M, None, None, P, None, None),
        ("Herr", "Ibrahim", "Sesay", M, None, None, P, None, None),
        ("Frau", "Greta", "Vollmer", M, None, None, E, None, None),
        ("Herr", "Nikolai", "Antonow", M, None, None, P, None, None),
        ("Frau", None, "Jansen", M, None, None, E, None, None),  # "dass sich Frau Jansen … entschuldigt hat"
    ]


def test_comma_separated_attendance_lines(parsed):
    assert people(parsed("2016-03-14_mitte_18.txt")) == [
        ("Frau", "Hanna", "Brenneke", C, None, "Vorsitzende", P, None, None),
        ("Herr", "Tobias", "Reimers", D, None, "stellv. Vorsitzender", P, None, None),
        ("Frau", "Amina", "Diallo", M, None, None, P, None, None),
        ("Herr", "Kostas", "Mavridis", M, None, None, P, None, None),
        ("Frau", "Olga", "Schewtschenko", M, None, None, P, None, None),
        ("Herr", "Jonas", "Wieland", M, "SPD", None, P, None, None),
        ("Frau", "Ines", "Hartmann", M, "CDU", None, P, None, None),
        ("Herr", "Rafael", "Quintero", M, None, None, E, None, None),
        ("Frau", "Leyla", "Aksoy", M, None, None, E, None, None),
        ("Frau", "Sabine", "Thöle", A, None, "Bezirksmanagement Mitte", P, None, None),
    ]


def test_family_comma_given_columns_with_substitute(parsed):
    assert people(parsed("2019-09-23_vahrenwald-list_41.txt")) == [
        (None, "Helga", "Brinkmann", C, None, "Vorsitzende", P, None, None),
        (None, "Piotr", "Nowak", D, None, "stellvertretender Vorsitzender", P, None, None),
        (None, "Hodan", "Abdi", M, None, None, E, None, None),
        (None, "Lucía", "Castellano", M, None, None, P, None, None),
        (None, "Frode", "Eriksen", M, "SPD", None, P, None, None),
        (None, "Hartmut", "Fuchs", M, "CDU", None, E, None, None),
        (None, "Rana", "Haddad", M, None, None, P, "Herrn Fuchs", None),
        (None, "Mila", "Jovanović", M, None, None, P, None, None),
        ("Frau", None, "Riedel", A, None, "Bezirksmanagement", P, None, None),
    ]


def test_labelled_groups_with_comma_functions(parsed):
    assert people(parsed("2023-02-27_ricklingen_05.txt")) == [
        ("Herr", "Mehmet", "Aras", C, None, "Vorsitzender", P, None, None),
        ("Frau", "Natalia", "Wróblewska", D, None, "stellvertretende Vorsitzende", P, None, None),
        ("Frau", "Farida", "Nuri", M, None, None, P, None, None),
        ("Herr", "Lukas", "Brandes", M, "SPD", None, P, None, None),
        ("Frau", "Elif", "Şahin", M, "BÜNDNIS 90/DIE GRÜNEN", None, P, None, None),
        ("Herr", "Jannik", "Osterloh", M, "CDU", None, E, None, None),
        ("Herr", "Kevin", "Lüders", A, None, "Bezirksmanagement Ricklingen", P, None, None),
        ("Frau", "Maren", "Stolte", A, None, "Fachbereich Gesellschaftliche Teilhabe", P, None, None),
        ("Frau", "Hülya", "Demirel", G, None, "Koordinatorin Migrationsberatung Süd", P, None, None),
    ]


def test_single_spaced_roles_without_columns(parsed):
    assert people(parsed("2021-11-08_doehren-wuelfel_15.txt")) == [
        ("Frau", None, "Albers", C, "SPD", "Vorsitzende", P, None, None),
        ("Herr", "Jannis", "Konstantinou", D, None, "Stellv. Vorsitzender", P, None, None),
        ("Frau", "Beatrix", "Holm", M, "CDU", None, P, None, None),
        ("Frau", "Yasmin", "Haddou", M, None, None, E, None, None),
        ("Herr", "Ole", "Brammer", M, "BÜNDNIS 90/DIE GRÜNEN", None, P, None, None),
        ("Frau", None, "Kruse", A, None, "Bezirksmanagement", P, None, None),
    ]


def test_people_point_to_their_lines(parsed):
    record = parsed("2019-09-23_vahrenwald-list_41.txt")
    assert [p.line for p in record.people] == [11, 12, 13, 14, 15, 16, 17, 18, 21]


def test_a_gender_ending_in_parentheses_is_no_party():
    """ "Vorsitzende(r)" once gave the party "r" ("Lena Bakir gehört zu: r.")."""
    from bot.knowledge.parser import parse_text

    text = ("Protokoll der 3. Sitzung des Integrationsbeirates Mitte am 12.03.2019\n\nAnwesend:\n"
            "Lena Bakir Vorsitzende(r)\nTom Berg (SPD)\nEva Klar Sprecher(in) (CDU)\n\n"
            "TOP 1 Begrüßung\nFrau Bakir eröffnet die Sitzung.\n")
    parties = {p.family_name: p.party for p in parse_text(text, "gender.txt").people}
    assert parties == {"Bakir": None, "Berg": "SPD", "Klar": "CDU"}


def test_absent_without_excuse_is_not_stored_as_excused():
    """ "fehlt" / "unentschuldigt" is absent; "entschuldigt" / "verhindert" is excused."""
    from bot.core.enums import Attendance
    from bot.knowledge.parser import parse_text

    text = ("Protokoll der 3. Sitzung des Integrationsbeirates Mitte am 12.03.2019\n\nMitglieder:\n"
            "Tom Berg (SPD)  anwesend\nEva Klar (CDU)  entschuldigt\nOle Lund (FDP)  fehlt\n"
            "Ina Roth  unentschuldigt\n\nTOP 1 Begrüßung\nHerr Berg eröffnet die Sitzung.\n")
    status = {p.family_name: p.attendance for p in parse_text(text, "absent.txt").people}
    assert status == {"Berg": Attendance.PRESENT, "Klar": Attendance.EXCUSED, "Lund": Attendance.ABSENT,
                      "Roth": Attendance.ABSENT}


def test_a_running_comma_list_of_names_is_one_person_each():
    """The real Misburg-Anderten protocol (tests/fixtures/real/hannover/002): "Anwesende:" then names
    separated by commas over two lines, one name broken across the line end ("André" / "Becker")."""
    import json
    from pathlib import Path

    from bot.knowledge.parser import parse_text

    real = Path(__file__).resolve().parents[1] / "fixtures" / "real" / "hannover"
    text = next(real.glob("002_*.txt"))
    expected = json.loads(text.with_name(text.name.replace(".txt", ".expected.json")).read_text(encoding="utf-8"))
    people = parse_text(text.read_text(encoding="utf-8"), str(text)).people
    assert [p.family_name for p in people] == [name.split()[-1] for name in expected["present"]]
