"""Alembic, driven from code: the schema of a workspace is brought to the program's head on open."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from xuncha_desktop.db.search_index import is_search_table

MIGRATIONS = Path(__file__).with_name("migrations")


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Leaves out of comparisons the full-text index, SQLite's virtual table made by raw SQL."""
    return not (type_ == "table" and name is not None and is_search_table(name))


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Applies every missing migration in one transaction: all of them or none."""
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
