"""Fixed texts and the helpers every answer template shares.

Rules (Leichte Sprache): one statement per line, at most about five sentences in
the first message, lists one item per line, the source always named. What does not
fit goes into ``Answer.more`` and the text ends with the offer to tell more.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from bot.core.facts import Source
from bot.language.answers import Answer, Button
from bot.language.format import find_unsplit_compounds, format_date, format_list, format_source, split_compounds
from bot.language.sentences import LIST_MARKERS, analyse

SENTENCE_LIMIT = 4  # sentences before the source (2 more) in the first message
LIST_LIMIT = 8  # list items in the first message
BUTTON_LIMIT = 5  # suggestions offered as buttons

TECHNICAL_PROBLEM = "Ich habe gerade ein technisches Problem. Bitte versuchen Sie es später noch einmal."
NO_DATA = "Dazu steht nichts in den Protokollen."
UNKNOWN_NAME = "Diesen Namen kenne ich nicht."
UNKNOWN_TERM = "Dieses Wort kenne ich nicht."
MORE_OFFER = "Möchten Sie mehr wissen?"
LIST_GOES_ON = "Hier geht die Liste weiter:"
ANSWER_GOES_ON = "Hier ist noch mehr dazu:"
# Tap targets for every offer, so nobody has to type "ja".
OFFER_BUTTONS = (Button("Ja, bitte", "/affirm"), Button("Nein, danke", "/deny"))
NOTHING_MORE = "Mehr weiß ich dazu nicht.\nSie können mir gerne eine neue Frage stellen."
BAD_DATE = "Dieses Datum verstehe ich nicht.\nBitte schreiben Sie Tag, Monat und Jahr."
BAD_YEAR = "Diese Jahreszahl verstehe ich nicht.\nBitte schreiben Sie das Jahr mit 4 Ziffern."


def plain(template: str) -> str:
    """Our own wording with Mediopunkt compounds; never applied to names from the data."""
    return split_compounds(template)


def stop(sentence: str) -> str:
    """Ends a sentence with one full stop, also after a name like "Banjul e.V."."""
    sentence = sentence.rstrip()
    return sentence if sentence.endswith((".", "!", "?", ":")) else sentence + "."


def quote(title: str) -> str:
    """A title as written in the protocol, in German quotes: „Eröffnung“ (not re-quoted)."""
    title = " ".join(title.split())
    outside = re.sub(r'„[^„“]*“|"[^"]*"|»[^»«]*«', "", title)
    if outside != title and len(outside.split()) <= 1 and not find_unsplit_compounds(outside):
        # A quotation, perhaps after one word: Projekt „Spielend gegen Ausgrenzung“. A long word
        # before it (Fußballturnier „Kicken gegen Rassismus“) goes inside: titles get no Mediopunkt.
        return title
    # Quotes inside become single ones, so that the whole title is one quotation:
    # Durchführung des Festes "An der Strangriede" → „Durchführung des Festes ‚An der Strangriede‘“
    inner = re.sub(
        r'„([^„“]*)“|"([^"]*)"|»([^»«]*)«', lambda m: f"‚{next(g for g in m.groups() if g is not None)}‘", title
    )
    return f"„{inner}“"


def council_label(council: str | None) -> str:
    """The council's name for a sentence, e.g. "Integrations·beirat Linden-Limmer"."""
    return plain(council) if council else plain("Integrationsbeirat")


def is_association(name: str) -> bool:
    """True for names of registered associations ("e.V.", "e. V.")."""
    return name.replace(" ", "").rstrip(".").lower().endswith("e.v")


def association_note(name: str) -> list[str]:
    """Explains "e.V." in a name: "Banjul e.V. ist ein Verein." (nothing otherwise)."""
    return [f"{name} ist ein Verein."] if is_association(name) else []


def bullets(items: Iterable[str]) -> list[str]:
    """List lines ("- item"), one per item, via the shared list format."""
    items = list(items)
    return format_list(items).splitlines() if items else []


