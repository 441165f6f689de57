"""Actions about what was said (passage search) and the source text of the last answer."""

from __future__ import annotations

from bot.actions.common import BeiratAction, Context, EarlyReply, Reply, no_data
from bot.language.answers import common as texts
from bot.language.answers import discussion as answers
from bot.queries import passages as queries

PASSAGE_LIMIT = 3


class ActionDiscussion(BeiratAction):
    action_name = "action_discussion"

    def respond(self, ctx: Context) -> Reply:
        topic = ctx.value("topic")
        if not topic:
            raise EarlyReply(texts.ask_topic())
        council = ctx.council(required=False)
        passages = queries.search_passages(ctx.session, topic, council=council, limit=PASSAGE_LIMIT)
        if not passages:
            raise no_data()
        return Reply(
            answers.discussion(passages, topic),
            slots={"topic": topic},
            factual=True,
            topic="discussion",
            passage=answers.passage_text(passages[0]),
        )


class ActionSourcePassage(BeiratAction):
    action_name = "action_source_passage"

    def respond(self, ctx: Context) -> Reply:
        stored = ctx.tracker.get_slot("last_passage")
        # Protocol text stays exactly as written: no glossary insertions.
        return Reply(answers.source_passage(stored), explain=False)
