"""An application number is no identity: which entries of different documents are one grant.

Rule (bot/importer/applications.py): a decision paper and a protocol about the same
application are one grant only when council, year, applicant and amount or purpose
agree; otherwise they are two. Numbers restart in every meeting ("Antrag Nr. 1",
"01/2013"), so two meetings' "Antrag Nr. 1" are two grants.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from decimal import Decimal

import pytest
from rich.console import Console
from sqlalchemy import select

from bench import scale_corpus
from bot.db import schema as s
from bot.db.session import session_scope
from bot.importer.applications import grant_year, numbered
from bot.importer.ingest import ingest
from bot.importer.writer import write_document
from bot.knowledge.records import DocumentKind, Grant, GrantStatus, Meeting
from bot.queries import grants, meetings

LINDEN = "Integrationsbeirat Linden-Limmer"
BANJUL = Grant(
    "1",
    "Banjul e.V.",
    Decimal("1400.00"),
    "Internationales Fußballturnier",
    GrantStatus.RECOMMENDED,
    agenda_number="2",
    line=62,
)
MORGENLAND = Grant(
    "1",
    "Kulturverein Morgenland e.V.",
    Decimal("650.00"),
    "Sommerfest",
    GrantStatus.RECOMMENDED,
    agenda_number="2",
    line=60,
)


def _meeting(seed, number: int, date: dt.date, grants_: tuple, **changes):
    return seed(
        source_path=f"knowledge/protocols/{date:%Y-%m-%d}_linden-limmer_{number}.txt",
        content_sha256=f"{number:064d}",
        meeting=Meeting(number=number, date=date),
        grants=grants_,
        people=(),
        passages=(),
        **changes,
    )


def _paper(seed, paper_number: str, grants_: tuple, meeting: Meeting | None = None, sha: str = "d"):
    return seed(
        source_path=f"knowledge/protocols/beschlussdrucksache_{paper_number.replace('/', '-')}.txt",
        content_sha256=sha * 64,
        kind=DocumentKind.DECISION_PAPER,
        paper_number=paper_number,
        meeting=meeting,
        grants=grants_,
        people=(),
        passages=(),
        agenda=(),
    )


def _write(url, *records):
    for record in records:
        with session_scope(url) as session:
            write_document(session, record)


def _linden(url, year):
    with session_scope(url) as session:
        listed = grants.list_grants(session, council=LINDEN, year=year)
        total = grants.grant_total(session, council=LINDEN, year=year)
    return [(g.applicant_as_written, g.amount) for g in listed], total


# ---------------------------------------------------------------- (a) numbers restart: two grants


def test_antrag_nr_1_of_two_meetings_is_two_grants(db_url, seed):
    _write(
        db_url,
        _meeting(seed, 32, dt.date(2019, 4, 1), (BANJUL,)),
        _meeting(seed, 33, dt.date(2019, 6, 3), (MORGENLAND,)),
    )
    listed, total = _linden(db_url, 2019)
    assert listed == [("Banjul e.V.", Decimal("1400.00")), ("Kulturverein Morgenland e.V.", Decimal("650.00"))]
    assert (total.count, total.total) == (2, Decimal("2050.00")), "'Antrag Nr. 1' of June is not the one of April"


def test_numbers_with_year_restarting_in_every_meeting_are_two_grants(db_url, seed):
    first = dataclasses.replace(BANJUL, application_number="01/2019")
    second = dataclasses.replace(MORGENLAND, application_number="01/2019")
    _write(
        db_url, _meeting(seed, 32, dt.date(2019, 4, 1), (first,)), _meeting(seed, 33, dt.date(2019, 6, 3), (second,))
    )
    _, total = _linden(db_url, 2019)
    assert (total.count, total.total) == (2, Decimal("2050.00"))
    with session_scope(db_url) as session:
        history = grants.grants_by_application_number(session, "01/2019", council=LINDEN)
    assert len(history) == 2, "asking for the number still shows both entries"


def test_same_verein_same_sum_in_two_meetings_is_two_grants(db_url, seed):
    """A regular comes back in autumn for the same festival: two recommendations, two grants."""
    again = dataclasses.replace(BANJUL, application_number="3")
    _write(
        db_url, _meeting(seed, 32, dt.date(2019, 4, 1), (BANJUL,)), _meeting(seed, 34, dt.date(2019, 9, 2), (again,))
    )
    _, total = _linden(db_url, 2019)
    assert (total.count, total.total) == (2, Decimal("2800.00"))


# ---------------------------------------------------------------- (b) protocol + decision paper: one grant


PAPER_BANJUL = Grant(
    "IB-04-2019",
    "Banjul e. V.",
    Decimal("1400.00"),
    "Projekt „Fußball verbindet“",
    GrantStatus.RECOMMENDED,
    line=20,
    ceiling=True,
)


@pytest.mark.parametrize("paper_first", [False, True], ids=["protocol-first", "paper-first"])
def test_protocol_and_decision_paper_about_one_application_are_one_grant(db_url, seed, paper_first):
    protocol = _meeting(
        seed, 32, dt.date(2019, 4, 1), (BANJUL, dataclasses.replace(MORGENLAND, application_number="2"))
    )
    paper = _paper(seed, "15-1094/2019", (PAPER_BANJUL,))
    _write(db_url, *((paper, protocol) if paper_first else (protocol, paper)))
    listed, total = _linden(db_url, 2019)
    assert (total.count, total.total) == (2, Decimal("2050.00")), f"Banjul counted twice: {listed}"
    with session_scope(db_url) as session:
        rows = session.execute(select(s.Grant.applicant, s.Grant.same_as_id).order_by(s.Grant.id)).all()
    assert sum(root is not None for _, root in rows) == 1, "the later entry points to the first"


def test_same_applicant_and_purpose_with_another_sum_is_one_grant(db_url, seed):
    paper = _paper(
        seed, "15-1094/2019", (dataclasses.replace(PAPER_BANJUL, amount=Decimal("1200.00"), purpose=BANJUL.purpose),)
    )
    _write(db_url, _meeting(seed, 32, dt.date(2019, 4, 1), (BANJUL,)), paper)
    _, total = _linden(db_url, 2019)
    assert total.count == 1


@pytest.mark.parametrize(
    "change",
    [
        {"amount": Decimal("300.00")},  # other sum, other project: another application of the same Verein
        {"applicant": "Kulturverein Morgenland e.V."},  # same sum, another applicant
        {"application_number": "IB-07-2019"},  # both numbered, different numbers
    ],
    ids=["other-sum-and-purpose", "other-applicant", "other-number"],
)
def test_decision_paper_that_differs_is_another_grant(db_url, seed, change):
    numbered_banjul = dataclasses.replace(BANJUL, application_number="04/2019")
    paper = _paper(seed, "15-1094/2019", (dataclasses.replace(PAPER_BANJUL, **change),))
    _write(db_url, _meeting(seed, 32, dt.date(2019, 4, 1), (numbered_banjul,)), paper)
    _, total = _linden(db_url, 2019)
    assert total.count == 2


def test_decision_paper_of_another_year_is_another_grant(db_url, seed):
    paper = _paper(seed, "15-0101/2020", (dataclasses.replace(PAPER_BANJUL, application_number=None),))
    _write(db_url, _meeting(seed, 32, dt.date(2019, 4, 1), (BANJUL,)), paper)
    assert _linden(db_url, 2019)[1].count == 1
    assert _linden(db_url, 2020)[1].count == 1, "the paper's own year: its number 15-0101/2020"


def test_bare_list_and_the_paper_that_names_the_recipients_are_one_grant(db_url, seed):
    """'03/2016, einstimmig, 500,- €' names nobody; the paper names the Verein under IB-03-2016."""
    bare = Grant("03/2016", None, Decimal("500.00"), None, GrantStatus.RECOMMENDED, agenda_number="2", line=30)
    paper = _paper(
        seed,
        "15-0400/2016",
        (
            Grant(
                "IB-03-2016", "Frauentreff Lichtblick", Decimal("500.00"), "Nähkurs", GrantStatus.RECOMMENDED, line=12
            ),
        ),
    )
    _write(db_url, _meeting(seed, 18, dt.date(2016, 3, 14), (bare,)), paper)
    listed, total = _linden(db_url, 2016)
    assert (total.count, total.total) == (1, Decimal("500.00")), listed


def test_replacing_the_first_document_keeps_the_application_once(db_url, seed):
    protocol = _meeting(seed, 32, dt.date(2019, 4, 1), (BANJUL,))
    paper = _paper(seed, "15-1094/2019", (PAPER_BANJUL,))
    corrected = dataclasses.replace(protocol, content_sha256="f" * 64)  # a new version of the same file
    _write(db_url, protocol, paper, corrected)
    _, total = _linden(db_url, 2019)
    assert (total.count, total.total) == (1, Decimal("1400.00"))


def test_decision_paper_reporting_the_meeting_does_not_add_a_meeting(db_url, seed):
    date = dt.date(2019, 4, 1)
    _write(
        db_url, _meeting(seed, 32, date, (BANJUL,)), _paper(seed, "15-1094/2019", (PAPER_BANJUL,), Meeting(date=date))
    )
    with session_scope(db_url) as session:
        listed = meetings.list_meetings(session, council=LINDEN, year=2019)
    assert [(m.number, m.date) for m in listed] == [(32, date)]


@pytest.mark.parametrize(
    "number, meeting_date, paper, year",
    [
        ("04/2019", None, None, 2019),
        ("IB-02-2025", None, None, 2025),
        ("IB-01/2025", None, None, 2025),
        ("1", dt.date(2012, 6, 18), None, 2012),
        ("1", None, "15-2038/2011", 2011),
        (None, None, None, None),
        ("12/13", None, None, 2013),
    ],
)
def test_year_of_an_entry(number, meeting_date, paper, year):
    assert grant_year(meeting_date, number, paper) == year


def test_numbered_applications():
    assert numbered("04/2019") == numbered("4/2019") == numbered("IB-04-2019") == numbered("IB-04/2019") == (4, 2019)
    assert numbered("1") is None and numbered(None) is None


# ---------------------------------------------------------------- (c) a generated slice: totals exact


SLICE_COUNCILS = ("Nord", "Vahrenwald-List")  # "Antrag Nr. 1" in every meeting; bare lists + IB papers
SLICE_YEARS = (2012, 2013, 2014)


def test_generated_slice_totals_equal_the_truth(db_url, tmp_path):
    corpus = scale_corpus.generate(tmp_path / "documents", councils=SLICE_COUNCILS, years=SLICE_YEARS)
    truth = corpus.truth()
    assert truth["grants_in_two_documents"] >= 20, "the slice must hold applications named by two documents"
    assert any(d.family == "zuwendung_an" for d in corpus.documents), "numbers restarting at 'Antrag Nr. 1'"
    assert any(d.family == "bare_list" for d in corpus.documents)
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    summary = ingest([tmp_path / "documents"], url=db_url, knowledge_dir=knowledge, err=Console(file=io.StringIO()))
    assert not summary.failed, summary.failed
    wrong = []
    with session_scope(db_url) as session:
        for council, years in truth["councils"].items():
            for year, expected in years.items():
                total = grants.grant_total(session, council=council, year=int(year))
                got = (total.count, f"{total.total:.2f}") if total else (0, "0.00")
                if got != (expected["grants"], expected["total"]):
                    wrong.append(
                        f"{council} {year}: {got[0]} grants, {got[1]} €; truth {expected['grants']}, "
                        f"{expected['total']} €"
                    )
                held = [m.date.isoformat() for m in meetings.list_meetings(session, council=council, year=int(year))]
                if held != expected["meeting_dates"]:
                    wrong.append(f"{council} {year}: meetings {held}; truth {expected['meeting_dates']}")
    assert not wrong, "\n".join(wrong)
