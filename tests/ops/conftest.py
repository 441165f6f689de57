"""Servers for the ops tests: each on a free port on 127.0.0.1, each stopped after.

- ``channel_app``: the hardened REST channel with a fake bot (no model needed).
- ``decisions_db``: a SQLite decisions database built from knowledge/ by ``beirat ingest``.
- ``action_server`` + ``fault_proxy``: the real action server, behind a proxy that the
  fault tests switch to slow/down or to another action server.
- ``rasa_server``: ``rasa run`` with the trained model, the hardened REST channel and
  an SQL tracker store (SQLite in a temp dir). Tests that need it are marked ``rasa``
  and fail with a clear message when models/beirat.tar.gz is missing.
- ``services``: PostgreSQL + Redis from Debian's packages (scripts/start-services.sh).

Processes are started, polled and stopped by the shared harness ``bot.devtools.servers``
(``Server``, ``free_port``); this file only says which servers, with which settings.
"""
from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa
import yaml

from bot.devtools.servers import (
    VENV_BIN,
    Server,
    actions_command,
    free_port,
    rasa_command,
    rasa_start_failed,
    server_env,
)

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(1, str(Path(__file__).parents[1] / "channels"))
from bot_api_standin import SECRET as TELEGRAM_SECRET  # noqa: E402
from bot_api_standin import BotApiStandIn  # noqa: E402
from fault_proxy import FaultProxy  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
# BEIRAT_TEST_MODEL: run these tests against another trained model.
MODEL = Path(os.environ.get("BEIRAT_TEST_MODEL") or REPO / "models" / "beirat.tar.gz")
REST_CHANNEL = "bot.channels.rest.RateLimitedRestInput"
SOCKETIO_CHANNEL = "bot.channels.socketio.RateLimitedSocketIOInput"
SOCKETIO_SETTINGS = {"user_message_evt": "user_uttered", "bot_message_evt": "bot_uttered", "session_persistence": True}
TELEGRAM_CHANNEL = "bot.channels.telegram.SecureTelegramInput"  # active only with TELEGRAM_* in the env
TECHNICAL_PROBLEM = "Ich habe gerade ein technisches Problem. Bitte versuchen Sie es später noch einmal."
NGINX_CONNECTIONS_PER_IP = 6  # socket.io connections per address through the test nginx
RASA_START_TIMEOUT = 240  # seconds; loading TensorFlow + the model on 2 shared cores is slow


def require_model() -> Path:
    if not MODEL.is_file():
        pytest.fail(
            f"Das trainierte Modell fehlt: {MODEL}. Bitte zuerst `make train` ausführen "
            "(make test trainiert es automatisch).",
            pytrace=False,
        )
    return MODEL


def base_env(**extra: str) -> dict[str, str]:
    """The shared server environment; INFO logs, and no rate limit shared with others."""
    # The tests must not share a limit with whoever else runs on this machine.
    # Every test client is 127.0.0.1: the per-address limit is off unless a test switches it on.
    defaults = {"LOG_LEVEL": "INFO", "BEIRAT_RATE_LIMIT_REDIS_URL": "", "BEIRAT_RATE_LIMIT_PER_ADDRESS": "0"}
    return server_env(**{**defaults, **extra})


def action_server(tmp: Path, database_url: str, name: str = "actions", **env: str) -> Server:
    port = free_port()
    return Server(
        name,
        actions_command(port),
        base_env(DATABASE_URL=database_url, **env),
        tmp / f"{name}.log",
        f"http://127.0.0.1:{port}/health",
        timeout=120,
    )


