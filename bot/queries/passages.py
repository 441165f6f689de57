"""What was said about a topic: full-text search over discussion passages."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.facts import PassageFact
from bot.db import fts
from bot.db import schema as s
from bot.queries.cache import cached
from bot.queries.common import NO_SUCH_COUNCIL, council_id, council_names, source


@cached
def search_passages(
    session: Session, text: str | None, council: str | None = None, limit: int = 3
) -> list[PassageFact]:
    """The best-matching passages, best first; [] for no match or a council not in the data."""
    cid = council_id(session, council)
    if cid is NO_SUCH_COUNCIL or not text:
        return []
    ids = fts.search_passage_ids(session, text, limit, council_id=cid)
    if not ids:
        return []
    rows = session.execute(
        select(s.Passage, s.Document, s.Meeting)
        .join(s.Document, s.Passage.document_id == s.Document.id)
        .outerjoin(s.Meeting, s.Passage.meeting_id == s.Meeting.id)
        .where(s.Passage.id.in_(ids))
    ).all()
    councils = council_names(session)
    by_id = {
        passage.id: PassageFact(
            heading=passage.heading,
            text=passage.text,
            source=source(document, meeting, councils.get(document.council_id), passage.agenda_number),
        )
        for passage, document, meeting in rows
    }
    return [by_id[i] for i in ids if i in by_id]
