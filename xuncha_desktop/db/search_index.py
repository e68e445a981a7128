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

On PostgreSQL (the office hub) the same tokens go into two ``tsvector`` columns of one table under a GIN
index: the pairs with their positions (a phrase is ``<->``, "the next position", as in FTS5) and the single
characters. The values are written as tsvector literals, so no text search configuration or locale touches
them, and the hits are those of FTS5, row for row and in the same order (``match``).

The index is derived data, not schema: its layout has a version (``INDEX_VERSION``, kept in
``search_meta``), and :func:`ensure_current` rebuilds it from the records whenever the program's layout or
the set of indexed families differs from what the database holds (run at every open, after migrations).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, TextClause, TextualSelect, Uuid, column, inspect, select, text
from sqlalchemy.orm import Session

from xuncha_desktop.db.base import Base, Replicated, SearchSpec

SEARCH_TABLE_PREFIX = "search_"
# Raise when the index's tables or tokens change; the next open rebuilds every workspace's index.
# 3: "×" and "÷" end a Latin word (FTS5's tokenizer splits there; PostgreSQL's index keeps tokens whole).
INDEX_VERSION = 3
_META = "CREATE TABLE search_meta (version INTEGER NOT NULL, kinds TEXT NOT NULL)"
_CREATE = (
    "CREATE TABLE search_rows (rowid INTEGER PRIMARY KEY, kind VARCHAR(32) NOT NULL, "
    "record_id CHAR(32) NOT NULL UNIQUE)",
    "CREATE VIRTUAL TABLE search_index USING fts5(kind, grams, unigrams, content='', contentless_delete=1, "
    "tokenize='unicode61 remove_diacritics 0')",
    _META,
)
# PostgreSQL (the office hub): one table; the same tokens as tsvector values written out literally (no text
# search configuration touches them), the pairs with their positions so that a term of three characters or
# more is a phrase (<->) as in FTS5. ``stream`` is kept only for a record too long for a tsvector's positions
# (see _vectors). ``rowid`` is the indexing order, newest last, as FTS5's rowid.
_PG_CREATE = (
    "CREATE TABLE search_rows (rowid BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, kind VARCHAR(32) NOT NULL, "
    "record_id CHAR(32) NOT NULL UNIQUE, grams TSVECTOR NOT NULL, unigrams TSVECTOR NOT NULL, stream TEXT)",
    _META,
)
_PG_INDEXES = (
    "CREATE INDEX search_rows_terms ON search_rows USING gin (grams, unigrams)",
    "CREATE INDEX search_rows_kind ON search_rows (kind, rowid)",
)
# A tsvector keeps positions up to 16,383 and 256 of them per token, silently dropping the rest.
_MAX_POSITION = 16_383
_MAX_POSITIONS = 256
# Two stations opening a hub whose index is out of date: one rebuilds it, the other waits and finds it current.
_PG_LOCK = 0x5853_6561_7263_68  # "XSearch"

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# A run of Chinese characters (group 1) or a Latin word or number (group 2).
TOKEN = re.compile(rf"([{_CJK}]+)|([0-9A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]+)")
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


def token_lists(value: str) -> tuple[list[str], list[str]]:
    """The two token lists of a text: (pairs and whole words, single Chinese characters), in text order."""
    grams: list[str] = []
    singles: list[str] = []
    for chinese, latin in TOKEN.findall(value):  # the hot loop of a rebuild: no match objects, no second regex
        if chinese:
            singles.extend(chinese)
            if len(chinese) == 1:
                grams.append(chinese)
            else:
                grams.extend(map(str.__add__, chinese, chinese[1:]))
        else:
            grams.append(latin.casefold())
    return grams, singles


def tokens(value: str) -> tuple[str, str]:
    """The two token lists of a text as FTS5 columns (space-separated)."""
    grams, singles = token_lists(value)
    return " ".join(grams), " ".join(singles)


def kind_expression(kind: str) -> str:
    """The FTS5 condition "this record is of ``kind``" (a phrase: the tokenizer splits at ``_``)."""
    return f'kind : "{kind}"'


