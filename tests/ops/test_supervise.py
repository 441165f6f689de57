"""`make run` under supervision (scripts/run.sh -> scripts/supervise.py) with two Rasa
processes behind nginx, sharing conversations (SQL tracker store) and locks (Redis).

One start of the stack; then each service is killed in turn (SIGKILL): rasa-1, rasa-2,
actions, nginx, redis, web. After each kill the bot answers a factual question again
within 60 s (a killed Rasa process: the other one answers at once), the supervisor
restarts the service and logs it, users hear the technical-problem sentence while the
action server is down, and a conversation started before the kills goes on afterwards
with all its messages in the tracker. The figures are printed (pytest -s); measured on
2 shared cores with other suites running (4 runs): back after rasa-1 0.3-1.2 s, rasa-2
0.2-1.4 s, actions 3.5-4.8 s, nginx 2.1-2.3 s, redis 1.3-2.1 s, web 2.1-2.2 s; a
restarted Rasa process was ready again after 35-87 s.

Without nginx or redis-server, run.sh falls back to one Rasa process and says so.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from conftest import REPO, TECHNICAL_PROBLEM, base_env, require_model

from bot.devtools.servers import Server, free_port, server_env

pytestmark = pytest.mark.rasa

BACK_WITHIN = 60  # seconds from SIGKILL until the bot answers again, for every service
RASA_READY_WITHIN = 300  # seconds: a restarted Rasa process loads TensorFlow + model (2 shared cores)
QUESTION, EXPECTED = "Wie viel Geld hat Banjul bekommen?", "1.400"
FOLLOW_UP, FOLLOW_UP_EXPECTED = "Und wofür?", "Fußball"
KILL_ORDER = ("rasa-1", "rasa-2", "actions", "nginx", "redis", "web")


def normalise(text: str) -> str:
    return text.replace("·", "").replace("\u00ad", "")


def ask(url: str, sender: str, message: str, timeout: float = 30) -> str | None:
    """The bot's answer, or None when nothing answers (or not with 200)."""
    try:
        response = requests.post(
            f"{url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=timeout
        )
    except requests.RequestException:
        return None
    if response.status_code != 200:
        return None
    return normalise(" ".join(m.get("text", "") for m in response.json()))


def program(name: str) -> str | None:
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/sbin")
    return found


def require_programs() -> None:
    """nginx and redis-server: a clear failure in `make test`/CI, otherwise a skip that says why."""
    missing = [name for name in ("nginx", "redis-server") if not program(name)]
    if not missing:
        return
    reason = f"{' und '.join(missing)} fehlt: make run mit mehreren Rasa-Prozessen ist nicht prüfbar"
    reason += " (make services installiert es)."
    if os.environ.get("CI") or os.environ.get("BEIRAT_REQUIRE_SERVICES"):
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


def state(tmp: Path) -> dict:
    return json.loads((tmp / "log" / "supervise.json").read_text())


def page_ok(url: str) -> bool:
    try:
        return requests.get(url, timeout=5).ok
    except requests.RequestException:
        return False


def rasa_ready(port: int) -> bool:
    try:
        return requests.get(f"http://127.0.0.1:{port}/webhooks/rest/", timeout=2).ok
    except requests.RequestException:
        return False


def restarted_once(tmp: Path, name: str, before: dict) -> bool:
    now = state(tmp)[name]
    return now["restarts"] == before["restarts"] + 1 and now["pid"] is not None


