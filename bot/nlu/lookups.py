"""NLU lookup tables generated from the decisions database (``beirat build-lookups``).

One file per entity, ``<out_dir>/<entity>.yml``, in Rasa's ``lookup:`` format. The
tables help DIET recognise names it has seen in the protocols (RegexFeaturizer).
They are never edited by hand: ``make lookups`` rebuilds them when knowledge/ changes.

Names come only from the database, so the tables hold exactly what the bot
can answer about. Variants are added the way residents type
names: without "e.V.", family name alone, district without "Integrationsbeirat".
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from spacy.lang.de.stop_words import STOP_WORDS

ENTITIES = ("organisation", "person", "council", "term")

# Legal forms at the end of an organisation name; residents rarely type them.
_LEGAL_FORM = re.compile(r"[\s,]*\b(?:e\.\s?V\.?|gGmbH|GmbH|gUG|UG|eG)\s*$", re.IGNORECASE)
# Leading words of a council name that are not part of the district's name.
_COUNCIL_PREFIX = re.compile(r"^\s*(?:Integrationsbeirat(?:es)?|Beirat)\s+", re.IGNORECASE)
_SALUTATION = re.compile(r"^\s*(?:Herrn?|Frau|Dr\.|Prof\.)\s+", re.IGNORECASE)
# Lower-case particles that belong to a family name ("von dem Knesebeck", "de la Hera").
_NAME_PARTICLES = {
    "von",
    "van",
    "de",
    "la",
    "le",
    "del",
    "della",
    "der",
    "dem",
    "den",
    "zu",
    "zur",
    "da",
    "di",
    "du",
    "al",
    "el",
    "ten",
    "ter",
}
# Shorter variants would fire on ordinary words.
MIN_VARIANT_LENGTH = 3


def _clean(text: str | None) -> str:
    return " ".join((text or "").split()).strip(" ,;")


def organisation_variants(name: str | None) -> list[str]:
    """``"Banjul e.V."`` -> ``["Banjul e.V.", "Banjul"]``."""
    full = _clean(name)
    if not full:
        return []
    short = _clean(_LEGAL_FORM.sub("", full))
    return _unique([full, short])


def person_variants(full_name: str | None) -> list[str]:
    """``"Daniel von dem Knesebeck"`` -> full name, ``"von dem Knesebeck"``, ``"Knesebeck"``.

    ``"Herr Mingers"`` (no given name known) -> ``["Mingers"]``: the salutation
    is not part of the name a resident types.
    """
    name = _clean(_SALUTATION.sub("", _clean(full_name)))
    if not name:
        return []
    tokens = name.split()
    start = len(tokens) - 1
    while start > 0 and tokens[start - 1] in _NAME_PARTICLES:
        start -= 1
    family_with_particles = " ".join(tokens[start:])
    # A family name alone that is also a common word ("Weil") would fire everywhere.
    family_only = [v for v in (family_with_particles, tokens[-1]) if v.casefold() not in STOP_WORDS]
    return _unique([name, *family_only])


def council_variants(name: str | None, district: str | None) -> list[str]:
    """District names only, as the NLU annotates them: ``"Linden-Limmer"``, ``"Linden Limmer"``.

    "Integrationsbeirat" is left out on purpose: the training data marks only the
    district as the council entity, and that word appears in almost every question.
    """
    bases = [_clean(district), _clean(_COUNCIL_PREFIX.sub("", _clean(name)))]
    variants = []
    for base in bases:
        if base:
            variants += [base, base.replace("-", " ")]
    return _unique(variants)


def term_variants(term: str | None, aliases: Iterable[str] = ()) -> list[str]:
    return _unique([_clean(term), *(_clean(a) for a in aliases)])


def _unique(values: Iterable[str]) -> list[str]:
    """Drops empty, too short and case-insensitive duplicates; keeps the first spelling."""
    seen: set[str] = set()
    result = []
    for value in values:
        key = value.casefold()
        if len(value) >= MIN_VARIANT_LENGTH and key not in seen:
            seen.add(key)
            result.append(value)
    return result


def collect_lookups(session) -> dict[str, list[str]]:
    """Reads every name in the database, with variants, per entity.

    The query layer answers questions about one name; listing all names is a plain
    read of the tables (bot.db.schema), which is all this needs.
    """
    from sqlalchemy import select

    from bot.db import schema

    names: dict[str, list[str]] = {entity: [] for entity in ENTITIES}
    for name, district in session.execute(select(schema.Council.name, schema.Council.district)):
        names["council"] += council_variants(name, district)
    for (quarter,) in session.execute(select(schema.Quarter.name)):  # "Linden-Nord" means Linden-Limmer
        names["council"].append(quarter)
    for (name,) in session.execute(select(schema.Organisation.name)):
        names["organisation"] += organisation_variants(name)
    for (alias,) in session.execute(select(schema.OrganisationAlias.name)):
        names["organisation"] += organisation_variants(alias)
    for (full_name,) in session.execute(select(schema.Person.full_name)):
        names["person"] += person_variants(full_name)
    for term, aliases in session.execute(select(schema.GlossaryTerm.term, schema.GlossaryTerm.aliases)):
        names["term"] += term_variants(term, aliases or ())
    return {entity: sorted(_unique(values), key=str.casefold) for entity, values in names.items()}


def render_lookup(entity: str, values: Iterable[str]) -> str:
    """Rasa 3 training-data YAML with one ``lookup:`` block."""
    lines = [
        "# Generated by `beirat build-lookups` from the database. Do not edit: `make lookups` rebuilds it.",
        'version: "3.1"',
        "nlu:",
        f"- lookup: {entity}",
        "  examples: |",
    ]
    lines += [f"    - {value}" for value in values]
    return "\n".join(lines) + "\n"


def write_lookups(tables: dict[str, list[str]], out_dir: Path) -> list[Path]:
    """Writes one file per non-empty table; each file appears whole or not at all.

    An entity without names gets no file (Rasa rejects empty lookup tables), and an
    old file for it is removed so that no stale names stay behind.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for entity in ENTITIES:
        target = out_dir / f"{entity}.yml"
        values = tables.get(entity) or []
        if not values:
            target.unlink(missing_ok=True)
            continue
        fd, tmp_name = tempfile.mkstemp(prefix=f".{entity}.", suffix=".tmp", dir=out_dir)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(render_lookup(entity, values))
            os.replace(tmp_name, target)
        except BaseException:
            Path(tmp_name).unlink(missing_ok=True)
            raise
        written.append(target)
    return written


def run_build_lookups(out_dir: Path, url: str | None = None) -> int:
    """CLI ``beirat build-lookups --out data/nlu/lookups``. Returns the exit code."""
    from sqlalchemy.exc import SQLAlchemyError

    from bot.db.session import session_scope

    try:
        with session_scope(url) as session:
            tables = collect_lookups(session)
    except SQLAlchemyError as error:
        print(
            f"Fehler: Die Datenbank kann nicht gelesen werden ({type(error).__name__}). "
            "Bitte zuerst `make db` ausführen.",
            file=sys.stderr,
        )
        return 1
    if not any(tables.values()):
        print("Fehler: Die Datenbank enthält keine Namen. Bitte zuerst `make db` ausführen.", file=sys.stderr)
        return 1
    try:
        written = write_lookups(tables, Path(out_dir))
    except OSError as error:
        print(f"Fehler: Die Lookup-Tabellen können nicht geschrieben werden: {error}", file=sys.stderr)
        return 1
    for path in written:
        entity = path.stem
        print(f"{path}: {len(tables[entity])} Namen ({entity})")
    return 0
