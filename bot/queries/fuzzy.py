"""Fuzzy name lookup with rapidfuzz: resolve only when sure, else suggest the closest names.

Steps, first hit wins:
1. exact match of the normalised text with a known spelling (name, alias, family name);
2. every word of the question is (nearly) a word of one known name: "IGS Linden",
   "Rainer Grube", "linden" for councils;
3. the whole text is very close to one known name (typos: "banjull", "Malast");
4. otherwise nothing is resolved and the closest names are suggestions.
Two different names matching equally well are never resolved: both are suggested.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.core.facts import Lookup

MAX_SUGGESTIONS = 3
SUGGESTION_CUTOFF = 65  # below this a name is not "close" enough to suggest
WORD_CUTOFF = 85  # ratio of two words that count as the same word with a typo


@dataclass(frozen=True)
class Matcher:
    key: Callable[[str], str]  # normalises a spelling
    threshold: float  # whole-text ratio needed to resolve a typo
    min_words_for_subset: int = 2  # step 2 needs at least this many words in the question
    ignore_words: frozenset[str] = frozenset()  # words that say nothing ("Integrationsbeirat")

    def lookup(self, text: str | None, candidates: Iterable[tuple[str, str]]) -> Lookup:
        """``candidates``: (spelling, canonical name) pairs; a canonical may have many spellings."""
        query = self.key(text or "")
        pairs = [(self.key(spelling), canonical) for spelling, canonical in candidates]
        pairs = [(k, c) for k, c in pairs if k]
        if not query or not pairs:
            return Lookup(None, ())

        exact = _unique(c for k, c in pairs if k == query)
        if exact:
            return _decide(exact)

        words = [w for w in query.split() if w not in self.ignore_words]
        if len(words) >= self.min_words_for_subset:
            covering = _unique(c for k, c in pairs if _words_within(words, k.split()))
            if covering:
                return _decide(covering)

        best: dict[str, float] = {}
        for k, canonical in pairs:
            score = max(fuzz.ratio(query, k), fuzz.token_sort_ratio(query, k))
            best[canonical] = max(best.get(canonical, 0.0), score)
        ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
        top_name, top_score = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
        if top_score >= self.threshold and top_score > runner_up:
            return Lookup(top_name, ())
        return Lookup(None, self._suggestions(query, pairs))

    def _suggestions(self, query: str, pairs: list[tuple[str, str]]) -> tuple[str, ...]:
        words = [w for w in query.split() if w not in self.ignore_words] or query.split()
        scored: dict[str, float] = {}
        for k, canonical in pairs:
            score = max(fuzz.ratio(query, k), _word_score(words, k.split()))
            if score >= SUGGESTION_CUTOFF:
                scored[canonical] = max(scored.get(canonical, 0.0), score)
        ranked = sorted(scored.items(), key=lambda item: (-item[1], item[0]))
        return tuple(name for name, _ in ranked[:MAX_SUGGESTIONS])


def _word_score(words: list[str], name_words: list[str]) -> float:
    """How well the question's words match words of a name: a word's beginning counts fully
    ("rick" in "ricklingen"), else the closest word by ratio; averaged over the question."""
    total = 0.0
    for word in words:
        total += max(
            100.0 if len(word) >= 3 and candidate.startswith(word) else fuzz.ratio(word, candidate)
            for candidate in name_words
        )
    return total / len(words)


def _unique(names: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for name in names:
        if name not in seen:
            seen.append(name)
    return seen


def _decide(names: list[str]) -> Lookup:
    if len(names) == 1:
        return Lookup(names[0], ())
    return Lookup(None, tuple(sorted(names)[:MAX_SUGGESTIONS]))


def _words_within(words: list[str], name_words: list[str]) -> bool:
    """Each question word is a word of the name; words of four letters or more may have a typo."""
    for word in words:
        if len(word) < 4:
            if word not in name_words:
                return False
        elif not any(fuzz.ratio(word, candidate) >= WORD_CUTOFF for candidate in name_words):
            return False
    return True
