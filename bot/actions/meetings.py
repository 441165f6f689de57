"""Actions about meetings: last, next, per year, place, time, agenda, number."""

from __future__ import annotations

import copy

from bot.actions.common import BeiratAction, Context, EarlyReply, Reply, entity, meeting_slots, no_data
from bot.core import periods
from bot.core.facts import MeetingFact
from bot.language.answers import common as texts
from bot.language.answers import meetings as answers
from bot.language.answers.discussion import no_passage_text
from bot.language.answers.names import not_understood
from bot.language.periods import period_phrase
from bot.queries import meetings as queries


def _meeting_reply(meeting: MeetingFact, answer, topic: str) -> Reply:
    return Reply(
        answer,
        slots=meeting_slots(meeting),
        factual=True,
        topic=topic,
        passage=no_passage_text(meeting.source),
    )


class ActionLastMeeting(BeiratAction):
    action_name = "action_last_meeting"

    def respond(self, ctx: Context) -> Reply:
        meeting = queries.latest_meeting(ctx.session, ctx.council())
        if meeting is None:
            raise no_data()
        return _meeting_reply(meeting, answers.last_meeting(meeting), "last_meeting")


class ActionNextMeeting(BeiratAction):
    action_name = "action_next_meeting"

    def respond(self, ctx: Context) -> Reply:
        meeting = queries.next_meeting(ctx.session, ctx.council())
        if meeting is None or meeting.date is None:
            # The protocols name no later meeting: say so, never guess a date.
            return Reply(answers.next_meeting(None))
        return _meeting_reply(meeting, answers.next_meeting(meeting), "next_meeting")


class ActionMeetingsInYear(BeiratAction):
    action_name = "action_meetings_in_year"

    def respond(self, ctx: Context) -> Reply:
        council = ctx.council()
        ctx.year()  # a year the bot cannot read ("19") is asked about again
        period = ctx.period()
        if period is None:
            years = _years(ctx, council)
            if not years:
                raise no_data()
            raise EarlyReply(texts.ask_year(years[-5:], ctx.intent))
        meetings = queries.list_meetings(ctx.session, council, period=period)
        phrase = period_phrase(period, periods.today())
        if not meetings:
            # Nothing then: say so, then offer the years that have meetings.
            years = _years(ctx, council)
            if period.whole_year:
                answer = texts.no_data_for_year(period.whole_year, years, ctx.intent, council)
            else:
                answer = answers.no_meetings_in(phrase, years, ctx.intent, council)
            raise EarlyReply(Reply(answer, slots={"year": None}))
        return Reply(
            answers.meetings_in_year(meetings, period.whole_year or 0, period=phrase),
            slots={"council": council},
            factual=True,
            topic="meetings_in_year",
            passage=no_passage_text(meetings[0].source),
        )


def _years(ctx: Context, council: str | None) -> list[int]:
    return sorted({m.date.year for m in queries.list_meetings(ctx.session, council) if m.date})


class ActionMeetingPlace(BeiratAction):
    action_name = "action_meeting_place"

    def respond(self, ctx: Context) -> Reply:
        meeting = ctx.meeting(ctx.council())
        return _meeting_reply(meeting, answers.meeting_place(meeting), "meeting_place")


class ActionMeetingTime(BeiratAction):
    action_name = "action_meeting_time"

    def respond(self, ctx: Context) -> Reply:
        meeting = ctx.meeting(ctx.council())
        return _meeting_reply(meeting, answers.meeting_time(meeting), "meeting_time")


class ActionMeetingNumber(BeiratAction):
    action_name = "action_meeting_number"

    def respond(self, ctx: Context) -> Reply:
        meeting = ctx.meeting(ctx.council())
        return _meeting_reply(meeting, answers.meeting_number(meeting), "meeting_number")


class ActionAgenda(BeiratAction):
    action_name = "action_agenda"

    def respond(self, ctx: Context) -> Reply:
        council = ctx.council()
        meeting = ctx.meeting(council)
        items = queries.agenda(ctx.session, council, meeting.date)
        if not items:
            raise no_data()
        return _meeting_reply(meeting, answers.agenda(items, meeting), "agenda")


# Questions that a year alone ("und 2012?") can ask again for another year.
YEAR_INTENTS = frozenset(
    {
        "ask_grants_list",
        "ask_grant_amount",
        "ask_grant_total",
        "ask_grant_count",
        "ask_grant_ranking",
        "ask_meetings_in_year",
        "ask_meeting_count",
    }
)
_DATE_ENTITIES = frozenset({"year", "meeting_date"})


def _previous_question(ctx: Context) -> tuple[str, dict[str, str]] | None:
    """(intent, entities) of the last question before this message, if a year can change it."""
    users = [e for e in ctx.tracker.events if e.get("event") == "user"][:-1]
    for event in reversed(users):
        parsed = event.get("parse_data") or {}
        intent = (parsed.get("intent") or {}).get("name") or ""
        if intent.startswith("ask_"):
            if intent not in YEAR_INTENTS:
                return None
            found = parsed.get("entities") or []
            entities = {e["entity"]: str(e["value"]) for e in found if e.get("entity") not in _DATE_ENTITIES}
            return intent, entities
    return None


class ActionYearFollowUp(BeiratAction):
    """A year alone ("und 2012?"): the last question again, for that year."""

    action_name = "action_year_follow_up"

    def respond(self, ctx: Context) -> Reply:
        from bot.actions.names import _action  # the action registry; names imports this package's actions

        year = entity(ctx.tracker, "year")
        previous = _previous_question(ctx)
        if not year:
            return Reply(not_understood())
        if previous is None:
            return Reply(answers.ask_about_year(year))
        intent, entities = previous
        cls = _action("action_" + intent.removeprefix("ask_"))
        if cls is None:
            return Reply(answers.ask_about_year(year))
        tracker = copy.copy(ctx.tracker)
        tracker.latest_message = {
            **(ctx.tracker.latest_message or {}),
            "intent": {"name": intent, "confidence": 1.0},
            "entities": [{"entity": k, "value": v} for k, v in {**entities, "year": year}.items()],
        }
        return cls().respond(Context(ctx.session, tracker))
