"""The PostgreSQL server of the office-hub tests: XUNCHA_TEST_DATABASE (set by `make test` through
build_spec/test-postgres.sh), else the machine's at 127.0.0.1:5432. Every test gets a database of its own."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator

from sqlalchemy import create_engine, make_url, text

SERVER = os.environ.get("XUNCHA_TEST_DATABASE", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@contextlib.contextmanager
def fresh_database() -> Iterator[str]:
    """A new, empty database on the test server (dropped afterwards, even with sessions still open)."""
    name = f"xt_{uuid.uuid4().hex[:16]}"
    admin = create_engine(SERVER, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(SERVER).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
