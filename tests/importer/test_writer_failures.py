"""A document that fails writes nothing; a document read only partly says what it skipped."""
from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import func, select

from bot.db import schema as s
from bot.db.session import session_scope
from bot.importer.writer import WriteError, write_document
from bot.knowledge.records import ParseWarning

TABLES = (s.Document, s.Meeting, s.AgendaItem, s.Person, s.Membership, s.AttendanceEntry, s.Grant, s.Passage,
          s.Organisation, s.Council)


def _counts(url: str) -> dict[str, int]:
    with session_scope(url) as session:
        return {t.__tablename__: session.execute(select(func.count()).select_from(t)).scalar() for t in TABLES}


def test_same_meeting_from_another_file_fails_and_writes_nothing(seeded_url, seed):
    before = _counts(seeded_url)
    copy = seed(source_path="knowledge/protocols/kopie.txt", content_sha256="d" * 64)
    with pytest.raises(WriteError, match="steht schon in der Datenbank"):
        with session_scope(seeded_url) as session:
            write_document(session, copy)
    assert _counts(seeded_url) == before, "a rejected document left rows behind"


def test_error_in_the_middle_of_a_document_rolls_back_everything(db_url, seed):
    broken_grant = dataclasses.replace(seed().grants[0], status="nonsense")  # .value fails late, after rows exist
    record = seed(grants=(broken_grant,))
    with pytest.raises(AttributeError):
        with session_scope(db_url) as session:
            write_document(session, record)
    assert _counts(db_url) == {t.__tablename__: 0 for t in TABLES}, "half a document was written"


def test_partial_parse_is_stored_and_reported(db_url, seed):
    warning = ParseWarning(57, "Betrag nicht lesbar: 1.4OO,00 €")
    with session_scope(db_url) as session:
        result = write_document(session, seed(warnings=(warning,)))
    assert result.warnings == (warning,), "the write result must carry the parser's warnings"
    with session_scope(db_url) as session:
        stored = session.execute(select(s.Document.warnings)).scalar()
    assert stored == [{"line": 57, "reason": "Betrag nicht lesbar: 1.4OO,00 €"}]
