"""Every answer the actions can give, rendered for the data in the database.

``beirat lint-language`` runs the Leichte Sprache checker over this catalogue. It
uses the same templates and the same queries as the actions, for every organisation,
person, meeting, application number, glossary word, council and year, plus the
fixed texts. Protocol text quoted as written (the source passage) is not ours to
simplify and is left out; its introduction is checked.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy.orm import Session

from bot.language.answers import Answer, common, discussion, glossary, grants, meetings, members
from bot.lint import catalog_counts, catalog_groups
from bot.lint.delivered import deliver
from bot.queries import councils as council_queries
from bot.queries import facts_curated
from bot.queries import glossary as glossary_queries
from bot.queries import grants as grant_queries
from bot.queries import meetings as meeting_queries
from bot.queries import members as member_queries
from bot.queries import passages as passage_queries

CURATED_KEYS = ("who_decides", "how_to_apply")
EXAMPLE_INTENT = "ask_grant_amount"  # payloads are not checked, only the words


Item = tuple[str, Answer | str]  # a label and an answer (or a fixed text sent as it is)


def _parts(label: str, answer: Answer) -> Iterator[Item]:
    # Rendered as delivered (explanations, next page, buttons) by ``render_all``.
    yield label, answer


def fixed_texts() -> Iterator[Item]:
    """Texts that do not depend on the data."""
    yield from _parts("technisches Problem", common.technical_problem())
    yield from _parts("keine Daten", common.no_data())
    yield from _parts("unbekannter Name", common.unknown_name(["Beispiel"], EXAMPLE_INTENT, "organisation"))
    yield from _parts("unbekannter Name ohne Vorschlag", common.unknown_name([], EXAMPLE_INTENT, "organisation"))
    yield from _parts("unbekanntes Wort", glossary.unknown_term(["Beispiel"]))
    yield from _parts("unbekanntes Wort ohne Vorschlag", glossary.unknown_term([]))
    yield from _parts("Frage nach Verein", common.ask_organisation([], EXAMPLE_INTENT))
    yield from _parts("Frage nach Person", common.ask_person([], EXAMPLE_INTENT))
    yield from _parts("Frage nach Antrag", common.ask_application_number([], EXAMPLE_INTENT))
    yield from _parts("Frage nach Wort", common.ask_term([], "ask_glossary"))
    yield from _parts("Frage nach Thema", common.ask_topic())
    yield from _parts("Frage nach Jahr", common.ask_year([], EXAMPLE_INTENT))
    yield from _parts("Frage nach Beirat", common.ask_council([], EXAMPLE_INTENT))
    yield from _parts("Datum unklar", common.bad_date())
    yield from _parts("Jahr unklar", common.bad_year())
    yield from _parts("nichts mehr", common.nothing_more())
    yield from _parts("kein Text", discussion.source_passage(None))
    yield from _parts("keine nächste Sitzung", meetings.next_meeting(None))
    yield "Hinweis Protokoll-Text", discussion.QUOTE_INTRO
    yield "Angebot mehr", common.MORE_OFFER
    yield "Angebot Text", discussion.READ_OFFER


def _grant_texts(session: Session, council: str) -> Iterator[Item]:
    all_grants = grant_queries.list_grants(session, council=council)
    if all_grants:
        yield from _parts(f"Anträge {council}", grants.grants_list(all_grants, council=council))
    total = grant_queries.grant_total(session, council=council)
    if total is not None and total.count:
        yield from _parts(f"Summe {council}", grants.grant_total(total, council=council))
    years = grant_queries.grant_years(session, council)
    if years:  # a year without data: said first, then the years that have data
        empty = min(years) - 1
        yield from _parts(
            f"Kein Jahr {council} {empty}", common.no_data_for_year(empty, years, EXAMPLE_INTENT, council)
        )
    for year in years:
        in_year = grant_queries.list_grants(session, council=council, year=year)
        if in_year:
            yield from _parts(f"Anträge {council} {year}", grants.grants_list(in_year, council=council, year=year))
        total = grant_queries.grant_total(session, council=council, year=year)
        if total is not None and total.count:
            yield from _parts(f"Summe {council} {year}", grants.grant_total(total, council=council, year=year))
    for organisation in dict.fromkeys(g.organisation for g in all_grants if g.organisation):
        own = grant_queries.grants_for_organisation(session, organisation, council=council)
        if own:
            yield from _parts(f"Betrag {organisation}", grants.grant_amount(own))
            yield from _parts(f"Zweck {organisation}", grants.grant_purpose(own))
    for number in dict.fromkeys(g.application_number for g in all_grants if g.application_number):
        numbered = grant_queries.grants_by_application_number(session, number, council=council)
        if numbered:
            yield from _parts(f"Antrag {number} {council}", grants.application_status(numbered))


def _people_texts(session: Session, council: str) -> Iterator[Item]:
    people = member_queries.list_members(session, council)
    if people:
        yield from _parts(f"Mitglieder {council}", members.members(people, council))
        yield from _parts(f"Anzahl {council}", members.member_count(people, council))
    chair = member_queries.chair(session, council)
    if chair:
        yield from _parts(f"Vorsitz {council}", members.chair(chair))
    deputy = member_queries.deputy(session, council)
    if deputy:
        yield from _parts(f"Stellvertretung {council}", members.deputy(deputy))
    named = list(people)
    for meeting in meeting_queries.list_meetings(session, council):
        named += member_queries.administration(session, council, meeting.date)
        named += member_queries.guests(session, council, meeting.date)
    for name in dict.fromkeys(p.full_name for p in named):
        person = member_queries.person(session, name, council)
        if person:
            yield from _parts(f"Mitglied? {name}", members.is_member(person))
            yield from _parts(f"Partei {name}", members.party(person))


def _meeting_texts(session: Session, council: str) -> Iterator[Item]:
    latest = meeting_queries.latest_meeting(session, council)
    if latest:
        yield from _parts(f"letzte Sitzung {council}", meetings.last_meeting(latest))
    upcoming = meeting_queries.next_meeting(session, council)
    if upcoming:
        yield from _parts(f"nächste Sitzung {council}", meetings.next_meeting(upcoming))
    all_meetings = meeting_queries.list_meetings(session, council)
    for year in sorted({m.date.year for m in all_meetings if m.date}):
        in_year = meeting_queries.list_meetings(session, council, year)
        if in_year:
            yield from _parts(f"Sitzungen {council} {year}", meetings.meetings_in_year(in_year, year))
    for meeting in all_meetings:
        label = f"{council} {meetings.meeting_name(meeting)}"
        yield from _parts(f"Ort {label}", meetings.meeting_place(meeting))
        yield from _parts(f"Uhrzeit {label}", meetings.meeting_time(meeting))
        yield from _parts(f"Nummer {label}", meetings.meeting_number(meeting))
        yield f"Quelle ohne Text {label}", discussion.no_passage_text(meeting.source)
        items = meeting_queries.agenda(session, council, meeting.date)
        if items:
            yield from _parts(f"Tagesordnung {label}", meetings.agenda(items, meeting))
            for item in items:
                found = passage_queries.search_passages(session, item.title, council=council)
                if found:
                    yield from _parts(f"Gespräch {label} Punkt {item.number}", discussion.discussion(found, item.title))
        attendance = member_queries.attendance(session, council, meeting.date)
        if attendance:
            yield from _parts(f"Anwesend {label}", members.attendance_present(attendance))
            yield from _parts(f"Verhindert {label}", members.attendance_absent(attendance))
            # One person each: there, excused, absent, and one the list does not name.
            for kind, people in (("da", attendance.present), ("entschuldigt", attendance.excused),
                                 ("fehlte", attendance.absent)):  # fmt: skip
                if people:
                    answer = members.person_attendance(people[0].full_name, attendance)
                    yield from _parts(f"Person {kind} {label}", answer)
            yield from _parts(f"Person nicht genannt {label}", members.person_attendance("Erika Muster", attendance))
        administration = member_queries.administration(session, council, meeting.date)
        if administration:
            yield from _parts(f"Verwaltung {label}", members.administration(administration))
        guests = member_queries.guests(session, council, meeting.date)
        if guests:
            yield from _parts(f"Gäste {label}", members.guests(guests))


def render_all(session: Session) -> Iterator[tuple[str, str]]:
    """(label, text) for every message and button the bot can send with this database,
    as delivered: with explanations of hard words, the next page and the buttons."""
    entries = glossary_queries.all_terms(session)
    for label, item in answers(session):
        yield from deliver(label, item, entries)


def answers(session: Session) -> Iterator[Item]:
    """(label, answer template) for every answer the bot can give with this database."""
    yield from fixed_texts()
    names = [c.name for c in council_queries.list_councils(session)]
    if len(names) > 1:
        yield from _parts("Frage nach Beirat mit Namen", common.ask_council(names, EXAMPLE_INTENT))
    for council in names:
        yield from _grant_texts(session, council)
        yield from _people_texts(session, council)
        yield from _meeting_texts(session, council)
    yield from catalog_counts.answers(session)  # counts, periods, protocol content
    yield from catalog_groups.answers(session)  # parties, subjects, names alone, years without data
    for key in CURATED_KEYS:
        fact = facts_curated.curated_fact(session, key)
        if fact is not None:
            yield from _parts(f"fester Text {key}", grants.curated(fact))
    for entry in glossary_queries.all_terms(session):
        yield from _parts(f"Wort {entry.term}", glossary.explanation(entry))
