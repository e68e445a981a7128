"""The registry of record kinds: the names the command line and packages use, and their services."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from xuncha_desktop.db.capture import context_of
from xuncha_desktop.errors import InvalidRequest
from xuncha_desktop.services import (
    clues,
    evidence,
    groups,
    interviews,
    papers,
    petitions,
    problems,
    rounds,
    units,
)
from xuncha_desktop.services.records import NavPage, RecordService

# The one list of record families, in the order lists and tabs show them. Everything else that needs to know
# the families (the window's pages, search, the command line, tests) derives from it.
KINDS: dict[str, RecordService[Any]] = {
    service.kind: service
    for service in (rounds.service, groups.service, units.service, interviews.service, petitions.service,
                    clues.service, evidence.service, papers.service, problems.service)
}


def nav_pages() -> list[tuple[NavPage, list[str]]]:
    """The navigation's record pages in order, each with the kinds it shows (as tabs when more than one)."""
    pages: dict[str, tuple[NavPage, list[str]]] = {}
    for kind, service in KINDS.items():
        pages.setdefault(service.nav.key, (service.nav, []))[1].append(kind)
    return sorted(pages.values(), key=lambda page: page[0].order)


def searched_kinds() -> list[str]:
    return [kind for kind, service in KINDS.items() if service.search_columns]


def service_for(kind: str) -> RecordService[Any]:
    try:
        return KINDS[kind]
    except KeyError:
        raise InvalidRequest("unknown_kind", kind=kind, kinds=" ".join(KINDS)) from None


def service_of_table(table: str) -> RecordService[Any] | None:
    """The service of the records kept in ``table`` (None for tables no service edits, e.g. custody)."""
    return next((service for service in KINDS.values() if service.model.__tablename__ == table), None)


def kind_label(kind: str) -> str:
    service = KINDS.get(kind)
    return service.zh if service else kind


def record_exists(session: Session, kind: str, record_id: uuid.UUID) -> bool:
    """Whether a live record of that kind has that id (remembered for the transaction once seen)."""
    cache = context_of(session).cache
    if ("exists", kind, record_id) in cache:
        return True
    model = service_for(kind).model
    found = session.scalar(select(model.id).where(model.id == record_id, model.deleted.is_(False))) is not None
    if found:
        cache[("exists", kind, record_id)] = True
    return found


def forget_existing(session: Session) -> None:
    cache = context_of(session).cache
    for key in [k for k in cache if isinstance(k, tuple) and k[0] == "exists"]:
        del cache[key]
