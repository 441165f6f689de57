"""People of a meeting: council members with attendance, administration, guests,
moderators and minute-takers.

The meeting's attendance is the first attendance block, in the header (before the
first agenda item); a later "Anwesende:" list belongs to an event inside an item and
never overrides it. Guests come from "als Gäste sind eingeladen:" lists in an item,
moderators and minute-takers from "Moderation: …, Protokoll: …". Members who are only
mentioned in the opening text as excused are added as excused.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.knowledge.parse_agenda import Section
from bot.knowledge.parse_lines import Line, columns, join_texts, sentences
from bot.knowledge.parse_names import NameParts, split_name
from bot.knowledge.parse_person_line import parse_person_line
from bot.knowledge.records import Attendance, ParseWarning, Person, Role

_P, _E = Attendance.PRESENT, Attendance.EXCUSED
# (pattern, role, attendance, may stand without colon); role None: not recorded (press, public).
_LABELS: list[tuple[str, Role | None, Attendance | None, bool]] = [
    (r"(?:stellv\.|stv\.|stellvertretende[rn]?)\s*vorsitzende[rn]?", Role.DEPUTY, _P, False),
    (r"vorsitz(?:ende[rn]?)?", Role.CHAIR, _P, False),
    (
        r"entschuldigt(?:\s+fehlten)?|es\s+fehlten?(?:\s+entschuldigt)?|abwesend|verhindert(?:\s+waren)?|nicht\s+anwesend",
        Role.MEMBER,
        _E,
        True,
    ),
    (
        r"anwesend(?:e)?(?:\s+(?:waren|sind))?|es\s+waren\s+anwesend|teilgenommen\s+haben|teilnehmende|"
        r"teilnehmer(?:\*?innen)?(?:liste)?|anwesenheit(?:sliste)?|(?:stimmberechtigte\s+|beratende\s+)?"
        r"mitglieder(?:\s+des\s+integrationsbeirat\w*)?|grundmandat",
        Role.MEMBER,
        _P,
        True,
    ),
    (r"(?:von\s+der\s+|vertreter(?:\*?innen)?\s+der\s+)?verwaltung", Role.ADMINISTRATION, _P, True),
    (r"gäste?|gast|referent(?:in|innen|\*innen)?", Role.GUEST, _P, True),
    (
        r"protokoll(?:führung|führer(?:in)?|ant(?:in)?)?|für\s+das\s+protokoll|schriftführ(?:ung|er(?:in)?)",
        Role.MINUTE_TAKER,
        None,
        False,
    ),
    (r"moderation|moderator(?:in)?", Role.MODERATOR, None, False),
    (r"presse|zuhörer(?:\*?innen)?|öffentlichkeit|einwohner(?:\*?innen)?|sonstige", None, None, True),
]
_LABEL_RES = [
    (re.compile(rf"^(?:{p})\s*(?:\([^)]{{0,30}}\))?\s*(?::\s*(?P<rest>.*){'|$' if bare else ''})", re.IGNORECASE), r, a)
    for p, r, a, bare in _LABELS
]
# "(verhindert waren)" or a note like "In Klammern: entschuldigt" says what parentheses mean.
_MARKER_RE = re.compile(
    r"^\((?:verhindert|entschuldigt|abwesend|fehlend)(?:\s+waren)?\)$"
    r"|^.{0,40}Klammern?\b.{0,40}(?:entschuldigt|verhindert|fehlt|abwesend)",
    re.IGNORECASE,
)
_STOP_RE = re.compile(r"^(?:Tagesordnung|TOP\b|I\.\s|Ö\s?F\s?F|Beginn|Ende\b)", re.IGNORECASE)
_GUEST_INTRO_RE = re.compile(
    r"^(?:als\s+)?(?:Gäste|Gast|Referent\w*)\b[^.]{0,40}:\s*(?P<rest>.*)$|^.{0,60}\beingeladen\w*\s*:\s*(?P<rest2>.*)$",
    re.IGNORECASE,
)
_INLINE_RE = re.compile(
    r"\b(?P<label>Moderation|Moderator(?:in)?|Protokoll(?:führung|ant(?:in)?)?|Für das Protokoll)\s*:\s*", re.IGNORECASE
)
_EXCUSE_RE = re.compile(r"entschuldigt|verhindert|entschuldigen lassen|abgesagt|nicht teilnehmen")
_TITLED_NAME_RE = re.compile(
    r"\b(?:Herrn?|Frau|Bezirksrats(?:herr|frau)|Rats(?:herr|frau)|(?:Stellvertretende[rn]?\s+|stellv\.\s+)?"
    r"(?:Bezirks)?[Bb]ürgermeister(?:in)?)\s+(?:Dr\.\s+)?[A-ZÄÖÜ][\w\-]+(?:\s+[A-ZÄÖÜ][\w\-]+)?"
)
# The person who reports the excuses is not excused: "Bezirksbürgermeister Grube berichtet, dass …".
_REPORTER_RE = re.compile(
    r"^\s*(?:berichte|teilt|gibt|informier|begrüß|eröffne|stellt|weist|erklär|bitte|sag)", re.IGNORECASE
)
_MEMBER_ROLES = (Role.MEMBER, Role.CHAIR, Role.DEPUTY)


def _label(text: str) -> tuple[Role | None, Attendance | None, str] | None:
    for pattern, role, attendance in _LABEL_RES:
        match = pattern.match(text)
        if match:
            return role, attendance, (match.group("rest") or "").strip()
    return None


def _join_parentheses(lines: list[Line], index: int) -> tuple[str, int]:
    """The line at ``index`` with following lines joined while a parenthesis is open."""
    text, last = lines[index].raw.strip(), index
    while text.count("(") > text.count(")") and last + 1 < len(lines) and last - index < 3:
        last += 1
        if not lines[last].blank:
            text = join_texts([text, lines[last].raw.strip()])
    return text, last


def split_list(text: str) -> list[str]:
    """Items of "A, B und C" outside parentheses; "Grube, Rainer; Schmalz, Inga" splits at ";" only."""
    separators = ";" if ";" in text else ",;"
    items, depth, current = [], 0, ""
    for char in text:
        depth += char == "("
        depth -= char == ")"
        if char in separators and depth == 0:
            items.append(current)
            current = ""
        else:
            current += char
    items.append(current)
    result = []
    for item in items:
        result.extend(re.split(r"\s+(?:und|&|sowie)\s+", item))
    return [i.strip(" .") for i in result if i.strip(" .")]


def _list_people(
    text: str, role: Role, attendance: Attendance | None, line: int, agenda: str | None, warnings: list[ParseWarning]
) -> list[Person]:
    people: list[Person] = []
    if re.fullmatch(r"\s*(?:keine|niemand|entfällt|[-–—]+)\s*\.?\s*", text, re.IGNORECASE):
        return people
    items = split_list(text)
    for item in items:
        person = parse_person_line(
            item, role, default=attendance, parentheses_excused=False, line=line, agenda_number=agenda, single_word=True
        )
        if person is None:
            warnings.append(ParseWarning(line, f"„{item}“ nicht als Person erkannt – übersprungen."))
        else:
            people.append(person)
    return people


def header_people(lines: list[Line], warnings: list[ParseWarning]) -> tuple[list[Person], bool]:
    """People listed in the header; also whether an attendance list was found."""
    people: list[Person] = []
    role: Role | None = None
    attendance: Attendance | None = None
    marker = any(_MARKER_RE.match(line.text) for line in lines)
    found_attendance = False
    pending_failures: list[Line] = []  # person lines not understood, reported once the list goes on
    index = 0
    while index < len(lines):
        line = lines[index]
        label = _label(line.text)
        if line.is_separator or _STOP_RE.match(line.text):
            role, pending_failures = None, []
        elif _MARKER_RE.match(line.text):
            found_attendance = True
        elif label:
            role, attendance, rest = label
            found_attendance = found_attendance or role in _MEMBER_ROLES
            pending_failures = []
            if rest and role is not None:
                rest, index = _continued(lines, index, rest)
                people.extend(_list_people(rest, role, attendance, line.number, None, warnings))
        elif not line.blank and role is not None and len(_name_columns(line)) > 1:
            # "Grube, Rainer-Jörg      Schmalz, Inga": a list printed in two columns
            for text in _name_columns(line):
                person = parse_person_line(text, role, default=attendance, parentheses_excused=marker, line=line.number)
                if person:
                    people.append(person)
        elif not line.blank and role is not None and line.text.count(",") >= 3 and not line.text.startswith("("):
            # "Bezirksbürgermeister Dickneite, Hannes Amelung, Rafael Bartosch-Schwarz, Sinan Yayici,": a running
            # comma list under the label, perhaps over several lines (a name may break across them)
            rest, index = _continued(lines, index, line.text)
            people.extend(_list_people(rest, role, attendance, line.number, None, warnings))
            pending_failures = []
        elif not line.blank and role is not None:
            text, last = _join_parentheses(lines, index)
            person = parse_person_line(text, role, default=attendance, parentheses_excused=marker, line=line.number)
            if person is None:
                pending_failures.append(line)
                if len(pending_failures) > 1:
                    role, pending_failures = None, []  # the list has ended
            else:
                warnings.extend(
                    ParseWarning(f.number, f"Zeile in der Personenliste nicht erkannt: „{f.text}“")
                    for f in pending_failures
                )
                pending_failures = []
                people.append(person)
                if text.startswith("(") and not marker and person.role in _MEMBER_ROLES:
                    warnings.append(
                        ParseWarning(
                            line.number,
                            f"„{line.text}“ steht in Klammern, aber die Liste sagt nicht, "
                            "was Klammern bedeuten – Anwesenheit offen gelassen.",
                        )
                    )
                index = last
        index += 1
    return people, found_attendance


_COMMA_NAME_RE = re.compile(r"^\(?(?:[a-z]+\s+){0,3}[A-ZÄÖÜ][\w\-]+(?:\s[A-ZÄÖÜ][\w\-]+)?,\s*[A-ZÄÖÜ][\w\-]+")


def _name_columns(line: Line) -> list[str]:
    """Columns of a line that each begin with a "Family, Given" name, with the columns after
    each name (role, party) attached to it."""
    cells = columns(line)
    starts = [i for i, cell in enumerate(cells) if _COMMA_NAME_RE.match(cell)]
    if len(starts) < 2:
        return []
    return ["  ".join(cells[a:b]) for a, b in zip(starts, starts[1:] + [len(cells)], strict=True)]


def _name_goes_on(before: str, text: str) -> bool:
    """ "…, Herr Rensch, André" + "Becker": a list's last name broken over two lines."""
    last_item = before.rsplit(",", 1)[-1].split()
    return len(last_item) == 1 and bool(re.fullmatch(r"[A-ZÄÖÜ][\w-]+", text.strip()))


