"""Actions about meetings: last, next, per year, place, time, agenda, number."""

from __future__ import annotations

from bot.actions.common import BeiratAction, Context, EarlyReply, Reply, meeting_slots, no_data
from bot.core import periods
from bot.core.facts import MeetingFact
from bot.language.answers import common as texts
from bot.language.answers import meetings as answers
from bot.language.answers.discussion import no_passage_text
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
