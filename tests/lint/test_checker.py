"""`beirat lint-language`: statistics, the greppable report, exit codes, loud failures."""
import io
import sys

import pytest

from bot.core.glossary_file import glossary_entries
from bot.language.glossary import explain_terms
from bot.lint import checker
from bot.lint.checker import run_checker, summarise
from bot.lint.sources import SourceError, domain_texts


def lines(output: str, tag: str) -> list[list[str]]:
    return [line.split("\t") for line in output.splitlines() if line.startswith(tag + "\t")]


# --- summarise ---------------------------------------------------------------------------------


def test_summarise_median_max_and_mean():
    stats = summarise([
        ("kurz", "Das ist gut. Die Stadt gibt Geld."),  # 3 and 4 words
        ("lang", "Der Beirat hat am Montag lange über das Fest im Stadtteil gesprochen."),  # 12 words
    ])
    assert stats.sentences == 3
    assert stats.median_words_per_sentence == 4.0
    assert stats.max_sentence_words == 12
    assert [a.label for a in stats.answers] == ["kurz", "lang"]
    assert stats.mean_flesch_amstad == pytest.approx(
        sum(a.flesch_amstad for a in stats.answers) / 2, abs=0.05
    )


def test_summarise_ignores_list_items_for_the_median_but_not_for_the_maximum():
    stats = summarise(["Diese Vereine bekommen Geld:\n- A\n- B\n- C\n- D"])
    assert stats.median_words_per_sentence == 4.0, "list items would pull the median down"


def test_summarise_counts_every_word_of_a_name():
    text = "Förderverein der IGS Linden e.V. bekommt Geld."
    assert summarise([text]).max_sentence_words == 7
    assert summarise([text], names=["Förderverein der IGS Linden e.V."]).max_sentence_words == 7


def test_summarise_counts_a_long_quoted_title_word_by_word():
    title = "„Interkulturelles Sommerfest mit Musik und Tanz für alle Familien im Stadtteil“"
    stats = summarise([f"Das Projekt heißt: {title}.", "Das Projekt heißt: „Fest“."])
    assert stats.max_sentence_words == 3 + 11
    assert stats.answers[0].flesch_amstad < stats.answers[1].flesch_amstad


def test_floor_fails_one_hard_answer_among_easy_ones():
    easy = [f"Die Stadt gibt Geld. Das ist gut. Nummer {n}." for n in range(20)]
    stats = summarise([*easy, "Die Beschlussdrucksache beinhaltet Zuwendungsempfehlungen."])
    assert stats.mean_flesch_amstad >= 70, "the mean alone would hide it"
    assert ("min_flesch_amstad>=55", stats.min_flesch_amstad, False) in stats.targets()
    assert [label for label, _ in checker.floor_violations(stats)] == ["Text 21"]


def test_hardest_answers_are_the_three_lowest_scores():
    stats = summarise([
        ("leicht", "Das ist gut."),
        ("schwer", "Die Beschlussdrucksache beinhaltet Zuwendungsempfehlungen."),
        ("mittel", "Der Beirat gibt Geld für Projekte im Stadtteil."),
        ("auch leicht", "Die Stadt gibt Geld."),
    ])
    assert [a.label for a in stats.hardest] == ["schwer", "mittel", "auch leicht"]


def test_targets():
    good = summarise(["Das ist gut. Die Stadt gibt Geld."])
    assert good.targets_met, good.targets()
    long_sentence = "Der Beirat hat am Montag sehr lange über das Fest und die Gäste und das Geld im Stadtteil gesprochen."
    assert not summarise([long_sentence]).targets_met


# --- domain.yml --------------------------------------------------------------------------------

DOMAIN = """
version: "3.1"
responses:
  utter_greet:
    - text: "Hallo! Was möchten Sie wissen?"
      buttons:
        - title: "Wer ist im Integrations·beirat?"
          payload: /ask_members
    - text: "Guten Tag {person}!"
  utter_custom:
    - custom: {kind: card}
"""


def test_domain_texts_reads_every_variation_and_button(tmp_path):
    (tmp_path / "domain.yml").write_text(DOMAIN, encoding="utf-8")
    assert domain_texts(tmp_path) == [
        ("domain utter_greet", "Hallo! Was möchten Sie wissen?"),
        ("domain utter_greet (Knopf)", "Wer ist im Integrations·beirat?"),
        ("domain utter_greet #2", "Guten Tag Name!"),
    ]


def test_domain_texts_without_domain_fails_loudly(tmp_path):
    with pytest.raises(SourceError, match="domain.yml"):
        domain_texts(tmp_path)


def test_real_domain_has_responses():
    assert len(domain_texts()) >= 5


# --- run_checker -------------------------------------------------------------------------------


@pytest.fixture
def empty_db(tmp_path):
    return f"sqlite:///{tmp_path / 'empty.sqlite'}"


def fake_sources(monkeypatch, domain, answers, names=(), councils=()):
    monkeypatch.setattr(checker, "fixed_texts", lambda: list(domain))
    monkeypatch.setattr(checker, "names_from_database", lambda session: (set(names), set(councils)))
    monkeypatch.setattr(checker, "rendered_answers", lambda session: list(answers))


