"""What a document says about itself: its kind, the council, the paper number, and the
meeting's number, date, place and times.

The meeting date is taken only where the text says it is the meeting's: the header
("Integrationsbeirat Linden-Limmer am Montag, 01.04.2019", "Ergebnisprotokoll vom
18.06.2012") or the opening sentence ("eröffnet die 7. Sitzung … am 12. Mai 2015").
Print dates ("Landeshauptstadt Hannover - 50.60 - Datum 20.01.2020", "Hannover /
20.06.2011"), application dates and dates of other bodies are never taken.
"""

from __future__ import annotations

import datetime as dt
import re

from bot.knowledge.parse_dates import DateHit, find_dates, find_time_range, find_times
from bot.knowledge.parse_lines import Line, sentences
from bot.knowledge.records import DocumentKind

# Hannover's thirteen city districts (Stadtbezirke), each with its integration council.
DISTRICTS = (
    "Mitte",
    "Vahrenwald-List",
    "Bothfeld-Vahrenheide",
    "Buchholz-Kleefeld",
    "Misburg-Anderten",
    "Kirchrode-Bemerode-Wülferode",
    "Südstadt-Bult",
    "Döhren-Wülfel",
    "Ricklingen",
    "Linden-Limmer",
    "Ahlem-Badenstedt-Davenstedt",
    "Herrenhausen-Stöcken",
    "Nord",
)
_DISTRICT_ALT = "|".join(r"\s*-\s*".join(map(re.escape, d.split("-"))) for d in DISTRICTS)
_COUNCIL_RE = re.compile(
    rf"Integrationsbeirat(?:e?s)?\s+(?:(?:des\s+)?Stadtbezirk(?:e?s)?\s+)?(?P<d>{_DISTRICT_ALT})(?![\w-])",
    re.IGNORECASE,
)
_GENERIC_COUNCIL_RE = re.compile(
    r"Integrationsbeirat(?:e?s)?\s+(?P<d>[A-ZÄÖÜ][a-zäöüß]+(?:\s*-\s*[A-ZÄÖÜ][a-zäöüß]+)*)"
)
_NOT_DISTRICT = {"Der", "Die", "Das", "Und", "Hannover", "Sitzung", "Stadtbezirk", "Stadtbezirks", "Stadtbezirkes"}
_DISTRICT_BODY_RE = re.compile(
    rf"(?:Stadtbezirksrat|Stadtbezirk|Bezirksrat)(?:e?s)?\s+(?P<d>{_DISTRICT_ALT})(?![\w-])", re.IGNORECASE
)
_PAPER_RE = re.compile(r"(?<![\d-])(\d{2}-\d{3,5}/\d{4})(?!\d)")
_PAPER_LOOSE_RE = re.compile(r"Drucksache\s*(?:Nr\.?)?\s*:?\s*((?:\d{1,2}-)?\d{3,5}/\d{4})", re.IGNORECASE)

_NUMBER_OPENING_RE = re.compile(r"\beröffnete?\s+die\s+(\d{1,3})\.\s*(?:\w+\s+)?Sitzung")
_NUMBER_HEADER_RE = re.compile(
    r"(?<![\w.])(\d{1,3})\.\s*(?:öffentliche\s+|ordentliche\s+|konstituierende\s+)?Sitzung\b"
)
_NUMBER_NR_RE = re.compile(r"\bSitzung\s+Nr\.\s*(\d{1,3})\b")
_OTHER_MEETING_RE = re.compile(r"Genehmigung|Protokolls\s+über|letzten|vorherigen|nächste", re.IGNORECASE)
# Where the title part of a header ends: the people lists and the agenda follow it.
_TITLE_END_RE = re.compile(
    r"^(?:Anwesend\w*|Teilnehmer\w*|Teilnehmende|Mitglieder\b|Entschuldigt|Tagesordnung|TOP\s*\d|\(verhindert)",
    re.IGNORECASE,
)

