"""Actions about grants: amount, purpose, application status, lists, totals, curated facts."""

from __future__ import annotations

import datetime as dt
import re

from rasa_sdk import Tracker

from bot.actions.common import BeiratAction, Context, EarlyReply, Reply, entity, no_data, passage_for, year_of
from bot.actions.counts import grants_year
from bot.actions.dates import parse_date
from bot.core import periods
from bot.core.enums import GrantStatus
from bot.language.answers import common as texts
from bot.language.answers import grants as answers
from bot.language.answers.discussion import no_passage_text
from bot.queries import facts_curated, topics
from bot.queries import grants as queries


def known_organisations(ctx: Context, council: str | None) -> list[str]:
    names = [g.organisation for g in queries.list_grants(ctx.session, council=council) if g.organisation]
    return list(dict.fromkeys(names))


def resolve_organisation(ctx: Context, council: str | None) -> str:
    """The canonical organisation name; asks when none is given, suggests when unknown."""
    text = ctx.value("organisation")
    if not text:
        names = known_organisations(ctx, council)
        if not names:
            raise no_data()
        raise EarlyReply(texts.ask_organisation(names, ctx.intent))
    found = queries.find_organisation(ctx.session, text)
    if not found.resolved:
        # Nothing close: offer the known ones, so nobody has to guess a spelling.
        suggestions = found.suggestions or tuple(known_organisations(ctx, council))
        answer = texts.unknown_name(suggestions, ctx.intent, "organisation")
        raise EarlyReply(Reply(answer, slots={"organisation": None}))
    return found.resolved


def _grant_slots(grants) -> dict:
    slots = {"organisation": grants[0].organisation}
    if len(grants) == 1 and grants[0].application_number:
        slots["application_number"] = grants[0].application_number
    return slots


class _OrganisationGrants:
    """Shared by amount and purpose: the grants of one organisation.

    A mixin, not an Action: rasa_sdk registers every concrete Action subclass.
    """

    template: staticmethod
    topic: str

    def respond(self, ctx: Context) -> Reply:
        council = ctx.council(required=False)
        year = _year_in_message(ctx)
        grants = self._grants_for_project(ctx, council, year)
        lead: list[str] = []
        if not grants:
            organisation = resolve_organisation(ctx, council)
            grants = queries.grants_for_organisation(ctx.session, organisation, council=council)
            if year is not None and grants:
                in_year = queries.grants_for_organisation(ctx.session, organisation, council=council, year=year)
                if in_year:
                    grants = in_year
                else:  # "Wie viel hat X 2021 bekommen?": that year first, then what is known.
                    lead = answers.no_year_lead(year, grants)
        if not grants:
            raise no_data()
        first = grants[0]
        passage = passage_for(ctx.session, first.source, first.applicant_as_written, first.organisation)
        answer = self.template(grants, lead)
        return Reply(answer, slots=_grant_slots(grants), factual=True, topic=self.topic, passage=passage)

    @staticmethod
    def _grants_for_project(ctx: Context, council: str | None, year: int | None) -> list:
        """ "Wie viel Geld gab es für das Fußballturnier?": a project named in this message.

        Only when no organisation is named here. Several organisations' grants match:
        the list of them with their amounts answers (raised as an early reply).
        """
        project = entity(ctx.tracker, "topic")
        if not project or entity(ctx.tracker, "organisation"):
            return []
        grants = topics.grants_for_subject(ctx.session, project, council=council, year=year)
        if len({g.organisation for g in grants}) == 1:
            return grants
        raise EarlyReply(_subject_reply(as_typed(ctx, project), grants))


class ActionGrantAmount(_OrganisationGrants, BeiratAction):
    action_name = "action_grant_amount"
    topic = "grant_amount"
    template = staticmethod(answers.grant_amount)


class ActionGrantPurpose(_OrganisationGrants, BeiratAction):
    action_name = "action_grant_purpose"
    topic = "grant_purpose"
    template = staticmethod(answers.grant_purpose)


