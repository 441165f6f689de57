"""Answers about people: members, chair, deputy, party, administration, attendance, guests."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.enums import Role
from bot.core.facts import AttendanceFact, PersonFact
from bot.language.answers import Answer
from bot.language.answers.common import bullets, council_label, finish, paged, plain, stop
from bot.language.answers.meetings import meeting_name, meeting_phrase

TERMS = frozenset({"Integrationsbeirat", "Verwaltung", "Vorsitzende", "Stellvertretung"})
COUNCIL_ROLES = (Role.CHAIR, Role.DEPUTY, Role.MEMBER)
ROLE_LABELS = {Role.CHAIR: "Vorsitz", Role.DEPUTY: "Stellvertretung"}


def _item(person: PersonFact, *, with_function: bool = False) -> str:
    """ "Rainer-Jörg Grube (Vorsitz)", "Thomas Ganskow (Piraten)"."""
    details = [plain(ROLE_LABELS[person.role])] if person.role in ROLE_LABELS else []
    if person.party:
        details.append(person.party)
    if with_function and person.function:
        details.append(plain(person.function))
    return f"{person.full_name} ({', '.join(details)})" if details else person.full_name


def _people_lines(people: Sequence[PersonFact], *, with_function: bool = False) -> list[str]:
    return bullets(_item(p, with_function=with_function) for p in people)


def _council(people: Sequence[PersonFact], council: str | None) -> str:
    return council_label(council or (people[0].council if people else None))


EXCERPT_NOTE = ["Der Text ist nur ein Auszug.", "Vielleicht fehlen dort Namen."]


def _from_excerpt(people: Sequence[PersonFact]) -> bool:
    return any(p.source.excerpt for p in people)


def members(people: Sequence[PersonFact], council: str | None = None) -> Answer:
    where = _council(people, council)
    if _from_excerpt(people):  # a cut-off list is never said to be complete, and not counted
        lines = ["Diese Mitglieder stehen im Text:", *_people_lines(people), *EXCERPT_NOTE]
        return finish(lines, [p.source for p in people], limit=len(lines), terms=TERMS)
    first, rest = paged("Das sind die Mitglieder:", [_item(p) for p in people], replace=True)
    lines = [f"Im {where} sind {len(people)} Mitglieder.", *first]
    return finish(lines + rest, [p.source for p in people], limit=len(lines), terms=TERMS)


def member_count(people: Sequence[PersonFact], council: str | None = None) -> Answer:
    where = _council(people, council)
    if _from_excerpt(people):
        lines = ["Das kann ich nicht genau sagen.", *EXCERPT_NOTE]
        return finish(lines, [p.source for p in people][:1], terms=TERMS)
    lines = [f"Der {where} hat {len(people)} Mitglieder."]
    return finish(lines, [p.source for p in people][:1], terms=TERMS)


def chair(person: PersonFact) -> Answer:
    where = council_label(person.council)
    lines = [f"{person.full_name} leitet den {where}.", f"{person.full_name} hat also den Vorsitz."]
    if person.party:
        lines.append(stop(f"{person.full_name} gehört zu: {person.party}"))
    return finish(lines, [person.source], terms=TERMS)


def deputy(person: PersonFact) -> Answer:
    where = council_label(person.council)
    lines = [
        plain("{name} hat die Stellvertretung im {where}.").format(name=person.full_name, where=where),
        "Der Vorsitz fehlt? Dann leitet diese Person die Sitzung.",
    ]
    if person.party:
        lines.append(stop(f"{person.full_name} gehört zu: {person.party}"))
    return finish(lines, [person.source], terms=TERMS)


def is_member(person: PersonFact) -> Answer:
    """Is this (known) person a member? Says what else they are when not."""
    where = council_label(person.council)
    name = person.full_name
    if person.role in COUNCIL_ROLES:
        lines = [f"Ja. {name} ist Mitglied im {where}."]
        if person.role in ROLE_LABELS:
            lines.append(f"{name} hat die Aufgabe: {plain(ROLE_LABELS[person.role])}.")
        if person.party:
            lines.append(stop(f"{name} gehört zu: {person.party}"))
    else:
        lines = [f"Nein. {name} ist kein Mitglied im {where}."]
        lines.append(_other_role_line(person))
    return finish(lines, [person.source], terms=TERMS)


def _other_role_line(person: PersonFact) -> str:
    name = person.full_name
    if person.role == Role.ADMINISTRATION:
        return plain(f"{name} ist von der Verwaltung.")
    if person.role == Role.GUEST:
        return f"{name} war als Gast bei einer Sitzung."
    if person.role == Role.MINUTE_TAKER:
        return f"{name} hat ein Protokoll geschrieben."
    if person.role == Role.MODERATOR:
        return f"{name} hat ein Gespräch geleitet."
    return f"{name} steht im Protokoll."


def party(person: PersonFact) -> Answer:
    if person.party:
        lines = [stop(f"{person.full_name} gehört zu: {person.party}")]
    else:
        lines = [f"Für {person.full_name} steht keine Partei im Protokoll."]
    return finish(lines, [person.source], terms=TERMS)


def administration(people: Sequence[PersonFact]) -> Answer:
    count = "1 Person" if len(people) == 1 else f"{len(people)} Personen"
    verb = "war" if len(people) == 1 else "waren"
    first, rest = paged(plain(f"Von der Verwaltung {verb} {count} da:"), [_item(p, with_function=True) for p in people])
    return finish(first + rest, [p.source for p in people][:1], limit=len(first), terms=TERMS)


def attendance_present(fact: AttendanceFact) -> Answer:
    people = fact.present
    when = meeting_phrase(fact.meeting)
    if not people:
        return finish([f"Im Protokoll von {when} steht nicht, wer da war."], [fact.meeting.source])
    if fact.meeting.source.excerpt:  # a cut-off list: no count, and said to be cut off
        which = f"Es geht um die {meeting_name(fact.meeting)}."
        lines = [which, "Diese Personen waren da:", *_people_lines(people), *EXCERPT_NOTE]
        return finish(lines, [fact.meeting.source], limit=len(lines), terms=TERMS)
    count = "1 Person" if len(people) == 1 else f"{len(people)} Personen"
    verb = "war" if len(people) == 1 else "waren"
    first, rest = paged(f"Da {verb} {count}:", [_item(p) for p in people])
    lines = [f"Es geht um die {meeting_name(fact.meeting)}.", *first]
    return finish(lines + rest, [fact.meeting.source], limit=len(lines), terms=TERMS)


def person_attendance(name: str, fact: AttendanceFact) -> Answer:
    """Was this person at that meeting: there, excused, absent, or not named in the protocol."""
    which = f"Es geht um die {meeting_name(fact.meeting)}."

    def named(people: Sequence[PersonFact]) -> bool:
        return any(p.full_name == name for p in people)

    if named(fact.present):
        lines = [f"Ja. {name} war da.", which]
    elif named(fact.excused):
        lines = [f"Nein. {name} konnte nicht kommen.", which, f"{name} hat sich entschuldigt."]
    elif named(fact.absent):
        lines = [f"Nein. {name} fehlte.", which]
    else:  # membership is another question: this meeting's list of members just does not name the person
        lines = [f"{name} steht nicht in der Liste der Mitglieder.", "Darum weiß ich das nicht."]
    return finish(lines, [fact.meeting.source], terms=TERMS)


def attendance_absent(fact: AttendanceFact) -> Answer:
    """Who was not there: excused ("konnte nicht kommen") and absent without an excuse ("fehlte")."""
    if not fact.excused and not fact.absent:
        return finish(["Das Protokoll nennt keine fehlenden Personen."], [fact.meeting.source])
    lines: list[str] = [f"Es geht um die {meeting_name(fact.meeting)}."]
    if fact.excused:
        count = "1 Person" if len(fact.excused) == 1 else f"{len(fact.excused)} Personen"
        verb = "konnte" if len(fact.excused) == 1 else "konnten"
        lines += [f"Da {verb} {count} nicht kommen:", *_people_lines(fact.excused)]
    if fact.absent:
        count = "1 Person" if len(fact.absent) == 1 else f"{len(fact.absent)} Personen"
        verb = "fehlte" if len(fact.absent) == 1 else "fehlten"
        intro = f"Da {verb} {count}:" if not fact.excused else f"Außerdem {verb} {count}:"
        lines += [intro, *_people_lines(fact.absent)]
    return finish(lines, [fact.meeting.source], limit=len(lines), terms=TERMS)


def guests(people: Sequence[PersonFact]) -> Answer:
    count = "1 Gast" if len(people) == 1 else f"{len(people)} Gäste"
    verb = "war" if len(people) == 1 else "waren"
    first, rest = paged(f"Zu der Sitzung {verb} {count} eingeladen:", [_item(p, with_function=True) for p in people])
    return finish(first + rest, [p.source for p in people][:1], limit=len(first), terms=TERMS)


def _with_party(person: PersonFact) -> str:
    """ "Steffen Mallast (BÜNDNIS 90/DIE GRÜNEN), Integrations·beirat Linden-Limmer"."""
    item = _item(person)
    return f"{item}, {council_label(person.council)}" if person.council else item


def party_members(label: str, people: Sequence[PersonFact]) -> Answer:
    """The members named with one party (the party as the question named it)."""
    first, rest = paged(f"Bei der Partei {label} sind diese Mitglieder:", [_with_party(p) for p in people])
    return finish(first + rest, [p.source for p in people], limit=len(first), terms=TERMS)


def party_not_named(label: str, named: Sequence[tuple[str, Sequence[PersonFact]]], without: int) -> Answer:
    """No member is named with that party: say so, and which parties the protocols name."""
    lines = [f"Für die Partei {label} steht kein Mitglied im Protokoll."]
    if without:
        lines.append("Bei vielen Mitgliedern steht keine Partei.")
    if named:
        lines += ["Diese Parteien stehen im Protokoll:", *bullets(party for party, _people in named)]
    sources = [people[0].source for _party, people in named if people]
    return finish(lines, sources, limit=len(lines), terms=TERMS)


def parties_overview(named: Sequence[tuple[str, Sequence[PersonFact]]], without: int) -> Answer:
    """Which members the protocols name with a party, and how many without one."""
    people = [p for _party, group in named for p in group]
    if not people:
        lines = ["Im Protokoll steht bei keinem Mitglied eine Partei."]
        return finish(lines, terms=TERMS)
    count = "1 Mitglied" if len(people) == 1 else f"{len(people)} Mitgliedern"
    lines = [f"Bei {count} steht eine Partei im Protokoll:", *bullets(_with_party(p) for p in dict.fromkeys(people))]
    if without:
        others = "1 anderen Mitglied" if without == 1 else f"{without} anderen Mitgliedern"
        lines.append(f"Bei {others} steht keine Partei.")
    return finish(lines, [p.source for p in people], limit=len(lines), terms=TERMS)


def organisation_people(organisation: str, people: Sequence[PersonFact]) -> Answer:
    """People whose function in a protocol names the organisation."""
    if not people:
        return finish([stop(f"Im Protokoll steht niemand von {organisation}")], terms=TERMS)
    first, rest = paged(f"Diese Personen kommen von {organisation}:", [_item(p, with_function=True) for p in people])
    return finish(first + rest, [p.source for p in people], limit=len(first), terms=TERMS)
