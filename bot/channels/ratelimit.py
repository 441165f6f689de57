"""Rate limits for the public channels (REST, socket.io, Telegram): per sender and per address.

``allow(sender_id)`` limits one conversation: ``BEIRAT_RATE_LIMIT`` messages per minute
and sender (default 20; 0 switches both limits off). The sender id is chosen by the client, so
``allow_address(address)`` also limits each client address: ``BEIRAT_RATE_LIMIT_PER_ADDRESS``
messages per minute (default 120: many people may share one address, e.g. a school).
``client_address`` finds that address; behind nginx set ``BEIRAT_TRUSTED_PROXIES=1``
so that it is read from X-Forwarded-For. With ``BEIRAT_RATE_LIMIT_REDIS_URL`` set, the
counts live in Redis, so two Rasa servers behind a load balancer share them; otherwise
each process counts alone.
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
ADDRESS_LIMIT_ENV = "BEIRAT_RATE_LIMIT_PER_ADDRESS"
TRUSTED_PROXIES_ENV = "BEIRAT_TRUSTED_PROXIES"
DEFAULT_ADDRESS_LIMIT_PER_MINUTE = 120
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


def _int_from_env(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return max(0, int(raw))
    except ValueError:
        logger.warning("%s=%r ist keine ganze Zahl; nutze %d.", name, raw, default)
        return default


def limit_from_env() -> int:
    return _int_from_env(LIMIT_ENV, DEFAULT_LIMIT_PER_MINUTE)


def address_limit_from_env() -> int:
    """``BEIRAT_RATE_LIMIT_PER_ADDRESS``; unset, ``BEIRAT_RATE_LIMIT=0`` switches it off too."""
    if not os.environ.get(ADDRESS_LIMIT_ENV, "").strip() and limit_from_env() == 0:
        return 0
    return _int_from_env(ADDRESS_LIMIT_ENV, DEFAULT_ADDRESS_LIMIT_PER_MINUTE)


def limiter_from_env(limit: int | None = None):
    limit = limit_from_env() if limit is None else limit
    url = os.environ.get(REDIS_URL_ENV, "").strip()
    if url:
        return RedisLimiter(limit, url)
    return SlidingWindowLimiter(limit)


_limiter = None
_address_limiter = None
_limiter_lock = threading.Lock()


def get_limiter():
    global _limiter
    with _limiter_lock:
        if _limiter is None:
            _limiter = limiter_from_env()
        return _limiter


def get_address_limiter():
    global _address_limiter
    with _limiter_lock:
        if _address_limiter is None:
            _address_limiter = limiter_from_env(address_limit_from_env())
        return _address_limiter


def reset_limiter(limiter: object | None = None, address_limiter: object | None = None) -> None:
    """Replaces the process-wide limiters (tests; or after changing the environment)."""
    global _limiter, _address_limiter
    with _limiter_lock:
        _limiter = limiter
        _address_limiter = address_limiter


def allow(sender_id: str) -> bool:
    """True when this sender may send one more message now (and counts it)."""
    allowed = get_limiter().allow(str(sender_id))
    if not allowed:
        logger.info("Rate limit erreicht für Absender %s.", sender_hash(sender_id))
    return allowed


def allow_address(address: str | None) -> bool:
    """True when this client address may send one more message now (and counts it)."""
    if not address:
        return True
    allowed = get_address_limiter().allow(f"address:{address}")
    if not allowed:
        logger.info("Rate limit erreicht für Adresse %s.", sender_hash(address))
    return allowed


def client_address(peer: str | None, forwarded_for: str | None) -> str | None:
    """The client's address: the peer, or with ``BEIRAT_TRUSTED_PROXIES=n`` the n-th
    address from the right of X-Forwarded-For (each trusted proxy appends one; what the
    client wrote itself stands further left and is ignored)."""
    proxies = _int_from_env(TRUSTED_PROXIES_ENV, 0)
    if proxies and forwarded_for:
        hops = [hop.strip() for hop in forwarded_for.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return peer or None
