"""Answers about grants (Zuwendungen): amount, purpose, application status, lists, totals."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bot.core.enums import GrantStatus
from bot.core.facts import CuratedFact, GrantFact, GrantTotal
from bot.language.answers import Answer, Button
from bot.language.answers.common import (
    LIST_LIMIT,
    SENTENCE_LIMIT,
    association_note,
    bullets,
    council_label,
    finish,
    first_of,
    plain,
    quote,
    sentences,
    stop,
)
from bot.language.format import format_amount, format_date

TERMS = frozenset({"Integrationsbeirat", "Stadtbezirksrat", "Antrag"})
BEZIRKSRAT_DECIDES = plain("Der Stadtbezirksrat sagt dann Ja oder Nein.")


def _name(grant: GrantFact) -> str | None:
    return grant.organisation or grant.applicant_as_written


def _label(grant: GrantFact) -> str:
    """Who applied, for sentences and lists; honest when the protocol gives no name."""
    name = _name(grant)
    if name:
        return name
    if grant.application_number:
        return f"Antrag {grant.application_number}"
    return "Antrag ohne Namen"


def _amount(grant: GrantFact) -> str | None:
    if grant.amount is None:
        return None
    # "bis zu 2.200 Euro": a ceiling, never said as a payment.
    return f"bis zu {format_amount(grant.amount)}" if grant.ceiling else format_amount(grant.amount)


def _purpose(grant: GrantFact) -> str | None:
    """The purpose exactly as written, in quotes: „Internationales Fußball“."""
    purpose = " ".join((grant.purpose or "").split()).rstrip(".").strip()
    return quote(purpose) if purpose else None


def purpose_line(grant: GrantFact) -> str:
    purpose = _purpose(grant)
    # The purpose on a line of its own: a long title makes no long sentence of ours.
    return f"Das Geld ist für:\n{purpose}." if purpose else "Im Protokoll steht kein Zweck für das Geld."


def decision_lines(grant: GrantFact, council_named: bool = False, applicant_named: bool = False) -> list[str]:
    """What was decided, in the words the status allows: suggested, decided or rejected.

    ``council_named``: the answer named this grant's council already ("Der Beirat …");
    ``applicant_named``: it named the applicant ("Es gibt dafür …", "Der Antrag ist abgelehnt.")."""
    who = _label(grant)
    amount = _amount(grant)
    council = "Beirat" if council_named else council_label(grant.source.council)
    no_amount = ["Im Protokoll steht kein Betrag."]
    if grant.status == GrantStatus.RECOMMENDED:
        first = [f"Der {council} schlägt {amount} vor."] if amount else [f"Der {council} schlägt Geld vor.", *no_amount]
        return first + [BEZIRKSRAT_DECIDES]
    # The data does not say who decided or rejected (council or Stadtbezirksrat),
    # so these sentences name no one.
    if grant.status == GrantStatus.DECIDED:
        if amount:
            return [
                f"Die Entscheidung ist: Es gibt dafür {amount}."
                if applicant_named
                else f"Die Entscheidung ist: {who} bekommt {amount}."
            ]
        return [f"Die Entscheidung ist: {who} bekommt Geld.", *no_amount]
    if grant.status == GrantStatus.REJECTED:
        lines = ["Der Antrag ist abgelehnt."]
        if not applicant_named:
            lines.insert(0, f"Die Entscheidung ist: {who} bekommt kein Geld.")
        return lines + ([f"Der Antrag war über {amount}."] if amount else [])
    return ["Im Protokoll steht keine Entscheidung über den Antrag."]


def vote_lines(vote_text: str) -> list[str]:
    """ "einstimmig" in one sentence; counted votes one per line (a list is not written inline)."""
    parts = [p.strip() for p in vote_text.strip().rstrip(".").split(",") if p.strip()]
    if len(parts) == 1:
        return [f"So war die Abstimmung: {parts[0]}."]
    return ["So war die Abstimmung:", *(f"- {part}" for part in parts)]


def _intro(grant: GrantFact) -> list[str]:
    name = _name(grant)
    if not name:
        return (
            [f"Im Protokoll steht kein Name für den Antrag {grant.application_number}."]
            if grant.application_number
            else ["Im Protokoll steht kein Name für den Antrag."]
        )
    return [f"{name} hat Geld beantragt.", *association_note(name)]


def no_year_lead(year: int, grants: Sequence[GrantFact]) -> list[str]:
    """First lines when the year asked about has nothing: say so, then what is known."""
    # The name is left out: long names made this sentence too long.
    return [f"Für das Jahr {year} steht dazu nichts im Protokoll.", "Das weiß ich aus anderen Jahren."]


def grant_amount(grants: Sequence[GrantFact], lead: Sequence[str] = ()) -> Answer:
    """How much money an organisation gets (all its grants, newest data as given)."""
    name = _label(grants[0])
    lines: list[str] = list(lead)
    if len(grants) == 1:
        if not lead:  # after a lead the answer goes straight to the amount
            lines += _intro(grants[0])
        lines += decision_lines(grants[0])
        lines.append(purpose_line(grants[0]))
    elif lead:  # after a lead: the amounts at once, one line each
        lines += [f"{name} hat {len(grants)} Anträge gestellt:", *bullets(_item(g) for g in grants)]
    else:
        lines += [f"{name} hat {len(grants)} Anträge gestellt.", *association_note(name), "Hier sind sie:"]
        named: set[str | None] = set()
        after_proposals = 0
        for grant in grants:  # who decides after a proposal: said once, after the last proposal
            own = _numbered_lines(grant, grant.source.council in named)
            lines += [line for line in own if line != BEZIRKSRAT_DECIDES]
            named.add(grant.source.council)
            if grant.status == GrantStatus.RECOMMENDED:
                after_proposals = len(lines)
        if after_proposals:
            lines.insert(after_proposals, BEZIRKSRAT_DECIDES)
    limit = SENTENCE_LIMIT + len(lead) + (len(grants) if lead else 0)
    return finish(lines, [g.source for g in grants], limit=limit, terms=TERMS)


def _numbered_lines(grant: GrantFact, council_named: bool = False) -> list[str]:
    purpose = _purpose(grant)
    number = f"Der Antrag {grant.application_number}" if grant.application_number else "Ein Antrag"
    first = f"{number} ist für:\n{purpose}." if purpose else f"{number} hat keinen Zweck im Protokoll."
    return [first, *decision_lines(grant, council_named, applicant_named=True)]


def grant_purpose(grants: Sequence[GrantFact], lead: Sequence[str] = ()) -> Answer:
    """What the money is for."""
    if len(grants) == 1:
        grant = grants[0]
        name = _name(grant)
        if name:  # the purpose first, what "e.V." means after it
            first = [f"{name} hat Geld beantragt.", purpose_line(grant), *association_note(name)]
        else:
            first = _intro(grant) + [purpose_line(grant)]
        lines = [*lead, *first, *decision_lines(grant)]
        return finish(lines, [grant.source], limit=SENTENCE_LIMIT + len(lead), terms=TERMS)
    name = _label(grants[0])
    items = [_purpose(g) or "kein Zweck im Protokoll" for g in grants]
    lines = [*lead, f"{name} hat {len(grants)} Anträge gestellt.", "Das Geld ist für:", *bullets(items)]
    return finish(lines, [g.source for g in grants], limit=2 + len(lead) + LIST_LIMIT, terms=TERMS)


def subject_grants(subject: str, grants: Sequence[GrantFact]) -> Answer:
    """Grants whose purpose or protocol text matches a subject ("Sprachkurs"), with amounts."""
    topic = quote(subject)
    if not grants:
        lines = [f"Zum Thema {topic} steht nichts in den Protokollen.", "Fragen Sie gerne nach allen Projekten."]
        return Answer(text="\n".join(lines), buttons=(LIST_BUTTON,))
    count = "1 Antrag" if len(grants) == 1 else f"{len(grants)} Anträge"
    items = (f"{_item(g)} (abgelehnt)" if g.status == GrantStatus.REJECTED else _item(g) for g in grants)
    lines = [f"Zum Thema {topic} habe ich {count} gefunden:", *bullets(items)]
    if all(g.status == GrantStatus.RECOMMENDED for g in grants):
        lines.append(plain("Der Integrationsbeirat schlägt das Geld vor."))
        lines.append(plain("Der Stadtbezirksrat sagt dann Ja oder Nein."))
    return finish(lines, [g.source for g in grants], limit=1 + LIST_LIMIT, terms=TERMS)


def subject_total(subject: str, total: GrantTotal) -> Answer:
    """The sum of the grants about a subject (not rejected ones)."""
    count = "1 Antrag" if total.count == 1 else f"{total.count} Anträge"
    most = "höchstens " if total.ceilings else ""
    lines = [
        f"Zum Thema {quote(subject)} habe ich {count} gefunden.",
        f"Zusammen sind das {most}{format_amount(total.total)}.",
        "Abgelehnte Anträge zählen nicht mit.",
    ]
    return finish(lines, total.sources, terms=TERMS)


LIST_BUTTON = Button("Welche Projekte haben Geld bekommen?", "/ask_grants_list")


def application_status(grants: Sequence[GrantFact]) -> Answer:
    """What happened to application number X."""
    if len({_name(g) for g in grants}) > 1:
        return _same_number(grants)
    lines: list[str] = []
    for grant in grants:
        name = _name(grant)
        if name:
            lines += [stop(f"Der Antrag {grant.application_number} ist von {name}"), *association_note(name)]
        else:
            lines += _intro(grant)
        lines += decision_lines(grant)
        lines.append(purpose_line(grant))
        if grant.vote_text:
            lines += vote_lines(grant.vote_text)
    return finish(lines, [g.source for g in grants], terms=TERMS)


def _same_number(grants: Sequence[GrantFact]) -> Answer:
    """One number, several applicants (numbers start again, e.g. at every meeting): a list
    by what was decided, in pages, not every application's story on one page."""
    number = grants[0].application_number
    lines = [f"Die Nummer {number} steht bei {len(grants)} Anträgen.", "Die Anträge sind von verschiedenen Gruppen."]
    first, rest, shown = _by_status(grants, council_label(grants[0].source.council))
    if rest:
        first.append(first_of(shown, len(grants)) + ".")
    if any(g.status == GrantStatus.RECOMMENDED for g in grants):
        first.append(plain("Der Stadtbezirksrat sagt dann Ja oder Nein."))
    lines += first
    return finish(lines + rest, [g.source for g in grants], limit=len(lines), terms=TERMS)


