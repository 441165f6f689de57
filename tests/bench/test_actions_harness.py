"""bench/actions.py runs every action of the benchmark conversation and measures each."""

from __future__ import annotations

import pytest

from bench import actions


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)  # the bench's database; the cache is SQLite's
def test_every_action_of_the_conversation_is_measured(seeded_url, monkeypatch, tmp_path):
    monkeypatch.setattr(actions, "WORK", tmp_path)
    result = actions.run(rounds=2, warmup=1, url=seeded_url)
    expected = {action for _, _, _, action in actions.SCRIPT if action.startswith("action_")}
    assert set(result["per_action_cpu"]) == expected
    assert all(figures["calls"] == 2 and figures["median_ms"] > 0 for figures in result["per_action_cpu"].values())
    answers = (tmp_path / "answers.txt").read_text(encoding="utf-8")
    assert "technisches Problem" not in answers
    assert result["query_cache"]["hit_rate"] > 0.5  # the second and third conversation ask the same
