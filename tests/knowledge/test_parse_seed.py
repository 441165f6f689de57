"""The seed protocol (Linden-Limmer, 32nd meeting) must parse completely and exactly."""
from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

from bot.knowledge.records import Attendance, DocumentKind, Grant, GrantStatus, Meeting, Role


def test_council_meeting_and_kind(seed_parsed):
    assert seed_parsed.kind is DocumentKind.PROTOCOL
    assert seed_parsed.council_name == "Integrationsbeirat Linden-Limmer"
    assert seed_parsed.district == "Linden-Limmer"
    assert seed_parsed.paper_number is None
    assert seed_parsed.meeting == Meeting(
        number=32,
        date=dt.date(2019, 4, 1),
        place="kargah e.V.",
        address="Zur Bettfedernfabrik 1",
        start_time=dt.time(19, 0),
        end_time=dt.time(20, 45),
        end_time_approximate=True,
    )


def test_hash_is_of_the_file_bytes(seed_parsed, seed_path):
    assert seed_parsed.content_sha256 == hashlib.sha256(seed_path.read_bytes()).hexdigest()


def test_parses_completely_without_warnings(seed_parsed):
    assert seed_parsed.warnings == (), f"the seed must parse completely, got {seed_parsed.warnings}"


def test_agenda(seed_parsed):
    assert [(a.number, a.title) for a in seed_parsed.agenda] == [
        ("1", "Eröffnung"),
        ("2", "Beratung über Zuwendungen auf Vorschlag des Integrationsbeirates Linden-Limmer"),
        ("3", "Rückblick, Ausblick und Austausch über den Lokalen Integrationsplan"),
    ]
    assert seed_parsed.agenda[0].text == "Bezirksbürgermeister Grube eröffnet die 32. Sitzung des Integrationsbeirates Linden-Limmer."
    assert "Antrag Nr. 04/2019" in seed_parsed.agenda[1].text


def test_grants_exactly(seed_parsed):
    assert seed_parsed.grants == (
        Grant("04/2019", "Banjul e.V.", Decimal("1400.00"), "Internationales Fußball",
              GrantStatus.RECOMMENDED, None, "2", 61),
        Grant("05/2019", "Förderverein der IGS Linden e.V.", Decimal("799.00"),
              "Projekt „Spielend gegen Ausgrenzung“", GrantStatus.RECOMMENDED, None, "2", 66),
    )


def _by_role(record, *roles):
    return [p for p in record.people if p.role in roles]


def test_council_members_and_attendance(seed_parsed):
    members = _by_role(seed_parsed, Role.MEMBER, Role.CHAIR, Role.DEPUTY)
    assert len(members) == 22, [p.family_name for p in members]
    present = sorted(p.family_name for p in members if p.attendance is Attendance.PRESENT)
    excused = [p for p in members if p.attendance is Attendance.EXCUSED]
    assert present == ["Ahmed", "Arafat", "Ganskow", "Grobleben", "Grube", "Horstmann", "Kambi", "Mallast", "Winger"]
    assert len(excused) == 13
    assert all(p.attendance is not None for p in members), "every member's attendance is stated"
    knesebeck = next(p for p in members if p.family_name == "von dem Knesebeck")
    assert (knesebeck.given_name, knesebeck.attendance) == ("Daniel", Attendance.EXCUSED)
    ahmed = next(p for p in members if p.family_name == "Ahmed")
    assert ahmed.given_name == "Lipi Mahajabin"


def test_chair_deputy_and_parties(seed_parsed):
    chair = _by_role(seed_parsed, Role.CHAIR)
    deputy = _by_role(seed_parsed, Role.DEPUTY)
    assert [(p.given_name, p.family_name, p.function, p.attendance) for p in chair] == [
        ("Rainer-Jörg", "Grube", "Vorsitzender", Attendance.PRESENT)]
    assert [(p.given_name, p.family_name, p.function, p.attendance) for p in deputy] == [
        ("Inga", "Schmalz", "Stellv. Vorsitzende", Attendance.EXCUSED)]
    parties = {p.family_name: p.party for p in seed_parsed.people if p.party}
    assert parties == {"Ganskow": "Piraten", "Grobleben": "DIE PARTEI", "Mallast": "BÜNDNIS 90/DIE GRÜNEN"}


