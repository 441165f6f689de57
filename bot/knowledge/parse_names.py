"""One person's name as the protocols write it: "Grube, Rainer-Jörg",
"(von dem Knesebeck, Daniel)", "Herr Mingers", "Herrn Jürgen Liedtke",
"Bezirksratsfrau Dr. Steingrube", "Daniel von dem Knesebeck".

``split_name`` reads the name at the start of a text and returns what follows it
("Frau Dr. Sekler Kuratorin GFZ" → Sekler, "Kuratorin GFZ").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SALUTATIONS = {"herr": "Herr", "herrn": "Herr", "hr.": "Herr", "frau": "Frau", "fr.": "Frau"}
# Titles of office before a name; a gendered one tells the salutation.
OFFICE_TITLES = {
    "bezirksbürgermeister": "Herr",
    "bezirksbürgermeisterin": "Frau",
    "bürgermeister": "Herr",
    "bürgermeisterin": "Frau",
    "oberbürgermeister": "Herr",
    "oberbürgermeisterin": "Frau",
    "ratsherr": "Herr",
    "ratsfrau": "Frau",
    "bezirksratsherr": "Herr",
    "bezirksratsfrau": "Frau",
    "stadtbezirksratsherr": "Herr",
    "stadtbezirksratsfrau": "Frau",
    "beigeordneter": "Herr",
    "beigeordnete": None,
    "stadtrat": "Herr",
    "stadträtin": "Frau",
    "bezirksbürgermeister/in": None,
}
_TITLE_ADJECTIVES = {"erste", "erster", "stellv.", "stv.", "stellvertretende", "stellvertretender"}
_ACADEMIC = {
    "dr.",
    "prof.",
    "dr.-ing.",
    "dipl.-ing.",
    "dipl.-päd.",
    "dipl.-kfm.",
    "dipl.-soz.",
    "mag.",
    "ing.",
    "dipl.",
}
PARTICLES = {
    "von",
    "van",
    "de",
    "der",
    "den",
    "dem",
    "del",
    "della",
    "di",
    "da",
    "dos",
    "du",
    "la",
    "le",
    "zu",
    "zur",
    "vom",
    "ter",
    "ten",
    "al",
    "el",
    "bin",
    "ibn",
    "op",
}
# A capitalised word that starts a function, not a name ("Koordinator", "Fachbereich").
_FUNCTION_STEMS = (
    "koordinat",
    "kurator",
    "leiter",
    "leitung",
    "referent",
    "mitarbeit",
    "sachbearbeit",
    "fachbereich",
    "bereich",
    "geschäftsführ",
    "vorsitz",
    "vorstand",
    "beauftragt",
    "integrationsbeauftragt",
    "sozialarbeit",
    "quartiersmanag",
    "stadtteil",
    "sprecher",
    "vertreter",
    "projektleit",
    "ehemalig",
    "abteilung",
    "amt",
    "büro",
    "team",
    "moderat",
    "protokoll",
    "bezirksmanag",
    "sachgebiet",
    "dezernat",
    "video",
    "online",
    "schriftführ",
    "stellv",
    "anwesend",
    "entschuldigt",
    "verhindert",
    "gast",
    "verwaltung",
    "integrationsbeir",
    "stadtbezirks",
    "bezirksrat",
    "landeshauptstadt",
    "ausschuss",
    "sitzung",
    "niederschrift",
    "ergebnis",
    "beschluss",
    "drucksache",
    "zuwendung",
)
# Capitalised words that start sentences, never names.
_NOT_NAMES = {
    "die",
    "der",
    "das",
    "den",
    "dem",
    "des",
    "ein",
    "eine",
    "einer",
    "es",
    "er",
    "sie",
    "wir",
    "ich",
    "im",
    "in",
    "am",
    "an",
    "auf",
    "bei",
    "nach",
    "zu",
    "zum",
    "zur",
    "mit",
    "für",
    "als",
    "und",
    "oder",
    "aber",
    "so",
    "da",
    "dann",
    "hier",
    "wie",
    "was",
    "wer",
    "alle",
    "bitte",
    "herzlich",
    "vielen",
    "dank",
    "tagesordnung",
    "antwort",
    "frage",
    "fragen",
    "diskussion",
    "thema",
    "projekt",
    "antrag",
    "beginn",
    "ende",
    "sitzung",
    "top",
    "summe",
    "gesamt",
    "insgesamt",
    "nr",
    "ort",
    "datum",
}
_LEGAL_FORM_RE = re.compile(r"^(?:e\.\s?V\.?|e\.|V\.|gGmbH|GmbH|gUG|UG|e\.V\.,?)$")


@dataclass(frozen=True)
class NameParts:
    family_name: str
    given_name: str | None
    salutation: str | None


_INITIAL_RE = re.compile(r"[A-ZÄÖÜ]\.(?:-[A-ZÄÖÜ]\.)?")  # "A." or "A.-M." standing for a given name


def _is_name_word(word: str, first: bool) -> bool:
    if _INITIAL_RE.fullmatch(word):
        return True
    if not word or not word[0].isupper() or any(ch.isdigit() for ch in word):
        return False
    if word.endswith(".") or re.search(r"[^\w'’\-]", word):
        return False  # "Dez.", "e.V.", "(SPD)"
    if not first and word.isupper() and len(word) <= 5:
        return False  # an acronym after the name: "GFZ", "III"
    low = word.lower()
    return low not in _NOT_NAMES and not low.startswith(_FUNCTION_STEMS)


def _strip_titles(words: list[str]) -> tuple[list[str], str | None, bool]:
    """Leading salutation, office and academic titles; returns the rest, the salutation
    and whether any title was there."""
    salutation, titled, index = None, False, 0
    while index < len(words):
        low = words[index].lower().rstrip(",")
        if low in SALUTATIONS:
            salutation = SALUTATIONS[low]
        elif low in OFFICE_TITLES:
            salutation = salutation or OFFICE_TITLES[low]
        elif low in _TITLE_ADJECTIVES and index + 1 < len(words) and words[index + 1].lower() in OFFICE_TITLES:
            pass
        elif low not in _ACADEMIC:
            break
        titled, index = True, index + 1
    return words[index:], salutation, titled


def _comma_form(text: str) -> tuple[NameParts, str] | None:
    """ "Family, Given rest" when both sides are names and no title precedes."""
    family, _, after = text.partition(",")
    family_words = family.split()
    if not family_words or len(family_words) > 4:
        return None
    if not all(w.lower() in PARTICLES or _is_name_word(w, first=True) for w in family_words):
        return None
    if family_words[-1].lower() in PARTICLES or any(_INITIAL_RE.fullmatch(w) for w in family_words):
        return None
    words, salutation, _ = _strip_titles(after.split())
    given: list[str] = []
    for word in words:
        clean = word.rstrip(",;")
        # "Grube, SPD": an acronym after the comma is a party, not a given name
        if len(given) >= 4 or not _is_name_word(clean, first=False):
            break
        given.append(clean)
        if clean != word:
            break
    if not given:
        return None
    rest = " ".join(words[len(given) :])
    return NameParts(" ".join(family_words), " ".join(given), salutation), rest


def split_name(text: str, *, single_word: bool = False) -> tuple[NameParts | None, str]:
    """The name at the start of ``text`` and the rest. A lone word counts as a name only
    after a title ("Herr Mingers") or when ``single_word`` allows it."""
    text = text.strip(" ,;:-–")
    words, salutation, titled = _strip_titles(text.split())
    if not titled and "," in " ".join(words[:5]):
        comma = _comma_form(" ".join(words))
        if comma:
            return comma
    names: list[str] = []
    index = 0
    while index < len(words) and len(names) < 6:
        word = words[index].rstrip(",;")
        if word.lower() in PARTICLES and names:
            ahead = words[index + 1 : index + 5]
            if any(_LEGAL_FORM_RE.match(w) for w in ahead):
                break  # "Herr Eslami von Kargah e.V.": the organisation starts here
            names.append(word)
        elif _is_name_word(word, first=not names):
            names.append(word)
        else:
            break
        index += 1
        if word != words[index - 1]:
            break  # "Mohlfeld," ends the name
    while names and (names[-1].lower() in PARTICLES or _INITIAL_RE.fullmatch(names[-1])):
        names.pop()  # a family name is never a particle or an initial
        index -= 1
    if not names or (len(names) == 1 and not titled and not single_word):
        return None, text
    rest = " ".join(words[index:])
    family_start = len(names) - 1
    while family_start > 0 and names[family_start - 1].lower() in PARTICLES:
        family_start -= 1
    given = " ".join(names[:family_start]) or None
    return NameParts(" ".join(names[family_start:]), given, salutation), rest


def full_name(parts: NameParts) -> str:
    return f"{parts.given_name} {parts.family_name}" if parts.given_name else parts.family_name
