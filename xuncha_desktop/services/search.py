"""Full-text search across interviews, petitions, clues and problems, for Chinese of any length.

SQLite's trigram tokenizer cannot find two-character words, the common case in Chinese. The index
therefore holds, for every run of Chinese characters, its overlapping character pairs (bigrams, as
Lucene's CJK analyser does) in one column and its single characters in another; Latin words and
numbers are kept whole. A query of one character looks in the single characters; two or more become a
phrase of consecutive pairs, which matches exactly the records that contain the term.
The index is a contentless FTS5 table: it holds no text of its own, only the token lists.
On PostgreSQL (the office hub) search falls back to ILIKE on the same columns.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, inspect, or_, select, text
from sqlalchemy.orm import Session

SEARCH_TABLE_PREFIX = "search_"

# kind -> (table, the columns whose text is searchable). Petitioners' identities are left out on purpose.
SEARCHABLE: dict[str, tuple[str, tuple[str, ...]]] = {
    "interview": ("interviews", ("interviewee_name", "interviewee_post", "place", "record_text")),
    "petition": ("petitions", ("number", "subject_names", "subject_unit", "summary", "result")),
    "clue": ("clues", ("number", "persons_involved", "description", "result")),
    "problem": ("problems", ("number", "statement", "requirement", "responsible", "measures")),
}
_KIND_OF_TABLE = {table: kind for kind, (table, _columns) in SEARCHABLE.items()}

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_TOKEN = re.compile(rf"[{_CJK}]+|[0-9A-Za-z\u00c0-\u024f]+")
_IS_CJK = re.compile(rf"[{_CJK}]")

def is_search_table(name: str) -> bool:
    return name.startswith(SEARCH_TABLE_PREFIX)


@dataclass(frozen=True)
class SearchHit:
    kind: str
    id: uuid.UUID
    snippet: str


def tokens(value: str) -> tuple[str, str]:
    """The two token lists of a text: (pairs and whole words, single Chinese characters)."""
    grams: list[str] = []
    singles: list[str] = []
    for match in _TOKEN.finditer(value):
        run = match.group()
        if _IS_CJK.match(run):
            singles.extend(run)
            grams.extend([run] if len(run) == 1 else [run[i:i + 2] for i in range(len(run) - 1)])
        else:
            grams.append(run.casefold())
    return " ".join(grams), " ".join(singles)


def match_expression(query: str) -> str | None:
    """An FTS5 query requiring every term of ``query``; None when it holds nothing searchable."""
    parts: list[str] = []
    for match in _TOKEN.finditer(query):
        run = match.group()
        if not _IS_CJK.match(run):
            parts.append(f'grams : "{run.casefold()}"*')
        elif len(run) == 1:
            parts.append(f'unigrams : "{run}"')
        else:
            parts.append('grams : "' + " ".join(run[i:i + 2] for i in range(len(run) - 1)) + '"')
    return " AND ".join(parts) or None


def _uses_fts(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def _text_of(record: Any, columns: Sequence[str]) -> str:
    return "\n".join(str(getattr(record, column) or "") for column in columns)


def index_records(session: Session, records: Iterable[Any]) -> None:
    """Brings the index up to date for these records (a write-context hook: runs inside the flush)."""
    if not _uses_fts(session):
        return
    connection = session.connection()
    for record in records:
        kind = _KIND_OF_TABLE.get(getattr(record, "__tablename__", ""))
        if kind is not None:
            state = inspect(record)
            if state.persistent and not any(state.attrs[c].history.has_changes()
                                            for c in (*SEARCHABLE[kind][1], "deleted")):
                continue  # no searchable text changed
            _index_one(connection, kind, record, known_new=state.pending)


def _index_one(connection: Connection, kind: str, record: Any, known_new: bool = False) -> None:
    key = record.id.hex
    rowid = None if known_new else connection.execute(
        text("SELECT rowid FROM search_rows WHERE record_id = :k"), {"k": key}).scalar()
    if rowid is not None:
        connection.execute(text("DELETE FROM search_index WHERE rowid = :r"), {"r": rowid})
    if record.deleted:
        connection.execute(text("DELETE FROM search_rows WHERE record_id = :k"), {"k": key})
        return
    if rowid is None:
        rowid = connection.execute(text("INSERT INTO search_rows (kind, record_id) VALUES (:kind, :k) "
                                        "RETURNING rowid"), {"kind": kind, "k": key}).scalar_one()
    grams, singles = tokens(_text_of(record, SEARCHABLE[kind][1]))
    connection.execute(text("INSERT INTO search_index (rowid, grams, unigrams) VALUES (:r, :g, :u)"),
                       {"r": rowid, "g": grams, "u": singles})


def rebuild(session: Session) -> int:
    """Re-indexes every record from scratch; returns how many were indexed."""
    from xuncha_desktop.services.kinds import KINDS

    if not _uses_fts(session):
        return 0
    connection = session.connection()
    connection.execute(text("DELETE FROM search_index"))
    connection.execute(text("DELETE FROM search_rows"))
    count = 0
    for kind in SEARCHABLE:
        model = KINDS[kind].model
        for record in session.scalars(select(model).where(model.deleted.is_(False))):
            _index_one(connection, kind, record)
            count += 1
    return count


def search(session: Session, query: str, kinds: Sequence[str] | None = None, limit: int = 50) -> list[SearchHit]:
    """Records of the given kinds (all searchable kinds by default) containing every term of ``query``."""
    from xuncha_desktop.services.kinds import KINDS

    wanted = [k for k in (kinds or SEARCHABLE) if k in SEARCHABLE]
    expression = match_expression(query)
    if expression is None or not wanted:
        return []
    found: list[tuple[str, uuid.UUID]] = []
    if _uses_fts(session):
        marks = ", ".join(f":k{i}" for i in range(len(wanted)))
        rows = session.execute(
            text("SELECT r.kind, r.record_id FROM search_index JOIN search_rows AS r "
                 "ON r.rowid = search_index.rowid "
                 f"WHERE search_index MATCH :q AND r.kind IN ({marks}) ORDER BY rank LIMIT :limit"),
            {"q": expression, "limit": limit, **{f"k{i}": k for i, k in enumerate(wanted)}},
        )
        found = [(kind, uuid.UUID(hex=key)) for kind, key in rows]
    else:
        terms = [m.group() for m in _TOKEN.finditer(query)]
        for kind in wanted:
            model = KINDS[kind].model
            columns = [getattr(model, c) for c in SEARCHABLE[kind][1]]
            condition = [or_(*[c.ilike(f"%{term}%") for c in columns]) for term in terms]
            statement = select(model.id).where(model.deleted.is_(False), *condition).limit(limit)
            found.extend((kind, record_id) for record_id in session.scalars(statement))
        found = found[:limit]
    hits = []
    for kind, record_id in found:
        record = session.get(KINDS[kind].model, record_id)
        if record is not None and not record.deleted:
            hits.append(SearchHit(kind, record_id, snippet(_text_of(record, SEARCHABLE[kind][1]), query)))
    return hits


def snippet(value: str, query: str, width: int = 60) -> str:
    """A short excerpt of ``value`` around the first term of ``query`` found in it."""
    flat = " ".join(value.split())
    for match in _TOKEN.finditer(query):
        at = flat.casefold().find(match.group().casefold())
        if at >= 0:
            start = max(0, at - width // 3)
            return ("…" if start else "") + flat[start:start + width] + ("…" if start + width < len(flat) else "")
    return flat[:width]
