"""Scale benchmark: the scale corpus (13 councils × 15 years) against the seed database, in one run.

Both databases are built fresh into SQLite files by the real ingest (parser + writer):
``seed`` from the one seed protocol (knowledge/protocols/2019-04-01_linden-limmer_32.txt),
``scale`` from ``bench.scale_corpus`` (about 1,150 documents, 3,400 grants, 2,200
organisations). For each:

- ingestion: documents and grants per second (first ingest, one transaction per document);
- database size in bytes (after a WAL checkpoint) and rows;
- fuzzy organisation lookup (``bot.queries.grants.find_organisation``): the same questions
  on both databases — exact names, lower case without legal form, one typo, two words of
  a name, unknown names; p50/p95 ms, and on the scale database how many resolve correctly;
- the grants list (``list_grants`` for a council and year) and the grant total
  (``grant_total`` for a council and year, and for one year over all councils): p50/p95 ms,
  one session per question as the action server does; each database is asked about the
  council-years it holds (the seed: Linden-Limmer 2019);
- on the scale database: council-years whose total differs from the generator's truth
  (must be 0);
- the grants *answer* (query and Leichte Sprache rendering, as the action does it) for a
  council and year: p50/p95 ms;
- memory: peak RSS of a fresh process that answers the same grant questions on that
  database (what the action server adds for it);
- NLU training time with the lookup tables generated from that database
  (``beirat build-lookups``, then ``rasa train nlu`` in a copy of the project), and the
  number of lookup entries; skipped with ``train=False``.

A measurement, not a test: nothing fails on a slow figure.

    .venv/bin/python -m bench.scale [--repeat 200]
"""

from __future__ import annotations

import argparse
import io
import json
import multiprocessing
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from rich.console import Console
from sqlalchemy import func, select, text

from bench import scale_corpus
from bot.db import schema as s
from bot.db.session import dispose_engine, get_engine, session_scope
from bot.importer.ingest import ingest
from bot.language.answers import grants as grant_answers
from bot.queries import grants

REPO = Path(__file__).resolve().parent.parent
SEED_PROTOCOL = REPO / "knowledge" / "protocols" / "2019-04-01_linden-limmer_32.txt"
UNKNOWN = (
    "Sportverein Atlantis Nordstadt",
    "Kulturverein Polarstern",
    "Elterninitiative Sonnenuhr",
    "Verein der Isländer in Hannover",
    "Moscheegemeinde Ozean",
)


def _ms(samples: list[float]) -> dict:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
    return {
        "n": len(samples),
        "p50_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(p95 * 1000, 2),
        "max_ms": round(ordered[-1] * 1000, 2),
    }


def _timed(url: str, query, *args, **kwargs):
    """Seconds for one question in its own session (as the action server asks), and the answer."""
    started = time.perf_counter()
    with session_scope(url) as session:
        result = query(session, *args, **kwargs)
    return time.perf_counter() - started, result


def _typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def lookup_questions(names: list[str], count: int, seed: int = 7) -> list[tuple[str, str | None, str]]:
    """(question, organisation it means or None, kind): the same list for both databases."""
    rng = random.Random(seed)
    questions: list[tuple[str, str | None, str]] = []
    for name in rng.sample(names, min(count, len(names))):
        kind = rng.choice(("exact", "plain", "typo", "words", "unknown"))
        bare = re.sub(r"\s+(?:e\.\s?V\.|gGmbH)$", "", name)
        words = bare.split()
        if kind == "exact":
            questions.append((name, name, kind))
        elif kind == "plain":
            questions.append((bare.lower(), name, kind))
        elif kind == "typo":
            longest = max(words, key=len)
            questions.append((bare.replace(longest, _typo(longest, rng), 1), name, kind))
        elif kind == "words" and len(words) >= 3:
            questions.append((" ".join(words[-2:]), None, kind))  # may be ambiguous: timed, not scored
        else:
            questions.append((rng.choice(UNKNOWN), None, "unknown"))
    return questions


