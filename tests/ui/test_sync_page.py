"""The 同步 page: two workspaces that trust each other exchange packages through the page and settle conflicts."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE, _frame
from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.services import sync
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.sync.dump import canonical_dump
from xuncha_desktop.ui import sync_dialogs, sync_page
from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.ui.sync_dialogs import ExportDialog, ImportDialog
from xuncha_desktop.ui.sync_page import SyncPage
from xuncha_desktop.ui.text_diff import diff_spans
from xuncha_desktop.workspace import Workspace

TEXT_A = "问：请介绍不动产登记办证情况。答：存在积压，约三百件。"
TEXT_B = "问：请介绍不动产登记办证情况。答：存在积压，已于九月清理完毕。"


class Messages:
    """Stands in for QMessageBox.information / warning: remembers (kind, title, text)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[tuple[str, str, str]] = []
        for kind in ("information", "warning"):
            monkeypatch.setattr(QMessageBox, kind, staticmethod(self._recorder(kind)))

    def _recorder(self, kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def show(_parent: Any, title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
            self.shown.append((kind, title, text))
            return QMessageBox.StandardButton.Ok
        return show

    def last(self, kind: str) -> str:
        found = [text for k, _title, text in self.shown if k == kind]
        assert found, self.shown
        return found[-1]


def _keyfile(ws: Workspace, folder: Path) -> Path:
    path = folder / f"{ws.info.device_name}.json"
    path.write_text(json.dumps(ws.public_keys, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Workspace, Workspace]]:
    a = Workspace.create(tmp_path / "a", "笔记本A", PASSPHRASE, kdf=KdfParams.cheap(), user_name="张伟")
    b = Workspace.create(tmp_path / "b", "笔记本B", PASSPHRASE, kdf=KdfParams.cheap(), user_name="钱敏")
    keys = tmp_path / "keys"
    keys.mkdir()
    for ws, other in ((a, b), (b, a)):
        with ws.transaction() as session:
            sync.trust(session, ws, _keyfile(other, keys))
    yield a, b
    a.close()
    b.close()


def _shared_interview(a: Workspace, b: Workspace, folder: Path) -> str:
    """An interview made on A and brought to B (through the services), so both can edit it."""
    with a.transaction() as s:
        ids = _frame(s, KINDS)
        record = KINDS["interview"].create(s, {
            "unit_id": ids["unit"], "round_id": ids["round"], "interviewee_name": "李明", "kind": "required",
            "interviewee_category": "principal", "started_at": "2020-09-15T09:30", "interviewers": ["赵刚", "钱敏"],
            "record_text": "问：请介绍不动产登记办证情况。答：存在积压。"})
        interview = str(record.id)
    sync.export(a, folder / "first.xcpkg", _keyfile(b, folder))
    sync.import_(b, folder / "first.xcpkg")
    return interview


def _edit(ws: Workspace, interview: str, text: str) -> None:
    with ws.transaction() as s:
        KINDS["interview"].update(s, interview, {"record_text": text})


def _digest(ws: Workspace) -> str:
    with ws.transaction() as s:
        return hashlib.sha256(json.dumps(canonical_dump(s), ensure_ascii=False, sort_keys=True).encode()).hexdigest()


def _fill_export(monkeypatch: pytest.MonkeyPatch, out: Path, to: str | None = None, passphrase: str | None = None,
                 again: str | None = None) -> None:
    def fake_exec(dialog: ExportDialog) -> int:
        if to is not None:
            dialog.to_device.setChecked(True)
            dialog.device_box.setCurrentIndex(dialog.device_box.findData(to))
        else:
            dialog.with_passphrase.setChecked(True)
            dialog.passphrase.setText(passphrase or "")
            dialog.again.setText(passphrase if again is None else again)
        dialog.out.setText(str(out))
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ExportDialog, "exec", fake_exec)


def _fill_import(monkeypatch: pytest.MonkeyPatch, path: Path, passphrase: str | None = None,
                 dry_run: bool = False) -> None:
    def fake_exec(dialog: ImportDialog) -> int:
        dialog.path.setText(str(path))
        dialog.passphrase.setText(passphrase or "")
        dialog.dry_run.setChecked(dry_run)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ImportDialog, "exec", fake_exec)


