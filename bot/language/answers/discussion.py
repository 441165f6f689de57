"""Answers about what was said in a meeting, and the original protocol text."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.facts import PassageFact, Source
from bot.language.answers import Answer
from bot.language.answers.common import LIST_LIMIT, OFFER_BUTTONS, bullets, finish, quote
from bot.language.format import format_source

QUOTE_INTRO = "Hier ist der Text aus dem Protokoll.\nDer Text ist nicht in Leichter Sprache."
NO_PASSAGE = "Ich habe gerade keinen Text aus einem Protokoll für Sie.\nBitte stellen Sie zuerst eine Frage."
NO_PASSAGE_FOR_SOURCE = "Den genauen Text aus dem Protokoll habe ich dazu nicht."
READ_OFFER = "Möchten Sie den Text aus dem Protokoll lesen?"


def passage_text(passage: PassageFact) -> str:
    """What ``last_passage`` stores: a warning, where it is, the protocol text as written."""
    where = format_source(passage.source, with_agenda=True)
    return f"{QUOTE_INTRO}\n{where}\n\n{passage.heading.strip()}\n{passage.text.strip()}"


def no_passage_text(source: Source) -> str:
    """What ``last_passage`` stores when no passage text is known: the source only."""
    return f"{NO_PASSAGE_FOR_SOURCE}\n{format_source(source)}"


def discussion(passages: Sequence[PassageFact], topic: str) -> Answer:
    """Where the protocols talk about ``topic``; the original text is offered as more."""
    count = "1 Stelle" if len(passages) == 1 else f"{len(passages)} Stellen"
    lines = [f"Zu „{topic}“ habe ich {count} in den Protokollen gefunden.", "Die Überschriften sind:"]
    lines += bullets(quote(p.heading) for p in passages)
    answer = finish(lines, [p.source for p in passages], limit=2 + LIST_LIMIT)
    original = passage_text(passages[0])
    if answer.more:
        return Answer(text=answer.text, buttons=answer.buttons, more=f"{answer.more}\n\n{original}")
    return Answer(text=f"{answer.text}\n{READ_OFFER}", buttons=answer.buttons + OFFER_BUTTONS, more=original)


def source_passage(stored: str | None) -> Answer:
    """Shows what the last factual answer stored in ``last_passage``."""
    return Answer(text=stored or NO_PASSAGE)
