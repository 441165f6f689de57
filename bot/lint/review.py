"""Human review: texts for a review group, and the record of what a group checked.

Leichte Sprache is Leichte Sprache only after readers of the target group checked it
(Netzwerk Leichte Sprache; DIN SPEC 33429). ``beirat review-export`` writes every
distinct answer template with a few real renderings as a CSV file (semicolon, UTF-8
with BOM: LibreOffice and Excel open it as a table), one row per text, with empty
columns for the group. ``knowledge/review.yml`` records which templates a group
checked and when; a template not listed there is "nicht geprüft", and nothing says
otherwise.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.config import KNOWLEDGE_DIR

REVIEW_FILE = "review.yml"
RENDERINGS = 3  # real renderings per template in the export
COLUMNS = ("Nummer", "Vorlage", "Beispiel", "Text", "Status", "verstanden?", "Kommentar", "Bessere Formulierung")
NOT_CHECKED = "nicht geprüft"
_DATA_TOKEN = re.compile(r"\d")


class ReviewFileError(RuntimeError):
    """knowledge/review.yml is unreadable or malformed; the message says where."""


@dataclass(frozen=True)
class Review:
    template: str
    group: str
    date: dt.date
    result: str  # what the group said, e.g. "verstanden" or "geändert"


def template_key(label: str, data_words: Iterable[str] = ()) -> str:
    """The template behind a catalogue label: the label up to its first piece of data.

    "Betrag Banjul e.V." -> "Betrag", "Anträge Integrationsbeirat Nord 2015" -> "Anträge",
    "Betrag Banjul e.V. (Knopf)" -> "Betrag (Knopf)". ``data_words``: names and council
    names in the labels; a number also starts the data.
    """
    suffix = next((s for s in ("(mehr)", "(Knopf)") if label.endswith(s)), "")
    body = label[: len(label) - len(suffix)].strip()
    cut = len(body)
    for word in data_words:
        if word and len(word) > 2:
            position = body.find(word)
            if 0 < position < cut:
                cut = position
    for index, token in enumerate(body.split()):
        if index and (_DATA_TOKEN.search(token) or token.startswith(("Integrationsbeirat", "Integrations·beirat"))):
            cut = min(cut, body.find(token))
            break
    return f"{body[:cut].strip()} {suffix}".strip()


def load_reviews(knowledge: Path = KNOWLEDGE_DIR) -> dict[str, Review]:
    """Template -> its latest review; an empty dict when nothing was checked."""
    path = knowledge / REVIEW_FILE
    if not path.is_file():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ReviewFileError(f"{path} ist nicht lesbar: {error}") from error
    entries = data.get("reviews") if isinstance(data, dict) else None
    if entries is None:
        entries = []
    if not isinstance(entries, list):
        raise ReviewFileError(f"{path}: 'reviews' muss eine Liste sein.")
    reviews: dict[str, Review] = {}
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or not all(entry.get(k) for k in ("template", "group", "date")):
            raise ReviewFileError(f"{path}: Eintrag {number} braucht template, group und date.")
        date = entry["date"]
        if not isinstance(date, dt.date):
            raise ReviewFileError(f"{path}: Eintrag {number}: date so schreiben: 2026-12-01.")
        review = Review(str(entry["template"]), str(entry["group"]), date, str(entry.get("result") or ""))
        if review.template not in reviews or reviews[review.template].date <= review.date:
            reviews[review.template] = review
    return reviews


def status(template: str, reviews: dict[str, Review]) -> str:
    review = reviews.get(template)
    if review is None:
        return NOT_CHECKED
    return f"geprüft am {review.date:%d.%m.%Y} von {review.group}" + (f": {review.result}" if review.result else "")


def group_by_template(
    texts: Sequence[tuple[str, str]], data_words: Iterable[str] = ()
) -> dict[str, list[tuple[str, str]]]:
    """Template -> its (label, text) renderings, distinct texts only, in catalogue order."""
    words = sorted(set(data_words), key=len, reverse=True)
    groups: dict[str, list[tuple[str, str]]] = {}
    for label, text in texts:
        rendered = groups.setdefault(template_key(label, words), [])
        if all(text != other for _, other in rendered):
            rendered.append((label, text))
    return groups


def write_export(
    path: Path | str,
    groups: dict[str, list[tuple[str, str]]],
    reviews: dict[str, Review],
    per_template: int = RENDERINGS,
) -> int:
    """Writes the review table; returns the number of text rows."""
    rows = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(COLUMNS)
        for template, rendered in groups.items():
            for example, (_, text) in enumerate(rendered[:per_template], start=1):
                rows += 1
                writer.writerow([rows, template, example, text, status(template, reviews), "", "", ""])
    return rows


def read_export(path: Path | str) -> list[dict[str, str]]:
    """The rows of a review table (also one a group has filled in)."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))