def first_of(shown: int, total: int) -> str:
    """Said with a cut list, so that the first page is not read as the whole list."""
    return f"Das sind die ersten {shown} von {total}"


def paged(heading: str, items: Sequence[str], *, replace: bool = False) -> tuple[list[str], list[str]]:
    """(first page, rest) of a list under its heading; pass both to ``finish`` with
    ``limit`` = lines before + len(first page). A list longer than LIST_LIMIT says so:
    "Das sind die ersten 8 von 22:". ``replace``: the heading only names the list
    ("Das sind die Mitglieder:"), so that sentence takes its place."""
    lines = bullets(items)  # empty items are left out: count the lines
    if len(lines) <= LIST_LIMIT:
        return [heading, *lines], []
    head = [] if replace else [stop(heading.rstrip(":"))]
    return [*head, first_of(LIST_LIMIT, len(lines)) + ":", *lines[:LIST_LIMIT]], lines[LIST_LIMIT:]


def source_lines(sources: Iterable[Source], named: str = "") -> tuple[list[str], list[str]]:
    """(lines for the first message, lines for more): every distinct source once.

    The council is left out of the source when ``named`` (the answer) names it already.
    """
    seen: list[str] = []
    for source in sources:
        known = bool(source.council) and council_label(source.council) in named
        line = format_source(source, with_council=not known)
        if line not in seen:
            seen.append(line)
    if len(seen) <= 2:
        return [sentence for line in seen for sentence in sentences(line)], []
    # Many sources: their number first, the list (one short line each) with the rest.
    short = list(dict.fromkeys(short_source(source) for source in sources))
    return [f"Das steht in {len(short)} Dokumenten."], ["Das sind die Dokumente:", *(f"- {line}" for line in short)]


def short_source(source: Source) -> str:
    """One list line per document: "Beschlussdrucksache 15-2038/2011", "Protokoll von der 32. Sitzung am …"."""
    if source.paper_number:
        return f"Papier von der Stadt aus dem Jahr {source.paper_number.rsplit('/', 1)[-1]}"
    meeting = f"der {source.meeting_number}. Sitzung" if source.meeting_number else "einer Sitzung"
    line = f"Protokoll von {meeting}"
    if source.meeting_date:
        line += f" am {format_date(source.meeting_date)}"
    return plain(line)


def sentences(text: str) -> list[str]:
    """One sentence per line, cut by the same rules as the language checker."""
    return [s.text.strip() for s in analyse(text).sentences] or ([text] if text.strip() else [])


def finish(
    lines: Sequence[str],
    sources: Iterable[Source] = (),
    *,
    limit: int = SENTENCE_LIMIT,
    buttons: Sequence[Button] = (),
    terms: Iterable[str] = (),
) -> Answer:
    """Builds the answer: the first ``limit`` lines, the source, and the rest as more."""
    shown, rest = list(lines[:limit]), list(lines[limit:])
    first_sources, more_sources = source_lines(sources, named="\n".join(shown))
    # A source sentence the answer already says ("Die Sitzung war am …") is not said twice.
    first_sources = [line for line in first_sources if line not in shown] or first_sources[:1]
    # The source's sentences count too: what does not fit goes to "more", before the sources' list.
    while len(shown) > 1 and _prose_count(shown) + len(first_sources) > SENTENCE_LIMIT + 2:
        rest.insert(0, shown.pop())
    if rest and rest[0].lstrip().startswith(LIST_MARKERS):
        # The next page goes on with a list: a bare "- name" there would read like a new answer.
        rest.insert(0, LIST_GOES_ON)
    elif rest:
        # The next page goes on with the answer: said first, so that a page with only a title
        # ("Das Geld ist für: „…“") does not start out of nowhere.
        rest.insert(0, ANSWER_GOES_ON)
    rest += more_sources
    text_lines = shown + first_sources
    if rest:
        text_lines.append(MORE_OFFER)
    return Answer(
        text="\n".join(text_lines),
        buttons=tuple(buttons) + (OFFER_BUTTONS if rest else ()),
        terms=frozenset(terms),
        more="\n".join(rest) if rest else None,
    )


