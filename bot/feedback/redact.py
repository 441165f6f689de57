"""Removes contact data from a question before it is stored: e-mail addresses, phone
numbers and street addresses with a house number (with postcode and town if given).

Dates ("12.03.2024"), years, amounts ("5.000 Euro") and the city's document numbers
("15-1094-2025", "1094/2025") are what questions are about; they are kept. When in
doubt a digit string is removed: a lost phone number costs nothing, a kept one is a leak.
"""

from __future__ import annotations

import re

EMAIL_MARK = "[E-Mail]"
PHONE_MARK = "[Telefon]"
ADDRESS_MARK = "[Adresse]"

_EMAIL = re.compile(r"[\w.+%-]+\s*(?:@|\(at\)|\[at\])\s*[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)

# Kept as they are: dates, document numbers, amounts with a unit.
_KEEP = re.compile(
    r"\b\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})\b"  # 12.03.2024
    r"|\b\d{4}-\d{2}-\d{2}\b"  # 2019-04-01
    r"|\b\d{1,2}-\d{3,5}-\d{4}\b"  # 15-1094-2025
    r"|\b\d{3,5}/\d{4}\b"  # 1094/2025
    r"|\b\d{1,3}(?:\.\d{3})+(?:,\d+)?\s*(?:€|Euro|EUR)\b"  # 12.000 Euro
    r"|\b\d+(?:,\d+)?\s*(?:€|Euro|EUR)\b",
    re.IGNORECASE,
)

# Digits with the separators people write in phone numbers: +49 (0)511 / 123 45-67.
_PHONE = re.compile(r"(?<![\w.,])(?:\+|\(\+?)?\d[\d\s()/.\-]{1,}\d(?![\w])")
_YEARS = re.compile(r"^(?:(?:19|20)\d\d[\s/\-]*)+$")
_PHONE_WORD = re.compile(r"\b(?:tel|telefon|fon|handy|mobil|fax|whatsapp|nummer)\b\.?\s*:?\s*$", re.IGNORECASE)
_MIN_PHONE_DIGITS = 6

_STREET_SUFFIX = (
    r"(?i:stra(?:ß|ss)e|str\.|weg|allee|platz|ring|gasse|damm|ufer|chaussee|pfad|steig|"
    r"berg|berge|hof|kamp|feld|wall|markt|garten|tor|brücke|graben|winkel)"
)
_HOUSE_NUMBER = r"\d{1,3}[a-zA-Z]?(?:\s?[-/]\s?\d{1,3}[a-zA-Z]?)?(?!\d|[.,]\d)"
_POSTCODE_TOWN = r"(?:,?\s*\d{5}\s+[A-ZÄÖÜ][\wäöüß-]+)?"
# "am Freitag 3 Projekte", "im Mai 12 Sitzungen": days and months are no streets.
_NOT_STREET = (
    r"(?i:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|januar|februar|märz|april|mai|"
    r"juni|juli|august|september|oktober|november|dezember|anfang|ende|top|tagesordnungspunkt)"
)
_STREET = re.compile(
    # "Limmerstraße 7", "Lange Laube 5" is missed; "Am Küchengarten 3a", "Auf dem Hagen 12"
    rf"\b(?:[A-ZÄÖÜ][\wäöüß-]*\s+)?[A-ZÄÖÜ]?[\wäöüß-]*{_STREET_SUFFIX}\s*{_HOUSE_NUMBER}{_POSTCODE_TOWN}"
    r"|\b(?i:am|an\s+der|an\s+den|auf\s+dem|auf\s+der|zum|zur|hinter\s+der|vor\s+dem)\s+"
    rf"(?!{_NOT_STREET}\b)(?:[A-ZÄÖÜ][\wäöüß-]+\s+){{1,2}}{_HOUSE_NUMBER}{_POSTCODE_TOWN}"
)
# A postcode with its town on its own ("30449 Hannover"), but not "30000 Euro".
_POSTCODE = re.compile(r"\b\d{5}\s+(?!(?:€|Euro|EUR)\b)[A-ZÄÖÜ][a-zäöüß-]+")


def redact(text: str | None) -> str:
    """The text without e-mail addresses, phone numbers and street addresses."""
    if not text:
        return ""
    text = _EMAIL.sub(EMAIL_MARK, text)
    text = _STREET.sub(ADDRESS_MARK, text)
    text = _POSTCODE.sub(ADDRESS_MARK, text)
    return _redact_phones(text)


def _redact_phones(text: str) -> str:
    kept = [m.span() for m in _KEEP.finditer(text)]

    def replace(match: re.Match[str]) -> str:
        start, end = match.span()
        if any(a <= start and end <= b for a, b in kept):
            return match.group(0)
        digits = sum(ch.isdigit() for ch in match.group(0))
        if _YEARS.match(match.group(0)):  # "2021 2022", "2021/2022"
            return match.group(0)
        after_word = _PHONE_WORD.search(text[:start]) is not None
        if digits >= _MIN_PHONE_DIGITS or (after_word and digits >= 3):
            return PHONE_MARK
        return match.group(0)

    return _PHONE.sub(replace, text)
