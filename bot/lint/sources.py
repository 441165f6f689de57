"""Texts the checker reads besides the answers: domain.yml, the widget, Telegram, names.

Button titles and short labels (a widget's "Senden") are checked against the rules but
left out of the statistics: they are no sentences. Their labels end in ``(Knopf)``.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import yaml

from bot.config import REPO_ROOT

BUTTON_MARK = "(Knopf)"
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
# The widget's texts: `var TEXT = { key: "…", … };` and `var STARTER_QUESTIONS = [ "…", … ];`
_JS_BLOCK = re.compile(r"var\s+(TEXT|STARTER_QUESTIONS)\s*=\s*([\[{])(.*?)[\]}];", re.DOTALL)
_JS_ENTRY = re.compile(r'(?:(\w+)\s*:\s*)?"((?:[^"\\]|\\.)*)"')
# Texts the widget shows as sentences; every other entry is a label of a control.
WIDGET_SENTENCES = ("privacy", "welcome", "waiting", "offline", "noAnswer")


class SourceError(RuntimeError):
    """A source of texts is missing or unreadable; the message says why."""


def domain_texts(root: Path = REPO_ROOT) -> list[tuple[str, str]]:
    """(label, text) for every response variation and button title in domain.yml (or domain/)."""
    files = [root / "domain.yml"] if (root / "domain.yml").is_file() else sorted((root / "domain").glob("**/*.yml"))
    if not files:
        raise SourceError(f"Keine domain.yml in {root} gefunden.")
    texts = []
    for path in files:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as error:
            raise SourceError(f"{path} ist nicht lesbar: {error}") from error
        responses = data.get("responses") or {} if isinstance(data, dict) else {}
        for name, variations in responses.items():
            for index, variation in enumerate(variations or [], start=1):
                if not isinstance(variation, dict):
                    continue
                label = f"domain {name}" + (f" #{index}" if index > 1 else "")
                if isinstance(variation.get("text"), str):
                    # A slot placeholder stands for one name: "{organisation}" -> "Name".
                    texts.append((label, _PLACEHOLDER.sub("Name", variation["text"])))
                for button in variation.get("buttons") or []:
                    if isinstance(button, dict) and isinstance(button.get("title"), str):
                        texts.append((f"{label} {BUTTON_MARK}", _PLACEHOLDER.sub("Name", button["title"])))
    return texts


def widget_texts(root: Path = REPO_ROOT) -> list[tuple[str, str]]:
    """(label, text) for the widget's own texts in web/src/config.js."""
    path = root / "web" / "src" / "config.js"
    try:
        source = path.read_text(encoding="utf-8")
    except OSError as error:
        raise SourceError(f"{path} ist nicht lesbar: {error}") from error
    texts = []
    for block, _, body in _JS_BLOCK.findall(source):
        body = re.sub(r"//[^\n]*", "", body)
        for number, (key, value) in enumerate(_JS_ENTRY.findall(body), start=1):
            text = json.loads(f'"{value}"')  # a JS string literal without quotes in it is JSON
            if block == "TEXT" and key in WIDGET_SENTENCES:
                texts.append((f"widget {key}", text))
            else:
                texts.append((f"widget {key or f'Frage {number}'} {BUTTON_MARK}", text))
    if not texts:
        raise SourceError(f"{path}: keine Texte gefunden (var TEXT = {{…}}).")
    return texts


def channel_texts(root: Path = REPO_ROOT) -> list[tuple[str, str]]:
    """(label, text) for every fixed text of the channels (Telegram, the guard in front of
    all channels, the feedback buttons): module constants named ``…_TEXT`` or ``…_ANSWER``.
    Read with ``ast``: importing the channels would load Rasa."""
    texts = []
    for path in sorted((root / "bot" / "channels").rglob("*.py")):
        prefix = "telegram" if "telegram" in path.parts else "kanal"
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)):
                continue
            value = node.value.value
            for target in node.targets:
                name = getattr(target, "id", "")
                if name.isupper() and name.endswith(("_ANSWER", "_TEXT")) and isinstance(value, str):
                    short = len(value.split()) < 3  # a button's title, no sentence
                    texts.append((f"{prefix} {name}" + (f" {BUTTON_MARK}" if short else ""), value))
    return texts


def names_from_database(session) -> tuple[set[str], set[str]]:
    """(names, council names) in the data: people, parties, organisations, districts,
    meeting places and addresses. The checker needs them to find where a sentence ends
    ("Banjul e.V. bekommt …") and to leave names out of the style rules; they count as words."""
    from bot.queries import councils, grants, meetings, members

    names: set[str] = set()
    council_names: set[str] = set()

    def add_people(people) -> None:
        for person in people:
            names.add(person.full_name)
            if person.salutation and not person.full_name.startswith(person.salutation):
                names.add(f"{person.salutation} {person.full_name}")
            if person.party:
                names.add(person.party)

    for council in councils.list_councils(session):
        council_names.add(council.name)
        if council.district:
            names.add(council.district)
        add_people(members.list_members(session, council.name))
        for meeting in meetings.list_meetings(session, council.name):
            names.update(n for n in (meeting.place, meeting.address) if n)
            attendance = members.attendance(session, council.name, meeting.date)
            if attendance:
                add_people(attendance.present + attendance.excused + attendance.absent)
            add_people(members.administration(session, council.name, meeting.date))
            add_people(members.guests(session, council.name, meeting.date))
    for grant in grants.list_grants(session):
        names.update(n for n in (grant.organisation, grant.applicant_as_written) if n)

    def clean(values: set[str]) -> set[str]:
        return {n.strip() for n in values if n and n.strip()}

    return clean(names), clean(council_names)
