"""action_name_card: a name alone as the whole message ("IGS", "Grube", "Limmer")."""

from __future__ import annotations

import copy
import importlib
import json
import pkgutil
import re

from rasa_sdk import Tracker

import bot.actions as actions_package
from bot.actions.common import BeiratAction, Context, Reply, entity
from bot.actions.members import attendance_follow_up, person_attendance
from bot.language.answers import names as answers
from bot.language.answers.discussion import no_passage_text
from bot.queries import grants as grant_queries
from bot.queries import members as member_queries
from bot.queries import names as queries

# "Was weißt du über …", "Infos zu …": words around the name that are no part of it.
_AROUND_NAME_RE = re.compile(
    r"^\s*(?:und\s+)?(?:was\s+(?:weißt|weisst|wissen)\s+(?:du|sie)\s+(?:über|ueber|von|zu)|was\s+ist\s+mit"
    r"|was\s+kannst\s+du\s+(?:mir\s+)?(?:über|zu)|erzähl\w*\s+(?:mir\s+)?(?:etwas\s+|was\s+)?(?:über|von|zu)"
    r"|infos?\s+(?:über|zu|von)?|information(?:en)?\s+(?:über|zu)?)\s*"
    r"|\s*(?:sagen|bitte|\?|!|\.)+\s*$",
    re.IGNORECASE,
)


def name_text(ctx: Context) -> str | None:
    """The name asked about: an entity of this message, else the message without the words around it."""
    for kind in (queries.ORGANISATION, queries.PERSON, queries.COUNCIL):
        value = entity(ctx.tracker, kind)
        if value:
            return value
    text = (ctx.tracker.latest_message or {}).get("text") or ""
    return _AROUND_NAME_RE.sub("", text).strip() or None


# Intents whose action is not "action_" + the intent without "ask_".
_ACTIONS = {"ask_party": "action_person_party"}


def _offered(tracker: Tracker) -> list[tuple[str, dict]]:
    """(intent, entities) of the buttons of the bot's last message."""
    last = next((e for e in reversed(tracker.events) if e.get("event") == "bot"), None)
    offered = []
    for button in ((last or {}).get("data") or {}).get("buttons") or []:
        payload = str(button.get("payload") or "")
        match = re.fullmatch(r"/(\w+)(\{.*\})?", payload.strip(), re.DOTALL)
        if not match:
            continue
        try:
            entities = json.loads(match.group(2)) if match.group(2) else {}
        except ValueError:
            continue
        if isinstance(entities, dict):
            offered.append((match.group(1), entities))
    return offered


def _action(name: str) -> type[BeiratAction] | None:
    """The action class named ``name`` (every module of this package imported)."""
    for module in pkgutil.iter_modules(actions_package.__path__):
        importlib.import_module(f"{actions_package.__name__}.{module.name}")
    pending: list[type[BeiratAction]] = list(BeiratAction.__subclasses__())
    while pending:
        cls = pending.pop()
        if getattr(cls, "action_name", None) == name:
            return cls
        pending += cls.__subclasses__()
    return None


def answer_to_ask_back(ctx: Context) -> Reply | None:
    """ "Welchen Beirat meinen Sie?" answered by typing "Mitte": as if its button was pressed."""
    offered = _offered(ctx.tracker)
    if not offered:
        return None
    matches = queries.identify(ctx.session, name_text(ctx))
    if len(matches) != 1:
        return None
    match = matches[0]
    # The button of that name; else a question for a name of that kind ("Welchen Verein meinen
    # Sie?" offers only the first five): the typed name takes the button's place.
    asked = [(i, e) for i, e in offered if e.get(match.kind) == match.name] or [
        (i, {**e, match.kind: match.name}) for i, e in offered if match.kind in e
    ]
    for intent, entities in asked[:1]:
        if not intent.startswith("ask_"):
            continue
        cls = _action(_ACTIONS.get(intent, "action_" + intent.removeprefix("ask_")))
        if cls is None:
            return None
        tracker = copy.copy(ctx.tracker)
        tracker.latest_message = {
            **(ctx.tracker.latest_message or {}),
            "intent": {"name": intent, "confidence": 1.0},
            "entities": [{"entity": name, "value": value} for name, value in entities.items()],
        }
        reply = cls().respond(Context(ctx.session, tracker))
        reply.slots = {**entities, **reply.slots}
        return reply
    return None


class ActionNameCard(BeiratAction):
    action_name = "action_name_card"

    def respond(self, ctx: Context) -> Reply:
        delegated = answer_to_ask_back(ctx)
        if delegated is not None:
            return delegated
        if entity(ctx.tracker, "person") and attendance_follow_up(ctx):
            return person_attendance(ctx, "attendance_present")
        text = name_text(ctx)
        matches = queries.identify(ctx.session, text)
        if not matches:
            # Nothing of this message may stay in a slot: a misheard name must not stick.
            return Reply(answers.not_understood(), slots={k: None for k in ("organisation", "person", "council")})
        if len(matches) > 1:
            return Reply(answers.choose([(m.kind, m.name) for m in matches]))
        match = matches[0]
        if match.kind == queries.ORGANISATION:
            grants = grant_queries.grants_for_organisation(ctx.session, match.name)
            answer = answers.organisation_card(match.name, grants)
            passage = no_passage_text(grants[0].source) if grants else None
            return Reply(answer, slots={"organisation": match.name}, factual=True, topic="name_card", passage=passage)
        if match.kind == queries.PERSON:
            person = member_queries.person(ctx.session, match.name)
            if person is None:
                return Reply(answers.not_understood())
            passage = no_passage_text(person.source)
            slots = {"person": person.full_name}
            return Reply(answers.person_card(person), slots=slots, factual=True, topic="name_card", passage=passage)
        documents = queries.document_count(ctx.session, match.name)
        answer = answers.council_card(match.name, text or match.name, documents)
        return Reply(answer, slots={"council": match.name}, factual=bool(documents), topic="name_card")
