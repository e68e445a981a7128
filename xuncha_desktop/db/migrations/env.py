"""Alembic environment: runs on a connection handed over by xuncha_desktop.db.migrate."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

import xuncha_desktop.db.models  # noqa: F401 - registers every table
from xuncha_desktop.db.base import Base
from xuncha_desktop.db.migrate import include_object

config = context.config


def run() -> None:
    connection = config.attributes.get("connection")
    if not isinstance(connection, Connection):
        raise RuntimeError("run migrations through xuncha_desktop.db.migrate")
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True,
                      include_object=include_object, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


run()