def port_of(pid: int) -> int:
    """The port a Rasa process listens on, from its command line (-p PORT)."""
    args = Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")
    return int(args[args.index("-p") + 1])


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, MB."""
    total = 0
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            total += int(line.split()[1])
    children = Path(f"/proc/{pid}/task/{pid}/children")
    for child in children.read_text().split() if children.exists() else []:
        total += int(rss_mb(int(child)) * 1024)
    return total / 1024


def wait_until(check, limit: float) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started < limit:
        if check():
            return time.monotonic() - started
        time.sleep(1)
    return None


def run_env(tmp: Path, ports: dict[str, int], decisions_db: Path, **extra: str) -> dict[str, str]:
    env = base_env(
        BEIRAT_RUN_DIR=str(tmp), BEIRAT_MODEL=str(require_model()), DATABASE_URL=f"sqlite:///{decisions_db}",
        **{k: str(v) for k, v in ports.items()}, **extra,
    )  # fmt: skip
    if not (shutil.which("node") and (REPO / "web" / "node_modules").is_dir()):
        # A fresh clone before scripts/test-browser.sh installed node: serve the page without building it.
        env["BEIRAT_WEB_COMMAND"] = f"{sys.executable} web/serve.py --host 127.0.0.1 --port {ports['WEB_PORT']}"
    return env


@pytest.fixture(scope="module")
def made_run(tmp_path_factory, decisions_db):
    require_programs()
    tmp = tmp_path_factory.mktemp("make_run")
    ports = {"RASA_PORT": free_port(), "ACTION_PORT": free_port(), "WEB_PORT": free_port()}
    env = run_env(tmp, ports, decisions_db, BEIRAT_RASA_PROCESSES="2")
    started = time.monotonic()
    server = Server(
        "make_run", [str(REPO / "scripts" / "run.sh")], env, tmp / "run.log",
        f"http://127.0.0.1:{ports['RASA_PORT']}/webhooks/rest/", timeout=300,
    ).start()  # fmt: skip
    print(f"\nmake run with 2 Rasa processes: public port answered after {time.monotonic() - started:.0f} s")
    yield {"server": server, "tmp": tmp, **ports}
    server.stop()
    assert not [s for s in state(tmp).values() if s["pid"]], "the supervisor left services running"


def test_two_rasa_processes_behind_nginx_share_one_conversation(made_run):
    url, tmp = f"http://127.0.0.1:{made_run['RASA_PORT']}", made_run["tmp"]
    services = state(tmp)
    assert list(services) == ["redis", "rasa-1", "rasa-2", "nginx", "actions", "web"], services
    assert wait_until(lambda: "läuft: 2 Rasa-Prozesse hinter nginx" in (tmp / "run.log").read_text(), 30) is not None
    rasa_ports = [port_of(services[name]["pid"]) for name in ("rasa-1", "rasa-2")]
    assert made_run["RASA_PORT"] not in rasa_ports
    assert wait_until(lambda: all(rasa_ready(p) for p in rasa_ports), RASA_READY_WITHIN) is not None, (
        "a Rasa process did not start"
    )
    print("RSS in MB (with children): " + ", ".join(f"{n} {rss_mb(s['pid']):.0f}" for n, s in services.items()))
    # Round robin: question and follow-up go to different processes; the context is shared.
    # (nginx may still skip a process that failed while starting, for fail_timeout=10s: retry.)
    for attempt in range(4):
        question, follow_up = (
            ask(url, f"shared-{attempt}", QUESTION) or "",
            ask(url, f"shared-{attempt}", FOLLOW_UP) or "",
        )
        upstreams = [line.split()[2] for line in (tmp / "log" / "nginx-access.log").read_text().splitlines()[-2:]]
        if len(set(upstreams)) == 2:
            break
        time.sleep(4)
    assert len(set(upstreams)) == 2, f"both messages went to one process: {upstreams}"
    assert EXPECTED in question and FOLLOW_UP_EXPECTED in follow_up, (question, follow_up)


def test_socketio_through_nginx(made_run):
    """The web page's channel: a socket.io session through nginx gets the bot's answer,
    and nginx passes the WebSocket upgrade on."""
    import socketio

    url = f"http://127.0.0.1:{made_run['RASA_PORT']}"

    async def talk() -> str:
        client = socketio.AsyncClient(reconnection=False)
        answer: asyncio.Future = asyncio.get_running_loop().create_future()

        @client.on("bot_uttered")
        async def on_bot(data):
            if not answer.done():
                answer.set_result(data.get("text", ""))

        @client.on("session_confirm")
        async def on_session(data):
            session_id = data.get("session_id") if isinstance(data, dict) else data
            await client.emit("user_uttered", {"message": QUESTION, "session_id": session_id})

        await client.connect(url, socketio_path="/socket.io", transports=["polling"])
        try:
            await client.emit("session_request", {"session_id": None})
            return await asyncio.wait_for(answer, 60)
        finally:
            await client.disconnect()

    assert EXPECTED in normalise(asyncio.run(talk()))
    with socket.create_connection(("127.0.0.1", made_run["RASA_PORT"]), timeout=10) as sock:
        sock.sendall(
            b"GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\n"
            b"Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        status = sock.recv(200).split(b"\r\n", 1)[0]
    assert b" 101 " in status, status


def test_each_killed_service_comes_back_and_the_conversation_goes_on(made_run):
    url, tmp = f"http://127.0.0.1:{made_run['RASA_PORT']}", made_run["tmp"]
    web = f"http://127.0.0.1:{made_run['WEB_PORT']}/"
    sender = "supervise-1"
    assert wait_until(lambda: page_ok(web), 60) is not None, "the web page did not start"
    assert EXPECTED in (ask(url, sender, QUESTION) or "")
    figures, problems, probes, heard = {}, [], iter(range(10_000)), {}

    def answers() -> bool:
        # A new sender each time: the per-sender limit must not count the waiting.
        return EXPECTED in (ask(url, f"probe-{next(probes)}", QUESTION, timeout=10) or "")

    for name in KILL_ORDER:
        before = state(tmp)[name]
        os.killpg(before["pid"], signal.SIGKILL)
        killed = time.monotonic()
        # Until the kernel has torn a killed process down (a moment for 1.4 GB), its port
        # still accepts connections; a message sent there gets the technical-problem sentence.
        while state(tmp)[name]["pid"] == before["pid"] and time.monotonic() - killed < 10:
            time.sleep(0.05)
        if name.startswith("rasa-") and not answers():
            problems.append(f"{name} killed: the other Rasa process did not answer at once")
        if name == "actions":
            during = ask(url, f"probe-{next(probes)}", QUESTION)
            if during != TECHNICAL_PROBLEM:
                problems.append(f"action server down: the user heard {during!r}, not the technical-problem sentence")
        if name == "redis":  # no lock store: the sentence, or already the answer from the restarted Redis
            during = ask(url, f"probe-{next(probes)}", QUESTION)
            heard[name] = "answer" if during and EXPECTED in during else during
            if during != TECHNICAL_PROBLEM and EXPECTED not in (during or ""):
                problems.append(f"redis down: the user heard {during!r}")
        if name == "web":
            if not answers():
                problems.append("web page down: the bot stopped answering too")
            back = wait_until(lambda: page_ok(web), BACK_WITHIN)
        else:
            back = wait_until(answers, BACK_WITHIN)
        figures[name] = None if back is None else time.monotonic() - killed
        if back is None:
            problems.append(f"{name}: not working again within {BACK_WITHIN} s")
        restarted = wait_until(lambda n=name, b=before: restarted_once(tmp, n, b), BACK_WITHIN)
        after = state(tmp)[name]
        if restarted is None or after["pid"] == before["pid"]:
            problems.append(f"{name}: not restarted by the supervisor: {before} -> {after}")
        elif name == "rasa-1":
            # Before rasa-2 goes too: the restarted rasa-1 must be ready to take over.
            port = port_of(after["pid"])
            ready = wait_until(lambda p=port: rasa_ready(p), RASA_READY_WITHIN)
            figures["rasa-1 ready again"] = None if ready is None else time.monotonic() - killed
            if ready is None:
                problems.append(f"rasa-1 not ready again within {RASA_READY_WITHIN} s")

    follow_up = ask(url, sender, FOLLOW_UP) or ""
    log = (tmp / "log" / "supervise.log").read_text()
    print("\nsupervision, seconds from SIGKILL until the bot answers (web: the page) again: "
          + ", ".join(f"{n} {t:.1f}" if t is not None else f"{n} -" for n, t in figures.items())
          + f"; right after the kill users heard: {heard}")  # fmt: skip
    assert not problems, "\n".join(problems)
    assert FOLLOW_UP_EXPECTED in follow_up, f"the conversation was lost: {follow_up!r}"
    with sqlite3.connect(tmp / "tracker.db") as db:
        rows = db.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user' ORDER BY id", (sender,)
        ).fetchall()
    assert [json.loads(data)["text"] for (data,) in rows] == [QUESTION, FOLLOW_UP], rows
    for name in KILL_ORDER:
        assert f"{name} ist ausgefallen (Signal 9" in log and f"{name} neu gestartet" in log, log


def without(names: set[str], bin_dir: Path) -> str:
    """A PATH with every program of this one except ``names`` (symlinks in ``bin_dir``)."""
    bin_dir.mkdir()
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        if not os.path.isdir(directory):
            continue
        for entry in os.scandir(directory):
            target = bin_dir / entry.name
            if entry.name not in names and not target.exists() and os.access(entry.path, os.X_OK):
                target.symlink_to(entry.path)
    return str(bin_dir)


def test_without_nginx_and_redis_one_rasa_process_and_a_loud_line(tmp_path, decisions_db):
    ports = {"RASA_PORT": free_port(), "ACTION_PORT": free_port(), "WEB_PORT": free_port()}
    env = run_env(tmp_path / "run", ports, decisions_db, BEIRAT_RASA_PROCESSES="2")
    # Debian keeps nginx in /usr/sbin, where run.sh also looks: BEIRAT_NGINX points at none.
    env.update(PATH=without({"nginx", "redis-server"}, tmp_path / "bin"), BEIRAT_NGINX=str(tmp_path / "no-nginx"))
    with open(tmp_path / "run.log", "wb") as out:
        run = subprocess.Popen(
            [str(REPO / "scripts" / "run.sh")],
            env=env,
            cwd=REPO,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        started = wait_until(
            lambda: (tmp_path / "run" / "log" / "supervise.json").exists() and state(tmp_path / "run")["rasa"]["pid"],
            60,
        )
        services = state(tmp_path / "run") if started is not None else {}
        rasa_port = port_of(services["rasa"]["pid"]) if services else None
    finally:
        run.send_signal(signal.SIGTERM)
        run.wait(timeout=60)
    output = (tmp_path / "run.log").read_text()
    assert "NUR EIN Rasa-Prozess statt 2: nginx redis-server fehlt" in output, output
    assert "ONLY ONE Rasa process" in output and "make services" in output, output
    assert list(services) == ["rasa", "actions", "web"], services
    assert rasa_port == ports["RASA_PORT"]
    assert not [s for s in state(tmp_path / "run").values() if s["pid"]], "the supervisor left services running"


@pytest.mark.parametrize(
    ("settings", "limits", "rate"),
    [
        ({}, "on", "10r/s"),
        ({"BEIRAT_NGINX_REQUESTS_PER_IP": "50r/s"}, "on", "50r/s"),
        ({"BEIRAT_RATE_LIMIT": "0"}, "off", "10r/s"),  # benchmarks: all load from 127.0.0.1
        ({"BEIRAT_RATE_LIMIT_PER_ADDRESS": "0"}, "off", "10r/s"),
    ],
)
def test_nginx_per_address_limits_follow_the_bots(tmp_path, settings, limits, rate):
    """run.sh --dry-run writes nginx's configuration for 3 processes; nginx accepts it."""
    require_programs()
    env = server_env(BEIRAT_RUN_DIR=str(tmp_path), BEIRAT_RASA_PROCESSES="3", RASA_PORT=str(free_port()), **settings)
    for name in ("BEIRAT_RATE_LIMIT", "BEIRAT_RATE_LIMIT_PER_ADDRESS", "BEIRAT_NGINX_REQUESTS_PER_IP"):
        if name not in settings:
            env.pop(name, None)
    result = subprocess.run(
        [str(REPO / "scripts" / "run.sh"), "--dry-run"], env=env, cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert [line.split(":")[0] for line in result.stdout.splitlines()] == [
        "redis", "rasa-1", "rasa-2", "rasa-3", "nginx", "actions", "web"
    ], result.stdout  # fmt: skip
    site = (tmp_path / "nginx" / "beirat.conf").read_text()
    assert f'map "{limits}" $beirat_limit_key' in site and f"rate={rate};" in site
    assert site.count("    server 127.0.0.1:") == 6  # 3 servers in both upstreams
    check = subprocess.run(
        [program("nginx"), "-t", "-p", str(tmp_path / "nginx"), "-c", str(tmp_path / "nginx" / "nginx.conf")],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip
    assert check.returncode == 0, check.stderr
