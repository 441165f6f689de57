"""The Leichte Sprache rules as machine checks (Netzwerk Leichte Sprache, DIN SPEC 33429).

``check_text(text, names)`` returns every rule violation of one answer. Names of
people, organisations and councils, and anything in quotes, count as one word and
are not checked (they stay exactly as written); only "e.V." in a name must still be
explained. The checks are deliberately simple patterns: they find typical mistakes,
they do not parse German. Each rule has an id (used in tests and in the report).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from bot.core.facts import GlossaryEntry
from bot.core.german import WEEKDAYS
from bot.core.glossary_file import glossary_entries
from bot.language.format import MEDIOPUNKT, find_unsplit_compounds, split_compounds
from bot.language.glossary import EXPLAINED_AFTER, explanation_spans, find_terms
from bot.language.sentences import Analysis
from bot.lint.units import Unit, analyse_units
from bot.lint.wordlists import GENITIVE, INFORMAL, NEGATIONS, NUMBER_WORDS, PARTICIPLE, PASSIVE_AUX, SUBJUNCTIVE

MAX_SENTENCE_WORDS = 12  # list lines aside
MAX_SENTENCES = 6  # "at most about five sentences", then the offer to tell more
MAX_NEGATIONS = 2
OFFER = re.compile(r"^(?:Möchten|Wollen) Sie .*\?$")  # "Möchten Sie mehr wissen?"

RULES = {
    "sentence_length": f"Höchstens {MAX_SENTENCE_WORDS} Wörter in einem Satz.",
    "one_statement": "Eine Aussage in einem Satz: kein Neben·satz, kein Semikolon.",
    "passive": "Aktiv schreiben, nicht Passiv (wird/wurde … gemacht, ist … gemacht worden).",
    "genitive": "Kein Genitiv: 'von dem' statt 'des'.",
    "subjunctive": "Kein Konjunktiv (würde, hätte, wäre, könnte …).",
    "negation": "Wenig Verneinungen, keine doppelte Verneinung.",
    "number_word": "Zahlen als Ziffern schreiben.",
    "amount_format": "Beträge so: 1.400 Euro, 740,70 Euro (kein €, kein EUR, kein ,00).",
    "date_format": "Datum so: Montag, 1. April 2019.",
    "time_format": "Uhrzeit so: 19 Uhr, 20:45 Uhr.",
    "abbreviation": "Abkürzungen ausschreiben oder erklären.",
    "roman_numeral": "Keine römischen Zahlen.",
    "informal_address": "Die Leser mit 'Sie' ansprechen.",
    "list_inline": "Aufzählungen untereinander schreiben, ein Punkt pro Zeile.",
    "too_many_sentences": f"Höchstens {MAX_SENTENCES} Sätze, dann 'Möchten Sie mehr wissen?'.",
    "compound_unsplit": "Lange Wörter aus compounds.txt mit Medio·punkt schreiben.",
    "compound_inconsistent": "Medio·punkt nur so wie in compounds.txt.",
    "hard_word": "Schwere Wörter beim ersten Mal erklären.",
    "one_word_one_thing": "Für eine Sache immer dasselbe Wort (nicht Zuwendung und Förderung).",
}


@dataclass(frozen=True)
class Violation:
    rule: str  # an id from RULES
    message: str  # what is wrong, in German, for staff
    excerpt: str  # the sentence or word


_WORD = re.compile(rf"[^\W\d_]+(?:[{MEDIOPUNKT}\-][^\W\d_]+)*")

_SUBORDINATE = re.compile(
    r",\s*(dass|weil|obwohl|damit|sodass|nachdem|bevor|während|falls|ob|wenn|als|indem|"
    r"der|die|das|dem|den|deren|dessen|welche[rsmn]?|was|wo|wobei|wodurch|womit|worüber)\b",
    re.IGNORECASE,
)
_AMOUNT_PATTERNS = (
    (re.compile(r"€"), "'€' statt 'Euro'"),
    (re.compile(r"\bEUR\b"), "'EUR' statt 'Euro'"),
    (re.compile(r"\d,00(?!\d)"), "',00': Cent weglassen, wenn sie 0 sind"),
    (re.compile(r"(?<![\d.])\d{4,}(?:,\d{2})?\s*Euro"), "Tausender mit Punkt schreiben: 1.400 Euro"),
    (re.compile(r"\d,\d(?!\d)\s*Euro"), "Cent mit 2 Ziffern: 740,70 Euro"),
)
_DATE_PATTERNS = (
    (re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.(?:\d{2,4})?(?![\d])"), "Datum in Ziffern (01.04.2019)"),
    (re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)"), "ISO-Datum (2019-04-01)"),
    (re.compile(r"(?<![\d.])0\d\.\s+[A-ZÄÖÜ]"), "Tag mit führender Null (01. April)"),
)
_TIME_PATTERNS = (
    (re.compile(r"(?<![\d.])\d{1,2}\.\d{2}\s*Uhr"), "Uhrzeit mit Punkt (19.00 Uhr)"),
    (re.compile(r"(?<![\d.])\d{1,2}:00\s*Uhr"), "volle Stunde ohne :00 (19 Uhr)"),
    (re.compile(r"(?<![\d.:])0\d(?::\d{2})?\s*Uhr"), "Stunde ohne führende Null (9 Uhr)"),
    (re.compile(r"(?<![\d.])\d{1,2}[.:]\d{2}\s*h\b"), "'h' statt 'Uhr'"),
)
# Always written out: "Nr." -> "Nummer".
_WRITE_OUT = {
    "z. B.": "zum Beispiel",
    "Nr.": "Nummer",
    "ca.": "ungefähr",
    "ggf.": "wenn nötig",
    "bzw.": "oder",
    "usw.": "und so weiter",
    "etc.": "und so weiter",
    "d. h.": "das heißt",
    "u. a.": "unter anderem",
    "i. V.": "in Vertretung",
    "evtl.": "vielleicht",
    "inkl.": "mit",
    "vgl.": "siehe",
    "Stellv.": "Stell·vertretung",
    "sog.": "so genannt",
    "Tel.": "Telefon",
    "Str.": "Straße",
    "Hr.": "Herr",
    "Fr.": "Frau",
}
_WRITE_OUT_PATTERNS = {
    abbreviation: re.compile(
        r"(?<![\w.])"
        + r"\s?".join(re.escape(part + ".") for part in abbreviation.replace(" ", "").split(".") if part)
        + r"(?!\w)",
        re.IGNORECASE,
    )
    for abbreviation, _ in _WRITE_OUT.items()
}
# Written out or explained: "TOP. Das heißt: Tages·ordnungs·punkt."
LONG_FORMS = {
    "TOP": "Tagesordnungspunkt",
    "LIP": "Lokaler Integrationsplan",
    "MSO": "Migrantenselbstorganisation",
    "IGS": "Integrierte Gesamtschule",
    "GFZ": "Gesellschaftsfonds Zusammenleben",
    "e.V.": "eingetragener Verein",
}
_ACRONYM = re.compile(r"(?<![\w.])[A-ZÄÖÜ]{2,6}s?(?![\w])")
_EV = re.compile(r"(?<![\w.])e\.\s?V\.?(?!\w)")
_ROMAN = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_NOT_ROMAN = {"CD", "CC", "DI", "MI", "LI", "CV", "MC", "DC", "MM", "DM"}
# Words for the same thing: an answer uses one of them ("one word for one thing").
SYNONYM_GROUPS = (
    {
        "Zuwendung": r"zuwendung(?:en)?",
        "Fördergeld": r"fördergeld(?:es|s|er|ern)?",
        "Förderung": r"förderung(?:en)?",
        "Zuschuss": r"zuschuss(?:es)?|zuschüssen?",
    },
    {"Sitzung": r"sitzung(?:en)?", "Versammlung": r"versammlung(?:en)?", "Tagung": r"tagung(?:en)?"},
    {"Antrag": r"antrag(?:s|es)?|anträgen?", "Gesuch": r"gesuch(?:s|es|e|en)?"},
    {"Verein": r"verein(?:s|es|e|en)?", "Organisation": r"organisation(?:en)?"},
)
_SYNONYM_PATTERNS = tuple(
    {word: re.compile(rf"(?<!\w)(?:{forms})(?!\w)", re.IGNORECASE) for word, forms in group.items()}
    for group in SYNONYM_GROUPS
)
_WEEKDAY_COMMA = re.compile(rf"\b(?:{'|'.join(WEEKDAYS)}),")


def _pronoun_eines(lower: list[str], index: int) -> bool:
    """ "eines von diesen Wörtern" is a pronoun, "eines Vereins" a genitive."""
    following = lower[index + 1] if index + 1 < len(lower) else ""
    return following in ("", "von", "davon", "der", "die", "dieser", "davon")


def _words(masked: str) -> list[str]:
    return _WORD.findall(masked)


def _plain(text: str) -> str:
    return text.replace(MEDIOPUNKT, "").lower()


def _is_roman(token: str) -> bool:
    return len(token) >= 2 and token not in _NOT_ROMAN and bool(_ROMAN.match(token))


def _explained_abbreviation(abbreviation: str, text: str, explained: set[str]) -> bool:
    if abbreviation in explained or abbreviation.lower() in explained:
        return True
    long_form = LONG_FORMS.get(abbreviation)
    if long_form and _plain(long_form) in " ".join(_plain(text).split()):
        return True
    return bool(re.search(re.escape(abbreviation) + r"\.?\s+(?:Das heißt|heißt|ist die Abkürzung für)", text))


def _sentence_checks(analysis: Analysis, sentence: Unit) -> Iterable[Violation]:
    masked = analysis.masked[sentence.start : sentence.end]
    words = _words(masked)
    lower = [w.lower() for w in words]
    excerpt = sentence.text.strip()

    if sentence.words > MAX_SENTENCE_WORDS and not sentence.list_item:
        yield Violation("sentence_length", f"{sentence.words} Wörter (höchstens {MAX_SENTENCE_WORDS})", excerpt)
    subordinate = _SUBORDINATE.search(masked)
    found = ";" if ";" in masked else subordinate.group(0) if subordinate else None
    if found:
        yield Violation("one_statement", f"Neben·satz oder zweite Aussage: '{found.strip()}'", excerpt)
    for index, word in enumerate(lower):
        # "wird/wurde … gemacht"; "ist … gemacht worden" has the participle before "worden".
        around = lower[:index] if word == "worden" else lower[index + 1 :]
        if word in PASSIVE_AUX and any(PARTICIPLE.match(w) for w in around):
            yield Violation("passive", f"Passiv mit '{words[index]}': aktiv schreiben", excerpt)
            break
    for index, word in enumerate(words):
        if word.lower() in GENITIVE and not (word.lower() == "eines" and _pronoun_eines(lower, index)):
            yield Violation("genitive", f"Genitiv '{word}': besser 'von dem' / 'von der'", excerpt)
        if word.lower() in SUBJUNCTIVE:
            yield Violation("subjunctive", f"Konjunktiv '{word}'", excerpt)
        if NUMBER_WORDS.match(word.lower()):
            yield Violation("number_word", f"Zahlwort '{word}': als Ziffer schreiben", excerpt)
        if word.lower() in INFORMAL:
            yield Violation("informal_address", f"'{word}': mit 'Sie' ansprechen", excerpt)
        if word.isupper() and _is_roman(word):
            yield Violation("roman_numeral", f"Römische Zahl '{word}'", excerpt)
    negations = [w for w in lower if w in NEGATIONS]
    if len(negations) >= 2:
        yield Violation("negation", f"Doppelte Verneinung: {', '.join(negations)}", excerpt)
    for pattern, message in _AMOUNT_PATTERNS:
        if pattern.search(masked):
            yield Violation("amount_format", message, excerpt)
    for pattern, message in _DATE_PATTERNS:
        if pattern.search(masked):
            yield Violation("date_format", message, excerpt)
    for pattern, message in _TIME_PATTERNS:
        if pattern.search(masked):
            yield Violation("time_format", message, excerpt)
    if not sentence.list_item and _WEEKDAY_COMMA.sub(" ", masked).count(",") >= 2:
        yield Violation("list_inline", "Aufzählung im Satz: untereinander schreiben", excerpt)
    for token in re.findall(rf"[\w{MEDIOPUNKT}]*{MEDIOPUNKT}[\w{MEDIOPUNKT}]*", masked):
        expected = split_compounds(token.replace(MEDIOPUNKT, ""))
        if expected != token:
            hint = f"so wie in compounds.txt: '{expected}'" if MEDIOPUNKT in expected else "nicht in compounds.txt"
            yield Violation("compound_inconsistent", f"'{token}': {hint}", excerpt)


def _abbreviation_checks(
    analysis: Analysis, explained: set[str], glossary_forms: set[str], in_block: Callable[[int], bool]
) -> Iterable[Violation]:
    text, masked = analysis.text, analysis.masked
    for abbreviation, pattern in _WRITE_OUT_PATTERNS.items():
        # The explanation block of an abbreviation ("bzw. Das heißt: …") names it to explain it.
        match = next((m for m in pattern.finditer(masked) if not in_block(m.start())), None)
        if match:
            yield Violation(
                "abbreviation", f"'{match.group(0)}' ausschreiben: '{_WRITE_OUT[abbreviation]}'", match.group(0)
            )
    seen = set()
    for match in _ACRONYM.finditer(masked):
        token = match.group(0)
        if re.match(r"-\d", masked[match.end() : match.end() + 2]):
            continue  # part of a code such as the application number "IB-01-2025", not a word
        base = token[:-1] if token.endswith("s") and token[:-1].isupper() else token
        if base in seen or _is_roman(base) or base in glossary_forms:
            continue
        seen.add(base)
        if not _explained_abbreviation(base, text, explained):
            yield Violation("abbreviation", f"'{base}' erklären oder ausschreiben", base)
    # "e.V." stays in names ("Banjul e.V."), but the reader still needs to know it.
    if "e.V." not in glossary_forms and _EV.search(text) and not _explained_abbreviation("e.V.", text, explained):
        yield Violation("abbreviation", "'e.V.' erklären: eingetragener Verein", "e.V.")


def check_text(
    text: str,
    names: Iterable[str] = (),
    explained: Iterable[str] = (),
    entries: Sequence[GlossaryEntry] | None = None,
    explained_on_delivery: bool = False,
) -> list[Violation]:
    """Every rule violation in one answer.

    names: names of people, organisations and councils (one word each, not checked).
    explained: hard words already explained earlier in the conversation.
    entries: glossary for the hard-word rule (default knowledge/glossary.yml; () turns it off).
    explained_on_delivery: the text is a template that the action passes through
        ``glossary.explain_terms`` before sending; glossary words (also "TOP", "e.V.")
        are then explained there and not flagged here.
    """
    if not text or not text.strip():
        return []
    names = tuple(names or ())
    entries = glossary_entries() if entries is None else tuple(entries)
    explained = set(explained or ())
    explained_lower = {term.lower() for term in explained}
    analysis, units = analyse_units(text, names)
    blocks = explanation_spans(text, entries) if entries else []

    def in_block(position: int) -> bool:
        return any(start <= position < end for start, end, _ in blocks)

    violations: list[Violation] = []
    for sentence in units:
        violations.extend(_sentence_checks(analysis, sentence))

    glossary_forms = {form for entry in entries for form in (entry.term, *entry.aliases)}
    violations.extend(_abbreviation_checks(analysis, explained, glossary_forms, in_block))

    negations = [w for w in _words(analysis.masked) if w.lower() in NEGATIONS]
    if len(negations) > MAX_NEGATIONS:
        violations.append(
            Violation("negation", f"{len(negations)} Verneinungen (höchstens {MAX_NEGATIONS})", text[:80])
        )

    # A line that introduces the next ("Das Geld ist für:" + a title) is not a statement of its own.
    prose = [s for s in units if not s.list_item and not in_block(s.start) and not s.text.endswith(":")]
    if prose and OFFER.match(prose[-1].text.strip()):
        prose = prose[:-1]  # the offer to tell more comes after the answer, it is not part of it
    if len(prose) > MAX_SENTENCES:
        violations.append(Violation("too_many_sentences", f"{len(prose)} Sätze (höchstens {MAX_SENTENCES})", text[:80]))

    for word in dict.fromkeys(find_unsplit_compounds(text, names)):
        violations.append(Violation("compound_unsplit", f"'{word}' mit Medio·punkt: '{split_compounds(word)}'", word))

    if entries and not explained_on_delivery:
        explained_here = {entry.term.lower() for _, _, entry in blocks}
        matches = find_terms(text, entries)
        # Explained in the author's own words: "Zuwendung heißt: …", "Das Wort „TOP“ bedeutet: …".
        explained_here |= {m.entry.term.lower() for m in matches if EXPLAINED_AFTER.match(text, m.end)}
        reported = set()
        for match in matches:
            key = match.entry.term.lower()
            if in_block(match.start) or key in explained_lower or key in explained_here or key in reported:
                continue
            reported.add(key)
            violations.append(Violation("hard_word", f"'{match.text}' erklären ({match.entry.term})", match.text))

    ours = "".join("_" if in_block(index) else char for index, char in enumerate(analysis.masked)).replace(
        MEDIOPUNKT, ""
    )
    for patterns in _SYNONYM_PATTERNS:
        used = [word for word, pattern in patterns.items() if pattern.search(ours)]
        if len(used) > 1:
            violations.append(
                Violation("one_word_one_thing", f"Ein Wort für eine Sache: {' / '.join(used)}", text[:80])
            )

    unique: dict[tuple[str, str, str], Violation] = {}
    for violation in violations:
        unique.setdefault((violation.rule, violation.message, violation.excerpt), violation)
    return list(unique.values())