def _parts(query: str) -> list[tuple[str, list[str]]]:
    """The query's terms: ("word", [casefolded word]) matched as a prefix, ("char", [c]) a single character,
    ("pairs", [its character pairs]) a phrase of consecutive pairs."""
    parts: list[tuple[str, list[str]]] = []
    for match in TOKEN.finditer(query):
        run = match.group()
        if not _IS_CJK.match(run):
            parts.append(("word", [run.casefold()]))
        elif len(run) == 1:
            parts.append(("char", [run]))
        else:
            parts.append(("pairs", [run[i:i + 2] for i in range(len(run) - 1)]))
    return parts


def match_expression(query: str) -> str | None:
    """An FTS5 query requiring every term of ``query``; None when it holds nothing searchable."""
    parts: list[str] = []
    for how, terms in _parts(query):
        if how == "word":
            parts.append(f'grams : "{terms[0]}"*')
        elif how == "char":
            parts.append(f'unigrams : "{terms[0]}"')
        else:
            parts.append('grams : "' + " ".join(terms) + '"')
    return " AND ".join(parts) or None


def text_of(record: Any, columns: Sequence[str]) -> str:
    return "\n".join(str(getattr(record, column) or "") for column in columns)


# ---- the queries, per back end (services/search.py runs them) -------------------------------------------
@dataclass(frozen=True)
class Match:
    """How to find the index rows of one kind holding every term of a query: ``table`` (with a join giving
    ``record_id``, if the rows are elsewhere), the ``condition`` and its ``params`` (named ``search_*``, so the
    condition can go into any query; none on PostgreSQL, where the values are written in); ``rowid`` orders
    them (newest last)."""

    table: str
    join: str
    condition: str
    rowid: str
    params: dict[str, Any]
    id_type: str = "record_id"  # the record's id as the records' tables hold it
    # PostgreSQL: the kind's condition and the terms' apart, to read the newest rows first (recent_statement)
    kind_condition: str | None = None
    terms_condition: str | None = None


    def count_statement(self, cap: int | None) -> tuple[TextClause, dict[str, Any]]:
        limit = "" if cap is None else f" LIMIT {int(cap)}"
        return (text(f"SELECT count(*) FROM (SELECT {self.rowid} FROM {self.table} WHERE {self.condition}{limit}) "
                     "AS matching"), self.params)

    def ids_select(self) -> TextualSelect:
        """Every matching record's id, in no order, as a subquery (``Model.id.in_(...)``) of any size."""
        return (text(f"SELECT {self.id_type} AS record_id FROM {self.table}{self.join} WHERE {self.condition}")
                .bindparams(**self.params).columns(column("record_id", Uuid())))

    def recent_statement(self, window: int, offset: int, limit: int) -> tuple[TextClause, dict[str, Any]] | None:
        """The matches among the kind's newest ``window`` rows (PostgreSQL only, else None).

        GIN cannot hand its matches over in rowid order, and the planner, taking a term's pairs as independent,
        thinks 公车私用 rare (40 rows of 40,000 where there are 4,000): it then reads and sorts every match to
        show the newest 20. Reading the newest rows first finds the page of a frequent term in a few hundred."""
        if self.kind_condition is None:
            return None
        return (text(f"SELECT record_id FROM (SELECT * FROM search_rows WHERE {self.kind_condition} "
                     f"ORDER BY rowid DESC LIMIT {int(window)}) AS recent WHERE {self.terms_condition} "
                     f"ORDER BY rowid DESC LIMIT {int(limit)} OFFSET {int(offset)}"), self.params)

    def ids_statement(self, offset: int, limit: int) -> tuple[TextClause, dict[str, Any]]:
        return (text(f"SELECT record_id FROM {self.table}{self.join} WHERE {self.condition} "
                     f"ORDER BY {self.rowid} DESC LIMIT {int(limit)} OFFSET {int(offset)}"), self.params)


