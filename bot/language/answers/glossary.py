"""Answers that explain a hard word from the glossary (knowledge/glossary.yml)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.core.facts import GlossaryEntry
from bot.language.answers import Answer
from bot.language.answers.common import UNKNOWN_TERM, name_buttons, sentences


def explanation(entry: GlossaryEntry) -> Answer:
    # The explanation is already written in Leichte Sprache in the glossary.
    lines = sentences(entry.explanation)
    return Answer(text="\n".join([f"Das Wort „{entry.term}“ bedeutet:", *lines]), terms=frozenset({entry.term}))


def unknown_term(suggestions: Sequence[str], intent: str = "ask_glossary") -> Answer:
    if not suggestions:
        return Answer(text=UNKNOWN_TERM + "\nIch erkläre nur Wörter aus den Protokollen.")
    return Answer(
        text=UNKNOWN_TERM + "\nMeinen Sie eines von diesen Wörtern?",
        buttons=name_buttons(suggestions, intent, "term"),
    )
