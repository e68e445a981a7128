"""Full-text search across the searched families (interviews, petitions, clues, problems).

The index itself (tokens, upkeep on flush) is ``db.search_index``; this is the query. On SQLite the
FTS5 index answers; on PostgreSQL (the office hub) search falls back to ILIKE on the same columns.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session

from xuncha_desktop.db.search_index import TOKEN, match_expression, searched_models, spec_of, text_of, uses_fts


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: uuid.UUID
    snippet: str


def search(session: Session, query: str, kinds: Sequence[str] | None = None, limit: int = 50) -> list[SearchHit]:
    """Records of the given kinds (all searched kinds by default) containing every term of ``query``."""
    models = searched_models()
    wanted = [k for k in (kinds or models) if k in models]
    expression = match_expression(query)
    if expression is None or not wanted:
        return []
    found: list[tuple[str, uuid.UUID]] = []
    if uses_fts(session):
        marks = ", ".join(f":k{i}" for i in range(len(wanted)))
        rows = session.execute(
            text("SELECT r.kind, r.record_id FROM search_index JOIN search_rows AS r "
                 "ON r.rowid = search_index.rowid "
                 f"WHERE search_index MATCH :q AND r.kind IN ({marks}) ORDER BY rank LIMIT :limit"),
            {"q": expression, "limit": limit, **{f"k{i}": k for i, k in enumerate(wanted)}},
        )
        found = [(kind, uuid.UUID(hex=key)) for kind, key in rows]
    else:
        terms = [m.group() for m in TOKEN.finditer(query)]
        for kind in wanted:
            model = models[kind]
            columns = [getattr(model, c) for c in spec_of(model).columns]
            condition = [or_(*[c.ilike(f"%{term}%") for c in columns]) for term in terms]
            statement = select(model.id).where(model.deleted.is_(False), *condition).limit(limit)
            found.extend((kind, record_id) for record_id in session.scalars(statement))
        found = found[:limit]
    hits = []
    for kind, record_id in found:
        record = session.get(models[kind], record_id)
        if record is not None and not record.deleted:
            hits.append(SearchHit(kind, record_id, snippet(text_of(record, spec_of(models[kind]).columns), query)))
    return hits


def is_searched(kind: str) -> bool:
    return kind in searched_models()


def snippet(value: str, query: str, width: int = 60) -> str:
    """A short excerpt of ``value`` around the first term of ``query`` found in it."""
    flat = " ".join(value.split())
    for match in TOKEN.finditer(query):
        at = flat.casefold().find(match.group().casefold())
        if at >= 0:
            start = max(0, at - width // 3)
            return ("…" if start else "") + flat[start:start + width] + ("…" if start + width < len(flat) else "")
    return flat[:width]
