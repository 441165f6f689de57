"""How the bot writes amounts, dates, times, lists, sources and long words.

Leichte Sprache (Netzwerk Leichte Sprache, DIN SPEC 33429): numbers as digits,
"1.400 Euro" (no cents when they are zero, no "€"), "Montag, 1. April 2019",
"19 Uhr" / "20:45 Uhr", one list item per line, long compounds split with a
Mediopunkt from ONE list (compounds.txt). Names of people and organisations stay
exactly as written in the protocol.

Weekday and month names come spelled out from ``bot.core.german`` (the table the
parser reads dates with): the system locale must not change what a user reads. A
missing value (None) raises ``ValueError``: the answer template has to say "Das steht
nicht im Protokoll." instead of guessing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from urllib.parse import urlparse

from bot.core.facts import PersonFact, Source
from bot.core.german import MONTHS, WEEKDAYS

MEDIOPUNKT = "·"
COMPOUNDS_FILE = Path(__file__).with_name("compounds.txt")

# Inflection endings that may follow a listed compound: Integrations·beirat-es, -s, -e …
_ENDINGS = ("innen", "ern", "en", "er", "es", "in", "e", "n", "s")

# Quoted text is a title or a quotation: it counts as a name and is never changed.
QUOTED = re.compile(r"„[^“”\"\n]*[“”\"]|«[^»\n]*»|»[^«\n]*«|\"[^\"\n]*\"|“[^”\n]*”|‚[^‘\n]*‘")


def _require(value, what: str):
    if value is None:
        raise ValueError(f"{what} fehlt (None). Die Antwort muss sagen: Das steht nicht im Protokoll.")
    return value


def format_number(number: int) -> str:
    """A whole number as digits with a dot every three digits: 1400 -> "1.400".

    Not for years or file numbers ("2019", "04/2019"): write those as they are.
    """
    _require(number, "Die Zahl")
    if isinstance(number, bool) or not isinstance(number, int):
        raise TypeError(f"format_number erwartet eine ganze Zahl, nicht {type(number).__name__}")
    grouped = f"{abs(number):,}".replace(",", ".")
    return f"minus {grouped}" if number < 0 else grouped


def format_amount(amount: Decimal | int) -> str:
    """Euro amount: "1.400 Euro", "740,70 Euro", "1.000.000 Euro" (cents only when not zero)."""
    _require(amount, "Der Betrag")
    if isinstance(amount, bool):
        raise TypeError("format_amount erwartet einen Betrag, nicht True/False")
    if isinstance(amount, float):
        amount = Decimal(str(amount))  # via str: 740.7 stays 740,70, not 740,6999…
    elif isinstance(amount, int):
        amount = Decimal(amount)
    if not isinstance(amount, Decimal):
        raise TypeError(f"format_amount erwartet Decimal oder int, nicht {type(amount).__name__}")
    if not amount.is_finite():
        raise ValueError(f"Der Betrag ist keine Zahl: {amount}")
    cents_total = int(abs(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP) * 100)
    euros, cents = divmod(cents_total, 100)
    text = format_number(euros)
    if cents:
        text += f",{cents:02d}"
    if amount < 0 and cents_total:
        text = f"minus {text}"
    return f"{text} Euro"


def format_date(date: dt.date, weekday: bool = True) -> str:
    """ "Montag, 1. April 2019" (or "1. April 2019" with weekday=False)."""
    _require(date, "Das Datum")
    if isinstance(date, dt.datetime):
        date = date.date()
    if not isinstance(date, dt.date):
        raise TypeError(f"format_date erwartet ein Datum, nicht {type(date).__name__}")
    text = f"{date.day}. {MONTHS[date.month - 1]} {date.year}"
    return f"{WEEKDAYS[date.weekday()]}, {text}" if weekday else text


def format_time(time: dt.time, approximate: bool = False) -> str:
    """ "19 Uhr", "20:45 Uhr", "0 Uhr" (midnight), "ungefähr 20:45 Uhr"."""
    _require(time, "Die Uhrzeit")
    if isinstance(time, dt.datetime):
        time = time.time()
    if not isinstance(time, dt.time):
        raise TypeError(f"format_time erwartet eine Uhrzeit, nicht {type(time).__name__}")
    text = f"{time.hour} Uhr" if time.minute == 0 else f"{time.hour}:{time.minute:02d} Uhr"
    return f"ungefähr {text}" if approximate else text


def format_list(items: Iterable[str]) -> str:
    """One item per line with "- "; empty items are left out, line breaks in an item removed."""
    lines = []
    for item in items:
        if item is None:
            continue
        text = " ".join(str(item).split())
        if text:
            lines.append(f"- {text}")
    return "\n".join(lines)


def format_person(person: PersonFact | str) -> str:
    """The name exactly as written in the protocol ("Rainer-Jörg Grube", "Herr Mingers")."""
    name = person.full_name if isinstance(person, PersonFact) else person
    _require(name, "Der Name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError("Der Name ist leer.")
    return name.strip()


# The city's own sites publish protocols and papers; any other site's copy is a report.
_OFFICIAL_SITES = ("hannover-stadt.de", "hannover.de")


def report_site(url: str | None) -> str | None:
    """ "punkt-linden.de" for a news site's page; None for the city's own pages and local files."""
    if not url or not re.match(r"^https?://", url):
        return None
    host = re.sub(r"^www\.", "", urlparse(url).netloc.lower())
    return None if any(host == site or host.endswith("." + site) for site in _OFFICIAL_SITES) else host


def format_source(source: Source, with_council: bool = True, with_agenda: bool = False) -> str:
    """Where a fact comes from, in short sentences. Says honestly what is not known.

    "Das steht im Protokoll von der 32. Sitzung vom Integrations·beirat Linden-Limmer.
    Die Sitzung war am Montag, 1. April 2019."
    A decision paper: "Das steht in der Beschluss·drucksache 15-2038/2011."
    """
    _require(source, "Die Quelle")
    if source.paper_number:
        # The number (15-2038/2011) is for staff; readers get what the paper is and its year.
        year = source.paper_number.rsplit("/", 1)[-1]
        sentences = [f"Das steht in einem Papier von der Stadt aus dem Jahr {year}."]
        if source.meeting_date:  # the council's meeting the paper reports, not the paper's own date
            sentences.append(f"Der Integrationsbeirat hat am {format_date(source.meeting_date)} darüber gesprochen.")
        return split_compounds(" ".join(sentences))
    site = report_site(source.url) if source.meeting_number is None else None
    if site:  # a news site's report of the meeting; a copy of a numbered meeting's protocol stays a protocol
        meeting = f"die {source.meeting_number}. Sitzung" if source.meeting_number else "eine Sitzung"
        sentences = [f"Das steht in einem Bericht auf {site}."]
        if source.meeting_date:
            sentences.append(f"Es geht um {meeting} am {format_date(source.meeting_date)}.")
        return " ".join(sentences)

    meeting = f"der {source.meeting_number}. Sitzung" if source.meeting_number else "einer Sitzung"
    council = f" vom {split_compounds(source.council)}" if with_council and source.council else ""
    sentences = [split_compounds(f"Das steht im Protokoll von {meeting}") + council + "."]
    if source.meeting_date:
        sentences.append(f"Die Sitzung war am {format_date(source.meeting_date)}.")
    elif not source.meeting_number:
        sentences.append("Das Datum von der Sitzung steht nicht im Protokoll.")
    if with_agenda and source.agenda_number:
        sentences.append(split_compounds(f"Es geht um Punkt {source.agenda_number} auf der Tagesordnung."))
    return " ".join(sentences)


# --- Long words: Mediopunkt from the one list -------------------------------------------------


@cache
def compound_list() -> tuple[str, ...]:
    """Every listed compound in its split form, as written in compounds.txt."""
    words = []
    for line in COMPOUNDS_FILE.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            words.append(line)
    return tuple(words)


@cache
def _split_points() -> dict[str, tuple[int, ...]]:
    """Unsplit form (lower case) -> where the Mediopunkts go in it."""
    points = {}
    for word in compound_list():
        parts = word.split(MEDIOPUNKT)
        offsets, position = [], 0
        for part in parts[:-1]:
            position += len(part)
            offsets.append(position)
        points["".join(parts).lower()] = tuple(offsets)
    return points


@cache
def _compound_pattern() -> re.Pattern:
    # Longest first, so "Stadtbezirksrat" wins over "Stadtbezirk"; the lookarounds keep
    # us from splitting the middle of a longer word that is not on the list.
    words = sorted(_split_points(), key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    endings = "|".join(_ENDINGS)
    return re.compile(rf"(?<![\w{MEDIOPUNKT}])({alternatives})({endings})?(?![\w{MEDIOPUNKT}])", re.IGNORECASE)


def protected_spans(text: str, protected_names: Iterable[str] = ()) -> list[tuple[int, int]]:
    """(start, end) of every given name and every quoted passage in ``text``."""
    spans = [m.span() for m in QUOTED.finditer(text)]
    # The substring test first: the checker passes thousands of names for every text.
    for name in set(n for n in protected_names if n and n.strip() and n in text):
        spans += [m.span() for m in _name_pattern(name).finditer(text)]
    return sorted(spans)


@cache
def _name_pattern(name: str) -> re.Pattern:
    # Whole words only: the name "Lam" must not protect part of "Lampe".
    return re.compile(
        (r"(?<!\w)" if name[0].isalnum() else "") + re.escape(name) + (r"(?!\w)" if name[-1].isalnum() else "")
    )


def find_unsplit_compounds(text: str, protected_names: Iterable[str] = ()) -> list[str]:
    """Listed compounds written without their Mediopunkt (outside names and quotes)."""
    if not text:
        return []
    spans = protected_spans(text, protected_names)
    return [
        match.group(0)
        for match in _compound_pattern().finditer(text)
        if not any(start < match.end() and match.start() < end for start, end in spans)
        and MEDIOPUNKT not in match.group(0)
    ]


def split_compounds(text: str, protected_names: Iterable[str] = ()) -> str:
    """Inserts the Mediopunkt into every listed compound: "Integrationsbeirates" ->
    "Integrations·beirates". Keeps the case of the text, leaves names and quotes alone,
    and changes nothing on a second run."""
    if not text:
        return text
    spans = protected_spans(text, protected_names)
    points = _split_points()

    def split(match: re.Match) -> str:
        if any(start < match.end() and match.start() < end for start, end in spans):
            return match.group(0)
        word = match.group(1)
        pieces, last = [], 0
        for offset in points[word.lower()]:
            pieces.append(word[last:offset])
            last = offset
        pieces.append(word[last:])
        return MEDIOPUNKT.join(pieces) + (match.group(2) or "")

    return _compound_pattern().sub(split, text)
