"""Councils (Integrationsbeiräte): which there are, and which one a question means."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.facts import Council, Lookup
from bot.core.names import name_key
from bot.db import schema as s
from bot.queries.cache import cached
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


@cached
def list_councils(session: Session) -> list[Council]:
    """The councils that documents speak of (the ones the bot can answer for), by name."""
    with_documents = select(s.Document.council_id).where(s.Document.council_id.isnot(None))
    rows = session.execute(select(s.Council).where(s.Council.id.in_(with_documents)).order_by(s.Council.name))
    return [Council(name=row.name, district=row.district) for row in rows.scalars()]


@cached
def find_council(session: Session, text: str | None) -> Lookup:
    """The council a text means: by its name, its Stadtbezirk ("linden", "Linden-Limmer")
    or a Stadtteil in it ("Linden-Nord" is in Linden-Limmer); else the closest names.
    Councils without documents count too: a question about them is answered honestly."""
    candidates: list[tuple[str, str]] = []
    for council in session.execute(select(s.Council).order_by(s.Council.name)).scalars():
        candidates.append((council.name, council.name))
        if council.district:
            candidates.append((council.district, council.name))
    quarters = session.execute(
        select(s.Quarter.name, s.Council.name).join(s.Council, s.Quarter.council_id == s.Council.id)
    )
    candidates += [(quarter, council) for quarter, council in quarters]
    return _MATCHER.lookup(text, candidates)
