"""Curated facts (knowledge/facts.yml): who decides, how to apply; each with its source."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.facts import CuratedFact
from bot.db import schema as s


def curated_fact(session: Session, key: str) -> CuratedFact | None:
    """The fact stored under ``key``; None when knowledge/facts.yml has no such entry."""
    row = session.execute(select(s.CuratedFact).where(s.CuratedFact.key == key)).scalar()
    if row is None:
        return None
    return CuratedFact(key=row.key, text=row.text, source_note=row.source)
