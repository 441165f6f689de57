"""The chat widget against the stand-in bot: asking, buttons, text safety, sessions, outages."""
from __future__ import annotations

import re

from browser_harness import RECONNECT_TIMEOUT_MS, running_standin, serving_web
from standin_server import LIST_TEXT, XSS_TEXT

WELCOME_START = "Hallo! Ich beantworte Fragen"
OFFLINE_TEXT = "Die Verbindung ist unterbrochen. Bitte versuchen Sie es später noch einmal."
STARTER_QUESTIONS = [
    "Was kann ich fragen?",
    "Wer ist im Integrations·beirat?",
    "Wann war die letzte Sitzung?",
    "Welche Projekte bekommen Geld?",
]


def host_page(base: str, server: str, extra_attributes: str = "", head: str = "", body: str = "") -> str:
    """A host page that embeds the widget with one script tag, as a city website would."""
    return f"""<!doctype html><html lang="de"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title>{head}
<script src="{base}/dist/frag-den-beirat.js" data-server="{server}" {extra_attributes} defer></script>
</head><body>{body}</body></html>"""


def test_typed_question_shows_question_and_answer(site, new_chat):
    chat = new_chat(site.base + "/")
    assert chat.bot_texts()[0].startswith(WELCOME_START), "the welcome message is missing"

    answer = chat.ask_and_wait("Wer entscheidet über das Geld?")

    assert chat.user_texts() == ["Wer entscheidet über das Geld?"]
    assert answer == "Sie haben gefragt: Wer entscheidet über das Geld?"
    assert chat.page.get_by_label("Ihre Frage").input_value() == "", "the input was not cleared after sending"


def test_starter_questions_are_offered_and_send_their_text(site, new_chat):
    chat = new_chat(site.base + "/")
    chips = chat.page.locator(".fdb-choice")
    assert chips.all_text_contents() == STARTER_QUESTIONS

    before = len(chat.bot_texts())
    chat.page.get_by_role("button", name="Wann war die letzte Sitzung?").click()
    chat.wait_bot_count(before + 1)

    assert chat.user_texts() == ["Wann war die letzte Sitzung?"]
    assert chat.last_bot_text() == "Sie haben gefragt: Wann war die letzte Sitzung?"
    assert chips.count() == 0, "starter questions should disappear after the first question"


def test_bot_buttons_show_title_and_send_payload(site, new_chat):
    chat = new_chat(site.base + "/")
    assert chat.ask_and_wait("knöpfe") == "Möchten Sie mehr wissen?"
    buttons = chat.page.locator(".fdb-choice")
    assert buttons.all_text_contents() == ["Ja, gerne", "Nein, danke"]

    before = len(chat.bot_texts())
    chat.page.get_by_role("button", name="Ja, gerne").click()
    chat.wait_bot_count(before + 1)

    assert chat.user_texts()[-1] == "Ja, gerne", "the user bubble must show the title, not the payload"
    assert chat.last_bot_text() == "Sie haben Ja gewählt.", "the payload /affirm did not reach the bot"
    assert buttons.count() == 0, "old buttons must go once one was used"


def test_markup_from_bot_and_user_is_shown_as_text(site, new_chat):
    chat = new_chat(site.base + "/")
    typed = '<img src="y" onerror="window.__xss = \'user\'"><script>window.__xss = "user-script"</script>'

    echo = chat.ask_and_wait(typed)
    answer = chat.ask_and_wait("xss")

    assert echo == f"Sie haben gefragt: {typed}"
    assert answer == XSS_TEXT, "the bot's markup was not shown literally"
    assert chat.user_texts()[0] == typed
    injected = chat.page.evaluate(
        "() => document.querySelector('.frag-den-beirat').shadowRoot"
        ".querySelectorAll('.fdb-log img, .fdb-log script, .fdb-log b').length"
    )
    assert injected == 0, "markup from a message became real elements"
    chat.page.wait_for_timeout(300)  # give a broken image's onerror time to fire
    assert chat.page.evaluate("() => window.__xss") is None, "a script from a message ran"


def test_multiline_answer_keeps_its_line_breaks(site, new_chat):
    chat = new_chat(site.base + "/")
    assert chat.ask_and_wait("liste") == LIST_TEXT
    body = chat.page.locator(".fdb-message--bot .fdb-body").last

    assert body.evaluate("node => getComputedStyle(node).whiteSpace") == "pre-line"
    shown_lines = body.inner_text().split("\n")
    assert shown_lines == LIST_TEXT.split("\n"), f"expected one line per list item, the page shows {shown_lines}"
    line_boxes = body.evaluate("node => node.getClientRects().length")
    assert line_boxes >= 4, f"the list is drawn on {line_boxes} lines, expected at least 4"


def test_answer_in_two_parts_gives_two_messages(site, new_chat):
    chat = new_chat(site.base + "/")
    before = len(chat.bot_texts())
    chat.ask("zwei teile")
    chat.wait_bot_count(before + 2)
    assert chat.bot_texts()[-2:] == ["Erster Teil.", "Zweiter Teil."]


def test_empty_question_sends_nothing(site, new_chat):
    chat = new_chat(site.base + "/")
    chat.ask("   ")
    chat.page.wait_for_timeout(500)
    assert chat.user_texts() == []
    assert len(chat.bot_texts()) == 1, "only the welcome message should be there"


def test_restart_clears_log_and_starts_new_session(site, new_chat):
    chat = new_chat(site.base + "/")
    first_session = chat.ask_and_wait("sitzung")

    chat.page.get_by_role("button", name="Neu starten").click()
    chat.wait_ready()

    assert chat.user_texts() == [], "the log still shows old questions"
    assert len(chat.bot_texts()) == 1 and chat.bot_texts()[0].startswith(WELCOME_START)
    assert chat.page.locator(".fdb-choice").all_text_contents() == STARTER_QUESTIONS
    second_session = chat.ask_and_wait("sitzung")
    assert re.fullmatch(r"Ihre Sitzung: \w+", second_session)
    assert second_session != first_session, "Neu starten kept the old session id"


