"""Parties and groups: "Welche Mitglieder sind von der SPD?", "Wer kommt von kargah?".

A party is recognised by its usual names ("Grüne", "Bündnis 90/Die Grünen", "B90",
"Linke", "Piraten", "Die PARTEI", …) in the question and in what the protocol lists
after a member's name, so "die Grünen" finds "BÜNDNIS 90 / DIE GRÜNEN". The protocols
name a party only for some members; the answers say so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.facts import PersonFact
from bot.core.names import name_key, organisation_key
from bot.db import schema as s
from bot.queries.cache import cached
from bot.queries.councils import list_councils
from bot.queries.members import list_members, person


@dataclass(frozen=True)
class Party:
    key: str
    label: str  # how the answer names it when the protocol does not
    pattern: re.Pattern[str]


def _party(key: str, label: str, pattern: str) -> Party:
    return Party(key, label, re.compile(pattern, re.IGNORECASE))


PARTIES: tuple[Party, ...] = (
    _party("spd", "SPD", r"\bspd\b|sozialdemokrat"),
    _party("cdu", "CDU", r"\bcdu\b|christdemokrat|christlich[ -]demokratisch"),
    _party("gruene", "Bündnis 90/Die Grünen", r"gr(?:ü|ue)ne?n?\b|b(?:ü|ue)ndnis\s*90|\bb\s?90\b"),
    _party("linke", "Die Linke", r"\blinken?\b|\blinkspartei\b"),
    _party("fdp", "FDP", r"\bfdp\b|freie demokraten|\bliberalen?\b"),
    _party("afd", "AfD", r"\bafd\b|alternative f(?:ü|ue)r deutschland"),
    _party("piraten", "Piraten", r"\bpirat"),
    # "Die PARTEI": the party's name, not the word "Partei" ("Welche Partei hat Grube?").
    _party("die_partei", "Die PARTEI", r"\bDIE PARTEI\b|(?:\bvon|\bbei|\bfür|\bzur?|\baus)\s+die\s+partei\b"),
    _party("volt", "Volt", r"\bvolt\b"),
    _party("freie_waehler", "Freie Wähler", r"freie\s+w(?:ä|ae)hler"),
    _party("bsw", "BSW", r"\bbsw\b|wagenknecht"),
    _party("tierschutz", "Tierschutzpartei", r"tierschutz"),
)


def parties_in(text: str | None) -> list[Party]:
    """The parties a text names, in the order of PARTIES."""
    if not text:
        return []
    # "DIE PARTEI" as written by the protocol is case-sensitive; other names are not.
    return [p for p in PARTIES if p.pattern.search(text) or (p.key == "die_partei" and "DIE PARTEI" in text)]


@dataclass(frozen=True)
class PartyMembers:
    """Members named with a party in the latest member lists, and how many without one."""

    by_party: tuple[tuple[Party, tuple[PersonFact, ...]], ...]
    without_party: int
    councils: tuple[str, ...]


def _members(session: Session, council: str | None) -> list[PersonFact]:
    councils = [council] if council else [c.name for c in list_councils(session)]
    people: list[PersonFact] = []
    for name in councils:
        people += list_members(session, name)
    return people


@cached
def party_members(session: Session, council: str | None = None) -> PartyMembers:
    """Who is named with which party (the latest member list of each council, or of one)."""
    people = _members(session, council)
    grouped: dict[str, list[PersonFact]] = {}
    without = 0
    for fact in people:
        found = parties_in(fact.party)
        if not found:
            without += 1  # no party, or text there that names none (a parser's stray word)
        for party in found:
            grouped.setdefault(party.key, []).append(fact)
    by_party = tuple((p, tuple(grouped[p.key])) for p in PARTIES if p.key in grouped)
    councils = tuple(sorted({f.council for f in people if f.council}))
    return PartyMembers(by_party=by_party, without_party=without, councils=councils)


def people_from_organisation(session: Session, organisation: str) -> list[PersonFact]:
    """People whose function in a protocol names the organisation ("Koordinator Kargah e.V.")."""
    key = organisation_key(organisation)
    if not key:
        return []
    rows = session.execute(
        select(s.Person.full_name, s.Membership.function).join(s.Membership, s.Membership.person_id == s.Person.id)
    )
    names = [full_name for full_name, function in rows if function and f" {key} " in f" {name_key(function)} "]
    facts = [person(session, full_name) for full_name in dict.fromkeys(names)]
    return [f for f in facts if f is not None]