def _page(qtbot: QtBot, ws: Workspace) -> SyncPage:
    page = SyncPage(Controller(ws, "zh").sync)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.mark.parametrize("incoming_is_newer", [True, False], ids=["incoming-newer", "local-newer"])
def test_conflict_travels_through_the_page_and_is_settled_with_the_incoming_version(
        qtbot: QtBot, pair: tuple[Workspace, Workspace], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        incoming_is_newer: bool) -> None:
    a, b = pair
    interview = _shared_interview(a, b, tmp_path)
    # Both edit the same field; which one is in force after the import depends on the clock, and the
    # page's 采用导入 must mean the version that came in the package either way.
    if incoming_is_newer:
        _edit(b, interview, TEXT_B)
        _edit(a, interview, TEXT_A)
    else:
        _edit(a, interview, TEXT_A)
        _edit(b, interview, TEXT_B)
    messages = Messages(monkeypatch)

    page_a = _page(qtbot, a)
    assert page_a.trusted_model.rowCount() == 1
    out = tmp_path / "A-to-B.xcpkg"
    _fill_export(monkeypatch, out, to=str(b.info.device_id))
    exported = page_a.export_package()
    assert exported is not None and out.is_file()
    assert "同步包已保存" in messages.last("information")
    assert page_a.history_model.rowCount() == 2  # the first package (services) and this one
    assert page_a.history_model.data(page_a.history_model.index(0, 0)) == "发出"

    page_b = _page(qtbot, b)
    assert page_b.conflict_model.rowCount() == 0
    changed: list[bool] = []
    page_b.data_changed.connect(lambda: changed.append(True))
    _fill_import(monkeypatch, out)
    summary = page_b.import_package()
    assert summary is not None and summary["conflicts"] == 1 and changed
    text = messages.last("information")
    assert "已导入来自“笔记本A”的同步包。" in text
    assert "冲突：1 处" in text and "证据文件：新增 0 个" in text
    # the record changes here only when the incoming edit is the newer one
    assert ("更新记录：1" if incoming_is_newer else "未变记录：1") in text

    # the conflict: kind, record, field in Chinese; both versions side by side with the differences marked
    assert page_b.conflict_model.rowCount() == 1
    assert page_b.tabs.tabText(0) == "待处理的冲突（1）"
    cells = [page_b.conflict_model.data(page_b.conflict_model.index(0, c)) for c in range(5)]
    assert cells[0] == "个别谈话" and cells[1].startswith("李明") and cells[2] == "谈话记录"
    page_b.conflict_view.selectRow(0)
    assert page_b.here_text.toPlainText() == TEXT_B
    assert page_b.incoming_text.toPlainText() == TEXT_A
    assert page_b.here_label.text() == "本机版本（笔记本B）"
    assert page_b.incoming_label.text() == "导入版本（笔记本A）"
    here_spans, incoming_spans = page_b.diff
    assert [TEXT_B[s:e] for s, e in here_spans] and [TEXT_A[s:e] for s, e in incoming_spans]
    assert all("问：请介绍" not in TEXT_B[s:e] for s, e in here_spans)  # the shared sentence is not marked
    assert page_b.here_text.isReadOnly() and page_b.edit_button.isEnabled()

    QTest.mouseClick(page_b.keep_incoming_button, Qt.MouseButton.LeftButton)
    with b.transaction() as s:
        assert KINDS["interview"].get(s, interview).record_text == TEXT_A
        assert sync.conflicts(s) == []
        settled = sync.conflicts(s, include_settled=True)
        assert [c.state for c in settled] == ["settled"]
    assert page_b.conflict_model.rowCount() == 0
    assert page_b.tabs.tabText(0) == "待处理的冲突（0）"
    assert not page_b.keep_incoming_button.isEnabled()


