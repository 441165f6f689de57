"""The real-document regression corpus: public documents with the facts a careful reader
finds in them (``tests/fixtures/real/<group>/NNN_slug.txt`` + ``.expected.json``).

Scoring, shared by the tests and by ``python tests/knowledge/real_corpus.py -v`` (per-family
figures for a closing note):
- a stated grant is *read* when a parsed grant has the same amount (or an accepted
  alternative) and a recipient that fits (or the text names none);
- a parsed grant that fits no stated grant is *invented* — with an amount, that is an
  amount the document does not state;
- a meeting date is *read* when it equals the stated one; a parsed date where the text
  states none (or another one) is *invented*.
"""
from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rapidfuzz import fuzz, utils

from bot.knowledge.parser import parse_text
from bot.knowledge.records import DocumentRecord, Grant, GrantStatus, ParseError

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "fixtures" / "real"

_LEADING_WORDS_RE = re.compile(r"^(?:(?:der|die|das|dem|den|des|frau|herr|herrn|an)\s+)+", re.IGNORECASE)
_QUOTES = "„“”\"'‚‘’«»"


@dataclass(frozen=True)
class Document:
    name: str  # "hannover/006_mitte-ds-15-2028-2020"
    path: Path
    expected: dict

    @property
    def family(self) -> str:
        return self.expected.get("family") or "unknown"

    @property
    def group(self) -> str:
        return self.name.split("/", 1)[0]


@dataclass
class Score:
    grants_stated: int = 0
    grants_read: int = 0
    dates_stated: int = 0
    dates_read: int = 0
    invented_grants: list[str] = field(default_factory=list)
    invented_dates: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    ceilings_wrong: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("grants_stated", "grants_read", "dates_stated", "dates_read"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("invented_grants", "invented_dates", "missed", "ceilings_wrong", "errors"):
            getattr(self, name).extend(getattr(other, name))

    @property
    def recall(self) -> float:
        stated = self.grants_stated + self.dates_stated
        return (self.grants_read + self.dates_read) / stated if stated else 1.0


def documents() -> list[Document]:
    found = []
    for expected in sorted(CORPUS.glob("*/*.expected.json")):
        text = expected.with_name(expected.name.replace(".expected.json", ".txt"))
        name = f"{expected.parent.name}/{text.stem}"
        found.append(Document(name, text, json.loads(expected.read_text(encoding="utf-8"))))
    return found


def parse(document: Document) -> DocumentRecord:
    return parse_text(document.path.read_text(encoding="utf-8"), str(document.path))


def normalise(name: str | None) -> str:
    text = (name or "").strip().strip(_QUOTES).strip()
    text = _LEADING_WORDS_RE.sub("", text)
    return re.sub(r"\s+", " ", text.strip(" .,;:" + _QUOTES)).lower()


def _amounts(stated: dict) -> set[Decimal]:
    values = [stated.get("amount_eur")] + list(stated.get("amount_alternatives", []))
    return {Decimal(str(value)).quantize(Decimal("0.01")) for value in values if value is not None}


def fits(grant: Grant, stated: dict) -> bool:
    if grant.amount is None or grant.amount.quantize(Decimal("0.01")) not in _amounts(stated):
        return False
    if not stated.get("recipient"):
        return True
    want, got = normalise(stated["recipient"]), normalise(grant.applicant)
    if not got:
        return False
    # Quotation marks and punctuation do not make another name: „Oh, eine Dummel“ = Oh eine Dummel.
    return want in got or got in want or fuzz.token_set_ratio(want, got, processor=utils.default_process) >= 85


def score(document: Document, record: DocumentRecord) -> Score:
    result = Score()
    expected = document.expected
    stated_grants = list(expected.get("grants", []))
    result.grants_stated = len(stated_grants)
    open_grants = list(stated_grants)
    for grant in record.grants:
        if grant.status is GrantStatus.REJECTED:
            continue  # a rejected application is no grant and states no granted amount
        match = next((stated for stated in open_grants if fits(grant, stated)), None)
        if match is None:
            result.invented_grants.append(f"{document.name}: {grant.applicant!r} {grant.amount} (line {grant.line})")
            continue
        open_grants.remove(match)
        result.grants_read += 1
        if bool(match.get("ceiling")) != grant.ceiling:
            result.ceilings_wrong.append(f"{document.name}: {grant.applicant!r} ceiling={grant.ceiling}")
    result.missed += [f"{document.name}: grant {g.get('recipient')!r} {g.get('amount_eur')}" for g in open_grants]

    want_date = expected.get("date")
    got_date = record.meeting.date.isoformat() if record.meeting and record.meeting.date else None
    if want_date:
        result.dates_stated = 1
        if got_date == want_date:
            result.dates_read = 1
        else:
            result.missed.append(f"{document.name}: date {want_date} (read {got_date})")
    if got_date and got_date != want_date:
        result.invented_dates.append(f"{document.name}: {got_date} (stated: {want_date})")
    return result


def score_all() -> dict[str, Score]:
    """Scores per "group/family" and in total ("all")."""
    scores: dict[str, Score] = defaultdict(Score)
    for document in documents():
        try:
            one = score(document, parse(document))
        except ParseError as error:
            one = Score(grants_stated=len(document.expected.get("grants", [])),
                        dates_stated=1 if document.expected.get("date") else 0)
            if one.grants_stated or one.dates_stated:
                one.errors.append(f"{document.name}: {error.reason}")
                one.missed.append(f"{document.name}: not parsed")
        scores[f"{document.group}/{document.family}"].add(one)
        scores[document.group].add(one)
        if document.group == "hannover":  # 001-099: given in shared/real-documents; 100 on: found by us
            number = int(document.name.split("/", 1)[1].split("_", 1)[0])
            scores["hannover-given" if number < 100 else "hannover-found"].add(one)
        scores["all"].add(one)
    return dict(scores)


def main() -> int:
    scores = score_all()
    print(f"{'group/family':45} {'grants':>9} {'dates':>7} {'recall':>7} {'invented':>8}")
    for key in sorted(scores, key=lambda k: (k == "all", "/" not in k, k)):
        s = scores[key]
        invented = len(s.invented_grants) + len(s.invented_dates)
        print(f"{key:45} {s.grants_read:>4}/{s.grants_stated:<4} {s.dates_read:>3}/{s.dates_stated:<3} "
              f"{s.recall:>7.1%} {invented:>8}")
    total = scores["all"]
    for title, items in (("missed", total.missed), ("invented", total.invented_grants + total.invented_dates),
                         ("ceiling wrong", total.ceilings_wrong), ("not parsed", total.errors)):
        if items and "-v" in sys.argv:
            print(f"\n{title}:")
            print("\n".join(f"  {item}" for item in items))
    return 0


if __name__ == "__main__":
    sys.exit(main())
