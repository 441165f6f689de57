"""Answers about meetings: last, next, per year, place, time, agenda, number."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from bot.core.facts import AgendaItemFact, MeetingFact
from bot.language.answers import Answer, Button
from bot.language.answers.common import (
    BUTTON_LIMIT,
    association_note,
    council_label,
    finish,
    paged,
    quote,
    stop,
)
from bot.language.format import format_date, format_time

TERMS = frozenset({"Integrationsbeirat", "Sitzung"})
NO_NEXT_MEETING = (
    "In den Protokollen steht kein Termin für die nächste Sitzung.\nDeshalb kann ich Ihnen den Termin nicht sagen."
)


def meeting_name(meeting: MeetingFact) -> str:
    """ "32. Sitzung am Montag, 1. April 2019" (without article)."""
    name = f"{meeting.number}. Sitzung" if meeting.number is not None else "Sitzung"
    return f"{name} am {format_date(meeting.date)}" if meeting.date else name


def meeting_phrase(meeting: MeetingFact) -> str:
    """ "der 32. Sitzung am Montag, 1. April 2019", for "bei …" / "von …"."""
    return f"der {meeting_name(meeting)}"


def _is_future(meeting: MeetingFact, today: dt.date | None = None) -> bool:
    return meeting.date is not None and meeting.date > (today or dt.date.today())


def _place_lines(meeting: MeetingFact, *, future: bool, subject: str = "Die Sitzung") -> list[str]:
    verb = "ist" if future else "war"
    if not meeting.place and not meeting.address:
        return ["Im Protokoll steht kein Ort."]
    lines = []
    if meeting.place:
        lines += [stop(f"{subject} {verb} bei: {meeting.place}"), *association_note(meeting.place)]
    if meeting.address:
        lines.append(stop(f"Die Adresse ist: {meeting.address}"))
    return lines


def _time_lines(meeting: MeetingFact, *, future: bool, subject: str = "Die Sitzung") -> list[str]:
    lines = []
    if meeting.start_time:
        start = format_time(meeting.start_time)
        lines.append(f"{subject} fängt um {start} an." if future else f"{subject} hat um {start} angefangen.")
    if meeting.end_time:
        end = format_time(meeting.end_time, approximate=meeting.end_time_approximate)
        lines.append(f"Sie hört um {end} auf." if future else f"Sie hat um {end} aufgehört.")
    return lines or ["Im Protokoll steht keine Uhrzeit."]


def last_meeting(meeting: MeetingFact) -> Answer:
    if meeting.date:
        lines = [f"Die letzte Sitzung war am {format_date(meeting.date)}."]
    else:
        lines = ["Im Protokoll von der letzten Sitzung steht kein Datum."]
    if meeting.number is not None:
        lines.append(f"Das war die {meeting.number}. Sitzung vom {council_label(meeting.council)}.")
    lines += _place_lines(meeting, future=False)
    return finish(lines, [meeting.source], terms=TERMS)


def next_meeting(meeting: MeetingFact | None, today: dt.date | None = None) -> Answer:
    """The next meeting only when a protocol names it; never a guess."""
    if meeting is None or meeting.date is None:
        return Answer(text=NO_NEXT_MEETING)
    lines = [f"Die nächste Sitzung ist am {format_date(meeting.date)}."]
    lines += [line for line in _time_lines(meeting, future=True) if "keine Uhrzeit" not in line]
    lines += _place_lines(meeting, future=True)
    return finish(lines, [meeting.source], terms=TERMS)


def meetings_in_year(meetings: Sequence[MeetingFact], year: int, period: str | None = None) -> Answer:
    """The meetings of a year, or of a period said in words ("im Mai 2019", "seit Januar 2015")."""
    count = "1 Sitzung" if len(meetings) == 1 else f"{len(meetings)} Sitzungen"
    where = council_label(meetings[0].council if meetings else None)
    when = period or f"im Jahr {year}"
    lines = [f"{when[0].upper()}{when[1:]} gab es {count} in meinen Protokollen.", f"Das war im {where}."]
    first, rest = paged(
        "Die Sitzungen:" if len(meetings) > 1 else "Die Sitzung:", [meeting_name(m) for m in meetings], replace=True
    )
    lines += first
    return finish(lines + rest, [m.source for m in meetings], limit=len(lines), terms=TERMS)


def meeting_place(meeting: MeetingFact) -> Answer:
    future = _is_future(meeting)
    lines = [f"Es geht um die {meeting_name(meeting)}.", *_place_lines(meeting, future=future)]
    return finish(lines, [meeting.source], terms=TERMS)


def meeting_time(meeting: MeetingFact) -> Answer:
    future = _is_future(meeting)
    lines = [f"Es geht um die {meeting_name(meeting)}.", *_time_lines(meeting, future=future)]
    return finish(lines, [meeting.source], terms=TERMS)


def agenda(items: Sequence[AgendaItemFact], meeting: MeetingFact) -> Answer:
    count = "1 Thema" if len(items) == 1 else f"{len(items)} Themen"
    first, rest = paged(f"Da gab es {count}:", [f"Punkt {item.number}: {quote(item.title)}" for item in items])
    lines = [f"Es geht um die {meeting_name(meeting)}.", *first]
    return finish(lines + rest, [meeting.source], limit=len(lines), terms=TERMS | {"Tagesordnung"})


def meeting_number(meeting: MeetingFact) -> Answer:
    where = council_label(meeting.council)
    if meeting.number is None:
        lines = ["Im Protokoll steht keine Nummer für diese Sitzung."]
    else:
        lines = [f"Das war die {meeting.number}. Sitzung vom {where}."]
    if meeting.date:
        lines.append(f"Die Sitzung war am {format_date(meeting.date)}.")
    return finish(lines, [meeting.source], terms=TERMS)


def ask_meeting(meetings: Sequence[MeetingFact], intent: str) -> Answer:
    """Several meetings in the period asked about: ask which one (each as a button)."""
    dated = [m for m in meetings if m.date][-BUTTON_LIMIT:]
    buttons = tuple(
        Button.for_intent(format_date(m.date, weekday=False), intent, {"meeting_date": m.date.isoformat()})
        for m in dated
        if m.date
    )
    return Answer(text=f"Da gab es {len(meetings)} Sitzungen.\nWelche Sitzung meinen Sie?", buttons=buttons)


def no_meetings_in(period: str, years: Sequence[int], intent: str, council: str | None = None) -> Answer:
    """No meeting in a period that is not a whole year: say so, offer the years with meetings."""
    lines = [f"{period[0].upper()}{period[1:]} war keine Sitzung in meinen Protokollen."]
    if council:
        lines.append(f"Es geht um den {council_label(council)}.")
    if years:
        lines.append("Für diese Jahre habe ich Sitzungen:")
    context = {"council": council} if council else {}
    buttons = tuple(Button.for_intent(str(y), intent, {**context, "year": str(y)}) for y in years[-BUTTON_LIMIT:])
    return Answer(text="\n".join(lines), buttons=buttons)


def ask_about_year(year: str) -> Answer:
    """A year alone, with no question before it: offer what the bot knows about a year."""
    buttons = (
        Button.for_intent(f"Sitzungen {year}", "ask_meetings_in_year", {"year": year}),
        Button.for_intent(f"Geld {year}", "ask_grants_list", {"year": year}),
    )
    return Answer(text=f"Was möchten Sie über das Jahr {year} wissen?", buttons=buttons)