_NOT_MEETING_DATE_RE = re.compile(
    r"-\s*[\d.]+\s*-\s*Datum|\bStand\b|gedruckt|Druckdatum|erstellt|erschienen|Hannover,\s*(?:den\s*)?\d|Hannover\s*/"
    r"|Antrag\s+vom|Einladung|Eingang|Frist|gez\.|Versand|nächste|Genehmigung"
    r"|(?:Stadtbezirksrat|Bezirksrat|Rat\s+der\s+Stadt)\s+(?:hat\s+)?am\s+\d"  # another body's decision
    r"|\bbis\s+(?:\w+,\s*)?(?:den\s+|zum\s+)?\d{1,2}\.\s*(?:\d{1,2}\.|[A-ZÄÖÜ][a-zä]+)"  # a deadline, not "bis 20 Uhr"
    r"|\bstatt(?:findet|finden|fand|fanden)\b"  # an event's date ("… am 19.06.2010 … stattfindet")
    r"|\bauf\s+die\s+Tagesordnung\b",  # "… diesen Antrag auf die Tagesordnung der Sitzung am … zu nehmen"
    re.IGNORECASE,
)
_MEETING_WORDS_RE = re.compile(r"Sitzung|Integrationsbeirat|Protokoll|Niederschrift|Sitzungsdatum", re.IGNORECASE)
# "Ort: …" on its own line or among other labels ("Datum: …   Ort: …   Zeit: …").
_PLACE_LABEL_RE = re.compile(
    r"(?:^|\s)(?:Sitzungs|Tagungs|Veranstaltungs)?[Oo]rt\s*:\s*(?P<v>.+?)"
    r"(?=\s{2,}\S|\s+(?:Zeit|Uhrzeit|Datum|Beginn|Ende)\s*:|$)"
)
_TIME_SPAN_LABEL_RE = re.compile(r"(?:Sitzungsdauer|Uhrzeit|Zeit)\s*:\s*(?P<v>.+)$")
_NOT_PLACE_RE = re.compile(
    r"^(?:Beginn|Ende|Anwesend|TOP\b|Tagesordnung|Protokoll|Niederschrift|Ergebnisprotokoll|Sitzung|Landeshauptstadt|"
    r"Verwaltung|Gäste|Zeit|Datum|\()|Sitzung|Uhr\s*$|:",
    re.IGNORECASE,
)
_STREET_RE = re.compile(r"^[A-ZÄÖÜ][^,]*?\s\d{1,4}\s?[a-zA-Z]?(?:\s*[-–/]\s*\d{1,4}[a-z]?)?$")
_TIME_LABEL_RE = re.compile(
    r"(?P<label>Sitzungsbeginn|Beginn|Anfang|Sitzungsende|Ende|Schluss)(?:\s+der\s+Sitzung)?\s*:?\s*"
    r"(?P<approx>ca\.\s*|circa\s*|gegen\s*)?(?P<h>\d{1,2})(?:[.:](?P<m>\d{2})(?:\s*Uhr)?|\s*Uhr)",
    re.IGNORECASE,
)
_END_IN_TEXT_RE = re.compile(
    r"(?:beendet|schließt|schloss|endet|endete)\s+(?:die\s+Sitzung\s+)?(?:um\s+)?(?P<approx>ca\.\s*|gegen\s*)?"
    r"(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*Uhr"
)
_START_IN_TEXT_RE = re.compile(
    r"eröffnete?\s+die\s+(?:[^.]|(?<=\d)\.){0,120}?\bum\s+(?:ca\.\s*)?(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*Uhr"
)


# The fixed sections of a Hannover Drucksache, for copies that lost their header.
_PAPER_SECTIONS_RE = re.compile(
    r"^(?:Begründung\s+des\s+Antrag\w*|Berücksichtigung\s+von\s+Gender-Aspekten|Kostentabelle)\s*$"
)


def document_kind(lines: list[Line]) -> DocumentKind:
    """A Beschlussdrucksache names itself near the top, before any protocol word; a copy
    without its header still has the Drucksache's fixed sections and no protocol word."""
    top = [line.text for line in lines if not line.blank][:12]
    for text in top:
        if re.search(r"Protokoll|Niederschrift|^Anwesend", text, re.IGNORECASE):
            return DocumentKind.PROTOCOL
        if re.search(
            r"Beschlussdrucksache|Drucksache\s+Nr|Informationsdrucksache|Inhalt\s+der\s+Drucksache|"
            r"^Antrag\s+Nr\.\s*\d{2}-\d{3,5}/\d{4}|"
            # other cities' session systems and motions: "Vorlage-Art:Beschlussvorlage", "Betrifft Antrag der …"
            r"Beschlussvorlage|^Vorlage\b|Beratungsfolge|Sachverhalt\s*/\s*Begründung|Betrifft\s*:?\s*Antrag",
            text,
            re.IGNORECASE,
        ):
            return DocumentKind.DECISION_PAPER
    sections = {m.group(0).split()[0] for line in lines if (m := _PAPER_SECTIONS_RE.match(line.text))}
    return DocumentKind.DECISION_PAPER if len(sections) >= 2 else DocumentKind.PROTOCOL