def _by_status(grants: Sequence[GrantFact], where: str) -> tuple[list[str], list[str], int]:
    """(first page, rest, items on the first page): the grants under what was decided."""
    groups = [
        (GrantStatus.RECOMMENDED, f"Der {where} schlägt vor:"),
        (GrantStatus.DECIDED, "Diese Anträge sind entschieden:"),
        (GrantStatus.REJECTED, "Diese Anträge sind abgelehnt:"),
    ]
    # Pages: the first LIST_LIMIT items, said to be the first ones; the rest for "more".
    first: list[str] = []
    rest: list[str] = []
    shown = 0
    for status, heading in groups:
        members = [g for g in grants if g.status == status]
        page_now = members[: max(0, LIST_LIMIT - shown)]
        if page_now:
            first += [heading, *bullets(_item(g) for g in page_now)]
            shown += len(page_now)
        later = members[len(page_now) :]
        if later:
            rest += [heading, *bullets(_item(g) for g in later)]
    return first, rest, shown


def _item(grant: GrantFact) -> str:
    amount, purpose = _amount(grant), _purpose(grant)
    money = amount or "Geld"
    return f"{_label(grant)}: {money} für {purpose}" if purpose else f"{_label(grant)}: {money}"


def _count(n: int) -> str:
    return "1 Antrag auf Geld" if n == 1 else f"{n} Anträge auf Geld"


