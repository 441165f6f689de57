"""The benchmark's verdicts (bench/__main__.py compare) and its memory reading (bench/stack.py)."""
from __future__ import annotations

import os

from bench.__main__ import compare
from bench.stack import tree_rss_mib


def load(throughput: float, p95: float, failed: int = 0) -> dict:
    return {"throughput_per_s": throughput, "p95_ms": p95, "p99_ms": p95 * 1.5, "failed": failed, "technical_problems": 0}


def ours(throughput_10: float, p95_10: float, largest_mib: float, failed_50: int = 0) -> dict:
    return {
        "load_1": load(30, 40), "load_10": load(throughput_10, p95_10), "load_50": load(90, 600, failed_50),
        "memory_mib_after_load": {"largest_rasa_process": largest_mib, "total": 2 * largest_mib + 200},
    }  # fmt: skip


BASE = {"load_1": load(30, 40), "load_10": load(60, 300), "load_50": load(60, 900), "rss_mib_after_load": 1000.0}


def test_targets_met_only_when_every_figure_is_within_its_limit():
    verdict = compare(ours(90, 150, 1300), BASE)
    assert verdict["load_10"]["throughput_ratio_ours_over_baseline"] == 1.5
    assert all(verdict["targets"].values()), verdict["targets"]


def test_each_target_can_fail_on_its_own():
    assert not compare(ours(89, 150, 1300), BASE)["targets"]["throughput_at_10_ge_1.5x_baseline"]
    assert not compare(ours(90, 151, 1300), BASE)["targets"]["p95_at_10_le_150ms"]
    assert not compare(ours(90, 150, 1310), BASE)["targets"]["each_rasa_process_le_1.3x_baseline_memory"]
    assert not compare(ours(90, 150, 1300, failed_50=1), BASE)["targets"]["no_errors_at_50"]


def test_memory_of_this_process_is_read_from_proc():
    assert tree_rss_mib(os.getpid()) > 10
