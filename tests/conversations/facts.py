"""What the knowledge base holds: amounts, dates and people, read from the decisions database.

A bot answer may only state an amount, a full date or a person that is in here (or that
the user typed). Amounts include the sums the bot may add up (per organisation, council,
year, meeting, document, and all together); dates and amounts also count when a stored
text (a passage, an agenda item, a fact) states them.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

MONTHS = [
    "Januar", "Februar", "März", "April", "Mai", "Juni",
    "Juli", "August", "September", "Oktober", "November", "Dezember",
]  # fmt: skip
_MONTH_NUMBER = {name.lower(): number for number, name in enumerate(MONTHS, 1)}
_MONTHS = "|".join(MONTHS)
AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})*|\d+)(?:,(\d{1,2}))?\s*(?:Euro|EUR|€)", re.IGNORECASE)
LONG_DATE = re.compile(rf"\b(\d{{1,2}})\.\s*({_MONTHS})\s+(\d{{4}})\b", re.IGNORECASE)
SHORT_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d])")
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
TITLED = re.compile(r"\b(?:Herrn?|Frau)\s+((?:(?:von|de|la|dem|der)\s+)*[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)?)")
NAME_WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?")


def amounts_in(text: str) -> set[Decimal]:
    found = set()
    for whole, cents in AMOUNT.findall(text):
        try:
            found.add(Decimal(whole.replace(".", "")) + (Decimal(f"0.{cents}") if cents else Decimal(0)))
        except InvalidOperation:
            continue
    return found


def dates_in(text: str) -> set[dt.date]:
    found = set()
    candidates = [(int(d), _MONTH_NUMBER[m.lower()], int(y)) for d, m, y in LONG_DATE.findall(text)]
    candidates += [(int(d), int(m), int(y) + (2000 if len(y) == 2 else 0)) for d, m, y in SHORT_DATE.findall(text)]
    candidates += [(int(d), int(m), int(y)) for y, m, d in ISO_DATE.findall(text)]
    for day, month, year in candidates:
        try:
            found.add(dt.date(year, month, day))
        except ValueError:
            continue
    return found


@dataclass
class KnowledgeBase:
    amounts: set[Decimal] = field(default_factory=set)
    dates: set[dt.date] = field(default_factory=set)
    full_names: set[str] = field(default_factory=set)
    family_names: set[str] = field(default_factory=set)
    given_names: set[str] = field(default_factory=set)
    # Stored texts (passages, agenda, facts): a quoted passage may spell a name its own way.
    corpus: str = ""

    def problems(self, answer: str, user_said: str = "") -> list[str]:
        """Every amount, date or person in ``answer`` that the knowledge base does not hold."""
        allowed_amounts = amounts_in(user_said) | {Decimal(n) for n in re.findall(r"\b\d+\b", user_said)}
        allowed_dates = dates_in(user_said) | {dt.date.today()}
        problems = [f"Betrag {a} Euro" for a in sorted(amounts_in(answer) - self.amounts - allowed_amounts)]
        problems += [f"Datum {d:%d.%m.%Y}" for d in sorted(dates_in(answer) - self.dates - allowed_dates)]
        said = user_said.lower()
        for name in TITLED.findall(answer):
            if not self.knows(name) and name.lower() not in said:
                problems.append(f"Person {name!r}")
        words = answer.replace("\n", " ").split()
        for first, second in zip(words, words[1:], strict=False):
            first, second = first.strip(",.:;!?()\"'"), second.strip(",.:;!?()\"'")
            if first in self.given_names and NAME_WORD.fullmatch(second) and second not in self.given_names:
                name = f"{first} {second}"
                if not self.knows(name) and name.lower() not in said and second not in _COMMON_WORDS:
                    problems.append(f"Person {name!r}")
        return problems

    def knows(self, name: str) -> bool:
        name = " ".join(name.split())
        if name in self.full_names or name in self.family_names or name in self.corpus:
            return True
        return any(full.endswith(" " + name) or full.startswith(name + " ") for full in self.full_names)


# Capitalised words that follow a given name in a normal sentence ("Inga Schmalz war ...").
_COMMON_WORDS = {"Mitglied", "Vorsitzende", "Vorsitzender", "Euro", "Uhr", "Integrationsbeirat", "Sitzung"}


def load(path: Path) -> KnowledgeBase:
    """Everything the checks need, read once from the SQLite decisions database."""
    kb = KnowledgeBase()
    with sqlite3.connect(path) as db:
        grants = db.execute(
            "SELECT amount, organisation_id, council_id, year, meeting_id, document_id FROM grants"
            " WHERE amount IS NOT NULL"
        ).fetchall()
        groups: dict = {}
        for amount, *keys in grants:
            value = Decimal(str(amount))
            kb.amounts.add(value)
            for index, key in enumerate(keys):
                groups.setdefault((index, key), Decimal(0))
                groups[(index, key)] += value
            # Sums per council and year, and per organisation and year.
            for pair in ((keys[1], keys[2]), (keys[0], keys[2])):
                groups[("pair", pair)] = groups.get(("pair", pair), Decimal(0)) + value
            groups[("all",)] = groups.get(("all",), Decimal(0)) + value
        kb.amounts |= set(groups.values())
        texts = [row[0] or "" for row in db.execute("SELECT text FROM passages UNION ALL SELECT heading FROM passages")]
        texts += [f"{t} {x}" for t, x in db.execute("SELECT title, text FROM agenda_items")]
        texts += [f"{v} {a or ''}" for v, a in db.execute("SELECT value, as_of FROM council_facts")]
        texts += [t for (t,) in db.execute("SELECT text FROM curated_facts")]
        texts += [t or "" for (t,) in db.execute("SELECT purpose FROM grants")]
        kb.corpus = " ".join(" ".join(t.split()) for t in texts)
        for text in texts:
            kb.amounts |= amounts_in(text)
            kb.dates |= dates_in(text)
        for (value,) in db.execute("SELECT date FROM meetings WHERE date IS NOT NULL"):
            kb.dates.add(dt.date.fromisoformat(str(value)[:10]))
        for given, family, full in db.execute("SELECT given_name, family_name, full_name FROM people"):
            kb.full_names.add(" ".join(full.split()))
            kb.family_names.add(family)
            if given:
                kb.given_names |= set(given.replace("-", " ").split()) | {given}
                kb.full_names.add(f"{given} {family}")
        for (value,) in db.execute("SELECT value FROM council_facts WHERE kind = 'chair'"):
            kb.full_names.add(value)
            kb.family_names.add(value.split()[-1])
        for text in texts:
            for name in TITLED.findall(text):
                kb.family_names.add(" ".join(name.split()))
    return kb