class ActionApplicationStatus(BeiratAction):
    action_name = "action_application_status"

    def respond(self, ctx: Context) -> Reply:
        council = ctx.council(required=False)
        number = ctx.value("application_number")
        if not number:
            grants = queries.list_grants(ctx.session, council=council)
            numbers = list(dict.fromkeys(g.application_number for g in grants if g.application_number))
            if not numbers:
                raise no_data()
            raise EarlyReply(texts.ask_application_number(numbers, ctx.intent))
        grants = queries.grants_by_application_number(ctx.session, number, council=council)
        if not grants:
            raise EarlyReply(Reply(texts.no_data(), slots={"application_number": None}))
        councils = list(dict.fromkeys(g.source.council for g in grants if g.source.council))
        if council is None and len(councils) > 1:
            # The same number in several councils: ask, never mix their data.
            raise EarlyReply(texts.ask_council(councils, ctx.intent, {"application_number": number}))
        first = grants[0]
        passage = passage_for(ctx.session, first.source, first.applicant_as_written, first.organisation)
        return Reply(
            answers.application_status(grants),
            slots=_grant_slots(grants),
            factual=True,
            topic="application_status",
            passage=passage,
        )


def meeting_date_filter(tracker: Tracker) -> dt.date | None:
    """A meeting date named in this very message (a remembered date must not filter lists)."""
    text = entity(tracker, "meeting_date")
    if not text:
        return None
    parsed = parse_date(text)
    if parsed is None and periods.parse_period(text, periods.today()):
        return None  # "Mai 2019" is a period, not a day: grants_year reads it
    if parsed is None:
        raise EarlyReply(texts.bad_date())
    day, month, year = parsed
    if year is None:
        raise EarlyReply(texts.bad_date())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise EarlyReply(texts.bad_date()) from None


def _no_data_for(ctx: Context, council: str | None, year: int | None) -> EarlyReply:
    """Nothing for that year: say so, then offer the years that have data; else plain no data."""
    if year is None:
        return no_data()
    years = [y for y in queries.grant_years(ctx.session, council) if y != year]
    # The year slot is cleared: the next question must not be filtered by a year without data.
    return EarlyReply(Reply(texts.no_data_for_year(year, years, ctx.intent, council), slots={"year": None}))


def _year_in_message(ctx: Context) -> int | None:
    """A year named in this very message (a remembered year must not filter a new question)."""
    return year_of(entity(ctx.tracker, "year"))


def as_typed(ctx: Context, value: str) -> str:
    """The entity as the user wrote it ("Sprachkurs-Projekt"), not as the NLU lowered it."""
    text = (ctx.tracker.latest_message or {}).get("text") or ""
    at = text.casefold().find(value.casefold())
    return text[at : at + len(value)] if at >= 0 else value


def _subject_reply(subject: str, grants: list) -> Reply:
    """Grants about a subject ("Sprachkurs"), with their amounts; honest when there are none."""
    if not grants:
        return Reply(answers.subject_grants(subject, grants), slots={"topic": None})
    first = grants[0]
    passage = no_passage_text(first.source)
    return Reply(answers.subject_grants(subject, grants), factual=True, topic="grants_subject", passage=passage)


class ActionGrantsList(BeiratAction):
    action_name = "action_grants_list"

    def respond(self, ctx: Context) -> Reply:
        subject = entity(ctx.tracker, "topic")
        if subject:  # "Wer hat Geld für ein Sprachkurs-Projekt bekommen?": every council, unless one is named
            council = ctx.council(required=False)
            grants = topics.grants_for_subject(ctx.session, subject, council=council, year=_year_in_message(ctx))
            return _subject_reply(as_typed(ctx, subject), grants)
        council = ctx.council()
        year = grants_year(ctx, council)  # a period that is not one year is answered there
        meeting_date = meeting_date_filter(ctx.tracker)
        grants = queries.list_grants(ctx.session, council=council, year=year, meeting_date=meeting_date)
        if not grants:
            raise _no_data_for(ctx, council, year)
        first = grants[0]
        passage = passage_for(ctx.session, first.source, first.applicant_as_written, first.organisation)
        answer = answers.grants_list(grants, council=council, year=year, meeting_date=meeting_date)
        return Reply(answer, slots={"council": council}, factual=True, topic="grants_list", passage=passage)


