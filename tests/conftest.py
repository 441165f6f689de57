"""Shared fixtures: hand-made records like the seed protocol, and test databases.

Test modules get the builders through fixtures (``seed``, ``ricklingen``), never by
``from conftest import``: several conftest.py files share that module name.

``db_url`` is parametrised: every test that uses it runs on a fresh SQLite file and
on a fresh database of a throwaway PostgreSQL server (started once per test run by
scripts/postgres-test-server.sh; skipped with the reason when PostgreSQL is missing).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import subprocess
import tempfile
import uuid
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.db import schema
from bot.db.session import dispose_engine, session_scope
from bot.importer.shared import sync_organisation_aliases
from bot.importer.writer import write_document
from bot.knowledge.records import (
    AgendaItem,
    Attendance,
    DocumentKind,
    DocumentRecord,
    Grant,
    GrantStatus,
    Meeting,
    Passage,
    Person,
    Role,
    Vote,
    VoteKind,
)

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED_PROTOCOL = REPO_ROOT / "knowledge" / "protocols" / "2019-04-01_linden-limmer_32.txt"
POSTGRES_SCRIPT = REPO_ROOT / "scripts" / "postgres-test-server.sh"
LINDEN = "Integrationsbeirat Linden-Limmer"

# (family, given, attendance, role, party) as the seed protocol lists the members.
SEED_MEMBERS = [
    ("Grube", "Rainer-Jörg", "present", "chair", None),
    ("Schmalz", "Inga", "excused", "deputy", None),
    ("Ahmed", "Lipi Mahajabin", "present", "member", None),
    ("Ali", "Aram", "excused", "member", None),
    ("Arafat", "Nael", "present", "member", None),
    ("Aydin", "Serap", "excused", "member", None),
    ("Bulut", "Ekim", "excused", "member", None),
    ("de la Hera", "Rafael", "excused", "member", None),
    ("Demir", "Gülsen", "excused", "member", None),
    ("Feise", "Hülya", "excused", "member", None),
    ("Ganskow", "Thomas", "present", "member", "Piraten"),
    ("Grobleben", "Jasmin", "present", "member", "DIE PARTEI"),
    ("Horstmann", "Uwe", "present", "member", None),
    ("Kalis", "Hursit", "excused", "member", None),
    ("Kambi", "Omar", "present", "member", None),
    ("Karami", "Mahmoud", "excused", "member", None),
    ("Mallast", "Steffen", "present", "member", "BÜNDNIS 90/DIE GRÜNEN"),
    ("Merivani", "Vian", "excused", "member", None),
    ("Mirabadi", "Ferdos", "excused", "member", None),
    ("Savic", "Ljiljana", "excused", "member", None),
    ("von dem Knesebeck", "Daniel", "excused", "member", None),
    ("Winger", "Erika", "present", "member", None),
]


def seed_record(**changes) -> DocumentRecord:
    """A hand-made record with the facts of the seed protocol (meeting 32, Linden-Limmer)."""
    people = [
        Person(family, given, role=Role(role), party=party, attendance=Attendance(attendance), line=11 + i)
        for i, (family, given, attendance, role, party) in enumerate(SEED_MEMBERS)
    ]
    people += [
        Person("Mingers", None, "Herr", Role.ADMINISTRATION, function="Fachbereich Personal und Organisation", line=37),
        Person("Eslami", "Asghar", "Herr", Role.GUEST, function="Koordinator Kargah e.V.", agenda_number="3", line=77),
        Person("Wuttig", "Dieter", "Herr", Role.GUEST, agenda_number="3", line=79,
               function="ehemaliger Fachbereichsleiter ‚Bildung und Qualifizierung‘ bei der Stadt Hannover"),
        Person("Liedtke", "Jürgen", "Herr", Role.GUEST, agenda_number="3", line=82,
               function="ehemaliger Bereichsleiter ‚Kindertageseinrichtungen‘ bei der Stadt Hannover"),
        Person("Singh", "Monika", role=Role.MODERATOR, agenda_number="3", line=95),
        Person("Czepurnyi", "Dimitrij", role=Role.MINUTE_TAKER, agenda_number="3", line=95),
    ]
    record = DocumentRecord(
        source_path="knowledge/protocols/2019-04-01_linden-limmer_32.txt",
        content_sha256="a" * 64,
        kind=DocumentKind.PROTOCOL,
        council_name=LINDEN,
        district="Linden-Limmer",
        meeting=Meeting(
            number=32,
            date=dt.date(2019, 4, 1),
            place="kargah e.V.",
            address="Zur Bettfedernfabrik 1",
            start_time=dt.time(19, 0),
            end_time=dt.time(20, 45),
            end_time_approximate=True,
        ),
        people=tuple(people),
        agenda=(
            AgendaItem("1", "Eröffnung", "Bezirksbürgermeister Grube eröffnet die 32. Sitzung.", line=41),
            AgendaItem("2", "Beratung über Zuwendungen auf Vorschlag des Integrationsbeirates Linden-Limmer", "…", line=48),
            AgendaItem("3", "Rückblick, Ausblick und Austausch über den Lokalen Integrationsplan", "…", line=73),
        ),
        grants=(
            Grant("04/2019", "Banjul e.V.", Decimal("1400.00"), "Internationales Fußball", GrantStatus.RECOMMENDED,
                  agenda_number="2", line=62),
            Grant("05/2019", "Förderverein der IGS Linden e.V.", Decimal("799.00"),
                  "Projekt „Spielend gegen Ausgrenzung“", GrantStatus.RECOMMENDED, agenda_number="2", line=67),
        ),
        passages=(
            Passage("2", "Beratung über Zuwendungen",
                    "Bezirksbürgermeister Grube begrüßt die anwesenden Mitglieder von Banyul e.V., die eine "
                    "Zuwendung beantragt haben. Das geplante Fußballturnier möchte einer internationalen "
                    "Gemeinschaft einen schönen sportlichen Tag bereiten.", line=51),
            Passage("3", "Frage an Dieter Wuttig: Wie ist der LIP damals zustande gekommen?",
                    "Vor 10 Jahren erkannte die Politik, dass eine Auseinandersetzung mit dem Thema Integration "
                    "notwendig ist.", line=118),
            Passage("3", "Diskussion: Wie lässt sich die Arbeit der Integrationsbeiräte bewerten?",
                    "Mit dem LIP wurden in jedem Stadtteil Integrationsbeiräte eingeführt.", line=150),
        ),
    )
    return dataclasses.replace(record, **changes)


def other_council_record(**changes) -> DocumentRecord:
    """A second council (Ricklingen) with one grant and two members, for isolation tests."""
    record = DocumentRecord(
        source_path="knowledge/protocols/2019-05-06_ricklingen_7.txt",
        content_sha256="b" * 64,
        kind=DocumentKind.PROTOCOL,
        council_name="Integrationsbeirat Ricklingen",
        district="Ricklingen",
        meeting=Meeting(number=7, date=dt.date(2019, 5, 6), place="Freizeitheim Ricklingen",
                        start_time=dt.time(18, 30)),
        people=(
            Person("Kaya", "Deniz", role=Role.CHAIR, attendance=Attendance.PRESENT, line=10),
            Person("Grube", "Anna", role=Role.MEMBER, attendance=Attendance.PRESENT, line=11),
        ),
        agenda=(AgendaItem("1", "Zuwendungen", "", line=20),),
        grants=(
            Grant("01/2019", "Nachbarschaftstreff Mühlenberg e.V.", Decimal("740.70"), "Sommerfest",
                  GrantStatus.DECIDED, vote=Vote(VoteKind.UNANIMOUS, text="einstimmig"), agenda_number="1", line=22),
        ),
        passages=(Passage("1", "Sommerfest", "Das Sommerfest im Stadtteil wird gefördert.", line=25),),
    )
    return dataclasses.replace(record, **changes)


@pytest.fixture
def seed():
    """Builds the hand-made seed record; keyword arguments replace fields."""
    return seed_record


@pytest.fixture
def ricklingen():
    """Builds the hand-made Ricklingen record; keyword arguments replace fields."""
    return other_council_record


# ---------------------------------------------------------------- databases


@pytest.fixture(scope="session")
def postgres_server():
    """URL of a throwaway PostgreSQL server for the whole run; without one a skip with the
    reason, or a failure in CI and `make test` (BEIRAT_REQUIRE_SERVICES=1)."""
    directory = Path(tempfile.mkdtemp(prefix="beirat-pg-"))
    result = subprocess.run(
        [str(POSTGRES_SCRIPT), "start", str(directory)], capture_output=True, text=True, timeout=120
    )
    if result.returncode != 0:
        subprocess.run([str(POSTGRES_SCRIPT), "stop", str(directory)], capture_output=True)
        shutil.rmtree(directory, ignore_errors=True)
        reason = f"PostgreSQL not available: {result.stderr.strip()[-300:]}"
        if os.environ.get("CI") or os.environ.get("BEIRAT_REQUIRE_SERVICES"):
            # In CI (and `make test`) a missing service fails the run: PostgreSQL support must not go untested.
            pytest.fail(reason + " (install it with `make services`)", pytrace=False)
        pytest.skip(reason)
    yield result.stdout.strip()
    subprocess.run([str(POSTGRES_SCRIPT), "stop", str(directory)], capture_output=True, timeout=60)


def _fresh_postgres_database(server_url: str) -> tuple[str, callable]:
    name = "beirat_" + uuid.uuid4().hex[:12]
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = server_url.rsplit("/", 1)[0] + "/" + name

    def drop() -> None:
        dispose_engine(url)
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return url, drop


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request, tmp_path):
    """An empty database with the schema: a SQLite file, or a new PostgreSQL database."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'decisions.sqlite'}"
        drop = lambda: dispose_engine(url)  # noqa: E731
    else:
        url, drop = _fresh_postgres_database(request.getfixturevalue("postgres_server"))
    from bot.db.session import get_engine

    schema.create_schema(get_engine(url))
    yield url
    drop()


