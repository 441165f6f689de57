"""Normalised keys for matching names across documents and in user questions.

A key is lower case, without accents (ä -> a, ß -> ss), punctuation turned into
spaces, whitespace collapsed. Organisation keys also drop the legal form
("e.V.", "gGmbH", "GmbH"), so "Banjul e.V." and "banjul ev" share the key "banjul".
"""

from __future__ import annotations

import re
import unicodedata

# Only at the end of a name, where the legal form stands: "Haus der Eg" keeps its "Eg".
_LEGAL_FORM_AT_END = re.compile(r"[\s,]+(e\s*\.?\s*v|ggmbh|gmbh|gug)[\s.]*$", re.IGNORECASE)
_APPLICATION = re.compile(r"^\s*0*(\d+)\s*/\s*(\d{2,4})\s*$")


def name_key(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces: "Förderverein  der IGS" -> "forderverein der igs"."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = re.sub(r"[^\w]+", " ", text).replace("_", " ")
    return " ".join(text.split())


def organisation_key(text: str) -> str:
    """Like ``name_key`` without the legal form: "Banjul e. V." -> "banjul"."""
    key = name_key(_LEGAL_FORM_AT_END.sub("", text))
    return key or name_key(text)


def application_key(number: str | None) -> str | None:
    """ "04/2019" and "4/2019" -> "4/2019"; other forms just trimmed; None stays None."""
    if number is None:
        return None
    match = _APPLICATION.match(number)
    if not match:
        return name_key(number) or None
    year = match.group(2)
    if len(year) == 2:
        year = "20" + year
    return f"{int(match.group(1))}/{year}"


def full_name(given_name: str | None, family_name: str, salutation: str | None = None) -> str:
    """ "Rainer-Jörg Grube"; "Herr Mingers" when only the family name is known."""
    if given_name:
        return f"{given_name} {family_name}".strip()
    if salutation:
        return f"{salutation} {family_name}".strip()
    return family_name.strip()
