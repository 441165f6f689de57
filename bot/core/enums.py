"""The fixed values of the data, shared by the parser's records, the database and the facts.

Each is a ``str`` enum whose value is what the database stores ("rejected",
"chair"), so a member compares equal to its stored string. The parser sets them, the
importer writes their values, the queries turn the stored values back into members,
and the answers and actions compare against members, never against string literals.
"""

from __future__ import annotations

from enum import Enum


class DocumentKind(str, Enum):
    PROTOCOL = "protocol"  # Ergebnisprotokoll / Protokoll of a council meeting
    DECISION_PAPER = "decision_paper"  # Beschlussdrucksache of the city, e.g. 15-2038/2011


class Role(str, Enum):
    """A person's role as the document states it."""

    CHAIR = "chair"  # Vorsitzende(r)
    DEPUTY = "deputy"  # stellvertretende(r) Vorsitzende(r)
    MEMBER = "member"
    ADMINISTRATION = "administration"  # Verwaltung
    GUEST = "guest"  # Gäste, eingeladene Referent*innen
    MINUTE_TAKER = "minute_taker"  # Protokoll
    MODERATOR = "moderator"  # Moderation


class Attendance(str, Enum):
    PRESENT = "present"
    EXCUSED = "excused"  # "verhindert", "entschuldigt", in parentheses under "(verhindert waren)"
    ABSENT = "absent"  # "fehlt", "unentschuldigt", "abwesend", "nicht anwesend": away without an excuse stated


class GrantStatus(str, Enum):
    RECOMMENDED = "recommended"  # the council recommends it to the Stadtbezirksrat
    DECIDED = "decided"  # the Stadtbezirksrat (or the council with own budget) decided it
    REJECTED = "rejected"  # "abgelehnt"


class VoteKind(str, Enum):
    UNANIMOUS = "unanimous"  # einstimmig
    MAJORITY = "majority"  # mehrheitlich
    COUNTED = "counted"  # yes/no/abstain counts given
