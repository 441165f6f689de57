"""A grant told in one sentence:

    "Der Integrationsbeirat empfiehlt einstimmig, dem Kulturverein Morgenland e.V. für
     das Nachbarschaftsfest „Bunter Bult“ eine Zuwendung in Höhe von 650,00 € zu gewähren."
    "Der Verein X e.V. erhält für das Projekt Y eine Zuwendung von 300 €."
    "… eine Zuwendung in Höhe von 500 € an den Verein X e.V. für das Sommerfest …"

A sentence with a grant word and an amount that fits none of these is reported as a
warning, never guessed into a grant.
"""

from __future__ import annotations

import re

from bot.knowledge.parse_amounts import find_amounts, granted_hits
from bot.knowledge.parse_grant_block import CEILING_RE, clean_applicant, grant_amount, section_status
from bot.knowledge.parse_lines import Line, columns, join_texts, sentences
from bot.knowledge.parse_votes import parse_vote
from bot.knowledge.records import Grant, GrantStatus, ParseWarning

_Q = r"(?:[^,;„“\"]|„[^“]*“|\"[^\"]*\")"  # text, quotations kept whole
_AMOUNT_TEXT = r"(?:€|EUR)\s*\S+|\S+\s*(?:,-\s*)?(?:€|EUR\b|Euro\b)"
_AMOUNT = rf"(?P<amount>{_AMOUNT_TEXT})"
_NOUN = r"(?:eine[n]?\s+|die\s+)?(?:Zuwendung|Förderung|Zuschuss|Unterstützung)"
_HOW = r"(?:in\s+Höhe\s+von|i\.\s?H\.\s?v\.|von|über|mit)"
_ART = r"(?:das|den|die|ein|eine|einen)\s+"
_GIVEN = r"(?:bewilligt|gewährt|empfohlen|beschlossen|befürwortet|bereitgestellt|zur\s+Verfügung\s+gestellt)"
_END = rf"(?:\s+zu\s+\w+|\s+{_GIVEN}|\s*[.,;]|$)"
_PATTERNS = [
    # "(Antrag,) für die Durchführung des Festes Y wird dem Organisator X eine Zuwendung in Höhe von Z bewilligt"
    re.compile(
        rf"(?:^|,\s+)[Ff]ür\s+(?:{_ART})?(?P<purpose>{_Q}+?)\s+(?:wird|werden)\s+(?:dem|der|den)\s+"
        rf"(?P<applicant>{_Q}+?)\s+{_NOUN}\s+{_HOW}\s+{_AMOUNT}{_END}"
    ),
    # amount first, recipient after "an"
    re.compile(
        rf"{_NOUN}\s+{_HOW}\s+{_AMOUNT}\s+an\s+(?:den\s+|die\s+|das\s+)?(?P<applicant>[A-ZÄÖÜ„\"]{_Q}*?)"
        rf"(?:\s+für\s+(?:{_ART})?(?P<purpose>{_Q}+?))?"
        rf"(?:\s+zu\s+\w+|\s+(?:empfohlen|bewilligt|beschlossen)|\s*[.,;]|$)"
    ),
    # "dem Verein X für das Projekt Y eine Zuwendung von Z"
    re.compile(
        rf"\b(?:dem|der|den)\s+(?P<applicant>{_Q}+?)\s+für\s+(?:{_ART})?(?P<purpose>{_Q}+?)"
        rf"\s+{_NOUN}\s+{_HOW}\s+{_AMOUNT}"
    ),
    # "Der Verein X erhält (für Y) eine Zuwendung von Z (für Y)"
    re.compile(
        rf"^(?:Der|Die|Das)?\s*(?P<applicant>[A-ZÄÖÜ„\"]{_Q}*?)\s+erhält\s+"
        rf"(?:für\s+(?:{_ART})?(?P<purpose>{_Q}+?)\s+)?"
        rf"{_NOUN}\s+{_HOW}\s+{_AMOUNT}(?:\s+für\s+(?:{_ART})?(?P<purpose2>{_Q}+?))?(?:\s*[.,;]|$)"
    ),
    # "dem Verein X eine Zuwendung von Z (für Y)"
    re.compile(
        rf"\b(?:dem|der|den)\s+(?P<applicant>{_Q}+?)\s+{_NOUN}\s+{_HOW}\s+{_AMOUNT}"
        rf"(?:\s+für\s+(?:{_ART})?(?P<purpose>{_Q}+?))?{_END}"
    ),
    # "(Aus den Mitteln des Integrationsbeirates Mitte) werden dem Verein X 740,70 € für das Projekt Y zur
    # Verfügung gestellt"
    re.compile(
        rf"\b(?:dem|der|den)\s+(?P<applicant>{_Q}+?)\s+(?:bis\s+zu\s+)?{_AMOUNT}"
        rf"\s+für\s+(?:{_ART})?(?P<purpose>{_Q}+?)\s+{_GIVEN}"
    ),
    # "Der Integrationsrat unterstützt den Trägerverein X e.V. bei der Durchführung seines Sommerfestes mit einem
    # Förderbetrag in Höhe von 6.000 Euro"
    re.compile(
        rf"\b(?:unterstützt|fördert|bezuschusst)\s+(?:den|die|das)\s+(?P<applicant>[A-ZÄÖÜ„\"]{_Q}+?)"
        rf"(?:\s+(?:bei|für)\s+(?P<purpose>{_Q}+?))?\s+mit\s+(?:einem|einer)\s+"
        rf"(?:Förderbetrag|Zuschuss|Zuwendung|Betrag|finanziellen\s+Unterstützung)\s+{_HOW}\s+{_AMOUNT}"
    ),
    # "Der Beirat beschließt einstimmig, das Sommerfest in X mit 500,- Euro finanziell zu unterstützen"
    re.compile(
        rf"\bbeschlie(?:ßt|ßen|ssen)\b[^.]*?\b(?:das|den|die)\s+(?P<applicant>[A-ZÄÖÜ„\"]{_Q}+?)\s+mit\s+"
        rf"{_AMOUNT}\s+(?:finanziell\s+)?zu\s+(?:unterstützen|fördern|bezuschussen)"
    ),
]
_GRANT_WORD_RE = re.compile(
    r"Zuwendung|Förderung|gefördert|fördern|bewillig|gewähr|Zuschuss|erhält|bekommt|erhielt|bekam|freuen|"
    r"Verfügung\s+gestellt|unterstützt|unterstützen|finanziellen\s+Unterstützung"
)
# A sum asked for, not granted. "Antrag auf die Tagesordnung" is no request for money.
_REQUESTED_RE = re.compile(
    r"beantragt|Antrag\s+auf\s+(?:eine[n]?\s+)?(?:Förderung|Zuwendung|Zuschuss|Unterstützung|Mittel|\d)|"
    r"bittet\s+um|bat\s+um|fordert|möchte",
    re.IGNORECASE,
)
_NOT_APPLICANT_RE = re.compile(
    r"^(?:Stadtbezirksrat|Bezirksrat|Integrationsbeirat|Rat|Mitteln)\b|\b(?:dass|wird|werden|wurde|hat|eine|einen)\b"
)


