"""All grants of one agenda item (or of a whole decision paper): labelled blocks,
bare lists ("03/2015, einstimmig, 500,- €"), tables and grants told in one sentence.

Whether a grant is recommended or decided comes from the text that introduces it
("Der Integrationsbeirat schlägt dem Stadtbezirksrat … vor" → recommended); a rejected
application ("abgelehnt") is kept as rejected without an amount, because no money was
granted. Cost tables, requested sums and "0,00 €" lines are never grants.
"""

from __future__ import annotations

import re

from bot.knowledge.parse_amounts import find_amounts, granted_hits
from bot.knowledge.parse_grant_block import (
    AMOUNT_FIRST_RE,
    ANCHOR_RE,
    LIST_ITEM_RE,
    NAMED_ANCHOR_RE,
    NOT_ANCHOR_RE,
    NUMBERED_RE,
    GrantBlock,
    applicant_text,
    label_of,
    purpose_and_number,
    section_status,
)
from bot.knowledge.parse_grant_prose import prose_grants
from bot.knowledge.parse_grant_table import find_table, table_grants
from bot.knowledge.parse_lines import Line
from bot.knowledge.records import Grant, GrantStatus, ParseWarning

_STOP_RE = re.compile(
    r"^(?:Begründung|Kostentabelle|Berücksichtigung|Finanzielle\s+Auswirkungen|Ergebnis\s+der\s+Klimawirkung|"
    r"Anlage|Darstellung\s+der|Gender|Teilergebnishaushalt)",
    re.IGNORECASE,
)


# "6. Die Zuwendung Nr. 11/2010 (…) wird … verwendet": about an earlier grant, not a new one.
_NOT_ENTRY_RE = re.compile(r"^(?:Die|Der)\s+(?:Zuwendung|Antrag)\s+(?:Nr\.|vom)")
_LIST_ENTRY_RE = re.compile(r"^(?:\d{1,2}[.)]|[-–•*])\s+(?P<rest>\S.+)$")
_MONEY_WORDS_RE = re.compile(r"Zuwendung|Förder|Zuschuss|Betrag|Summe|€|\bEUR\b|\bEuro\b|abgelehnt", re.IGNORECASE)
GRANT_CONTEXT_RE = re.compile(r"Zuwendung|Förder|Antr[äa]g|Mittel|Zuschuss|Projekt", re.IGNORECASE)


def _list_entry(text: str) -> re.Match | None:
    """ "1. Kulturverein Anatolia e.V. – Newroz-Fest: 1.400,00 € (einstimmig)" in a grants item."""
    entry = _LIST_ENTRY_RE.match(text)
    if not entry or label_of(entry.group("rest")) or _NOT_ENTRY_RE.match(entry.group("rest")):
        return None
    if len(entry.group("rest").split()) > 30:
        return None  # a paragraph of prose behind a bullet: the sentences are read as prose
    rest = entry.group("rest")
    granted = [h for h in granted_hits(rest) if h.value != 0]
    return entry if granted or (find_amounts(rest) and re.search(r"abgelehnt", rest)) else None


_NUMBERED_NAME_RE = re.compile(r"^\d{1,2}[.)]\s*(?P<rest>[A-Za-zÄÖÜäöü0-9„\"].{1,150})$")


def _numbered_name(text: str, following: str) -> re.Match | None:
    """ "1. Asyl e.V. Hannover" followed by "Zuwendungsbetrag: 2.000,00 €": the recipient
    stands on the numbered line itself, without a label."""
    match = _NUMBERED_NAME_RE.match(text)
    if not match or label_of(match.group("rest")) or find_amounts(text) or len(text.split()) > 14:
        return None
    label = label_of(NUMBERED_RE.sub("", following))
    return match if label and label[0] == "amount" else None


def _starts_block(
    text: str, block: GrantBlock | None, previous: str = "", grant_context: bool = False, following: str = ""
) -> tuple[str, re.Match | None] | None:
    anchor = ANCHOR_RE.match(text)
    if anchor and not NOT_ANCHOR_RE.match(anchor.group("rest")):
        return "anchor", anchor
    named = NAMED_ANCHOR_RE.match(text)
    if named:
        return "anchor", named
    item = LIST_ITEM_RE.match(text)
    if item and (
        find_amounts(item.group("rest")) or re.search(r"einstimmig|mehrheitlich|abgelehnt", item.group("rest"))
    ):
        return "anchor", item
    named_line = _numbered_name(text, following)
    if named_line:
        return "named", named_line
    plain = NUMBERED_RE.sub("", text)
    label = label_of(plain)
    if label and label[0] in ("applicant", "amount") and (NUMBERED_RE.match(text) or block is None):
        return "label", None
    if grant_context:
        entry = _list_entry(text)
        if entry:
            return "entry", entry
    # "Zuwendung i.H.v. … an …" starts a grant, unless it is a wrapped line of a sentence.
    sentence_goes_on = previous and not previous.endswith((".", ":", ")", "!", "?"))
    if (
        AMOUNT_FIRST_RE.match(text)
        and find_amounts(text)
        and not sentence_goes_on
        and (block is None or block.complete)
    ):
        return "label", None
    return None


