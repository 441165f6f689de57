"""Per-sender rate limit for the public channels (REST, socket.io, Telegram).

``allow(sender_id)`` is the one function the channels call. The limit is
``BEIRAT_RATE_LIMIT`` messages per minute and sender (default 20; 0 switches it
off). With ``BEIRAT_RATE_LIMIT_REDIS_URL`` set, the count lives in Redis, so two
Rasa servers behind a load balancer share it; otherwise each process counts alone.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
import time
from collections import deque
from collections.abc import Callable

logger = logging.getLogger(__name__)

LIMIT_ENV = "BEIRAT_RATE_LIMIT"
REDIS_URL_ENV = "BEIRAT_RATE_LIMIT_REDIS_URL"
DEFAULT_LIMIT_PER_MINUTE = 20
WINDOW_SECONDS = 60.0
TOO_FAST_TEXT = "Sie schreiben sehr schnell. Bitte warten Sie einen Moment."


def sender_hash(sender_id: str) -> str:
    """A short pseudonym for logs: sender ids (e.g. Telegram chat ids) are personal data."""
    return hashlib.sha256(str(sender_id).encode("utf-8", "replace")).hexdigest()[:12]


class SlidingWindowLimiter:
    """At most ``limit`` messages per ``window`` seconds and sender, in this process."""

    # Bounds memory when many senders write once: idle senders are dropped.
    MAX_SENDERS = 50_000

    def __init__(self, limit: int, window: float = WINDOW_SECONDS, clock: Callable[[], float] = time.monotonic):
        self.limit = limit
        self.window = window
        self.clock = clock
        self._times: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def allow(self, sender_id: str) -> bool:
        if self.limit <= 0:
            return True
        now = self.clock()
        with self._lock:
            times = self._times.setdefault(sender_id, deque())
            while times and times[0] <= now - self.window:
                times.popleft()
            if len(times) >= self.limit:
                return False
            times.append(now)
            if len(self._times) > self.MAX_SENDERS:
                self._forget_idle(now)
            return True

    def _forget_idle(self, now: float) -> None:
        idle = [s for s, t in self._times.items() if not t or t[-1] <= now - self.window]
        for sender in idle:
            del self._times[sender]


class RedisLimiter:
    """Fixed one-minute windows counted in Redis (INCR + EXPIRE), shared by all servers."""

    def __init__(self, limit: int, url: str, window: float = WINDOW_SECONDS, clock: Callable[[], float] = time.time):
        import redis

        self.limit = limit
        self.window = window
        self.clock = clock
        self.client = redis.Redis.from_url(url, socket_timeout=0.5, socket_connect_timeout=0.5)

    def allow(self, sender_id: str) -> bool:
        if self.limit <= 0:
            return True
        bucket = int(self.clock() // self.window)
        key = f"beirat:ratelimit:{sender_hash(sender_id)}:{bucket}"
        try:
            pipe = self.client.pipeline()
            pipe.incr(key)
            pipe.expire(key, int(self.window) + 1)
            count, _ = pipe.execute()
        except Exception as error:  # Redis down: answering beats refusing everyone.
            logger.warning("Rate limit: Redis nicht erreichbar (%s); Nachricht wird erlaubt.", type(error).__name__)
            return True
        return int(count) <= self.limit


def limit_from_env() -> int:
    raw = os.environ.get(LIMIT_ENV, "").strip()
    if not raw:
        return DEFAULT_LIMIT_PER_MINUTE
    try:
        return max(0, int(raw))
    except ValueError:
        logger.warning("%s=%r ist keine ganze Zahl; nutze %d.", LIMIT_ENV, raw, DEFAULT_LIMIT_PER_MINUTE)
        return DEFAULT_LIMIT_PER_MINUTE


def limiter_from_env():
    limit = limit_from_env()
    url = os.environ.get(REDIS_URL_ENV, "").strip()
    if url:
        return RedisLimiter(limit, url)
    return SlidingWindowLimiter(limit)


_limiter = None
_limiter_lock = threading.Lock()


def get_limiter():
    global _limiter
    with _limiter_lock:
        if _limiter is None:
            _limiter = limiter_from_env()
        return _limiter


def reset_limiter(limiter: object | None = None) -> None:
    """Replaces the process-wide limiter (tests; or after changing the environment)."""
    global _limiter
    with _limiter_lock:
        _limiter = limiter


def allow(sender_id: str) -> bool:
    """True when this sender may send one more message now (and counts it)."""
    allowed = get_limiter().allow(str(sender_id))
    if not allowed:
        logger.info("Rate limit erreicht für Absender %s.", sender_hash(sender_id))
    return allowed