def match(dialect: str, query: str, kind: str) -> Match | None:
    """The rows of ``kind`` holding every term of ``query`` on this back end; None when the query holds nothing
    searchable. Both back ends give the same rows in the same order (tests/test_search_backends.py)."""
    if dialect == "sqlite":
        expression = match_expression(query)
        if expression is None:
            return None
        return Match("search_index", " JOIN search_rows AS r ON r.rowid = search_index.rowid",
                     "search_index MATCH :search_q", "search_index.rowid",
                     {"search_q": f"{kind_expression(kind)} AND ({expression})"})
    return _pg_match(query, kind)


def _pg_match(query: str, kind: str) -> Match | None:
    """The condition with its values written in (no parameters): psycopg prepares a statement run five times,
    and a prepared statement's generic plan cannot know that 'clue' is rare and 问题 frequent, so it scanned
    every row for a kind holding none (60 ms instead of 0.1). Every value is quoted as a string literal."""
    parts = _parts(query)
    if not parts:
        return None
    if kind not in searched_models():
        raise ValueError(f"not a searched kind: {kind!r}")
    every_pair = [_quoted(t) + (":*" if how == "word" else "") for how, terms in parts if how != "char"
                  for t in terms]
    chars = [_quoted(terms[0]) for how, terms in parts if how == "char"]
    phrases = [terms for how, terms in parts if how == "pairs" and len(terms) > 1]
    conditions: list[str] = []
    if every_pair:  # what the GIN index finds: every pair present, in any order
        conditions.append(f"grams @@ CAST({_literal(' & '.join(every_pair))} AS tsquery)")
    if chars:
        conditions.append(f"unigrams @@ CAST({_literal(' & '.join(chars))} AS tsquery)")
    if phrases:  # then, row by row, the pairs one after the other (positions, or the stream of a long record)
        in_order = " & ".join("(" + " <-> ".join(_quoted(t) for t in terms) + ")" for terms in phrases)
        in_stream = " AND ".join(f"stream LIKE {_literal('% ' + ' '.join(terms) + ' %')}" for terms in phrases)
        conditions.append(f"(stream IS NULL AND grams @@ CAST({_literal(in_order)} AS tsquery) OR stream IS NOT NULL "
                          f"AND {in_stream})")
    of_kind, terms = f"kind = {_literal(kind)}", " AND ".join(conditions)
    return Match("search_rows", "", f"{of_kind} AND {terms}", "rowid", {}, "CAST(record_id AS uuid)", of_kind, terms)


def _literal(value: str) -> str:
    """A SQL string literal (standard strings: only the quote is special; tokens hold no backslash anyway)."""
    return "'" + value.replace("'", "''") + "'"


def _quoted(token: str) -> str:
    """A token as a tsvector or tsquery lexeme (quoted: taken as it is, whatever its characters)."""
    return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"


def _vectors(grams: list[str], singles: list[str]) -> tuple[str, str, str | None]:
    """The tsvector literals of a record's two token lists, and its stream. Each pair has its positions in the
    list, so <-> means "next pair" exactly as an FTS5 phrase does. A tsvector cannot hold positions beyond
    16,383 or more than 256 of one token: a record that needs them (tens of thousands of characters) keeps its
    pairs without positions and its whole list as ``stream`` (" 问题 题工 工作 "), where a phrase is a LIKE."""
    positions: dict[str, list[int]] = {}
    for at, token in enumerate(grams, start=1):
        positions.setdefault(token, []).append(at)
    long = len(grams) > _MAX_POSITION or any(len(p) > _MAX_POSITIONS for p in positions.values())
    if long:
        gram_vector = " ".join(_quoted(token) for token in positions)
    else:
        gram_vector = " ".join(f"{_quoted(token)}:{','.join(map(str, at))}" for token, at in positions.items())
    single_vector = " ".join(_quoted(token) for token in dict.fromkeys(singles))
    return gram_vector, single_vector, (" " + " ".join(grams) + " ") if long else None


# ---- upkeep -------------------------------------------------------------------------------------------
def index_records(session: Session, records: Iterable[Any]) -> None:
    """Brings the index up to date for these records (a write-context hook: runs inside the flush)."""
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
    if connection.dialect.name != "sqlite":
        _pg_index_one(connection, spec, record)
        return
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