def test_keep_here_and_edit_then_save(qtbot: QtBot, pair: tuple[Workspace, Workspace], tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = pair
    interview = _shared_interview(a, b, tmp_path)
    _edit(a, interview, TEXT_A)
    _edit(b, interview, TEXT_B)
    sync.export(a, tmp_path / "p.xcpkg", _keyfile(b, tmp_path))
    sync.import_(b, tmp_path / "p.xcpkg")
    page = _page(qtbot, b)
    page.conflict_view.selectRow(0)
    merged = "问：请介绍不动产登记办证情况。答：存在积压约三百件，已于九月清理完毕。"

    def fake_exec(dialog: sync_dialogs.EditValueDialog) -> int:
        assert dialog.text() == TEXT_B  # starts from this device's version
        dialog.edit.setPlainText(merged)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(sync_dialogs.EditValueDialog, "exec", fake_exec)
    QTest.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    with b.transaction() as s:
        assert KINDS["interview"].get(s, interview).record_text == merged
        assert sync.conflicts(s) == []
    # the settling change travels: A takes the merged text and has no conflict either
    sync.export(b, tmp_path / "back.xcpkg", _keyfile(a, tmp_path))
    sync.import_(a, tmp_path / "back.xcpkg")
    with a.transaction() as s:
        assert KINDS["interview"].get(s, interview).record_text == merged
        assert sync.conflicts(s) == []


def test_wrong_package_passphrase_shows_the_chinese_refusal_and_changes_nothing(
        qtbot: QtBot, pair: tuple[Workspace, Workspace], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = pair
    interview = _shared_interview(a, b, tmp_path)
    _edit(a, interview, TEXT_A)
    messages = Messages(monkeypatch)
    page_a = _page(qtbot, a)
    out = tmp_path / "with-passphrase.xcpkg"
    _fill_export(monkeypatch, out, passphrase="交换口令 青瓦 2187", again="交换口令 青瓦 2188")
    assert page_a.export_package() is None and not out.exists()  # the two passphrases differ: not accepted
    _fill_export(monkeypatch, out, passphrase="交换口令 青瓦 2187")
    assert page_a.export_package() is not None and out.is_file()

    page_b = _page(qtbot, b)
    before = _digest(b)
    _fill_import(monkeypatch, out, passphrase="错误的口令")
    assert page_b.import_package() is None
    refusal = messages.last("warning")
    assert "无法解密同步包" in refusal and "口令不正确" in refusal and "未作任何改动" in refusal
    assert _digest(b) == before
    assert page_b.history_model.rowCount() == 1  # only the first package: the refused one is not received
    with b.transaction() as s:
        assert KINDS["interview"].get(s, interview).record_text != TEXT_A

    # without a passphrase: the window's own hint; with the right one: a dry run changes nothing, then import
    _fill_import(monkeypatch, out)
    assert page_b.import_package() is None
    assert "请在“同步包口令”中输入口令" in messages.last("warning")
    _fill_import(monkeypatch, out, passphrase="交换口令 青瓦 2187", dry_run=True)
    checked = page_b.import_package()
    assert checked is not None and checked["dry_run"] and "仅检查" in messages.last("information")
    assert _digest(b) == before
    _fill_import(monkeypatch, out, passphrase="交换口令 青瓦 2187")
    assert page_b.import_package() is not None
    with b.transaction() as s:
        assert KINDS["interview"].get(s, interview).record_text == TEXT_A
    assert page_b.history_model.data(page_b.history_model.index(0, 1)) == "笔记本A"


def test_cancelled_export_leaves_no_file(qtbot: QtBot, pair: tuple[Workspace, Workspace], tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    a, b = pair
    _shared_interview(a, b, tmp_path)
    page = _page(qtbot, a)
    out = tmp_path / "cancelled.xcpkg"
    _fill_export(monkeypatch, out, to=str(b.info.device_id))

    def cancelled_job(_parent: Any, _label: str, job: Any) -> Any:
        job.cancel()  # Cancel pressed at once
        job.run()
        return job

    monkeypatch.setattr(sync_page, "run_job", cancelled_job)
    assert page.export_package() is None
    assert not out.exists() and list(tmp_path.glob("cancelled*")) == []
    assert page.status.text() == "已取消导出，未生成文件。"


def test_keys_export_and_trust(qtbot: QtBot, workspace: Workspace, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    other = Workspace.create(tmp_path / "office", "办公室", PASSPHRASE, kdf=KdfParams.cheap())
    try:
        messages = Messages(monkeypatch)
        page = _page(qtbot, workspace)
        name, device_id = page.findChild(QLineEdit, "own_name"), page.findChild(QLineEdit, "own_id")
        assert name is not None and name.text() == "第六巡察组-笔记本1"
        assert device_id is not None and device_id.text() == str(workspace.info.device_id)
        out = tmp_path / "mine.json"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
        assert page.export_public_key() == out
        assert json.loads(out.read_text(encoding="utf-8"))["device_id"] == str(workspace.info.device_id)

        office_key = _keyfile(other, tmp_path)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(office_key), "")))
        office_number = sync.own_keys(other).fingerprint
        own = page.findChild(QLineEdit, "own_fingerprint")
        assert own is not None and own.text() == sync.own_keys(workspace).fingerprint
        # The safety number is asked about first; Enter answers 不一致 (the default), so nothing is trusted.
        shown: list[str] = []

        def answer(press: str) -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox) and box.objectName() == "confirm_fingerprint"
            shown.append(box.informativeText())
            if press == "enter":
                qtbot.keyClick(box, Qt.Key.Key_Return)
            else:
                (same,) = [b for b in box.buttons() if b.text() == "一致，信任"]
                same.click()

        QTimer.singleShot(0, lambda: answer("enter"))
        assert page.trust_device() is None
        assert office_number in shown[-1] and page.trusted_model.rowCount() == 0
        QTimer.singleShot(0, lambda: answer("same"))
        device = page.trust_device()
        assert device is not None and device.name == "办公室"
        assert page.trusted_model.data(page.trusted_model.index(0, 1)) == office_number
        assert messages.last("information") == f"已信任设备“办公室”（{other.info.device_id}）。"
        assert page.trusted_model.rowCount() == 1
        assert page.trusted_model.data(page.trusted_model.index(0, 0)) == "办公室"
        # its own key is refused, in Chinese
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(out), "")))
        QTimer.singleShot(0, lambda: answer("same"))
        assert page.trust_device() is None
        assert messages.last("warning") == "这是本设备自己的公钥，无需信任。"
    finally:
        other.close()


