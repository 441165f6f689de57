"""One grant written over a few lines, in any of the labelled shapes:

    Antrag Nr. 04/2019                 Antrag Nr. 1
    Banjul e.V.                        Zuwendung i.H.v. 2.900,00 € an die Migranten-Gemeinschaft …
    Zuwendungsbetrag: 1.400,00 €       Projekt: Organisation v. Treffen …
    Verwendungszweck: …                (einstimmig; vom Antrag abweichender Projektzeitraum: …)

    1. Zuwendungsempfänger: Johanniter-Unfall-Hilfe e.V.
       Zuwendungssumme: bis zu 400,00 €
       Projekt: "Lange Tafel am Klagesmarkt" (IB-01-2025)

Requested sums and costs ("beantragt", "Kosten", "Eigenmittel") are never taken as the
granted amount; an unreadable amount stops the document (``LineError``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from bot.knowledge.parse_amounts import AmountHit, bare_amount, find_amounts, granted_hits
from bot.knowledge.parse_dates import find_dates
from bot.knowledge.parse_grant_inline import clean_applicant, inline_parts
from bot.knowledge.parse_lines import Line, LineError, join_texts, line_goes_on, quotes_open, sentences
from bot.knowledge.parse_votes import VOTE_WORDS_RE, parse_vote
from bot.knowledge.records import GrantStatus, Vote

APPLICATION_NUMBER = r"(?:[A-Z]{1,3}-)?\d{1,3}(?:[/-]\d{2,4})?"
ANCHOR_RE = re.compile(
    rf"^(?:\d{{1,2}}[.)]\s*)?(?:(?:Antrag|Antrags-?Nr\.?|Antragsnummer)\s*(?:Nr\.?|Nummer)?\s*[:.]?\s*"
    rf"(?P<no>{APPLICATION_NUMBER})|Nr\.\s*(?P<no2>\d{{1,3}}/\d{{2,4}}))(?![\d/])\s*[:.,;–-]?\s*(?:von\s+)?(?P<rest>.*)$",
    re.IGNORECASE,
)
# "3.1 Antrag der Initiative XY: „Projekt“ – Antragssumme 1.000 €": an application without number.
NAMED_ANCHOR_RE = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})?[.)]?\s+)?Antrag\s+(?:der|des|von|vom)\s+(?P<rest>[A-ZÄÖÜ„\"].+)$"
)
# A sentence in a block that gives the granted sum: "… empfiehlt die Förderung in Höhe von 800 €."
_GRANT_SENTENCE_RE = re.compile(r"(?:Zuwendung|Förderung|Zuschuss)\s+(?:in\s+Höhe\s+von|i\.\s?H\.\s?v\.|von|über)\s")
# "Antrag Nr. 1 bis 6" in running text is no grant.
NOT_ANCHOR_RE = re.compile(r"^(?:bis|und|sowie|oder|u\.)\b")
# "03/2015, einstimmig, 500,- €" or a table row whose columns were lost ("07/2019 Verein e.V. Fest EUR 200").
LIST_ITEM_RE = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})+\.?\s+)?(?P<no>\d{1,3}/(?:\d{4}|\d{2}))(?![\d/])\s*(?:[,;:–-]\s*|\s+)(?P<rest>.+)$"
)
NUMBERED_RE = re.compile(r"^\d{1,2}[.)]\s+")
AMOUNT_FIRST_RE = re.compile(
    r"^(?:Eine\s+)?(?:Zuwendung|Förderung|Zuschuss)\s+(?:i\.\s?H\.\s?v\.|in\s+Höhe\s+von|von|über)\s+"
    r"(?P<amount>(?:bis\s+zu\s+)?(?:(?:€|EUR)\s*)?\d[\dOoIl.,]*(?:,[-–]{1,2})?(?:\s*(?:€|EUR\b|Euro\b))?)"
    r"(?:\s+an\s+(?:den\s+|die\s+|das\s+)?(?P<applicant>.+?))?(?:\s+für\s+(?:das\s+|den\s+|die\s+)?(?P<purpose>.+))?\s*$"
)
_LABELS = {
    "applicant": r"(?:Antragsteller|Zuwendungsempfänger|Empfänger|Träger)(?:innen|in|\s*[/*:_]\s*-?in(?:nen)?)?|"
    r"Verein|Organisation|Institution",
    "requested": r"beantragt\w*(?:\s+\w+)?|Antragssumme|beantragte\s+\w+|(?:Gesamt|Projekt)?[Kk]osten|Gesamtkosten|"
    r"Eigenmittel|Eigenanteil|Eigenleistung|Finanzierung|Drittmittel",
    "amount": r"Zuwendungsbetrag|Zuwendungsbeitrag|Zuwendungssumme|Zuwendungshöhe|Höhe\s+der\s+Zuwendung|Zuwendung|"
    r"Förderbetrag|Fördersumme|Förderung|Betrag|Summe|bewilligt|Bewilligung|empfohlene\s+Zuwendung",
    "purpose": r"Verwendungszweck|Zweck|Projekt(?:titel|name)?|Titel|Maßnahme|Vorhaben|Veranstaltung",
    "vote": r"Abstimmung(?:sergebnis)?|Ergebnis|Beschluss|Votum|Empfehlung(?:\s+des\s+Integrationsbeirat\w*)?",
    "ignore": r"(?:Projekt)?[Zz]eitraum|Laufzeit|Datum|Antragsdatum|Eingang|Ort|Zielgruppe|Ansprechpartner\w*|Kontakt",
}
# "Zuwendungsbetrag (€):", "Betrag in Euro:" — a note on the unit may stand before the colon.
_UNIT = r"(?:\s*\((?:in\s+)?(?:€|EUR|Euro)\)|\s+in\s+(?:€|EUR|Euro))?"
_LABEL_RES = [(key, re.compile(rf"^(?:{p}){_UNIT}\s*:\s*(?P<value>.*)$", re.IGNORECASE)) for key, p in _LABELS.items()]
# "bis zu 2.200,00 €", "höchstens 500 €", "maximal 300 Euro": a ceiling, not a payment.
CEILING_RE = re.compile(r"\b(?:bis\s+zu|höchstens|maximal|max\.)\s+(?:€\s*|EUR\s*)?\d", re.IGNORECASE)
_REJECTED_RE = re.compile(r"\babgelehnt\b|\bnicht\s+(?:befürwortet|empfohlen|bewilligt)\b", re.IGNORECASE)
_WITHDRAWN_RE = re.compile(r"\bzurückgezogen\b|\bvertagt\b|\bzurückgestellt\b", re.IGNORECASE)
_TRAILING_NUMBER_RE = re.compile(r"\s*\((?P<no>(?:IB|Nr\.?)\s*-?\s*\d{1,3}[-/]\d{2,4})\)\s*$")
_RECOMMEND_RE = re.compile(
    r"schl(?:ä|a)gt\b[^.]*\bvor\b|schlug\b[^.]*\bvor\b|empfiehlt|empfahl|empfohlen|empfehlen|Empfehlung|Vorschlag|"
    r"vorgeschlagen|vorzuschlagen|befürwortet",
    re.IGNORECASE,
)
_DECIDE_RE = re.compile(
    r"\b(?:beschließt|beschloss|bewilligt|bewilligte|hat\b[^.]{0,60}\bbeschlossen|vergibt|vergab)\b"
)


def section_status(intro: str, title: str) -> GrantStatus | None:
    """Recommended or decided, as the introducing text says; None when it does not say."""
    for sentence in reversed(sentences(intro)):
        if _RECOMMEND_RE.search(sentence):
            return GrantStatus.RECOMMENDED
        if _DECIDE_RE.search(sentence):
            return GrantStatus.DECIDED
    if _RECOMMEND_RE.search(title):
        return GrantStatus.RECOMMENDED
    return None


def label_of(text: str) -> tuple[str, str] | None:
    for key, pattern in _LABEL_RES:
        match = pattern.match(text)
        if match:
            return key, match.group("value").strip()
    return None


def is_vote_line(text: str) -> bool:
    """ "(einstimmig)", "(14 Ja-Stimmen, 1 Nein-Stimme, 0 Enthaltungen)", "einstimmig abgelehnt"."""
    short = len(text.split()) <= 14
    return (
        short
        and bool(VOTE_WORDS_RE.search(text) or _REJECTED_RE.search(text))
        and not find_amounts(text)
        and (
            text.startswith("(")
            or re.match(r"^(?:einstimmig|mehrheitlich|abgelehnt|\d+\s*Ja)", text, re.IGNORECASE) is not None
        )
    )


def grant_amount(hits: list[AmountHit], text: str, line: int) -> Decimal | None:
    """The granted amount among ``hits``: not a requested sum or cost; a garbled one stops."""
    for hit in granted_hits(text, hits):
        if hit.value is None:
            raise LineError(
                line,
                f"Der Betrag „{hit.raw}“ ist nicht lesbar. Eine Zuwendung mit unlesbarem Betrag "
                "wird nicht übernommen – bitte die Zahl im Dokument prüfen.",
            )
        return hit.value
    return None


@dataclass
class GrantBlock:
    line: int
    number: str | None = None
    applicant: list[str] = field(default_factory=list)
    purpose: list[str] = field(default_factory=list)
    amount: Decimal | None = None
    requested: bool = False
    vote: Vote | None = None
    ceiling: bool = False  # "bis zu 400,00 €"
    rejected: bool = False
    withdrawn: bool = False
    last_field: str | None = None
    blank_seen: bool = False
    unsure: str | None = None  # a warning about how the block was read
    lines: list[int] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)  # what the block says, for its status words

    @property
    def complete(self) -> bool:
        return self.amount is not None or self.rejected or self.withdrawn

    def has(self, key: str) -> bool:
        return bool(
            {
                "applicant": self.applicant,
                "purpose": self.purpose,
                "amount": self.amount is not None,
                "vote": self.vote,
            }.get(key)
        )

    def take_inline(self, text: str, line: int) -> None:
        """The rest of an anchor line: "Antrag 03/2015, einstimmig, 500,- €" or
        "Antrag 12/2013: Verein e.V. – Projekt, EUR 1.000, einstimmig"."""
        self.texts.append(text)
        hits = find_amounts(text)
        if hits:
            self.amount = grant_amount(hits, text, line)
            self.ceiling = self.amount is not None and bool(CEILING_RE.search(text))
        self._status(text)
        self.vote = parse_vote(text) or self.vote
        self.applicant, self.purpose, self.unsure = inline_parts(text, hits)
        if self.applicant or self.purpose:
            self.last_field = "purpose" if self.purpose else "applicant"

    def _status(self, text: str) -> None:
        if _REJECTED_RE.search(text):
            self.rejected = True
        if _WITHDRAWN_RE.search(text):
            self.withdrawn = True

    def feed(self, lines: list[Line], index: int) -> int:
        """Take ``lines[index]`` (and a following line that finishes a broken amount) into
        the block; returns how many lines were taken, 0 when the line starts something else."""
        text = lines[index].text
        self._status(text)
        if is_vote_line(text):
            self.vote = parse_vote(text) or self.vote
            return self._took(index, 1, lines)
        label = label_of(text)
        if label:
            key, value = label
            if key in ("applicant", "purpose", "amount") and self.has(key):
                return 0  # the same label again: the next grant begins
            if key == "amount":
                return self._amount(lines, index, value)
            if key == "applicant":
                self.applicant, self.last_field = [value], "applicant"
            elif key == "purpose":
                self.purpose, self.last_field = [value], "purpose"
            elif key == "vote":
                self.vote, self.last_field = parse_vote(value) or self.vote, None
                if self.vote is None and find_amounts(value):
                    return self._amount(lines, index, value)
            elif key == "requested":
                self.requested, self.last_field = True, None
            else:
                self.last_field = None
            return self._took(index, 1, lines)
        first = AMOUNT_FIRST_RE.match(text)
        if first and not self.has("amount"):
            return self._amount_first(lines, index)
        if self._continues(text):
            # _continues is only true when last_field is "applicant" or "purpose".
            assert self.last_field is not None
            getattr(self, self.last_field).append(text)
            return self._took(index, 1, lines)
        if (
            self.number
            and not self.applicant
            and self.amount is None
            and len(text.split()) <= 12
            and not VOTE_WORDS_RE.search(text)
            and not _WITHDRAWN_RE.search(text)
            and not re.match(r"^(?:Antrag|Eingang|Datum|vom)\b", text)
            and not find_dates(text)
        ):
            self.applicant, self.last_field = [text], "applicant"
            return self._took(index, 1, lines)
        if _WITHDRAWN_RE.search(text) or _REJECTED_RE.search(text):
            self.vote = parse_vote(text) or self.vote  # "Der Antrag wird abgelehnt (2 Ja-Stimmen, …)."
            return self._took(index, 1, lines)
        if self.amount is None and _GRANT_SENTENCE_RE.search(text) and granted_hits(text):
            self.amount = grant_amount(find_amounts(text), text, lines[index].number)
            self.vote = parse_vote(text) or self.vote
            self.last_field = None
            return self._took(index, 1, lines)
        return 0

    def _continues(self, text: str) -> bool:
        if self.last_field not in ("applicant", "purpose") or self.blank_seen or label_of(text):
            return False
        parts = getattr(self, self.last_field)
        previous = parts[-1] if parts else ""
        if line_goes_on(previous) or text[:1].islower() or quotes_open(" ".join(parts)):
            return True
        legal_form = re.compile(r"\be\.\s?V\.|gGmbH|GmbH|gUG|Stiftung")
        return (
            self.last_field == "applicant"
            and not legal_form.search(previous)
            and bool(legal_form.search(text))
            and len(text.split()) <= 6
        )

    def _amount(self, lines: list[Line], index: int, value: str) -> int:
        text, taken = _with_broken_amount(lines, index, value)
        hits = find_amounts(text)
        amount = grant_amount(hits, text, lines[index].number) if hits else None
        if amount is None and not hits:
            bare = bare_amount(text)
            if bare is not None and bare.value is None:
                raise LineError(lines[index].number, f"Der Betrag „{bare.raw}“ ist nicht lesbar.")
            amount = bare.value if bare else None
            plain = re.fullmatch(r"(?:bis\s+zu\s+|ca\.\s*)?(\d{1,6})", text.strip())
            if plain:  # "Betrag in Euro: 650": the label says it is euros
                amount = Decimal(plain.group(1)).quantize(Decimal("0.01"))
            if bare is None and re.search(r"\d[\dOoIl.,]*[OoIl][\dOoIl.,]*", text):
                raise LineError(
                    lines[index].number,
                    f"Der Betrag in „{lines[index].text}“ ist nicht lesbar. "
                    "Eine Zuwendung mit unlesbarem Betrag wird nicht übernommen.",
                )
        self.amount = amount
        self.ceiling = amount is not None and bool(CEILING_RE.search(text))
        self.last_field = None
        return self._took(index, taken, lines)

    def _amount_first(self, lines: list[Line], index: int) -> int:
        text, taken = _with_broken_amount(lines, index, lines[index].text)
        match = AMOUNT_FIRST_RE.match(text)
        if match is None:  # the next line did not finish the amount after all
            text, taken = lines[index].text, 1
            match = AMOUNT_FIRST_RE.match(text)
        # feed() calls this only when AMOUNT_FIRST_RE matches lines[index].text alone.
        assert match is not None
        self.amount = grant_amount(find_amounts(match.group("amount")), match.group("amount"), lines[index].number)
        self.ceiling = bool(CEILING_RE.search(match.group("amount")))
        if match.group("applicant"):
            self.applicant, self.last_field = [clean_applicant(match.group("applicant"))], "applicant"
        if match.group("purpose"):
            self.purpose, self.last_field = [match.group("purpose")], "purpose"
        return self._took(index, taken, lines)

    def _took(self, index: int, count: int, lines: list[Line]) -> int:
        self.lines.extend(line.number for line in lines[index : index + count])
        self.texts.extend(line.text for line in lines[index : index + count])
        return count


def _with_broken_amount(lines: list[Line], index: int, value: str) -> tuple[str, int]:
    """ "Zuwendungsbetrag: 1.400,\\n00 €" or "… 2.900,00\\n€ an …": join the next line."""
    if index + 1 >= len(lines) or find_amounts(value):
        return value, 1
    following = lines[index + 1].text
    if re.search(r"\d[.,]?$", value) and re.match(r"^[\d.,]+\s*(?:,-)?\s*(?:€|EUR\b|Euro\b)", following):
        return value + following, 2
    if re.search(r"\d[.,-]*$", value) and re.match(r"^(?:€|EUR\b|Euro\b)", following):
        return value + " " + following, 2
    return value, 1


def applicant_text(block: GrantBlock) -> str | None:
    text = join_texts(block.applicant).strip(" ,;:")
    text = re.split(r"\s+c/o\s", text)[0]  # "… Deisterstraße 33 c/o Stadtteilforum …": a contact, not the name
    return clean_applicant(text) or None


def purpose_and_number(block: GrantBlock) -> tuple[str | None, str | None]:
    purpose = join_texts(block.purpose).strip(" ,;") or None
    number = block.number
    if purpose:
        match = _TRAILING_NUMBER_RE.search(purpose)
        if match:
            purpose = purpose[: match.start()].strip() or None
            number = number or re.sub(r"\s+", "", match.group("no"))
    return purpose, number
