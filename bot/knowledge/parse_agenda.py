"""Agenda items (TOP) and the lines that belong to each.

Headings look like "TOP 1", "TOP 2.", "Zu TOP 3: Verschiedenes", "Tagesordnungspunkt 4"
with the title on the same line or the lines below. A list of TOP lines without text
between them is the agenda overview; the item's text comes from the later heading.
Without TOP headings, a numbered "Tagesordnung:" list is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.knowledge.parse_lines import Line, join_texts, line_goes_on

_TOP_RE = re.compile(
    r"^(?:Zu\s+)?(?:TOP|Top|Tagesordnungspunkt)\s*(?P<num>\d{1,2}(?:\.\d{1,2})?(?:\s?[a-z](?=[\s.):]|$))?)(?![\d/])"
    r"\s*[.:)]?\s*(?:[-–]\s*)?(?P<title>.*)$"
)
_AGENDA_LABEL_RE = re.compile(r"^Tagesordnung\s*:?$", re.IGNORECASE)
_NUMBERED_RE = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})?)\.?\s+(?P<title>[A-ZÄÖÜ].*)$")
_MAX_TITLE_LINES = 3


@dataclass
class Section:
    number: str
    title: str
    heading_line: int  # line number of the heading
    body: list[Line] = field(default_factory=list)  # the lines after the title


def heading_match(text: str) -> re.Match | None:
    """The TOP heading in ``text``; "TOP 2 wurde vertagt." in running text is none."""
    match = _TOP_RE.match(text)
    if match and match.group("title")[:1].islower():
        return None
    return match


def _title_from(lines: list[Line], start: int, inline: str) -> tuple[str, int]:
    """Title beginning with ``inline`` (may be empty) or at ``lines[start]``; returns the
    title and the index of the first body line."""
    parts, index = ([inline] if inline else []), start
    if not parts:
        while index < len(lines) and lines[index].blank:
            index += 1
        if index >= len(lines) or heading_match(lines[index].text):
            return "", index
        parts.append(lines[index].text)
        index += 1
    while (
        len(parts) < _MAX_TITLE_LINES
        and index < len(lines)
        and not lines[index].blank
        and not heading_match(lines[index].text)
        and (line_goes_on(parts[-1]) or lines[index].text[:1].islower())
    ):
        parts.append(lines[index].text)
        index += 1
    return join_texts(parts).rstrip(" :"), index


def find_sections(lines: list[Line]) -> list[Section]:
    """The agenda items of a protocol, in order; empty when the document has none."""
    found = [(i, heading_match(line.text)) for i, line in enumerate(lines)]
    headings = [(i, match) for i, match in found if match is not None]  # (line index, its TOP heading)
    if not headings:
        return _from_numbered_agenda(lines)
    numbers = [match.group("num").replace(" ", "") for _, match in headings]
    overview: dict[str, str] = {}
    sections: list[Section] = []
    for position, (index, match) in enumerate(headings):
        title, body_start = _title_from(lines, index + 1, match.group("title").strip())
        end = headings[position + 1][0] if position + 1 < len(headings) else len(lines)
        body = lines[body_start:end]
        number = match.group("num").replace(" ", "")
        # An empty heading whose number comes again later is part of the agenda overview.
        if all(line.blank for line in body) and number in numbers[position + 1 :]:
            overview.setdefault(number, title)
            continue
        sections.append(Section(number, title or overview.get(number, ""), lines[index].number, body))
    return sections


def _from_numbered_agenda(lines: list[Line]) -> list[Section]:
    label = next((i for i, line in enumerate(lines) if _AGENDA_LABEL_RE.match(line.text)), None)
    if label is None:
        return []
    items: list[tuple[str, str, int]] = []
    index = label + 1
    while index < len(lines):
        line = lines[index]
        match = _NUMBERED_RE.match(line.text)
        if match:
            items.append((match.group("num"), match.group("title"), line.number))
        elif line.blank:
            pass
        elif items and (line.text[:1].islower() or line_goes_on(items[-1][1])):
            num, title, number = items[-1]
            items[-1] = (num, join_texts([title, line.text]), number)
        else:
            break
        index += 1
    starts: list[int | None] = []
    search_from = index
    for num, title, _ in items:
        start = _body_start(lines, search_from, num, title)
        starts.append(start)
        search_from = start + 1 if start is not None else search_from
    sections = []
    for position, (num, title, number) in enumerate(items):
        start = starts[position]
        body: list[Line] = []
        if start is not None:
            later = [s for s in starts[position + 1 :] if s is not None]
            end = later[0] if later else len(lines)
            body = lines[start + 1 : end]
        sections.append(Section(num, title.rstrip(" :"), lines[start].number if start is not None else number, body))
    return sections


def _body_start(lines: list[Line], start: int, number: str, title: str) -> int | None:
    """Where the text of a numbered item begins: "Zu 2.: Zuwendungen", "2. Zuwendungen …"."""
    pattern = re.compile(rf"^(?P<zu>Zu\s+)?{re.escape(number)}(?:\.|\b)\s*[:.)]?\s*(?P<rest>.*)$", re.IGNORECASE)
    first_word = title.split()[0].lower() if title.split() else ""
    for index in range(start, len(lines)):
        match = pattern.match(lines[index].text)
        if not match:
            continue
        rest = match.group("rest").split()
        if match.group("zu") or not rest or rest[0].lower() == first_word:
            return index
    return None


def section_text(section: Section) -> str:
    """The item's text as extracted: stripped lines, blank lines kept as paragraph breaks."""
    text = "\n".join(line.text for line in section.body)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