def test_administration(seed_parsed):
    admin = _by_role(seed_parsed, Role.ADMINISTRATION)
    assert [(p.salutation, p.given_name, p.family_name, p.function) for p in admin] == [
        ("Herr", None, "Mingers", "Fachbereich Personal und Organisation")]


def test_guests_of_top_3(seed_parsed):
    guests = _by_role(seed_parsed, Role.GUEST)
    assert [(p.salutation, p.given_name, p.family_name, p.function, p.agenda_number) for p in guests] == [
        ("Herr", "Asghar", "Eslami", "Koordinator Kargah e.V.", "3"),
        ("Herr", "Dieter", "Wuttig", "ehemaliger Fachbereichsleiter ‚Bildung und Qualifizierung‘ bei der Stadt Hannover", "3"),
        ("Herr", "Jürgen", "Liedtke", "ehemaliger Bereichsleiter ‚Kindertageseinrichtungen‘ bei der Stadt Hannover", "3"),
    ]


def test_moderators_and_minute_taker_are_not_members(seed_parsed):
    roles = {(p.given_name, p.family_name): p.role for p in _by_role(seed_parsed, Role.MODERATOR, Role.MINUTE_TAKER)}
    assert roles == {
        ("Monika", "Singh"): Role.MODERATOR,
        ("Peyman", "Javaher-Haghighi"): Role.MODERATOR,
        ("Dimitrij", "Czepurnyi"): Role.MINUTE_TAKER,
    }
    member_names = {p.family_name for p in _by_role(seed_parsed, Role.MEMBER, Role.CHAIR, Role.DEPUTY)}
    assert not member_names & {"Singh", "Javaher-Haghighi", "Czepurnyi", "Böhm", "Lam", "Öllerer", "Vorwergk"}, \
        "the 'Anwesende:' list of the TOP 3 event must not become the meeting's members"


def test_passages_follow_the_discussion_headings(seed_parsed):
    headings = [(p.agenda_number, p.heading) for p in seed_parsed.passages]
    assert ("1", "Eröffnung") in headings
    assert ("3", "Frage an Dieter Wuttig: Wie ist der LIP damals zustande gekommen?") in headings
    assert ("3", "Frage an Asghar Eslami: Inwieweit konnten die MSO am LIP tatsächlich mitarbeiten oder gar "
                 "mitbestimmen?") in headings
    assert ("3", "Diskussion: Ist der LIP überhaupt noch erforderlich? Sollte vielleicht ein neuer Plan "
                 "aufgestellt werden?") in headings
    assert ("3", "Wünsche und Anregungen für einen neuen LIP") in headings
    assert all(p.text.strip() for p in seed_parsed.passages), "no empty passages"
    assert all(len(p.text) <= 1600 for p in seed_parsed.passages), "passages are cut into searchable chunks"


def test_passage_text_is_joined_and_dehyphenated(seed_parsed):
    wuttig = next(p for p in seed_parsed.passages if p.heading.startswith("Frage an Dieter Wuttig"))
    assert wuttig.line == 113
    assert wuttig.text.startswith("Antwort: Vor 10 Jahren erkannte die Politik, dass eine Auseinandersetzung mit "
                                  "dem Thema Integration notwendig ist.")
    assert "\n" not in wuttig.text.split("Migrantenselbstorganisationen")[0][-200:], "lines are joined"
    wishes = [p for p in seed_parsed.passages if p.heading.startswith("Wünsche")]
    joined = "\n".join(p.text for p in wishes)
    assert "- Interkulturelles Altersheim\n- Bessere Qualifizierung von Behördenmitarbeitern" in joined
    assert "- Integrationsbeiräte müssen formal an Stadtentwicklungsthemen beteiligt werden, bzw. gehört werden" in joined
