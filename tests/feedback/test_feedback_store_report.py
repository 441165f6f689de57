"""The feedback store and ``beirat report`` / ``beirat purge-conversations`` on real SQLite files."""
from __future__ import annotations

import time

import pytest
import sqlalchemy as sa

from bot import cli
from bot.feedback import kinds
from bot.feedback.render import html_report
from bot.feedback.report import build_report, group_questions
from bot.feedback.store import FEEDBACK_URL_ENV, FeedbackStore

DAY = 24 * 3600
NOW = time.time()
EMAIL = "anna.meier@example.org"
PHONE = "0511 9876543"


@pytest.fixture
def url(tmp_path, monkeypatch) -> str:
    url = f"sqlite:///{tmp_path / 'feedback.sqlite'}"
    monkeypatch.setenv(FEEDBACK_URL_ENV, url)
    return url


def all_text(url: str) -> str:
    """Every value of every row of every table, as one string."""
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        text = " ".join(
            str(row) for table in sa.inspect(engine).get_table_names()
            for row in connection.execute(sa.text(f"SELECT * FROM {table}"))
        )
    engine.dispose()
    return text


def test_tables_are_made_on_first_use_and_hold_no_sender(url):
    store = FeedbackStore.from_url(url)
    answer_id = store.record_answer(
        {"intent": "ask_chair", "template": "action_chair", "council": "Integrationsbeirat Linden-Limmer",
         "source": "2019-04-01_linden-limmer_32.txt, TOP 5"}, "socketio")
    assert len(answer_id) == 32
    assert store.record_feedback(answer_id, False) is True
    assert store.record_feedback("0" * 32, True) is False, "an unknown answer id must change nothing"
    assert store.record_feedback(None, True) is False
    rows = store.load(NOW - DAY)
    assert len(rows.answers) == 1 and rows.answers[0]["helpful"] is False
    columns = {c["name"] for t in ("beirat_answers", "beirat_unanswered") for c in sa.inspect(store.engine).get_columns(t)}
    assert not {"sender_id", "sender", "user", "chat_id"} & columns


def test_contact_data_never_reaches_the_database_or_the_report(url):
    store = FeedbackStore.from_url(url)
    question = f"Meine Mail ist {EMAIL}, Telefon {PHONE}, ich wohne Limmerstraße 7. Wann ist die Sitzung?"
    store.record_unanswered(kinds.FALLBACK, question, "rest")
    store.record_unanswered(kinds.NO_DATA, question, "rest", "ask_grants", missing=f"ask_grants · organisation={EMAIL}")
    stored = all_text(url)
    assert "Wann ist die Sitzung" in stored, "the question itself is kept"
    for secret in (EMAIL, "9876543", "Limmerstraße 7"):
        assert secret not in stored
    report = build_report(store.load(NOW - DAY), NOW - DAY)
    page = html_report(report)
    for secret in (EMAIL, "9876543", "Limmerstraße 7"):
        assert secret not in page


def test_near_duplicates_are_one_group_and_kinds_are_counted_apart():
    rows = [
        {"question": "Wer ist im Beirat Linden?", "kind": kinds.FALLBACK},
        {"question": "wer ist im beirat linden", "kind": kinds.FALLBACK},
        {"question": "Wer ist im Beirat Linden ?", "kind": kinds.OUT_OF_SCOPE},
        {"question": "Wie wird das Wetter morgen?", "kind": kinds.OUT_OF_SCOPE},
    ]
    groups = group_questions(rows)
    assert [g.count for g in groups] == [3, 1]
    assert groups[0].kinds == {kinds.FALLBACK: 2, kinds.OUT_OF_SCOPE: 1}
    assert len(groups[0].wordings) == 3


