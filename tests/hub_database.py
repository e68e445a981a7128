"""A fresh database on the local PostgreSQL server for one test, dropped after it (tests marked postgres)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text

# The server the suite uses (docs/testing.md); a database of its own per test, so nothing is shared.
SERVER = os.environ.get("XUNCHA_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432")


@contextmanager
def fresh_database() -> Iterator[str]:
    """Yields the URL of a new, empty database; drops it (and any connection left to it) afterwards."""
    name = f"xuncha_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(f"{SERVER}/postgres", isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            yield f"{SERVER}/{name}"
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()
