"""Alembic, driven from code: the schema of a workspace is brought to the program's head on open.

Opening a workspace whose schema is already at the head (every start but the first after an update) needs
neither Alembic nor its script directory: the head is read from the revision files' ``revision`` and
``down_revision`` lines (``head_revision``, checked against Alembic's own answer by a test) and the database's
revision from its ``alembic_version`` table. Alembic is imported only to migrate or to list the revisions.
"""

from __future__ import annotations

import ast
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from xuncha_desktop.db.search_index import is_search_table

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "alembic_version"  # Alembic's default, which env.py keeps


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Leaves out of comparisons the full-text index, SQLite's virtual table made by raw SQL."""
    return not (type_ == "table" and name is not None and is_search_table(name))


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The one revision no other revision names as its ``down_revision``, read from the files without Alembic.

    Anything this reading cannot settle (no file, several heads, a value that is not a plain string) is left
    to Alembic, which says what is wrong.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        values = _module_constants(path, ("revision", "down_revision"))
        revision, down = values.get("revision"), values.get("down_revision")
        if not isinstance(revision, str):
            return _alembic_head()
        revisions.add(revision)
        if isinstance(down, str):
            parents.add(down)
        elif isinstance(down, tuple) and all(isinstance(d, str) for d in down):
            parents.update(down)
        elif down is not None:
            return _alembic_head()
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else _alembic_head()


def _module_constants(path: Path, names: tuple[str, ...]) -> dict[str, object]:
    """The literal values assigned at the top level of a module to ``names`` (``x = ...`` or ``x: T = ...``)."""
    found: dict[str, object] = {}
    for node in ast.parse(path.read_text(encoding="utf-8"), str(path)).body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            targets, value = [node.target.id], node.value
        elif isinstance(node, ast.Assign):
            targets, value = [t.id for t in node.targets if isinstance(t, ast.Name)], node.value
        else:
            continue
        for target in targets:
            if target in names:
                try:
                    found[target] = ast.literal_eval(value)
                except ValueError:
                    found[target] = value  # not a literal: the caller hands over to Alembic
    return found


def _alembic_head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    """The revision recorded in the database; None for an empty one. Several rows (branches) are an error."""
    with engine.connect() as connection:
        if not inspect(connection).has_table(VERSION_TABLE):
            return None
        rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    if len(rows) > 1:
        raise RuntimeError(f"the database records several schema heads: {sorted(rows)}")
    return str(rows[0]) if rows else None


def upgrade(engine: Engine) -> None:
    """Applies every missing migration in one transaction: all of them or none."""
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")
