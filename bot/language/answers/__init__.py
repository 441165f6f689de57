"""Plain-language answers (Leichte Sprache), one module per topic.

Every template is a pure function: facts (``bot.core.facts``, as ``bot.queries``
returns them) go in, an ``Answer`` comes out. The templates never read the database
and never invent a fact: dates, amounts and times go through ``bot.language.format``;
names stay exactly as written in the protocol.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Button:
    title: str
    payload: str

    @classmethod
    def for_intent(cls, title: str, intent: str, entities: Mapping[str, str] | None = None) -> Button:
        """A button that sends ``intent`` with ``entities`` (Rasa 3.6 payload syntax)."""
        payload = f"/{intent}"
        if entities:
            payload += json.dumps(dict(entities), ensure_ascii=False)
        return cls(title=title, payload=payload)

    def as_dict(self) -> dict[str, str]:
        return {"title": self.title, "payload": self.payload}


@dataclass(frozen=True)
class Answer:
    text: str
    buttons: tuple[Button, ...] = ()
    # Glossary words this answer uses on purpose: explained first when a message has several.
    terms: frozenset[str] = field(default_factory=frozenset)
    # The rest of a long answer, shown after "Möchten Sie mehr wissen?".
    more: str | None = None


__all__ = ["Answer", "Button"]
