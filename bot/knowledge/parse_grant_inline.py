"""The rest of a one-line grant, after its number or list mark, split into recipient and
project: "Verein e.V. – Fest, 500,- €, einstimmig", "an den Verein X e.V. in Höhe von
500,00 € für das Projekt Y", "1.200,00 € an das Stadtteilzentrum Z für das Sommercamp".

Amounts, votes, requested sums ("beantragt 2.000 €", "Eigenanteil 200 €") and status words
are not names. When a table's columns were lost and nothing separates name and project,
the whole text is taken as the recipient and a warning says so.
"""

from __future__ import annotations

import re

from bot.knowledge.parse_amounts import NOT_GRANT_RE, AmountHit
from bot.knowledge.parse_votes import VOTE_SPAN_RE

_LEGAL_SPLIT_RE = re.compile(r"^(?P<applicant>.+?(?:e\.\s?V\.|gGmbH|GmbH|gUG|Stiftung))\s+(?P<purpose>\S.*)$")
_ARTICLE_RE = re.compile(r"^(?:an\s+)?(?:die|der|das|den|dem)\s+(?=[A-ZÄÖÜ„\"])")
_FILLER_RE = re.compile(
    r"^(?:abgelehnt|beschlossen|empfohlen|befürwortet|bewilligt|zurückgezogen|vertagt|"
    r"bis zu|ca\.|je|€|EUR|Euro|und|\d+)"
    r"(?:\s+(?:abgelehnt|beschlossen|empfohlen|bewilligt))?$",
    re.IGNORECASE,
)
_PHRASE_AMOUNT = r"(?:bis\s+zu\s+)?(?:(?:€|EUR)\s*)?\d[\dOoIl.,]*(?:,[-–]{1,2})?(?:\s*(?:€|EUR\b|Euro\b))?"
_PHRASE_HOW = r"(?:in\s+Höhe\s+von|i\.\s?H\.\s?v\.|über)"
_PHRASE_END = r"(?:\s+für\s+(?:das\s+|den\s+|die\s+|eine\s+|einen\s+|ein\s+)?(?P<purpose>.+?))?\s*[.;]?\s*$"
_INLINE_PHRASES = [
    re.compile(
        rf"^(?:an\s+)?(?:den\s+|die\s+|das\s+|dem\s+)?(?P<applicant>[A-ZÄÖÜ„\"].+?)\s+(?:eine\s+Zuwendung\s+)?"
        rf"{_PHRASE_HOW}\s+{_PHRASE_AMOUNT}{_PHRASE_END}"
    ),
    re.compile(
        rf"^(?:(?:Zuwendung\s+)?{_PHRASE_HOW}\s+)?{_PHRASE_AMOUNT}\s+an\s+(?:den\s+|die\s+|das\s+)?"
        rf"(?P<applicant>[A-ZÄÖÜ„\"].+?){_PHRASE_END}"
    ),
]


def _inline_phrase(text: str) -> re.Match | None:
    """A grant written as one phrase after the number, the vote in parentheses removed."""
    text = re.sub(r"\s*\([^()]*\)\s*\.?$", "", text.strip())
    for pattern in _INLINE_PHRASES:
        match = pattern.match(text)
        if match:
            return match
    return None


def _text_segments(text: str, hits: list[AmountHit]) -> list[str]:
    """The name and project parts of an inline grant, without amounts, votes, requested
    sums ("beantragt 2.000 €", "Eigenanteil 200 €") and status words."""
    for hit in hits:
        text = text.replace(hit.raw, " , ")
    text = VOTE_SPAN_RE.sub(" , ", text)
    text = re.sub(r"\(\s*[,\s]*\)", " , ", text)
    segments = []
    for segment in re.split(r"\s*(?:,(?!\d)|;|\s[–-]\s|:\s|\(|\))\s*", text):
        segment = re.sub(r"\s+", " ", segment).strip(" ,;:–-")
        if not re.search(r"[A-Za-zÄÖÜäöüß]{2,}", segment) or NOT_GRANT_RE.search(segment) or _FILLER_RE.match(segment):
            continue
        segments.append(segment)
    return segments


def inline_parts(text: str, hits: list[AmountHit]) -> tuple[list[str], list[str], str | None]:
    """(applicant parts, purpose parts, warning) of the rest of a one-line grant."""
    phrase = _inline_phrase(text)
    if phrase:
        purpose = phrase.group("purpose")
        return [clean_applicant(phrase.group("applicant"))], [purpose.strip()] if purpose else [], None
    texts = _text_segments(text, hits)
    if not texts:
        return [], [], None
    if texts[0][:1].islower():
        # "03/2015, …, 500,- €, nur für Erstfahrt", "abgelehnt, da Integrationscharakter fehlt":
        # a note in lower case, no name; the protocol gives no recipient.
        return [], [", ".join(texts)], None
    unsure = None
    if len(texts) == 1 and (legal := _LEGAL_SPLIT_RE.match(texts[0])):
        texts = list(legal.groups())  # "Verein e.V. Sommerfest" (columns lost)
    elif (
        len(texts) == 1
        and len(texts[0].split()) > 2
        and not re.search(r",\s|;|:\s|\s[–-]\s", text)
        and not re.search(r"(?:e\.\s?V\.|gGmbH|GmbH|gUG)$", texts[0])
    ):
        unsure = f"Empfänger und Projekt stehen ohne Trennung in einer Zeile: „{texts[0]}“ – als Empfänger übernommen."
    purpose = [", ".join(texts[1:])] if len(texts) > 1 else []
    return [clean_applicant(texts[0])], purpose, unsure


_ROLE_RE = re.compile(
    r"^(?:(?:Organisator(?:in)?|Veranstalter(?:in)?|Initiator(?:in)?|Antragsteller(?:in)?)\s+)?(?:Herrn?|Frau)\s+(?=[A-ZÄÖÜ])"
)


def clean_applicant(text: str) -> str:
    """ "an die Migranten-Gemeinschaft X" → "Migranten-Gemeinschaft X"."""
    text = _ARTICLE_RE.sub("", text.strip(" ,;:–-"))
    # "dem Organisator Herrn Kurt Waag", "an Frau Nilüfer Ezer": a person's name without role and salutation.
    text = _ROLE_RE.sub("", text.strip())
    return re.sub(r"^Vereins\b", "Verein", text.strip())  # genitive after "Antrag des Vereins …"
