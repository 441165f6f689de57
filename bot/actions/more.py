"""action_tell_more: the rest of a long answer, after "Möchten Sie mehr wissen?"."""

from __future__ import annotations

from typing import Any

from bot.actions.common import BeiratAction, Context, Reply, explain
from bot.language.answers import Answer
from bot.language.answers import common as texts
from bot.language.answers.discussion import split_quote


class ActionTellMore(BeiratAction):
    action_name = "action_tell_more"

    def respond(self, ctx: Context) -> Reply:
        more = ctx.tracker.get_slot("more_text")
        if not more:
            return Reply(texts.nothing_more())
        own, quoted = split_quote(more)
        if not quoted:
            return Reply(Answer(text=more), explain=True)
        # Our own words (the rest of a list, the documents) get their hard words explained
        # before the protocol text; the protocol text stays exactly as written.
        slots: dict[str, Any] = {}
        if own:
            own, events = explain(ctx.session, ctx.tracker, Answer(text=own))
            slots = {event["name"]: event["value"] for event in events}
        text = f"{own}\n\n{quoted}" if own else quoted
        return Reply(Answer(text=text), slots=slots, explain=False)