# "Der Integrationsbeirat hat in seiner Sitzung am 17.06.2015 eine entsprechende Förderung befürwortet."
_COUNCIL_MEETING_RE = re.compile(
    r"Integrationsbeirat\w*(?:\s+[\w-]+){0,3}?\s+(?:hat\s+)?(?:sich\s+)?in\s+seiner\s+(?:\d{1,3}\.\s+)?Sitzung\s+"
    r"(?:vom|am)\s+(?P<date>[^,;]{6,40})"
    r"|Sitzung\s+des\s+Integrationsbeirat\w*(?:\s+[\w-]+){0,2}?\s+(?:vom|am)\s+(?P<date2>[^,;]{6,40})"
)


_PROTOCOL_WORDS_RE = re.compile(
    r"Protokoll|Niederschrift|Tagesordnung|\bTOP\b|Anwesend|Beginn\s*:|Sitzungsbeginn|Eröffnung\s+der\s+Sitzung|"
    r"\d{1,3}\.\s+(?:öffentliche\s+)?Sitzung|^(?:öffentliche\s+)?Sitzung\b",
    re.IGNORECASE | re.MULTILINE,
)
# "Ergebnisse der Sitzung vom 12. Februar 2024", "in seiner Sitzung am 17.06.2015"
_NAMED_MEETING_RE = re.compile(
    r"\bSitzung(?:\s+des\s+[\w-]+(?:\s+[\w-]+)?)?\s+(?:ist\s+|findet\s+)?(?:vom|am)\s+"
    r"(?:(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag),?\s+)?(?:den\s+)?(?P<date>[^,;]{6,40})"
)
# A session system's agenda item page: "05.09.2018 - 6 Vergabe der Mittel für Projekte zur Integration"
_SESSION_ITEM_RE = re.compile(r"^(?P<date>\d{2}\.\d{2}\.\d{4})\s+-\s+\d{1,2}[a-z]?\s+\S")


def reports_a_meeting(title: str) -> bool:
    """A protocol's head speaks of the meeting; a news item's or a web page's does not."""
    return bool(_PROTOCOL_WORDS_RE.search(title))


def _leading_date(written: str) -> dt.date | None:
    """The date a piece of text starts with ("12. Februar 2024, um …"), else None."""
    hits = find_dates(written)
    return hits[0].date if hits and hits[0].start == 0 else None


def named_meeting_date(text: str) -> dt.date | None:
    """The one meeting date a text names as such ("Sitzung vom 12. Februar 2024"); None
    when it names none or several."""
    dates = set()
    session_item = _SESSION_ITEM_RE.match(text.strip())
    if session_item:
        hits = find_dates(session_item.group("date"))
        if hits:
            dates.add(hits[0].date)
    for match in _NAMED_MEETING_RE.finditer(text):
        if re.search(
            r"Tagesordnung\s+(?:der|einer)\s*(?:nächsten\s+)?$", text[max(0, match.start() - 40) : match.start()]
        ):
            continue  # "… auf die Tagesordnung der Sitzung am …": a meeting still to come
        date = _leading_date(match.group("date"))
        if date is not None:
            dates.add(date)
    return dates.pop() if len(dates) == 1 else None


# "Der Ausschuss kommt zu seiner nächsten öffentlichen Sitzung am Donnerstag, 10. Juli 2025, … zusammen",
# "Die nächste Sitzung des Integrationsbeirats ist am 11. Dezember 2017."
_ANNOUNCED_RE = re.compile(
    r"\bkomm(?:t|en)\s+zu\s+(?:seiner|ihrer)\s+(?:nächsten\s+)?(?:öffentlichen\s+)?Sitzung\s+am\s+(?P<date>[^;]{4,60}?\d{4})"
    r"[,\s][^.]*\bzusammen\b"
    r"|\b(?:Die|Seine|Ihre)\s+nächste\s+Sitzung(?:\s+des\s+[\w-]+)?\s+(?:ist|findet)\s+am\s+(?P<date2>[^;]{4,40}?\d{4})"
    # "Der Integrationsbeirat Döhren-Wülfel wird sich wieder am 23. November 2017 treffen."
    r"|\b(?:wird\s+sich|trifft\s+sich|tagt)\s+(?:wieder\s+|erneut\s+)?am\s+(?P<date3>[^;]{4,40}?\d{4})"
)
_WEEKDAY_RE = re.compile(r"^(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag),?\s+(?:den\s+)?")


