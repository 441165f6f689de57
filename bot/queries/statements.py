"""What a protocol says about an event or a topic: the sentences and list items that answer.

The passages are found by the words of the question (also inside compounds:
"Veranstaltung" finds "Diskussionsveranstaltung"); each passage is cut into sentences
and list items, and those are ranked: the question's words, a date when the question
asks "wann", the items of a list when it asks for wishes or ideas. Only text from the
protocols comes back, never a summary.
"""

from __future__ import annotations

import re

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from bot.core.facts import PassageFact, StatementFact
from bot.core.german import MONTH_NUMBERS
from bot.db import fts
from bot.db import schema as s
from bot.queries.cache import cached
from bot.queries.common import NO_SUCH_COUNCIL, council_id, council_names, source

CANDIDATES = 40  # passages read for one question
# Words every passage could have: they say where to look, not what.
_GENERIC = {
    "wann",
    "findet",
    "statt",
    "stattfinden",
    "beim",
    "welche",
    "gibt",
    "protokoll",
    "protokollen",
    "protokolls",
    "sitzung",
    "beirat",
    "integrationsbeirat",
    "thema",
    "gesagt",
}
_ENDINGS = ("ungen", "en", "er", "es", "e", "n", "s")
_ITEM_START = re.compile(r"^\s*(?:[-–•]\s+|\d+(?:\.\d)+\.?\s+|\d+\.\s+(?=[A-ZÄÖÜa-zäöü]))")
_SUBITEM = re.compile(r"\s+(?=\d{1,2}(?:\.\d)+\.\s)")  # "3.1. " (a date "15.06. " has two digits)
_SENTENCE_END = re.compile(r"(?<=[^\W\d]{2}[.!?])\s+(?=[A-ZÄÖÜ])")  # not after "01." or "e."
_MONTH = "|".join(sorted((re.escape(m) for m in MONTH_NUMBERS), key=len, reverse=True))
_FLAT_ITEM = re.compile(rf"\s+(?=\d{{1,2}}\.\s+(?!(?i:{_MONTH})\b)[A-ZÄÖÜ])")
_NUMERIC_DAY = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.(?:\s?(\d{4}))?(?!\d)")
_NAMED_DAY = re.compile(rf"(?<![\d.])(\d{{1,2}})\.\s?({_MONTH})\.?(?:\s+(\d{{4}}))?", re.IGNORECASE)
# Words of an announcement: an event that is planned, not the meeting itself.
ANNOUNCED = re.compile(r"angesetzt|geplant|stattfinden|findet|soll|sollen|wird|werden|lädt|einladung", re.IGNORECASE)


def stems(question: str) -> list[str]:
    """The content words of a question, without common endings ("Wünsche" -> "wünsch")."""
    found: list[str] = []
    for word in fts.search_terms(question):
        if word in _GENERIC or len(word) < 3:
            continue
        for ending in _ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= 4:
                word = word[: -len(ending)]
                break
        if word not in found:
            found.append(word)
    return found


def days_in(text: str) -> tuple[tuple[int, int, int | None], ...]:
    """The dates a text names: "15.06." -> (15, 6, None), "12. Mai 2015" -> (12, 5, 2015)."""
    found = []
    for day, month, year in _NUMERIC_DAY.findall(text):
        found.append((int(day), int(month), int(year) if year else None))
    for day, month, year in _NAMED_DAY.findall(text):
        found.append((int(day), MONTH_NUMBERS[month.lower()], int(year) if year else None))
    return tuple(d for d in found if 1 <= d[0] <= 31 and 1 <= d[1] <= 12)


def split_statements(text: str, sentences: bool = True) -> list[tuple[str, bool, int]]:
    """(statement, is a list item, depth) in order: list items and sentences, line breaks joined.

    Depth is 1 for a numbered item ("5. …"), 2 for a sub-item ("5.1. …"), 0 otherwise.
    ``sentences=False`` keeps a list item whole ("Demokratieförderung. Kampf gegen Rassismus.").
    """
    text = re.sub(r"\s*\|[\s|-]*", "\n- ", text)  # table cells, each on its own
    if "\n" not in text.strip():
        text = _FLAT_ITEM.sub("\n", text)
    text = _SUBITEM.sub("\n", text)
    items: list[tuple[list[str], bool, int]] = []
    for line in text.splitlines():
        if not line.strip():
            continue
        marker = _ITEM_START.match(line)
        if marker or not items:
            numbers = re.findall(r"\d+", marker.group(0)) if marker else []
            items.append(([line[marker.end() :] if marker else line], bool(marker), len(numbers)))
        else:
            items[-1][0].append(line)
    statements = []
    for lines, in_list, depth in items:
        joined = " ".join(" ".join(lines).split())
        for sentence in _SENTENCE_END.split(joined) if sentences or not in_list else [joined]:
            if len(sentence.split()) >= 2:
                statements.append((sentence.strip(), in_list, depth))
    return statements


