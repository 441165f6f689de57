"""Which council a question means."""
from __future__ import annotations

import pytest

from bot.queries.councils import find_council, list_councils

LINDEN = "Integrationsbeirat Linden-Limmer"


def test_list_councils_by_name(session):
    assert [c.name for c in list_councils(session)] == [LINDEN, "Integrationsbeirat Ricklingen"]
    assert list_councils(session)[0].district == "Linden-Limmer"


@pytest.mark.parametrize("text", ["linden", "Linden-Limmer", "linden limmer", "Integrationsbeirat Linden-Limmer",
                                  "beirat linden", "limmer", "Lindn-Limmer"])
def test_council_names_resolve(session, text):
    assert find_council(session, text).resolved == LINDEN, f"{text!r} should mean {LINDEN}"


def test_bare_word_integrationsbeirat_is_ambiguous(session):
    found = find_council(session, "Integrationsbeirat")
    assert found.resolved is None
    assert set(found.suggestions) == {LINDEN, "Integrationsbeirat Ricklingen"}


def test_unknown_council_is_not_resolved(session):
    found = find_council(session, "Mitte")
    assert found.resolved is None, "a council that is not in the data must not resolve to another one"
