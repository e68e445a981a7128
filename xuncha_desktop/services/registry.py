"""Look-ups by kind that the services themselves need (references between families, labels in messages).

The list of families is ``services.kinds``, which imports every family's service and fills ``KINDS`` here;
a service reads it through these functions, so no family module imports the list that imports it.
Importing ``xuncha_desktop.services`` registers every family.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from xuncha_desktop.db.capture import context_of
from xuncha_desktop.errors import InvalidRequest

if TYPE_CHECKING:
    from xuncha_desktop.services.records import RecordService

# kind -> service, in the order lists and tabs show them (filled by services.kinds).
KINDS: dict[str, RecordService[Any]] = {}


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
