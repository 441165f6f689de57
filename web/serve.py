"""Serves web/ (the demo page and the widget) for `make run` and the browser tests.

With a Rasa URL, index.html names that server in its data-server attribute instead
of the one written in the file, so the page can talk to a bot on any port.
Standard library only: this is a demo server, a real site serves web/ itself.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

WEB_DIR = Path(__file__).resolve().parent
BUNDLE = WEB_DIR / "dist" / "frag-den-beirat.js"
_DATA_SERVER = re.compile(r'data-server="[^"]*"')


def page_with_server(rasa_url: str) -> bytes:
    """index.html with its data-server attribute set to ``rasa_url``."""
    page = (WEB_DIR / "index.html").read_text(encoding="utf-8")
    attribute = 'data-server="%s"' % html.escape(rasa_url, quote=True)
    return _DATA_SERVER.sub(lambda _: attribute, page, count=1).encode("utf-8")


class WebHandler(SimpleHTTPRequestHandler):
    def __init__(self, *args, rasa_url: str | None = None, quiet: bool = False, **kwargs):
        self.rasa_url = rasa_url
        self.quiet = quiet
        super().__init__(*args, directory=str(WEB_DIR), **kwargs)

    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        if self.rasa_url and urlsplit(self.path).path in ("/", "/index.html"):
            body = page_with_server(self.rasa_url)
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def end_headers(self) -> None:
        # A rebuilt widget must show at once; nothing here is worth caching.
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (base class name)
        if not self.quiet:
            super().log_message(format, *args)


def make_server(host: str = "127.0.0.1", port: int = 0, rasa_url: str | None = None,
                quiet: bool = False) -> ThreadingHTTPServer:
    """A server for web/ (port 0: a free port; read it from ``server_address``)."""
    handler = partial(WebHandler, rasa_url=rasa_url, quiet=quiet)
    return ThreadingHTTPServer((host, port), handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve the Frag den Beirat web page.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--rasa-url", default=None, help="Rasa server the page talks to")
    args = parser.parse_args(argv)
    if not BUNDLE.is_file():
        print("web/dist/frag-den-beirat.js is missing: run `npm ci && npm run build` in web/.",
              file=sys.stderr)
        return 1
    try:
        server = make_server(args.host, args.port, args.rasa_url)
    except OSError as error:
        print(f"Cannot serve on {args.host}:{args.port}: {error.strerror}", file=sys.stderr)
        return 1
    host, port = server.server_address[:2]
    shown_host = "localhost" if host in ("127.0.0.1", "0.0.0.0") else host
    print(f"Frag den Beirat web page: http://{shown_host}:{port}/", flush=True)
    if args.rasa_url:
        print(f"It talks to the Rasa server at {args.rasa_url}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
