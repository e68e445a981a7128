"""Alembic environment: runs on a connection handed over by xuncha_desktop.db.migrate."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

import xuncha_desktop.db.models  # noqa: F401 - registers every table
from xuncha_desktop.db.base import Base
from xuncha_desktop.services.search import is_search_table

config = context.config


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    # The full-text index is SQLite's virtual table, made by raw SQL in the migration.
    return not (type_ == "table" and name is not None and is_search_table(name))


def run() -> None:
    connection = config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError("run migrations through xuncha_desktop.db.migrate")
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                      include_object=include_object, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


run()
