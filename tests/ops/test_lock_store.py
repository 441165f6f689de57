"""The atomic Redis lock store: two servers never hold one conversation at once."""
from __future__ import annotations

import asyncio
import threading
import time

import pytest
from rasa.core.lock_store import LockStore, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

from bot.lockstore import AtomicRedisLockStore


@pytest.fixture
def redis_settings(services):
    return {"host": services["REDIS_HOST"], "port": int(services["REDIS_PORT"]), "db": 3}


def interleaving_store(cls, settings, other):
    """A store that lets ``other`` issue a ticket right after it has read the lock."""

    class Interleaving(cls):
        def create_lock(self, conversation_id):
            other.issue_ticket(conversation_id)  # the other server is just as quick
            return super().create_lock(conversation_id)

    return Interleaving(**settings)


def test_rasas_redis_lock_store_hands_out_one_ticket_twice(redis_settings):
    """Why bot.lockstore exists: Rasa's read-change-write loses the other server's ticket."""
    server_b = RedisLockStore(**redis_settings)
    server_a = interleaving_store(RedisLockStore, redis_settings, server_b)
    assert server_a.issue_ticket("race-rasa") == 0
    assert server_a.get_lock("race-rasa").now_serving == 0 and len(server_a.get_lock("race-rasa").tickets) == 1, (
        "expected Rasa's store to lose server B's ticket (if this fails, Rasa fixed it)"
    )


def test_atomic_store_retries_when_another_server_changed_the_lock(redis_settings):
    server_b = AtomicRedisLockStore(**redis_settings)
    server_a = interleaving_store(AtomicRedisLockStore, redis_settings, server_b)
    ticket_a = server_a.issue_ticket("race-atomic")
    lock = server_a.get_lock("race-atomic")
    numbers = [t.number for t in lock.tickets]
    assert ticket_a in numbers and len(set(numbers)) == len(numbers) >= 2, f"tickets {numbers}, A got {ticket_a}"
    server_a.delete_lock("race-atomic")


def test_many_threads_on_two_servers_get_distinct_tickets(redis_settings):
    servers = [AtomicRedisLockStore(**redis_settings), AtomicRedisLockStore(**redis_settings)]
    tickets, errors = [], []

    def issue(store):
        try:
            tickets.append(store.issue_ticket("many"))
        except Exception as error:  # noqa: BLE001 - collected for the assertion
            errors.append(error)

    threads = [threading.Thread(target=issue, args=(servers[i % 2],)) for i in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and sorted(tickets) == list(range(40)), f"errors {errors}, tickets {sorted(tickets)}"
    servers[0].delete_lock("many")


def test_two_servers_work_on_a_conversation_one_after_the_other(redis_settings):
    servers = [AtomicRedisLockStore(**redis_settings), AtomicRedisLockStore(**redis_settings)]
    spans = []

    async def handle(store, name):
        async with store.lock("turns", wait_time_in_seconds=0.05):
            started = time.monotonic()
            await asyncio.sleep(0.2)
            spans.append((started, time.monotonic(), name))

    async def run():
        await asyncio.gather(*(handle(servers[i % 2], f"message {i}") for i in range(6)))

    asyncio.run(run())
    spans.sort()
    overlaps = [(a[2], b[2]) for a, b in zip(spans, spans[1:]) if b[0] < a[1]]
    assert len(spans) == 6 and not overlaps, f"messages handled at the same time: {overlaps}"
    assert servers[0].get_lock("turns") is None, "the lock must be gone when nobody waits"


def test_rasa_builds_it_from_the_endpoints_file(redis_settings):
    config = EndpointConfig(
        url=redis_settings["host"], port=str(redis_settings["port"]), db=1, password="", key_prefix="beirat",
        type="bot.lockstore.AtomicRedisLockStore",
    )  # fmt: skip
    store = LockStore.create(config)
    assert isinstance(store, AtomicRedisLockStore) and store.key_prefix.startswith("beirat:")
    assert store.issue_ticket("endpoint") == 0
    store.cleanup("endpoint", 0)
    assert store.get_lock("endpoint") is None
