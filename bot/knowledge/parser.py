"""Text in, ``DocumentRecord`` out. The parser never touches the database.

Decisions for imperfect documents:
- empty text, binary files, PDFs without text: ``ParseError`` (from the reader);
- a grant whose amount cannot be read ("1.4OO,00 €"): ``ParseError`` naming the line,
  because a grant must never be stored with a wrong sum;
- a protocol without a meeting date: parsed, date None, a warning;
- a document with nothing usable (no meeting date, agenda, people or grants):
  ``ParseError``;
- everything else that is skipped is listed in ``warnings`` with its line.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace
from pathlib import Path

from bot.knowledge import parse_header as header
from bot.knowledge.parse_agenda import Section, find_sections, section_text
from bot.knowledge.parse_grant_block import section_status
from bot.knowledge.parse_grants import GRANT_CONTEXT_RE, find_grants, grant_intro
from bot.knowledge.parse_lines import Line, LineError, drop_page_furniture, join_texts, split_lines
from bot.knowledge.parse_passages import passages
from bot.knowledge.parse_people import header_people, mark_excused_in_text, section_people, unique
from bot.knowledge.reader import read_document
from bot.knowledge.records import (
    AgendaItem,
    DocumentKind,
    DocumentRecord,
    Grant,
    GrantStatus,
    Meeting,
    ParseError,
    ParseWarning,
    Person,
)

_HEADER_LINES_WITHOUT_AGENDA = 25


def parse_file(path: Path) -> DocumentRecord:
    """Read and parse one file; ``content_sha256`` is the hash of the file's bytes."""
    path = Path(path)
    record = parse_text(read_document(path), str(path))
    return replace(record, content_sha256=hashlib.sha256(path.read_bytes()).hexdigest())


def parse_text(text: str, source_path: str) -> DocumentRecord:
    """Parse a document's text; raises ``ParseError(path, line, reason)``."""
    text = (text or "").lstrip("\ufeff")  # a byte-order mark is not content
    text, source_url, excerpt = _metadata(text)
    if not text.strip():
        raise ParseError(source_path, 0, "Das Dokument ist leer – es gibt nichts zu lesen.")
    try:
        return replace(_parse(text, source_path), source_url=source_url, excerpt=excerpt)
    except LineError as error:
        raise ParseError(source_path, error.line, error.reason) from None
    except ParseError:
        raise
    except Exception as error:  # a parser fault must reach staff as a message, not a stack trace
        raise ParseError(
            source_path,
            0,
            f"Unerwarteter Fehler beim Lesen ({type(error).__name__}: {error}). Bitte der Entwicklung melden.",
        ) from error


_METADATA_RE = re.compile(r"^(SOURCE|EXCERPT):[ \t]*(.*)$")


def _metadata(text: str) -> tuple[str, str | None, bool]:
    """Leading "SOURCE: <address>" and "EXCERPT: <why>" lines, as the stored copies of public
    pages carry them. They become blank lines, so that line numbers stay those of the file."""
    lines = text.split("\n")
    source_url, excerpt = None, False
    for index, line in enumerate(lines[:3]):
        match = _METADATA_RE.match(line.strip())
        if not match:
            break
        if match.group(1) == "SOURCE":
            source_url = match.group(2).strip() or None
        else:
            excerpt = True
        lines[index] = ""
    return "\n".join(lines), source_url, excerpt


def _parse(text: str, source_path: str) -> DocumentRecord:
    lines = drop_page_furniture(split_lines(text))
    warnings: list[ParseWarning] = []
    kind = header.document_kind(lines)
    sections = find_sections(lines) if kind is DocumentKind.PROTOCOL else []
    header_lines = _header_lines(lines, sections)
    header_text = "\n".join(line.text for line in header_lines)
    full_text = "\n".join(line.text for line in lines)

    council, district, inferred = header.council(header_text, full_text)
    if inferred:
        warnings.append(
            ParseWarning(
                1, f"Der Integrationsbeirat ist nur über den Stadtbezirk genannt – als „{council}“ übernommen."
            )
        )
    elif council is None:
        warnings.append(ParseWarning(1, "Kein Integrationsbeirat im Text genannt."))

    meeting, paper = None, None
    if kind is DocumentKind.PROTOCOL:
        meeting = _meeting(header_lines, header_text, full_text, sections, warnings)
    else:
        paper = header.paper_number(header_text) or header.paper_number(full_text)
        council_date = header.council_meeting_date(" ".join(full_text.split()))
        if council_date is not None:  # "Der Integrationsbeirat hat in seiner Sitzung am … befürwortet."
            meeting = Meeting(date=council_date)

    people = _people(lines, header_lines, sections, kind, warnings)
    if not sections:
        # Without agenda items the text starts after the people lists, not after a fixed header.
        header_lines = lines[: max((p.line for p in people), default=0)]
    grants = _grants(lines, header_lines, sections, kind, warnings)
    agenda = tuple(AgendaItem(s.number, s.title, section_text(s), s.heading_line) for s in sections)
    chunks = _passages(lines, header_lines, sections, kind, paper)

    if not (meeting and meeting.date) and not grants and not people and not agenda:
        # Nothing else in it: a page that announces a meeting ("kommt zu seiner nächsten Sitzung am … zusammen").
        announced = header.announced_meeting_date(" ".join(full_text.split()))
        if announced is not None:
            meeting = Meeting(date=announced)
    if not (meeting and meeting.date) and not grants and not people and not agenda:
        raise ParseError(
            source_path,
            1,
            "Kein Protokoll und keine Beschlussdrucksache eines Integrationsbeirats "
            "erkannt: weder Sitzungsdatum noch Tagesordnung, Personen oder Zuwendungen.",
        )
    return DocumentRecord(
        source_path=source_path,
        content_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        kind=kind,
        council_name=council,
        district=district,
        meeting=meeting,
        paper_number=paper,
        people=tuple(people),
        agenda=agenda,
        grants=tuple(grants),
        passages=tuple(chunks),
        warnings=tuple(sorted(set(warnings), key=lambda w: (w.line, w.reason))),
    )