def write_yaml(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def rasa_server(
    tmp: Path,
    name: str,
    action_url: str,
    tracker_store: dict,
    lock_store: dict | None = None,
    port: int | None = None,
    **env: str,
) -> Server:
    """``rasa run`` with the hardened REST and socket.io channels; not started yet."""
    port = port or free_port()
    endpoints = {"action_endpoint": {"url": action_url}, "tracker_store": tracker_store}
    if lock_store:
        endpoints["lock_store"] = lock_store
    endpoints_file = write_yaml(tmp / f"{name}.endpoints.yml", endpoints)
    credentials_file = write_yaml(tmp / f"{name}.credentials.yml", {REST_CHANNEL: None, SOCKETIO_CHANNEL: SOCKETIO_SETTINGS, TELEGRAM_CHANNEL: None})
    return Server(
        name,
        rasa_command(require_model(), port, endpoints_file, credentials_file),
        base_env(**env),
        tmp / f"{name}.log",
        f"http://127.0.0.1:{port}/webhooks/rest/",
        RASA_START_TIMEOUT,
        failed=rasa_start_failed,
    )


def say(base_url: str, sender: str, message, timeout: float = 60) -> requests.Response:
    """POSTs one message to the REST webhook; ``message`` may be raw bytes for a broken body."""
    url = f"{base_url}/webhooks/rest/webhook"
    if isinstance(message, bytes):
        return requests.post(url, data=message, headers={"Content-Type": "application/json"}, timeout=timeout)
    return requests.post(url, json={"sender": sender, "message": message}, timeout=timeout)


def texts(response: requests.Response) -> list[str]:
    assert response.status_code == 200, f"HTTP {response.status_code} statt 200: {response.text[:300]}"
    return [m.get("text", "") for m in response.json() if m.get("text")]


# --- fixtures -------------------------------------------------------------------


@pytest.fixture(scope="module")
def channel_app(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("channel_app")
    port = free_port()
    server = Server(
        "channel_app",
        [sys.executable, str(Path(__file__).parent / "channel_app.py"), str(port)],
        base_env(BEIRAT_ANSWER_TIMEOUT="1", BEIRAT_RATE_LIMIT="5"),
        tmp / "channel_app.log",
        f"http://127.0.0.1:{port}/webhooks/rest/",
    ).start()
    yield server
    server.stop()


def ingest(database_url: str, log: Path) -> None:
    result = subprocess.run(
        [str(VENV_BIN / "beirat"), "ingest", str(REPO / "knowledge" / "protocols")],
        env=base_env(DATABASE_URL=database_url), cwd=REPO, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    log.write_text(result.stdout + result.stderr, encoding="utf-8")
    if result.returncode != 0:
        raise RuntimeError(f"beirat ingest ist fehlgeschlagen:\n{result.stdout}\n{result.stderr}")


@pytest.fixture(scope="session")
def decisions_db(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("decisions")
    path = tmp / "decisions.sqlite"
    ingest(f"sqlite:///{path}", tmp / "ingest.log")
    return path


@pytest.fixture(scope="session")
def ops_tmp(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("ops")


@pytest.fixture(scope="session")
def actions(ops_tmp, decisions_db):
    server = action_server(ops_tmp, f"sqlite:///{decisions_db}").start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def fault_proxy(actions):
    proxy = FaultProxy(upstream_port=actions.port, port=free_port()).start()
    yield proxy
    proxy.stop()


@pytest.fixture(scope="session")
def telegram_api():
    """A local Bot API stand-in: the Rasa server's Telegram channel answers through it."""
    with BotApiStandIn() as standin:
        yield standin


def telegram_env(api: BotApiStandIn) -> dict[str, str]:
    return {"TELEGRAM_TOKEN": api.token, "TELEGRAM_SECRET_TOKEN": TELEGRAM_SECRET, "TELEGRAM_API_BASE_URL": api.base_url}


@pytest.fixture(scope="session")
def rasa(ops_tmp, fault_proxy, telegram_api):
    """One Rasa server for the single-server ops tests (rate limit 20/min, answer timeout 4 s)."""
    server = rasa_server(
        ops_tmp,
        "rasa",
        fault_proxy.url,
        {"type": "SQL", "dialect": "sqlite", "db": str(ops_tmp / "tracker.db")},
        BEIRAT_RATE_LIMIT="20",
        BEIRAT_ANSWER_TIMEOUT="4",
        **telegram_env(telegram_api),
    )
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def services():
    """PostgreSQL + Redis on free loopback ports; fails clearly when not installed."""
    # Not under pytest's tmp dir: that is 0700 root, and PostgreSQL runs as 'postgres'.
    tmp = Path(tempfile.mkdtemp(prefix="beirat-services-"))
    script = REPO / "scripts" / "start-services.sh"
    result = subprocess.run([str(script), "start", str(tmp)], capture_output=True, text=True, timeout=120)
    if result.returncode != 0:
        pytest.fail(f"PostgreSQL/Redis konnten nicht starten:\n{result.stderr}", pytrace=False)
    values = dict(line.split("=", 1) for line in (tmp / "services.env").read_text().split())
    values["dir"] = str(tmp)
    yield values
    subprocess.run([str(script), "stop", str(tmp)], capture_output=True, timeout=60)
    shutil.rmtree(tmp, ignore_errors=True)


# --- two Rasa servers behind nginx (test_two_servers.py, test_chaos.py) ----------------


def render_nginx(tmp: Path, rasa_ports: list[int], port: int) -> Path:
    """nginx.conf in ``tmp`` from deploy/nginx/beirat.conf.template, as scripts/run.sh makes it."""
    spec = importlib.util.spec_from_file_location("beirat_nginx_render", REPO / "deploy" / "nginx" / "render.py")
    render = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(render)
    site = render.render_site(
        [f"127.0.0.1:{p}" for p in rasa_ports],
        f"127.0.0.1:{port}",
        requests_per_ip="1000r/s",  # all test traffic comes from one address
        connections_per_ip=NGINX_CONNECTIONS_PER_IP,
        access_log=f"{tmp}/access.log beirat_upstream",
    )
    return render.write_standalone(tmp, site)


@pytest.fixture(scope="session")
def cluster(services, tmp_path_factory):
    """nginx -> two Rasa servers (PostgreSQL tracker, Redis locks) -> one action server."""
    require_model()
    nginx = shutil.which("nginx")
    if not nginx:
        pytest.fail("nginx fehlt (Debian: apt-get install nginx-light).", pytrace=False)
    tmp = tmp_path_factory.mktemp("cluster")
    pg = f"postgresql://postgres@{services['POSTGRES_HOST']}:{services['POSTGRES_PORT']}"
    engine = sa.create_engine(f"{pg}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        for name in ("beirat_decisions", "beirat_tracker"):
            connection.execute(sa.text(f"DROP DATABASE IF EXISTS {name}"))
            connection.execute(sa.text(f"CREATE DATABASE {name}"))
    engine.dispose()
    ingest(f"{pg}/beirat_decisions", tmp / "ingest.log")

    started: list[Server] = []
    try:
        actions = action_server(tmp, f"{pg}/beirat_decisions").start()
        started.append(actions)
        env = dict(
            ACTION_SERVER_URL=f"http://127.0.0.1:{actions.port}/webhook",
            POSTGRES_HOST=services["POSTGRES_HOST"], POSTGRES_PORT=services["POSTGRES_PORT"],
            POSTGRES_DB="beirat_tracker", POSTGRES_USER="postgres", POSTGRES_PASSWORD="",
            REDIS_HOST=services["REDIS_HOST"], REDIS_PORT=services["REDIS_PORT"], REDIS_PASSWORD="",
            BEIRAT_RATE_LIMIT_REDIS_URL=f"redis://{services['REDIS_HOST']}:{services['REDIS_PORT']}/2",
            BEIRAT_TRUSTED_PROXIES="1",
        )  # fmt: skip
        servers = []
        for name in ("rasa_a", "rasa_b"):
            server = rasa_server(tmp, name, "unused", {}, **env)
            # The production endpoints file, unchanged: everything comes from the environment.
            server.cmd[server.cmd.index("--endpoints") + 1] = str(REPO / "deploy" / "endpoints.prod.yml")
            servers.append(server)
        # One after the other: two TensorFlow start-ups at once on 2 cores only take longer.
        for server in servers:
            started.append(server.start())
        lb_port = free_port()
        conf = render_nginx(tmp, [s.port for s in servers], lb_port)
        balancer = Server(
            "nginx", [nginx, "-p", str(tmp), "-c", str(conf), "-g", "daemon off;"], base_env(),
            tmp / "nginx.log", f"http://127.0.0.1:{lb_port}/webhooks/rest/",
        ).start()  # fmt: skip
        started.append(balancer)
        yield {"servers": servers, "nginx": balancer, "tmp": tmp, "tracker_url": f"{pg}/beirat_tracker", "actions": actions}
    finally:
        for server in reversed(started):
            server.stop()