def _continued(lines: list[Line], index: int, rest: str) -> tuple[str, int]:
    """A comma list that goes on over the next lines until a blank line."""
    parts = [rest]
    while (
        index + 1 < len(lines)
        and not lines[index + 1].blank
        and not _label(lines[index + 1].text)
        and (
            parts[-1].rstrip().endswith(",")
            or lines[index + 1].text.count(",") >= 1
            or _name_goes_on(parts[-1], lines[index + 1].text)
        )
    ):
        index += 1
        parts.append(lines[index].text)
    return join_texts(parts), index


def section_people(section: Section, warnings: list[ParseWarning]) -> list[Person]:
    """Guests, moderators and minute-takers named inside an agenda item."""
    people: list[Person] = []
    body = section.body
    index = 0
    while index < len(body):
        line = body[index]
        guest_intro = _GUEST_INTRO_RE.match(line.text)
        if guest_intro:
            rest = (guest_intro.group("rest") or guest_intro.group("rest2") or "").strip()
            if rest:
                people.extend(_list_people(rest, Role.GUEST, None, line.number, section.number, warnings))
            else:
                index = _guest_lines(body, index + 1, section.number, people)
                continue
        else:
            people.extend(_inline_roles(line, section.number))
        index += 1
    return people


def _guest_lines(body: list[Line], index: int, agenda: str, people: list[Person]) -> int:
    while index < len(body):
        if body[index].blank:
            index += 1
            continue
        text, last = _join_parentheses(body, index)
        person = parse_person_line(
            text, Role.GUEST, default=None, parentheses_excused=False, line=body[index].number, agenda_number=agenda
        )
        if person is None or len(text) > 250:
            return index
        people.append(person)
        index = last + 1
    return index


