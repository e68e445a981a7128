"""Links between records: which pairs may be linked, under what relation, and what is linked to what."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Final

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from xuncha_desktop.db import audit
from xuncha_desktop.db.models.links import Link
from xuncha_desktop.errors import InvalidRequest
from xuncha_desktop.services.permissions import require_link
from xuncha_desktop.services.registry import KINDS, kind_label, service_for

_NAMESPACE = uuid.UUID("0d6b7e5a-2f0c-4f3e-8a51-3c8b6f7d2e90")

# (from kind, to kind) -> relation. A link given in the other order is turned round.
RELATIONS: Final[dict[tuple[str, str], str]] = {
    ("interview", "clue"): "raised",           # an interview raised a clue
    ("petition", "clue"): "raised",
    ("clue", "evidence"): "supported_by",
    ("problem", "clue"): "based_on",
    ("problem", "evidence"): "supported_by",
    # a problem rests directly on what was heard, reported and written up, not only on clues
    ("problem", "interview"): "based_on",
    ("problem", "petition"): "based_on",
    ("problem", "paper"): "based_on",
    ("problem", "problem"): "carried_over_from",  # a supervision's problem → the problem not rectified
    ("petition", "petition"): "repeats",       # the same petitioner on the same matter again
    ("group", "unit"): "inspects",
    ("interview", "evidence"): "attachment",   # e.g. the scan of the signed record
    ("petition", "evidence"): "attachment",
    ("paper", "evidence"): "material",
    ("paper", "interview"): "material",
    ("paper", "petition"): "material",
    ("problem", "rule"): "cites",             # 定性依据: the rule the problem breaks
    ("paper", "rule"): "cites",
}


@dataclass(frozen=True)
class Linked:
    relation: str
    kind: str
    id: uuid.UUID
    outgoing: bool


def _orient(kind_a: str, kind_b: str) -> tuple[bool, str]:
    if (kind_a, kind_b) in RELATIONS:
        return False, RELATIONS[(kind_a, kind_b)]
    if (kind_b, kind_a) in RELATIONS:
        return True, RELATIONS[(kind_b, kind_a)]
    raise InvalidRequest("link_not_allowed", a=kind_a, b=kind_b, a_zh=kind_label(kind_a), b_zh=kind_label(kind_b))


def link_id(relation: str, from_id: uuid.UUID, to_id: uuid.UUID) -> uuid.UUID:
    return uuid.uuid5(_NAMESPACE, f"{relation}:{from_id}:{to_id}")


def link(session: Session, kind_a: str, id_a: uuid.UUID | str, kind_b: str, id_b: uuid.UUID | str) -> Link:
    """Links two live records (in either order); linking again what is linked changes nothing."""
    require_link(session, kind_a, kind_b)
    swap, relation = _orient(kind_a, kind_b)
    first = service_for(kind_a).get(session, id_a)
    second = service_for(kind_b).get(session, id_b)
    if first.id == second.id:
        raise InvalidRequest("link_self")
    (from_kind, source), (to_kind, target) = ((kind_b, second), (kind_a, first)) if swap else \
        ((kind_a, first), (kind_b, second))
    assert from_kind in KINDS and to_kind in KINDS
    key = link_id(relation, source.id, target.id)
    existing = session.get(Link, key)
    if existing is not None:
        if existing.deleted:
            existing.deleted = False
            session.flush()
            audit.record(session, "link", from_kind, source.id, detail=f"{relation}:{to_kind}")
        return existing
    created = Link(id=key, relation=relation, from_kind=from_kind, from_id=source.id, to_kind=to_kind,
                   to_id=target.id)
    session.add(created)
    session.flush()
    audit.record(session, "link", from_kind, source.id, detail=f"{relation}:{to_kind}")
    return created


def unlink(session: Session, kind_a: str, id_a: uuid.UUID, kind_b: str, id_b: uuid.UUID) -> bool:
    """Tombstones the link; False if there was none."""
    require_link(session, kind_a, kind_b)
    swap, relation = _orient(kind_a, kind_b)
    source, target = (id_b, id_a) if swap else (id_a, id_b)
    existing = session.get(Link, link_id(relation, source, target))
    if existing is None or existing.deleted:
        return False
    existing.deleted = True
    session.flush()
    audit.record(session, "unlink", existing.from_kind, source, detail=f"{relation}:{existing.to_kind}")
    return True


def linked(session: Session, kind: str, record_id: uuid.UUID) -> list[Linked]:
    """Every live link of a record, from either end."""
    rows = session.scalars(select(Link).where(
        Link.deleted.is_(False),
        or_((Link.from_kind == kind) & (Link.from_id == record_id), (Link.to_kind == kind) & (Link.to_id == record_id)),
    ).order_by(Link.relation, Link.id))
    result = []
    for row in rows:
        if row.from_kind == kind and row.from_id == record_id:
            result.append(Linked(row.relation, row.to_kind, row.to_id, True))
        else:
            result.append(Linked(row.relation, row.from_kind, row.from_id, False))
    return result


def linked_ids(session: Session, kind: str, record_id: uuid.UUID, other_kind: str) -> list[uuid.UUID]:
    return [item.id for item in linked(session, kind, record_id) if item.kind == other_kind]
