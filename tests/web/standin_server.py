"""A tiny stand-in for Rasa's socket.io channel that answers deterministically.

It speaks the same events as ``rasa.core.channels.socketio`` with
``session_persistence: true``: ``session_request`` → ``session_confirm``,
``user_uttered`` {message, session_id} → ``bot_uttered`` {text, quick_replies}.
The widget tests run it as a subprocess so that they can kill it (connection lost).

Run: python tests/web/standin_server.py [--port 0]; prints "PORT=<n>" when ready.
"""
from __future__ import annotations

import argparse
import asyncio
import sys
import uuid
from pathlib import Path

import socketio
from aiohttp import web

XSS_TEXT = '<script>window.__xss = "script"</script><img src="x" onerror="window.__xss = \'img\'"> & <b>fett</b>'
LIST_TEXT = "Im Beirat sind 3 Personen:\n- Anna Beispiel\n- Bert Muster\n- Cem Probe"
CHOICE_TEXT = "Möchten Sie mehr wissen?"
EXPLAINED_TEMPLATE = (
    "Diese Vereine bekommen eine Zuwendung:\n- Banjul\n- Kargah\nDas Geld ist für Feste.\n"
    "Das steht im Protokoll von der 32. Sitzung.\nDie Sitzung war am Montag, 1. April 2019."
)


def explained_answer() -> str:
    """An answer with a list and a source, its hard words explained as the bot does it."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from bot.core.facts import GlossaryEntry
    from bot.language.glossary import explain_terms

    entries = [
        GlossaryEntry("Zuwendung", "Die Stadt gibt Geld für ein Projekt.", ()),
        GlossaryEntry("Sitzung", "Das ist ein Treffen von einer Gruppe.", ()),
    ]
    text, _ = explain_terms(EXPLAINED_TEMPLATE, set(), entries)
    return text


def replies_for(message: str, session_id: str) -> list[dict]:
    """What the stand-in bot answers; one dict per ``bot_uttered`` event."""
    key = message.strip().lower()
    if key == "xss":
        return [{"text": XSS_TEXT}]
    if key == "liste":
        return [{"text": LIST_TEXT}]
    if key == "knöpfe":
        return [{
            "text": CHOICE_TEXT,
            "quick_replies": [
                {"content_type": "text", "title": "Ja, gerne", "payload": "/affirm"},
                {"content_type": "text", "title": "Nein, danke", "payload": "/deny"},
            ],
        }]
    if key == "/affirm":
        return [{"text": "Sie haben Ja gewählt."}]
    if key == "/deny":
        return [{"text": "Sie haben Nein gewählt."}]
    if key == "sitzung":
        return [{"text": f"Ihre Sitzung: {session_id}"}]
    if key == "zwei teile":
        return [{"text": "Erster Teil."}, {"text": "Zweiter Teil."}]
    if key == "stumm":
        return []
    if key == "erklärung":
        return [{"text": explained_answer()}]
    return [{"text": f"Sie haben gefragt: {message}"}]


def make_app() -> web.Application:
    sio = socketio.AsyncServer(async_mode="aiohttp", cors_allowed_origins="*")
    app = web.Application()
    sio.attach(app)

    @sio.on("session_request")
    async def session_request(sid, data):
        session_id = (data or {}).get("session_id") or uuid.uuid4().hex
        await sio.enter_room(sid, session_id)
        await sio.emit("session_confirm", session_id, room=sid)

    @sio.on("user_uttered")
    async def user_uttered(sid, data):
        session_id = (data or {}).get("session_id")
        if not session_id:  # Rasa ignores such messages too
            return
        for reply in replies_for(str(data.get("message", "")), session_id):
            await sio.emit("bot_uttered", reply, room=session_id)

    return app


async def serve(host: str, port: int) -> None:
    runner = web.AppRunner(make_app())
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    bound = site._server.sockets[0].getsockname()[1]  # aiohttp has no public getter
    print(f"PORT={bound}", flush=True)
    await asyncio.Event().wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    try:
        asyncio.run(serve(args.host, args.port))
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
