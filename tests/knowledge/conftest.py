"""Fixtures for the parser tests: the fixture documents and the seed protocol."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge.parser import parse_file
from bot.knowledge.records import DocumentRecord

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "protocols"
SEED = ROOT / "knowledge" / "protocols" / "2019-04-01_linden-limmer_32.txt"


@pytest.fixture(scope="session")
def fixture_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def parsed():
    """Parse a fixture document by file name (cached: the records are immutable)."""
    cache: dict[str, DocumentRecord] = {}

    def parse(name: str) -> DocumentRecord:
        if name not in cache:
            cache[name] = parse_file(FIXTURES / name)
        return cache[name]

    return parse


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_parsed() -> DocumentRecord:
    return parse_file(SEED)
