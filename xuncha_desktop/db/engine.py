"""Engines and sessions: an encrypted SQLite file on a laptop, PostgreSQL for an office hub."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import URL, Engine, create_engine, event, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import QueuePool

from xuncha_desktop.db.capture import install_capture


def sqlcipher_url(path: Path, key: bytes) -> URL:
    # SQLCipher's raw-key syntax: the key is used as is, with no key derivation of its own.
    return URL.create("sqlite+pysqlcipher", password=f"x'{key.hex()}'", database=str(path))


def make_engine(url: URL | str) -> Engine:
    parsed = make_url(url)
    if parsed.get_driver_name() == "pysqlcipher":
        # The dialect's default, one connection per thread, would make two sessions of one thread share a
        # transaction. The raw key makes connecting cheap, so a normal pool serves; connections may be
        # used by worker threads (one at a time, as the pool hands them out).
        engine = create_engine(parsed, poolclass=QueuePool, connect_args={"check_same_thread": False})
    else:
        engine = create_engine(parsed)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # The driver would otherwise open transactions late and commit DDL on its own; a migration or an
        # import must be one real transaction (SQLAlchemy's documented recipe for pysqlite).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA cipher_log_level = NONE") if _is_sqlcipher(engine) else None
        cursor.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed transaction survives power loss, the price of a few ms per commit.
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.execute("PRAGMA busy_timeout = 10000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        # ``execution_options(write_lock=True)``: take the write lock at once (a backup copying the files
        # must see no commit in between), instead of at the first write.
        locked = connection.get_execution_options().get(WRITE_LOCK, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if locked else "BEGIN")


WRITE_LOCK = "write_lock"


def _is_sqlcipher(engine: Engine) -> bool:
    return engine.dialect.driver == "pysqlcipher"


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    factory = sessionmaker(engine, expire_on_commit=False)
    install_capture(factory)
    return factory
