"""action_tell_more: the rest of a long answer, after "Möchten Sie mehr wissen?"."""

from __future__ import annotations

from bot.actions.common import BeiratAction, Context, Reply
from bot.language.answers import Answer
from bot.language.answers import common as texts
from bot.language.answers.discussion import QUOTE_INTRO


class ActionTellMore(BeiratAction):
    action_name = "action_tell_more"

    def respond(self, ctx: Context) -> Reply:
        more = ctx.tracker.get_slot("more_text")
        if not more:
            return Reply(texts.nothing_more())
        if QUOTE_INTRO in more:
            # Protocol text stays exactly as written: no glossary insertions.
            return Reply(Answer(text=more), explain=False)
        return Reply(Answer(text=more), explain=True)
