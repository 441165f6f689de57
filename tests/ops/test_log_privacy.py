"""No message text in the INFO logs of the Rasa server and the action server,
neither for normal answers nor when something fails."""
from __future__ import annotations

import pytest

from conftest import say, texts

pytestmark = pytest.mark.rasa

SECRET = "Zitronenfalterwiese"


def test_message_text_never_reaches_the_logs(rasa, actions, fault_proxy):
    messages = [
        f"Wie viel Geld hat {SECRET} e.V. bekommen?",  # unknown name: reaches the action server
        f"Ist {SECRET} im Integrationsbeirat?",
        f"{SECRET} " * 300,  # too long
    ]
    for index, message in enumerate(messages):
        assert texts(say(rasa.url, f"privacy-{index}", message))
    fault_proxy.set_mode("down")  # the error paths log too
    try:
        assert texts(say(rasa.url, "privacy-down", f"Wie viel Geld hat {SECRET} bekommen?"))
    finally:
        fault_proxy.set_mode("pass")
    for server in (rasa, actions):
        lines = [line for line in server.log_text().splitlines() if SECRET.lower() in line.lower()]
        assert not lines, f"message text in {server.log}:\n" + "\n".join(lines[:5])
