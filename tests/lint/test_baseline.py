"""Known violations (bot/lint/baseline.yml): a run passes only while nothing gets worse."""
import io

from bot.lint import baseline
from bot.lint.checker import lint_group
from bot.lint.report import report

GOOD = ("gut", "Die Stadt gibt Geld. Das ist gut.")
LONG = ("lang", "Der Verein hat am Montag sehr lange über das Fest und die Gäste und das Geld gesprochen.")
DATE = ("datum", "Das Fest war am 01.04.2019.")


def test_known_violations_pass_new_ones_fail(tmp_path):
    path = tmp_path / "baseline.yml"
    before = lint_group("seed", [GOOD, LONG], set())
    baseline.write([before], path)
    known = baseline.load(path)
    assert known["seed"]["violations"] == {"sentence_length": 1}
    assert baseline.regressions(before, known) == []

    after = lint_group("seed", [GOOD, LONG, DATE], set())
    assert "date_format: 1 (bekannt: 0)" in baseline.regressions(after, known)


def test_a_clean_corpus_needs_no_entry_and_fixing_is_never_a_regression(tmp_path):
    path = tmp_path / "baseline.yml"
    baseline.write([lint_group("seed", [GOOD, LONG], set()), lint_group("real", [GOOD], set())], path)
    known = baseline.load(path)
    assert "real" not in known
    assert baseline.regressions(lint_group("seed", [GOOD], set()), known) == []


def test_a_target_further_off_is_a_regression(tmp_path):
    path = tmp_path / "baseline.yml"
    hard = ("schwer", "Die Kinder spielen heute gemeinsam draußen.")  # 57: above the floor, below the mean
    baseline.write([lint_group("seed", [hard], set())], path)
    known = baseline.load(path)
    assert "mean_flesch_amstad>=70" in known["seed"]["targets"]
    harder = ("schwerer", "Die Mannschaften trainieren regelmäßig draußen.")
    worse = lint_group("seed", [hard, harder], set())
    assert any(problem.startswith("mean_flesch_amstad>=70") for problem in baseline.regressions(worse, known))


def test_report_says_known_and_strict_fails(monkeypatch, tmp_path):
    path = tmp_path / "baseline.yml"
    groups = [lint_group("seed", [GOOD, LONG], set())]
    baseline.write(groups, path)
    monkeypatch.setattr(baseline, "BASELINE_FILE", path)
    monkeypatch.setattr(baseline.load, "__defaults__", (path,))
    out = io.StringIO()
    assert report(groups, [], set(), False, out) == 0
    assert "RESULT\tOK_WITH_KNOWN\tviolations=1" in out.getvalue()
    out = io.StringIO()
    assert report(groups, [], set(), False, out, strict=True) == 1
    assert out.getvalue().rstrip().endswith("RESULT\tFAIL")
