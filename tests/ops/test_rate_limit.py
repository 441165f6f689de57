"""Rate limit per sender: the limiter itself, Redis sharing, the channel, the real bot."""
from __future__ import annotations

import pytest

from bot.channels import ratelimit
from bot.channels.ratelimit import RedisLimiter, SlidingWindowLimiter, TOO_FAST_TEXT
from bot.devtools.servers import free_port
from conftest import say, texts


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_limit_refuses_the_message_after_the_limit_and_allows_again_after_a_minute():
    clock = FakeClock()
    limiter = SlidingWindowLimiter(limit=3, window=60, clock=clock)
    assert [limiter.allow("anna") for _ in range(4)] == [True, True, True, False], "4th message must be refused"
    clock.now += 59
    assert not limiter.allow("anna"), "still inside the minute: must stay refused"
    clock.now += 1.5
    assert limiter.allow("anna"), "a minute after the first messages the sender may write again"


def test_each_sender_has_its_own_limit():
    limiter = SlidingWindowLimiter(limit=2, clock=FakeClock())
    limiter.allow("anna"), limiter.allow("anna")
    assert not limiter.allow("anna")
    assert limiter.allow("ben"), "another sender must not be limited by anna's messages"


def test_limit_zero_switches_the_limit_off():
    limiter = SlidingWindowLimiter(limit=0, clock=FakeClock())
    assert all(limiter.allow("anna") for _ in range(1000))


def test_idle_senders_are_forgotten_so_memory_stays_bounded(monkeypatch):
    clock = FakeClock()
    limiter = SlidingWindowLimiter(limit=5, clock=clock)
    monkeypatch.setattr(SlidingWindowLimiter, "MAX_SENDERS", 10)
    for i in range(10):
        limiter.allow(f"old-{i}")
    clock.now += 120
    limiter.allow("new-1")
    assert len(limiter._times) <= 2, f"idle senders were kept: {len(limiter._times)}"


@pytest.mark.parametrize("raw, expected", [("", 20), ("7", 7), ("0", 0), ("viele", 20), ("-3", 0)])
def test_limit_comes_from_the_environment(monkeypatch, raw, expected):
    monkeypatch.setenv(ratelimit.LIMIT_ENV, raw)
    assert ratelimit.limit_from_env() == expected


def test_allow_uses_the_process_wide_limiter(monkeypatch):
    ratelimit.reset_limiter(SlidingWindowLimiter(limit=1, clock=FakeClock()))
    try:
        assert ratelimit.allow("anna") and not ratelimit.allow("anna")
    finally:
        ratelimit.reset_limiter(None)


def test_redis_limit_is_shared_by_two_servers(services):
    url = f"redis://{services['REDIS_HOST']}:{services['REDIS_PORT']}/0"
    clock = FakeClock()
    server_a, server_b = RedisLimiter(3, url, clock=clock), RedisLimiter(3, url, clock=clock)
    results = [server_a.allow("anna"), server_b.allow("anna"), server_a.allow("anna"), server_b.allow("anna")]
    assert results == [True, True, True, False], f"both servers must count together: {results}"
    clock.now += 61
    assert server_a.allow("anna"), "next minute: allowed again"


def test_redis_down_lets_messages_through():
    limiter = RedisLimiter(1, f"redis://127.0.0.1:{free_port()}/0")
    assert limiter.allow("anna") and limiter.allow("anna"), "without Redis the bot must still answer"


def test_channel_answers_politely_when_a_sender_writes_too_fast(channel_app):
    # channel_app allows 5 messages per minute and sender
    answers = [texts(say(channel_app.url, "schnell-1", f"frage {i}")) for i in range(6)]
    assert answers[:5] == [[f"echo: frage {i}"] for i in range(5)]
    assert answers[5] == [TOO_FAST_TEXT], f"6th message: {answers[5]}"
    assert texts(say(channel_app.url, "langsam-2", "hallo")) == ["echo: hallo"], "other senders are not limited"


@pytest.mark.rasa
def test_real_bot_limits_a_sender_after_20_messages_a_minute(rasa):
    sender = "ops-rate-limit"
    answers = [texts(say(rasa.url, sender, "hallo")) for _ in range(21)]
    assert all(a and a != [TOO_FAST_TEXT] for a in answers[:20]), "the first 20 messages get normal answers"
    assert answers[20] == [TOO_FAST_TEXT], f"21st message: {answers[20]}"
    assert texts(say(rasa.url, "ops-rate-limit-other", "hallo")) != [TOO_FAST_TEXT]


def test_socketio_channel_has_the_same_guard(channel_app):
    """The web page's channel: rate limit, length cap and no silence, like REST."""
    import asyncio

    import socketio

    async def exchange(messages):
        client, answers = socketio.AsyncClient(), asyncio.Queue()
        client.on("bot_uttered", lambda data: answers.put_nowait(data.get("text")))
        await client.connect(channel_app.url, socketio_path="/socket.io", transports=["polling"])
        replies = []
        try:
            for message in messages:
                await client.emit("user_uttered", {"message": message})
                replies.append(await asyncio.wait_for(answers.get(), timeout=10))
        finally:
            # abort: a polite disconnect waits for the long-poll to end (30 s)
            await client.eio.disconnect(abort=True)
        return replies

    from bot.channels import guard

    replies = asyncio.run(exchange(["hallo", "x" * 5000, "stumm", "a", "b", "c"]))
    assert replies == ["echo: hallo", guard.TOO_LONG_TEXT, guard.TECHNICAL_PROBLEM_TEXT, "echo: a", "echo: b", TOO_FAST_TEXT]
