"""Rasa's REST channel, hardened for the public: rate limit, clean input, no silence.

Use it in credentials.yml as ``bot.channels.rest.RateLimitedRestInput:``; the URL
stays ``/webhooks/rest/webhook``. Differences from Rasa's ``RestInput``:

- A body that is not JSON, not UTF-8, nested too deeply, larger than 64 KiB, or has no
  usable ``sender`` is answered with HTTP 200 and one polite German message; nothing
  is stored. (Rasa answers 400, or 500 for deeply nested JSON.)
- Each client address may send ``BEIRAT_RATE_LIMIT_PER_ADDRESS`` messages a minute
  (HTTP 429 with the polite "too fast" message after that), besides the per-sender limit.
- Text goes through ``bot.channels.guard`` (rate limit, cleaning, length cap,
  technical-problem message when Rasa gives no answer).
- ``metadata`` is kept only when it is a JSON object; ``input_channel`` is always
  ``rest`` (clients cannot choose it).
- A "/name" payload that names no intent of the domain gets the domain's
  ``utter_default`` answer instead of whatever Rasa's policies pick for it.
- The health check ``GET /webhooks/rest/`` answers 503 while no model is loaded
  (Rasa's says "ok" even when loading the model failed), so nginx and tests can trust it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request

from bot.channels import feedback, guard, ratelimit

_BODY_KEY = "beirat_body"
# A question is at most 1000 characters; with sender and metadata 64 KiB is plenty (as in nginx).
MAX_BODY_BYTES = 64 * 1024


def parse_body(request: Request) -> dict[str, Any]:
    """The JSON object in the body; ``{}`` for anything else (broken bytes are replaced)."""
    cached = getattr(request.ctx, _BODY_KEY, None)
    if cached is not None:
        return cached
    raw = request.body or b""
    try:
        # Too big is refused before parsing; thousands of nested brackets raise RecursionError.
        body = None if len(raw) > MAX_BODY_BYTES else json.loads(raw.decode("utf-8", errors="replace"))
    except (ValueError, RecursionError):
        body = None
    parsed = body if isinstance(body, dict) else {}
    setattr(request.ctx, _BODY_KEY, parsed)
    return parsed


_INTENT_PAYLOAD = re.compile(r"^\s*/([^{@\s]*)")


def unknown_intent_reply(request: Request, message: str) -> str | None:
    """A polite answer for "/name" payloads naming no intent of the domain, else None.

    Buttons send "/intent" payloads, and Rasa takes them without the NLU. For an
    intent it does not know, its policies pick an unrelated action (e.g. goodbye).
    """
    match = _INTENT_PAYLOAD.match(message)
    agent = getattr(request.app.ctx, "agent", None)
    domain = getattr(agent, "domain", None)
    if not match or domain is None or match.group(1) in domain.intents:
        return None
    default = domain.responses.get("utter_default") or [{}]
    return default[0].get("text") or guard.NOT_READABLE_TEXT


class RateLimitedRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    async def _extract_sender(self, req: Request) -> str | None:
        return guard.clean_sender(parse_body(req).get("sender"))

    def _extract_message(self, req: Request) -> str | None:
        message = parse_body(req).get("message")
        return message if isinstance(message, str) else None

    def _extract_input_channel(self, req: Request) -> str:
        return self.name()

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        metadata = parse_body(request).get("metadata")
        return metadata if isinstance(metadata, dict) else None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        webhook = super().blueprint(guard.guarded(feedback.recording(on_new_message)))
        feedback.attach(webhook)

        @webhook.on_request
        async def reject_unusable_requests(request: Request) -> response.HTTPResponse | None:
            # Runs before Rasa's handlers. GET is the health check: Rasa starts even when
            # the model failed to load, so "ok" only when there is an agent to answer.
            if request.method == "GET":
                agent = getattr(request.app.ctx, "agent", None)
                if agent is None or not agent.is_ready():
                    return response.json({"status": "no model loaded"}, status=503)
                return None
            if request.method != "POST" or not request.path.endswith("/webhook"):
                return None
            # Sender ids are the client's choice; the address is not (behind trusted proxies).
            if not ratelimit.allow_address(guard.request_address(request)):
                return response.json([{"recipient_id": "", "text": ratelimit.TOO_FAST_TEXT}], status=429)
            if len(request.body or b"") > MAX_BODY_BYTES:
                return response.json([{"recipient_id": "", "text": guard.TOO_LONG_TEXT}])
            body = parse_body(request)
            sender = guard.clean_sender(body.get("sender"))
            if not body or sender is None:
                return response.json([{"recipient_id": "", "text": guard.NOT_READABLE_TEXT}])
            message = body.get("message")
            if not isinstance(message, str):
                return response.json([{"recipient_id": sender, "text": guard.NOT_READABLE_TEXT}])
            unknown = unknown_intent_reply(request, message)
            if unknown:
                return response.json([{"recipient_id": sender, "text": unknown}])
            return None

        return webhook
