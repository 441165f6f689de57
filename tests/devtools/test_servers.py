"""The shared server harness (bot.devtools.servers) with tiny Python servers: no model needed."""

from __future__ import annotations

import os
import sys
import textwrap
import time
from pathlib import Path

import pytest

from bot.devtools.servers import Server, ServerError, free_port, server_env

# An HTTP server that starts a child in its own process group and can be told to ignore SIGTERM.
SERVER = textwrap.dedent(
    """
    import http.server, os, signal, subprocess, sys
    port, pidfile = int(sys.argv[1]), sys.argv[2]
    if "--ignore-term" in sys.argv:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    open(pidfile, "w").write(str(child.pid))
    print("serving", port, flush=True)
    http.server.HTTPServer(("127.0.0.1", port), http.server.SimpleHTTPRequestHandler).serve_forever()
    """
)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0); it no longer runs.
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "State:\tZ" not in status.read_text()


def http_server(tmp_path: Path, *extra: str, **options) -> Server:
    port = free_port()
    script = tmp_path / "server.py"
    script.write_text(SERVER)
    cmd = [sys.executable, str(script), str(port), str(tmp_path / "child.pid"), *extra]
    return Server("test-server", cmd, server_env(), tmp_path / "server.log", f"http://127.0.0.1:{port}/", **options)


def wait_gone(pid: int, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not alive(pid)


def test_start_waits_for_health_and_stop_ends_the_whole_group(tmp_path):
    server = http_server(tmp_path, timeout=30).start()
    try:
        assert server.running() and server.startup_s is not None and server.startup_s > 0
        assert server.url == f"http://127.0.0.1:{server.port}"
        child = int((tmp_path / "child.pid").read_text())
        assert "serving" in server.log_text()
    finally:
        server.stop()
    assert not server.running()
    assert wait_gone(child), "the server's child survived stop()"
    server.stop()  # stopping twice is harmless


def test_sigkill_when_sigterm_is_ignored(tmp_path):
    server = http_server(tmp_path, "--ignore-term", timeout=30, stop_timeout=1).start()
    started = time.monotonic()
    server.stop()
    assert not server.running()
    assert server.proc is not None and server.proc.returncode == -9, server.proc.returncode
    assert time.monotonic() - started < 10


def test_process_that_ends_fails_with_the_log_tail(tmp_path):
    port = free_port()
    cmd = [sys.executable, "-c", "import sys; print('kaputt: keine Datenbank'); sys.exit(3)"]
    server = Server("broken", cmd, None, tmp_path / "broken.log", f"http://127.0.0.1:{port}/", 30)
    with pytest.raises(ServerError, match=r"(?s)broken ist beim Start beendet \(Code 3\).*kaputt: keine Datenbank"):
        server.start()


def test_timeout_stops_the_server_and_shows_the_log_tail(tmp_path):
    server = http_server(tmp_path, timeout=2, ready_status=201)  # it answers 200: never ready
    with pytest.raises(ServerError, match=r"(?s)antwortet nach 2 s nicht.*zuletzt: 200.*serving"):
        server.start()
    assert not server.running(), "a server that never got ready must be stopped"
    assert wait_gone(int((tmp_path / "child.pid").read_text()))


def test_failed_check_gives_up_early(tmp_path):
    def failed(status, log):
        return "das sieht falsch aus" if status == 200 and "serving" in log else None

    server = http_server(tmp_path, timeout=60, ready_status=201, failed=failed)
    started = time.monotonic()
    with pytest.raises(ServerError, match="test-server: das sieht falsch aus"):
        server.start()
    assert time.monotonic() - started < 30 and not server.running()


def test_ready_body_and_context_manager(tmp_path):
    (tmp_path / "index.html").write_text("not yet")
    server = http_server(tmp_path, timeout=3, ready_body=lambda body: b"ready" in body, cwd=tmp_path)
    with pytest.raises(ServerError):
        server.start()
    (tmp_path / "index.html").write_text("ready")
    with server:
        assert server.running()
    assert not server.running()
    assert server.log_text().count("serving") == 2, "a second start appends to the log"
