#!/usr/bin/env python3
"""Fills in deploy/nginx/beirat.conf.template for N Rasa servers (standard library only).

    python3 deploy/nginx/render.py --listen 127.0.0.1:8000 127.0.0.1:5005 127.0.0.1:5006 \
        > /etc/nginx/conf.d/beirat.conf

One `server` line per HOST:PORT goes into both upstreams (round robin for webhooks,
sticky by address for socket.io). nginx's own $variables stay as they are.
With --standalone DIR it writes DIR/beirat.conf and a whole DIR/nginx.conf around it
(one worker, pid, temp files and error log inside DIR), for `make run` and the tests:
    nginx -p DIR -c DIR/nginx.conf -g 'daemon off;'
"""

from __future__ import annotations

import argparse
import string
import sys
from pathlib import Path

TEMPLATE = Path(__file__).with_name("beirat.conf.template")
SERVER_LINE = "server {} max_fails=3 fail_timeout=10s;"


def render_site(
    servers: list[str],
    listen: str,
    requests_per_ip: str = "10r/s",
    connections_per_ip: int = 20,
    access_log: str = "off",
    per_ip_limits: bool = True,
) -> str:
    if not servers:
        raise ValueError("at least one Rasa server (HOST:PORT) is needed")
    values = {
        "RASA_SERVERS": "\n    ".join(SERVER_LINE.format(server) for server in servers),
        "LISTEN": listen,
        "REQUESTS_PER_IP": requests_per_ip,
        "CONNECTIONS_PER_IP": str(connections_per_ip),
        "ACCESS_LOG": access_log,
        "PER_IP_LIMITS": "on" if per_ip_limits else "off",
    }
    return string.Template(TEMPLATE.read_text(encoding="utf-8")).safe_substitute(values)


def write_standalone(directory: Path, site: str) -> Path:
    """DIR/beirat.conf and DIR/nginx.conf that includes it; returns nginx.conf."""
    directory = directory.resolve()
    (directory / "beirat.conf").write_text(site, encoding="utf-8")
    temp_paths = "\n".join(
        f"  {kind}_temp_path {directory}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    conf = directory / "nginx.conf"
    conf.write_text(
        # One worker: the Rasa servers need the cores; nginx only passes requests on.
        f"worker_processes 1;\nerror_log {directory}/nginx-error.log;\npid {directory}/nginx.pid;\n"
        f"events {{ worker_connections 1024; }}\n"
        f"http {{\n{temp_paths}\n  include {directory}/beirat.conf;\n}}\n",
        encoding="utf-8",
    )
    return conf


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("servers", nargs="+", metavar="HOST:PORT", help="the Rasa servers")
    parser.add_argument("--listen", required=True, help="address:port (or port) nginx listens on")
    parser.add_argument("--requests-per-ip", default="10r/s")
    parser.add_argument("--connections-per-ip", type=int, default=20)
    parser.add_argument("--access-log", default="off", help='"off" or e.g. "/var/log/nginx/beirat.log beirat_upstream"')
    parser.add_argument("--per-ip-limits", choices=("on", "off"), default="on")
    parser.add_argument("--standalone", type=Path, metavar="DIR", help="write DIR/beirat.conf and DIR/nginx.conf")
    args = parser.parse_args(argv)
    site = render_site(
        args.servers,
        args.listen,
        args.requests_per_ip,
        args.connections_per_ip,
        args.access_log,
        args.per_ip_limits == "on",
    )
    if args.standalone:
        print(write_standalone(args.standalone, site))
    else:
        sys.stdout.write(site)
    return 0


if __name__ == "__main__":
    sys.exit(main())
