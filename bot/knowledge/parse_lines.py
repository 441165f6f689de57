"""Numbered, cleaned lines of a document, and joining broken lines back into prose.

Every other parse_* module works on ``Line`` objects so that warnings and errors can
name the line of the source text (1-based, as an editor shows it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# PDF extraction turns list bullets into private-use or odd glyphs; they carry no text.
_BULLET_GLYPHS = "\uf0b7\uf0a7\uf0d8\uf0fc\uf076\u2022\u25aa\u25cf\u25e6\u2023\u2043\u2219\u25a0\u25a1\u27a2"
_GLYPH_RE = re.compile(f"^[{_BULLET_GLYPHS}]\\s*")
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u3000]+")
_SEPARATOR_RE = re.compile(r"^[_\-=*~.]{5,}$")
# A line that starts a bullet item in running text ("- Interkulturelles Altersheim").
BULLET_RE = re.compile(r"^[-–•*]\s+")
# Words after which a broken line clearly goes on ("des", "und", ...).
_OPEN_WORDS = {
    "der",
    "die",
    "das",
    "des",
    "dem",
    "den",
    "und",
    "oder",
    "sowie",
    "für",
    "über",
    "von",
    "vom",
    "zu",
    "zum",
    "zur",
    "mit",
    "auf",
    "im",
    "in",
    "am",
    "an",
    "bei",
    "bis",
    "aus",
    "nach",
    "ein",
    "eine",
    "einer",
    "eines",
    "einem",
    "einen",
    "als",
    "bzw.",
    "gegen",
}
_HYPHEN_KEEP_NEXT = re.compile(r"^(und|oder|bzw\.?|sowie)\b")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based line number in the source text
    raw: str  # the line with tabs as double spaces, columns still visible
    text: str  # stripped, glyph bullets removed, single spaces

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def is_separator(self) -> bool:
        return bool(_SEPARATOR_RE.match(self.text.replace(" ", "")))


class LineError(Exception):
    """A problem in one line that makes the whole document unusable (e.g. a garbled amount)."""

    def __init__(self, line: int, reason: str):
        self.line, self.reason = line, reason
        super().__init__(f"line {line}: {reason}")


# Characters that PDF extraction produces for plain ones: ligatures, special hyphens.
_PLAIN = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\u2010": "-",
        "\u2011": "-",
        "\u00ad": "",
        "\u200b": "",
        "\ufeff": "",
    }
)


def split_lines(text: str) -> list[Line]:
    """Split ``text`` into numbered lines; line endings of any platform are accepted."""
    text = text.translate(_PLAIN).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = []
    for number, raw in enumerate(text.split("\n"), start=1):
        raw = raw.replace("\t", "  ").replace("\u00a0", " ").rstrip()
        raw = _GLYPH_RE.sub("", raw.strip()) if _GLYPH_RE.match(raw.strip()) else raw
        lines.append(Line(number, raw, _SPACES_RE.sub(" ", raw).strip()))
    return lines


_PAGE_NUMBER_RE = re.compile(r"^[-–]?\s*(?:Seite|S\.)?\s*\d{1,3}(?:\s*(?:von|/)\s*\d{1,3})?\s*[-–]?$", re.IGNORECASE)


def drop_page_furniture(lines: list[Line]) -> list[Line]:
    """Blank page numbers ("Seite 2 von 5", "- 3 -") and page headers that a PDF repeats on
    every page (later copies of the document's first lines); line numbers stay."""
    top = {line.text for line in [other for other in lines if not other.blank][:5] if len(line.text) >= 10}
    seen: set[str] = set()
    result = []
    for line in lines:
        repeated = line.text in top and line.text in seen
        seen.add(line.text)
        page_number = bool(_PAGE_NUMBER_RE.match(line.text)) and re.search(r"Seite|[-–]", line.text)
        result.append(Line(line.number, "", "") if repeated or page_number else line)
    return result


def columns(line: Line) -> list[str]:
    """Cells of a line laid out in columns (two or more spaces, tabs or ``|``)."""
    return [cell.strip() for cell in re.split(r"\s{2,}|\|", line.raw.strip()) if cell.strip()]


def join_texts(parts: list[str]) -> str:
    """Join broken lines into one string: "Linden-"+"Limmer" keeps the hyphen,
    "Migranten-"+"organisation" loses it, "Bezirks-"+"und Stadträte" keeps "- "."""
    result = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if not result:
            result = part
        elif result.endswith(("-", "¬")) and len(result) > 1 and result[-2].isalpha():
            result = result[:-1] + "-"
            if _HYPHEN_KEEP_NEXT.match(part):
                result += " " + part
            elif part[0].islower():
                result = result[:-1] + part
            else:
                result += part
        else:
            result += " " + part
    return result


def line_goes_on(text: str) -> bool:
    """True when a line ends so that the sentence or name clearly continues."""
    text = text.rstrip()
    if not text:
        return False
    if text.endswith(("-", "–", ",", "/", "&", "+")) and not text.endswith("--"):
        return True
    last = text.split()[-1].lower()
    return last in _OPEN_WORDS


def quotes_open(text: str) -> bool:
    """True when a German or plain quotation is opened but not closed."""
    return text.count("„") > text.count("“") or text.count('"') % 2 == 1


def sentences(text: str) -> list[str]:
    """Split running text into sentences without breaking "e.V.", "Dr." or dates."""
    protected = re.sub(r"\b(e\.\s?V|Dr|Prof|Nr|ca|ggf|bzw|z\.\s?B|i\.\s?V|u\.\s?a|usw|Str|gGmbH)\.", r"\1<DOT>", text)
    protected = re.sub(r"(\d)\.", r"\1<DOT>", protected)
    parts = re.split(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"(])", protected)
    return [p.replace("<DOT>", ".").strip() for p in parts if p.strip()]
