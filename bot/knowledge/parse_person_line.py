"""One line of a people list → ``Person``.

Handles "Grube, Rainer-Jörg  Vorsitzender", "(Schmalz, Inga)  Stellv. Vorsitzende",
"Mallast, Steffen  (BÜNDNIS 90 / DIE GRÜNEN)", "Herr Mingers  (Fachbereich …)",
"Ratsherr Hellmann (CDU) i.V. Ratsfrau Dr. Matz", "Bürgermeister Hermann (SPD) 17.09 - 18.17 Uhr",
"Herr Alyou | Train of Hope e.V. | anwesend", "Frau Fresemann 50.60, für das Protokoll".
Parentheses around the name mean "excused" only where the list says so ("(verhindert waren)").
"""

from __future__ import annotations

import re

from bot.knowledge.parse_names import OFFICE_TITLES, NameParts, split_name
from bot.knowledge.records import Attendance, Person, Role

PARTY_RE = re.compile(
    r"\b(?:SPD|CDU|CSU|FDP|AfD|LINKE|Linke|PIRATEN|Piraten\w*|GRÜNE|Grüne|GRÜNEN|Grünen|BÜNDNIS|Bündnis\s*90|"
    r"PARTEI|Partei|WfH|FRAKTION|Fraktion|Volt|parteilos|Hannoveraner|UWG|Freie Wähler|ÖDP|DKP)\b"
)
# The council's chair, not "Vorsitzender des Elternvereins".
_OF_SOMETHING = r"(?!\s+(?:des|der|von|vom|im|eines|einer)\b)"
DEPUTY_RE = re.compile(
    rf"(?:\bstellv\.|\bstv\.|\bstellvertretende[rn]?\b)\s*Vorsitz(?:ende[rn]?)?\b{_OF_SOMETHING}", re.IGNORECASE
)
CHAIR_RE = re.compile(rf"(?:\bals\s+)?\bVorsitz(?:ende[rn]?)?\b{_OF_SOMETHING}", re.IGNORECASE)
SUBSTITUTE_RE = re.compile(
    r"\b(?:i\.\s?V\.?(?:\s+(?:für|von))?|in\s+Vertretung(?:\s+(?:für|von))?|Vertr\.\s*f\.|Vertretung\s+für|vertreten\s+durch)"
    r"\s*(?P<who>.+)$"
)
_STATUS_RE = re.compile(
    r"(?:^|[\s(])(?P<word>nicht\s+anwesend|unentschuldigt|anwesend|entschuldigt|verhindert|abwesend|fehlt|-{3,})(?=[\s),;]|$)",
    re.IGNORECASE,
)
# Remarks that say when or how someone took part; they are not a function.
_NOISE_RE = re.compile(
    r"(?:\b(?:ab|bis|von)\s+)?\d{1,2}[.:]\d{2}\s*(?:Uhr)?\s*(?:[-–]|bis)\s*\d{1,2}[.:]\d{2}\s*Uhr"
    r"|\b(?:ab|bis)\s+(?:ca\.\s*)?\d{1,2}[.:]\d{2}\s*Uhr|\b(?:ab|bis)\s+TOP\s*\S+|\bVideo-?\s?Konferenz\b|\bonline\b",
    re.IGNORECASE,
)


_GENDER_ENDING_RE = re.compile(r"r|n|in|innen|e|er|es|\*in|\*innen", re.IGNORECASE)


def normalise_party(text: str) -> str:
    """ "BÜNDNIS 90 / DIE GRÜNEN" → "BÜNDNIS 90/DIE GRÜNEN"."""
    return re.sub(r"\s*/\s*", "/", re.sub(r"\s+", " ", text)).strip(" ,;")


def _closing(text: str, start: int) -> int:
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "(":
            depth += 1
        elif text[index] == ")":
            depth -= 1
            if depth == 0:
                return index
    return -1


def _groups(text: str) -> tuple[list[str], str, list[str]]:
    """Top-level parenthesised groups, the text outside them (groups blanked out), and
    all pieces in the order they are written."""
    groups, outside, ordered, index = [], [], [], 0
    while index < len(text):
        if text[index] == "(":
            end = _closing(text, index)
            if end < 0:
                outside.append(text[index:])
                break
            groups.append(text[index + 1 : end].strip())
            ordered.append("".join(outside))
            ordered.append("\x00" + groups[-1])  # marks a group
            outside.append("  ")
            index = end + 1
        else:
            outside.append(text[index])
            index += 1
    ordered.append("".join(outside))
    pieces, seen_outside = [], 0
    for piece in ordered:
        if piece.startswith("\x00"):
            pieces.append(piece[1:])
        else:
            pieces.append(piece[seen_outside:])
            seen_outside = len(piece)
    return groups, "".join(outside), pieces


def _status(text: str) -> tuple[Attendance | None, str]:
    matches = list(_STATUS_RE.finditer(text))
    match = matches[-1] if matches else None  # the last status word on the line counts ("Herr X  anwesend")
    if not match:
        return None, text
    word = match.group("word").lower()
    if word == "anwesend":
        attendance = Attendance.PRESENT
    elif word in ("entschuldigt", "verhindert"):
        attendance = Attendance.EXCUSED
    else:  # "fehlt", "unentschuldigt", "abwesend", "nicht anwesend", "---": away, no excuse stated
        attendance = Attendance.ABSENT
    return attendance, (text[: match.start("word")] + "  " + text[match.end("word") :])


