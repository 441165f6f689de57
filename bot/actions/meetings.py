"""Actions about meetings: last, next, per year, place, time, agenda, number."""

from __future__ import annotations

from bot.actions.common import BeiratAction, Context, EarlyReply, Reply, meeting_slots, no_data
from bot.core.facts import MeetingFact
from bot.language.answers import common as texts
from bot.language.answers import meetings as answers
from bot.language.answers.discussion import no_passage_text
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
        year = ctx.year()
        if year is None:
            years = sorted({m.date.year for m in queries.list_meetings(ctx.session, council) if m.date})
            if not years:
                raise no_data()
            raise EarlyReply(texts.ask_year(years[-5:], ctx.intent))
        meetings = queries.list_meetings(ctx.session, council, year)
        if not meetings:
            # Nothing that year: say so, then offer the years that have meetings.
            years = sorted({m.date.year for m in queries.list_meetings(ctx.session, council) if m.date})
            answer = texts.no_data_for_year(year, years, ctx.intent, council)
            raise EarlyReply(Reply(answer, slots={"year": None}))
        return Reply(
            answers.meetings_in_year(meetings, year),
            slots={"council": council},
            factual=True,
            topic="meetings_in_year",
            passage=no_passage_text(meetings[0].source),
        )


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
