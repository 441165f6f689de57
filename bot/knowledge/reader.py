"""Text of a protocol file: plain text (UTF-8, UTF-16 with BOM, or Windows-1252) or the
text layer of a PDF. Empty, binary and unreadable files raise ``ParseError`` with a
message for council staff."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from bot.knowledge.records import ParseError

# Share of control characters above which a file is binary, not text.
_MAX_CONTROL_SHARE = 0.01
_ALLOWED_CONTROLS = {"\n", "\r", "\t", "\f"}


def read_document(path: Path) -> str:
    """The document's text; raises ``ParseError`` when there is no usable text."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ParseError(str(path), 0, "Die Datei gibt es nicht.") from None
    except OSError as error:
        raise ParseError(str(path), 0, f"Die Datei kann nicht gelesen werden ({error.strerror}).") from None
    if not data.strip():
        raise ParseError(str(path), 0, "Die Datei ist leer – es gibt nichts zu lesen.")
    if path.suffix.lower() == ".pdf" or data.startswith(b"%PDF"):
        return _pdf_text(path, data)
    return _plain_text(path, data)


def _plain_text(path: Path, data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16", errors="strict")
    elif b"\x00" in data[:8192]:
        raise _binary(path)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")  # older Windows exports
            except UnicodeDecodeError:
                raise ParseError(
                    str(path), 0, "Die Zeichenkodierung der Datei ist unbekannt – bitte als UTF-8 speichern."
                ) from None
    controls = sum(1 for char in text if ord(char) < 32 and char not in _ALLOWED_CONTROLS)
    if controls > max(2, len(text) * _MAX_CONTROL_SHARE):
        raise _binary(path)
    if not text.strip():
        raise ParseError(str(path), 0, "Die Datei ist leer – es gibt nichts zu lesen.")
    return text


def _binary(path: Path) -> ParseError:
    return ParseError(
        str(path),
        0,
        "Das ist keine Textdatei (Binärdaten). Bitte das Protokoll als .txt oder als PDF mit Textebene ablegen.",
    )


def _pdf_text(path: Path, data: bytes) -> str:
    import pdfplumber  # only needed for PDFs; slow to import

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # pdfminer chatters about harmless font issues
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            pages = [page.extract_text() or "" for page in pdf.pages]
    except Exception as error:  # pdfminer raises many unrelated types for broken files
        raise ParseError(
            str(path), 0, f"Das PDF kann nicht gelesen werden (beschädigt oder verschlüsselt: {type(error).__name__})."
        ) from None
    text = "\n".join(pages)
    if not text.strip():
        raise ParseError(
            str(path), 0, "Das PDF hat keine Textebene (zum Beispiel ein Scan). Bitte eine Fassung mit Text ablegen."
        )
    return text
