"""Actions that count or compare: how many meetings or applications, who got the most money,
the biggest grant. A council and a period filter when the message names them."""

from __future__ import annotations

import re

from bot.actions.common import BeiratAction, Context, EarlyReply, Reply
from bot.core import periods
from bot.core.periods import Period
from bot.language.answers import counts as answers
from bot.language.answers.discussion import no_passage_text
from bot.language.periods import period_phrase
from bot.queries import counts as queries

# Which comparison a ranking question asks for, from its words (one intent for all three).
_SMALLEST = re.compile(r"\b(?:kleinst|niedrigst|wenigst|geringst)", re.IGNORECASE)
_BY_COUNCIL = re.compile(r"beir(?:at|äte)|bezirk|stadtteil", re.IGNORECASE)
_BY_ORGANISATION = re.compile(
    r"\bwer\b|\bwelche[rsnm]?\s+(?:verein|organisation|gruppe|initiative)|\bvereine?\b", re.IGNORECASE
)


def _phrase(period: Period | None) -> str | None:
    return period_phrase(period, periods.today()) if period else None


def _slots(council: str | None) -> dict:
    return {"council": council} if council else {}


class ActionMeetingCount(BeiratAction):
    action_name = "action_meeting_count"

    def respond(self, ctx: Context) -> Reply:
        council = ctx.council(required=False)
        period = ctx.period()
        meetings = queries.meetings(ctx.session, council, period)
        answer = answers.meeting_count(meetings, council, _phrase(period))
        passage = no_passage_text(meetings[-1].source) if meetings else None
        return Reply(answer, slots=_slots(council), factual=True, topic="meeting_count", passage=passage)


class ActionGrantCount(BeiratAction):
    action_name = "action_grant_count"

    def respond(self, ctx: Context) -> Reply:
        council = ctx.council(required=False)
        period = ctx.period()
        found = queries.grants_in(ctx.session, council, period)
        answer = answers.grant_count(found.grants, found.undated, council, _phrase(period))
        passage = no_passage_text(found.grants[-1].source) if found.grants else None
        return Reply(answer, slots=_slots(council), factual=True, topic="grant_count", passage=passage)


class ActionGrantRanking(BeiratAction):
    action_name = "action_grant_ranking"

    def respond(self, ctx: Context) -> Reply:
        text = (ctx.tracker.latest_message or {}).get("text") or ""
        council = ctx.council(required=False)
        period = ctx.period()
        phrase = _phrase(period)
        if not _SMALLEST.search(text) and _BY_ORGANISATION.search(text):
            money = queries.money_by_organisation(ctx.session, council, period)
            answer = answers.organisation_ranking(money.totals, money.unknown, money.grants, council, phrase)
            source = money.grants[0].source if money.grants else None
        elif not _SMALLEST.search(text) and _BY_COUNCIL.search(text) and council is None:
            money = queries.money_by_council(ctx.session, period)
            answer = answers.council_ranking(money.totals, money.unknown, money.grants, phrase)
            source = money.grants[0].source if money.grants else None
        else:
            smallest = bool(_SMALLEST.search(text))
            ranked = queries.ranked_grants(ctx.session, council, period, smallest=smallest)
            answer = answers.extreme_grant(ranked, smallest, council, phrase)
            source = ranked[0].source if ranked else None
        passage = no_passage_text(source) if source else None
        return Reply(answer, slots=_slots(council), factual=True, topic="grant_ranking", passage=passage)


def grants_year(ctx: Context, council: str | None, total: bool = False) -> int | None:
    """The year a grants list or total is filtered by, said in any way ("letztes Jahr").

    A period that is not one whole year ("im Mai 2019", "seit 2015") is answered here,
    raised as an early reply; a day ("am 01.04.2019") is left to the meeting date filter.
    """
    ctx.year()  # a year the bot cannot read ("19") is asked about again
    period = ctx.period()
    if period is None or period.whole_year:
        return period.whole_year if period else None
    found = queries.grants_in(ctx.session, council, period)
    answer = answers.grants_in_period(
        found.grants,
        _phrase(period) or "",
        undated=found.undated,
        council=council,
        total=total,
        years=queries.grant_years(ctx.session, council),
        intent=ctx.intent,
    )
    if not found.grants:
        raise EarlyReply(Reply(answer, slots={"year": None, "meeting_date": None}))
    topic = "grant_total" if total else "grants_list"
    passage = no_passage_text(found.grants[0].source)
    raise EarlyReply(Reply(answer, slots=_slots(council), factual=True, topic=topic, passage=passage))
