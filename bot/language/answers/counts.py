"""Answers that count or compare: meetings, applications, money per council, the biggest grant.

Every count is a count of the bot's documents: the answers say "in meinen Unterlagen"
and that there can be more, never that the list is complete.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

from bot.core.enums import GrantStatus
from bot.core.facts import GrantFact, MeetingFact
from bot.language.answers import Answer, Button
from bot.language.answers.common import BUTTON_LIMIT, LIST_LIMIT, bullets, council_label, finish, first_of, short_source
from bot.language.answers.grants import decision_lines, purpose_line
from bot.language.answers.meetings import meeting_name
from bot.language.format import format_amount

TERMS = frozenset({"Integrationsbeirat", "Sitzung", "Antrag"})
MAYBE_MORE = "Es kann mehr {what} geben."
NOT_ALL_PAPERS = "Ich habe nicht von jedem Beirat gleich viele Papiere."


def _scope(council: str | None, period: str | None) -> str:
    """ "vom Integrations·beirat Mitte im Mai 2019" (either part may be missing)."""
    parts = [f"vom {council_label(council)}" if council else "", period or ""]
    return " ".join(p for p in parts if p)


def _counted(lines: list[str], sources, rest: Sequence[str] = ()) -> Answer:
    """A count: all its lines first; its documents in one line, their list as more.

    The documents are not spelled out up front: the list already names each meeting,
    and a source sentence per document would say every date twice.
    """
    documents = list(dict.fromkeys(short_source(source) for source in sources))
    if not documents:
        return finish([*lines, *rest], limit=len(lines), terms=TERMS)
    many = f"Das steht in {len(documents)} Dokumenten."
    lines = [*lines, "Das steht in einem Dokument." if len(documents) == 1 else many]
    rest = [*rest, "Das sind die Dokumente:", *(f"- {d}" for d in documents)]
    return finish([*lines, *rest], limit=len(lines), terms=TERMS)


def _sentence(*words: str | None) -> str:
    return " ".join(w for w in words if w) + "."


def _amount(grant: GrantFact) -> str:
    money = format_amount(grant.amount) if grant.amount is not None else "kein Betrag"
    return f"bis zu {money}" if grant.ceiling and grant.amount is not None else money


def _name(grant: GrantFact) -> str:
    return grant.organisation or grant.applicant_as_written or f"Antrag {grant.application_number or 'ohne Namen'}"


def meeting_count(meetings: Sequence[MeetingFact], council: str | None = None, period: str | None = None) -> Answer:
    """How many meetings the documents name, and which (by council when no council is asked)."""
    scope = _scope(council, period)
    if not meetings:
        return Answer(
            text=_sentence("In meinen Unterlagen ist keine Sitzung", scope) + "\n" + MAYBE_MORE.format(what="Sitzungen")
        )
    count = "1 Sitzung" if len(meetings) == 1 else f"{len(meetings)} Sitzungen"
    verb = "ist" if len(meetings) == 1 else "sind"
    lines = [_sentence(f"In meinen Unterlagen {verb} {count}", scope), MAYBE_MORE.format(what="Sitzungen")]
    councils = Counter(m.council for m in meetings if m.council)
    if council is None and len(councils) > 1:
        lines.append(f"Sie sind von {len(councils)} Beiräten:")
        lines += bullets(f"{council_label(name)}: {n}" for name, n in councils.most_common())
    else:
        lines.append("Das sind die Sitzungen:" if len(meetings) > 1 else "Das ist die Sitzung:")
        lines += bullets(meeting_name(m) for m in meetings[:LIST_LIMIT])
        if len(meetings) > LIST_LIMIT:
            lines.append(first_of(LIST_LIMIT, len(meetings)) + ".")
    return _counted(lines, [m.source for m in meetings])


def grant_count(
    grants: Sequence[GrantFact], undated: int = 0, council: str | None = None, period: str | None = None
) -> Answer:
    """How many applications for money the documents name, and what became of them."""
    scope = _scope(council, period)
    if not grants:
        lines = [_sentence("In meinen Unterlagen ist kein Antrag auf Geld", scope)]
    else:
        count = "1 Antrag" if len(grants) == 1 else f"{len(grants)} Anträge"
        verb = "ist" if len(grants) == 1 else "sind"
        lines = [_sentence(f"In meinen Unterlagen {verb} {count} auf Geld", scope)]
        statuses = Counter(g.status for g in grants)
        for status, text in (
            (GrantStatus.RECOMMENDED, "Für {n} schlägt der Beirat Geld vor."),
            (GrantStatus.DECIDED, "{n} {verb} entschieden."),
            (GrantStatus.REJECTED, "{n} {verb} abgelehnt."),
        ):
            if statuses[status] and statuses[status] != len(grants):
                lines.append(text.format(n=statuses[status], verb="ist" if statuses[status] == 1 else "sind"))
    lines += _undated_lines(undated)
    lines.append(MAYBE_MORE.format(what="Anträge"))
    return _counted(lines, [g.source for g in grants])


def _ranking_lines(totals: Sequence[tuple[str, Decimal, int]], unknown: Sequence[str], label) -> list[str]:
    rest = [f"{label(name)}: {format_amount(total)}" for name, total, _ in totals[1:]]
    lines = ["Die anderen:", *bullets(rest)] if rest else []
    if unknown:
        lines.append("Bei manchen Anträgen fehlt der Betrag.")
    return lines


def council_ranking(
    totals: Sequence[tuple[str, Decimal, int]],
    unknown: Sequence[str],
    grants: Sequence[GrantFact],
    period: str | None = None,
) -> Answer:
    """Which council's applications got the most money (recommended or decided)."""
    if not totals:
        return Answer(text=_sentence("In meinen Unterlagen ist kein Geld", period))
    name, total, n = totals[0]
    lines = [
        _sentence(f"Am meisten Geld gab es beim {council_label(name)}", period),
        f"Das sind {format_amount(total)} für {n} Anträge." if n > 1 else f"Das sind {format_amount(total)}.",
        "So steht es in meinen Unterlagen.",
        NOT_ALL_PAPERS,
    ]
    first = len(lines)
    lines += _ranking_lines(totals, unknown, council_label)
    return finish(lines, [g.source for g in grants if g.source.council == name], limit=first, terms=TERMS)