def _size(path: Path, url: str) -> int:
    with get_engine(url).connect() as connection:
        connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    dispose_engine(url)
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def _build(paths: list[Path], database: Path, knowledge: Path) -> dict:
    url = f"sqlite:///{database}"
    started = time.perf_counter()
    summary = ingest(paths, url=url, knowledge_dir=knowledge, err=Console(file=io.StringIO()))
    seconds = time.perf_counter() - started
    with session_scope(url) as session:
        counts = {
            name: session.execute(select(func.count()).select_from(table)).scalar()
            for name, table in (("documents", s.Document), ("grants", s.Grant), ("meetings", s.Meeting),
                                ("organisations", s.Organisation))
        }  # fmt: skip
    documents = len(summary.new) + len(summary.updated)
    return {
        "url": url,
        "documents": documents,
        "failed": len(summary.failed),
        "ingest_seconds": round(seconds, 3),
        "documents_per_second": round(documents / seconds, 1),
        "grant_rows_per_second": round(counts["grants"] / seconds, 1),
        "rows": counts,
        "database_bytes": _size(database, url),
    }


def _queries(url: str, council_years: list[tuple[str, int]], years: list[int], questions, repeat: int) -> dict:
    rng = random.Random(11)
    picks = [rng.choice(council_years) for _ in range(repeat)]
    out: dict = {}
    # Warm up: the first session pays for the connection and SQLAlchemy's statement cache.
    _timed(url, grants.grant_total, council=picks[0][0], year=picks[0][1])
    list_times, total_times, year_times = [], [], []
    for council, year in picks:
        list_times.append(_timed(url, grants.list_grants, council=council, year=year)[0])
        total_times.append(_timed(url, grants.grant_total, council=council, year=year)[0])
    for year in [rng.choice(years) for _ in range(max(20, repeat // 5))]:
        year_times.append(_timed(url, grants.grant_total, year=year)[0])
    out["list_grants_council_year"] = _ms(list_times)
    out["grant_total_council_year"] = _ms(total_times)
    out["grant_total_year_all_councils"] = _ms(year_times)
    lookup_times, right, scored, missed = [], 0, 0, []
    for question, meant, _kind in questions:
        seconds, found = _timed(url, grants.find_organisation, question)
        lookup_times.append(seconds)
        if meant is not None:
            scored += 1
            right += found.resolved == meant
            if found.resolved != meant and len(missed) < 5:
                missed.append(f"{question!r} → {found.resolved or list(found.suggestions)}")
    out["find_organisation"] = _ms(lookup_times)
    out["find_organisation"]["resolved_right"] = f"{right}/{scored}"
    out["find_organisation"]["not_resolved_examples"] = missed
    return out


def _grants_answer(session, council: str, year: int) -> str:
    """What the grants-list action does: the query, then the plain-language answer."""
    found = grants.list_grants(session, council=council, year=year)
    return grant_answers.grants_list(found, council=council, year=year).text


def _answers(url: str, council_years: list[tuple[str, int]], repeat: int) -> dict:
    rng = random.Random(13)
    picks = [rng.choice(council_years) for _ in range(repeat)]
    _timed(url, _grants_answer, *picks[0])  # warm-up, as for the queries
    return _ms([_timed(url, _grants_answer, council, year)[0] for council, year in picks])


def _workload(url: str, picks: list[tuple[str, int]]) -> float:
    """In a fresh process: answer the grant questions; peak RSS in MiB (Linux: ru_maxrss in KiB)."""
    for council, year in picks:
        with session_scope(url) as session:
            _grants_answer(session, council, year)
            grants.grant_total(session, council=council, year=year)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _memory(url: str, council_years: list[tuple[str, int]]) -> float:
    rng = random.Random(17)
    picks = [rng.choice(council_years) for _ in range(50)]
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        return pool.apply(_workload, (url, picks))


def _training(url: str, root: Path) -> dict:
    """Seconds of ``rasa train nlu`` with the lookup tables of this database, in a copy of the project."""
    project = root / "project"
    shutil.rmtree(project, ignore_errors=True)
    project.mkdir()
    for name in ("config.yml", "domain.yml"):
        shutil.copy(REPO / name, project / name)
    shutil.copytree(REPO / "data", project / "data", ignore=shutil.ignore_patterns("lookups"))
    env = {**os.environ, "DATABASE_URL": url, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2"}
    binaries = Path(sys.executable).parent
    subprocess.run([str(binaries / "beirat"), "build-lookups", "--out", str(project / "data" / "nlu" / "lookups")],
                   env=env, cwd=project, check=True, capture_output=True)  # fmt: skip
    entries = sum(
        line.lstrip().startswith("- ")
        for path in (project / "data" / "nlu" / "lookups").glob("*.yml")
        for line in path.read_text(encoding="utf-8").splitlines()
    )
    started = time.perf_counter()
    result = subprocess.run(
        [str(binaries / "rasa"), "train", "nlu", "--config", "config.yml", "--nlu", "data", "--out", "models"],
        env=env, cwd=project, capture_output=True, text=True,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        return {"error": result.stderr[-500:]}
    return {"nlu_training_seconds": round(seconds, 1), "lookup_entries": entries}


def _council_years(url: str) -> list[tuple[str, int]]:
    """(council, year) pairs that have grants in this database."""
    with session_scope(url) as session:
        rows = session.execute(
            select(s.Council.name, s.Grant.year).join(s.Grant, s.Grant.council_id == s.Council.id).distinct()
        ).all()
    return sorted((name, year) for name, year in rows if year is not None)


def _truth_mismatches(url: str, truth: dict) -> list[str]:
    wrong = []
    with session_scope(url) as session:
        for council, per_year in truth["councils"].items():
            for year, expected in per_year.items():
                total = grants.grant_total(session, council=council, year=int(year))
                got = (total.count, total.total) if total else (0, Decimal("0.00"))
                if got != (expected["grants"], Decimal(expected["total"])):
                    wrong.append(f"{council} {year}: {got[0]} / {got[1]} € (truth {expected['grants']} / "
                                 f"{expected['total']} €)")  # fmt: skip
    return wrong


def run(seed: int = scale_corpus.DEFAULT_SEED, repeat: int = 200, train: bool = True) -> dict:
    """Build both databases, measure; returns the figures (also printed by ``main``)."""
    with tempfile.TemporaryDirectory(prefix="beirat-scale-") as temporary:
        root = Path(temporary)
        knowledge = root / "knowledge"  # empty: no corrections, glossary or facts
        knowledge.mkdir()
        started = time.perf_counter()
        corpus = scale_corpus.generate(root / "scale", seed)
        generate_seconds = time.perf_counter() - started
        truth = corpus.truth()

        databases = {
            "seed": _build([SEED_PROTOCOL], root / "seed.sqlite", knowledge),
            "scale": _build([root / "scale"], root / "scale.sqlite", knowledge),
        }
        with session_scope(databases["scale"]["url"]) as session:
            names = sorted(n for (n,) in session.execute(select(s.Organisation.name)))
        questions = lookup_questions(names, repeat)
        results: dict = {
            "corpus": {k: v for k, v in truth.items() if k != "councils"}
            | {"generate_seconds": round(generate_seconds, 2)},
            "lookup_questions": {kind: sum(q[2] == kind for q in questions) for kind in
                                 ("exact", "plain", "typo", "words", "unknown")},
        }  # fmt: skip
        for label, database in databases.items():
            url = database.pop("url")
            council_years = _council_years(url)  # each database is asked about its own grants
            years = sorted({y for _, y in council_years})
            database |= _queries(url, council_years, years, questions, repeat)
            database["grants_answer_council_year"] = _answers(url, council_years, repeat)
            database["answer_process_peak_rss_mib"] = _memory(url, council_years)
            if train:
                database["training"] = _training(url, root)
            if label == "scale":
                wrong = _truth_mismatches(url, truth)
                database["council_years_differing_from_truth"] = len(wrong)
                database["differences"] = wrong[:10]
            dispose_engine(url)
            results[label] = database
        results["ratio_scale_over_seed"] = {
            key: round(results["scale"][key]["p95_ms"] / max(results["seed"][key]["p95_ms"], 0.001), 1)
            for key in ("find_organisation", "list_grants_council_year", "grant_total_council_year",
                        "grant_total_year_all_councils", "grants_answer_council_year")
        }  # fmt: skip
        results["ratio_scale_over_seed"]["answer_process_peak_rss"] = round(
            results["scale"]["answer_process_peak_rss_mib"] / results["seed"]["answer_process_peak_rss_mib"], 2
        )
        trainings = [results[label].get("training", {}).get("nlu_training_seconds") for label in ("scale", "seed")]
        if all(trainings):
            results["ratio_scale_over_seed"]["nlu_training"] = round(trainings[0] / trainings[1], 2)
        results["ratio_scale_over_seed"]["database_bytes"] = round(
            results["scale"]["database_bytes"] / results["seed"]["database_bytes"], 1
        )
    return results


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--seed", type=int, default=scale_corpus.DEFAULT_SEED)
    options.add_argument("--repeat", type=int, default=200)
    options.add_argument("--no-training", action="store_true", help="skip the two NLU trainings (minutes each)")
    arguments = options.parse_args()
    print(json.dumps(run(arguments.seed, arguments.repeat, not arguments.no_training), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
