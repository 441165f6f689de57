"""German month and weekday names: the one table for reading and for writing dates.

The parser reads "12. Mai 2015" and "1. Mrz 2019" with ``MONTH_NUMBERS``; the answers
write "Montag, 1. April 2019" with ``MONTHS`` and ``WEEKDAYS``; the actions read the
user's "1. April" with the same names. Spelled out here on purpose: the system locale
must not change what the bot reads or writes.
"""

from __future__ import annotations

WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
# Other spellings and the abbreviations seen in protocols and questions, by month number.
_OTHER_FORMS = {
    1: ("jan", "jänner"),
    2: ("feb",),
    3: ("mär", "maerz", "mrz"),
    4: ("apr",),
    6: ("jun",),
    7: ("jul",),
    8: ("aug",),
    9: ("sep", "sept"),
    10: ("okt",),
    11: ("nov",),
    12: ("dez",),
}

# Every form in lower case -> month number: "april" -> 4, "mrz" -> 3.
MONTH_NUMBERS: dict[str, int] = {
    form: number
    for number, name in enumerate(MONTHS, start=1)
    for form in (name.lower(), *_OTHER_FORMS.get(number, ()))
}

# Articles and short prepositions: never a name on their own (the NLU sometimes tags one).
FUNCTION_WORDS = frozenset(
    [
        "der",
        "die",
        "das",
        "dem",
        "den",
        "des",
        "ein",
        "eine",
        "einer",
        "einem",
        "einen",
        "eines",
        "vom",
        "von",
        "zum",
        "zur",
        "im",
        "am",
    ]
)