def _paragraphs(lines: list[Line], used: set[int]) -> list[tuple[str, list[tuple[int, int]]]]:
    """Runs of unused lines joined to text, with (offset, line number) of each line."""
    result: list[tuple[str, list[tuple[int, int]]]] = []
    parts: list[str] = []  # texts of the current run of lines
    starts: list[int] = []  # their line numbers
    for line in lines + [Line(0, "", "")]:
        if parts and _BULLET_RE.match(line.text):  # each bullet of a list is a paragraph of its own
            result.append(_joined(parts, starts))
            parts, starts = [], []
        if line.blank or line.number in used or _cost_line(line):
            if parts:
                result.append(_joined(parts, starts))
            parts, starts = [], []
            continue
        parts.append(line.text)
        starts.append(line.number)
    return result


_BULLET_RE = re.compile(r"^[-–•*]\s+\S")


def _joined(parts: list[str], starts: list[int]) -> tuple[str, list[tuple[int, int]]]:
    text, offsets = "", []
    for part, number in zip(parts, starts, strict=True):
        offsets.append((len(text) + 1 if text else 0, number))  # where the line begins, near enough
        text = join_texts([text, part]) if text else part
    return text, offsets


def _cost_line(line: Line) -> bool:
    """A row of a cost table ("Transferaufwendungen      €4,250.00"), not prose."""
    cells = columns(line)
    return len(cells) >= 2 and bool(find_amounts(cells[-1])) and len(cells[0].split()) <= 6


