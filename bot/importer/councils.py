"""``knowledge/councils.yml``: Hannover's 13 councils with their Stadtbezirk, Stadtteile,
chair, meeting place and planned dates, each fact with its source (address, title, day
read). Loaded on every ingest; the file's councils, quarters and facts replace the stored
ones. A fact whose source is not listed, or a council without name or district, stops the
load with a message (``ReferenceFileError``): a curated fact without a source is no fact.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot.core.names import name_key
from bot.db import schema as s
from bot.importer.reference import ReferenceFileError

FACT_KINDS = ("chair", "meeting_place", "planned_dates")


def load_councils(session: Session, path: Path) -> int | None:
    """Store the file's councils; number loaded, None when the file is missing."""
    if not path.exists():
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise ReferenceFileError(f"{path}: kein gültiges YAML ({error})") from None
    sources = data.get("sources") or {}
    councils = data.get("councils") or []
    if not isinstance(sources, dict) or not isinstance(councils, list):
        raise ReferenceFileError(f"{path}: erwartet 'sources' (Zuordnung) und 'councils' (Liste)")

    def source(fact: dict, where: str) -> dict:
        key = fact.get("source")
        if key not in sources or not (sources[key] or {}).get("url"):
            raise ReferenceFileError(f"{path}: {where}: Quelle „{key}“ fehlt in 'sources' oder hat keine url")
        return sources[key]

    session.execute(delete(s.Quarter))
    session.execute(delete(s.CouncilFact))
    for index, entry in enumerate(councils, 1):
        name, district = (entry or {}).get("name"), (entry or {}).get("district")
        if not name or not district:
            raise ReferenceFileError(f"{path}: Beirat Nr. {index}: 'name' und 'district' sind Pflicht")
        council = _council(session, str(name).strip(), str(district).strip())
        quarters = entry.get("quarters")
        if quarters:
            origin = source(quarters, f"{name}, quarters")
            for quarter in quarters.get("value") or []:
                session.add(
                    s.Quarter(
                        council_id=council.id,
                        name=str(quarter).strip(),
                        name_key=name_key(quarter),
                        source_url=origin["url"],
                    )
                )
        for kind in FACT_KINDS:
            fact = entry.get(kind)
            if not fact:
                continue
            origin = source(fact, f"{name}, {kind}")
            values = fact.get("value")
            for value in values if isinstance(values, list) else [values]:
                if value in (None, ""):
                    raise ReferenceFileError(f"{path}: {name}, {kind}: kein Wert")
                session.add(
                    s.CouncilFact(
                        council_id=council.id,
                        kind="planned_date" if kind == "planned_dates" else kind,
                        value=value.isoformat() if isinstance(value, dt.date) else str(value).strip(),
                        as_of=str(fact["as_of"]) if fact.get("as_of") is not None else None,
                        source_url=origin["url"],
                        source_title=str(origin.get("title") or ""),
                        read=origin.get("read") if isinstance(origin.get("read"), dt.date) else None,
                    )
                )
    session.flush()
    return len(councils)


def _council(session: Session, name: str, district: str) -> s.Council:
    key = name_key(name)
    council = session.execute(select(s.Council).where(s.Council.name_key == key)).scalar()
    if council is None:
        council = s.Council(name=name, name_key=key, district=district)
        session.add(council)
    else:
        council.district = district
    session.flush()
    return council