def _pg_index_one(connection: Connection, spec: SearchSpec, record: Any) -> None:
    key = record.id.hex
    if record.deleted:
        connection.execute(text("DELETE FROM search_rows WHERE record_id = :k"), {"k": key})
        return
    grams, singles, stream = _vectors(*token_lists(text_of(record, spec.columns)))
    # An edited record keeps its place (its rowid), as in FTS5.
    connection.execute(text(
        "INSERT INTO search_rows (kind, record_id, grams, unigrams, stream) "
        "VALUES (:kind, :k, CAST(:g AS tsvector), CAST(:u AS tsvector), :s) ON CONFLICT (record_id) DO UPDATE "
        "SET kind = EXCLUDED.kind, grams = EXCLUDED.grams, unigrams = EXCLUDED.unigrams, stream = EXCLUDED.stream"),
        {"kind": spec.kind, "k": key, "g": grams, "u": singles, "s": stream})


def rebuild(session: Session, tables: set[str] | None = None) -> int:
    """Re-indexes every record from scratch (of the families whose ``tables`` exist, if given), oldest first
    by creation, so that both back ends hold them in the same order; returns how many were indexed. A family's
    table is missing only between its model and its migration (a test)."""
    connection = session.connection()
    postgres = connection.dialect.name != "sqlite"
    if postgres:
        for name in ("search_rows_terms", "search_rows_kind"):  # built once at the end: much faster
            connection.execute(text(f"DROP INDEX IF EXISTS {name}"))
    else:
        connection.execute(text("DELETE FROM search_index"))
    connection.execute(text("DELETE FROM search_rows"))
    count = 0
    for model in searched_models().values():
        if tables is not None and model.__tablename__ not in tables:
            continue
        spec = spec_of(model)
        # streamed: an office's index of 200,000 interviews is rebuilt without holding them all at once
        live = (select(model).where(model.deleted.is_(False)).order_by(model.created_at, model.id)
                .execution_options(yield_per=2000))
        for batch in session.scalars(live).partitions():
            if postgres:  # one COPY per batch: the records are read on the same connection in between
                _pg_load(connection, spec, batch)
            else:
                for record in batch:
                    _index_one(connection, spec, record)
            count += len(batch)
    if postgres:
        for statement in _PG_INDEXES:
            connection.execute(text(statement))
        connection.execute(text("ANALYZE search_rows"))  # the planner's word frequencies, for its choice of plan
    return count


def _pg_load(connection: Connection, spec: SearchSpec, records: Iterable[Any]) -> None:
    """Writes the index rows of ``records`` with COPY (a rebuild of 200,000 records in seconds, not minutes)."""
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    with cursor.copy("COPY search_rows (kind, record_id, grams, unigrams, stream) FROM STDIN") as copy:
        for record in records:
            copy.write_row((spec.kind, record.id.hex, *_vectors(*token_lists(text_of(record, spec.columns)))))


def _indexed_kinds(tables: set[str]) -> str:
    return " ".join(f"{kind}({','.join(spec_of(model).columns)})"
                    for kind, model in sorted(searched_models().items()) if model.__tablename__ in tables)


def ensure_current(engine: Engine) -> int | None:
    """Rebuilds the index when its layout or the indexed families changed; returns how many records were
    indexed then, or None when the index was current. Runs at open, after the migrations."""
    with Session(engine) as session, session.begin():
        return _ensure_current(session)


def _ensure_current(session: Session) -> int | None:
    connection = session.connection()
    postgres = connection.dialect.name != "sqlite"
    if postgres:
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK})
    tables = set(inspect(connection).get_table_names())
    if "search_meta" in tables:
        held = connection.execute(text("SELECT version, kinds FROM search_meta")).first()
        if held is not None and tuple(held) == (INDEX_VERSION, _indexed_kinds(tables)):
            return None
    for table in ("search_index", "search_rows", "search_meta"):
        if table in tables:
            connection.execute(text(f"DROP TABLE {table}"))
    for statement in _PG_CREATE if postgres else _CREATE:
        connection.execute(text(statement))
    connection.execute(text("INSERT INTO search_meta (version, kinds) VALUES (:v, :k)"),
                       {"v": INDEX_VERSION, "k": _indexed_kinds(tables)})
    return rebuild(session, tables)