def announced_meeting_date(text: str) -> dt.date | None:
    """The meeting a page announces, and nothing else (a protocol's "bis zur nächsten Sitzung
    am …" is no announcement); None when it announces none or several."""
    dates = set()
    for match in _ANNOUNCED_RE.finditer(text):
        written = _WEEKDAY_RE.sub("", (match.group("date") or match.group("date2") or match.group("date3")).strip())
        date = _leading_date(written)
        if date is not None:
            dates.add(date)
    return dates.pop() if len(dates) == 1 else None


def council_meeting_date(text: str) -> dt.date | None:
    """The date of the council's meeting that a decision paper reports, when it says so."""
    for match in _COUNCIL_MEETING_RE.finditer(text):
        date = _leading_date(match.group("date") or match.group("date2"))
        if date is not None:
            return date
    return None


def paper_number(text: str) -> str | None:
    match = _PAPER_RE.search(text) or _PAPER_LOOSE_RE.search(text)
    return match.group(1) if match else None


def council(header: str, text: str) -> tuple[str | None, str | None, bool]:
    """(council name, district, inferred): from "Integrationsbeirat(es) <district>", first in
    the header, else anywhere; "inferred" when only the Stadtbezirksrat names the district."""
    for region in (header, text):
        # In the header the first council named; in the text the one named most often
        # (a protocol may mention other councils in passing).
        found = [_district(m.group("d")) for m in _COUNCIL_RE.finditer(region)]
        if found:
            district = found[0] if region is header else max(found, key=found.count)
            return f"Integrationsbeirat {district}", district, False
    for region in (header, text):
        for match in _GENERIC_COUNCIL_RE.finditer(region):
            district = re.sub(r"\s*-\s*", "-", match.group("d"))
            if district not in _NOT_DISTRICT:
                return f"Integrationsbeirat {district}", district, False
    if re.search(r"Integrationsbeirat", text):
        body_match = _DISTRICT_BODY_RE.search(text)
        if body_match:
            district = _district(body_match.group("d"))
            return f"Integrationsbeirat {district}", district, True
    return None, None, False


def _district(written: str) -> str:
    """The district's official spelling for "Linden - Limmer", "LINDEN-LIMMER", "Linden-\nLimmer"."""
    written = re.sub(r"\s*-\s*", "-", written)
    return next(d for d in DISTRICTS if d.lower() == written.lower())


def other_body(title: str) -> str | None:
    """The body a header names when it is not an integration council ("Stadtbezirksrat …")."""
    if re.search(r"Integrationsbeirat", title, re.IGNORECASE):
        return None
    match = re.search(r"\b(Stadtbezirksrat\w*|Bezirksrat\w*|Ausschuss\w*|Rat(?:es|s)?\b)", title)
    return match.group(1) if match else None


def title_lines(header_lines: list[Line]) -> list[Line]:
    """The header up to the people lists and the agenda overview, where dates of other
    meetings ("Genehmigung des Protokolls über die 11. Sitzung am 16.04.2012") stand."""
    for index, line in enumerate(header_lines):
        if _TITLE_END_RE.match(line.text):
            return header_lines[:index]
    return header_lines


def meeting_number(header: str, text: str) -> int | None:
    match = _NUMBER_OPENING_RE.search(text)
    if match:
        return int(match.group(1))
    for pattern in (_NUMBER_HEADER_RE, _NUMBER_NR_RE):
        for match in pattern.finditer(header):
            if not _OTHER_MEETING_RE.search(header[max(0, match.start() - 40) : match.start()]):
                return int(match.group(1))
    return None


def _date_score(line: str, hit: DateHit) -> int:
    before = line[: hit.start]
    score = 1
    if hit.weekday or re.search(r"\bam\s+(?:\w+,?\s+)?$", before):
        score += 2
    elif re.search(r"\bvom\s+$", before) and re.search(r"Protokoll|Niederschrift|Sitzung", line, re.IGNORECASE):
        score += 1  # "Ergebnisprotokoll vom …" — weaker than "Sitzung am …"
    if _MEETING_WORDS_RE.search(line):
        score += 1
    return score


