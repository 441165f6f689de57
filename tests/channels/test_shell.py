"""Staff use `make shell` (scripts/shell.sh) like this: start, ask, read, /stop."""
from __future__ import annotations

import os
import re
import signal
import socket
import time

import pexpect
import pytest

import rasa_servers

QUESTION = "Wer ist der Vorsitzende vom Integrationsbeirat Linden-Limmer?"
PROMPT = "Your input ->"
BUTTON_MENU = "Type out your own message"  # rasa shell's select list when an answer has buttons


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.mark.rasa
def test_staff_ask_the_shell_and_leave_with_stop():
    rasa_servers.require_trained_bot()
    env = rasa_servers.process_env(PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm", MODEL=str(rasa_servers.MODEL))
    shell = pexpect.spawn(
        str(rasa_servers.REPO / "scripts" / "shell.sh"),
        cwd=str(rasa_servers.REPO),
        env=env,
        encoding="utf-8",
        codec_errors="replace",
        dimensions=(40, 200),
        timeout=rasa_servers.START_TIMEOUT,
    )
    action_port = None
    try:
        shell.expect(r"Action-Server läuft auf Port (\d+)")
        action_port = int(shell.match.group(1))
        shell.expect_exact(PROMPT)

        shell.sendline(QUESTION)
        # prompt_toolkit redraws the input line (with the prompt) after Enter, so only
        # the answer itself or the end of the shell can end this wait.
        index = shell.expect_exact(["Rainer-Jörg Grube", pexpect.EOF, pexpect.TIMEOUT], timeout=180)
        assert index == 0, f"the shell did not answer with the chair's name; it printed:\n{_plain(shell.before)}"

        # Back at the input; an answer with buttons first shows a select list.
        if shell.expect_exact([PROMPT, BUTTON_MENU], timeout=60) == 1:
            shell.send("\x1b[A")  # up wraps to the last choice: type your own message
            shell.send("\r")
            shell.expect_exact(PROMPT, timeout=30)
        shell.sendline("/stop")
        shell.expect(pexpect.EOF, timeout=90)
        shell.close()
        assert shell.exitstatus == 0, f"shell.sh ended with {shell.exitstatus}, signal {shell.signalstatus}"
        assert not _port_open(action_port), "the action server still runs after the shell ended"
    finally:
        _stop(shell)


def _plain(output: str) -> str:
    """Terminal output without colour and cursor escape sequences."""
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", output or "")


def _stop(shell: pexpect.spawn) -> None:
    """pexpect made shell.sh a session leader; its action server is in that group."""
    for sig, grace in ((signal.SIGTERM, 15.0), (signal.SIGKILL, 5.0)):
        if not shell.isalive():
            return
        try:
            os.killpg(shell.pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + grace
        while shell.isalive() and time.monotonic() < deadline:
            time.sleep(0.2)