def test_diff_spans_mark_only_what_differs() -> None:
    a, b = "第一句相同。第二句不同甲。第三句相同。", "第一句相同。第二句不同乙。第三句相同。新增一句。"
    spans_a, spans_b = diff_spans(a, b)
    assert [a[s:e] for s, e in spans_a] == ["甲"]
    assert [b[s:e] for s, e in spans_b] == ["乙", "新增一句。"]
    assert diff_spans("", "全新") == ([], [(0, 2)])


def test_trusting_the_office_marks_it_so_identities_are_sealed_to_it(
        qtbot: QtBot, workspace: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QCheckBox

    from xuncha_desktop.db.models.sync import SyncDevice

    other = Workspace.create(tmp_path / "office", "办公室", PASSPHRASE, kdf=KdfParams.cheap())
    try:
        office_key = tmp_path / "办公室.json"
        office_key.write_text(json.dumps(sync.keyfile_document(other), ensure_ascii=False), encoding="utf-8")
        Messages(monkeypatch)
        page = _page(qtbot, workspace)
        monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(office_key), "")))
        offered: list[str] = []

        def answer() -> None:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox) and box.objectName() == "confirm_fingerprint"
            mark = box.checkBox()
            assert isinstance(mark, QCheckBox)
            offered.append(mark.text())
            mark.setChecked(True)
            (same,) = [b for b in box.buttons() if b.text() == "一致，信任"]
            same.click()

        QTimer.singleShot(0, answer)
        assert page.trust_device() is not None
        assert offered == ["这是巡察办的设备：登记的信访人身份也加密给它"]
        with workspace.session() as session:
            trusted = session.get(SyncDevice, other.info.device_id)
            assert trusted is not None and trusted.office and not trusted.reads_identities
    finally:
        other.close()
