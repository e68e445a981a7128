"""The full-text index of the searched record families, for Chinese of any length, kept up to date on flush.

SQLite's trigram tokenizer cannot find two-character words, the common case in Chinese. The index
therefore holds, for every run of Chinese characters, its overlapping character pairs (bigrams, as
Lucene's CJK analyser does) in one column and its single characters in another; Latin words and
numbers are kept whole. A query of one character looks in the single characters; two or more become a
phrase of consecutive pairs, which matches exactly the records that contain the term.
The index is a contentless FTS5 table: it holds no text of its own, only the token lists, and the record's
kind as a column of its own, so that "the newest 20 problems holding 问题" is answered by FTS5 itself
(intersecting two token lists in rowid order) instead of walking every record that holds 问题. Which
families are indexed, and which of their columns, each model says in its ``search`` (``SearchSpec``): the
index is persistence riding on the flush, so it lives here, below the services that query it.

The index is derived data, not schema: its layout has a version (``INDEX_VERSION``, kept in
``search_meta``), and :func:`ensure_current` rebuilds it from the records whenever the program's layout or
the set of indexed families differs from what the database holds (run at every open, after migrations).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, inspect, select, text
from sqlalchemy.orm import Session

from xuncha_desktop.db.base import Base, Replicated, SearchSpec

SEARCH_TABLE_PREFIX = "search_"
# Raise when the index's tables or tokens change; the next open rebuilds every workspace's index.
INDEX_VERSION = 2
_CREATE = (
    "CREATE TABLE search_rows (rowid INTEGER PRIMARY KEY, kind VARCHAR(32) NOT NULL, "
    "record_id CHAR(32) NOT NULL UNIQUE)",
    "CREATE VIRTUAL TABLE search_index USING fts5(kind, grams, unigrams, content='', contentless_delete=1, "
    "tokenize='unicode61 remove_diacritics 0')",
    "CREATE TABLE search_meta (version INTEGER NOT NULL, kinds TEXT NOT NULL)",
)

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


def kind_expression(kind: str) -> str:
    """The FTS5 condition "this record is of ``kind``" (a phrase: the tokenizer splits at ``_``)."""
    return f'kind : "{kind}"'


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
    connection.execute(text("INSERT INTO search_index (rowid, kind, grams, unigrams) VALUES (:r, :k, :g, :u)"),
                       {"r": rowid, "k": spec.kind, "g": grams, "u": singles})


def rebuild(session: Session, tables: set[str] | None = None) -> int:
    """Re-indexes every record from scratch (of the families whose ``tables`` exist, if given); returns how
    many were indexed. A family's table is missing only between its model and its migration (a test)."""
    if not uses_fts(session):
        return 0
    connection = session.connection()
    connection.execute(text("DELETE FROM search_index"))
    connection.execute(text("DELETE FROM search_rows"))
    count = 0
    for model in searched_models().values():
        if tables is not None and model.__tablename__ not in tables:
            continue
        spec = spec_of(model)
        # streamed: an office's index of 200,000 interviews is rebuilt without holding them all at once
        live = select(model).where(model.deleted.is_(False)).execution_options(yield_per=2000)
        for record in session.scalars(live):
            _index_one(connection, spec, record)
            count += 1
    return count


def _indexed_kinds(tables: set[str]) -> str:
    return " ".join(f"{kind}({','.join(spec_of(model).columns)})"
                    for kind, model in sorted(searched_models().items()) if model.__tablename__ in tables)


def ensure_current(engine: Engine) -> int | None:
    """Rebuilds the index when its layout or the indexed families changed; returns how many records were
    indexed then, or None when the index was current. Runs at open, after the migrations."""
    if engine.dialect.name != "sqlite":
        return None
    with Session(engine) as session, session.begin():
        return _ensure_current(session)


def _ensure_current(session: Session) -> int | None:
    connection = session.connection()
    tables = set(connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'")).scalars())
    if "search_meta" in tables:
        held = connection.execute(text("SELECT version, kinds FROM search_meta")).first()
        if held is not None and tuple(held) == (INDEX_VERSION, _indexed_kinds(tables)):
            return None
    for table in ("search_index", "search_rows", "search_meta"):
        if table in tables:
            connection.execute(text(f"DROP TABLE {table}"))
    for statement in _CREATE:
        connection.execute(text(statement))
    connection.execute(text("INSERT INTO search_meta (version, kinds) VALUES (:v, :k)"),
                       {"v": INDEX_VERSION, "k": _indexed_kinds(tables)})
    return rebuild(session, tables)
