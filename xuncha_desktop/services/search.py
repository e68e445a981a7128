"""Full-text search across the searched families, grouped by kind, newest first.

The index itself (tokens, upkeep on flush) is ``db.search_index``; this is the query. On SQLite the FTS5
index answers: each kind's page and count are FTS5 queries of their own (the kind is a column of the
index), read in rowid order (the order records were indexed: newest first) and cut at the page, so a word
found in 150,000 interviews costs no more than a rare one (bench/bench_search.py). Ranking every match
before cutting, as before, cost 400 ms for 问题 on 200,000 interviews. On PostgreSQL (the office hub) the
same tokens are in GIN-indexed tsvector columns and the same queries give the same hits in the same order.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import ColumnElement, false, select
from sqlalchemy.orm import Session

from xuncha_desktop.db import search_index
from xuncha_desktop.db.search_index import TOKEN, Match, searched_models, spec_of, text_of


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: uuid.UUID
    snippet: str
    unit_id: uuid.UUID | None = None


# Matches are counted exactly up to this many per kind; beyond it the count is "more than" (a word in most of
# 200,000 interviews is not worth counting to the last one: the count alone took 50 ms).
COUNT_CAP = 10_000
# On PostgreSQL a page is first looked for among the kind's newest rows: this many (a few ms to read).
RECENT_WINDOW = 1_000


@dataclass(frozen=True)
class KindHits:
    """One kind's part of the answer: how many records of it match (``COUNT_CAP`` at most, ``capped`` when
    there are more), and the first page of them."""

    kind: str
    count: int
    hits: list[SearchHit]
    capped: bool = False


def search(session: Session, query: str, kinds: Sequence[str] | None = None, limit: int = 50) -> list[SearchHit]:
    """The first ``limit`` records of the given kinds (all searched kinds by default), newest first, holding
    every term of ``query``."""
    found: list[SearchHit] = []
    for kind in _wanted(kinds):
        found.extend(page(session, query, kind, 0, limit - len(found)))
        if len(found) >= limit:
            break
    return found


def search_by_kind(session: Session, query: str, kinds: Sequence[str] | None = None,
                   per_kind: int = 10) -> list[KindHits]:
    """For every kind with a match: its count and its first ``per_kind`` hits (more with :func:`page`)."""
    groups = []
    for kind in _wanted(kinds):
        count = count_matches(session, query, kind, COUNT_CAP + 1)
        if count:
            groups.append(KindHits(kind, min(count, COUNT_CAP), page(session, query, kind, 0, per_kind),
                                   count > COUNT_CAP))
    return groups


def count_matches(session: Session, query: str, kind: str, cap: int | None = None) -> int:
    """How many records of ``kind`` hold every term (counting stops at ``cap``, if given)."""
    found = _match(session, query, kind)
    if found is None:
        return 0
    return int(session.execute(*found.count_statement(cap)).scalar_one())


def matching_ids(session: Session, query: str, kind: str, offset: int = 0, limit: int = 50) -> list[uuid.UUID]:
    """Ids of records of ``kind`` holding every term, newest first (no record is loaded)."""
    found = _match(session, query, kind)
    if found is None or limit <= 0:
        return []
    recent = found.recent_statement(RECENT_WINDOW, offset, limit)
    if recent is not None:  # PostgreSQL: a frequent term's page is among the newest rows (Match.recent_statement)
        keys = list(session.execute(*recent).scalars())
        if len(keys) == limit:
            return [uuid.UUID(hex=key) for key in keys]
    return [uuid.UUID(hex=key) for (key,) in session.execute(*found.ids_statement(offset, limit))]


def id_condition(session: Session, query: str, kind: str, id_column: Any) -> ColumnElement[bool]:
    """``id_column`` is the id of a record of ``kind`` holding every term (a subquery: any number of matches)."""
    found = _match(session, query, kind)
    return false() if found is None else cast("ColumnElement[bool]", id_column.in_(found.ids_select()))


def _match(session: Session, query: str, kind: str) -> Match | None:
    return search_index.match(session.get_bind().dialect.name, query, kind)


def page(session: Session, query: str, kind: str, offset: int = 0, limit: int = 50) -> list[SearchHit]:
    """Hits ``offset`` to ``offset + limit`` of one kind, newest first, each with an excerpt and its unit."""
    model = searched_models()[kind]
    columns = spec_of(model).columns
    ids = matching_ids(session, query, kind, offset, limit)
    loaded = {record.id: record for record in session.scalars(select(model).where(model.id.in_(ids)))} if ids else {}
    hits = []
    for record_id in ids:
        record = loaded.get(record_id)
        if record is not None and not record.deleted:
            hits.append(SearchHit(kind, record_id, snippet(text_of(record, columns), query),
                                  getattr(record, "unit_id", None)))
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


def _wanted(kinds: Sequence[str] | None) -> list[str]:
    """The kinds asked for, in their order; by default every searched kind by name (the mappers' order
    depends on what was imported first)."""
    models = searched_models()
    return [k for k in (kinds or sorted(models)) if k in models]
