"""Actions about people: members, chair, deputy, membership, party, attendance, guests."""

from __future__ import annotations

import re

from bot.actions.common import BeiratAction, Context, EarlyReply, Reply, entity, meeting_slots, no_data
from bot.core.facts import PersonFact
from bot.core.names import name_key
from bot.language.answers import common as texts
from bot.language.answers import members as answers
from bot.language.answers.discussion import no_passage_text
from bot.queries import members as queries
from bot.queries import parties


def resolve_person(ctx: Context, council: str | None) -> PersonFact:
    """The person asked about; asks when none is given, suggests when the name is unknown."""
    text = ctx.value("person")
    if not text:
        names = [p.full_name for p in queries.list_members(ctx.session, council)]
        if not names:
            raise no_data()
        raise EarlyReply(texts.ask_person(names, ctx.intent))
    found = queries.find_person(ctx.session, text, council)
    resolved = found.resolved or _written_in_full(ctx, found.suggestions)
    if not resolved:
        answer = texts.unknown_name(found.suggestions, ctx.intent, "person")
        raise EarlyReply(Reply(answer, slots={"person": None}))
    person = queries.person(ctx.session, resolved, council)
    if person is None:
        raise no_data()
    return person


def _written_in_full(ctx: Context, suggestions: tuple[str, ...]) -> str | None:
    """The NLU took only a part of the name ("karolina"): a suggested name that the message
    itself contains in full ("war karolina siering …") is the person meant."""
    message = f" {name_key((ctx.tracker.latest_message or {}).get('text') or '')} "
    written = [name for name in suggestions if f" {name_key(name)} " in message]
    return written[0] if len(written) == 1 else None


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
    named = ctx.council(required=False)
    try:
        person = resolve_person(ctx, named)
    except EarlyReply:
        if named is None:
            raise
        # A known person at another council's meeting: that meeting's list answers.
        person = resolve_person(ctx, None)
    council = named or person.council or ctx.council()
    meeting = ctx.meeting(council)
    fact = queries.attendance(ctx.session, council, meeting.date)
    if fact is None and not ctx.value("meeting_date") and person.source.meeting_date:
        # No date asked, and the latest meeting has no list of who came (a report, a
        # paper): the latest meeting that lists this person.
        fact = queries.attendance(ctx.session, council, person.source.meeting_date)
    if fact is None:
        raise no_data()
    return Reply(
        answers.person_attendance(person.full_name, fact),
        slots={**meeting_slots(fact.meeting), "person": person.full_name},
        factual=True,
        topic=topic,
        passage=no_passage_text(fact.meeting.source),
    )


ATTENDANCE_TOPICS = ("attendance_present", "attendance_absent")
# "und grube?" right after an attendance answer: the same question about another person.
_FOLLOW_UP_RE = re.compile(r"^\s*(?:und|auch)\b", re.IGNORECASE)


def attendance_follow_up(ctx: Context) -> bool:
    text = (ctx.tracker.latest_message or {}).get("text") or ""
    return bool(_FOLLOW_UP_RE.match(text)) and ctx.tracker.get_slot("last_topic") in ATTENDANCE_TOPICS


class ActionIsMember(BeiratAction):
    action_name = "action_is_member"

    def respond(self, ctx: Context) -> Reply:
        text = (ctx.tracker.latest_message or {}).get("text") or ""
        if entity(ctx.tracker, "meeting_date") or _ABOUT_A_MEETING_RE.search(text) or attendance_follow_up(ctx):
            return person_attendance(ctx, "attendance_present")
        person = resolve_person(ctx, ctx.council(required=False))
        return _person_reply(person, answers.is_member(person), "is_member")


# "Welche Parteien sind im Beirat?", "Wer von den Mitgliedern …": about the members, not one person.
_ABOUT_ALL_RE = re.compile(r"\bparteien\b|\bmitglieder\b|\bwer\b|\bwelche\b|\bleute\b", re.IGNORECASE)


class ActionPersonParty(BeiratAction):
    """A person's party; or the members of a party; or the people from an organisation."""

    action_name = "action_person_party"

    def respond(self, ctx: Context) -> Reply:
        text = (ctx.tracker.latest_message or {}).get("text") or ""
        named = entity(ctx.tracker, "person")
        # A party the NLU took for a person's name ("[spd](person)") is still a party.
        party_words = parties.parties_in(named) or ([] if named else parties.parties_in(text))
        if party_words:
            return _party_members(ctx, party_words[0])
        organisation = entity(ctx.tracker, "organisation")
        if organisation and not named:
            people = parties.people_from_organisation(ctx.session, organisation)
            return Reply(answers.organisation_people(organisation, people), factual=bool(people), topic="party")
        if not named and _ABOUT_ALL_RE.search(text):
            return _parties_overview(ctx)
        person = resolve_person(ctx, ctx.council(required=False))
        return _person_reply(person, answers.party(person), "party")


def _named_groups(found: parties.PartyMembers) -> list[tuple[str, list[PersonFact]]]:
    """Each party as the protocol writes it ("BÜNDNIS 90/DIE GRÜNEN"), with its members."""
    groups = []
    for _party, people in found.by_party:
        label = people[0].party or _party.label
        groups.append((label, list(people)))
    return groups


def _party_members(ctx: Context, party: parties.Party) -> Reply:
    council = ctx.council(required=False)
    found = parties.party_members(ctx.session, council)
    people = next((list(group) for p, group in found.by_party if p.key == party.key), [])
    if people:
        label = people[0].party or party.label
        answer = answers.party_members(label, people)
        return Reply(answer, factual=True, topic="party", passage=no_passage_text(people[0].source))
    answer = answers.party_not_named(party.label, _named_groups(found), found.without_party)
    return Reply(answer, topic="party")


def _parties_overview(ctx: Context) -> Reply:
    found = parties.party_members(ctx.session, ctx.council(required=False))
    groups = _named_groups(found)
    if not groups and not found.without_party:
        raise no_data()
    answer = answers.parties_overview(groups, found.without_party)
    passage = no_passage_text(groups[0][1][0].source) if groups else None
    return Reply(answer, factual=bool(groups), topic="party", passage=passage)


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