def _passages(session: Session, words: list[str], council: str | None) -> list[PassageFact]:
    cid = council_id(session, council)
    if cid is NO_SUCH_COUNCIL or not words:
        return []
    text = func.lower(func.coalesce(s.Passage.heading, "") + " " + func.coalesce(s.Passage.text, ""))
    query = (
        select(s.Passage, s.Document, s.Meeting)
        .join(s.Document, s.Passage.document_id == s.Document.id)
        .outerjoin(s.Meeting, s.Passage.meeting_id == s.Meeting.id)
        .where(or_(*(text.contains(word) for word in words)))
        .order_by(s.Passage.id)
        .limit(CANDIDATES)
    )
    if cid is not None:
        query = query.where(s.Document.council_id == cid)
    councils = council_names(session)
    return [
        PassageFact(p.heading, p.text, source(d, m, councils.get(d.council_id), p.agenda_number))
        for p, d, m in session.execute(query).all()
    ]


def _score(statement: str, passage: PassageFact, words: list[str], want_date: bool) -> tuple[float, tuple]:
    lowered, heading = statement.lower(), passage.heading.lower()
    in_passage = f"{heading} {passage.text.lower()}"
    score = sum(1.0 if re.search(rf"\b{re.escape(w)}", lowered) else 0.5 for w in words if w in lowered)
    score += sum(0.5 for w in words if w in heading and w not in lowered)
    if score and len(statement.split()) > 40:  # lists of names, whole paragraphs
        score -= 1.0
    days = days_in(statement)
    meeting = passage.source.meeting_date
    if meeting is not None:  # the meeting's own date is no event
        days = tuple(
            d for d in days if (d[0], d[1], d[2] or meeting.year) != (meeting.day, meeting.month, meeting.year)
        )
    if want_date and days:
        score += 2.0 + (1.0 if ANNOUNCED.search(statement) else 0.0)
        score += 0.5 * sum(1 for w in words if w in in_passage)
    return score, days


@cached
def find_statements(
    session: Session, question: str, council: str | None = None, *, want_date: bool = False, limit: int = 3
) -> list[StatementFact]:
    """The statements that best answer ``question``, best first ([] when nothing matches).

    ``want_date``: the question asks "wann": statements naming a date (not the meeting's
    own) come first.
    """
    words = stems(question)
    scored = []
    for order, passage in enumerate(_passages(session, words, council)):
        parts = split_statements(passage.text)
        for position, (text, in_list, depth) in enumerate(parts):
            score, days = _score(text, passage, words, want_date)
            if score > 0 and (days or not want_date or score >= 1):
                fact = StatementFact(text, passage, days, in_list, _details(parts, position, depth))
                scored.append((-score, order, position, fact))
    scored.sort(key=lambda row: row[:3])
    best = -scored[0][0] if scored else 0.0
    # Only statements nearly as good as the best one: a weak match is no answer.
    return [row[3] for row in scored if -row[0] >= 0.6 * best][:limit]


def _details(parts: list[tuple[str, bool, int]], position: int, depth: int) -> tuple[str, ...]:
    """The sub-items right after a numbered heading ("5. Auswertung …" -> "5.1. …", "5.2. …")."""
    if depth != 1:
        return ()
    following = []
    for text, _, level in parts[position + 1 :]:
        if level <= depth:
            break
        following.append(text)
    return tuple(following)


@cached
def list_items(session: Session, question: str, council: str | None = None) -> list[StatementFact]:
    """The list items of the passage whose heading best matches the question ("Wünsche …")."""
    words = stems(question)
    best: tuple[float, list[StatementFact]] = (0.0, [])
    for passage in _passages(session, words, council):
        heading = passage.heading.lower()
        score = sum(1.0 for w in words if w in heading)
        statements = split_statements(passage.text, sentences=False)
        items = [StatementFact(t, passage, in_list=True) for t, in_list, _ in statements if in_list]
        if len(items) >= 3 and score > best[0]:
            best = (score, items)
        elif len(items) >= 3 and score == best[0] and best[1] and best[1][0].passage.heading == passage.heading:
            best = (score, best[1] + items)  # one list cut into two passages
    return best[1]