def meeting_date(header_lines: list[Line], opening: str) -> tuple[dt.date | None, int | None, DateHit | None]:
    """(date, index of the header line, hit) of the meeting; (None, None, None) when not given."""
    best: tuple[int, int, DateHit] | None = None
    for index, line in enumerate(header_lines):
        if _NOT_MEETING_DATE_RE.search(line.text):
            continue
        for hit in find_dates(line.text):
            score = _date_score(line.text, hit)
            if best is None or score > best[0]:
                best = (score, index, hit)
    if best:
        return best[2].date, best[1], best[2]
    for sentence in sentences(opening):
        if re.search(r"\beröffnete?\b", sentence):
            hits = [h for h in find_dates(sentence) if h.preceded_by_am]
            if hits:
                return hits[0].date, None, None
    return None, None, None


def meeting_place(
    header_lines: list[Line], date_index: int | None, date_hit: DateHit | None
) -> tuple[str | None, str | None]:
    """(place, address) from "Ort: …", the rest of the date line, or the line below it."""
    for line in header_lines:
        match = _PLACE_LABEL_RE.search(line.raw.strip())
        if match:
            return split_place(re.sub(r"\s+", " ", match.group("v")))
    if date_index is None or date_hit is None:
        return None, None
    rest = header_lines[date_index].text[date_hit.end :]
    rest = re.sub(r"^[\s,]*(?:um\s+)?(?:\d{1,2}[.:]\d{2}\s*Uhr)?[\s,]*", "", rest).strip(" ,")
    if rest and not _NOT_PLACE_RE.search(rest):
        return split_place(rest)
    for line in header_lines[date_index + 1 : date_index + 4]:
        if line.blank:
            continue
        if _NOT_PLACE_RE.search(line.text) or line.is_separator or find_dates(line.text) or len(line.text) > 100:
            return None, None
        return split_place(line.text)
    return None, None


def split_place(text: str) -> tuple[str | None, str | None]:
    """ "kargah e.V., Zur Bettfedernfabrik 1" → ("kargah e.V.", "Zur Bettfedernfabrik 1")."""
    parts = [p.strip() for p in text.split(",") if p.strip() and not re.search(r"\bUhr\b", p)]
    address_index = next((i for i, p in enumerate(parts) if _STREET_RE.match(p)), None)
    address = parts[address_index] if address_index is not None else None
    place_parts = parts[:address_index] if address_index is not None else parts
    joined = ", ".join(place_parts)
    place = re.sub(r"^(?:im|in\s+der|in\s+den|in\s+dem|in)\s+", "", joined).strip() or None
    return place, address


def meeting_times(header: str, text: str, date_line: str | None) -> tuple[dt.time | None, dt.time | None, bool]:
    """(start, end, end approximate) from "Beginn:/Ende:", a range, or the closing sentence."""
    start = end = None
    approximate = False
    for match in _TIME_LABEL_RE.finditer(header):
        time = _time(match)
        if time is None:
            continue
        if match.group("label").lower() in ("beginn", "sitzungsbeginn", "anfang"):
            start = start or time
        elif end is None:
            end, approximate = time, bool(match.group("approx"))
    if start is None and end is None:
        for line in header.split("\n"):
            labelled = _TIME_SPAN_LABEL_RE.search(line)
            if labelled or (date_line and line == date_line):
                found = find_time_range(labelled.group("v") if labelled else line)
                if found:
                    (first, last) = found
                    start, end, approximate = first.time, last.time, last.approximate
                    break
                times = find_times(line)
                if times and date_line and line == date_line:
                    start = times[0].time
    if end is None:
        end_match = _END_IN_TEXT_RE.search(text)
        if end_match and _time(end_match):
            end, approximate = _time(end_match), bool(end_match.group("approx"))
    if start is None:
        start_match = _START_IN_TEXT_RE.search(text)
        if start_match:
            start = _time(start_match)
    return start, end, approximate


def _time(match: re.Match) -> dt.time | None:
    hour, minute = int(match.group("h")), int(match.group("m") or 0)
    return dt.time(hour, minute) if hour < 24 and minute < 60 else None
