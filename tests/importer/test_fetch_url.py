"""``beirat ingest URL`` against a local HTTP server that serves stored public pages:
an HTML decision paper, its PDF, and the ways a fetch goes wrong (nothing written then)."""

from __future__ import annotations

import html
import importlib.util
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rich.console import Console
from sqlalchemy import select

from bot.db import schema as s
from bot.db.session import session_scope
from bot.importer.fetch import FetchError, fetch_text, file_name_for, html_text
from bot.importer.ingest import run_ingest

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "fixtures" / "real" / "hannover"
PAPER = next(REAL.glob("007_*.txt"))  # Beschlussdrucksache 15-1094/2025, two grants "bis zu"
PROSE = next(REAL.glob("006_*.txt"))  # Beschlussdrucksache 15-2028/2020, one grant in prose

_spec = importlib.util.spec_from_file_location("make_pdf", ROOT / "tests" / "fixtures" / "make_pdf.py")
make_pdf = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_pdf)


def _stored_text(path: Path) -> str:
    """The page text as stored, without its SOURCE line."""
    return path.read_text(encoding="utf-8").split("\n", 1)[1]


def _as_html(text: str) -> bytes:
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines())
    page = (f"<html><head><title>Drucksache</title><script>var x = '1.000,00 €';</script></head>"
            f"<body><nav>Startseite | Suche</nav>{body}</body></html>")
    return page.encode("utf-8")


PAGES = {
    "/lhhsimwebre.nsf/DS/15-1094-2025": ("text/html; charset=utf-8", _as_html(_stored_text(PAPER))),
    "/lhhsimwebre.nsf/DS/15-2028-2020.pdf": (
        "application/pdf",
        make_pdf.pdf_bytes([line for line in _stored_text(PROSE).splitlines() if line.strip()][:40]),
    ),
    "/wetter": ("text/html; charset=utf-8", b"<html><body><p>Das Wetter in Hannover: sonnig, 21 Grad.</p></body></html>"),
    "/bild.png": ("image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the name http.server calls
        if self.path == "/langsam":
            time.sleep(2)
        page = PAGES.get(self.path)
        if page is None:
            self.send_response(404)
            self.end_headers()
            return
        kind, body = page
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def _ingest(addresses, url, knowledge_dir) -> tuple[int, str]:
    console = Console(record=True, width=250, force_terminal=False)
    code = run_ingest(addresses, url=url, knowledge_dir=knowledge_dir, console=console)
    return code, console.export_text()


def _grants(url: str) -> list[tuple[str, str, bool, str | None]]:
    with session_scope(url) as session:
        rows = session.execute(
            select(s.Grant.applicant, s.Grant.amount, s.Grant.ceiling, s.Document.source_url).join(
                s.Document, s.Grant.document_id == s.Document.id
            )
        ).all()
    return sorted((a, str(m), c, u) for a, m, c, u in rows)


def test_an_html_decision_paper_is_fetched_kept_with_its_address_and_ingested(site, db_url, knowledge_dir):
    address = f"{site}/lhhsimwebre.nsf/DS/15-1094-2025"
    code, output = _ingest([address], db_url, knowledge_dir)
    assert code == 0, output
    saved = knowledge_dir / "protocols" / file_name_for(address)
    assert saved.read_text(encoding="utf-8").startswith(f"SOURCE: {address}\n"), "the address heads the stored text"
    assert "var x" not in saved.read_text(encoding="utf-8"), "scripts are not text"
    assert _grants(db_url) == [
        ("Johanniter-Unfall-Hilfe e.V.", "400.00", True, address),
        ("NK Mitte", "2200.00", True, address),
    ]
    code, output = _ingest([address], db_url, knowledge_dir)
    assert code == 0 and "1 unverändert" in output, "fetching the same page again changes nothing"


def test_a_pdf_is_read_through_its_text_layer(site, db_url, knowledge_dir):
    address = f"{site}/lhhsimwebre.nsf/DS/15-2028-2020.pdf"
    code, output = _ingest([address], db_url, knowledge_dir)
    assert code == 0, output
    assert _grants(db_url) == [("Nachbarschaftskreis Hannover Mitte", "740.70", False, address)]


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/gibt-es-nicht", "Fehler 404"),
        ("/bild.png", "Unbekanntes Format „image/png“"),
        ("/wetter", "Kein Protokoll und keine Beschlussdrucksache"),
    ],
)
def test_errors_say_why_and_write_nothing(site, db_url, knowledge_dir, path, message):
    code, output = _ingest([f"{site}{path}"], db_url, knowledge_dir)
    assert code == 1, output
    assert message in output, output
    assert "nichts davon geschrieben" in output, output
    assert not (knowledge_dir / "protocols").exists() or not any((knowledge_dir / "protocols").iterdir())
    assert _grants(db_url) == []


def test_a_page_that_does_not_answer_in_time_is_given_up(site):
    with pytest.raises(FetchError, match="antwortet nicht"):
        fetch_text(f"{site}/langsam", timeout=0.5)


def test_a_server_that_is_not_there_is_named():
    with pytest.raises(FetchError, match="nicht erreichbar"):
        fetch_text("http://127.0.0.1:9/nichts", timeout=2)


def test_html_text_keeps_blocks_on_lines_and_drops_navigation():
    page = "<html><body><nav>Menü</nav><h1>Titel</h1><p>Erster Absatz</p><p>Zweiter <b>fett</b></p></body>"
    text = html_text(page.encode("utf-8"))
    assert text.splitlines() == ["Titel", "", "Erster Absatz", "", "Zweiter fett"]