def _subject_total(ctx: Context, subject: str) -> Reply:
    council = ctx.council(required=False)
    found = topics.grants_for_subject(ctx.session, subject, council=council, year=_year_in_message(ctx))
    if not found:
        return _subject_reply(subject, found)
    total = queries.total_of(found)
    if total is None:  # a missing amount: no sum, and no guess
        raise EarlyReply(answers.total_unknown())
    passage = no_passage_text(total.sources[0]) if total.sources else None
    answer = answers.subject_total(subject, total)
    return Reply(answer, factual=True, topic="grant_total", passage=passage)


class ActionGrantTotal(BeiratAction):
    action_name = "action_grant_total"

    def respond(self, ctx: Context) -> Reply:
        subject = entity(ctx.tracker, "topic")
        if subject:  # "Wie viel Geld gab es insgesamt für Sport?"
            return _subject_total(ctx, as_typed(ctx, subject))
        council = ctx.council()
        year = grants_year(ctx, council, total=True)  # a period that is not one year is answered there
        meeting_date = meeting_date_filter(ctx.tracker)
        total = queries.grant_total(ctx.session, council=council, year=year, meeting_date=meeting_date)
        if total is None or total.count == 0:
            counted = [
                g
                for g in queries.list_grants(ctx.session, council=council, year=year, meeting_date=meeting_date)
                if g.status != GrantStatus.REJECTED
            ]
            # grant_total gives no sum when an amount is missing: say that, not "nothing".
            if counted:
                raise EarlyReply(answers.total_unknown())
            raise _no_data_for(ctx, council, year)
        answer = answers.grant_total(total, council=council, year=year)
        passage = no_passage_text(total.sources[0]) if total.sources else None
        return Reply(answer, slots={"council": council}, factual=True, topic="grant_total", passage=passage)


class _CuratedAction:
    """Who decides / how to apply: curated facts with their source, never made up (mixin)."""

    key: str

    def respond(self, ctx: Context) -> Reply:
        fact = facts_curated.curated_fact(ctx.session, self.key)
        if fact is None:
            raise no_data()
        answer = answers.curated(fact)
        return Reply(answer, factual=True, topic=self.key, passage=answers.curated_passage(fact))


# "Welche Summen wurden beschlossen?" asks for the grants, not for who decides.
_AMOUNTS_RE = re.compile(r"\bsummen?\b|\bbetr(?:ä|ae|a)ge?\b|\bbeschl(?:ü|ue)sse\b|\bentscheidungen\b", re.IGNORECASE)
_WHO_RE = re.compile(r"\bwer\b|\bwem\b|\bzuständig", re.IGNORECASE)


class ActionWhoDecides(_CuratedAction, BeiratAction):
    action_name = "action_who_decides"
    key = "who_decides"

    def respond(self, ctx: Context) -> Reply:
        text = (ctx.tracker.latest_message or {}).get("text") or ""
        if _AMOUNTS_RE.search(text) and not _WHO_RE.search(text):
            # Follow-up buttons (which council?) must ask for the list too.
            return ActionGrantsList().respond(_AsIntent(ctx, "ask_grants_list"))
        return super().respond(ctx)


class _AsIntent(Context):
    """The same conversation, answered as if the NLU had found ``intent``."""

    def __init__(self, ctx: Context, intent: str):
        super().__init__(ctx.session, ctx.tracker)
        self._intent = intent

    @property
    def intent(self) -> str:
        return self._intent


class ActionHowToApply(_CuratedAction, BeiratAction):
    action_name = "action_how_to_apply"
    key = "how_to_apply"