def _scope_lines(count: str, *, council=None, year=None, meeting_date=None) -> list[str]:
    """ "Im Jahr 2019 gab es 2 Anträge auf Geld." and where that was."""
    where = f"Das war im {council_label(council)}."
    if meeting_date:
        return [f"Bei der Sitzung am {format_date(meeting_date)} ging es um {count}.", where]
    if year:
        return [f"Im Jahr {year} gab es {count}.", where]
    verb = "steht" if count.startswith("1 ") else "stehen"
    return [f"In meinen Papieren {verb} {count}.", where]


def grants_list(
    grants: Sequence[GrantFact],
    *,
    council: str | None = None,
    year: int | None = None,
    meeting_date: dt.date | None = None,
) -> Answer:
    """Which applications there were, grouped by what was decided."""
    lines = _scope_lines(_count(len(grants)), council=council, year=year, meeting_date=meeting_date)
    first, rest, shown = _by_status(grants, council_label(council))
    if rest:
        first.append(first_of(shown, len(grants)) + ".")
    if any(g.status == GrantStatus.RECOMMENDED for g in grants):
        first.append(plain("Der Stadtbezirksrat sagt dann Ja oder Nein."))
    lines += first
    return finish(lines + rest, [g.source for g in grants], limit=len(lines), terms=TERMS)


