"""action_glossary: explains a hard word from the glossary."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from bot.actions.common import BeiratAction, Context, EarlyReply, Reply, entity
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


# "Was ist ein e.V.?", "Was heißt z. B.?": the word after the question, dots and capitals kept.
_ASKED_WORD_RE = re.compile(
    r"^\s*(?:und\s+)?(?:was\s+(?:ist|sind|hei(?:ß|ss)t|bedeutet|bedeuten|meint|soll)|erkl(?:ä|ae)r\w*(?:\s+mir)?)"
    r"\s+(?:(?:denn|eigentlich|das\s+wort|ein|eine|einen|der|die|das|den)\s+)*(?P<word>.+?)[\s?!]*(?:hei(?:ß|ss)en)?[\s?!]*$",
    re.IGNORECASE,
)


def asked_word(text: str) -> str | None:
    """The word a glossary question asks about, as typed ("e.V.", "z. B.", "MSO")."""
    match = _ASKED_WORD_RE.match(text or "")
    word = match.group("word").strip() if match else None
    return None if word is None or word.casefold() in _NOT_A_WORD else word


# "Was ist das?", "Was bedeutet das Wort?": no word given, the bot asks which one.
_NOT_A_WORD = frozenset({"das", "es", "dies", "dieses", "denn", "wort", "das wort", "dieses wort", "hier", "damit"})


class ActionGlossary(BeiratAction):
    action_name = "action_glossary"

    def respond(self, ctx: Context) -> Reply:
        typed = asked_word((ctx.tracker.latest_message or {}).get("text") or "")
        # This message's entity, else the word typed here, else the word asked about before.
        text = entity(ctx.tracker, "term") or typed or ctx.value("term")
        if not text:
            terms = [e.term for e in queries.all_terms(ctx.session)]
            raise EarlyReply(texts.ask_term(terms, ctx.intent or "ask_glossary"))
        entry = queries.lookup_term(ctx.session, text)
        if entry is None and typed and typed != text:
            # The NLU may cut a word with dots ("e" of "e.V."): the typed word decides.
            entry = queries.lookup_term(ctx.session, typed)
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
