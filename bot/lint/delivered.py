"""An answer as the user receives it: hard words explained, the rest on the next page, buttons.

The actions send ``Answer.text`` through ``glossary.explain_terms`` (at most
``MAX_EXPLANATIONS`` words, the answer's own terms first); "Ja, bitte" on "Möchten Sie
mehr wissen?" sends ``Answer.more`` the same way, with the words of the first page
already explained; protocol text from ``QUOTE_INTRO`` on is sent as written after it
and is not ours to simplify. The checker lints these texts, not the templates, in a conversation
that starts with this answer (nothing explained yet: the most a reader gets).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from bot.actions.common import MAX_EXPLANATIONS
from bot.core.facts import GlossaryEntry
from bot.language import glossary as glossary_language
from bot.language.answers import Answer
from bot.language.answers.discussion import split_quote

MORE = "(mehr)"  # label of the second page
BUTTON = "(Knopf)"  # label of a button title


class Page(str):
    """A delivered text that knows what the reader had explained before it, and whether the
    action explains hard words in it at all (``explain=False`` pages: protocol text, fragments)."""

    explained: frozenset[str] = frozenset()
    explains: bool = True

    @classmethod
    def of(cls, text: str, explained: Iterable[str] = (), explains: bool = True) -> Page:
        page = cls(text)
        page.explained, page.explains = frozenset(explained), explains
        return page


def with_explanations(
    text: str, explained: set[str], entries: Sequence[GlossaryEntry], terms: frozenset[str] = frozenset()
) -> tuple[str, set[str]]:
    """The text with its explanations, as ``bot.actions.common.explain`` builds it."""
    done = {term.lower() for term in explained}
    fresh = glossary_language.unexplained_terms(text, entries, done)
    fresh.sort(key=lambda m: (m.entry.term not in terms, m.start))
    chosen = list({m.entry.term: m.entry for m in fresh}.values())[:MAX_EXPLANATIONS]
    if not chosen:
        return text, set(explained)
    return glossary_language.explain_terms(text, set(explained), chosen)


def deliver(label: str, item: Answer | str, entries: Sequence[GlossaryEntry]) -> Iterator[tuple[str, str]]:
    """(label, text) for every message and button of one answer, as delivered."""
    if isinstance(item, str):  # a fixed text or a fragment, sent as it is (no explanations added)
        if item.strip():
            yield label, Page.of(item, explains=False)
        return
    first, explained = with_explanations(item.text, set(), entries, item.terms)
    yield label, Page.of(first)
    if item.more:
        # Protocol text (from QUOTE_INTRO on) is sent as written and not checked; our own
        # words before it get their explanations (bot.actions.more).
        own_words = split_quote(item.more)[0]
        if own_words:
            yield f"{label} {MORE}", Page.of(with_explanations(own_words, explained, entries)[0], explained)
    for button in item.buttons:
        yield f"{label} {BUTTON}", Page.of(button.title, explains=False)
