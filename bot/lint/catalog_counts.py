"""The answers of counting, periods and protocol content, rendered for the language check
(``bot.lint.catalog`` adds them): every text these answers can give with this database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sqlalchemy.orm import Session

from bot.core.periods import Period
from bot.language.answers import Answer, counts, discussion, meetings
from bot.language.periods import period_phrase
from bot.queries import councils as council_queries
from bot.queries import counts as count_queries
from bot.queries import meetings as meeting_queries
from bot.queries import statements as statement_queries

# Questions whose answers show protocol content: an event's date, a list, a heading with points.
CONTENT_QUESTIONS = (
    ("Termin", "Wann ist die Veranstaltung, die im Protokoll angekündigt wird?", True),
    ("Liste", "Welche Wünsche gab es?", False),
    ("Inhalt", "Was war das Ergebnis beim Fest?", False),
)


def answers(session: Session) -> Iterator[tuple[str, Answer]]:
    today = dt.date.today()
    names = [None, *(c.name for c in council_queries.list_councils(session))]
    for council in names:
        label = council or "alle"
        found = count_queries.meetings(session, council)
        yield f"Anzahl Sitzungen {label}", counts.meeting_count(found, council)
        grants = count_queries.grants_in(session, council)
        yield f"Anzahl Anträge {label}", counts.grant_count(grants.grants, grants.undated, council)
        ranked = count_queries.ranked_grants(session, council)
        yield f"größter Betrag {label}", counts.extreme_grant(ranked, False, council)
        yield (
            f"kleinster Betrag {label}",
            counts.extreme_grant(count_queries.ranked_grants(session, council, None, True), True, council),
        )
        money = count_queries.money_by_organisation(session, council)
        yield f"meistes Geld {label}", counts.organisation_ranking(money.totals, money.unknown, money.grants, council)
        years = sorted({m.date.year for m in meeting_queries.list_meetings(session, council) if m.date})
        for year in years:
            spring = Period.months(year, 3, 3)
            phrase = period_phrase(spring, today)
            in_spring = count_queries.grants_in(session, council, spring)
            for total in (False, True):
                answer = counts.grants_in_period(
                    in_spring.grants, phrase, undated=in_spring.undated, council=council, total=total, years=years
                )
                yield f"Anträge Frühjahr {year} {label} {'Summe' if total else 'Liste'}", answer
            in_period = meeting_queries.list_meetings(session, council, period=spring)
            if in_period:
                yield f"Sitzungen Frühjahr {year} {label}", meetings.meetings_in_year(in_period, year, period=phrase)
            else:
                yield f"keine Sitzung Frühjahr {year} {label}", meetings.no_meetings_in(phrase, years, "x", council)
        all_meetings = meeting_queries.list_meetings(session, council)
        if len(all_meetings) > 1:
            yield f"welche Sitzung {label}", meetings.ask_meeting(all_meetings, "ask_agenda")
    money = count_queries.money_by_council(session)
    yield "meistes Geld Beiräte", counts.council_ranking(money.totals, money.unknown, money.grants)
    yield from _content(session)


def _content(session: Session) -> Iterator[tuple[str, Answer]]:
    for label, question, want_date in CONTENT_QUESTIONS:
        found = statement_queries.find_statements(session, question, want_date=want_date)
        if found and want_date and found[0].days:
            yield f"Protokoll {label}", discussion.event_date(found[0])
        elif found:
            yield f"Protokoll {label}", discussion.statements(found)
        items = statement_queries.list_items(session, question)
        if items:
            yield f"Protokoll {label} Liste", discussion.list_points(items)
