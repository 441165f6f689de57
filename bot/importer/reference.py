"""Loads the hand-written reference files into the database: glossary and curated facts.

knowledge/glossary.yml: a YAML list of ``{term, aliases: [...], explanation}``, read by
``bot.core.glossary_file.read_glossary`` (the one reader of that file).
knowledge/facts.yml: a YAML list of ``{key, text, source}``.
Each load makes the table say exactly what the file says (idempotent). A missing
file is allowed and leaves the table as it is; a malformed one raises
``ReferenceFileError`` and changes nothing.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from sqlalchemy import delete
from sqlalchemy.orm import Session

from bot.core.glossary_file import GlossaryError, read_glossary
from bot.core.names import name_key
from bot.db import schema as s


class ReferenceFileError(Exception):
    """A glossary or facts file that cannot be used."""


def _read_list(path: Path, required: tuple[str, ...], optional: tuple[str, ...]) -> list[dict] | None:
    if not path.exists():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise ReferenceFileError(f"{path}: kein gültiges YAML ({error})") from None
    if data is None:
        return []
    if not isinstance(data, list):
        raise ReferenceFileError(f"{path}: erwartet eine Liste von Einträgen")
    entries = []
    for number, entry in enumerate(data, start=1):
        if not isinstance(entry, dict):
            raise ReferenceFileError(f"{path}: Eintrag {number} ist keine Zuordnung")
        missing = [k for k in required if not isinstance(entry.get(k), str) or not entry[k].strip()]
        unknown = sorted(set(entry) - set(required) - set(optional))
        if missing or unknown:
            problems = [f"fehlt: {', '.join(missing)}"] if missing else []
            problems += [f"unbekannt: {', '.join(unknown)}"] if unknown else []
            raise ReferenceFileError(f"{path}: Eintrag {number}: {'; '.join(problems)}")
        entries.append(entry)
    return entries


def load_glossary(session: Session, path: Path) -> int | None:
    """Replace the glossary with the file's terms; number loaded, None when the file is missing."""
    if not path.exists():
        return None
    try:
        entries = read_glossary(path)
    except GlossaryError as error:
        raise ReferenceFileError(str(error)) from None
    session.execute(delete(s.GlossaryTerm))
    session.add_all(
        s.GlossaryTerm(term=e.term, term_key=name_key(e.term), explanation=e.explanation, aliases=list(e.aliases))
        for e in entries
    )
    session.flush()
    return len(entries)


def load_curated_facts(session: Session, path: Path) -> int | None:
    """Replace the curated facts with the file's; number loaded, None when the file is missing."""
    entries = _read_list(path, ("key", "text", "source"), ())
    if entries is None:
        return None
    keys = [entry["key"].strip() for entry in entries]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ReferenceFileError(f"{path}: Schlüssel mehrfach: {', '.join(duplicates)}")
    session.execute(delete(s.CuratedFact))
    session.add_all(
        s.CuratedFact(key=entry["key"].strip(), text=entry["text"].strip(), source=entry["source"].strip())
        for entry in entries
    )
    session.flush()
    return len(entries)