def _line_at(offsets: list[tuple[int, int]], position: int) -> int:
    line = offsets[0][1]
    for offset, number in offsets:
        if offset <= position:
            line = number
    return line


def prose_grants(
    lines: list[Line],
    used: set[int],
    agenda_number: str | None,
    status: GrantStatus | None,
    known: list[Grant],
    warnings: list[ParseWarning],
) -> tuple[list[Grant], set[int], list[int]]:
    """Grants written as sentences in lines not yet read as grants; also the lines read and
    the lines of grants whose status neither sentence nor item states."""
    grants: list[Grant] = []
    taken: set[int] = set()
    unstated: list[int] = []
    news_before = False  # the sentence before gave grants news-style: "Der Verein X 1310 Euro für …" goes on
    event: str | None = None  # the event the text is about, for "… sich als Mitveranstalter mit … zu beteiligen"
    for text, offsets in _paragraphs(lines, used):
        position = 0
        subject: str | None = None  # the organisation the paragraph is about, for "Der Verein wird …"
        for sentence in sentences(text):
            start = text.find(sentence, position)
            position = max(position, start)
            line = _line_at(offsets, max(start, 0))
            subject = _subject(sentence) or subject
            event = _event(sentence) or event
            if not _GRANT_WORD_RE.search(sentence) and not news_before:  # a news list goes on without a verb
                continue
            hits = [h for h in granted_hits(sentence) if h.value != 0]
            if not hits:
                continue
            stated = status or section_status(sentence, "")  # a decision paper proposes, whatever its verbs
            grant = (
                _sentence_grant(sentence, line, agenda_number, stated or GrantStatus.RECOMMENDED)
                or _supported(sentence, subject, line, agenda_number, stated or GrantStatus.RECOMMENDED)
                or _share(sentence, event, line, agenda_number, stated or GrantStatus.RECOMMENDED)
            )
            if grant is None:
                several = news_grants(sentence, line, agenda_number, stated or GrantStatus.RECOMMENDED, news_before)
                news_before = bool(several)
                fresh = [g for g in several if not any(_same(g, other) for other in known + grants)]
                if several:
                    grants += fresh
                    taken.add(line)
                    unstated += [line] if fresh and stated is None else []
                    continue
            known_amounts = {g.amount for g in known + grants}
            if grant is None:
                if not any(h.value in known_amounts for h in hits):
                    warnings.append(
                        ParseWarning(
                            line,
                            f"Satz mit Betrag nicht eindeutig als Zuwendung erkannt – nicht "
                            f"übernommen: „{sentence[:90]}“",
                        )
                    )
                continue
            if any(_same(grant, other) for other in known + grants):
                continue
            grants.append(grant)
            taken.add(line)
            if stated is None and grant.status is not GrantStatus.REJECTED:
                unstated.append(line)
    return grants, taken, unstated


# "Der Syrische Kultur e.V. beantragte …": the organisation a news paragraph is about.
_SUBJECT_RE = re.compile(
    r"^(?:[-–•*]\s*)?(?:Der|Die|Das)\s+(?P<name>[A-ZÄÖÜ][^,;.]{1,80}?(?:e\.\s?V\.|gGmbH|GmbH|gUG|Stiftung))(?=\s)"
)
# "Der Verein wird mit 1.500 Euro unterstützt, wobei 1.000 Euro vom Bezirksrat … und 500 Euro vom
# Integrationsbeirat bereitgestellt werden."
_SUPPORTED_RE = re.compile(
    rf"^(?:Der|Die|Das)\s+(?:Verein|Initiative|Gruppe|Träger\w*|Antragsteller\w*|Projekt)\s+(?:wird|wurde)\s+mit\s+"
    rf"(?:insgesamt\s+)?(?P<amount>{_AMOUNT_TEXT})\s+(?:unterstützt|gefördert|bezuschusst)"
)
_COUNCIL_SHARE_RE = re.compile(rf"{_AMOUNT}\s+(?:vom|von\s+dem|aus\s+Mitteln\s+des)\s+Integrationsbeirat")


