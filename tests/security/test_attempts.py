"""Wrong passphrases slow the next try (0, 0, 1, 2, 4 … seconds, at most 30) and never lock anyone out; the
failures go into the audit log at the next success, and the counter starts again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from tests.conftest import PASSPHRASE
from xuncha_desktop import workspace as workspaces
from xuncha_desktop.db.models.audit import AuditEntry
from xuncha_desktop.errors import WrongPassphrase
from xuncha_desktop.security import attempts
from xuncha_desktop.security.roles import Role
from xuncha_desktop.workspace import Workspace

WANG = "梧桐 细雨 渡口 5531"


def test_the_wait_grows_and_is_capped() -> None:
    assert [attempts.delay_after(n) for n in range(9)] == [0, 0, 1, 2, 4, 8, 16, 30, 30]
    assert attempts.delay_after(1000) == 30


def test_the_wait_counts_from_the_last_failure(tmp_path: Path) -> None:
    now = [1000.0]
    counter = attempts.Attempts(tmp_path, clock=lambda: now[0])
    (tmp_path / "keys").mkdir()
    assert counter.wait_needed() == 0
    counter.record_failure("张伟")
    assert counter.wait_needed() == 0
    assert counter.record_failure("张伟") == 1
    assert counter.wait_needed() == 1
    now[0] += 0.25
    assert counter.wait_needed() == 0.75
    now[0] += 5
    assert counter.wait_needed() == 0  # waited long enough already: no further delay
    (tmp_path / attempts.FILE).write_text("not json", encoding="utf-8")
    assert counter.wait_needed() == 0  # a damaged counter never keeps anyone out


def test_wrong_passphrases_slow_down_then_the_right_one_opens_and_is_audited(workspace: Workspace) -> None:
    path = workspace.path
    workspace.close()
    waits: list[float] = []
    for _ in range(5):
        with pytest.raises(WrongPassphrase):
            Workspace.open(path, "不对的口令 wrong", sleep=waits.append)
    # before the 1st and 2nd tries nothing; then 1, 2, 4 seconds (less the few milliseconds already past)
    assert len(waits) == 3 and [round(w) for w in waits] == [1, 2, 4]
    assert all(w <= expected for w, expected in zip(waits, [1, 2, 4], strict=True))
    counter = json.loads((path / attempts.FILE).read_text(encoding="utf-8"))
    assert counter["count"] == 5 and {f["user"] for f in counter["recent"]} == {"张伟"}
    assert "不对的口令" not in (path / attempts.FILE).read_text(encoding="utf-8")
    with Workspace.open(path, PASSPHRASE, sleep=waits.append) as ws, ws.session() as session:
        assert round(waits[-1]) == 8  # the right passphrase waits too, and then opens: no lock-out
        entries = session.scalars(select(AuditEntry).where(AuditEntry.action == "passphrase_failures")).all()
        assert len(entries) == 1 and entries[0].actor == "张伟"
        detail = entries[0].detail or ""
        assert detail.startswith("5 failed passphrase attempt(s)") and detail.count("张伟") == 5
    assert not (path / attempts.FILE).exists()  # the counter starts again
    waits.clear()
    with pytest.raises(WrongPassphrase):
        Workspace.open(path, "不对的口令 wrong", sleep=waits.append)
    assert waits == []


def test_many_failures_wait_at_most_30_seconds_and_never_lock_out(workspace: Workspace) -> None:
    path = workspace.path
    workspace.close()
    waits: list[float] = []
    for _ in range(12):
        with pytest.raises(WrongPassphrase):
            Workspace.open(path, "不对的口令 wrong", sleep=waits.append)
    Workspace.open(path, PASSPHRASE, sleep=waits.append).close()
    assert max(waits) <= 30 and round(waits[-1]) == 30


def test_names_tried_are_recorded_and_check_passphrase_waits_too(workspace: Workspace) -> None:
    workspaces.add_user(workspace, "王芳", Role.MEMBER, WANG)
    waits: list[float] = []
    for _ in range(3):
        with pytest.raises(WrongPassphrase):
            workspace.check_passphrase("不对的口令 wrong", sleep=waits.append)
    assert [round(w) for w in waits] == [1]
    path = workspace.path
    workspace.close()
    with pytest.raises(WrongPassphrase):
        Workspace.open(path, "不对的口令 wrong", user="王芳", sleep=waits.append)
    with Workspace.open(path, WANG, user="王芳", sleep=waits.append) as ws, ws.session() as session:
        detail = session.scalars(select(AuditEntry.detail).where(AuditEntry.action == "passphrase_failures")).one()
        assert detail is not None and detail.startswith("4 failed") and "张伟" in detail and "王芳" in detail
    # a success through check_passphrase audits and resets the same way
    with Workspace.open(path, WANG, user="王芳") as ws:
        with pytest.raises(WrongPassphrase):
            ws.check_passphrase("不对的口令 wrong", sleep=waits.append)
        ws.check_passphrase(WANG, sleep=waits.append)
        assert not (path / attempts.FILE).exists()
        with ws.session() as session:
            found = session.scalars(select(AuditEntry.detail).where(AuditEntry.action == "passphrase_failures"))
            assert len(found.all()) == 2