def test_report_counts_missing_facts_ratings_and_channels(url):
    store = FeedbackStore.from_url(url)
    for _ in range(2):
        store.record_unanswered(kinds.NO_DATA, "Zuschüsse Ricklingen 2022?", "socketio", "ask_grants",
                                "Ricklingen", "ask_grants · council=Ricklingen · year=2022")
    bad = store.record_answer({"intent": "ask_chair", "template": "action_chair", "council": "Linden"}, "telegram")
    store.record_feedback(bad, False)
    good = store.record_answer({"intent": "ask_members", "template": "action_members"}, "socketio")
    store.record_feedback(good, True)
    store.record_unanswered(kinds.FALLBACK, "alt", "rest", now=NOW - 10 * DAY)
    report = build_report(store.load(NOW - 7 * DAY), NOW - 7 * DAY)
    assert report.missing == {"ask_grants · council=Ricklingen · year=2022": 2}
    assert report.unanswered_by_kind[kinds.NO_DATA] == 2 and report.unanswered_by_kind[kinds.FALLBACK] == 0
    assert report.ratings[0].template == "action_chair" and report.ratings[0].not_helpful == 1
    assert report.by_channel == {"socketio": 3, "telegram": 1}
    assert report.by_intent["ask_grants"] == 2
    assert (report.helpful, report.not_helpful, report.answered) == (1, 1, 2)


def test_cli_report_prints_tables_and_writes_the_page(url, tmp_path, capsys):
    store = FeedbackStore.from_url(url)
    store.record_unanswered(kinds.OUT_OF_SCOPE, "Wie wird das Wetter morgen?", "socketio", "out_of_scope")
    page = tmp_path / "bericht.html"
    assert cli.main(["report", "--since", "7d", "--html", str(page)]) == 0
    out = capsys.readouterr().out
    assert "Wie wird das Wetter morgen?" in out and "anderes Thema" in out
    text = page.read_text(encoding="utf-8")
    assert text.startswith("<!doctype html>") and "Wie wird das Wetter morgen?" in text and 'class="bar"' in text


def test_cli_report_refuses_a_bad_period(url, capsys):
    assert cli.main(["report", "--since", "sieben"]) == 2
    assert "Ungültige Dauer" in capsys.readouterr().err


def test_purge_conversations_removes_old_feedback_too(url, tmp_path, capsys):
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain

    tracker = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "tracker.db"))
    tracker.engine.dispose()
    store = FeedbackStore.from_url(url)
    store.record_unanswered(kinds.FALLBACK, "alte Frage", "rest", now=NOW - 45 * DAY)
    old = store.record_answer({"intent": "ask_chair"}, "socketio", now=NOW - 45 * DAY)
    store.record_unanswered(kinds.FALLBACK, "neue Frage", "rest", now=NOW - 2 * DAY)
    assert cli.main(["purge-conversations", "--older-than", "30d", "--tracker-url",
                     f"sqlite:///{tmp_path / 'tracker.db'}"]) == 0
    assert "2 Einträge zu Rückmeldungen" in capsys.readouterr().out
    rows = store.load(0)
    assert [r["question"] for r in rows.unanswered] == ["neue Frage"] and rows.answers == []
    assert store.record_feedback(old, True) is False, "a purged answer takes no more feedback"


def test_server_keeps_rows_with_the_conversations(tmp_path, monkeypatch):
    from rasa.core.tracker_store import FailSafeTrackerStore, SQLTrackerStore
    from rasa.shared.core.domain import Domain

    from bot.feedback.store import server_store

    monkeypatch.delenv(FEEDBACK_URL_ENV, raising=False)
    tracker = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(tmp_path / "tracker.db"))
    store = server_store(FailSafeTrackerStore(tracker))
    assert store.engine is tracker.engine, "with an SQL tracker store the rows go into its database"
    store.record_unanswered(kinds.FALLBACK, "Frage", "rest")
    assert "beirat_unanswered" in sa.inspect(tracker.engine).get_table_names()
    tracker.engine.dispose()

    memory = server_store(None)  # conversations in memory only: so are these rows
    assert memory.engine.url.database in (None, "", ":memory:")
    memory.record_unanswered(kinds.FALLBACK, "Frage", "rest")
    assert len(memory.load(0).unanswered) == 1


def test_report_on_a_missing_sqlite_file_creates_nothing(tmp_path, monkeypatch, capsys):
    missing = tmp_path / "nie" / "feedback.sqlite"
    monkeypatch.setenv(FEEDBACK_URL_ENV, f"sqlite:///{missing}")
    assert cli.main(["report", "--since", "7d"]) == 0
    assert "noch keine Daten" in capsys.readouterr().err
    assert not missing.exists() and not missing.parent.exists()
