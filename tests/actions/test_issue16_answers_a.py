"""Issue 16, kinds 2, 3, 4, 5, 7, 8 at the action level (hand-made seed and Ricklingen data)."""
from __future__ import annotations

from bot.actions.glossary import ActionGlossary, asked_word
from bot.actions.grants import ActionGrantAmount, ActionGrantsList, ActionGrantTotal, ActionWhoDecides
from bot.actions.members import ActionPersonParty
from bot.actions.names import ActionNameCard
from bot.language.answers.names import NOT_UNDERSTOOD


# Kind 2: parties and groups
def test_a_party_nobody_is_named_with_is_said_honestly(two_councils, chat):
    turn = chat.ask(ActionPersonParty, "ask_party", text="Welche Mitglieder sind von der SPD?")
    assert turn.text.startswith("Für die Partei SPD steht kein Mitglied im Protokoll."), turn.text
    assert "Piraten" in turn.text and "DIE PARTEI" in turn.text, "the parties the protocols do name"


def test_a_party_by_its_usual_name_finds_its_members(two_councils, chat):
    turn = chat.ask(ActionPersonParty, "ask_party", text="Wer ist bei den Grünen?")
    assert "Bei der Partei BÜNDNIS 90/DIE GRÜNEN sind diese Mitglieder:" in turn.text, turn.text
    assert "Steffen Mallast" in turn.text and "Thomas Ganskow" not in turn.text


def test_a_party_taken_for_a_person_is_still_a_party(two_councils, chat):
    turn = chat.ask(ActionPersonParty, "ask_party", text="wer ist von den piraten", person="piraten")
    assert "Thomas Ganskow" in turn.text, turn.text


def test_which_parties_lists_the_named_ones_and_counts_the_others(two_councils, chat):
    turn = chat.ask(ActionPersonParty, "ask_party", text="Welche Parteien sind im Beirat?")
    assert "Bei 3 Mitgliedern steht eine Partei im Protokoll:" in turn.text, turn.text
    assert "Bei 21 anderen Mitgliedern steht keine Partei." in (turn.text + (turn.slots.get("more_text") or ""))


def test_a_person_s_party_is_still_answered(two_councils, chat):
    turn = chat.ask(ActionPersonParty, "ask_party", text="Ist Mallast bei den Grünen?", person="Mallast")
    assert turn.text.startswith("Steffen Mallast gehört zu: BÜNDNIS 90/DIE GRÜNEN."), turn.text


def test_people_from_an_organisation(two_councils, chat):
    turn = chat.ask(ActionPersonParty, "ask_party", text="Wer kommt von kargah?", organisation="kargah")
    assert "Asghar Eslami" in turn.text, turn.text


# Kind 3: grants by subject
def test_grants_by_subject_with_amounts(two_councils, chat):
    turn = chat.ask(ActionGrantsList, "ask_grants_list", text="Wer hat Geld für ein Fußball-Turnier bekommen?",
                    topic="fußball-turnier")
    assert turn.text.startswith("Zum Thema „Fußball-Turnier“ habe ich 1 Antrag gefunden:"), turn.text
    assert "Banjul e.V.: 1.400 Euro" in turn.text
    assert "Förderverein" not in turn.text


def test_a_subject_without_grants(two_councils, chat):
    turn = chat.ask(ActionGrantsList, "ask_grants_list", text="Wer hat Geld für Kochen bekommen?", topic="Kochen")
    assert turn.text.startswith("Zum Thema „Kochen“ steht nichts in den Protokollen."), turn.text
    assert turn.slots.get("topic", "kept") is None


def test_a_subject_of_one_organisation_answers_its_amount(two_councils, chat):
    turn = chat.ask(ActionGrantAmount, "ask_grant_amount", text="Wie viel Geld gab es für Feste?", topic="Feste")
    assert "740,70 Euro" in turn.text, turn.text
    assert turn.slots["organisation"] == "Nachbarschaftstreff Mühlenberg e.V."


def test_the_total_of_a_subject(two_councils, chat):
    turn = chat.ask(ActionGrantTotal, "ask_grant_total", text="Wie viel Geld gab es insgesamt für Feste?", topic="Feste")
    assert turn.text.startswith("Zum Thema „Feste“ habe ich 1 Antrag gefunden."), turn.text
    assert "Zusammen sind das 740,70 Euro." in turn.text


# Kind 4: a name alone
def test_a_name_alone_gives_a_card_with_next_questions(two_councils, chat):
    turn = chat.ask(ActionNameCard, "inform_name", text="IGS", organisation="IGS")
    assert turn.text.startswith("Förderverein der IGS Linden e.V. steht in meinen Papieren."), turn.text
    assert '/ask_grant_amount{"organisation": "Förderverein der IGS Linden e.V."}' in turn.payloads
    assert turn.slots["organisation"] == "Förderverein der IGS Linden e.V."


