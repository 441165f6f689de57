"""Reading files: text in several encodings, PDFs with a text layer; empty, binary and
broken files fail with a message for staff."""
from __future__ import annotations

import hashlib
import importlib.util
from pathlib import Path

import pytest

from bot.knowledge.parser import parse_file
from bot.knowledge.reader import read_document
from bot.knowledge.records import ParseError

_spec = importlib.util.spec_from_file_location("make_pdf", Path(__file__).parents[1] / "fixtures" / "make_pdf.py")
make_pdf = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_pdf)

TEXT = "Integrationsbeirat Döhren-Wülfel – Zuwendung „Lernen“ 480,00 €\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_text_encodings(tmp_path, encoding):
    path = tmp_path / "p.txt"
    path.write_bytes(TEXT.encode(encoding))
    assert read_document(path) == TEXT


def test_windows_line_endings_are_kept_for_the_parser(tmp_path):
    path = tmp_path / "p.txt"
    path.write_bytes(b"Zeile 1\r\nZeile 2\r\n")
    assert read_document(path).splitlines() == ["Zeile 1", "Zeile 2"]


@pytest.mark.parametrize("content", [b"", b"  \n\n\t "])
def test_empty_file(tmp_path, content):
    path = tmp_path / "leer.txt"
    path.write_bytes(content)
    with pytest.raises(ParseError) as caught:
        read_document(path)
    assert (caught.value.path, caught.value.line) == (str(path), 0)
    assert "leer" in caught.value.reason


@pytest.mark.parametrize("content", [
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 40,
    bytes([7, 8, 11, 14, 15, 16, 65, 66]) * 20,
])
def test_binary_file(tmp_path, content):
    path = tmp_path / "protokoll.txt"
    path.write_bytes(content)
    with pytest.raises(ParseError) as caught:
        read_document(path)
    assert "keine Textdatei" in caught.value.reason


def test_missing_file(tmp_path):
    with pytest.raises(ParseError) as caught:
        read_document(tmp_path / "fehlt.txt")
    assert "gibt es nicht" in caught.value.reason


def test_pdf_with_text_layer_parses_like_its_text(tmp_path, fixture_dir):
    source = fixture_dir / "2021-11-08_doehren-wuelfel_15.txt"
    pdf = tmp_path / "2021-11-08_doehren-wuelfel_15.pdf"
    make_pdf.write_pdf(source, pdf)
    from_pdf, from_text = parse_file(pdf), parse_file(source)
    assert from_pdf.content_sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert from_pdf.source_path == str(pdf)
    assert from_pdf.meeting == from_text.meeting
    assert from_pdf.grants == from_text.grants
    assert from_pdf.people == from_text.people
    assert [(a.number, a.title) for a in from_pdf.agenda] == [(a.number, a.title) for a in from_text.agenda]
    assert from_pdf.warnings == ()


def test_pdf_without_text_layer(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf.pdf_bytes([]))
    with pytest.raises(ParseError) as caught:
        read_document(path)
    assert "keine Textebene" in caught.value.reason


def test_broken_pdf(tmp_path):
    path = tmp_path / "kaputt.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog" + b"\x00\xff" * 50)
    with pytest.raises(ParseError) as caught:
        read_document(path)
    assert "PDF" in caught.value.reason
