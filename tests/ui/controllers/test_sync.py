"""The sync controller without Qt: keys, trust, export and import jobs, history, conflicts settled."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, _frame
from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.ui.controllers.sync import ExportChoice, ExportJob, ImportChoice, ImportJob, SyncController
from xuncha_desktop.workspace import Workspace


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[SyncController, SyncController, Workspace, Workspace]]:
    a = Workspace.create(tmp_path / "a", "笔记本A", PASSPHRASE, kdf=KdfParams.cheap(), user_name="张伟")
    b = Workspace.create(tmp_path / "b", "笔记本B", PASSPHRASE, kdf=KdfParams.cheap(), user_name="钱敏")
    yield Controller(a).sync, Controller(b).sync, a, b
    a.close()
    b.close()


def _trust_each_other(one: SyncController, other: SyncController, folder: Path) -> None:
    for me, them in ((one, other), (other, one)):
        key = folder / f"{them.own_device().name}.json"
        them.export_public(key)
        device, new = me.trust(key)
        assert new and device.id == them.own_device().id


def _send(sender: SyncController, receiver: SyncController, out: Path) -> dict[str, object]:
    export = ExportJob(sender, ExportChoice(out, receiver.own_device().id, None, everything=False))
    export.run()
    assert export.ok, export.error
    imported = ImportJob(receiver, ImportChoice(out, None, dry_run=False))
    imported.run()
    assert imported.ok, imported.error
    return imported.result


def test_export_import_history_and_a_settled_conflict(pair: tuple[SyncController, SyncController, Workspace,
                                                                  Workspace], tmp_path: Path) -> None:
    one, other, a, b = pair
    _trust_each_other(one, other, tmp_path)
    assert [d.name for d in one.trusted()] == ["笔记本B"]
    with a.transaction() as s:
        ids = _frame(s, KINDS)
        interview = str(KINDS["interview"].create(s, {
            "unit_id": ids["unit"], "round_id": ids["round"], "interviewee_name": "李明", "kind": "required",
            "interviewee_category": "principal", "started_at": "2020-09-15T09:30", "interviewers": ["赵刚", "钱敏"],
            "record_text": "答：存在积压。"}).id)
    summary = _send(one, other, tmp_path / "1.xcpkg")
    assert summary["records_added"] and not summary["conflicts"]
    for ws, text in ((a, "答：已清理一半。"), (b, "答：已全部清理。")):
        with ws.transaction() as s:
            KINDS["interview"].update(s, interview, {"record_text": text})
    summary = _send(one, other, tmp_path / "2.xcpkg")
    assert summary["conflicts"] == 1
    assert [(p.direction, p.file_name) for p in other.history()] == [("received", "2.xcpkg"), ("received", "1.xcpkg")]
    [conflict] = other.conflicts()
    assert (conflict.kind, conflict.field, conflict.title) == ("interview", "record_text", "李明 2020-09-15 09:30")
    assert (conflict.here_text, conflict.incoming_text) == ("答：已全部清理。", "答：已清理一半。")
    assert conflict.editable and conflict.here_device == "笔记本B" and conflict.incoming_device == "笔记本A"
    other.settle_with(conflict, "答：已清理一半，余下九月完成。")
    assert other.conflicts() == []
    with b.session() as s:
        assert KINDS["interview"].get(s, interview).record_text == "答：已清理一半，余下九月完成。"


def test_a_cancelled_export_leaves_no_file(pair: tuple[SyncController, SyncController, Workspace, Workspace],
                                           tmp_path: Path) -> None:
    one, _other, _a, _b = pair
    out = tmp_path / "cancelled.xcpkg"
    job = ExportJob(one, ExportChoice(out, None, "交换口令 青瓦 2187", everything=True))
    job.cancel()
    job.run()
    assert job.was_cancelled and list(tmp_path.glob("*cancelled*")) == []
