"""Glossary of hard words (knowledge/glossary.yml, loaded at ingest)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.facts import GlossaryEntry
from bot.core.names import name_key
from bot.db import schema as s
from bot.queries.cache import cached
from bot.queries.fuzzy import Matcher

# Only near-exact forms ("Zuwendungen" for "Zuwendung"); a wrong explanation is worse than none.
_MATCHER = Matcher(key=name_key, threshold=88, min_words_for_subset=99)


@cached
def all_terms(session: Session) -> list[GlossaryEntry]:
    """Every glossary entry, by term."""
    rows = session.execute(select(s.GlossaryTerm).order_by(s.GlossaryTerm.term_key)).scalars()
    return [GlossaryEntry(term=r.term, explanation=r.explanation, aliases=tuple(r.aliases or ())) for r in rows]


@cached
def lookup_term(session: Session, text: str | None) -> GlossaryEntry | None:
    """The entry for a term or one of its aliases, tolerating small typos; None when unknown."""
    entries = all_terms(session)
    candidates = [(e.term, e.term) for e in entries] + [(a, e.term) for e in entries for a in e.aliases]
    found = _MATCHER.lookup(text, candidates)
    if found.resolved is None:
        return None
    return next(e for e in entries if e.term == found.resolved)
