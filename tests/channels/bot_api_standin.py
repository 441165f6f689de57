"""A local stand-in for the Telegram Bot API, for tests.

Listens on 127.0.0.1 on a free port, records every method call
(``/bot<token>/<method>``) and answers with the JSON shapes Telegram uses, so that
aiogram parses the answers as it would parse Telegram's.
"""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, List, Optional
from urllib.parse import parse_qsl

TOKEN = "123456789:AAHtestTOKENforTheLocalStandIn_abcdefg"
BOT_USERNAME = "frag_den_beirat_test_bot"
SECRET = "test-secret_0123456789abcdef"
WEBHOOK_URL = "https://beirat.example.org/webhooks/telegram/webhook"


@dataclass
class Call:
    method: str
    params: Dict[str, Any]

    def json_param(self, name: str) -> Any:
        """A parameter that aiogram sends JSON-encoded, such as reply_markup."""
        value = self.params.get(name)
        return json.loads(value) if isinstance(value, str) else value


class BotApiStandIn:
    def __init__(self, token: str = TOKEN, username: str = BOT_USERNAME) -> None:
        self.token = token
        self.username = username
        self.calls: List[Call] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> "BotApiStandIn":
        self._thread.start()
        return self

    def __exit__(self, *_: Any) -> None:
        self._server.shutdown()
        self._server.server_close()

    def calls_to(self, method: str) -> List[Call]:
        with self._lock:
            return [call for call in self.calls if call.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 30.0) -> List[Call]:
        """The calls to ``method`` once there are at least ``count`` (or what there is)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            calls = self.calls_to(method)
            if len(calls) >= count:
                return calls
            time.sleep(0.05)
        return self.calls_to(method)

    def _record(self, method: str, params: Dict[str, Any]) -> None:
        with self._lock:
            self.calls.append(Call(method, params))

    def _answer(self, method: str, params: Dict[str, Any]) -> Optional[Any]:
        """The ``result`` Telegram would send, or None for an unknown method."""
        if method == "getMe":
            return {"id": int(self.token.split(":")[0]), "is_bot": True,
                    "first_name": "Frag den Beirat", "username": self.username}
        if method == "sendMessage":
            with self._lock:
                message_id = len([c for c in self.calls if c.method == "sendMessage"])
            chat_id = int(params["chat_id"])
            return {"message_id": message_id, "date": int(time.time()),
                    "chat": {"id": chat_id, "type": "private"},
                    "from": {"id": int(self.token.split(":")[0]), "is_bot": True,
                             "first_name": "Frag den Beirat"},
                    "text": params.get("text", "")}
        if method in {"setWebhook", "deleteWebhook", "answerCallbackQuery"}:
            return True
        return None

    def _handler_class(self) -> type:
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode("utf-8")
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    params = json.loads(body or "{}")
                else:
                    params = dict(parse_qsl(body, keep_blank_values=True))
                parts = self.path.strip("/").split("/")
                if len(parts) != 2 or parts[0] != f"bot{standin.token}":
                    self._send(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
                    return
                method = parts[1]
                standin._record(method, params)
                result = standin._answer(method, params)
                if result is None:
                    self._send(404, {"ok": False, "error_code": 404, "description": "Not Found"})
                else:
                    self._send(200, {"ok": True, "result": result})

            do_GET = do_POST

            def _send(self, status: int, payload: Dict[str, Any]) -> None:
                data = json.dumps(payload).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *_: Any) -> None:  # keep test output quiet
                pass

        return Handler
