"""Answers about what was said in a meeting, and the original protocol text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.core.facts import PassageFact, Source, StatementFact
from bot.core.german import MONTHS
from bot.language.answers import Answer
from bot.language.answers.common import LIST_LIMIT, OFFER_BUTTONS, bullets, finish, first_of, quote
from bot.language.format import format_source

QUOTE_INTRO = "Hier ist der Text aus dem Protokoll.\nDer Text ist nicht in Leichter Sprache."
NO_PASSAGE = "Ich habe gerade keinen Text aus einem Protokoll für Sie.\nBitte stellen Sie zuerst eine Frage."
NO_PASSAGE_FOR_SOURCE = "Den Text aus dem Protokoll habe ich dazu nicht.\nIch weiß nur die Stelle.\nSie ist hier:"
READ_OFFER = "Möchten Sie den Text aus dem Protokoll lesen?"


def passage_text(passage: PassageFact) -> str:
    """What ``last_passage`` stores: a warning, where it is, the protocol text as written."""
    where = format_source(passage.source, with_agenda=True)
    return f"{QUOTE_INTRO}\n{where}\n\n{passage.heading.strip()}\n{passage.text.strip()}"


def split_quote(text: str) -> tuple[str, str]:
    """(our own words, the protocol text from ``QUOTE_INTRO`` on) of a stored "more" text.

    Our words get their hard words explained; the quote stays exactly as written."""
    at = text.find(QUOTE_INTRO)
    return (text, "") if at == -1 else (text[:at].strip(), text[at:])


def no_passage_text(source: Source) -> str:
    """What ``last_passage`` stores when no passage text is known: the source only."""
    return f"{NO_PASSAGE_FOR_SOURCE}\n{format_source(source)}"


def discussion(passages: Sequence[PassageFact], topic: str) -> Answer:
    """Where the protocols talk about ``topic``; the original text is offered as more."""
    count = "1 Stelle" if len(passages) == 1 else f"{len(passages)} Stellen"
    lines = [f"Sie fragen nach: {quote(topic)}.", f"Dazu habe ich {count} in den Protokollen gefunden."]
    lines += ["Die Überschriften sind:", *bullets(quote(p.heading) for p in passages)]
    answer = finish(lines, [p.source for p in passages], limit=3 + LIST_LIMIT)
    original = passage_text(passages[0])
    if answer.more:
        return Answer(text=answer.text, buttons=answer.buttons, more=f"{answer.more}\n\n{original}")
    return Answer(text=f"{answer.text}\n{READ_OFFER}", buttons=answer.buttons + OFFER_BUTTONS, more=original)


def source_passage(stored: str | None) -> Answer:
    """Shows what the last factual answer stored in ``last_passage``."""
    return Answer(text=stored or NO_PASSAGE)


# --- What the protocol says: content first, then the source, then the exact passage --------

QUOTE_WORDS = 25  # a longer statement is cut ("…"); the whole text is offered
_EVENT = re.compile(
    r"\b[A-ZÄÖÜ]\w*(?:kongress|fest|veranstaltung|treffen|feier|empfang|turnier|konferenz|workshop|ausflug|markt|quiz)\b"
)
_PLACE = re.compile(
    r"\b(?:im|in der|in dem|auf dem)\s+([A-ZÄÖÜ]\w*(?:zentrum|haus|saal|schule|heim|kirche|park|platz|halle|treff)"
    r"(?:\s+[A-ZÄÖÜ]\w+)?)"
)


def _short(text: str) -> str:
    words = text.split()
    cut = " ".join(words[:QUOTE_WORDS]) + (" …" if len(words) > QUOTE_WORDS else "")
    return quote(cut.rstrip(",;:"))


def _day(day: tuple[int, int, int | None]) -> str:
    text = f"{day[0]}. {MONTHS[day[1] - 1]}"
    return f"{text} {day[2]}" if day[2] else text


def _with_passage(lines: list[str], statements: Sequence[StatementFact], limit: int) -> Answer:
    """The content, the source, and the exact passage offered (or with the rest as more)."""
    answer = finish(lines, [s.passage.source for s in statements], limit=limit)
    original = passage_text(statements[0].passage)
    if answer.more:
        return Answer(text=answer.text, buttons=answer.buttons, more=f"{answer.more}\n\n{original}")
    return Answer(text=f"{answer.text}\n{READ_OFFER}", buttons=answer.buttons + OFFER_BUTTONS, more=original)


def event_date(statement: StatementFact) -> Answer:
    """ "Wann ist die Veranstaltung?": the day (and event, place) as the protocol names them."""
    event = _EVENT.search(statement.text)
    place = _PLACE.search(statement.text)
    days = " und ".join(dict.fromkeys(_day(d) for d in statement.days))
    lines = [f"Im Protokoll steht ein Termin für: {event.group(0)}." if event else "Im Protokoll steht ein Termin."]
    lines.append(f"Der Tag ist: {days}.")
    if all(d[2] is None for d in statement.days):
        lines.append("Ein Jahr steht nicht dabei.")
    if place:
        lines.append(f"Der Ort ist: {place.group(1)}.")
    return _with_passage(lines, [statement], limit=len(lines))


def statements(found: Sequence[StatementFact], topic: str | None = None) -> Answer:
    """What the protocols say, in their own words (short quotes), before the source."""
    if found[0].details:  # a numbered heading: what is written under it
        lines = [f"Im Protokoll steht zu {_short(found[0].text)}:", *bullets(_short(d) for d in found[0].details)]
        return _with_passage(lines, found[:1], limit=1 + LIST_LIMIT)
    intro = f"Zu „{topic}“ steht im Protokoll:" if topic else "Im Protokoll steht dazu:"
    lines = [intro, *bullets(_short(s.text) for s in found)]
    return _with_passage(lines, found, limit=len(lines))


def list_points(items: Sequence[StatementFact]) -> Answer:
    """A list in the protocol (wishes, ideas): its heading, the first items, the rest as more."""
    heading = items[0].passage.heading.strip()
    count = len(items)
    lines = [f"Im Protokoll steht eine Liste mit {count} Punkten.", f"Die Überschrift ist: {quote(heading)}."]
    lines.append(first_of(LIST_LIMIT, count) + ":" if count > LIST_LIMIT else "Das sind die Punkte:")
    lines += bullets(_short(item.text) for item in items)
    return _with_passage(lines, items[:1], limit=3 + LIST_LIMIT)
