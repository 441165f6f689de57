"""Councils (Integrationsbeiräte): which there are, and which one a question means."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.facts import Council, Lookup
from bot.core.names import name_key
from bot.db import schema as s
from bot.queries.fuzzy import Matcher

# Words that name the kind of body, not which one: "Beirat Linden" means Linden-Limmer.
_GENERIC = frozenset(
    name_key(word)
    for word in (
        "Integrationsbeirat",
        "Integrationsbeirats",
        "Integrationsbeirates",
        "Integrationsbeiräte",
        "Beirat",
        "Beirats",
        "Beirates",
        "Stadtbezirk",
        "Stadtbezirksrat",
        "Bezirk",
        "Stadtteil",
        "in",
        "im",
        "der",
        "die",
        "den",
        "von",
        "für",
    )
)
_MATCHER = Matcher(key=name_key, threshold=85, min_words_for_subset=1, ignore_words=_GENERIC)


def list_councils(session: Session) -> list[Council]:
    """Every council in the data, by name."""
    rows = session.execute(select(s.Council).order_by(s.Council.name)).scalars()
    return [Council(name=row.name, district=row.district) for row in rows]


def find_council(session: Session, text: str | None) -> Lookup:
    """The council a text means ("linden", "Linden-Limmer"), or the closest names."""
    candidates: list[tuple[str, str]] = []
    for council in list_councils(session):
        candidates.append((council.name, council.name))
        if council.district:
            candidates.append((council.district, council.name))
    return _MATCHER.lookup(text, candidates)
