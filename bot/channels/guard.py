"""What every public channel does before and after Rasa handles a message.

Before: rate limit per sender, clean the text (control characters, broken bytes,
empty, too long). After: if Rasa produced no answer at all (action server down,
an exception, or slower than ``BEIRAT_ANSWER_TIMEOUT`` seconds), the user gets the
technical-problem sentence instead of silence. This is the simplest reliable hook:
Rasa 3.6 catches a failing custom action, logs it and goes on without a reply, and
its action timeout is fixed at 5 minutes.

``guarded(on_new_message)`` wraps the callback that Rasa hands to a channel's
``blueprint``; the REST and socket.io subclasses use it, and so can Telegram.
Message text is never logged here (privacy); senders appear only as a hash.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import traceback
import unicodedata
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from rasa.core.channels.channel import OutputChannel, UserMessage

from bot import speedups
from bot.channels import logfilter, ratelimit

logger = logging.getLogger(__name__)
# The Rasa server imports our channels at start: the place to apply the measured speed-up,
# and to keep SQL parameters (the user's words) out of Rasa's database error lines.
speedups.install()
logfilter.install()

TECHNICAL_PROBLEM_TEXT = "Ich habe gerade ein technisches Problem. Bitte versuchen Sie es später noch einmal."
# "/restart" typed by hand: Rasa restarts the conversation and says nothing; the user hears this.
RESTARTED_TEXT = "Gut. Wir fangen neu an. Was möchten Sie wissen?"
_RESTART_RE = re.compile(r"^\s*/restart\s*$", re.IGNORECASE)
EMPTY_TEXT = "Ihre Nachricht ist leer. Bitte schreiben Sie Ihre Frage."
TOO_LONG_TEXT = (
    "Ihre Nachricht ist sehr lang. Bitte schreiben Sie Ihre Frage kürzer. Zum Beispiel: Wer bekommt Geld von der Stadt?"
)
NOT_READABLE_TEXT = "Ich konnte Ihre Nachricht nicht lesen. Bitte schreiben Sie Ihre Frage noch einmal."

MAX_MESSAGE_CHARS = 1000
ANSWER_TIMEOUT_ENV = "BEIRAT_ANSWER_TIMEOUT"
DEFAULT_ANSWER_TIMEOUT = 10.0
MAX_SENDER_CHARS = 128  # Rasa's SQL tracker store keeps sender_id in a VARCHAR(255)

_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class CleanText:
    text: str | None  # cleaned text for Rasa, or None
    reply: str | None  # polite answer instead of asking Rasa, or None


def clean_text(raw: Any) -> CleanText:
    """Normalises a user's text; says politely why when it cannot be used."""
    if not isinstance(raw, str):
        return CleanText(None, NOT_READABLE_TEXT)
    text = unicodedata.normalize("NFC", raw)
    # Control characters, lone surrogates and U+FFFD (from broken bytes) carry no meaning.
    text = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch
        for ch in text
        if unicodedata.category(ch) != "Cs" and ch != "\ufffd"
    )
    text = _WHITESPACE.sub(" ", text).strip()
    if not text:
        return CleanText(None, EMPTY_TEXT if _only_noise(raw) else NOT_READABLE_TEXT)
    if len(text) > MAX_MESSAGE_CHARS:
        return CleanText(None, TOO_LONG_TEXT)
    return CleanText(text, None)


def _only_noise(raw: str) -> bool:
    """True for text of only whitespace and control characters (an 'empty' message)."""
    return all(ch.isspace() or unicodedata.category(ch) == "Cc" for ch in raw)


