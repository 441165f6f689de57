"""Actions about people: members, chair, deputy, membership, party, attendance, guests."""

from __future__ import annotations

import re

from bot.actions.common import BeiratAction, Context, EarlyReply, Reply, entity, meeting_slots, no_data
from bot.core.facts import PersonFact
from bot.language.answers import common as texts
from bot.language.answers import members as answers
from bot.language.answers.discussion import no_passage_text
from bot.queries import members as queries


def resolve_person(ctx: Context, council: str | None) -> PersonFact:
    """The person asked about; asks when none is given, suggests when the name is unknown."""
    text = ctx.value("person")
    if not text:
        names = [p.full_name for p in queries.list_members(ctx.session, council)]
        if not names:
            raise no_data()
        raise EarlyReply(texts.ask_person(names, ctx.intent))
    found = queries.find_person(ctx.session, text, council)
    if not found.resolved:
        answer = texts.unknown_name(found.suggestions, ctx.intent, "person")
        raise EarlyReply(Reply(answer, slots={"person": None}))
    person = queries.person(ctx.session, found.resolved, council)
    if person is None:
        raise no_data()
    return person


def _person_reply(person: PersonFact, answer, topic: str) -> Reply:
    return Reply(
        answer,
        slots={"person": person.full_name},
        factual=True,
        topic=topic,
        passage=no_passage_text(person.source),
    )


class _CouncilMembers:
    """Shared by the member list and the member count: the council's members.

    A mixin, not an Action: rasa_sdk registers every concrete Action subclass.
    """

    template: staticmethod
    topic: str

    def respond(self, ctx: Context) -> Reply:
        council = ctx.council()
        people = queries.list_members(ctx.session, council)
        if not people:
            raise no_data()
        return Reply(
            self.template(people, council),
            slots={"council": council},
            factual=True,
            topic=self.topic,
            passage=no_passage_text(people[0].source),
        )


class ActionMembers(_CouncilMembers, BeiratAction):
    action_name = "action_members"
    topic = "members"
    template = staticmethod(answers.members)


class ActionMemberCount(_CouncilMembers, BeiratAction):
    action_name = "action_member_count"
    topic = "member_count"
    template = staticmethod(answers.member_count)


class ActionChair(BeiratAction):
    action_name = "action_chair"

    def respond(self, ctx: Context) -> Reply:
        person = queries.chair(ctx.session, ctx.council())
        if person is None:
            raise no_data()
        return _person_reply(person, answers.chair(person), "chair")


class ActionDeputy(BeiratAction):
    action_name = "action_deputy"

    def respond(self, ctx: Context) -> Reply:
        person = queries.deputy(ctx.session, ctx.council())
        if person is None:
            raise no_data()
        return _person_reply(person, answers.deputy(person), "deputy")


# "War Herr X bei der Sitzung im April?": about a meeting, so attendance, not membership.
_ABOUT_A_MEETING_RE = re.compile(
    r"\b(?:sitzung|treffen|anwesend|dabei|gekommen|teilgenommen|gefehlt|entschuldigt)\b|\bwar\b[^?]*\bda\b",
    re.IGNORECASE,
)


def person_attendance(ctx: Context, topic: str) -> Reply:
    """The named person at the meeting asked about (the latest of the person's council if none)."""
    person = resolve_person(ctx, ctx.council(required=False))
    council = person.council or ctx.council()
    meeting = ctx.meeting(council)
    fact = queries.attendance(ctx.session, council, meeting.date)
    if fact is None:
        raise no_data()
    return Reply(
        answers.person_attendance(person.full_name, fact),
        slots={**meeting_slots(fact.meeting), "person": person.full_name},
        factual=True,
        topic=topic,
        passage=no_passage_text(fact.meeting.source),
    )


class ActionIsMember(BeiratAction):
    action_name = "action_is_member"

    def respond(self, ctx: Context) -> Reply:
        text = (ctx.tracker.latest_message or {}).get("text") or ""
        if entity(ctx.tracker, "meeting_date") or _ABOUT_A_MEETING_RE.search(text):
            return person_attendance(ctx, "attendance_present")
        person = resolve_person(ctx, ctx.council(required=False))
        return _person_reply(person, answers.is_member(person), "is_member")


class ActionPersonParty(BeiratAction):
    action_name = "action_person_party"

    def respond(self, ctx: Context) -> Reply:
        person = resolve_person(ctx, ctx.council(required=False))
        return _person_reply(person, answers.party(person), "party")


class ActionAdministration(BeiratAction):
    action_name = "action_administration"

    def respond(self, ctx: Context) -> Reply:
        council = ctx.council()
        meeting = ctx.meeting(council)
        people = queries.administration(ctx.session, council, meeting.date)
        if not people:
            raise no_data()
        return Reply(
            answers.administration(people),
            slots=meeting_slots(meeting),
            factual=True,
            topic="administration",
            passage=no_passage_text(meeting.source),
        )


class ActionGuests(BeiratAction):
    action_name = "action_guests"

    def respond(self, ctx: Context) -> Reply:
        council = ctx.council()
        meeting = ctx.meeting(council)
        people = queries.guests(ctx.session, council, meeting.date)
        if not people:
            raise no_data()
        return Reply(
            answers.guests(people),
            slots=meeting_slots(meeting),
            factual=True,
            topic="guests",
            passage=no_passage_text(meeting.source),
        )


class _Attendance:
    """Present or absent at one meeting (mixin: not registered as an action itself)."""

    template: staticmethod
    topic: str

    def respond(self, ctx: Context) -> Reply:
        if entity(ctx.tracker, "person"):  # "War Frau X bei der Sitzung?": that person, not the whole list
            return person_attendance(ctx, self.topic)
        council = ctx.council()
        meeting = ctx.meeting(council)
        fact = queries.attendance(ctx.session, council, meeting.date)
        if fact is None:
            raise no_data()
        return Reply(
            self.template(fact),
            slots=meeting_slots(fact.meeting),
            factual=True,
            topic=self.topic,
            passage=no_passage_text(fact.meeting.source),
        )


class ActionAttendancePresent(_Attendance, BeiratAction):
    action_name = "action_attendance_present"
    topic = "attendance_present"
    template = staticmethod(answers.attendance_present)


class ActionAttendanceAbsent(_Attendance, BeiratAction):
    action_name = "action_attendance_absent"
    topic = "attendance_absent"
    template = staticmethod(answers.attendance_absent)
