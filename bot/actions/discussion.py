"""Actions about what was said (passage search) and the source text of the last answer."""

from __future__ import annotations

import re

from bot.actions.common import BeiratAction, Context, EarlyReply, Reply, entity, no_data
from bot.language.answers import common as texts
from bot.language.answers import discussion as answers
from bot.queries import passages as queries
from bot.queries import statements as statement_queries

PASSAGE_LIMIT = 3


# What kind of content a question wants: a date ("wann"), or the points of a list ("Wünsche").
_WANTS_DATE = re.compile(r"\bwann\b|\bdatum\b|\btermin|\bam wievielten\b|\bwelche[nm]? tag", re.IGNORECASE)
_WANTS_LIST = re.compile(r"wünsch|wuensch|anregung|\bideen\b|vorschläge|forderung", re.IGNORECASE)


class ActionDiscussion(BeiratAction):
    """What the protocols say about a topic or event: the content (a date, the points of a
    list, the sentences), then the source, and the exact passage on request."""

    action_name = "action_discussion"

    def respond(self, ctx: Context) -> Reply:
        text = (ctx.tracker.latest_message or {}).get("text") or ""
        if text.startswith("/"):  # a button: its payload is no question
            text = ""
        topic = entity(ctx.tracker, "topic") or (None if statement_queries.stems(text) else ctx.value("topic"))
        question = text if statement_queries.stems(text) else (topic or "")
        if not statement_queries.stems(question):
            raise EarlyReply(texts.ask_topic())
        council = ctx.council(required=False)
        slots = {"topic": topic} if topic else {}
        answer = self._content(ctx, question, council, topic, want_date=bool(_WANTS_DATE.search(text)))
        if answer is None:
            # Only the question's own words: "Protokoll" alone finds any passage naming a minute-taker.
            words = " ".join(statement_queries.stems(question))
            passages = queries.search_passages(ctx.session, words, council=council, limit=PASSAGE_LIMIT)
            if not passages:
                raise no_data()
            answer = (answers.discussion(passages, topic or question), answers.passage_text(passages[0]))
        return Reply(answer[0], slots=slots, factual=True, topic="discussion", passage=answer[1])

    @staticmethod
    def _content(ctx: Context, question: str, council, topic, want_date: bool):
        """(answer, passage text) from the statements that answer; None when none does."""
        if _WANTS_LIST.search(question):
            items = statement_queries.list_items(ctx.session, question, council)
            if items:
                return answers.list_points(items), answers.passage_text(items[0].passage)
        found = statement_queries.find_statements(ctx.session, question, council, want_date=want_date)
        if not found:
            return None
        if want_date and found[0].days:
            return answers.event_date(found[0]), answers.passage_text(found[0].passage)
        return answers.statements(found, topic), answers.passage_text(found[0].passage)


class ActionSourcePassage(BeiratAction):
    action_name = "action_source_passage"

    def respond(self, ctx: Context) -> Reply:
        stored = ctx.tracker.get_slot("last_passage")
        # Protocol text stays exactly as written: no glossary insertions.
        return Reply(answers.source_passage(stored), explain=False)