def test_reload_keeps_conversation_and_session(site, new_chat):
    chat = new_chat(site.base + "/")
    first_session = chat.ask_and_wait("sitzung")

    chat.page.reload()
    chat.wait_ready()

    assert chat.user_texts() == ["sitzung"]
    assert chat.bot_texts()[-1] == first_session
    assert chat.ask_and_wait("sitzung") == first_session, "a reload must continue the same session"


def test_lost_connection_shows_plain_message_and_recovers(widget_bundle, new_chat):
    with running_standin() as standin, serving_web(standin.url) as site:
        chat = new_chat(site.base + "/")
        notice = chat.page.get_by_role("alert")
        assert not notice.is_visible(), "the outage notice shows while the bot is up"

        standin.stop()
        notice.wait_for(state="visible", timeout=RECONNECT_TIMEOUT_MS)
        assert notice.text_content() == OFFLINE_TEXT

        chat.ask("Ist jemand da?")
        assert chat.user_texts() == [], "a question was shown although it could not be sent"
        assert chat.page.get_by_label("Ihre Frage").input_value() == "Ist jemand da?", \
            "the typed question was lost"

        standin.start()
        chat.wait_ready()
        assert not notice.is_visible(), "the outage notice stays after the bot is back"
        assert chat.ask_and_wait("wieder da") == "Sie haben gefragt: wieder da"


def test_missing_answer_gets_a_polite_message(standin, site, new_chat):
    url = site.add_page("/silent.html", host_page(site.base, standin.url, 'data-reply-timeout="2"'))
    chat = new_chat(url)
    chat.ask("stumm")
    chat.wait_bot_count(2, timeout=6_000)
    assert chat.last_bot_text() == "Ich habe keine Antwort bekommen. Bitte versuchen Sie es noch einmal."


def test_widget_does_not_touch_the_host_page(standin, site, new_chat):
    hostile_css = """<style>
      * { font-size: 9px !important; color: #999 !important; font-family: serif !important; }
      button { display: none !important; }
      .fdb-text, .fdb-button { background: red !important; }
    </style>"""
    body = '<p class="fdb-text" id="own">Text der Seite</p><button id="own-button">Knopf der Seite</button>'
    chat = new_chat(site.add_page("/hostile.html", host_page(site.base, standin.url, head=hostile_css, body=body)))

    own_text = chat.page.locator("#own")
    assert own_text.evaluate("node => getComputedStyle(node).whiteSpace") == "normal", \
        "widget CSS leaked into the host page"
    assert chat.page.evaluate("() => typeof window.io") == "undefined", "the socket.io client leaked a global"
    sizes = chat.page.locator(".fdb-body, .fdb-button").evaluate_all(
        "nodes => nodes.map(node => parseFloat(getComputedStyle(node).fontSize))")
    assert sizes and min(sizes) >= 18, f"host page CSS shrank the widget text: {sizes}"
    assert chat.page.get_by_role("button", name="Neu starten").is_visible(), "host CSS hid the widget buttons"
    assert chat.ask_and_wait("hallo") == "Sie haben gefragt: hallo"


def test_one_script_tag_without_target_mounts_at_end_of_body(standin, site, new_chat):
    chat = new_chat(site.add_page("/plain.html", host_page(site.base, standin.url, body="<h1>Stadtteil</h1>")))
    last_child_is_widget = chat.page.evaluate(
        "() => document.body.lastElementChild.classList.contains('frag-den-beirat')")
    assert last_child_is_widget, "the widget should append its own element to the page"
    assert chat.page.locator(".frag-den-beirat").count() == 1


def test_without_data_server_it_asks_port_5005_on_the_same_host(site, new_chat, browser):
    # No bot answers here: the page's websocket to :5005 is caught, never sent.
    url = site.add_page("/default.html", host_page(site.base, "").replace(' data-server=""', ""))
    chat = new_chat(url, wait_ready=False)
    requested = []
    chat.page.route_web_socket(re.compile(r".*:5005/.*"), lambda ws: (requested.append(ws.url), ws.close()))
    chat.page.reload()
    chat.page.wait_for_timeout(1500)
    assert requested, "the widget did not try to connect to port 5005"
    assert requested[0].startswith("ws://127.0.0.1:5005/socket.io/"), requested[0]


def test_broken_saved_conversation_is_ignored(site, new_chat):
    broken = ('sessionStorage.setItem("frag-den-beirat", JSON.stringify({sessionId: 7, '
              'messages: [{from: "bot", text: "gespeichert"}, {from: "<b>", text: 1}, null], '
              'choices: [{title: 3}]}));')
    chat = new_chat(site.base + "/", init_script=broken)
    assert chat.bot_texts()[1:] == ["gespeichert"], "only well-formed saved messages may be shown"
    assert chat.page.locator(".fdb-choice").count() == 0
    assert chat.ask_and_wait("hallo") == "Sie haben gefragt: hallo"


def test_unreadable_saved_conversation_starts_fresh(site, new_chat):
    chat = new_chat(site.base + "/", init_script='sessionStorage.setItem("frag-den-beirat", "{kaputt");')
    assert chat.user_texts() == [] and len(chat.bot_texts()) == 1, "unreadable storage must start a fresh chat"
    assert chat.page.locator(".fdb-choice").count() == 4, "the starter questions are missing"
    assert chat.ask_and_wait("hallo") == "Sie haben gefragt: hallo"
