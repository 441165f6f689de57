"""The figures of ``beirat report``: what went unanswered, what people found unhelpful,
what they asked about, and which facts were asked for but missing.

Pure functions over the stored rows (``store.Rows``); ``render`` prints or writes them.
Near-duplicate questions ("Wer ist im Beirat Linden?" / "wer ist im beirat linden")
are one group: rapidfuzz's token-sort ratio of the normalised texts at or above
``GROUP_SCORE``. The most frequent wording names the group.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from rapidfuzz import fuzz, process

from bot.feedback.kinds import KIND_LABELS, NO_DATA, UNANSWERED_KINDS
from bot.feedback.store import Rows

GROUP_SCORE = 85.0
TOP = 15
_NOT_WORD = re.compile(r"[^\w\[\]]+")


def normalise(question: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", question.lower()).split())


@dataclass
class QuestionGroup:
    text: str  # the most frequent wording
    count: int = 0
    kinds: Counter[str] = field(default_factory=Counter)
    wordings: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class AnswerRating:
    template: str
    council: str
    source: str
    not_helpful: int
    helpful: int


@dataclass
class Report:
    since: float
    until: float
    answered: int
    unanswered_by_kind: Counter[str]
    questions: list[QuestionGroup]
    ratings: list[AnswerRating]
    by_intent: Counter[str]
    by_channel: Counter[str]
    by_council: Counter[str]
    missing: Counter[str]
    helpful: int = 0
    not_helpful: int = 0

    @property
    def unanswered(self) -> int:
        return sum(self.unanswered_by_kind.values())


def group_questions(rows: Iterable[dict]) -> list[QuestionGroup]:
    """Near-duplicate questions as one group each, most frequent first."""
    groups: list[QuestionGroup] = []
    keys: list[str] = []
    # Frequent wordings first: they become the groups' names.
    wordings = Counter((row.get("question") or "").strip() for row in rows if (row.get("question") or "").strip())
    kinds_of: dict[str, Counter[str]] = {}
    for row in rows:
        text = (row.get("question") or "").strip()
        if text:
            kinds_of.setdefault(text, Counter())[row["kind"]] += 1
    for text, count in wordings.most_common():
        key = normalise(text) or text
        found = process.extractOne(key, keys, scorer=fuzz.token_sort_ratio, score_cutoff=GROUP_SCORE) if keys else None
        if found is None:
            groups.append(QuestionGroup(text))
            keys.append(key)
            group = groups[-1]
        else:
            group = groups[found[2]]
        group.count += count
        group.kinds.update(kinds_of[text])
        group.wordings[text] += count
    return sorted(groups, key=lambda g: (-g.count, g.text))


def rate_answers(rows: Iterable[dict]) -> list[AnswerRating]:
    """Answers (template, council, source) by the number of "Nicht hilfreich", then "Hilfreich"."""
    counts: dict[tuple[str, str, str], list[int]] = {}
    for row in rows:
        if row.get("helpful") is None:
            continue
        key = (row.get("template") or "?", row.get("council") or "–", row.get("source") or "–")
        pair = counts.setdefault(key, [0, 0])
        pair[0 if not row["helpful"] else 1] += 1
    ratings = [AnswerRating(*key, not_helpful=n, helpful=h) for key, (n, h) in counts.items()]
    return sorted(ratings, key=lambda r: (-r.not_helpful, r.helpful, r.template))


def build_report(rows: Rows, since: float, until: float | None = None) -> Report:
    until = time.time() if until is None else until
    by_intent: Counter[str] = Counter()
    by_channel: Counter[str] = Counter()
    by_council: Counter[str] = Counter()
    for row in [*rows.answers, *rows.unanswered]:
        by_intent[row.get("intent") or f"({KIND_LABELS.get(row.get('kind') or '', 'unbekannt')})"] += 1
        by_channel[row.get("channel") or "(unbekannt)"] += 1
        by_council[row.get("council") or "(keiner genannt)"] += 1
    kinds = Counter({kind: 0 for kind in UNANSWERED_KINDS})
    kinds.update(row["kind"] for row in rows.unanswered)
    rated = [row["helpful"] for row in rows.answers if row.get("helpful") is not None]
    return Report(
        since=since,
        until=until,
        answered=len(rows.answers),
        unanswered_by_kind=kinds,
        questions=group_questions(rows.unanswered),
        ratings=rate_answers(rows.answers),
        by_intent=by_intent,
        by_channel=by_channel,
        by_council=by_council,
        missing=Counter(row["missing"] for row in rows.unanswered if row["kind"] == NO_DATA and row.get("missing")),
        helpful=sum(1 for value in rated if value),
        not_helpful=sum(1 for value in rated if not value),
    )


def since_timestamp(period: timedelta, now: float | None = None) -> float:
    return (time.time() if now is None else now) - period.total_seconds()
