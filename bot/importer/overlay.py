"""Curated corrections (knowledge/corrections.yml), applied after parsing, before writing.

Staff edit the YAML file, not code. Three kinds of correction:

- ``organisations``: a canonical name and its other spellings
  (``{name: "Banjul e.V.", aliases: ["Banyul e.V."]}``);
- ``grants``: a corrected amount, purpose or applicant for an application number of a
  council (``{council, application_number, amount: "1400.00", note}``);
- ``roles``: who is chair or deputy of a council, optionally only at one meeting
  (``{council, name: "Rainer-Jörg Grube", role: chair, meeting_date: 2019-04-01}``).

A malformed file raises ``OverlayError`` with the file and the entry at fault; the
caller then writes nothing.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml
from pydantic import BaseModel, Extra, ValidationError, condecimal, constr, root_validator, validator

from bot.core.names import application_key, name_key, organisation_key
from bot.knowledge.records import DocumentRecord, Role

if TYPE_CHECKING:  # pydantic 1's constrained types are classes made at run time
    Text = str
    Amount = Decimal
else:
    Text = constr(strict=True, strip_whitespace=True, min_length=1)
    Amount = condecimal(ge=0, max_digits=12, decimal_places=2)


class OverlayError(Exception):
    """The corrections file cannot be used; nothing may be written."""


class _Strict(BaseModel):
    class Config:
        extra = Extra.forbid


class OrganisationCorrection(_Strict):
    name: Text
    aliases: list[Text] = []
    note: str | None = None


class GrantCorrection(_Strict):
    council: Text
    application_number: Text
    amount: Amount | None = None
    purpose: Text | None = None
    applicant: Text | None = None
    note: str | None = None

    @validator("application_number")
    def _looks_like_number(cls, value: str) -> str:
        if "/" not in value:
            raise ValueError('Antragsnummer wie "04/2019" erwartet')
        return value

    @root_validator(skip_on_failure=True)
    def _corrects_something(cls, values: dict) -> dict:
        if all(values.get(field) is None for field in ("amount", "purpose", "applicant")):
            raise ValueError("mindestens eins von amount, purpose, applicant angeben")
        return values


class RoleCorrection(_Strict):
    council: Text
    name: Text  # full name as the protocol writes it, "Rainer-Jörg Grube"
    role: Literal["chair", "deputy"]
    meeting_date: dt.date | None = None  # only this meeting; all meetings when empty
    note: str | None = None


class _OverlayFile(_Strict):
    organisations: list[OrganisationCorrection] = []
    grants: list[GrantCorrection] = []
    roles: list[RoleCorrection] = []


@dataclasses.dataclass(frozen=True)
class Overlay:
    organisations: tuple[OrganisationCorrection, ...] = ()
    grants: tuple[GrantCorrection, ...] = ()
    roles: tuple[RoleCorrection, ...] = ()
    source: str = ""  # file it came from, for messages
    fingerprint: str = ""  # changes whenever a correction changes; rewrites documents

    def organisation_aliases(self) -> dict[str, list[str]]:
        """Canonical name -> other spellings."""
        return {entry.name: list(entry.aliases) for entry in self.organisations}


EMPTY = Overlay()


def load_overlay(path: Path | str) -> Overlay:
    """Read and check a corrections file. Raises ``OverlayError`` with a clear reason."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise OverlayError(f"{path}: Korrektur-Datei nicht gefunden") from None
    except UnicodeDecodeError as error:
        raise OverlayError(f"{path}: keine UTF-8-Textdatei ({error.reason})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"Zeile {mark.line + 1}, Spalte {mark.column + 1}: " if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise OverlayError(f"{path}: kein gültiges YAML. {where}{problem}") from None
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise OverlayError(f"{path}: erwartet eine Zuordnung mit organisations, grants, roles")
    try:
        parsed = _OverlayFile(**raw)
    except ValidationError as error:
        raise OverlayError(f"{path}: " + "; ".join(_describe(e) for e in error.errors())) from None
    _check_aliases_unique(path, parsed.organisations)
    canonical = json.dumps(parsed.dict(), sort_keys=True, default=str, ensure_ascii=False)
    return Overlay(
        organisations=tuple(parsed.organisations),
        grants=tuple(parsed.grants),
        roles=tuple(parsed.roles),
        source=str(path),
        fingerprint=hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
    )


def _describe(error: Mapping[str, Any]) -> str:
    parts = []
    for part in error["loc"]:
        if isinstance(part, int):
            parts.append(f"Eintrag {part + 1}")
        elif part != "__root__":
            parts.append(str(part))
    return f"{' → '.join(parts) or 'Datei'}: {error['msg']}"


def _check_aliases_unique(path: Path, organisations: list[OrganisationCorrection]) -> None:
    owner: dict[str, str] = {}
    for entry in organisations:
        for spelling in [entry.name, *entry.aliases]:
            key = organisation_key(spelling)
            if key in owner and owner[key] != entry.name:
                raise OverlayError(f'{path}: "{spelling}" steht bei zwei Organisationen ({owner[key]}, {entry.name})')
            owner[key] = entry.name


def apply_overlay(record: DocumentRecord, overlay: Overlay) -> tuple[DocumentRecord, list[str]]:
    """The record with grant and role corrections applied, and a note per correction used.

    Organisation aliases are not applied here: the writer matches organisations through
    the aliases table, so each grant keeps its applicant exactly as written.
    """
    notes: list[str] = []
    grants = tuple(_correct_grant(grant, record, overlay, notes) for grant in record.grants)
    people = _correct_roles(record, overlay, notes)
    return dataclasses.replace(record, grants=grants, people=people), notes


def _same_council(record: DocumentRecord, council: str) -> bool:
    key = name_key(council)
    return key in {name_key(record.council_name or ""), name_key(record.district or "")}


def _correct_grant(grant, record: DocumentRecord, overlay: Overlay, notes: list[str]):
    for entry in overlay.grants:
        if not _same_council(record, entry.council):
            continue
        if application_key(entry.application_number) != application_key(grant.application_number):
            continue
        changes: dict = {}
        if entry.amount is not None:
            changes["amount"] = Decimal(entry.amount)
        if entry.purpose is not None:
            changes["purpose"] = entry.purpose
        if entry.applicant is not None:
            changes["applicant"] = entry.applicant
        notes.append(f"Korrektur für Antrag {grant.application_number}: {', '.join(sorted(changes))}")
        grant = dataclasses.replace(grant, **changes)
    return grant


def _correct_roles(record: DocumentRecord, overlay: Overlay, notes: list[str]):
    people = list(record.people)
    meeting_date = record.meeting.date if record.meeting else None
    for entry in overlay.roles:
        if not _same_council(record, entry.council):
            continue
        if entry.meeting_date is not None and entry.meeting_date != meeting_date:
            continue
        role = Role(entry.role)
        wanted = name_key(entry.name)
        matches = [i for i, p in enumerate(people) if name_key(f"{p.given_name or ''} {p.family_name}") == wanted]
        if not matches:
            notes.append(f"Korrektur nicht angewendet: {entry.name} steht nicht in diesem Dokument")
            continue
        for i, person in enumerate(people):
            if i in matches:
                people[i] = dataclasses.replace(person, role=role)
            elif person.role == role:
                # The document named someone else for this role: the correction wins.
                people[i] = dataclasses.replace(person, role=Role.MEMBER)
        notes.append(f"Korrektur: {entry.name} ist {entry.role}")
    return tuple(people)
