"""Contact data never reaches the feedback store: e-mail, phone, street address with number."""
from __future__ import annotations

import pytest

from bot.feedback.redact import ADDRESS_MARK, EMAIL_MARK, PHONE_MARK, redact


@pytest.mark.parametrize(
    "text, gone, mark",
    [
        ("Meine Mail ist anna.meier@example.org, bitte antworten", "anna.meier@example.org", EMAIL_MARK),
        ("Schreiben Sie an info(at)verein-hannover.de", "verein-hannover.de", EMAIL_MARK),
        ("Ruf mich an: 0511 123456", "123456", PHONE_MARK),
        ("Handy +49 (0)170-1234567 bitte", "1234567", PHONE_MARK),
        ("Meine Nummer 01701234567", "01701234567", PHONE_MARK),
        ("Tel. 4711", "4711", PHONE_MARK),
        ("Ich wohne in der Limmerstraße 7, 30451 Hannover", "Limmerstraße 7", ADDRESS_MARK),
        ("Ich wohne in der Limmerstraße 7, 30451 Hannover", "30451", ADDRESS_MARK),
        ("Ich wohne Am Küchengarten 3a", "Küchengarten 3a", ADDRESS_MARK),
        ("Ich bin in der Hauptstr. 12", "Hauptstr. 12", ADDRESS_MARK),
        ("Wohne Auf dem Hagen 12", "Hagen 12", ADDRESS_MARK),
    ],
)
def test_contact_data_is_replaced_by_a_mark(text, gone, mark):
    cleaned = redact(text)
    assert gone not in cleaned and mark in cleaned, cleaned


@pytest.mark.parametrize(
    "text",
    [
        "Wie viel Geld gab es 2022 für Banjul?",
        "Sitzung am 12.03.2024 und Drucksache 15-1094-2025 und 1094/2025",
        "Protokoll vom 2019-04-01",
        "Hat der Verein 12.000 Euro bekommen? Oder 30000 Euro?",
        "Wer ist im Integrationsbeirat Linden-Limmer?",
        "Was war im Jahr 2022?",
        "Zuschüsse Ricklingen 2021 2022",
        "Wer sitzt im Stadtbezirksrat 10?",
        "am Freitag 3 Projekte",
    ],
)
def test_what_questions_are_about_is_kept(text):
    assert redact(text) == text


def test_empty_and_missing_text():
    assert redact(None) == "" and redact("") == ""