def organisation_ranking(
    totals: Sequence[tuple[str, Decimal, int]],
    unknown: Sequence[str],
    grants: Sequence[GrantFact],
    council: str | None = None,
    period: str | None = None,
) -> Answer:
    """Who got the most money (recommended or decided), from the documents."""
    scope = _scope(council, period)
    if not totals:
        return Answer(text=_sentence("In meinen Unterlagen ist kein Geld", scope))
    name, total, n = totals[0]
    lines = [
        _sentence(f"Am meisten Geld bekam: {name}"),
        f"Das sind {format_amount(total)} für {n} Anträge." if n > 1 else f"Das sind {format_amount(total)}.",
        _sentence("So steht es in meinen Unterlagen", scope),
    ]
    first = len(lines)
    lines += _ranking_lines(totals[:LIST_LIMIT], unknown, str)
    chosen = [g for g in grants if (g.organisation or g.applicant_as_written) == name]
    return finish(lines, [g.source for g in chosen], limit=first, terms=TERMS)


def extreme_grant(
    ranked: Sequence[GrantFact], smallest: bool = False, council: str | None = None, period: str | None = None
) -> Answer:
    """The biggest (or smallest) single amount in the documents; ties are all named."""
    scope = _scope(council, period)
    if not ranked:
        return Answer(text=_sentence("In meinen Unterlagen ist kein Betrag", scope))
    top = ranked[0]
    ties = [g for g in ranked if g.amount == top.amount]
    word = "kleinste" if smallest else "größte"
    lines = [_sentence(f"Der {word} Betrag", scope, f"ist {_amount(top)}"), "So steht es in meinen Unterlagen."]
    if len(ties) == 1:
        lines += [_who(top), purpose_line(top), *decision_lines(top)]
    else:
        lines.append(f"Diesen Betrag gibt es {len(ties)} Mal:")
        lines += bullets(_name(g) for g in ties)
    return finish(lines, [g.source for g in ties], terms=TERMS)


def _who(grant: GrantFact) -> str:
    name = grant.organisation or grant.applicant_as_written
    if name:
        return f"Der Antrag ist von: {name}."
    if grant.application_number:
        return f"Das ist der Antrag {grant.application_number}."
    return "Im Protokoll steht kein Name."


def grants_in_period(
    grants: Sequence[GrantFact],
    period: str,
    *,
    undated: int = 0,
    council: str | None = None,
    total: bool = False,
    years: Sequence[int] = (),
    intent: str = "ask_grants_list",
) -> Answer:
    """Applications (or their sum) in a period that is not one whole year ("im Mai 2019")."""
    when = f"{period[0].upper()}{period[1:]}"
    where = [f"Es geht um den {council_label(council)}."] if council else []
    if not grants:
        lines = [f"{when} habe ich keinen Antrag auf Geld.", *where, *_undated_lines(undated)]
        if years:
            lines.append("Für diese Jahre habe ich Anträge:")
        context = {"council": council} if council else {}
        buttons = tuple(Button.for_intent(str(y), intent, {**context, "year": str(y)}) for y in years[-BUTTON_LIMIT:])
        return Answer(text="\n".join(lines), buttons=buttons)
    count = "1 Antrag" if len(grants) == 1 else f"{len(grants)} Anträge"
    counted = [g for g in grants if g.status != GrantStatus.REJECTED]
    amounts = [g.amount for g in counted if g.amount is not None]
    if not total:
        lines = [f"{when} gab es {count} auf Geld.", *where]
    elif len(amounts) < len(counted):
        lines = [f"{when} gab es {count} auf Geld.", *where, "Bei einem Antrag fehlt der Betrag."]
        lines.append("Deshalb kann ich keine Summe nennen.")
    else:
        most = "höchstens " if any(g.ceiling for g in counted) else ""
        lines = [f"{when} gab es zusammen {most}{format_amount(sum(amounts, Decimal('0')))}.", *where]
        lines.append(
            f"Das war für {count}." if len(counted) == len(grants) else f"Das war für {len(counted)} von {count}."
        )
        lines += ["Abgelehnte Anträge zählen nicht mit."] if len(counted) < len(grants) else []
    # A total shows its sum first (the list as more); a list shows its first LIST_LIMIT items.
    first = len(lines) if total else len(lines) + len(_undated_lines(undated)) + 1 + LIST_LIMIT
    lines += _undated_lines(undated)
    lines += ["Das sind die Anträge:", *bullets(f"{_name(g)}: {_amount(g)}" for g in grants)]
    if len(grants) > LIST_LIMIT and not total:
        lines.insert(first, first_of(LIST_LIMIT, len(grants)) + ".")
        first += 1
    return _counted(lines[:first], [g.source for g in grants], rest=lines[first:])


def _undated_lines(undated: int) -> list[str]:
    if not undated:
        return []
    many = f"Bei {undated} Anträgen steht nur das Jahr." if undated > 1 else "Bei 1 Antrag steht nur das Jahr."
    return [many, "Die fehlen in dieser Liste."]
