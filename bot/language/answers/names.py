"""A name alone as the whole message: a short card of what the bot knows, and next questions."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.enums import Role
from bot.core.facts import GrantFact, PersonFact
from bot.language.answers import Answer, Button
from bot.language.answers.common import council_label, finish, plain, stop

NOT_UNDERSTOOD = "Das habe ich nicht verstanden. Bitte fragen Sie anders."
TERMS = frozenset({"Integrationsbeirat", "Antrag"})
# The same first questions as utter_default offers.
START_BUTTONS = (
    Button("Was kann ich fragen?", "/ask_capabilities"),
    Button("Welche Projekte haben Geld bekommen?", "/ask_grants_list"),
    Button("Wann war das letzte Treffen?", "/ask_last_meeting"),
)
COUNCIL_ROLES = (Role.CHAIR, Role.DEPUTY, Role.MEMBER)


def not_understood() -> Answer:
    """A name the bot does not know: the polite "not understood", with first questions."""
    return Answer(text=NOT_UNDERSTOOD, buttons=START_BUTTONS)


def choose(names: Sequence[tuple[str, str]]) -> Answer:
    """Several names fit: ask which one (kind, name) is meant."""
    buttons: list[Button] = []
    for kind, name in names:
        title = council_label(name) if kind == "council" else name
        buttons.append(Button.for_intent(title, "inform_name", {kind: name}))
    return Answer(text="Ich kenne mehrere Namen dazu.\nWen oder was meinen Sie?", buttons=tuple(buttons))


def organisation_card(name: str, grants: Sequence[GrantFact]) -> Answer:
    count = "1 Antrag" if len(grants) == 1 else f"{len(grants)} Anträge"
    lines = [stop(f"{name} steht in meinen Papieren"), f"Es geht um {count} auf Geld.", "Was möchten Sie wissen?"]
    entities = {"organisation": name}
    buttons = (
        Button.for_intent("Wie viel Geld?", "ask_grant_amount", entities),
        Button.for_intent("Wofür ist das Geld?", "ask_grant_purpose", entities),
    )
    return finish(lines, [g.source for g in grants], buttons=buttons, terms=TERMS)


def person_card(person: PersonFact) -> Answer:
    name = person.full_name
    where = council_label(person.council)
    if person.role in COUNCIL_ROLES:
        lines = [f"{name} ist Mitglied im {where}."]
        if person.role == Role.CHAIR:
            lines.append(f"{name} hat den Vorsitz.")
        elif person.role == Role.DEPUTY:
            lines.append(plain(f"{name} hat die Stellvertretung."))
    else:
        lines = [f"{name} steht im Protokoll vom {where}."]
    lines.append("Was möchten Sie wissen?")
    entities = {"person": name}
    buttons = [Button.for_intent("Welche Partei?", "ask_party", entities)]
    if person.role in COUNCIL_ROLES:
        buttons.append(Button.for_intent("War die Person bei der Sitzung?", "ask_attendance_present", entities))
    if person.council:
        buttons.append(Button.for_intent("Wer ist noch im Beirat?", "ask_members", {"council": person.council}))
    return finish(lines, [person.source], buttons=buttons, terms=TERMS)


def council_card(council: str, place: str, documents: int) -> Answer:
    where = council_label(council)
    same = council_label(place) == where or place.casefold() in council.casefold()
    lines = [] if same else [f"{place} gehört zum {where}."]
    if not documents:
        lines.append(f"Vom {where} habe ich keine Protokolle.")
        return Answer(text="\n".join(lines), buttons=START_BUTTONS[:1])
    papers = "1 Papier" if documents == 1 else f"{documents} Papiere"
    lines += [f"Vom {where} habe ich {papers}.", "Was möchten Sie wissen?"]
    context = {"council": council}
    buttons = (
        Button.for_intent("Wer ist im Beirat?", "ask_members", context),
        Button.for_intent("Welche Projekte haben Geld bekommen?", "ask_grants_list", context),
        Button.for_intent("Wann war das letzte Treffen?", "ask_last_meeting", context),
    )
    return Answer(text="\n".join(lines), buttons=buttons, terms=TERMS)