# "Die Veranstaltung in Reinheim „Oh, eine Dummel“ findet … statt": an event a council may help to pay for.
_EVENT_RE = re.compile(
    r"\b(?:Die|Der|Das|die|der|das)\s+(?P<name>(?:Veranstaltung|Fest|Festival|Aktion|Ausstellung|Lesung|Konzert)"
    r"(?:\s+in\s+[A-ZÄÖÜ][\w-]+)?\s+„[^“]{2,80}“)"
)
# "Der Kreisausländerbeirat beschließt …, sich als Mitveranstalter mit einer finanziellen Unterstützung in Höhe
# von 500,- Euro zu beteiligen."
_SHARE_RE = re.compile(
    rf"\bbeschlie(?:ßt|ßen)\b[^.]*?\bsich\b[^.]*?\bmit\s+(?:einer\s+finanziellen\s+Unterstützung|einem\s+"
    rf"(?:Zuschuss|Betrag|Beitrag))\s+{_HOW}\s+{_AMOUNT}\s+zu\s+beteiligen"
)


def _event(sentence: str) -> str | None:
    match = _EVENT_RE.search(sentence)
    return match.group("name") if match else None


def _share(sentence: str, event: str | None, line: int, agenda_number: str | None, status: GrantStatus) -> Grant | None:
    """The council's share in an event the text names before: a grant to that event."""
    match = _SHARE_RE.search(sentence)
    if not match or not event:
        return None
    amount = grant_amount(find_amounts(match.group("amount")), match.group("amount"), line)
    if not amount:
        return None
    return Grant(None, event, amount, None, status, parse_vote(sentence), agenda_number, line)


def _subject(sentence: str) -> str | None:
    match = _SUBJECT_RE.match(sentence)
    return match.group("name") if match else None


def _supported(
    sentence: str, subject: str | None, line: int, agenda_number: str | None, status: GrantStatus
) -> Grant | None:
    """A news item's "Der Verein wird mit … unterstützt": a grant to the organisation the
    paragraph is about; when the sentence says which part the council gives, that part."""
    match = _SUPPORTED_RE.match(sentence)
    if not match or not subject:
        return None
    share = _COUNCIL_SHARE_RE.search(sentence)
    written = share.group("amount") if share else match.group("amount")
    amount = grant_amount(find_amounts(written), written, line)
    if amount is None or amount == 0:
        return None
    return Grant(None, subject, amount, None, status, None, agenda_number, line)


def _matches(pattern: re.Pattern, sentence: str):
    """Every place the pattern fits, not only the leftmost: "Aus den Mitteln … werden dem Verein …"."""
    position = 0
    while position < len(sentence):
        match = pattern.search(sentence, position)
        if not match:
            return
        yield match
        position = match.start() + 1


def _sentence_grant(sentence: str, line: int, agenda_number: str | None, status: GrantStatus) -> Grant | None:
    for pattern in _PATTERNS:
        for match in _matches(pattern, sentence):
            grant = _grant_from(match, sentence, line, agenda_number, status)
            if grant is not None:
                return grant
    return None


def _grant_from(
    match: re.Match, sentence: str, line: int, agenda_number: str | None, status: GrantStatus
) -> Grant | None:
    applicant = clean_applicant(match.group("applicant"))
    if not applicant or _NOT_APPLICANT_RE.search(applicant) or not applicant[0].isupper() and applicant[0] not in '„"':
        return None
    if _REQUESTED_RE.search(sentence[: match.start("amount")]):
        return None  # "X beantragte … eine Förderung in Höhe von 2.000 Euro": asked for, not granted
    groups = match.groupdict()
    purpose = (groups.get("purpose") or groups.get("purpose2") or "").strip(" ,;.") or None
    amount = grant_amount(find_amounts(match.group("amount")), match.group("amount"), line)
    if amount is None or amount == 0:
        return None
    rejected = re.search(r"\babgelehnt\b", sentence)
    # "bis zu" right before the amount: a ceiling.
    before = sentence[max(0, match.start("amount") - 20) : match.end("amount")]
    return Grant(
        None,
        applicant,
        None if rejected else amount,
        purpose,
        GrantStatus.REJECTED if rejected else status,
        parse_vote(sentence),
        agenda_number,
        line,
        ceiling=not rejected and bool(CEILING_RE.search(before)),
    )


