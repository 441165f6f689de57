"""Known violations: what ``beirat lint-language`` found and nobody has fixed yet.

The honest checker (every word counted, every answer as delivered, on three corpora)
finds more than could be rewritten at once. ``bot/lint/baseline.yml`` lists, per corpus,
how many violations of each rule are still open and the figures of the targets not met
yet. A run passes with ``RESULT OK_WITH_KNOWN`` only while nothing is worse than that
list: a new violation, or a target further off, fails it. ``--strict`` ignores the list
(the goal: 0 violations, all targets met, and then an empty list). The file is written
by ``beirat lint-language --write-baseline``, never by hand, and should only shrink.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from bot.lint.checker import Group

BASELINE_FILE = Path(__file__).with_name("baseline.yml")
HEADER = (
    "# Written by `beirat lint-language --write-baseline`; do not edit by hand (bot/lint/baseline.py).\n"
    "# Violations per corpus and rule that are known and not fixed yet, and the targets not met yet.\n"
    "# lint-language fails when anything is worse than this; fix texts and let the list shrink.\n"
)
SLACK = 0.5  # Flesch points a target may move with other data before it counts as worse


def _target_values(group: Group) -> dict[str, float]:
    return {name: float(value) for name, value, ok in group.stats.targets() if not ok and value is not None}


def write(groups: Sequence[Group], path: Path = BASELINE_FILE) -> None:
    data = {
        group.name: {
            "violations": dict(sorted(Counter(v.rule for _, v in group.violations).items())),
            "targets": _target_values(group),
        }
        for group in groups
        if group.violations or not group.stats.targets_met
    }
    path.write_text(HEADER + yaml.safe_dump({"corpora": data}, allow_unicode=True, sort_keys=True), encoding="utf-8")


def load(path: Path = BASELINE_FILE) -> dict:
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return data.get("corpora") or {}


def _worse(name: str, measured: float, known: float) -> bool:
    """Is a missed target further off than known? Limits "<=" grow, limits ">=" shrink."""
    if name.startswith(("median", "max")):
        return measured > known
    return measured < known - SLACK


def regressions(group: Group, known: dict) -> list[str]:
    """What in ``group`` is worse than the known list (empty: no regression)."""
    entry = known.get(group.name) or {}
    allowed = entry.get("violations") or {}
    found = []
    for rule, count in sorted(Counter(v.rule for _, v in group.violations).items()):
        if count > int(allowed.get(rule, 0)):
            found.append(f"{rule}: {count} (bekannt: {allowed.get(rule, 0)})")
    targets = entry.get("targets") or {}
    for name, value, ok in group.stats.targets():
        if ok or value is None:
            continue
        if name not in targets or _worse(name, float(value), float(targets[name])):
            found.append(f"{name}: {value} (bekannt: {targets.get(name, 'erfüllt')})")
    return found
