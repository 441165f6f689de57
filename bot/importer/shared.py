"""Rows that several documents share: organisations (with the aliases of
knowledge/corrections.yml) and the pruning of people, organisations and councils that no
document uses any more. Used by ``bot.importer.writer`` and ``bot.importer.ingest``.
"""

from __future__ import annotations

from sqlalchemy import delete, exists, select, update
from sqlalchemy.orm import Session

from bot.core.names import organisation_key
from bot.db import schema as s


def find_organisation_row(session: Session, written: str) -> s.Organisation | None:
    """The organisation a spelling belongs to: by normalised name, then by alias."""
    key = organisation_key(written)
    organisation = session.execute(select(s.Organisation).where(s.Organisation.name_key == key)).scalar()
    if organisation is None:
        organisation = session.execute(
            select(s.Organisation).join(s.OrganisationAlias).where(s.OrganisationAlias.name_key == key)
        ).scalar()
    return organisation


def organisation_for(session: Session, written: str | None) -> s.Organisation | None:
    """The organisation row of a spelling as written, made when it is new; None for no name."""
    if not written or not organisation_key(written):
        return None
    organisation = find_organisation_row(session, written)
    if organisation is None:
        organisation = s.Organisation(name=written.strip(), name_key=organisation_key(written), curated=False)
        session.add(organisation)
        session.flush()
    return organisation


def sync_organisation_aliases(session: Session, aliases: dict[str, list[str]]) -> None:
    """Make the aliases table say exactly what the corrections say (canonical -> spellings).

    An organisation stored under a spelling that is now an alias is merged into the
    canonical one (its grants move over), so "Banyul e.V." and "Banjul e.V." are one.
    """
    wanted_keys: set[str] = set()
    session.execute(update(s.Organisation).values(curated=False).execution_options(synchronize_session="fetch"))
    for canonical, spellings in aliases.items():
        organisation = find_organisation_row(session, canonical)
        if organisation is None:
            organisation = s.Organisation(name=canonical, name_key=organisation_key(canonical))
            session.add(organisation)
        organisation.name, organisation.name_key, organisation.curated = canonical, organisation_key(canonical), True
        session.flush()
        for spelling in spellings:
            key = organisation_key(spelling)
            if key == organisation.name_key:
                continue
            wanted_keys.add(key)
            _merge_into(session, organisation, key)
            alias = session.execute(select(s.OrganisationAlias).where(s.OrganisationAlias.name_key == key)).scalar()
            if alias is None:
                session.add(s.OrganisationAlias(organisation_id=organisation.id, name=spelling, name_key=key))
            else:
                alias.organisation_id, alias.name = organisation.id, spelling
            session.flush()
    stale = delete(s.OrganisationAlias)
    if wanted_keys:
        stale = stale.where(s.OrganisationAlias.name_key.notin_(sorted(wanted_keys)))
    session.execute(stale.execution_options(synchronize_session="fetch"))
    prune_orphans(session)


def _merge_into(session: Session, organisation: s.Organisation, key: str) -> None:
    other = session.execute(
        select(s.Organisation).where(s.Organisation.name_key == key, s.Organisation.id != organisation.id)
    ).scalar()
    if other is None:
        return
    session.execute(
        update(s.Grant)
        .where(s.Grant.organisation_id == other.id)
        .values(organisation_id=organisation.id)
        .execution_options(synchronize_session="fetch")
    )
    session.execute(
        update(s.OrganisationAlias)
        .where(s.OrganisationAlias.organisation_id == other.id)
        .values(organisation_id=organisation.id)
        .execution_options(synchronize_session="fetch")
    )
    session.execute(
        delete(s.Organisation).where(s.Organisation.id == other.id).execution_options(synchronize_session="fetch")
    )
    session.flush()


def prune_orphans(session: Session) -> None:
    """Delete people, uncurated organisations and councils that no stored row uses any more."""
    session.execute(
        delete(s.Person)
        .where(~exists().where(s.Membership.person_id == s.Person.id))
        .where(~exists().where(s.AttendanceEntry.person_id == s.Person.id))
        .execution_options(synchronize_session="fetch")
    )
    orphan_organisations = (
        select(s.Organisation.id)
        .where(s.Organisation.curated.is_(False))
        .where(~exists().where(s.Grant.organisation_id == s.Organisation.id))
    )
    session.execute(
        delete(s.OrganisationAlias)
        .where(s.OrganisationAlias.organisation_id.in_(orphan_organisations))
        .execution_options(synchronize_session="fetch")
    )
    session.execute(
        delete(s.Organisation)
        .where(s.Organisation.id.in_(orphan_organisations))
        .execution_options(synchronize_session="fetch")
    )
    in_use = [
        exists().where(column == s.Council.id)
        for column in (s.Document.council_id, s.Meeting.council_id, s.Membership.council_id, s.Grant.council_id)
    ]
    unused = delete(s.Council)
    for clause in in_use:
        unused = unused.where(~clause)
    session.execute(unused.execution_options(synchronize_session="fetch"))