def _header_lines(lines: list[Line], sections: list[Section]) -> list[Line]:
    first = min((s.heading_line for s in sections if s.heading_line), default=None)
    if first is None:
        return lines[:_HEADER_LINES_WITHOUT_AGENDA]
    return [line for line in lines if line.number < first]


def _meeting(
    header_lines: list[Line], header_text: str, full_text: str, sections: list[Section], warnings: list[ParseWarning]
) -> Meeting:
    opening = section_text(sections[0]) if sections else full_text
    title = header.title_lines(header_lines)
    title_text = "\n".join(line.text for line in title)
    body = header.other_body(title_text)
    if body:
        warnings.append(
            ParseWarning(
                1,
                f"Der Kopf nennt „{body}“ und keinen Integrationsbeirat – ist das Protokoll "
                "eines anderen Gremiums? Personen wurden trotzdem übernommen.",
            )
        )
    if header.reports_a_meeting(title_text):
        date, date_index, hit = header.meeting_date(title, opening)
    else:  # a news item or a web page: its dates are publication dates unless it names the meeting
        date, date_index, hit = header.named_meeting_date(" ".join(full_text.split())), None, None
    if date is None:
        warnings.append(ParseWarning(1, "Kein Sitzungsdatum mit Jahr gefunden – das Datum bleibt leer."))
    place, address = header.meeting_place(title, date_index, hit)
    date_line = title[date_index].text if date_index is not None else None
    start, end, approximate = header.meeting_times(title_text, full_text, date_line)
    return Meeting(header.meeting_number(title_text, full_text), date, place, address, start, end, approximate)


def _people(
    lines: list[Line],
    header_lines: list[Line],
    sections: list[Section],
    kind: DocumentKind,
    warnings: list[ParseWarning],
) -> list[Person]:
    if kind is not DocumentKind.PROTOCOL:
        return []
    people, found = header_people(header_lines, warnings)
    if not found and sections:
        # No list in the header: an attendance list opening the first item is the meeting's.
        first_body = sections[0].body
        people_in_first, _ = header_people(first_body, warnings)
        people += [p for p in people_in_first if p.role.value in ("member", "chair", "deputy")]
    for section in sections:
        people += section_people(section, warnings)
    # Excuses in the opening text: the first item, or the text after the lists without items.
    opening = sections[0].body if sections else lines[max((p.line for p in people), default=0) :]
    for text, line in _paragraphs(opening):
        people = mark_excused_in_text(people, text, line, warnings)
    return unique(people)


def _paragraphs(lines: list[Line]) -> list[tuple[str, int]]:
    result: list[tuple[str, int]] = []
    current: list[Line] = []
    for line in lines + [Line(0, "", "")]:
        if line.blank:
            if current:
                result.append((join_texts([part.text for part in current]), current[0].number))
            current = []
        else:
            current.append(line)
    return result


def _uncovered(lines: list[Line], header_lines: list[Line], sections: list[Section]) -> list[Line]:
    """Lines after the header that belong to no agenda item (all of them without agenda);
    so that nothing is lost when an item's heading is not recognised."""
    covered = {line.number for line in header_lines}
    for section in sections:
        last = section.body[-1].number if section.body else section.heading_line
        covered.update(range(section.heading_line, last + 1))
    return [line for line in lines if line.number not in covered]


def _grants(
    lines: list[Line],
    header_lines: list[Line],
    sections: list[Section],
    kind: DocumentKind,
    warnings: list[ParseWarning],
) -> list[Grant]:
    if kind is DocumentKind.DECISION_PAPER:
        # A decision paper proposes; the Stadtbezirksrat decides later.
        return find_grants(lines, None, GrantStatus.RECOMMENDED, warnings)[0]
    # (agenda number, title, lines); the lines outside every item have no agenda number
    parts: list[tuple[str | None, str, list[Line]]] = [(s.number, s.title, s.body) for s in sections]
    rest = _uncovered(lines, header_lines, sections)
    if any(not line.blank for line in rest):
        parts.append((None, "", rest))
    grants: list[Grant] = []
    for number, title, body in parts:
        intro = grant_intro(body)
        status = section_status(intro, title)
        about_grants = bool(GRANT_CONTEXT_RE.search(title) or GRANT_CONTEXT_RE.search(intro))
        grants += find_grants(body, number, status, warnings, about_grants)[0]
    return grants


def _passages(
    lines: list[Line], header_lines: list[Line], sections: list[Section], kind: DocumentKind, paper: str | None
):
    if kind is not DocumentKind.DECISION_PAPER:
        chunks = [chunk for s in sections for chunk in passages(s, s.number)]
        rest = _uncovered(lines, header_lines, sections)
        return chunks + passages(Section("", "Text", 0, rest), None)
    # The paper's subject ("Zuwendungen aus Mitteln des Integrationsbeirates Mitte") heads its text.
    subject = next((line.text for line in lines[:20] if "Zuwendung" in line.text and len(line.text) < 120), None)
    title = subject or (f"Beschlussdrucksache {paper}" if paper else "Beschlussdrucksache")
    return passages(Section("", title, 0, lines), None)
