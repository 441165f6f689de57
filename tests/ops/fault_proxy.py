"""A TCP proxy in front of the action server that can be switched to fail.

Modes: ``pass`` (forward), ``slow`` (wait ``delay`` seconds before forwarding) and
``down`` (the port is closed: connection refused, as when the server is not running).
It runs its own event loop in a thread so that tests can switch modes synchronously.
"""
from __future__ import annotations

import asyncio
import threading
from typing import Optional, Set


class FaultProxy:
    def __init__(self, upstream_port: int, port: int, upstream_host: str = "127.0.0.1"):
        self.upstream = (upstream_host, upstream_port)
        self.port = port
        self.mode = "pass"
        self.delay = 0.0
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._server: Optional[asyncio.base_events.Server] = None
        self._writers: Set[asyncio.StreamWriter] = set()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/webhook"

    def start(self) -> "FaultProxy":
        self._thread.start()
        self._call(self._listen())
        return self

    def set_mode(self, mode: str, delay: float = 0.0) -> None:
        assert mode in ("pass", "slow", "down"), mode
        self._call(self._switch(mode, delay))

    def set_upstream(self, port: int) -> None:
        """Send new connections to another server (e.g. an action server with a broken database)."""
        self.upstream = (self.upstream[0], port)
        self.set_mode(self.mode, self.delay)  # drops open connections to the old one

    def stop(self) -> None:
        self._call(self._switch("down", 0.0))
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)

    def _call(self, coroutine) -> None:
        asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout=10)

    async def _listen(self) -> None:
        if self._server is None:
            self._server = await asyncio.start_server(self._handle, "127.0.0.1", self.port, reuse_address=True)

    async def _switch(self, mode: str, delay: float) -> None:
        self.mode, self.delay = mode, delay
        # Open connections belong to the old mode: close them (Rasa opens new ones).
        for writer in list(self._writers):
            writer.close()
        self._writers.clear()
        if mode == "down" and self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None
        elif mode != "down":
            await self._listen()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            if self.mode == "slow":
                await asyncio.sleep(self.delay)
            up_reader, up_writer = await asyncio.open_connection(*self.upstream)
            self._writers.add(up_writer)
            await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))
        except (ConnectionError, OSError):
            pass
        finally:
            writer.close()

    @staticmethod
    async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except (ConnectionError, OSError):
            pass
        finally:
            writer.close()