def _inline_roles(line: Line, agenda: str | None) -> list[Person]:
    """ "Moderation: Monika Singh und Peyman Javaher-Haghighi, Protokoll: Dimitrij Czepurnyi"."""
    labels = list(_INLINE_RE.finditer(line.text))
    people: list[Person] = []
    for position, match in enumerate(labels):
        end = labels[position + 1].start() if position + 1 < len(labels) else len(line.text)
        role = Role.MODERATOR if match.group("label").lower().startswith("moderat") else Role.MINUTE_TAKER
        names: list[NameParts] = []
        for item in split_list(line.text[match.end() : end]):
            parts, rest = split_name(item)
            if parts is None or rest.strip():
                names = []
                break  # not a list of names ("Protokoll: siehe Anlage")
            names.append(parts)
        people.extend(
            Person(p.family_name, p.given_name, p.salutation, role=role, agenda_number=agenda, line=line.number)
            for p in names
        )
    return people


def mark_excused_in_text(people: list[Person], text: str, line: int, warnings: list[ParseWarning]) -> list[Person]:
    """Members named as excused in running text ("… dass sich Frau Mohlfeld und Herr Mermi
    für die heutige Sitzung entschuldigt haben")."""
    people = list(people)
    for sentence in sentences(text):
        if not _EXCUSE_RE.search(sentence):
            continue
        for match in _TITLED_NAME_RE.finditer(sentence):
            if _REPORTER_RE.match(sentence[match.end() :]):
                continue
            parts, _ = split_name(match.group(0))
            if parts is None:
                continue
            same = [
                i
                for i, p in enumerate(people)
                if p.role in _MEMBER_ROLES
                and p.family_name.lower() == parts.family_name.lower()
                and (not parts.given_name or not p.given_name or p.given_name == parts.given_name)
                and (not parts.salutation or not p.salutation or p.salutation == parts.salutation)
            ]
            if len(same) > 1:
                warnings.append(
                    ParseWarning(
                        line,
                        f"„{match.group(0)}“ als entschuldigt genannt, aber der Name passt "
                        "auf mehrere Personen – Anwesenheit nicht geändert.",
                    )
                )
            elif same:
                person = people[same[0]]
                if person.attendance is None:
                    people[same[0]] = replace(person, attendance=Attendance.EXCUSED)
                elif person.attendance is Attendance.PRESENT:
                    warnings.append(
                        ParseWarning(
                            line,
                            f"„{match.group(0)}“ steht als anwesend in der Liste, im Text "
                            "aber als entschuldigt – Liste beibehalten.",
                        )
                    )
            else:
                people.append(
                    Person(
                        parts.family_name,
                        parts.given_name,
                        parts.salutation,
                        role=Role.MEMBER,
                        attendance=Attendance.EXCUSED,
                        line=line,
                    )
                )
    return people


def unique(people: list[Person]) -> list[Person]:
    """Drop repeats of the same person in the same role (first mention wins)."""
    seen, result = set(), []
    for person in people:
        key = (person.family_name.lower(), (person.given_name or "").lower(), person.salutation, person.role)
        if key not in seen:
            seen.add(key)
            result.append(person)
    return result
