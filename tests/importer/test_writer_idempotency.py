"""Writing the same document again changes nothing; a new version replaces the old one."""
from __future__ import annotations

import dataclasses
from decimal import Decimal

from sqlalchemy import func, select

from bot.db import schema as s
from bot.db.export import export_data, to_json
from bot.db.session import session_scope
from bot.importer.writer import write_document


def _export(url: str) -> str:
    with session_scope(url) as session:
        return to_json(export_data(session))


def _count(url: str, table) -> int:
    with session_scope(url) as session:
        return session.execute(select(func.count()).select_from(table)).scalar()


def test_same_bytes_again_is_unchanged_and_export_identical(seeded_url, seed):
    before = _export(seeded_url)
    with session_scope(seeded_url) as session:
        result = write_document(session, seed())
    assert result.status == "unchanged", f"second write of the same sha256 was {result.status}"
    assert result.counts == {}, "an unchanged document must not write rows"
    assert _export(seeded_url) == before, "re-writing the same document changed the export"


def test_rewrite_with_other_corrections_replaces_rows_without_duplicates(seeded_url, seed):
    grants_before = _count(seeded_url, s.Grant)
    people_before = _count(seeded_url, s.Person)
    with session_scope(seeded_url) as session:
        result = write_document(session, seed(), corrections_fingerprint="f" * 64)
    assert result.status == "updated"
    assert _count(seeded_url, s.Grant) == grants_before, "rewriting duplicated grants"
    assert _count(seeded_url, s.Person) == people_before, "rewriting duplicated people"
    assert _count(seeded_url, s.Document) == 2


def test_new_version_of_a_file_replaces_the_old_one(seeded_url, seed):
    old = seed()
    corrected_grant = dataclasses.replace(old.grants[0], amount=Decimal("1450.00"))
    new = seed(content_sha256="c" * 64, grants=(corrected_grant, old.grants[1]))
    with session_scope(seeded_url) as session:
        result = write_document(session, new)
    assert result.status == "updated", "same file name with new bytes must replace the old version"
    with session_scope(seeded_url) as session:
        amounts = sorted(
            a for (a,) in session.execute(select(s.Grant.amount).join(s.Document).where(s.Document.file_name == result.file_name))
        )
        meetings = session.execute(select(func.count()).select_from(s.Meeting)).scalar()
    assert amounts == [Decimal("799.00"), Decimal("1450.00")], f"old grant rows left behind: {amounts}"
    assert meetings == 2, f"expected the replaced meeting once plus Ricklingen, got {meetings} meetings"


def test_ids_do_not_leak_into_the_export_order(db_url, seed, ricklingen):
    """Writing the same documents in the other order gives the same export bytes."""
    with session_scope(db_url) as session:
        write_document(session, ricklingen())
    with session_scope(db_url) as session:
        write_document(session, seed())
    first = _export(db_url)
    with session_scope(db_url) as session:
        write_document(session, seed(), corrections_fingerprint="x")
    with session_scope(db_url) as session:
        write_document(session, ricklingen(), corrections_fingerprint="x")
    assert _export(db_url) == first, "the export depends on the order of writing"