def grant_total(total: GrantTotal, *, council: str | None = None, year: int | None = None) -> Answer:
    """How much money in total (recommended or decided, never rejected), for a council and/or year."""
    count = "1 Antrag" if total.count == 1 else f"{total.count} Anträge"
    if total.ceilings:  # "bis zu" amounts: the sum is the most that can be paid
        lines = [f"Zusammen sind das höchstens {format_amount(total.total)} für {count}."]
        lines.append("Bei manchen Anträgen steht nur der höchste Betrag.")
    else:
        lines = [f"Zusammen sind das {format_amount(total.total)} für {count}."]
    if year:
        lines.append(f"Das gilt für das Jahr {year} im {council_label(council)}.")
    else:
        lines.append(f"Das gilt für alle Papiere vom {council_label(council)}.")
    lines.append("Abgelehnte Anträge zählen nicht mit.")
    return finish(lines, total.sources, terms=TERMS)


def total_unknown() -> Answer:
    """A total would leave out an amount the protocol does not give: say so, no sum."""
    return Answer(text=("Bei einem Antrag steht kein Betrag im Protokoll.\nDeshalb kann ich keine Summe nennen."))


SOURCE_BUTTON = Button("Wo steht das?", "/ask_source_passage")


def curated(fact: CuratedFact) -> Answer:
    """A hand-written fact (knowledge/facts.yml); its source is one button away."""
    lines = [plain(sentence) for sentence in sentences(fact.text)]
    answer = finish(lines, terms=TERMS)
    # The source is one button away; the hint comes last, after everything else.
    hint = "Fragen Sie mich gerne: Wo steht das?"
    if answer.more:
        return Answer(text=answer.text, buttons=(SOURCE_BUTTON,), terms=TERMS, more=f"{answer.more}\n{hint}")
    return Answer(text=f"{answer.text}\n{hint}", buttons=(SOURCE_BUTTON,), terms=TERMS)


def curated_passage(fact: CuratedFact) -> str:
    """What ``last_passage`` stores for a curated fact: its source note."""
    return f"Die Quelle für diese Antwort:\n{fact.source_note.strip()}"