def find_grants(
    lines: list[Line],
    agenda_number: str | None,
    status: GrantStatus | None,
    warnings: list[ParseWarning],
    grant_context: bool = True,
) -> tuple[list[Grant], set[int]]:
    """Grants in ``lines`` and the numbers of the lines they were read from. ``status`` is
    what the introducing text says (None: it does not say; each grant's own words decide,
    else it is taken as recommended with a warning). With ``grant_context`` (an item about
    grants) plain list entries with an amount count too."""
    grants: list[Grant] = []
    used: set[int] = set()
    unstated: list[int] = []  # lines of grants whose status the text does not state
    block: GrantBlock | None = None
    default = status or GrantStatus.RECOMMENDED

    def close() -> None:
        nonlocal block
        if block is not None:
            own = status or section_status(" ".join(block.texts), "")  # the item's words first, then the block's
            grant = _finish(block, agenda_number, own or default, warnings)
            if grant:
                grants.append(grant)
                if own is None and grant.status is not GrantStatus.REJECTED:
                    unstated.append(grant.line)
            used.update(block.lines)
        block = None

    index = 0
    while index < len(lines):
        line = lines[index]
        table = find_table(lines, index)
        if table:
            close()
            found, end = table_grants(lines, index, table, agenda_number, default, warnings)
            grants.extend(found)
            if status is None:
                unstated.extend(g.line for g in found if g.status is not GrantStatus.REJECTED)
            used.update(line.number for line in lines[index:end])
            index = end
            continue
        if line.blank:
            if block is not None:
                block.blank_seen = True
            index += 1
            continue
        if _STOP_RE.match(line.text):
            close()
            index += 1
            continue
        previous = lines[index - 1].text if index else ""
        # The next line that says something new (a "c/o …" contact line continues a name).
        following = next(
            (later.text for later in lines[index + 1 : index + 4] if not later.blank and not later.text[:1].islower()),
            "",
        )
        start = _starts_block(line.text, block, previous, grant_context, following)
        fresh = bool(start)
        if start:
            kind, match = start
            close()
            block = GrantBlock(line.number)
            if kind == "named":
                assert match is not None  # _starts_block gives a match with every kind but "label"
                block.applicant, block.last_field = [match.group("rest").strip()], "applicant"
                block.lines.append(line.number)
                block.texts.append(line.text)
                index += 1
                continue
            if kind in ("anchor", "entry"):
                assert match is not None  # as above: only "label" comes without a match
                block.number = match.groupdict().get("no") or match.groupdict().get("no2")
                block.lines.append(line.number)
                block.take_inline(match.group("rest"), line.number)
                index += 1
                continue
            line = Line(line.number, line.raw, NUMBERED_RE.sub("", line.text))
            lines = lines[:index] + [line] + lines[index + 1 :]
        if block is not None:
            taken = block.feed(lines, index)
            if taken:
                block.blank_seen = False
                index += taken
                continue
            close()
            if not fresh:
                continue  # read the line again outside the block
        index += 1
    close()
    prose, prose_lines, prose_unstated = prose_grants(lines, used, agenda_number, status, grants, warnings)
    grants += prose
    unstated += prose_unstated
    if unstated:
        warnings.append(
            ParseWarning(
                min(unstated),
                "Ob die Zuwendungen empfohlen oder beschlossen wurden, steht "
                "nicht im Text – als Empfehlung übernommen.",
            )
        )
    return grants, used | prose_lines


def _finish(
    block: GrantBlock, agenda_number: str | None, status: GrantStatus, warnings: list[ParseWarning]
) -> Grant | None:
    purpose, number = purpose_and_number(block)
    applicant = applicant_text(block)
    name = f"Antrag {number}" if number else (applicant or "Zuwendung")
    if block.unsure:
        warnings.append(ParseWarning(block.line, f"{name}: {block.unsure}"))
    if block.withdrawn and not block.rejected:
        warnings.append(ParseWarning(block.line, f"{name} wurde zurückgezogen oder vertagt – nicht übernommen."))
        return None
    if block.rejected:
        return Grant(number, applicant, None, purpose, GrantStatus.REJECTED, block.vote, agenda_number, block.line)
    if block.amount is None:
        if not applicant and not purpose:
            warnings.append(ParseWarning(block.line, f"{name}: weder Empfänger noch Betrag gefunden – übersprungen."))
            return None
        if not any(_MONEY_WORDS_RE.search(text) for text in block.texts):
            # "Antrag der Fraktionen … zur Modernisierung …", "Antrag Nr. 6 / Zu" (cut off): no grant at all.
            warnings.append(
                ParseWarning(
                    block.line, f"{name}: kein Betrag und kein Wort von Geld – nicht als Zuwendung übernommen."
                )
            )
            return None
        reason = "nur beantragte Summe oder Kosten genannt" if block.requested else "kein Betrag genannt"
        warnings.append(ParseWarning(block.line, f"{name}: {reason} – ohne Betrag übernommen."))
    elif block.amount == 0:
        warnings.append(ParseWarning(block.line, f"{name}: Betrag 0,00 € – nicht als Zuwendung übernommen."))
        return None
    return Grant(
        number, applicant, block.amount, purpose, status, block.vote, agenda_number, block.line, ceiling=block.ceiling
    )


def grant_intro(lines: list[Line]) -> str:
    """The text before the first grant line, which says what the grants are."""
    intro = []
    for index, line in enumerate(lines):
        if _starts_block(line.text, None) or find_table(lines, index):
            break
        intro.append(line.text)
    return " ".join(intro)