def test_a_person_alone(two_councils, chat):
    turn = chat.ask(ActionNameCard, "inform_name", text="Schmalz")
    assert turn.text.startswith("Inga Schmalz ist Mitglied im Integrations·beirat Linden-Limmer."), turn.text
    assert '/ask_party{"person": "Inga Schmalz"}' in turn.payloads


def test_a_place_alone(two_councils, chat):
    turn = chat.ask(ActionNameCard, "inform_name", text="Ricklingen", council="Ricklingen")
    assert "Vom Integrations·beirat Ricklingen habe ich 1 Papier." in turn.text, turn.text
    assert '/ask_members{"council": "Integrationsbeirat Ricklingen"}' in turn.payloads


def test_an_unknown_name_is_not_understood_and_changes_nothing(two_councils, chat):
    turn = chat.ask(ActionNameCard, "inform_name", text="Fnord", organisation="Fnord")
    assert turn.text == NOT_UNDERSTOOD
    assert turn.slots["organisation"] is None


# Kind 5: amounts and decisions
def test_which_sums_were_decided_is_the_grants_list(two_councils, chat):
    turn = chat.ask(ActionWhoDecides, "ask_who_decides", text="Welche Summen wurden beschlossen?")
    assert turn.text == "Welchen Beirat meinen Sie?", turn.text
    assert all(p.startswith("/ask_grants_list{") for p in turn.payloads), turn.payloads
    turn = chat.ask(ActionGrantsList, "ask_grants_list", council="Integrationsbeirat Ricklingen")
    assert "740,70 Euro" in turn.text, turn.text


def test_who_decides_about_the_sums_is_still_who_decides(two_councils, chat):
    turn = chat.ask(ActionWhoDecides, "ask_who_decides", text="Wer entscheidet über die Summen?")
    assert "Welchen Beirat" not in turn.text


# Kind 7: glossary words with dots and capitals
def test_the_typed_word_counts_when_the_nlu_cut_it(two_councils, chat):
    assert asked_word("Was ist ein e.V.?") == "e.V."
    assert asked_word("Was heißt z. B.?") == "z. B."
    assert asked_word("Was bedeutet MSO?") == "MSO"
    assert asked_word("Was ist das?") is None
    # The NLU cut the word ("Pro"): the word as typed decides.
    turn = chat.ask(ActionGlossary, "ask_glossary", text="Was ist ein Protokoll?", term="Pro")
    assert turn.text.startswith("Das Wort „Protokoll“ bedeutet:"), turn.text


# Kind 8: a year without data
def test_a_year_without_data_for_an_organisation_is_said_first(two_councils, chat):
    turn = chat.ask(ActionGrantAmount, "ask_grant_amount", text="Wie viel Geld hat Banjul 2021 bekommen?",
                    organisation="Banjul", year="2021")
    lines = turn.text.splitlines()
    assert lines[0] == "Für das Jahr 2021 steht dazu nichts im Protokoll.", lines
    assert "1.400 Euro" in turn.text


def test_a_year_with_data_answers_that_year(two_councils, chat):
    turn = chat.ask(ActionGrantAmount, "ask_grant_amount", text="Wie viel Geld hat Banjul 2019 bekommen?",
                    organisation="Banjul", year="2019")
    assert "steht nichts" not in turn.text and "1.400 Euro" in turn.text, turn.text


# Kind 1 (attendance) in the actions of this module
def test_a_known_person_at_another_council_s_meeting_is_not_in_its_list(two_councils, chat):
    from bot.actions.members import ActionAttendancePresent

    turn = chat.ask(ActionAttendancePresent, "ask_attendance_present", text="War Deniz Kaya am 01.04.2019 da?",
                    person="Deniz Kaya", meeting_date="01.04.2019", council="Linden-Limmer")
    assert turn.text.startswith("Deniz Kaya steht nicht in der Liste der Mitglieder."), turn.text


def test_und_name_after_an_attendance_answer_asks_attendance_again(two_councils, chat):
    from bot.actions.members import ActionAttendancePresent, ActionIsMember

    chat.ask(ActionAttendancePresent, "ask_attendance_present", text="War Omar Kambi am 01.04.2019 da?",
             person="Omar Kambi", meeting_date="01.04.2019", council="Linden-Limmer")
    turn = chat.ask(ActionIsMember, "ask_is_member", text="und schmalz?", person="schmalz")
    assert turn.text.startswith("Nein. Inga Schmalz konnte"), turn.text
    assert "ist Mitglied" not in turn.text


def test_a_name_the_nlu_cut_is_read_in_full_from_the_message(two_councils, chat):
    from bot.actions.members import ActionAttendancePresent

    turn = chat.ask(ActionAttendancePresent, "ask_attendance_present",
                    text="war omar kambi am 01.04.2019 bei der sitzung", person="omar", meeting_date="01.04.2019")
    assert turn.text.startswith("Ja. Omar Kambi war"), turn.text
