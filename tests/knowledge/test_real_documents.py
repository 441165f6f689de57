"""The parser on real public documents (tests/fixtures/real): nothing invented, almost
everything read. Figures per family: ``python tests/knowledge/real_corpus.py -v``."""
from __future__ import annotations

import json

import pytest

import real_corpus

DOCUMENTS = real_corpus.documents()
MIN_RECALL = 0.95  # the target for every group
# Gaps not closed yet, each with its reason; the file may only shrink (strict xfail below).
KNOWN_GAPS = json.loads((real_corpus.CORPUS / "known_gaps.json").read_text(encoding="utf-8"))


def _known(document) -> list:
    reason = KNOWN_GAPS["invents"].get(document.name)
    return [pytest.mark.xfail(reason=reason, strict=True)] if reason else []


def test_the_corpus_is_there_and_varied():
    groups = {d.group for d in DOCUMENTS}
    assert {"hannover", "other"} <= groups, f"corpus groups found: {sorted(groups)}"
    assert sum(d.group == "hannover" for d in DOCUMENTS) >= 20
    assert sum(d.group == "other" for d in DOCUMENTS) >= 20
    for document in DOCUMENTS:
        first = document.path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("SOURCE: http"), f"{document.name}: the text must start with its source address"
        assert document.expected.get("source") == first.removeprefix("SOURCE: ").strip(), document.name


@pytest.mark.parametrize("document", [pytest.param(d, id=d.name, marks=_known(d)) for d in DOCUMENTS])
def test_nothing_invented(document):
    """No amount and no meeting date that the document does not state, and a ceiling
    ("bis zu") is read as a ceiling."""
    try:
        record = real_corpus.parse(document)
    except real_corpus.ParseError:
        return  # refused: nothing written, nothing invented (what it states counts as missed in the recall test)
    score = real_corpus.score(document, record)
    assert not score.invented_grants, "grants the document does not state:\n" + "\n".join(score.invented_grants)
    assert not score.invented_dates, "meeting dates the document does not state:\n" + "\n".join(score.invented_dates)
    assert not score.ceilings_wrong, "ceiling read wrong:\n" + "\n".join(score.ceilings_wrong)


@pytest.mark.parametrize("group", ["hannover-given", "hannover-found", "other"])
def test_grants_and_dates_read(group):
    score = real_corpus.score_all().get(group)
    assert score is not None, f"no documents in tests/fixtures/real/{group}"
    floor = KNOWN_GAPS["recall_floors"].get(group, MIN_RECALL)
    assert score.recall >= floor, (
        f"{group}: read {score.grants_read}/{score.grants_stated} grants and {score.dates_read}/{score.dates_stated} "
        f"meeting dates ({score.recall:.1%} < {floor:.0%}; target {MIN_RECALL:.0%}). Missed:\n" + "\n".join(score.missed)
    )
    if floor < MIN_RECALL and score.recall >= MIN_RECALL:
        pytest.fail(f"{group} reaches the target now ({score.recall:.1%}): remove its floor from known_gaps.json")


def test_the_scorer_catches_a_wrong_amount():
    """The suite would notice an amount the document does not state."""
    document = next(d for d in DOCUMENTS if d.expected.get("grants"))
    record = real_corpus.parse(document)
    from dataclasses import replace
    from decimal import Decimal

    first = next(g for g in record.grants if g.amount is not None)
    wrong = replace(record, grants=(replace(first, amount=first.amount + Decimal("0.01")),) + record.grants[1:])
    assert real_corpus.score(document, wrong).invented_grants
