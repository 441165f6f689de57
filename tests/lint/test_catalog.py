"""The answer catalogue renders every answer type for every entity in the database."""
from __future__ import annotations

from bot.lint.catalog import render_all
from bot.language.answers.common import NO_DATA, TECHNICAL_PROBLEM


def test_catalogue_covers_every_entity_and_fixed_text(session):
    rendered = list(render_all(session))
    labels = [label for label, _ in rendered]
    texts = dict(rendered)
    for expected in (
        "Betrag Banjul e.V.",
        "Zweck Förderverein der IGS Linden e.V.",
        "Betrag Nachbarschaftstreff Mühlenberg e.V.",
        "Antrag 04/2019 Integrationsbeirat Linden-Limmer",
        "Antrag 01/2019 Integrationsbeirat Ricklingen",
        "Summe Integrationsbeirat Linden-Limmer 2019",
        "Mitglieder Integrationsbeirat Ricklingen",
        "Mitglied? Omar Kambi",
        "Partei Herr Mingers",
        "Mitglied? Asghar Eslami",
        "Vorsitz Integrationsbeirat Linden-Limmer",
        "Anwesend Integrationsbeirat Linden-Limmer 32. Sitzung am Montag, 1. April 2019",
        "Verhindert Integrationsbeirat Linden-Limmer 32. Sitzung am Montag, 1. April 2019",
        "Ort Integrationsbeirat Ricklingen 7. Sitzung am Montag, 6. Mai 2019",
        "Tagesordnung Integrationsbeirat Linden-Limmer 32. Sitzung am Montag, 1. April 2019",
        "Frage nach Beirat mit Namen",
    ):
        assert expected in labels, f"missing in the catalogue: {expected}"
    assert texts["keine Daten"] == NO_DATA
    assert texts["technisches Problem"] == TECHNICAL_PROBLEM
    assert "1.400 Euro" in texts["Betrag Banjul e.V."]


def test_catalogue_texts_are_complete_sentences_without_placeholders(session):
    for label, text in render_all(session):
        assert text.strip(), f"{label}: empty text"
        assert "None" not in text and "{" not in text, f"{label}: {text}"


def test_catalogue_leaves_out_quoted_protocol_text(session):
    texts = "\n".join(text for _, text in render_all(session))
    assert "Vor 10 Jahren erkannte die Politik" not in texts, "protocol text is not ours to check"


def test_catalogue_explains_every_glossary_word(seeded_url):
    from bot.importer.reference import load_glossary
    from bot.db.session import session_scope
    from bot.core.glossary_file import GLOSSARY_FILE, read_glossary

    with session_scope(seeded_url) as session:
        load_glossary(session, GLOSSARY_FILE)
    with session_scope(seeded_url) as session:
        labels = {label for label, _ in render_all(session)}
    missing = [e.term for e in read_glossary() if f"Wort {e.term}" not in labels]
    assert not missing, f"glossary words without an answer in the catalogue: {missing}"
