"""Grants laid out as a table of recipients and amounts:

    Nr.       Antragsteller           Projekt               Betrag        Abstimmung
    07/2019   Nachbarschaftsladen …   Sprachcafé            EUR 200       einstimmig

Columns are separated by two or more spaces, tabs or "|". The header row must name a
recipient column and an amount column; a "Summe"/"Gesamt" row is a total, not a grant.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bot.knowledge.parse_amounts import bare_amount, find_amounts
from bot.knowledge.parse_grant_block import APPLICATION_NUMBER, clean_applicant
from bot.knowledge.parse_lines import Line, LineError, columns
from bot.knowledge.parse_votes import VOTE_WORDS_RE, parse_vote
from bot.knowledge.records import Grant, GrantStatus, ParseWarning

_HEADER_CELLS = [
    ("requested", r"beantragt|Antragssumme|Kosten"),
    ("applicant", r"Antragsteller|Empfänger|Träger|Verein|Organisation|Institution"),
    ("number", r"^(?:Antrag|Antrags-?Nr|Nr\.?|lfd\.?|Antragsnummer)\b"),
    ("purpose", r"Projekt|Zweck|Maßnahme|Vorhaben|Titel"),
    ("vote", r"Abstimmung|Votum|Ergebnis|Beschluss"),
    ("amount", r"Betrag|Zuwendung|Summe|Euro|€|Höhe|Förder|bewilligt|empfohlen"),
]
_TOTAL_RE = re.compile(r"^(?:Summe|Gesamt|Insgesamt|Zwischensumme)\b", re.IGNORECASE)
_RULE_RE = re.compile(r"^[-=:+_ ]+$")


def _field(cell: str) -> str | None:
    for name, pattern in _HEADER_CELLS:
        if re.search(pattern, cell, re.IGNORECASE):
            return name
    return None


def find_table(lines: list[Line], index: int) -> list[str | None] | None:
    """The column fields when ``lines[index]`` is the header row of a grants table."""
    cells = columns(lines[index])
    if len(cells) < 3 or len(lines[index].text) > 160:
        return None
    fields = [_field(cell) for cell in cells]
    return fields if "applicant" in fields and "amount" in fields else None


def _amount(cell: str, line: int) -> Decimal | None:
    """The amount in a cell of the amount column; the header already says it is euros."""
    hits = find_amounts(cell)
    hit = hits[0] if hits else bare_amount(cell)
    if hit is None and re.fullmatch(r"\d{1,6}", cell.strip()):
        return Decimal(cell.strip()).quantize(Decimal("0.01"))
    if (hit is None and re.search(r"\d", cell)) or (hit is not None and hit.value is None):
        raise LineError(
            line,
            f"Der Betrag „{hit.raw if hit else cell}“ in der Tabelle ist nicht lesbar. Eine "
            "Zuwendung mit unlesbarem Betrag wird nicht übernommen – bitte die Zahl im Dokument prüfen.",
        )
    return hit.value if hit else None


def _row(cells: list[str], fields: list[str | None], line: int) -> dict:
    row: dict = {"texts": []}
    if len(cells) == len(fields):
        for cell, name in zip(cells, fields, strict=True):
            if name == "amount":
                row["amount"] = _amount(cell, line)
            elif name in ("number", "applicant", "purpose", "vote"):
                row[name] = cell
        return row
    # Cells missing or merged: assign by what each cell looks like.
    for cell in cells:
        if "number" not in row and re.fullmatch(APPLICATION_NUMBER, cell):
            row["number"] = cell
        elif "amount" not in row and find_amounts(cell):
            row["amount"] = _amount(cell, line)
        elif VOTE_WORDS_RE.search(cell) or re.search(r"abgelehnt", cell, re.IGNORECASE):
            row["vote"] = cell
        else:
            row["texts"].append(cell)
    for name, text in zip(("applicant", "purpose"), row["texts"], strict=False):  # fewer texts: no purpose
        row[name] = text
    return row


def table_grants(
    lines: list[Line],
    index: int,
    fields: list[str | None],
    agenda_number: str | None,
    status: GrantStatus,
    warnings: list[ParseWarning],
) -> tuple[list[Grant], int]:
    """Grants from the table whose header is ``lines[index]``; also the index after it."""
    grants: list[Grant] = []
    position = index + 1
    while position < len(lines):
        line = lines[position]
        if line.blank:
            following = next((later for later in lines[position + 1 :] if not later.blank), None)
            if following is None or len(columns(following)) < 2 or not find_amounts(following.text):
                break
            position += 1
            continue
        cells = columns(line)
        if all(_RULE_RE.match(cell) for cell in cells):
            position += 1
            continue
        if len(cells) < 2:
            break
        position += 1
        if _TOTAL_RE.match(cells[0]) or (len(cells) > 1 and _TOTAL_RE.match(cells[1])):
            continue
        row = _row(cells, fields, line.number)
        vote_cell = row.get("vote") or ""
        rejected = bool(re.search(r"abgelehnt", line.text, re.IGNORECASE))
        applicant = clean_applicant(row.get("applicant") or "") or None
        number = row.get("number") if row.get("number") and re.fullmatch(APPLICATION_NUMBER, row["number"]) else None
        amount = row.get("amount")
        if rejected:
            grants.append(
                Grant(
                    number,
                    applicant,
                    None,
                    row.get("purpose"),
                    GrantStatus.REJECTED,
                    parse_vote(vote_cell),
                    agenda_number,
                    line.number,
                )
            )
        elif amount == 0:
            warnings.append(ParseWarning(line.number, "Tabellenzeile mit 0,00 € – nicht als Zuwendung übernommen."))
        elif applicant or amount is not None:
            if amount is None:
                warnings.append(ParseWarning(line.number, "Tabellenzeile ohne Betrag – ohne Betrag übernommen."))
            grants.append(
                Grant(
                    number,
                    applicant,
                    amount,
                    row.get("purpose"),
                    status,
                    parse_vote(vote_cell),
                    agenda_number,
                    line.number,
                )
            )
        else:
            warnings.append(ParseWarning(line.number, f"Tabellenzeile nicht verstanden: „{line.text}“"))
    return grants, position