def run(url, verbose=False) -> tuple[int, str]:
    out = io.StringIO()
    code = run_checker(verbose=verbose, out=out, database_url=url)
    return code, out.getvalue()


def test_clean_answers_pass(monkeypatch, empty_db):
    fake_sources(
        monkeypatch,
        [("domain utter_ok", "Gut. Sie können mich gerne etwas anderes fragen.")],
        [("Betrag Banjul e.V.", explain_terms("Banjul e.V. bekommt Geld.\nDas Geld ist für ein Fest.", set(), glossary_entries())[0])],
        names=["Banjul e.V."],
    )
    code, output = run(empty_db, verbose=True)
    assert code == 0, output
    assert lines(output, "RESULT") == [["RESULT", "OK"]]
    assert not lines(output, "VIOLATION")
    assert [row[1:3] for row in lines(output, "ANSWER")] == [["fest", "domain utter_ok"], ["db", "Betrag Banjul e.V."]]


def test_violation_is_reported_with_answer_rule_and_sentence(monkeypatch, empty_db):
    fake_sources(monkeypatch, [], [("Sitzung", "Die Sitzung war am 01.04.2019.\nDas steht im Protokoll.")])
    code, output = run(empty_db, verbose=True)
    assert code == 1
    assert ["VIOLATION", "db", "Sitzung", "date_format", "Datum in Ziffern (01.04.2019)", "Die Sitzung war am 01.04.2019."] in lines(output, "VIOLATION")
    assert lines(output, "TEXT") == [["TEXT", "db", "Sitzung", "Die Sitzung war am 01.04.2019.\\nDas steht im Protokoll."]]
    assert lines(output, "RESULT") == [["RESULT", "FAIL"]]


def test_missed_target_fails_without_any_violation(monkeypatch, empty_db):
    fake_sources(monkeypatch, [], [("Frage", "Die Kinder spielen heute gemeinsam draußen.")])  # 57: above the floor
    code, output = run(empty_db)
    assert code == 1
    assert not lines(output, "VIOLATION")
    targets = {row[2]: row[4] for row in lines(output, "TARGET") if row[1] == "db"}
    assert targets["mean_flesch_amstad>=70"] == "FAIL"


def test_summary_lines_are_greppable(monkeypatch, empty_db):
    fake_sources(monkeypatch, [], [("A", "Das ist gut."), ("B", "Die Stadt gibt Geld für ein Fest.")])
    _, output = run(empty_db)
    summary = dict(field.split("=", 1) for row in lines(output, "SUMMARY") if row[1] == "db" for field in row[2:])
    assert summary["answers"] == "2" and summary["violations"] == "0"
    assert float(summary["median_words_per_sentence"]) == 5.0
    assert summary["max_sentence_words"] == "7"
    assert float(summary["mean_flesch_amstad"]) > 0
    assert [row[2] for row in lines(output, "HARDEST") if row[1] == "db"] == ["1", "2"]


def test_button_titles_are_checked_but_not_counted(monkeypatch, empty_db):
    fake_sources(monkeypatch, [("domain utter_x", "Das ist gut."), ("domain utter_x (Knopf)", "Hast du Fragen?")], [("A", "Das ist gut.")])
    code, output = run(empty_db, verbose=True)
    assert code == 1
    assert [row[3] for row in lines(output, "VIOLATION")] == ["informal_address"]
    assert "domain utter_x (Knopf)" not in [row[2] for row in lines(output, "ANSWER")]


def test_missing_catalogue_fails_loudly(monkeypatch, empty_db):
    monkeypatch.setattr(checker, "names_from_database", lambda session: (set(), set()))
    monkeypatch.setitem(sys.modules, "bot.lint.catalog", None)  # import now fails
    code, output = run(empty_db)
    assert code == 2, output
    assert "render_all fehlt" in output and lines(output, "RESULT") == [["RESULT", "ERROR"]]


def test_empty_catalogue_is_an_error(monkeypatch, empty_db):
    fake_sources(monkeypatch, [], [])
    code, output = run(empty_db)
    assert code == 2 and "keine Antworten" in output


def test_broken_database_is_an_error_without_traceback(monkeypatch, tmp_path):
    monkeypatch.setattr(checker, "fixed_texts", lambda: [])
    code, output = run(f"sqlite:///{tmp_path / 'nothing' / 'here.sqlite'}")
    assert code == 2
    assert "Traceback" not in output and lines(output, "ERROR"), output


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_runs_over_the_real_catalogue_and_database(seeded_url):
    code, output = run(seeded_url, verbose=True)
    assert code in (0, 1), output[-2000:]
    answers = [row for row in lines(output, "ANSWER") if row[1] == "db"]
    assert len(answers) > 20, "the catalogue should give many answers for the seed data"
    assert any("Banjul e.V." in row[2] for row in answers)
    for row in lines(output, "VIOLATION"):
        assert len(row) == 6, row
    assert {row[1] for row in lines(output, "TARGET")} == {"fest", "db"}
    assert len(lines(output, "TARGET")) == 8 and lines(output, "RESULT") and lines(output, "REVIEW")


def test_the_widget_and_channel_texts_are_checked():
    labels = [label for label, _ in checker.fixed_texts()]
    assert "widget welcome" in labels and "telegram TEXT_ONLY_ANSWER" in labels and "domain utter_greet" in labels
