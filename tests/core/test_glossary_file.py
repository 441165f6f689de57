"""knowledge/glossary.yml has one reader: the importer and the checker both use it."""

import pytest

from bot.core.facts import GlossaryEntry
from bot.core.glossary_file import GLOSSARY_FILE, GlossaryError, read_glossary


def test_read_glossary_rejects_bad_files(tmp_path):
    cases = {
        "not_a_list.yml": "term: Zuwendung\n",
        "no_explanation.yml": "- term: Zuwendung\n",
        "bad_aliases.yml": "- term: Zuwendung\n  explanation: Geld.\n  aliases: Zuwendungen\n",
        "empty_alias.yml": "- term: Zuwendung\n  explanation: Geld.\n  aliases: ['']\n",
        "duplicate.yml": "- term: A\n  explanation: x.\n  aliases: [B]\n- term: B\n  explanation: y.\n",
        "same_term.yml": "- term: Beirat\n  explanation: x.\n- term: beirat\n  explanation: y.\n",
        "unknown_field.yml": "- term: A\n  explanation: x.\n  colour: red\n",
        "broken.yml": "- term: [\n",
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        with pytest.raises(GlossaryError, match=name):
            read_glossary(path)
    with pytest.raises(GlossaryError, match="nicht lesbar"):
        read_glossary(tmp_path / "missing.yml")


def test_read_glossary_reads_entries(tmp_path):
    path = tmp_path / "glossary.yml"
    path.write_text(
        "- term: Zuwendung\n  aliases: [Zuwendungen]\n  explanation: >-\n    Die Stadt gibt\n    Geld.\n",
        encoding="utf-8",
    )
    assert read_glossary(path) == (GlossaryEntry("Zuwendung", "Die Stadt gibt Geld.", ("Zuwendungen",)),)


def test_the_real_glossary_reads():
    entries = read_glossary(GLOSSARY_FILE)
    assert entries and all(e.term and e.explanation for e in entries)
