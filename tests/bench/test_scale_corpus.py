"""The scale corpus (bench/scale_corpus.py): big enough, deterministic, read as written."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from bench import scale_corpus


def _digest(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.iterdir())}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return scale_corpus.generate(tmp_path_factory.mktemp("scale") / "documents")


def test_thirteen_councils_fifteen_years_at_least_3000_grants_and_700_meetings(corpus):
    truth = corpus.truth()
    assert len(truth["councils"]) == 13 and all(len(years) == 15 for years in truth["councils"].values())
    assert truth["grants"] >= 3000 and truth["meetings"] >= 700, {k: truth[k] for k in ("grants", "meetings")}
    assert truth["organisations"] >= 2000 and truth["private_persons"] >= 50
    assert set(truth["families"]) == set(scale_corpus.PROTOCOL_FAMILIES) | set(scale_corpus.PAPER_FAMILIES)
    assert truth["grants_in_two_documents"] >= 300, "protocols and decision papers about the same applications"
    assert truth["rejected"] >= 100


def test_every_document_parses_as_written(corpus):
    problems = scale_corpus.check(corpus)
    assert not problems, f"{len(problems)} documents differ:\n" + "\n".join(problems[:20])


def test_same_seed_same_bytes_and_a_slice_is_part_of_the_whole(corpus, tmp_path):
    councils, years = ("Mitte", "Ricklingen"), (2016, 2017)
    first = scale_corpus.generate(tmp_path / "a", councils=councils, years=years)
    scale_corpus.generate(tmp_path / "b", councils=councils, years=years)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    whole = _digest(corpus.documents[0].path.parent)
    assert all(whole[name] == digest for name, digest in _digest(tmp_path / "a").items())
    sliced = first.truth()["councils"]
    for council, per_year in sliced.items():
        for year, entry in per_year.items():
            assert entry == corpus.truth()["councils"][council][year]


def test_another_seed_gives_another_corpus(tmp_path):
    one = scale_corpus.generate(tmp_path / "a", seed=1, councils=("Nord",), years=(2013,))
    two = scale_corpus.generate(tmp_path / "b", seed=2, councils=("Nord",), years=(2013,))
    assert _digest(tmp_path / "a") != _digest(tmp_path / "b")
    assert one.truth() != two.truth()
