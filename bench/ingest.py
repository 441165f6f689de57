"""Ingestion benchmark: 1,000 generated protocols into a fresh SQLite database.

Measures protocols and grants per second for the first ingest (parse + write, one
transaction per document), the re-ingest of the same files (idempotency: nothing
may change), and parsing alone for comparison. Checks that every generated grant
arrived with its amount. A measurement, not a test: nothing fails on a slow figure.

    .venv/bin/python -m bench.ingest [--count 1000]
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import tempfile
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

from rich.console import Console
from sqlalchemy import func, select

from bench.generate_protocols import generate
from bot.db import schema as s
from bot.db.export import export_data, to_json
from bot.db.session import dispose_engine, session_scope
from bot.importer.ingest import ingest
from bot.knowledge.parser import parse_file


def _export_hash(url: str) -> str:
    with session_scope(url) as session:
        return hashlib.sha256(to_json(export_data(session)).encode("utf-8")).hexdigest()


def _grant_mismatches(url: str, expected) -> int:
    """Documents whose stored grants differ in number or sum from what was generated."""
    with session_scope(url) as session:
        stored = {
            name: (count, total or Decimal("0"))
            for name, count, total in session.execute(
                select(s.Document.file_name, func.count(s.Grant.id), func.sum(s.Grant.amount))
                .outerjoin(s.Grant, s.Grant.document_id == s.Document.id)
                .group_by(s.Document.file_name)
            )
        }
    mismatches = 0
    for item in expected:
        count, total = stored.get(item.path.name, (None, None))
        if count != item.grants or Decimal(str(total)).quantize(Decimal("0.01")) != item.total:
            mismatches += 1
    return mismatches


def run(count: int = 1000, seed: int = 2019) -> dict:
    """Generate, ingest, re-ingest; returns the figures (also printed by ``main``)."""
    with tempfile.TemporaryDirectory(prefix="beirat-bench-") as temporary:
        root = Path(temporary)
        started = time.perf_counter()
        expected = generate(root / "protocols", count, seed)
        generate_seconds = time.perf_counter() - started

        knowledge = root / "knowledge"  # empty: no corrections, glossary or facts
        knowledge.mkdir()
        database = root / "decisions.sqlite"
        url = f"sqlite:///{database}"
        quiet = Console(file=io.StringIO(), stderr=False)

        started = time.perf_counter()
        first = ingest([root / "protocols"], url=url, knowledge_dir=knowledge, err=quiet)
        ingest_seconds = time.perf_counter() - started
        export_before = _export_hash(url)

        started = time.perf_counter()
        again = ingest([root / "protocols"], url=url, knowledge_dir=knowledge, err=quiet)
        reingest_seconds = time.perf_counter() - started
        export_after = _export_hash(url)

        started = time.perf_counter()
        for item in expected:
            parse_file(item.path)
        parse_seconds = time.perf_counter() - started

        grants = sum(item.grants for item in expected)
        results = {
            "protocols": count,
            "seed": seed,
            "shapes": dict(sorted(Counter(item.shape for item in expected).items())),
            "grants_generated": grants,
            "generate_seconds": round(generate_seconds, 3),
            "ingest_seconds": round(ingest_seconds, 3),
            "protocols_per_second": round(count / ingest_seconds, 1),
            "grants_per_second": round(grants / ingest_seconds, 1),
            "ingest_new": len(first.new),
            "ingest_failed": len(first.failed),
            "ingest_partial": len(first.partial),
            "grant_mismatches": _grant_mismatches(url, expected),
            "reingest_seconds": round(reingest_seconds, 3),
            "reingest_protocols_per_second": round(count / reingest_seconds, 1),
            "reingest_unchanged": len(again.unchanged),
            "reingest_changed_export": export_before != export_after,
            "parse_only_seconds": round(parse_seconds, 3),
            "parse_share_of_ingest": round(parse_seconds / ingest_seconds, 2),
            "database_bytes": database.stat().st_size,
        }
        dispose_engine(url)
    return results


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--count", type=int, default=1000)
    options.add_argument("--seed", type=int, default=2019)
    arguments = options.parse_args()
    print(json.dumps(run(arguments.count, arguments.seed), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
