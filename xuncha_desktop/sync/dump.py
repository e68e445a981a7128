"""The canonical dump: every travelling record's fields, sorted, as one JSON-ready value.

Two replicas that imported the same changes must give equal dumps; a deterministic build (the demo)
gives the same dump every time. The open conflicts are part of it. Stamps and the device of the last
change are left out: they say how a value arrived, not what it is. Petitioners' identities are not
records (they are sealed envelopes, ``db/models/identities.py``): never in the dump.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from xuncha_desktop.db.base import META_COLUMNS
from xuncha_desktop.db.models import replicated_models
from xuncha_desktop.db.values import to_json_value
from xuncha_desktop.sync.merge import current_conflicts


def canonical_dump(session: Session) -> dict[str, list[dict[str, Any]]]:
    dump: dict[str, list[dict[str, Any]]] = {}
    for model in replicated_models():
        columns = [a.key for a in inspect(model).column_attrs if a.key not in META_COLUMNS - {"id"}]
        rows = []
        for record in session.scalars(select(model).order_by(model.id)):
            rows.append({name: to_json_value(getattr(record, name)) for name in columns})
        dump[model.__tablename__] = rows
    dump["conflicts"] = conflict_dump(session)
    return dump


def conflict_dump(session: Session) -> list[dict[str, Any]]:
    """Open conflicts, decided from the change log, so that equal logs give equal lists."""
    return [{"id": str(c.id), "table": c.table_name, "record_id": str(c.record_id), "field": c.field,
             "kept_value": c.kept_value, "kept_hlc": c.kept.hlc, "other_value": c.other_value,
             "other_hlc": c.other.hlc} for c in current_conflicts(session)]


def dump_digest(session: Session) -> str:
    text = json.dumps(canonical_dump(session), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
