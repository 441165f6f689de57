"""Two Rasa servers behind nginx share conversations (PostgreSQL) and locks (Redis).

Set-up (the ``cluster`` fixture in conftest.py, shared with test_chaos.py), all on
127.0.0.1 with free ports: PostgreSQL + Redis (scripts/start-services.sh), the decisions
database in PostgreSQL (beirat ingest), one action server, two Rasa servers with
deploy/endpoints.prod.yml, and nginx with deploy/nginx/beirat.conf.template.

Proved:
1. a conversation whose messages alternate between the servers keeps its context;
2. 10 concurrent conversations through nginx: none lost, every follow-up answered
   for the right organisation, and both servers did work;
3. two messages of one conversation sent at the same moment to the two servers are
   handled one after the other (Redis lock): in the tracker, every user message is
   followed by its answers before the next user message. (With Rasa's own
   ``type: redis`` lock store this lost a message; see bot/lockstore.py.)
"""
from __future__ import annotations

import asyncio
from collections import Counter
from typing import List

import aiohttp
import pytest
import sqlalchemy as sa


pytestmark = [pytest.mark.rasa, pytest.mark.postgres]

# (first question, expected in its answer, follow-up, expected in the follow-up)
CONVERSATIONS = [
    ("Wie viel Geld hat Banjul bekommen?", "1.400", "Und wofür?", "Fußball"),
    ("Wie viel Geld hat die IGS Linden bekommen?", "799", "Und wofür?", "Ausgrenzung"),
]


def normalise(text: str) -> str:
    """Answers may split compounds with a Mediopunkt ("Fuß·ball"): ignore it."""
    return text.replace("·", "").replace("\u00ad", "")


async def ask(session: aiohttp.ClientSession, base_url: str, sender: str, message: str) -> str:
    async with session.post(f"{base_url}/webhooks/rest/webhook", json={"sender": sender, "message": message}) as response:
        assert response.status == 200, f"{sender}: HTTP {response.status}"
        return normalise(" ".join(m.get("text", "") for m in await response.json()))


def test_conversation_alternating_between_servers_keeps_its_context(cluster):
    urls = [s.url for s in cluster["servers"]]

    async def run() -> List[str]:
        problems = []
        async with aiohttp.ClientSession() as session:
            for index, (question, expected, follow_up, expected_follow_up) in enumerate(CONVERSATIONS):
                sender = f"wechsel-{index}"
                first = await ask(session, urls[0], sender, question)
                second = await ask(session, urls[1], sender, follow_up)  # the other server
                if expected not in first:
                    problems.append(f"{sender}: {question!r} -> {first!r}, expected {expected!r}")
                if expected_follow_up not in second:
                    problems.append(f"{sender}: {follow_up!r} on the other server -> {second!r}, expected {expected_follow_up!r}")
        return problems

    problems = asyncio.run(run())
    assert not problems, "\n".join(problems)


def test_ten_concurrent_conversations_through_nginx(cluster):
    lb = cluster["nginx"].url

    async def conversation(session: aiohttp.ClientSession, index: int) -> List[str]:
        question, expected, follow_up, expected_follow_up = CONVERSATIONS[index % len(CONVERSATIONS)]
        sender = f"parallel-{index}"
        problems = []
        for round_ in range(2):  # 4 messages each, 40 in all
            first = await ask(session, lb, sender, question)
            second = await ask(session, lb, sender, follow_up)
            if expected not in first:
                problems.append(f"{sender} round {round_}: {question!r} -> {first!r}")
            if expected_follow_up not in second:
                problems.append(f"{sender} round {round_}: {follow_up!r} -> {second!r} (expected {expected_follow_up!r})")
        return problems

    async def run() -> List[str]:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
            results = await asyncio.gather(*(conversation(session, i) for i in range(10)))
        return [p for r in results for p in r]

    problems = asyncio.run(run())
    assert not problems, "Wrong or lost answers:\n" + "\n".join(problems)
    upstreams = Counter(line.split()[2] for line in (cluster["tmp"] / "access.log").read_text().splitlines() if " 200 " in line)
    ports = {f"127.0.0.1:{s.port}" for s in cluster["servers"]}
    assert set(upstreams) >= ports and min(upstreams[p] for p in ports) >= 10, f"both servers must have answered: {dict(upstreams)}"


def test_simultaneous_messages_of_one_conversation_are_handled_in_turn(cluster):
    urls = [s.url for s in cluster["servers"]]
    senders = [f"gleichzeitig-{i}" for i in range(10)]

    async def run() -> List[str]:
        async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120)) as session:
            return await asyncio.gather(
                *(ask(session, urls[0], s, "Wer ist im Integrationsbeirat?") for s in senders),
                *(ask(session, urls[1], s, "Wann war die letzte Sitzung?") for s in senders),
            )

    answers = asyncio.run(run())
    engine = sa.create_engine(cluster["tracker_url"])
    problems = []
    with engine.connect() as connection:
        for i, sender in enumerate(senders):
            kinds = [
                row[0]
                for row in connection.execute(
                    sa.text("SELECT type_name FROM events WHERE sender_id = :s AND type_name IN ('user', 'bot') ORDER BY id"),
                    {"s": sender},
                )
            ]
            users = [i for i, kind in enumerate(kinds) if kind == "user"]
            if len(users) != 2:
                replies = [answers[i][:60], answers[i + len(senders)][:60]]
                problems.append(f"{sender}: {len(users)} user messages stored, expected 2: {kinds}; answers {replies}")
            elif "bot" not in kinds[users[0] : users[1]] or "bot" not in kinds[users[1] :]:
                problems.append(f"{sender}: messages were not handled one after the other: {kinds}")
    engine.dispose()
    assert not problems, "\n".join(problems)


def test_nginx_limits_socketio_connections_per_address(cluster):
    """deploy/nginx: at most CONNECTIONS_PER_IP open socket.io connections per address."""
    import socketio

    from conftest import NGINX_CONNECTIONS_PER_IP

    lb = cluster["nginx"].url

    async def run() -> tuple[int, bool]:
        clients, refused = [], False
        try:
            for _ in range(NGINX_CONNECTIONS_PER_IP + 1):
                client = socketio.AsyncClient(reconnection=False)
                try:
                    await client.connect(lb, socketio_path="/socket.io", transports=["polling"])
                except socketio.exceptions.ConnectionError:
                    refused = True
                    break
                clients.append(client)
                await asyncio.sleep(0.5)  # its long-poll is open at nginx now
        finally:
            for client in clients:
                await client.eio.disconnect(abort=True)
        return len(clients), refused

    connected, refused = asyncio.run(run())
    # A polling client briefly holds two requests (its long-poll and a send): one fewer may fit.
    assert refused and NGINX_CONNECTIONS_PER_IP - 1 <= connected <= NGINX_CONNECTIONS_PER_IP, (
        f"{connected} connections, refused: {refused}"
    )
