"""``beirat ingest``: summary, exit codes, idempotency, failures with file and line."""
from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console
from sqlalchemy import func, select

from bot.db import schema as s
from bot.db.export import export_data, to_json
from bot.db.session import session_scope
from bot.importer.ingest import run_ingest


def _files(folder: Path, **contents: str) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for name, content in contents.items():
        path = folder / f"{name}.txt"
        path.write_text(content + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _run(paths, url, knowledge_dir, fake_parse, overlay=None) -> tuple[int, str]:
    console = Console(record=True, width=200, force_terminal=False)
    code = run_ingest(paths, overlay, url=url, knowledge_dir=knowledge_dir, parse=fake_parse, console=console)
    return code, console.export_text()


def _export(url: str) -> str:
    with session_scope(url) as session:
        return to_json(export_data(session))


def test_ingest_twice_changes_nothing_and_skips_parsing(db_url, tmp_path, knowledge_dir, fake_parse):
    folder = tmp_path / "protocols"
    _files(folder, linden="seed", ricklingen="ricklingen")
    code, output = _run([folder], db_url, knowledge_dir, fake_parse)
    assert code == 0, output
    assert "2 neu, 0 aktualisiert, 0 unverändert, 0 fehlgeschlagen" in output, output
    first = _export(db_url)
    fake_parse.calls.clear()
    code, output = _run([folder], db_url, knowledge_dir, fake_parse)
    assert code == 0 and "0 neu, 0 aktualisiert, 2 unverändert" in output, output
    assert fake_parse.calls == [], "unchanged files must not be parsed again"
    assert _export(db_url) == first, "re-ingest changed the export"


def test_failed_document_is_reported_with_line_and_writes_nothing(db_url, tmp_path, knowledge_dir, fake_parse):
    paths = _files(tmp_path / "protocols", a_broken="broken", b_linden="seed", c_crash="crash")
    code, output = _run(paths, db_url, knowledge_dir, fake_parse)
    assert code == 1, "a failed document must give a non-zero exit code"
    assert "a_broken.txt: Zeile 7: Kein Datum im Kopf des Protokolls" in output, output
    assert "c_crash.txt: unerwarteter Fehler (RuntimeError: parser bug)" in output, output
    assert "1 neu, 0 aktualisiert, 0 unverändert, 2 fehlgeschlagen" in output, output
    with session_scope(db_url) as session:
        files = [f for (f,) in session.execute(select(s.Document.file_name))]
    assert files == ["b_linden.txt"], f"only the good document may be stored, got {files}"


def test_partial_parse_says_what_was_skipped(db_url, tmp_path, knowledge_dir, fake_parse):
    paths = _files(tmp_path / "protocols", teilweise="partial")
    code, output = _run(paths, db_url, knowledge_dir, fake_parse)
    assert code == 0, output
    assert "teilweise.txt: teilweise gelesen" in output and "Zeile 12: Zeile ohne Namen übersprungen" in output, output


def test_missing_and_unsupported_paths_fail_politely(db_url, tmp_path, knowledge_dir, fake_parse):
    other = tmp_path / "notes.docx"
    other.write_bytes(b"x")
    code, output = _run([tmp_path / "gibt-es-nicht.txt", other], db_url, knowledge_dir, fake_parse)
    assert code == 1
    assert "Datei oder Ordner nicht gefunden" in output and "nur .txt und .pdf" in output, output


def test_malformed_corrections_write_nothing(db_url, tmp_path, knowledge_dir, fake_parse):
    paths = _files(tmp_path / "protocols", linden="seed")
    bad = tmp_path / "corrections.yml"
    bad.write_text("grants:\n  - council: X\n    amount: viel\n", encoding="utf-8")
    code, output = _run(paths, db_url, knowledge_dir, fake_parse, overlay=bad)
    assert code == 2, output
    assert "Fehler in den Korrekturen" in output and "Es wurde nichts geschrieben" in output, output
    assert fake_parse.calls == [], "nothing may be parsed or written with a bad overlay"
    with session_scope(db_url) as session:
        assert session.execute(select(func.count()).select_from(s.Document)).scalar() == 0


def test_changed_corrections_rewrite_the_documents(db_url, tmp_path, knowledge_dir, fake_parse):
    paths = _files(tmp_path / "protocols", linden="seed")
    assert _run(paths, db_url, knowledge_dir, fake_parse)[0] == 0
    correction = knowledge_dir / "corrections.yml"
    correction.write_text(
        "grants:\n  - council: Integrationsbeirat Linden-Limmer\n    application_number: 04/2019\n    amount: '1450.00'\n",
        encoding="utf-8",
    )
    code, output = _run(paths, db_url, knowledge_dir, fake_parse)
    assert code == 0 and "1 aktualisiert" in output, output
    with session_scope(db_url) as session:
        amounts = sorted(str(a) for (a,) in session.execute(select(s.Grant.amount)))
    assert amounts == ["1450.00", "799.00"], amounts


def test_glossary_and_facts_are_loaded_in_the_same_run(db_url, tmp_path, knowledge_dir, fake_parse):
    (knowledge_dir / "glossary.yml").write_text("- term: TOP\n  explanation: Ein Punkt.\n", encoding="utf-8")
    (knowledge_dir / "facts.yml").write_text("- {key: who_decides, text: Der Rat., source: TOP 2}\n", encoding="utf-8")
    code, output = _run(_files(tmp_path / "p", linden="seed"), db_url, knowledge_dir, fake_parse)
    assert code == 0, output
    with session_scope(db_url) as session:
        data = json.loads(to_json(export_data(session)))
    assert [t["term"] for t in data["glossary"]] == ["TOP"]
    assert [f["key"] for f in data["curated_facts"]] == ["who_decides"]


def test_missing_glossary_is_a_note_not_an_error(db_url, tmp_path, knowledge_dir, fake_parse):
    code, output = _run(_files(tmp_path / "p", linden="seed"), db_url, knowledge_dir, fake_parse)
    assert code == 0
    assert "glossary.yml fehlt, nicht geladen" in output, output


def test_progress_bar_only_for_many_files(db_url, tmp_path, knowledge_dir, fake_parse, monkeypatch):
    import bot.importer.ingest as ingest

    shown = []
    real_progress = ingest.Progress
    monkeypatch.setattr(ingest, "Progress", lambda *a, **k: shown.append(1) or real_progress(*a, **k))
    _run(_files(tmp_path / "two", a="seed", b="ricklingen"), db_url, knowledge_dir, fake_parse)
    assert shown == [], "no progress bar for two files"
    _run(_files(tmp_path / "three", c="broken", d="broken", e="broken"), db_url, knowledge_dir, fake_parse)
    assert shown == [1], "a progress bar for three files or more"


def test_unreachable_database_is_a_clear_error(tmp_path, knowledge_dir, fake_parse):
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"postgresql://nobody@127.0.0.1:{port}/decisions"
    code, output = _run(_files(tmp_path / "p", linden="seed"), url, knowledge_dir, fake_parse)
    assert code == 2, output
    assert "Die Datenbank ist nicht erreichbar" in output and "Traceback" not in output, output
