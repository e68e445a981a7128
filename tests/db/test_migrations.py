"""The schema comes from migrations, matches the models, and old or newer files are handled safely."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

import xuncha_desktop.db.models  # noqa: F401
from tests.conftest import PASSPHRASE
from xuncha_desktop.db import migrate
from xuncha_desktop.db.base import Base
from xuncha_desktop.errors import XunchaError
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.workspace import Workspace

FIXTURES = Path(__file__).parent / "fixtures"


def _differences(connection: object) -> list[object]:
    context = MigrationContext.configure(connection, opts={"include_object": migrate.include_object,
                                                           "compare_type": True})
    return list(compare_metadata(context, Base.metadata))


def test_migrated_schema_matches_the_models(workspace: Workspace) -> None:
    with workspace.engine.connect() as connection:
        assert _differences(connection) == []


@pytest.mark.postgres
def test_migrations_run_on_postgresql_and_match_the_models() -> None:
    engine = create_engine("postgresql+psycopg://postgres@127.0.0.1:5432/test")
    schema = "xuncha_migration_test"
    with engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    pg = create_engine("postgresql+psycopg://postgres@127.0.0.1:5432/test",
                       connect_args={"options": f"-csearch_path={schema}"})
    try:
        migrate.upgrade(pg)
        assert migrate.current_revision(pg) == migrate.head_revision()
        with pg.connect() as connection:
            assert _differences(connection) == []
    finally:
        pg.dispose()
        with engine.begin() as connection:
            connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
        engine.dispose()


def test_revision_0001_fixture_opens_with_its_records(tmp_path: Path) -> None:
    # A workspace made by the first release (passphrase in fixtures/README.md), kept as it was written.
    target = tmp_path / "ws"
    shutil.copytree(FIXTURES / "workspace-0001", target)
    with Workspace.open(target, PASSPHRASE) as ws, ws.transaction() as s:
        assert migrate.current_revision(ws.engine) == migrate.head_revision()
        names = [u.name for u in KINDS["unit"].find(s)]
        assert names == ["娄底市住房和城乡建设局"]
        assert KINDS["problem"].find(s)[0].statement.startswith("党组落实")


def test_an_older_schema_is_backed_up_before_migrating(workspace: Workspace,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    with workspace.transaction() as s:
        KINDS["unit"].create(s, {"name": "娄底市司法局"})
    path = workspace.path
    workspace.close()
    upgraded: list[str] = []
    # Pretend the file is one revision behind the program.
    monkeypatch.setattr(migrate, "current_revision", lambda engine: "0000")
    monkeypatch.setattr(migrate, "known_revisions", lambda: {"0000", "0001"})
    monkeypatch.setattr(migrate, "upgrade", lambda engine: upgraded.append("done"))
    with Workspace.open(path, PASSPHRASE):
        pass
    backups = list((path / "backups").glob("xuncha-0000-*.db"))
    assert len(backups) == 1 and upgraded == ["done"]
    monkeypatch.undo()
    # The backup is a complete copy: it opens with the same key and holds the unit.
    shutil.copy(backups[0], path / "xuncha.db")
    for extra in path.glob("xuncha.db-*"):
        extra.unlink()
    with Workspace.open(path, PASSPHRASE) as ws, ws.transaction() as s:
        assert [u.name for u in KINDS["unit"].find(s)] == ["娄底市司法局"]


def test_a_newer_schema_is_refused_and_left_alone(workspace: Workspace) -> None:
    with workspace.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    path = workspace.path
    workspace.close()
    before = (path / "xuncha.db").read_bytes()
    with pytest.raises(XunchaError) as caught:
        Workspace.open(path, PASSPHRASE)
    assert caught.value.key == "workspace_newer" and "9999" in str(caught.value)
    assert (path / "xuncha.db").read_bytes() == before
    assert list((path / "backups").iterdir()) == []
