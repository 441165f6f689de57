"""Votes as written: "einstimmig", "mehrheitlich", "14 Ja-Stimmen, 1 Nein-Stimme,
0 Enthaltungen", "Ja: 5, Nein: 0, Enthaltungen: 1", "einstimmig bei einer Enthaltung"."""

from __future__ import annotations

import re

from bot.knowledge.records import Vote, VoteKind

_NUMBER_WORDS = {
    "null": 0,
    "kein": 0,
    "keine": 0,
    "ein": 1,
    "eine": 1,
    "einer": 1,
    "einem": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
}
_N = r"(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"
_YES = (
    rf"\b{_N}\s*(?:Ja-?Stimmen?|Ja\b|Zustimmungen?|Stimmen dafür|dafür)",
    r"\b(?:Ja(?:-Stimmen)?|dafür)\s*[:=]\s*(\d{1,3})",
)
_NO = (
    rf"\b{_N}\s*(?:Nein-?Stimmen?|Nein\b|Gegenstimmen?|dagegen)",
    r"\b(?:Nein(?:-Stimmen)?|dagegen)\s*[:=]\s*(\d{1,3})",
)
_ABSTAIN = (rf"\b{_N}\s*(?:Stimm)?[Ee]nthaltung(?:en)?", r"\b(?:Stimm)?[Ee]nthaltung(?:en)?\s*[:=]\s*(\d{1,3})")
_UNANIMOUS_RE = re.compile(r"\beinstimmig|\bohne Gegenstimmen?", re.IGNORECASE)
_MAJORITY_RE = re.compile(r"\bmehrheitlich|\bmit (?:großer |knapper )?Mehrheit", re.IGNORECASE)
# "8:0:1" or "8/0/1": yes, no, abstentions — as the councils often write a counted vote.
TRIPLE_RE = re.compile(r"(?<![\d.:/])(\d{1,2})\s*[:/]\s*(\d{1,2})\s*[:/]\s*(\d{1,2})(?![\d.:/]|\s*Uhr)")
VOTE_WORDS_RE = re.compile(
    r"einstimmig|mehrheitlich|Mehrheit|Ja-?Stimme|Nein-?Stimme|Gegenstimme|Enthaltung|\bJa\s*:|\bNein\s*:"
    r"|(?<![\d.:/])\d{1,2}\s*[:/]\s*\d{1,2}\s*[:/]\s*\d{1,2}(?![\d.:/]|\s*Uhr)",
    re.IGNORECASE,
)


def _count(patterns: tuple[str, str], text: str) -> int | None:
    for pattern in patterns:
        match = re.search(pattern, text, re.IGNORECASE)
        if match:
            word = match.group(1).lower()
            return _NUMBER_WORDS[word] if word in _NUMBER_WORDS else int(word)
    return None


def parse_vote(text: str) -> Vote | None:
    """The vote in ``text``, or None when the text states none."""
    yes, no, abstain = _count(_YES, text), _count(_NO, text), _count(_ABSTAIN, text)
    triple = TRIPLE_RE.search(text)
    if triple and yes is None and no is None:
        yes, no, abstain = (int(n) for n in triple.groups())
    if _UNANIMOUS_RE.search(text):
        kind = VoteKind.UNANIMOUS
    elif _MAJORITY_RE.search(text):
        kind = VoteKind.MAJORITY
    elif yes is not None or no is not None or abstain is not None:
        kind = VoteKind.COUNTED
    else:
        return None
    return Vote(kind, yes, no, abstain, vote_text(text))


def vote_text(text: str) -> str:
    """The words of ``text`` that state the vote: "(einstimmig; Laufzeit: 1 Jahr)" → "einstimmig",
    "Der Beirat empfiehlt einstimmig, dem Verein …" → "einstimmig"."""
    voted = []
    for part in re.split(r"[;()]|,(?!\d)", text):
        spans = list(VOTE_SPAN_RE.finditer(part))
        if spans:  # keep only the vote's words, not the sentence or amount around them
            voted.append(part[spans[0].start() : spans[-1].end()])
    return ", ".join(voted) if voted else text.strip(" ()")


VOTE_SPAN_RE = re.compile(
    rf"\b{_N}\s*(?:Ja-?Stimmen?|Nein-?Stimmen?|Gegenstimmen?|(?:Stimm)?[Ee]nthaltung(?:en)?|Ja\b|Nein\b|Stimmen\b)"
    r"|\b(?:Ja|Nein|dafür|dagegen|(?:Stimm)?[Ee]nthaltung(?:en)?)\s*[:=]\s*\d{1,3}"
    r"|\b(?:einstimmig|mehrheitlich)(?:\s+(?:beschlossen|angenommen|abgelehnt|empfohlen|befürwortet|zugestimmt))?"
    r"|\b(?:mit\s+(?:großer\s+|knapper\s+)?)?Mehrheit|\bohne\s+Gegenstimmen?"
    r"|(?<![\d.:/])\d{1,2}\s*[:/]\s*\d{1,2}\s*[:/]\s*\d{1,2}(?![\d.:/]|\s*Uhr)",
    re.IGNORECASE,
)
