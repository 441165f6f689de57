"""What staff should learn about an action's reply: a factual answer (gets the feedback
buttons) or a question the knowledge base has no answer for.

The action only describes the reply; it attaches the description to its message under
``kinds.META_KEY`` and the channel layer (``bot.channels.feedback``) records it, with the
channel and the question's text, in the feedback store. The action server never
writes there, so one process owns those tables.
"""

from __future__ import annotations

import contextvars
from typing import Any

from bot.core.facts import Source
from bot.feedback import kinds
from bot.language.answers import common as texts

# The protocol the current action's answer rests on: set by passage_for, read by describe.
current_source: contextvars.ContextVar[Source | None] = contextvars.ContextVar("current_source", default=None)

# Entities that say which fact was asked for, in the order they are named in the report.
_ASKED = ("council", "organisation", "person", "application_number", "topic", "term", "meeting_date", "year")
_NO_DATA_STARTS = (texts.NO_DATA, texts.UNKNOWN_NAME, texts.UNKNOWN_TERM, "Für das Jahr ")


def source_label(source: Source | None) -> str | None:
    """ "2019-04-01_linden-limmer_32.txt, TOP 5": enough for staff to open the document."""
    if source is None:
        return None
    label = source.document
    if source.agenda_number:
        label += f", TOP {source.agenda_number}"
    return label


def is_no_data(text: str) -> bool:
    """True for the fixed "nothing in the protocols" answers (no data, unknown name or year)."""
    return text.startswith(_NO_DATA_STARTS)


def describe(ctx: Any, action: str, factual: bool, text: str, slots: dict[str, Any]) -> dict[str, Any] | None:
    """The META_KEY payload for one reply, or None for replies that are neither (questions back, offers)."""
    council = slots.get("council") or ctx.value("council")
    if factual:
        return {
            "kind": kinds.ANSWERED,
            "intent": ctx.intent,
            "template": action,
            "council": council,
            "source": source_label(current_source.get()),
        }
    if is_no_data(text):
        asked = [f"{name}={value}" for name in _ASKED if (value := ctx.value(name))]
        return {
            "kind": kinds.NO_DATA,
            "intent": ctx.intent,
            "council": council,
            "missing": " · ".join([ctx.intent or "?", *asked]),
        }
    return None