@pytest.fixture
def seeded_url(db_url):
    """A database holding the hand-made seed record, the Ricklingen record and the
    Banyul/Banjul alias (as knowledge/corrections.yml has it)."""
    with session_scope(db_url) as session:
        sync_organisation_aliases(session, {"Banjul e.V.": ["Banyul e.V."]})
    with session_scope(db_url) as session:
        write_document(session, seed_record())
    with session_scope(db_url) as session:
        write_document(session, other_council_record())
    return db_url


@pytest.fixture
def session(seeded_url):
    """A session on the seeded database (read-only use in query tests)."""
    with session_scope(seeded_url) as session:
        yield session


# ---------------------------------------------------------------- ingestion without the parser


class FakeParser:
    """Stands in for parser.parse_file: the file's first line picks a hand-made record.

    "seed" -> seed_record, "ricklingen" -> other_council_record, "partial" -> seed with a
    skipped line, "broken" -> ParseError at line 7, "crash" -> an unexpected error.
    Records carry the real path and sha256 of the file, like the parser's.
    """

    def __init__(self):
        self.calls: list[str] = []

    def __call__(self, path: Path) -> DocumentRecord:
        import hashlib

        from bot.knowledge.records import ParseError, ParseWarning

        self.calls.append(path.name)
        data = path.read_bytes()
        kind = data.decode("utf-8").splitlines()[0].strip()
        identity = {"source_path": str(path), "content_sha256": hashlib.sha256(data).hexdigest()}
        if kind == "seed":
            return seed_record(**identity)
        if kind == "ricklingen":
            return other_council_record(**identity)
        if kind == "partial":
            return seed_record(warnings=(ParseWarning(12, "Zeile ohne Namen übersprungen"),), **identity)
        if kind == "broken":
            raise ParseError(str(path), 7, "Kein Datum im Kopf des Protokolls")
        raise RuntimeError("parser bug")


@pytest.fixture
def fake_parse():
    return FakeParser()


@pytest.fixture
def knowledge_dir(tmp_path):
    """An empty knowledge folder: no corrections, glossary or facts unless a test writes them."""
    directory = tmp_path / "knowledge"
    directory.mkdir()
    return directory