def _prose_count(lines: Sequence[str]) -> int:
    return sum(1 for line in lines if not line.lstrip().startswith("- "))


def name_buttons(
    names: Iterable[str], intent: str, entity: str, context: Mapping[str, str] | None = None
) -> tuple[Button, ...]:
    """Up to BUTTON_LIMIT buttons that ask ``intent`` again with ``entity`` = name."""
    buttons = []
    for name in list(dict.fromkeys(names))[:BUTTON_LIMIT]:
        entities = {**(context or {}), entity: name}
        buttons.append(Button.for_intent(name, intent, entities))
    return tuple(buttons)


def no_data() -> Answer:
    return Answer(text=NO_DATA)


def technical_problem() -> Answer:
    return Answer(text=TECHNICAL_PROBLEM)


def nothing_more() -> Answer:
    return Answer(text=NOTHING_MORE)


def bad_date() -> Answer:
    return Answer(text=BAD_DATE)


def bad_year() -> Answer:
    return Answer(text=BAD_YEAR)


def unknown_name(suggestions: Sequence[str], intent: str, entity: str, context=None) -> Answer:
    """An unknown name: say so, and offer the closest known names as buttons."""
    if not suggestions:
        return Answer(text=UNKNOWN_NAME + "\nBitte schreiben Sie den Namen noch einmal.")
    return Answer(
        text=UNKNOWN_NAME + "\nMeinen Sie einen von diesen Namen?",
        buttons=name_buttons(suggestions, intent, entity, context),
    )


def _ask(question: str, names: Sequence[str], intent: str, entity: str, context=None) -> Answer:
    return Answer(text=plain(question), buttons=name_buttons(names, intent, entity, context))


def ask_organisation(names: Sequence[str], intent: str, context=None) -> Answer:
    return _ask("Welchen Verein meinen Sie?", names, intent, "organisation", context)


def ask_person(names: Sequence[str], intent: str, context=None) -> Answer:
    return _ask("Welche Person meinen Sie?", names, intent, "person", context)


def ask_application_number(numbers: Sequence[str], intent: str, context=None) -> Answer:
    return _ask(
        "Welchen Antrag meinen Sie?\nBitte schreiben Sie die Nummer von dem Antrag.",
        numbers,
        intent,
        "application_number",
        context,
    )


def ask_term(terms: Sequence[str], intent: str) -> Answer:
    return _ask("Welches Wort soll ich erklären?", terms, intent, "term")


def ask_year(years: Sequence[int], intent: str) -> Answer:
    return _ask("Welches Jahr meinen Sie?", [str(y) for y in years], intent, "year")


def ask_topic() -> Answer:
    return Answer(text="Worüber möchten Sie etwas wissen?\nBitte schreiben Sie ein Thema.")


def ask_council(councils: Sequence[str], intent: str, context=None) -> Answer:
    """Several councils are in the data: ask which one (every council as a button)."""
    buttons = tuple(
        Button.for_intent(council_label(name), intent, {**(context or {}), "council": name}) for name in councils
    )
    return Answer(text="Welchen Beirat meinen Sie?", buttons=buttons)


def no_data_for_year(year: int, years: Sequence[int], intent: str, council: str | None = None) -> Answer:
    """A year without data: say so first, then offer the years that have data (as buttons)."""
    lines = [f"Für das Jahr {year} habe ich nichts."]
    if council:
        lines.append(f"Es geht um den {council_label(council)}.")
    if not years:
        return Answer(text="\n".join(lines))
    lines.append("Für diese Jahre weiß ich etwas:" if len(years) > 1 else f"Ich weiß etwas für das Jahr {years[0]}.")
    context = {"council": council} if council else {}
    buttons = tuple(Button.for_intent(str(y), intent, {**context, "year": str(y)}) for y in years[-BUTTON_LIMIT:])
    return Answer(text="\n".join(lines), buttons=buttons)
