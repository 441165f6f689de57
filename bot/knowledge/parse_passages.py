"""Discussion text of each agenda item as searchable chunks, each with its heading.

Chunks begin at headings like "Frage an Dieter Wuttig: Wie …?", "Diskussion: …",
"Wünsche und Anregungen …" or a short line standing alone above its text; text before
the first heading is headed by the agenda title. Long chunks are cut at paragraph
boundaries. Lines are joined and de-hyphenated; bullet items stay one per line.
"""

from __future__ import annotations

import re

from bot.knowledge.parse_agenda import Section
from bot.knowledge.parse_lines import BULLET_RE, Line, columns, join_texts
from bot.knowledge.records import Passage

MAX_CHUNK_CHARS = 1500
MIN_GENERIC_CHARS = 40  # below this, text under a guessed heading is letterhead or signature
_KNOWN_RE = re.compile(
    r"^(?:Fragen?\s+(?:an|der|zu|von)\b|Diskussion\b|Thema\b|(?:Zentrale\s+)?Fragestellung|Wünsche\s+und\s+Anregungen|"
    r"Ergebnis(?:se)?\b|Fazit\b|Bericht\b|Vortrag\b|Vorstellung\b|Ausblick\b|Rückblick\b|Zusammenfassung\b|Anregungen\b)",
    re.IGNORECASE,
)
_NOT_HEADING_RE = re.compile(
    r"^(?:Antwort|Gesprächsbeiträge|Projekt|Verwendungszweck|Zuwendung\w*|Moderation|Protokoll|Anwesend\w*|Beginn|"
    r"Ende|Antrag|Herrn?|Frau|gez\.)\b",
    re.IGNORECASE,
)
_SKIP_HEADING_RE = re.compile(
    r"Kostentabelle|finanziellen\s+Auswirkungen|Teilergebnishaushalt|Klimawirkung", re.IGNORECASE
)


def _is_heading(lines: list[Line], index: int) -> bool:
    text = lines[index].text
    if not text or not text[0].isupper() or BULLET_RE.match(text) or _NOT_HEADING_RE.match(text):
        return False
    colon = text.find(":")
    if _KNOWN_RE.match(text) and (0 <= colon <= 80 or (len(text) <= 70 and not text.endswith((".", ",")))):
        return True
    # A short line standing alone above its text ("Begründung des Antrages", "Fragen aus dem Beirat:").
    after_blank = index > 0 and lines[index - 1].blank
    following = lines[index + 1 : index + 3]
    text_follows = bool(following) and (not following[0].blank or (len(following) > 1 and len(following[1].text) > 60))
    return (
        after_blank
        and text_follows
        and len(text) <= 70
        and len(text.split()) <= 8
        and len(columns(lines[index])) == 1
        and not text.endswith((".", ",", ";"))
        and not re.search(r"\d", text)
    )


def _heading(lines: list[Line], index: int) -> tuple[str, int]:
    """The heading text (a question may go on over the next lines) and the next index."""
    parts = [lines[index].text]
    index += 1
    has_question = ":" in parts[0] and parts[0].split(":", 1)[1].strip()
    while (
        has_question
        and not parts[-1].endswith(("?", ".", "!", ":"))
        and index < len(lines)
        and len(parts) < 3
        and not lines[index].blank
        and not BULLET_RE.match(lines[index].text)
        and not _NOT_HEADING_RE.match(lines[index].text)
    ):
        parts.append(lines[index].text)
        index += 1
    return join_texts(parts).rstrip(" :"), index


def _items(lines: list[Line]) -> list[str]:
    """Paragraphs, bullet items and table rows, each joined into one line."""
    items: list[str] = []
    current: list[str] = []  # texts of the paragraph being read
    for line in lines:
        if re.match(r"^(?:gez\.|i\.\s?A\.)\s", line.text):
            continue  # a signature, not discussion
        row = len(columns(line)) >= 3
        if line.blank or BULLET_RE.match(line.text) or row:
            if current:
                items.append(join_texts(current))
            current = [] if line.blank else [BULLET_RE.sub("- ", line.text)]
            if row:
                items.append(" | ".join(columns(line)))
                current = []
        else:
            current.append(line.text)
    if current:
        items.append(join_texts(current))
    return items


def passages(section: Section, agenda_number: str | None) -> list[Passage]:
    """The chunks of one agenda item (``agenda_number`` None for a decision paper)."""
    body = section.body
    chunks: list[tuple[str, int, list[Line], bool]] = []  # heading, its line, lines, heading is generic
    heading, heading_line, generic = section.title, 0, False
    current: list[Line] = []
    index = 0
    while index < len(body):
        if _is_heading(body, index):
            chunks.append((heading, heading_line, current, generic))
            heading_line, generic = body[index].number, not _KNOWN_RE.match(body[index].text)
            heading, index = _heading(body, index)
            current = []
            continue
        current.append(body[index])
        index += 1
    chunks.append((heading, heading_line, current, generic))
    result = []
    for heading, line, chunk_lines, generic in chunks:
        if _SKIP_HEADING_RE.search(heading):
            continue
        if generic and sum(len(chunk.text) for chunk in chunk_lines) < MIN_GENERIC_CHARS:
            continue  # a signature or letterhead line, not discussion
        first = next((chunk.number for chunk in chunk_lines if not chunk.blank), None)
        for text in _cut(_items(chunk_lines)):
            result.append(Passage(agenda_number, heading, text, line or first or section.heading_line))
    return result


def _cut(items: list[str]) -> list[str]:
    texts: list[str] = []
    current: list[str] = []  # items of the chunk being filled
    for item in items:
        if current and sum(len(i) + 1 for i in current) + len(item) > MAX_CHUNK_CHARS:
            texts.append("\n".join(current))
            current = []
        current.append(item)
    if current:
        texts.append("\n".join(current))
    return texts
