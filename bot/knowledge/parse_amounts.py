"""Euro amounts as the councils write them: "1.400,00 €", "500,- €", "1.400 Euro",
"740,70 €", "EUR 200" and the occasional English "€2,400.00".

An amount next to a currency sign that is not a readable number ("1.4OO,00 €") is
reported as garbled (``value is None``) so that a grant is never stored with a wrong sum.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

_CURRENCY_RE = re.compile(r"€|\bEUR\b|\bEuro\b|\bEur\b", re.IGNORECASE)
_GERMAN_RE = re.compile(r"^(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,(?:\d{1,2}|\d{2}0|-{1,2}|–))?$")
_ENGLISH_RE = re.compile(r"^(?:\d{1,3}(?:,\d{3})+(?:\.\d{2})?|\d+\.\d{2})$")
_DOT_DASH_RE = re.compile(r"^\d+\.[-–]{1,2}$")  # "500.-"
_TRIM = "()[]{}\"'„“”‚‘’:;*"
# Words that make an amount a requested sum, a cost or a budget figure, not a grant.
NOT_GRANT_RE = re.compile(
    r"beantrag|Antragssumme|Gesamtkosten|Projektkosten|Kosten|Eigenmittel|Eigenanteil|Eigenleistung|"
    r"Drittmittel|Gesamtvolumen|Finanzierung|Einnahmen|Ausgaben|Haushalt|zur Verfügung|Restmittel|"
    r"Budget|verbleib|Saldo|Aufwendung|Ertr[äa]ge|Transfer",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class AmountHit:
    value: Decimal | None  # None: a number was written here but cannot be read
    raw: str  # the amount as written, currency included
    start: int
    end: int


def parse_number(token: str) -> Decimal | None:
    """The value of one written number, or None when it is not a readable amount."""
    token = token.replace(" ", "").replace("\u202f", "").strip(_TRIM)
    if not re.search(r"[-–]$", token):
        token = token.rstrip(".,")  # sentence punctuation after the number
    if _DOT_DASH_RE.match(token):
        return Decimal(token.split(".")[0]).quantize(Decimal("0.01"))
    if _GERMAN_RE.match(token):
        whole, _, cents = token.partition(",")
        cents = "" if not cents or not cents.isdigit() else cents
        return Decimal(whole.replace(".", "") + ("." + cents if cents else "")).quantize(Decimal("0.01"))
    if _ENGLISH_RE.match(token):
        return Decimal(token.replace(",", "")).quantize(Decimal("0.01"))
    return None


def find_amounts(text: str) -> list[AmountHit]:
    """Every euro amount in ``text`` (the number before or after the currency)."""
    hits: list[AmountHit] = []
    for currency in _CURRENCY_RE.finditer(text):
        head = text[: currency.start()]
        before = re.search(r"(?<![\d/.,])(\d{1,3}(?:[ \u202f]\d{3})+(?:,(?:\d{1,2}|[-–]{1,2}))?)\s*$", head)
        if not before or re.search(r"(?:Nr\.?|Antrag|TOP|Punkt)\s*$", head[: before.start()]):
            before = re.search(r"([^\s:=(]+(?:\s[-–]{1,2})?)\s*$", head)  # one token: "1.400,00", "500,-"
        after = re.match(r"\s*([^\s]+)", text[currency.end() :])
        candidates = []  # (token, start, end): the number before the sign first ("1.400 €")
        if before and re.search(r"\d", before.group(1)):
            candidates.append((before.group(1), before.start(1), currency.end()))
        if after and re.search(r"\d", after.group(1)):
            candidates.append((after.group(1), currency.start(), currency.end() + after.end(1)))
        if not candidates:
            continue
        readable = [c for c in candidates if parse_number(c[0]) is not None]
        token, start, end = (readable or candidates)[0]
        if any(h.start <= start < h.end for h in hits):
            continue
        hits.append(AmountHit(parse_number(token), text[start:end].strip(_TRIM + " "), start, end))
    return hits


def granted_hits(text: str, hits: list[AmountHit] | None = None) -> list[AmountHit]:
    """The amounts in ``text`` that are not requested sums, costs or budget figures. Only
    the words since the previous amount count: "beantragt 2.000 €, empfohlen 1.500 €"."""
    result, previous_end = [], 0
    for hit in find_amounts(text) if hits is None else hits:
        context = text[max(previous_end, hit.start - 30) : hit.start]
        previous_end = hit.end
        if not NOT_GRANT_RE.search(context):
            result.append(hit)
    return result


def bare_amount(text: str) -> AmountHit | None:
    """An amount without currency sign, only for fields labelled as an amount
    ("Zuwendungsbetrag: 1.400,00"). Needs cents, ",-" or a thousands dot, so years or
    counts are never taken for money."""
    match = re.search(r"(?<![\d.,/])(\d{1,3}(?:\.\d{3})+(?:,(?:\d{2}|-{1,2}))?|\d+,(?:\d{2}|-{1,2}))(?![\d/])", text)
    if not match:
        return None
    return AmountHit(parse_number(match.group(1)), match.group(1), match.start(1), match.end(1))


def looks_garbled(text: str) -> bool:
    """True for something that was meant as a number but is not one ("1.4OO,00")."""
    token = text.strip().strip(_TRIM)
    return bool(re.search(r"\d", token)) and parse_number(token) is None
