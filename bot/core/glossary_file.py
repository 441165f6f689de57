"""The one reader of knowledge/glossary.yml: a YAML list of ``{term, aliases, explanation}``.

The importer loads what it returns into the database (``bot.importer.reference``), the
Leichte Sprache checker checks texts against it (``bot.lint``). Every problem raises
``GlossaryError`` with the file, the entry and the reason, so nothing half-read is used.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from bot.config import KNOWLEDGE_DIR
from bot.core.facts import GlossaryEntry
from bot.core.names import name_key

GLOSSARY_FILE = KNOWLEDGE_DIR / "glossary.yml"
_FIELDS = ("term", "aliases", "explanation")


class GlossaryError(ValueError):
    """knowledge/glossary.yml is not a list of {term, aliases, explanation}."""


def read_glossary(path: Path | str = GLOSSARY_FILE) -> tuple[GlossaryEntry, ...]:
    """Reads and checks the glossary file; raises ``GlossaryError`` with the reason.

    Checks: a list of mappings; term and explanation non-empty text; aliases a list of
    non-empty words; no other fields; no word (term or alias) in two entries. The
    explanation's line breaks become single spaces.
    """
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise GlossaryError(f"{path}: nicht lesbar ({error.strerror or error})") from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise GlossaryError(f"{path}: kein gültiges YAML ({error})") from None
    if data is None:
        return ()
    if not isinstance(data, list):
        raise GlossaryError(f"{path}: erwartet eine Liste von Einträgen")
    entries: list[GlossaryEntry] = []
    forms: dict[str, str] = {}  # lower-case form -> the term it belongs to
    terms: set[str] = set()  # name keys of the terms: one row each in the database
    for number, item in enumerate(data, start=1):
        where = f"{path}: Eintrag {number}"
        if not isinstance(item, dict):
            raise GlossaryError(f"{where} ist keine Zuordnung (term, aliases, explanation)")
        missing = [k for k in ("term", "explanation") if not isinstance(item.get(k), str) or not item[k].strip()]
        unknown = sorted(str(k) for k in set(item) - set(_FIELDS))
        if missing or unknown:
            problems = [f"fehlt: {', '.join(missing)}"] if missing else []
            problems += [f"unbekannt: {', '.join(unknown)}"] if unknown else []
            raise GlossaryError(f"{where}: {'; '.join(problems)}")
        term = item["term"].strip()
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise GlossaryError(f"{where}: aliases muss eine Liste von Wörtern sein")
        if name_key(term) in terms:
            raise GlossaryError(f"{where}: {term} steht zweimal in der Datei")
        terms.add(name_key(term))
        for form in [term, *aliases]:
            key = form.strip().lower()
            if key in forms:
                raise GlossaryError(f"{where}: '{form.strip()}' steht bei '{forms[key]}' und bei '{term}'")
            forms[key] = term
        entries.append(
            GlossaryEntry(
                term=term,
                explanation=" ".join(item["explanation"].split()),
                aliases=tuple(a.strip() for a in aliases),
            )
        )
    return tuple(entries)


@cache
def glossary_entries() -> tuple[GlossaryEntry, ...]:
    """The entries of knowledge/glossary.yml, read once per process."""
    return read_glossary(GLOSSARY_FILE)
