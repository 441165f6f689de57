"""The answers about parties, subjects, names alone and years without data, rendered for
the language check (``bot.lint.catalog`` adds them): every text they can give with this database."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy.orm import Session

from bot.language.answers import Answer, grants, members, names
from bot.queries import councils as council_queries
from bot.queries import grants as grant_queries
from bot.queries import members as member_queries
from bot.queries import names as name_queries
from bot.queries import parties as party_queries
from bot.queries import topics as topic_queries

# Subjects residents ask about (issue 16): each group, a compound and one without grants.
SUBJECTS = ("Sprachkurs-Projekt", "Sport", "Fußballturnier", "Frauen", "Kinderfest", "Musik", "Kochen")


def answers(session: Session) -> Iterator[tuple[str, Answer]]:
    found = party_queries.party_members(session)
    groups = [(people[0].party or party.label, list(people)) for party, people in found.by_party]
    yield "Parteien", members.parties_overview(groups, found.without_party)
    for label, people in groups:
        yield f"Partei {label}", members.party_members(label, people)
    yield "Partei ohne Mitglied", members.party_not_named("Volt", groups, found.without_party)
    yield "Niemand von Verein", members.organisation_people("Beispiel e.V.", [])
    for subject in SUBJECTS:
        matching = topic_queries.grants_for_subject(session, subject)
        yield f"Thema {subject}", grants.subject_grants(subject, matching)
        total = grant_queries.total_of(matching)
        if total is not None:
            yield f"Summe Thema {subject}", grants.subject_total(subject, total)
    yield "nicht verstanden", names.not_understood()
    yield "mehrere Namen", names.choose([("council", "Beispiel"), ("organisation", "Beispiel e.V.")])
    every = grant_queries.list_grants(session)
    for organisation in dict.fromkeys(g.organisation for g in every if g.organisation):
        own = grant_queries.grants_for_organisation(session, organisation)
        yield f"Karte {organisation}", names.organisation_card(organisation, own)
        lead = grants.no_year_lead(1999, own)
        yield f"kein Jahr {organisation}", grants.grant_amount(own, lead)
    for council in council_queries.list_councils(session):
        count = name_queries.document_count(session, council.name)
        yield f"Karte {council.name}", names.council_card(council.name, council.district or council.name, count)
        for person in member_queries.list_members(session, council.name):
            yield f"Karte {person.full_name}", names.person_card(person)