def _same(grant: Grant, other: Grant) -> bool:
    if grant.amount != other.amount or not grant.applicant or not other.applicant:
        return False
    a, b = grant.applicant.lower(), other.applicant.lower()
    return a in b or b in a


# News style: "Der Circolo Italo-Tedesco bekommt 500 Euro für ein Frühlingsfest, 400 Euro für die Beratung …",
# "Das Kulturzentrum erhält 1100 Euro, die Türkisch-Islamische Gemeinde 650 Euro (…)",
# "Der Verein „Wir in Deutschland“ darf sich über 500 Euro für das Projekt „Herzstück Familie“ … freuen".
_NEWS_SUBJECT_RE = re.compile(
    r"^(?:[-–•*]\s*)?(?:Der|Die|Das)\s+(?P<name>[A-ZÄÖÜ„\"](?:[^,;„“\"]|„[^“]*“|\"[^\"]*\"){1,90}?)\s+"
    r"(?P<verb>erhält|bekommt|erhielt|bekam|darf\s+sich\s+über|wird\s+mit|wurde\s+mit|(?=\d[\d.]*\s*(?:€|Euro)))\s?"
)
_NOT_NEWS_SUBJECT_RE = re.compile(
    r"^(?:Integrations|Ausländer|Migrations|Stadt|Bezirks|Rat\b|Verwaltung|Kommune|Gemeinde\b|Kreis|Land\b|"
    r"Bund\b|Jury|Vereine\b|Migrantenvereine|Antragsteller)",
)
_NEWS_AMOUNT_RE = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d{2,6})(?:,(?:\d{2}|-{1,2}))?\s*(?:€|Euro\b|EUR\b)?")
_ELLIPSIS_RE = re.compile(
    r",\s+(?:der|die|das)\s+(?P<name>[A-ZÄÖÜ][^,;()]{2,80}?)\s+(?P<amount>\d[\d.]*(?:,\d{2})?\s*(?:€|Euro\b))"
)


def news_grants(
    sentence: str, line: int, agenda_number: str | None, status: GrantStatus, news_before: bool = False
) -> list[Grant]:
    """Every "<amount> (Euro) für <purpose>" after a receiving verb is a grant to the
    sentence's subject; "…, die Gemeinde X 650 Euro" after it is one more."""
    sentence = re.split(r":\s+(?=(?:Der|Die|Das)\s)", sentence, maxsplit=1)[-1]  # "… hat entschieden: Der Verein …"
    match = _NEWS_SUBJECT_RE.match(sentence)
    if match and not match.group("verb") and not news_before:
        return []  # no verb of its own: only as the next item of a news-style list
    if not match or _NOT_NEWS_SUBJECT_RE.match(match.group("name")) or _REQUESTED_RE.search(sentence):
        return []
    name = clean_applicant(match.group("name"))
    rest = sentence[match.end() :]
    ellipsis = _ELLIPSIS_RE.search(rest)
    own = rest[: ellipsis.start()] if ellipsis else rest
    grants = []
    for piece in re.split(r",\s*|\s+(?:und|sowie)\s+(?=(?:über\s+)?\d)", own):
        amount_match = _NEWS_AMOUNT_RE.match(piece.strip().removeprefix("über ").strip())
        if not amount_match:
            continue
        written = amount_match.group(0)
        # An amount without "Euro" counts only in a list whose other amounts say "Euro".
        if not re.search(r"€|Euro|EUR", written) and not re.search(r"\d\s*(?:€|Euro)", own):
            continue
        value = grant_amount(
            find_amounts(written + ("" if re.search(r"€|Euro|EUR", written) else " Euro")), written, line
        )
        if not value:
            continue
        purpose = re.search(r"\bfür\s+(?P<p>.+?)(?:\s+(?:unterstützt|freuen)\b|\s*[.(]|$)", piece)
        grants.append(
            Grant(None, name, value, purpose.group("p").strip() if purpose else None, status, None, agenda_number, line)
        )
    if grants and ellipsis:
        value = grant_amount(find_amounts(ellipsis.group("amount")), ellipsis.group("amount"), line)
        if value:
            grants.append(
                Grant(None, clean_applicant(ellipsis.group("name")), value, None, status, None, agenda_number, line)
            )
    return grants
