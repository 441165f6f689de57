"""action_glossary: explains a hard word from the glossary."""

from __future__ import annotations

from rapidfuzz import fuzz, process

from bot.actions.common import BeiratAction, Context, EarlyReply, Reply
from bot.core.facts import GlossaryEntry
from bot.language.answers import common as texts
from bot.language.answers import glossary as answers
from bot.queries import glossary as queries

SUGGESTION_CUTOFF = 60  # rapidfuzz WRatio: below this a word is not "close"


def suggestions(text: str, entries: list[GlossaryEntry]) -> list[str]:
    """The closest glossary words (by term or alias), best first, at most BUTTON_LIMIT."""
    spellings: dict[str, str] = {}
    for entry in entries:
        for spelling in (entry.term, *entry.aliases):
            spellings.setdefault(spelling, entry.term)
    matches = process.extract(text, list(spellings), scorer=fuzz.WRatio, score_cutoff=SUGGESTION_CUTOFF, limit=None)
    terms = [spellings[spelling] for spelling, _score, _index in matches]
    return list(dict.fromkeys(terms))[: texts.BUTTON_LIMIT]


class ActionGlossary(BeiratAction):
    action_name = "action_glossary"

    def respond(self, ctx: Context) -> Reply:
        text = ctx.value("term")
        if not text:
            terms = [e.term for e in queries.all_terms(ctx.session)]
            raise EarlyReply(texts.ask_term(terms, ctx.intent or "ask_glossary"))
        entry = queries.lookup_term(ctx.session, text)
        if entry is None:
            close = suggestions(text, queries.all_terms(ctx.session))
            raise EarlyReply(Reply(answers.unknown_term(close), slots={"term": None}))
        # The word is explained right here: later answers need not explain it again.
        # Glossary texts are checked Leichte Sprache already; no explanations inside them.
        return Reply(
            answers.explanation(entry),
            slots={"term": entry.term},
            topic="glossary",
            already_explained=frozenset({entry.term}),
            explain=False,
        )
