"""The schema comes from migrations, matches the models, and old or newer files are handled safely."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection, create_engine, text

import xuncha_desktop.db.models  # noqa: F401
from tests.conftest import PASSPHRASE
from xuncha_desktop.db import migrate
from xuncha_desktop.db.base import Base
from xuncha_desktop.errors import XunchaError
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.workspace import Workspace

FIXTURES = Path(__file__).parent / "fixtures"


def _differences(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"include_object": migrate.include_object,
                                                           "compare_type": True})
    return list(compare_metadata(context, Base.metadata))


def test_migrated_schema_matches_the_models(workspace: Workspace) -> None:
    with workspace.engine.connect() as connection:
        assert _differences(connection) == []


@pytest.mark.postgres
def test_migrations_run_on_postgresql_and_match_the_models() -> None:
    from tests.postgres import fresh_database

    with fresh_database() as url:
        pg = create_engine(url)
        try:
            migrate.upgrade(pg)
            assert migrate.current_revision(pg) == migrate.head_revision()
            with pg.connect() as connection:
                assert _differences(connection) == []
        finally:
            pg.dispose()


def test_revision_0001_fixture_opens_with_its_records(tmp_path: Path) -> None:
    # A workspace made by the first release (passphrase in fixtures/README.md), kept as it was written.
    target = tmp_path / "ws"
    shutil.copytree(FIXTURES / "workspace-0001", target)
    with Workspace.open(target, PASSPHRASE) as ws, ws.transaction() as s:
        assert migrate.current_revision(ws.engine) == migrate.head_revision()
        names = [u.name for u in KINDS["unit"].find(s)]
        assert names == ["娄底市住房和城乡建设局"]
        assert KINDS["problem"].find(s)[0].statement.startswith("党组落实")


def test_revision_0003_fixture_is_backed_up_migrated_and_analysed(tmp_path: Path) -> None:
    # Made by the release of 0003 (its list indexes had no tie-break id); 0004 rebuilds them.
    target = tmp_path / "ws"
    shutil.copytree(FIXTURES / "workspace-0003", target)
    with Workspace.open(target, PASSPHRASE) as ws:
        assert migrate.current_revision(ws.engine) == migrate.head_revision()
        assert len(list((target / "backups").glob("xuncha-0003-*.db"))) == 1
        with ws.engine.connect() as connection:
            columns = [row[2] for row in connection.exec_driver_sql("PRAGMA index_info(ix_interviews_live_started)")]
            assert columns == ["deleted", "started_at", "id"]
            indexes = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")
            names = {row[0] for row in indexes}
            assert "ix_interviews_round_started" in names and "ix_interviews_round_id" not in names
            analysed = connection.exec_driver_sql("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'interviews'")
            assert analysed.scalar()
            assert _differences(connection) == []
        with ws.transaction() as s:
            listed = KINDS["interview"].find(s)
            # Newest first; the three at the same time by id, descending like the time.
            assert [i.interviewee_name for i in listed][:2] == ["刘静", "赵敏"]
            key = [(i.started_at, i.id) for i in listed]
            assert len(key) == 5 and key == sorted(key, reverse=True)
            assert [u.name for u in KINDS["unit"].find(s)] == ["娄底市审计局", "娄底市财政局"]
            assert KINDS["problem"].find(s)[0].statement.startswith("党组落实")
            assert [p.title for p in KINDS["paper"].find(s)] == ["关于专项资金管理的底稿"]


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


def test_revision_0004_fixture_gets_its_change_chains_and_still_syncs(tmp_path: Path) -> None:
    """0005 computes the hash chain of every change already held (the office's own and laptop A's); the
    office then exports what it signed, and a new laptop verifies it against the office's signed head.
    Laptop A's entries, relayed before heads existed, are not passed on: nothing signed them for relaying."""
    from sqlalchemy import select

    from tests.sync.helpers import make, trust_all
    from xuncha_desktop.db.change_chain import GENESIS, change_hash
    from xuncha_desktop.db.models import Change
    from xuncha_desktop.services import sync

    target = tmp_path / "office"
    shutil.copytree(FIXTURES / "workspace-0004", target)
    with Workspace.open(target, PASSPHRASE) as office:
        with office.transaction() as s:
            changes = list(s.scalars(select(Change).order_by(Change.device_id, Change.seq)))
            devices = {c.device_id for c in changes}
            assert len(devices) == 2
            previous: dict[object, str] = {}
            for c in changes:
                expected = change_hash(previous.get(c.device_id, GENESIS), c.id, c.device_id, c.seq, c.hlc,
                                       c.table_name, c.record_id, c.op, c.fields, c.base_hlc)
                assert c.chain == expected
                previous[c.device_id] = c.chain
            own = sum(1 for c in changes if c.device_id == office.info.device_id)
        laptop = make(tmp_path / "new", "笔记本C")
        trust_all([office, laptop])
        sync.export(office, tmp_path / "to-c.xcpkg", sync.own_keys(laptop))
        summary = sync.import_(laptop, tmp_path / "to-c.xcpkg")
        assert summary.changes_applied == own
        laptop.close()


def _alembic_head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()
    assert head is not None
    return head


def test_the_head_read_from_the_files_is_alembic_s_head() -> None:
    # Opening an up-to-date workspace compares with this head and skips Alembic: it must be Alembic's answer.
    assert migrate.head_revision() == _alembic_head()
    assert migrate.head_revision() in migrate.known_revisions()


def _with_versions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extra: dict[str, str]) -> None:
    folder = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS, folder)
    for name, text_ in extra.items():
        (folder / "versions" / name).write_text(text_, encoding="utf-8")
    monkeypatch.setattr(migrate, "MIGRATIONS", folder)


def test_a_new_migration_becomes_the_head_and_a_merge_of_two_is_followed(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    old_head = migrate.head_revision()
    _with_versions(tmp_path, monkeypatch, {
        "0009_a.py": f'revision: str = "0009_a"\ndown_revision: str | None = "{old_head}"\n',
        "0009_b.py": f'revision = "0009_b"\ndown_revision = "{old_head}"\n',
        "0010_merge.py": 'revision = "0010"\ndown_revision = ("0009_a", "0009_b")\n',
    })
    assert migrate.head_revision() == "0010" == _alembic_head()


def test_two_heads_are_left_to_alembic_which_refuses_them(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old_head = migrate.head_revision()
    _with_versions(tmp_path, monkeypatch, {
        "0009_a.py": f'revision = "0009_a"\ndown_revision = "{old_head}"\n',
        "0009_b.py": f'revision = "0009_b"\ndown_revision = "{old_head}"\n',
    })
    from alembic.util import CommandError

    with pytest.raises(CommandError, match=r"multiple heads"):
        migrate.head_revision()


def test_an_empty_database_has_no_revision_and_a_migrated_one_the_head(tmp_path: Path,
                                                                       workspace: Workspace) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    try:
        assert migrate.current_revision(engine) is None
    finally:
        engine.dispose()
    assert migrate.current_revision(workspace.engine) == _alembic_head()


def test_an_up_to_date_workspace_opens_without_importing_alembic(workspace: Workspace) -> None:
    import subprocess
    import sys

    path = workspace.path
    workspace.close()
    code = ("import sys; from pathlib import Path; from xuncha_desktop.workspace import Workspace; "
            "Workspace.open(Path(sys.argv[1]), sys.argv[2]).close(); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('alembic', 'mako')))")
    done = subprocess.run([sys.executable, "-c", code, str(path), PASSPHRASE], capture_output=True, text=True,
                          check=True, timeout=120)
    assert done.stdout.strip() == "[]"
