"""Organisations and people are matched across documents, but never on a family name alone."""
from __future__ import annotations

import dataclasses
import datetime as dt

from sqlalchemy import select

from bot.db import schema as s
from bot.db.session import session_scope
from bot.importer.shared import sync_organisation_aliases
from bot.importer.writer import write_document
from bot.knowledge.records import Meeting, Person, Role


def _next_meeting(seed, **changes):
    """Meeting 33 of Linden-Limmer, a month later, in its own file."""
    return seed(
        source_path="knowledge/protocols/2019-05-06_linden-limmer_33.txt",
        content_sha256="e" * 64,
        meeting=Meeting(number=33, date=dt.date(2019, 5, 6)),
        **changes,
    )


def test_organisation_spellings_become_one_organisation(db_url, seed):
    grant = seed().grants[0]
    with session_scope(db_url) as session:
        sync_organisation_aliases(session, {"Banjul e.V.": ["Banyul e.V."]})
    with session_scope(db_url) as session:
        write_document(session, seed())
    other_spellings = (
        dataclasses.replace(grant, application_number="07/2019", applicant="Banyul e. V."),
        dataclasses.replace(grant, application_number="08/2019", applicant="BANJUL e.V"),
    )
    with session_scope(db_url) as session:
        write_document(session, _next_meeting(seed, grants=other_spellings))
    with session_scope(db_url) as session:
        rows = session.execute(select(s.Grant.applicant, s.Organisation.name).join(s.Organisation)).all()
    banjul = {applicant: org for applicant, org in rows if "anjul" in applicant.lower() or "anyul" in applicant.lower()}
    assert banjul == {"Banjul e.V.": "Banjul e.V.", "Banyul e. V.": "Banjul e.V.", "BANJUL e.V": "Banjul e.V."}, banjul


def test_alias_added_later_merges_an_organisation(db_url, seed):
    grant = dataclasses.replace(seed().grants[0], applicant="Banyul e.V.")
    with session_scope(db_url) as session:
        write_document(session, seed(grants=(grant,)))
        write_document(session, _next_meeting(seed))
    with session_scope(db_url) as session:
        sync_organisation_aliases(session, {"Banjul e.V.": ["Banyul e.V."]})
    with session_scope(db_url) as session:
        names = sorted(n for (n,) in session.execute(select(s.Organisation.name)))
        applicants = session.execute(select(s.Grant.applicant, s.Organisation.name).join(s.Organisation)).all()
    assert names == ["Banjul e.V.", "Förderverein der IGS Linden e.V."], names
    assert ("Banyul e.V.", "Banjul e.V.") in applicants, "the grant kept its spelling and moved to Banjul e.V."


def test_same_full_name_in_two_meetings_of_one_council_is_one_person(db_url, seed):
    with session_scope(db_url) as session:
        write_document(session, seed())
        write_document(session, _next_meeting(seed))
    with session_scope(db_url) as session:
        grubes = session.execute(select(s.Person).where(s.Person.family_name == "Grube")).scalars().all()
        memberships = session.execute(select(s.Membership).where(s.Membership.person_id == grubes[0].id)).scalars().all()
    assert len(grubes) == 1, f"Rainer-Jörg Grube stored {len(grubes)} times"
    assert len(memberships) == 2, "one membership per meeting that lists him"


def test_same_family_name_is_not_merged(db_url, seed):
    namesake = Person("Grube", "Anna", role=Role.MEMBER, line=99)
    with session_scope(db_url) as session:
        write_document(session, seed())
        write_document(session, _next_meeting(seed, people=seed().people + (namesake,)))
    with session_scope(db_url) as session:
        names = sorted(p.full_name for p in session.execute(select(s.Person).where(s.Person.family_name == "Grube")).scalars())
    assert names == ["Anna Grube", "Rainer-Jörg Grube"], names


def test_without_given_name_people_are_not_merged_across_documents(db_url, seed):
    with session_scope(db_url) as session:
        write_document(session, seed())
        write_document(session, _next_meeting(seed))
    with session_scope(db_url) as session:
        mingers = session.execute(select(s.Person).where(s.Person.family_name == "Mingers")).scalars().all()
    assert len(mingers) == 2, "'Herr Mingers' gives only a family name: one person per document, not merged"


def test_same_name_in_another_council_is_another_person(db_url, seed, ricklingen):
    chair = Person("Grube", "Rainer-Jörg", role=Role.MEMBER, line=12)
    with session_scope(db_url) as session:
        write_document(session, seed())
        write_document(session, ricklingen(people=(chair,)))
    with session_scope(db_url) as session:
        count = len(session.execute(select(s.Person).where(s.Person.full_name == "Rainer-Jörg Grube")).scalars().all())
    assert count == 2, "people are matched within one council only"


def test_alias_removed_from_corrections_is_removed(db_url, seed):
    with session_scope(db_url) as session:
        sync_organisation_aliases(session, {"Banjul e.V.": ["Banyul e.V."]})
    with session_scope(db_url) as session:
        write_document(session, seed())
    with session_scope(db_url) as session:
        sync_organisation_aliases(session, {})
    with session_scope(db_url) as session:
        aliases = session.execute(select(s.OrganisationAlias.name)).all()
        names = sorted(n for (n,) in session.execute(select(s.Organisation.name)))
    assert aliases == [], "an alias no longer in the corrections must go"
    assert names == ["Banjul e.V.", "Förderverein der IGS Linden e.V."], "organisations with grants stay"
