"""action_name_card: a name alone as the whole message ("IGS", "Grube", "Limmer")."""

from __future__ import annotations

import re

from bot.actions.common import BeiratAction, Context, Reply, entity
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


class ActionNameCard(BeiratAction):
    action_name = "action_name_card"

    def respond(self, ctx: Context) -> Reply:
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