def _role(text: str, role: Role) -> tuple[Role, str | None, str]:
    if role not in (Role.MEMBER, Role.CHAIR, Role.DEPUTY):
        return role, None, text
    for pattern, found in ((DEPUTY_RE, Role.DEPUTY), (CHAIR_RE, Role.CHAIR)):
        match = pattern.search(text)
        if match:
            written = re.sub(r"^als\s+", "", match.group(0).strip(), flags=re.IGNORECASE)
            return found, written, (text[: match.start()] + "  " + text[match.end() :]).strip(" -–")
    return role, None, text


def _name_and_rest(text: str, single_word: bool = False) -> tuple[NameParts | None, bool, str]:
    """The name, whether it stood in parentheses, and everything after it."""
    if text.startswith("("):
        end = _closing(text, 0)
        if end < 0:
            return None, False, text
        parts, rest = split_name(text[1:end], single_word=True)
        if parts is None or rest.strip():
            return None, False, text
        return parts, True, text[end + 1 :]
    head = re.split(r"\s{2,}|\(", text, maxsplit=1)
    parts, rest = split_name(head[0], single_word=single_word)
    tail = text[len(head[0]) :]
    return parts, False, (rest + "  " + tail)


def parse_person_line(
    text: str,
    role: Role,
    *,
    default: Attendance | None,
    parentheses_excused: bool,
    line: int,
    agenda_number: str | None = None,
    single_word: bool = False,
) -> Person | None:
    """The person on this line, or None when the line is not one person. ``single_word``
    allows a bare family name ("Grube"), as in a list of names."""
    text = re.sub(r"^[-–•*]\s+", "", text.replace("|", "  ").strip())
    status, text = _status(text)
    role, role_text, text = _role(text, role)
    parts, in_parentheses, rest = _name_and_rest(text.strip(), single_word)
    if parts is None:
        return None
    groups, outside, pieces = _groups(rest)
    substitute = None
    for index, group in enumerate(groups):
        match = SUBSTITUTE_RE.search(group)
        if match:
            substitute, groups[index] = match.group("who").strip(), group[: match.start()].strip()
    match = SUBSTITUTE_RE.search(outside)
    if match:
        substitute, outside = match.group("who").strip(" ,;"), outside[: match.start()]
    groups = [g for g in (_NOISE_RE.sub("", g).strip(" ,;") for g in groups) if g]
    outside_parts = [p.strip(" ,;-–") for p in re.split(r"\s{2,}", _NOISE_RE.sub("  ", outside))]
    outside_parts = [p for p in outside_parts if p]
    if outside_parts and role in (Role.MEMBER, Role.CHAIR, Role.DEPUTY) and not _fits_member(outside_parts):
        return None  # running text, not a list entry
    party = function = None
    if role in (Role.MEMBER, Role.CHAIR, Role.DEPUTY):
        # Party, or the organisation a member stands for, as written.
        offices = [t for t in groups + outside_parts if all(w.lower().strip(",") in OFFICE_TITLES for w in t.split())]
        # "Vorsitzende(r)", "Sprecher(in)": a gender ending in parentheses is no party.
        others = [t for t in groups + outside_parts if t not in offices and not _GENDER_ENDING_RE.fullmatch(t)]
        candidates = [t for t in others if PARTY_RE.search(t)] or others
        party = normalise_party(candidates[0]) if candidates else None
        function = role_text or (", ".join(offices) if offices else None)
    else:
        topic = re.search(r",?\s*\bzu\s+TOP\s*(?P<no>\d{1,2}(?:\.\d)?[a-z]?)\b", ", ".join(groups + outside_parts))
        if topic and role is Role.GUEST:
            agenda_number = topic.group("no")
        in_order = [p for piece in pieces for p in re.split(r"\s{2,}", _NOISE_RE.sub("  ", piece))]
        in_order = [SUBSTITUTE_RE.sub("", p) for p in in_order]
        texts = [re.sub(r",?\s*\bzu\s+TOP\s*\S+", "", t).strip(" ,;-–") for t in in_order]
        function = ", ".join(t for t in texts if t) or None
    attendance = status or default
    if in_parentheses:
        # Only a list that says "(verhindert waren)" makes parentheses mean "excused".
        attendance = Attendance.EXCUSED if parentheses_excused else None
    return Person(
        family_name=parts.family_name,
        given_name=parts.given_name,
        salutation=parts.salutation,
        role=role,
        party=party,
        function=function,
        attendance=attendance,
        substitute_for=substitute,
        agenda_number=agenda_number,
        line=line,
    )


def _fits_member(parts: list[str]) -> bool:
    """Text after a member's name is a party, an organisation or a short remark."""
    return all(len(p.split()) <= 6 and not re.match(r"^[a-zäöü]", p) for p in parts)