def clean_sender(raw: Any) -> str | None:
    """A usable sender id, or None (the request is then answered, not processed)."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)
    if not isinstance(raw, str):
        return None
    sender = raw.strip()
    if not sender or len(sender) > MAX_SENDER_CHARS or not sender.isprintable():
        return None
    return sender


def request_address(request: Any) -> str | None:
    """The client address of a Sanic request (X-Forwarded-For only from trusted proxies)."""
    return ratelimit.client_address(getattr(request, "ip", None), request.headers.get("X-Forwarded-For"))


def answer_timeout() -> float:
    raw = os.environ.get(ANSWER_TIMEOUT_ENV, "").strip()
    try:
        return float(raw) if raw else DEFAULT_ANSWER_TIMEOUT
    except ValueError:
        return DEFAULT_ANSWER_TIMEOUT


class CountingOutputChannel(OutputChannel):
    """Passes every answer on to the real channel and counts them."""

    def __init__(self, inner: OutputChannel) -> None:
        self.inner = inner
        self.sent = 0

    def name(self) -> str:
        return self.inner.name()

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        self.sent += 1
        await self.inner.send_response(recipient_id, message)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        self.sent += 1
        await self.inner.send_text_message(recipient_id, text, **kwargs)

    def __getattr__(self, attribute: str) -> Any:
        # e.g. CollectingOutputChannel.messages / latest_output
        return getattr(self.inner, attribute)


OnNewMessage = Callable[[UserMessage], Awaitable[Any]]


def guarded(on_new_message: OnNewMessage, timeout: float | None = None) -> OnNewMessage:
    """Wraps Rasa's message callback with rate limit, cleaning and the no-answer fallback."""

    async def handle(message: UserMessage) -> None:
        output = message.output_channel
        sender = message.sender_id
        if not ratelimit.allow(sender):
            await output.send_text_message(sender, ratelimit.TOO_FAST_TEXT)
            return
        cleaned = clean_text(message.text)
        if cleaned.reply:
            logger.info("Nachricht von %s nicht verarbeitet: %s", ratelimit.sender_hash(sender), _reason(cleaned.reply))
            await output.send_text_message(sender, cleaned.reply)
            return
        counting = CountingOutputChannel(output)
        cleaned_message = UserMessage(
            cleaned.text,
            counting,
            sender,
            parse_data=message.parse_data,
            input_channel=message.input_channel,
            message_id=message.message_id,
            metadata=message.metadata,
        )
        limit = answer_timeout() if timeout is None else timeout
        problem = None
        try:
            await asyncio.wait_for(on_new_message(cleaned_message), timeout=limit)
        except asyncio.TimeoutError:
            problem = f"keine Antwort in {limit:g} s"
        except asyncio.CancelledError:
            # The client hung up. Not re-raised: Rasa's REST handler would log the message text.
            logger.info("Verbindung von %s abgebrochen, bevor die Antwort fertig war.", ratelimit.sender_hash(sender))
            return
        except Exception as error:  # never a stack trace to the user
            # Exception messages can quote the user's words: at ERROR the type and the code
            # path only (no message, no values); the full exception goes to DEBUG.
            frames = "".join(traceback.format_list(traceback.extract_tb(error.__traceback__)))
            logger.error(
                "Fehler beim Verarbeiten einer Nachricht von %s: %s\n%s",
                ratelimit.sender_hash(sender),
                type(error).__name__,
                frames,
            )
            logger.debug("Details", exc_info=True)
            problem = type(error).__name__
        if problem is None and counting.sent == 0 and _RESTART_RE.match(cleaned.text or ""):
            await output.send_text_message(sender, RESTARTED_TEXT)
            return
        if problem is None and counting.sent == 0:
            problem = "keine Antwort (Action-Server nicht erreichbar oder Aktion fehlgeschlagen?)"
        if problem is not None:
            logger.error("Technisches Problem für Absender %s: %s", ratelimit.sender_hash(sender), problem)
            await output.send_text_message(sender, TECHNICAL_PROBLEM_TEXT)

    return handle


def _reason(reply: str) -> str:
    return {EMPTY_TEXT: "leer", TOO_LONG_TEXT: "zu lang", NOT_READABLE_TEXT: "nicht lesbar"}.get(reply, "abgelehnt")
