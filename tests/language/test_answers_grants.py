"""Grant answers: the right facts, the right verb for the status, source named, short sentences."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from bot.language.answers import grants as answers
from bot.language.answers.common import MORE_OFFER
from bot.language.sentences import analyse
from bot.core.enums import GrantStatus
from bot.core.facts import CuratedFact, GrantFact, GrantTotal, Source

LINDEN = "Integrationsbeirat Linden-Limmer"
SOURCE = Source(LINDEN, 32, dt.date(2019, 4, 1), "2019-04-01_linden-limmer_32.txt", agenda_number="2")


def grant(org="Banjul e.V.", amount="1400.00", purpose="Internationales Fußball", status="recommended",
          number="04/2019", vote=None, source=SOURCE) -> GrantFact:
    return GrantFact(number, org, org, Decimal(amount) if amount else None, purpose, GrantStatus(status), vote,
                     source)


def longest_sentence(text: str, names=()) -> int:
    return max(s.words for s in analyse(text, names).sentences)


def test_amount_of_a_recommended_grant_says_suggested_and_who_decides():
    answer = answers.grant_amount([grant()])
    assert "Banjul e.V. hat Geld beantragt." in answer.text
    assert "Der Integrations·beirat Linden-Limmer schlägt 1.400 Euro vor." in answer.text
    assert "Der Stadt·bezirks·rat sagt dann Ja oder Nein." in answer.text
    assert "Das steht im Protokoll von der 32. Sitzung" in answer.text, "the source must be named"
    assert answer.text.count("Linden-Limmer") == 1, "the source does not repeat the council named just before"
    assert "Internationales Fußball" in (answer.more or ""), "the purpose goes into 'more' (5-sentence rule)"
    assert answer.text.endswith(MORE_OFFER)


def test_a_ceiling_is_said_as_a_ceiling_never_as_a_payment():
    """ "Zuwendungssumme: bis zu 2.200,00 €": the most that can be paid."""
    capped = GrantFact("IB-02-2025", "NK Mitte", "NK Mitte", Decimal("2200.00"), "Sommerfest 2025", GrantStatus.RECOMMENDED,
                       None, SOURCE, ceiling=True)
    answer = answers.grant_amount([capped])
    assert "schlägt bis zu 2.200 Euro vor." in answer.text
    listed = answers.grants_list([capped])
    assert "bis zu 2.200 Euro" in listed.text
    assert "bis zu" not in answers.grant_amount([grant(amount="2200.00")]).text, "only a ceiling says 'bis zu'"


def test_amount_of_a_decided_grant_never_says_suggested():
    answer = answers.grant_amount([grant(status="decided", amount="740.70")])
    assert "Die Entscheidung ist: Banjul e.V. bekommt 740,70 Euro." in answer.text
    assert "schlägt" not in answer.text


def test_rejected_grant_says_no_money():
    text = answers.grant_amount([grant(status="rejected")]).text + "\n" + (answers.grant_amount([grant(status="rejected")]).more or "")
    assert "bekommt kein Geld" in text and "abgelehnt" in text
    assert "schlägt" not in text


def test_missing_amount_is_said_honestly():
    answer = answers.grant_amount([grant(amount=None)])
    full = answer.text + (answer.more or "")
    assert "Im Protokoll steht kein Betrag." in full
    assert "None" not in full


def test_several_grants_of_one_organisation_are_all_named():
    second = grant(number="09/2019", amount="300", purpose="Sommerfest")
    answer = answers.grant_amount([grant(), second])
    full = answer.text + "\n" + (answer.more or "")
    assert "Banjul e.V. hat 2 Anträge gestellt." in answer.text
    assert "1.400 Euro" in full and "300 Euro" in full and "Sommerfest" in full


def test_purpose_answer_names_the_purpose_first():
    answer = answers.grant_purpose([grant()])
    assert answer.text.startswith("Banjul e.V. hat Geld beantragt.\nDas Geld ist für:\n„Internationales Fußball“.")
    assert "32. Sitzung" in answer.text


def test_purpose_missing_is_said_honestly():
    assert "Im Protokoll steht kein Zweck für das Geld." in answers.grant_purpose([grant(purpose=None)]).text


def test_application_status_names_number_organisation_and_vote():
    answer = answers.application_status([grant(vote="einstimmig", status="decided")])
    full = answer.text + "\n" + (answer.more or "")
    assert "Der Antrag 04/2019 ist von Banjul e.V." in answer.text
    assert "bekommt 1.400 Euro" in full
    assert "So war die Abstimmung: einstimmig." in full


def test_list_puts_one_grant_per_line_grouped_by_status():
    grants = [grant(), grant(org="Förderverein der IGS Linden e.V.", amount="799", number="05/2019",
                             purpose="Projekt „Spielend gegen Ausgrenzung“")]
    answer = answers.grants_list(grants, council=LINDEN, year=2019)
    lines = answer.text.splitlines()
    assert "Im Jahr 2019 gab es 2 Anträge auf Geld." in lines
    assert "- Banjul e.V.: 1.400 Euro für „Internationales Fußball“" in lines
    assert "- Förderverein der IGS Linden e.V.: 799 Euro für Projekt „Spielend gegen Ausgrenzung“" in lines


def test_long_list_shows_eight_items_and_keeps_the_rest_for_more():
    grants = [grant(org=f"Verein {i} e.V.", number=f"{i:02d}/2019") for i in range(1, 13)]
    answer = answers.grants_list(grants, council=LINDEN, year=2019)
    shown = [line for line in answer.text.splitlines() if line.startswith("- ")]
    rest = [line for line in (answer.more or "").splitlines() if line.startswith("- ")]
    assert len(shown) == 8, answer.text
    assert len(shown) + len(rest) == 12, "no grant may get lost between text and more"
    assert "Das sind die ersten 8 von 12." in answer.text, "the first page must not read as the whole list"
    assert answer.text.endswith(MORE_OFFER)


def test_total_gives_sum_and_count():
    total = GrantTotal(Decimal("2199.00"), 2, (LINDEN,), (2019,), (SOURCE,))
    answer = answers.grant_total(total, council=LINDEN, year=2019)
    assert "Zusammen sind das 2.199 Euro für 2 Anträge." in answer.text
    assert "Das gilt für das Jahr 2019 im Integrations·beirat Linden-Limmer." in answer.text
    assert "Abgelehnte Anträge zählen nicht mit." in answer.text
    assert "32. Sitzung" in answer.text


def test_total_unknown_gives_no_sum():
    text = answers.total_unknown().text
    assert "kein Betrag" in text and "Euro" not in text


def test_curated_fact_one_sentence_per_line_with_source_button():
    fact = CuratedFact("who_decides", "Der Beirat berät. Der Stadt·bezirks·rat beschließt.", "Protokoll 32, TOP 2")
    answer = answers.curated(fact)
    assert answer.text.splitlines()[:2] == ["Der Beirat berät.", "Der Stadt·bezirks·rat beschließt."]
    assert answer.buttons[0].payload == "/ask_source_passage"
    assert "Protokoll 32, TOP 2" in answers.curated_passage(fact)


def test_no_sentence_is_longer_than_15_words():
    names = ["Banjul e.V.", "Förderverein der IGS Linden e.V.", LINDEN]
    texts = [
        answers.grant_amount([grant()]).text,
        answers.grant_amount([grant(status="rejected")]).text,
        answers.application_status([grant(vote="einstimmig")]).text,
        answers.grants_list([grant()], council=LINDEN, year=2019).text,
    ]
    for text in texts:
        assert longest_sentence(text, names) <= 15, text


def test_a_total_with_ceilings_is_said_as_a_maximum():
    total = GrantTotal(Decimal("2600.00"), 2, ("Integrationsbeirat Mitte",), (), (SOURCE,), ceilings=2)
    text = answers.grant_total(total, council="Integrationsbeirat Mitte").text
    assert "Zusammen sind das höchstens 2.600 Euro für 2 Anträge." in text
    assert "nur der höchste Betrag" in text


def test_one_number_of_several_applicants_is_a_list_in_pages_not_every_story():
    """Numbers start again (the scale corpus: '01/2020' at every meeting): a list by decision."""
    found = [grant(org=f"Verein {i}", number="01/2020", amount=f"{100 * (i + 1)}.00") for i in range(10)]
    answer = answers.application_status(found)
    assert answer.text.startswith("Die Nummer 01/2020 steht bei 10 Anträgen.")
    assert "- Verein 0: 100 Euro für „Internationales Fußball“" in answer.text
    assert "Das sind die ersten 8 von 10." in answer.text
    assert "- Verein 9: 1.000 Euro" in (answer.more or "") and "Verein 9" not in answer.text
    assert (answer.text + (answer.more or "")).count("sagt dann Ja oder Nein") == 1


def test_one_number_of_one_applicant_keeps_its_story():
    recommended, decided = grant(), grant(status="decided")
    answer = answers.application_status([recommended, decided])
    assert "Der Antrag 04/2019 ist von Banjul e.V." in answer.text + (answer.more or "")
    assert "Die Nummer" not in answer.text


def test_several_grants_say_once_who_decides_a_proposal():
    found = [grant(number="1", purpose="Garten"), grant(number="3", purpose="Frühstück")]
    answer = answers.grant_amount(found)
    assert (answer.text + (answer.more or "")).count("Der Stadt·bezirks·rat sagt dann Ja oder Nein.") == 1


def test_a_long_word_before_a_quoted_title_goes_inside_the_quotes():
    answer = answers.grant_purpose([grant(purpose="Fußballturnier „Kicken gegen Rassismus“")])
    assert "„Fußballturnier ‚Kicken gegen Rassismus‘“" in answer.text
    assert "Projekt „Spielend“" in answers.grant_purpose([grant(purpose="Projekt „Spielend“")]).text


def test_several_grants_name_their_council_once():
    found = [grant(number="1", purpose="Garten"), grant(number="3", purpose="Frühstück", amount="300.00")]
    whole = "\n".join(filter(None, (lambda a: (a.text, a.more))(answers.grant_amount(found))))
    assert "Der Integrations·beirat Linden-Limmer schlägt 1.400 Euro vor." in whole
    assert "Der Beirat schlägt 300 Euro vor." in whole


def test_who_decides_a_proposal_follows_the_last_proposal_not_a_rejection():
    found = [grant(number="1", purpose="Garten"), grant(number="2", purpose="Fest", status="rejected")]
    answer = answers.grant_amount(found)
    whole = answer.text + "\n" + (answer.more or "")
    assert whole.index("Der Stadt·bezirks·rat sagt dann Ja oder Nein.") < whole.index("Der Antrag ist abgelehnt.")
    assert whole.count("Banjul e.V. bekommt kein Geld") == 0, "the name was said at the start"
