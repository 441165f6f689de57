"""``beirat ingest FILE|DIR...``: read protocols into the decisions database.

Order of a run: with ``require_reference`` (the CLI), stop with a clear message when
corrections, glossary or curated facts are missing from the knowledge folder
(``bot.config.knowledge_dir``); check the corrections file (a bad one stops everything before any
write), load glossary and curated facts, then one transaction per document. A file
whose bytes and corrections are already stored is skipped without parsing. The exit
code is non-zero when any document (or reference file) failed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from bot import config
from bot.db import schema
from bot.db.session import get_engine, session_scope
from bot.importer.councils import load_councils
from bot.importer.fetch import FetchError, fetch_text, is_url
from bot.importer.overlay import EMPTY, Overlay, OverlayError, apply_overlay, load_overlay
from bot.importer.reference import ReferenceFileError, load_curated_facts, load_glossary
from bot.importer.shared import sync_organisation_aliases
from bot.importer.writer import WriteError, write_document
from bot.knowledge.records import DocumentRecord, ParseError

SUFFIXES = (".txt", ".pdf")
PROGRESS_FROM = 3  # files; one or two need no progress bar

Parse = Callable[[Path], DocumentRecord]


@dataclass
class IngestSummary:
    new: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # one message per failed file
    partial: list[str] = field(default_factory=list)  # files the parser read only partly
    reference_errors: list[str] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.reference_errors else 0

    def line(self) -> str:
        return (
            f"Fertig: {len(self.new)} neu, {len(self.updated)} aktualisiert, "
            f"{len(self.unchanged)} unverändert, {len(self.failed)} fehlgeschlagen."
        )


def run_ingest(
    paths: Iterable[Path | str],
    overlay: Path | str | None = None,
    *,
    url: str | None = None,
    knowledge_dir: Path | None = None,
    parse: Parse | None = None,
    console: Console | None = None,
    require_reference: bool = False,
) -> int:
    """CLI entry point; returns the exit code. See ``ingest`` for the work itself."""
    out = console or Console(soft_wrap=True)
    err = console or Console(stderr=True, soft_wrap=True)
    try:
        summary = ingest(
            paths,
            overlay,
            url=url,
            knowledge_dir=knowledge_dir,
            parse=parse,
            err=err,
            require_reference=require_reference,
        )
    except MissingKnowledgeError as error:
        err.print(f"[bold red]Fehler:[/] {escape(str(error))}", highlight=False)
        err.print("Es wurde nichts geschrieben.")
        return 2
    except OverlayError as error:
        err.print(f"[bold red]Fehler in den Korrekturen:[/] {escape(str(error))}", highlight=False)
        err.print("Es wurde nichts geschrieben.")
        return 2
    except OperationalError as error:
        err.print(f"[bold red]Die Datenbank ist nicht erreichbar:[/] {escape(str(error.orig))}", highlight=False)
        return 2
    out.print(summary.line(), highlight=False)
    return summary.exit_code


def ingest(
    paths: Iterable[Path | str],
    overlay: Path | str | None = None,
    *,
    url: str | None = None,
    knowledge_dir: Path | None = None,
    parse: Parse | None = None,
    err: Console | None = None,
    require_reference: bool = False,
) -> IngestSummary:
    """Ingest files and directories; raises ``OverlayError`` before writing anything."""
    err = err or Console(stderr=True, soft_wrap=True)
    knowledge_dir = knowledge_dir or config.knowledge_dir()
    if require_reference:
        _check_reference_files(knowledge_dir, overlay)
    corrections = _load_corrections(overlay, knowledge_dir)
    summary = IngestSummary()
    paths = list(paths)
    fetched = _fetch_urls([p for p in paths if is_url(str(p))], knowledge_dir / "protocols", summary, err)
    files = _collect([p for p in paths if not is_url(str(p))], summary, err) + fetched

    schema.create_schema(get_engine(url))
    with session_scope(url) as session:
        sync_organisation_aliases(session, corrections.organisation_aliases())
    _load_reference_files(url, knowledge_dir, summary, err)

    parse = parse or _default_parser()
    if len(files) >= PROGRESS_FROM:
        columns = (TextColumn("Einlesen"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
        with Progress(*columns, console=err, transient=True) as progress:
            task = progress.add_task("ingest", total=len(files))
            for path in files:
                _ingest_file(path, corrections, url, parse, summary, progress.console)
                progress.advance(task)
    else:
        for path in files:
            _ingest_file(path, corrections, url, parse, summary, err)
    for path in fetched:  # a fetched page that could not be stored is not kept either
        if any(message.startswith(f"{path}:") for message in summary.failed):
            path.unlink(missing_ok=True)
    return summary


def _fetch_urls(urls: list, save_dir: Path, summary: IngestSummary, err: Console) -> list[Path]:
    """Fetch each address, check that its text is a council document, and only then save
    it (with its ``SOURCE:`` line) into ``save_dir`` for the ordinary ingest."""
    from bot.knowledge.parser import parse_text

    saved = []
    for address in urls:
        try:
            page = fetch_text(str(address).strip())
            parse_text(page.text, page.url)
        except FetchError as error:
            _fail(summary, err, str(error))
            continue
        except ParseError as error:
            _fail(summary, err, f"{address}: {error.reason}")
            continue
        save_dir.mkdir(parents=True, exist_ok=True)
        target = save_dir / page.file_name
        partial = target.with_suffix(".part")
        partial.write_text(page.text, encoding="utf-8")
        partial.replace(target)  # never a half-written file in knowledge/
        err.print(f"{address}: gespeichert als {target}", markup=False, highlight=False)
        saved.append(target)
    return saved


class MissingKnowledgeError(Exception):
    """Corrections, glossary or curated facts are missing: the bot would lose answers."""


REQUIRED_FILES = {"corrections.yml": "die Korrekturen", "glossary.yml": "das Glossar", "facts.yml": "die Fakten"}


def _check_reference_files(knowledge_dir: Path, overlay: Path | str | None) -> None:
    """Raises ``MissingKnowledgeError`` naming every missing file and how to point to them."""
    required = {n: what for n, what in REQUIRED_FILES.items() if overlay is None or n != "corrections.yml"}
    missing = [
        f"{what} ({knowledge_dir / name})" for name, what in required.items() if not (knowledge_dir / name).is_file()
    ]
    if missing:
        raise MissingKnowledgeError(
            f"Es fehlen {', '.join(missing)}. Ohne sie fehlen dem Bot Antworten. "
            f"Setzen Sie {config.KNOWLEDGE_ENV} auf den Ordner knowledge/ oder starten Sie im Ordner darüber."
        )


def _load_corrections(overlay: Path | str | None, knowledge_dir: Path) -> Overlay:
    if overlay is not None:
        return load_overlay(overlay)
    default = knowledge_dir / "corrections.yml"
    return load_overlay(default) if default.exists() else EMPTY


def _default_parser() -> Parse:
    from bot.knowledge.parser import parse_file

    return parse_file


def _collect(paths: Iterable[Path | str], summary: IngestSummary, err: Console) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        elif not path.exists():
            _fail(summary, err, f"{path}: Datei oder Ordner nicht gefunden")
        elif path.suffix.lower() not in SUFFIXES:
            _fail(summary, err, f"{path}: nur .txt und .pdf werden eingelesen")
        else:
            files.append(path)
    unique: dict[Path, Path] = {}
    for path in files:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def _load_reference_files(url: str | None, knowledge_dir: Path, summary: IngestSummary, err: Console) -> None:
    for name, loader in (
        ("councils.yml", load_councils),
        ("glossary.yml", load_glossary),
        ("facts.yml", load_curated_facts),
    ):
        try:
            with session_scope(url) as session:
                if loader(session, knowledge_dir / name) is None:
                    err.print(f"Hinweis: {knowledge_dir / name} fehlt, nicht geladen.", markup=False, highlight=False)
        except ReferenceFileError as error:
            summary.reference_errors.append(str(error))
            err.print(f"[bold red]Fehler:[/] {escape(str(error))}", highlight=False)


def _already_stored(url: str | None, sha256: str, fingerprint: str) -> bool:
    with session_scope(url) as session:
        stored = session.execute(
            select(schema.Document.corrections_sha256).where(schema.Document.sha256 == sha256)
        ).first()
    return stored is not None and stored[0] == fingerprint


def _ingest_file(path: Path, corrections: Overlay, url, parse: Parse, summary: IngestSummary, err: Console) -> None:
    try:
        sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as error:
        _fail(summary, err, f"{path}: nicht lesbar ({error.strerror})")
        return
    if _already_stored(url, sha256, corrections.fingerprint):
        summary.unchanged.append(str(path))
        return
    try:
        record = parse(path)
        record, notes = apply_overlay(record, corrections)
        with session_scope(url) as session:
            result = write_document(session, record, corrections_fingerprint=corrections.fingerprint)
    except ParseError as error:
        where = f"Zeile {error.line}: " if error.line else ""  # line 0: the file as a whole
        _fail(summary, err, f"{path}: {where}{error.reason}")
        return
    except WriteError as error:
        _fail(summary, err, f"{path}: {error}")
        return
    except Exception as error:  # a bug in one document must not stop the others
        _fail(summary, err, f"{path}: unerwarteter Fehler ({type(error).__name__}: {error})")
        return
    {"new": summary.new, "updated": summary.updated, "unchanged": summary.unchanged}[result.status].append(str(path))
    for note in notes:
        err.print(f"{path}: {note}", markup=False, highlight=False)
    if result.warnings:
        summary.partial.append(str(path))
        err.print(f"{path}: teilweise gelesen, übersprungen:", markup=False, highlight=False)
        for warning in result.warnings:
            err.print(f"  Zeile {warning.line}: {warning.reason}", markup=False, highlight=False)


def _fail(summary: IngestSummary, err: Console, message: str) -> None:
    summary.failed.append(message)
    err.print(f"[bold red]Fehler:[/] {escape(message)} – nichts davon geschrieben.", highlight=False)
