"""The full-text index of the searched record families, for Chinese of any length, kept up to date on flush.

SQLite's trigram tokenizer cannot find two-character words, the common case in Chinese. The index
therefore holds, for every run of Chinese characters, its overlapping character pairs (bigrams, as
Lucene's CJK analyser does) in one column and its single characters in another; Latin words and
numbers are kept whole. A query of one character looks in the single characters; two or more become a
phrase of consecutive pairs, which matches exactly the records that contain the term.
The index is a contentless FTS5 table: it holds no text of its own, only the token lists. Which families
are indexed, and which of their columns, each model says in its ``search`` (``SearchSpec``): the index is
persistence riding on the flush, so it lives here, below the services that query it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, inspect, select, text
from sqlalchemy.orm import Session

from xuncha_desktop.db.base import Base, Replicated, SearchSpec

SEARCH_TABLE_PREFIX = "search_"

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
TOKEN = re.compile(rf"[{_CJK}]+|[0-9A-Za-z\u00c0-\u024f]+")
_IS_CJK = re.compile(rf"[{_CJK}]")


def is_search_table(name: str) -> bool:
    return name.startswith(SEARCH_TABLE_PREFIX)


def searched_models() -> dict[str, type[Replicated]]:
    """Kind -> model, for every family whose model declares a ``search``."""
    found: dict[str, type[Replicated]] = {}
    for mapper in Base.registry.mappers:
        spec: SearchSpec | None = getattr(mapper.class_, "search", None)
        if spec is not None:
            found[spec.kind] = mapper.class_
    return found


def spec_of(model: type[Any]) -> SearchSpec:
    spec: SearchSpec | None = getattr(model, "search", None)
    if spec is None:
        raise ValueError(f"{model.__name__} is not searched")
    return spec


def tokens(value: str) -> tuple[str, str]:
    """The two token lists of a text: (pairs and whole words, single Chinese characters)."""
    grams: list[str] = []
    singles: list[str] = []
    for match in TOKEN.finditer(value):
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
    for match in TOKEN.finditer(query):
        run = match.group()
        if not _IS_CJK.match(run):
            parts.append(f'grams : "{run.casefold()}"*')
        elif len(run) == 1:
            parts.append(f'unigrams : "{run}"')
        else:
            parts.append('grams : "' + " ".join(run[i:i + 2] for i in range(len(run) - 1)) + '"')
    return " AND ".join(parts) or None


def uses_fts(session: Session) -> bool:
    return session.get_bind().dialect.name == "sqlite"


def text_of(record: Any, columns: Sequence[str]) -> str:
    return "\n".join(str(getattr(record, column) or "") for column in columns)


def index_records(session: Session, records: Iterable[Any]) -> None:
    """Brings the index up to date for these records (a write-context hook: runs inside the flush)."""
    if not uses_fts(session):
        return
    connection = session.connection()
    for record in records:
        spec: SearchSpec | None = getattr(record, "search", None)
        if spec is not None:
            state = inspect(record)
            if state.persistent and not any(state.attrs[c].history.has_changes()
                                            for c in (*spec.columns, "deleted")):
                continue  # no searchable text changed
            _index_one(connection, spec, record, known_new=state.pending)


def _index_one(connection: Connection, spec: SearchSpec, record: Any, known_new: bool = False) -> None:
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
                                        "RETURNING rowid"), {"kind": spec.kind, "k": key}).scalar_one()
    grams, singles = tokens(text_of(record, spec.columns))
    connection.execute(text("INSERT INTO search_index (rowid, grams, unigrams) VALUES (:r, :g, :u)"),
                       {"r": rowid, "g": grams, "u": singles})


def rebuild(session: Session) -> int:
    """Re-indexes every record from scratch; returns how many were indexed."""
    if not uses_fts(session):
        return 0
    connection = session.connection()
    connection.execute(text("DELETE FROM search_index"))
    connection.execute(text("DELETE FROM search_rows"))
    count = 0
    for model in searched_models().values():
        spec = spec_of(model)
        for record in session.scalars(select(model).where(model.deleted.is_(False))):
            _index_one(connection, spec, record)
            count += 1
    return count
