"""``beirat ingest URL``: a decision paper or protocol straight from the web.

The page (HTML), its PDF or a plain text is fetched with ``requests``, its text taken
with Beautiful Soup (HTML) or the reader's PDF text layer, and the address kept as the
first line ``SOURCE: <address>``, as in every stored copy of a public page. Nothing is
saved when the fetch fails or the text is not a council document: the caller parses the
text first and only then saves it into ``knowledge/protocols``.
"""

from __future__ import annotations

import re
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import requests
from bs4 import BeautifulSoup

from bot.knowledge.reader import read_document
from bot.knowledge.records import ParseError

TIMEOUT_SECONDS = 20
MAX_BYTES = 20 * 1024 * 1024  # a council document is far smaller; more is not one
USER_AGENT = "FragDenBeirat/0.1 (Import von Protokollen der Integrationsbeiräte)"
_BLOCKS = ("p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "article", "pre")


class FetchError(Exception):
    """A page that could not be fetched or read; the message is for staff, in German."""


@dataclass(frozen=True)
class FetchedText:
    url: str
    text: str  # starts with "SOURCE: <url>"
    file_name: str  # a file name for knowledge/protocols, from the address


def is_url(text: str) -> bool:
    return bool(re.match(r"^https?://", str(text).strip(), re.IGNORECASE))


def fetch_text(url: str, *, timeout: float = TIMEOUT_SECONDS, session: requests.Session | None = None) -> FetchedText:
    """The text of the document at ``url``; raises ``FetchError`` with the reason."""
    http = session or requests.Session()
    try:
        response = http.get(url, timeout=timeout, headers={"User-Agent": USER_AGENT}, stream=True)
    except requests.Timeout:
        raise FetchError(f"{url}: Die Seite antwortet nicht (nach {timeout:g} Sekunden abgebrochen).") from None
    except requests.RequestException as error:
        raise FetchError(f"{url}: Die Seite ist nicht erreichbar ({type(error).__name__}).") from None
    with response:
        if response.status_code != 200:
            raise FetchError(f"{url}: Der Server antwortet mit Fehler {response.status_code} ({response.reason}).")
        body = _read_limited(response, url)
        kind = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
        encoding = response.encoding if "charset" in response.headers.get("Content-Type", "").lower() else None
    if kind == "application/pdf" or body.startswith(b"%PDF"):
        text = _pdf_text(body, url)
    elif kind in ("text/html", "application/xhtml+xml"):
        text = html_text(body, encoding)
    elif kind == "text/plain":
        text = body.decode(encoding or "utf-8", errors="replace")
    else:
        raise FetchError(
            f"{url}: Unbekanntes Format „{kind or 'ohne Angabe'}“. Gelesen werden HTML-Seiten, PDF und Text."
        )
    if not text.strip():
        raise FetchError(f"{url}: Die Seite enthält keinen Text.")
    return FetchedText(url, f"SOURCE: {url}\n{text.strip()}\n", file_name_for(url))


def _read_limited(response: requests.Response, url: str) -> bytes:
    chunks, size = [], 0
    try:
        for chunk in response.iter_content(64 * 1024):
            size += len(chunk)
            if size > MAX_BYTES:
                raise FetchError(
                    f"{url}: Die Datei ist größer als {MAX_BYTES // (1024 * 1024)} MB – das ist kein "
                    "Protokoll und keine Drucksache."
                )
            chunks.append(chunk)
    except requests.RequestException as error:
        raise FetchError(f"{url}: Die Übertragung brach ab ({type(error).__name__}).") from None
    return b"".join(chunks)


def html_text(body: bytes, encoding: str | None = None) -> str:
    """The visible text of a page, one block per line (scripts, styles and navigation left out)."""
    soup = BeautifulSoup(body, "html.parser", from_encoding=encoding)
    for tag in soup(["script", "style", "noscript", "nav", "header", "footer", "form", "template"]):
        tag.decompose()
    for tag in soup.find_all(_BLOCKS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in soup.get_text().splitlines())
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _pdf_text(body: bytes, url: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "document.pdf"
        path.write_bytes(body)
        try:
            return read_document(path)
        except ParseError as error:
            raise FetchError(f"{url}: {error.reason}") from None


def file_name_for(url: str) -> str:
    """ ".../lhhsimwebre.nsf/DS/15-1094-2025" → "web_e-government.hannover-stadt.de_DS_15-1094-2025.txt"."""
    parts = urlparse(url)
    tail = "_".join(p for p in parts.path.split("/")[-2:] if p) or "seite"
    name = f"web_{parts.netloc}_{tail}"
    if parts.query:
        name += "_" + parts.query
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip("-.")[:150]
    return re.sub(r"\.(?:pdf|html?|txt)$", "", name, flags=re.IGNORECASE) + ".txt"
