"""What every custom action shares: slot reading, name and council resolution,
delivering an answer (glossary, "more", source passage) and error handling.

Actions stay thin: read slots/entities, resolve names with the query layer, call a
query, hand the facts to ``bot.language.answers``. A resolver that cannot go on
(missing name, unknown name, no data) raises ``EarlyReply`` with the polite answer.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
import traceback
from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.orm import Session

from bot.actions.dates import parse_date, parse_year
from bot.actions.unanswered import current_source, describe
from bot.core import periods
from bot.core.facts import MeetingFact, Source
from bot.core.german import FUNCTION_WORDS, MONTH_NUMBERS
from bot.core.periods import Period
from bot.db.session import session_scope
from bot.feedback.kinds import META_KEY
from bot.language import glossary as glossary_language
from bot.language.answers import Answer
from bot.language.answers import common as texts
from bot.language.answers import discussion as passage_texts
from bot.language.answers import meetings as meeting_texts
from bot.queries import councils as council_queries
from bot.queries import glossary as glossary_queries
from bot.queries import meetings as meeting_queries
from bot.queries import passages as passage_queries

logger = logging.getLogger(__name__)

MAX_EXPLANATIONS = 2  # glossary explanations added to one message

ENTITY_SLOTS = (
    "organisation",
    "person",
    "council",
    "meeting_date",
    "year",
    "application_number",
    "topic",
    "term",
)


@dataclass
class Reply:
    """What an action says, and which slots it sets besides the standard ones."""

    answer: Answer
    slots: dict[str, Any] = field(default_factory=dict)
    factual: bool = False  # factual answers set last_topic and last_passage
    topic: str | None = None
    passage: str | None = None  # display text for action_source_passage
    already_explained: frozenset[str] = frozenset()  # glossary words this reply explains itself
    # Glossary explanations: None means for factual answers only (fixed texts such as
    # "Dazu steht nichts in den Protokollen." stay exactly as they are); False for protocol text.
    explain: bool | None = None


class EarlyReply(Exception):
    """Raised by a resolver when the action must answer now (ask, unknown name, no data)."""

    def __init__(self, reply: Reply | Answer):
        super().__init__("early reply")
        self.reply = reply if isinstance(reply, Reply) else Reply(reply)


def no_data() -> EarlyReply:
    return EarlyReply(texts.no_data())


def entity(tracker: Tracker, name: str) -> str | None:
    """The entity from this message only (no slot): for filters that must not linger."""
    values = [v for v in tracker.get_latest_entity_values(name) if isinstance(v, str) and v.strip()]
    # The NLU sometimes tags an article on its own ("der" before "förderverein igs linden").
    values = [v for v in values if v.strip().lower() not in FUNCTION_WORDS] or values
    return values[0].strip() if values else None


def year_of(text: str | None) -> int | None:
    """The year an entity or slot names; a year that cannot be read is answered, not guessed."""
    if not text:
        return None
    year = parse_year(text)
    if year is None:
        raise EarlyReply(texts.bad_year())
    return year


# --- Reading the conversation --------------------------------------------------------------


class Context:
    """One action run: the tracker, a short database session, and resolvers."""

    def __init__(self, session: Session, tracker: Tracker):
        self.session = session
        self.tracker = tracker

    @property
    def intent(self) -> str:
        return (self.tracker.latest_message or {}).get("intent", {}).get("name") or ""

    def value(self, name: str) -> str | None:
        """The entity from this message, else the slot (follow-ups keep context)."""
        value = entity(self.tracker, name) or self.tracker.get_slot(name)
        if isinstance(value, list):  # a slot filled from several entities
            value = value[0] if value else None
        if value is None:
            return None
        value = str(value).strip()
        return value or None

    def council(self, required: bool = True) -> str | None:
        """The council asked about: the named one, the only one, or ask which one.

        A named council that is not in the data means: nothing in the protocols.
        Not required (questions about a named organisation or person): only a council
        named in this message filters, so a remembered one cannot hide the answer.
        """
        text = self.value("council") if required else entity(self.tracker, "council")
        if text:
            found = council_queries.find_council(self.session, text)
            words = text.split()
            # The NLU sometimes takes a word too many ("Nord stattfinden"): try without it.
            while not found.resolved and len(words) > 1:
                words.pop()
                found = council_queries.find_council(self.session, " ".join(words))
            if not found.resolved:
                raise no_data()
            return found.resolved
        if not required:
            return None
        known = [c.name for c in council_queries.list_councils(self.session)]
        if not known:
            raise no_data()
        if len(known) == 1:
            return known[0]
        raise EarlyReply(texts.ask_council(known, self.intent, self._period_context()))

    def _period_context(self) -> dict[str, str]:
        """The period this message names, for ask-back buttons: the click must not lose it."""
        found = periods.parse_period((self.tracker.latest_message or {}).get("text"), periods.today())
        if found is None:
            return {}
        return {"year": str(found.whole_year)} if found.whole_year else {"meeting_date": found.as_text()}

    def year(self) -> int | None:
        return year_of(self.value("year"))

    def period(self) -> Period | None:
        """The period this message names ("im Mai 2019", "letztes Jahr", "seit 2015"),
        else one in the date or year entity or slot (a button carries it as text)."""
        today = periods.today()
        found = periods.parse_period((self.tracker.latest_message or {}).get("text"), today)
        for name in ("meeting_date", "year"):
            found = found or periods.parse_period(self.value(name), today)
        return found

    def meeting(self, council: str | None) -> MeetingFact:
        """The meeting asked about (by date), else the latest one in the data."""
        text = self.value("meeting_date")
        meeting = self._meeting_on(text, council) if text else meeting_queries.latest_meeting(self.session, council)
        if meeting is None:
            raise no_data()
        return meeting

    def _meeting_on(self, text: str, council: str | None) -> MeetingFact | None:
        month = MONTH_NUMBERS.get(re.sub(r"^(?:im|in|am)\s+", "", text.strip().lower()).rstrip(". "))
        if month is not None:
            # "die Sitzung im April": like a day without a year, only one such meeting answers.
            meetings = meeting_queries.list_meetings(self.session, council)
            found = [m for m in meetings if m.date and m.date.month == month]
            if len(found) > 1:
                raise EarlyReply(meeting_texts.ask_meeting(found, self.intent))
            return found[0] if found else None
        period = periods.parse_period(text, periods.today())  # "April 2019": no single day
        parsed = None if period else parse_date(text)
        if parsed is None:
            return self._meeting_in(period, council)
        day, month, year = parsed
        if year is not None:
            try:
                return meeting_queries.meeting_on(self.session, dt.date(year, month, day), council)
            except ValueError:  # 31. Februar
                raise EarlyReply(texts.bad_date()) from None
        # No year: only a single meeting on that day and month is an answer.
        matches = [
            m
            for m in meeting_queries.list_meetings(self.session, council)
            if m.date and (m.date.day, m.date.month) == (day, month)
        ]
        if len(matches) == 1:
            return matches[0]
        if matches:
            raise EarlyReply(texts.bad_date())
        return None

    def _meeting_in(self, period: Period | None, council: str | None) -> MeetingFact | None:
        """ "die Sitzung im April 2019": the one meeting in that period; asks when there are several."""
        if period is None:
            raise EarlyReply(texts.bad_date())
        found = meeting_queries.list_meetings(self.session, council, period=period)
        if len(found) > 1:
            raise EarlyReply(meeting_texts.ask_meeting(found, self.intent))
        return found[0] if found else None


def meeting_slots(meeting: MeetingFact) -> dict[str, Any]:
    """Slots that let a follow-up ("Und wer war nicht da?") mean the same meeting."""
    slots: dict[str, Any] = {}
    if meeting.date:
        slots["meeting_date"] = meeting.date.isoformat()
    if meeting.council:
        slots["council"] = meeting.council
    return slots


# --- Passages ------------------------------------------------------------------------------


def passage_for(session: Session, source: Source, *queries: str | None) -> str:
    """Display text of the protocol passage behind an answer, for action_source_passage.

    Searches the passage index with the title of the source's agenda item and the
    given words (names, numbers); only a hit from the same document and agenda item
    counts. Without one it says so honestly and names the source.
    """
    current_source.set(source)  # the answer's source, for the feedback record
    words = [_agenda_title(session, source), *queries]
    for query in dict.fromkeys(q for q in words if q):
        for passage in passage_queries.search_passages(session, query, council=source.council, limit=10):
            same_document = passage.source.document == source.document
            same_item = passage.source.agenda_number == source.agenda_number
            if same_document and (same_item or not source.agenda_number):
                return passage_texts.passage_text(passage)
    return passage_texts.no_passage_text(source)


def _agenda_title(session: Session, source: Source) -> str | None:
    if not source.agenda_number or not source.meeting_date:
        return None
    items = meeting_queries.agenda(session, source.council, source.meeting_date)
    return next((item.title for item in items if item.number == source.agenda_number), None)


# --- Delivering ------------------------------------------------------------------------------


def _explained(tracker: Tracker) -> set[str]:
    value = tracker.get_slot("explained_terms") or []
    return set(value) if isinstance(value, (list, tuple, set)) else {str(value)}


# "Integrations·beirat heißt: …" in a fixed response, "X. Das heißt: …" in an answer.
_EXPLAINED_HERE = re.compile(r"^\.?\s*(?:Das\s+)?(?:heißt|bedeutet)\s*:")


def _explained_by_responses(tracker: Tracker, entries) -> set[str]:
    """Terms that earlier bot messages of this conversation explained (e.g. utter_greet).

    Fixed responses cannot set the explained_terms slot, so the conversation itself is
    the record: a term followed by "heißt:" or "Das heißt:" counts as explained.
    """
    explained: set[str] = set()
    for event in tracker.events:
        if event.get("event") != "bot" or not event.get("text"):
            continue
        text = event["text"]
        for match in glossary_language.find_terms(text, entries):
            if _EXPLAINED_HERE.match(text[match.end :]):
                explained.add(match.entry.term.lower())
    return explained


def explain(
    session: Session, tracker: Tracker, answer: Answer, already: frozenset[str] = frozenset(), enabled: bool = True
) -> tuple[str, list[SlotSet]]:
    """Explains hard words at their first use in this conversation (slot explained_terms).

    At most MAX_EXPLANATIONS per message, the answer's own terms first, so that the
    first answer stays short; the others are explained where they next appear.
    """
    before = _explained(tracker)
    after = before | set(already)
    text = answer.text
    if enabled:
        entries = glossary_queries.all_terms(session)
        done = {t.lower() for t in after | _explained_by_responses(tracker, entries)}
        fresh = glossary_language.unexplained_terms(text, entries, done)
        fresh.sort(key=lambda m: (m.entry.term not in answer.terms, m.start))
        chosen = list({m.entry.term: m.entry for m in fresh}.values())[:MAX_EXPLANATIONS]
        if chosen:
            text, after = glossary_language.explain_terms(text, set(after), chosen)
    events = [SlotSet("explained_terms", sorted(after))] if set(after) != before else []
    return text, events


def prepare(session: Session, tracker: Tracker, reply: Reply) -> tuple[str, list[dict], list[dict]]:
    """(text, buttons, events) for a reply; nothing is sent yet."""
    enabled = reply.factual if reply.explain is None else reply.explain
    text, events = explain(session, tracker, reply.answer, reply.already_explained, enabled)
    events.append(SlotSet("more_text", reply.answer.more))
    if reply.factual:
        events.append(SlotSet("last_topic", reply.topic))
        events.append(SlotSet("last_passage", reply.passage))
    events += [SlotSet(name, value) for name, value in reply.slots.items()]
    return text, [b.as_dict() for b in reply.answer.buttons], events


def technical_problem_guard(run: Callable) -> Callable:
    """Any error inside an action: log it with context, tell the user politely, change nothing."""

    @functools.wraps(run)
    def guarded(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[dict]:
        try:
            return run(self, dispatcher, tracker, domain)
        except Exception as error:
            intent = (tracker.latest_message or {}).get("intent", {}).get("name")
            filled = sorted(name for name in ENTITY_SLOTS if tracker.get_slot(name))
            # Exception messages can quote user words (SQL parameters): the ERROR line has
            # the type and the code path only; the full message goes to DEBUG.
            frames = "".join(traceback.format_list(traceback.extract_tb(error.__traceback__)))
            logger.error(
                "Action %s failed with %s (intent %s, filled slots %s)\n%s",
                self.name(),
                type(error).__name__,
                intent,
                filled,
                frames,
            )
            logger.debug("Action %s error detail", self.name(), exc_info=True)
            dispatcher.utter_message(text=texts.TECHNICAL_PROBLEM)
            return []

    return guarded


class BeiratAction(Action, ABC):
    """A custom action that answers from the database in one short session."""

    action_name: ClassVar[str]

    def name(self) -> str:
        return self.action_name

    @abstractmethod
    def respond(self, ctx: Context) -> Reply:
        """The reply for this conversation state (may raise EarlyReply)."""

    @technical_problem_guard
    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict) -> list[dict]:
        current_source.set(None)
        with session_scope() as session:
            ctx = Context(session, tracker)
            try:
                reply = self.respond(ctx)
            except EarlyReply as early:
                reply = early.reply
            text, buttons, events = prepare(session, tracker, reply)
            meta = describe(ctx, self.name(), reply.factual, reply.answer.text, reply.slots)
        # Sent only after the session closed cleanly: an error means one message, not two.
        dispatcher.utter_message(text=text, buttons=buttons, **({META_KEY: meta} if meta else {}))
        return events
