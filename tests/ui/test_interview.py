"""The interview editor: autosaved encrypted drafts that survive a kill, restore, Ctrl+T, outlines, signing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QMessageBox
from pytestqt.qtbot import QtBot

from xuncha_desktop.drafts import DraftStore
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.ui.interview_editor import InterviewEditor
from xuncha_desktop.ui.main_window import MainWindow
from xuncha_desktop.workspace import Workspace

from ..conftest import PASSPHRASE
from . import interview_child
from .typing import type_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_draft_survives_a_kill_while_typing(workspace: Workspace, ids: dict[str, str]) -> None:
    key = "new-interview-crash-test"
    workspace.close()  # the child is the one program using it (one workspace, one process)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-m", "tests.ui.interview_child", str(workspace.path), PASSPHRASE,
                              ids["unit"], key], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    typed_at: list[float] = []
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        while len(typed_at) < 90:  # about two seconds of steady typing
            line = child.stdout.readline()
            assert line, child.stderr.read() if child.stderr else ""
            typed_at.append(float(line.split()[1]))
        killed_at = time.monotonic()
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(10)
    assert child.returncode == -signal.SIGKILL
    with Workspace.open(workspace.path, PASSPHRASE) as reopened:  # the lock died with the child
        draft = DraftStore(reopened).load(key)
    assert draft is not None
    saved = draft["values"]["record_text"]
    typed_before = sum(1 for at in typed_at if at <= killed_at - 1.0)
    assert interview_child.TEXT.startswith(saved)
    assert len(saved) >= typed_before, (len(saved), typed_before)
    # nothing is stored in plain text
    raw = (workspace.path / "drafts" / f"{key}.draft").read_bytes()
    assert "八项规定".encode() not in raw and json.loads(raw)["cipher"] == "aes-256-gcm"


def test_draft_restored_on_next_start_and_dropped_on_save(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                                          ids: dict[str, str]) -> None:
    editor = window.new_record("interview", {"unit_id": ids["unit"]})
    assert isinstance(editor, InterviewEditor)
    type_text(editor.widgets["interviewee_name"].input, "刘洋")
    type_text(editor.text, "问：工作情况？")
    qtbot.waitUntil(lambda: window.drafts.keys() == [editor.draft_key], timeout=2000)
    qtbot.waitUntil(lambda: (window.drafts.load(editor.draft_key) or {}).get("values", {}).get("record_text")
                    == "问：工作情况？", timeout=2000)
    key = editor.draft_key
    editor.timer.stop()
    editor.deleteLater()  # as if the process had died: the draft stays
    window.editors.remove(editor)

    restored = window.restore_drafts(ask=False)
    assert len(restored) == 1
    again = restored[0]
    assert isinstance(again, InterviewEditor) and again.draft_key == key
    assert again.text.toPlainText() == "问：工作情况？"
    assert again.widgets["interviewee_name"].value() == "刘洋"
    assert again.banner.isVisible() and "已恢复" in again.banner.text()
    # finish the record and save it: the draft goes away, the database holds the text
    type_text(again.widgets["interviewers"].input, "赵刚、钱敏")
    category, started_at = again.widgets["interviewee_category"].input, again.widgets["started_at"].input
    assert isinstance(category, QComboBox) and isinstance(started_at, QDateTimeEdit)
    category.setCurrentIndex(1)
    started_at.setDateTime(QDateTime(QDate(2020, 9, 16), QTime(15, 0)))
    assert again.save(), again.message.text()
    assert window.drafts.keys() == []
    with workspace.session() as session:
        assert again.record_id is not None
        record = KINDS["interview"].get(session, again.record_id)
        assert record.record_text == "问：工作情况？" and record.interviewee_name == "刘洋"


def test_ctrl_t_outline_and_signing(qtbot: QtBot, window: MainWindow, workspace: Workspace, ids: dict[str, str],
                                    tmp_path: Path) -> None:
    with workspace.transaction() as session:
        record = KINDS["interview"].create(session, {
            "unit_id": ids["unit"], "interviewee_name": "陈静", "interviewee_category": "principal",
            "started_at": "2020-09-15T09:30", "interviewers": ["赵刚", "钱敏"]})
        record_id = str(record.id)
    editor = window.open_record("interview", record_id)
    assert isinstance(editor, InterviewEditor)
    editor.activateWindow()
    qtbot.waitActive(editor)
    editor.text.setFocus()
    qtbot.keyClick(editor.text, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert editor.text.toPlainText().startswith("[") and editor.text.toPlainText()[3] == ":"
    editor.insert_outline("principal")
    assert "问1：本单位贯彻落实党的路线方针政策" in editor.text.toPlainText()
    assert editor.widgets["outline"].value() == "主要负责人谈话提纲"
    scan = tmp_path / "签字件.pdf"
    scan.write_bytes(b"%PDF-1.4 signed scan")
    assert editor.sign(scan), editor.message.text()
    assert editor.text.isReadOnly()
    assert not editor.sign_button.isEnabled()
    with workspace.session() as session:
        from xuncha_desktop.services import links

        stored = KINDS["interview"].get(session, record_id)
        assert stored.signed and "问1：" in stored.record_text
        assert len(links.linked_ids(session, "interview", stored.id, "evidence")) == 1


def test_an_untouched_form_leaves_no_draft(qtbot: QtBot, window: MainWindow, ids: dict[str, str]) -> None:
    editor = window.new_record("interview", {"unit_id": ids["unit"]})
    assert isinstance(editor, InterviewEditor)
    assert editor.widgets["started_at"].value() is not None  # starts now, on site
    # Let the autosave timer run out for real, rather than sleeping past it: the draft is written, or not,
    # in the slot that its timeout runs.
    with qtbot.assertNotEmitted(editor.draft_saved), qtbot.waitSignal(editor.timer.timeout, timeout=2000):
        editor.timer.start()
    editor.reject()
    assert window.drafts.keys() == []


def _fill_required(editor: InterviewEditor) -> None:
    type_text(editor.widgets["interviewee_name"].input, "刘洋")
    type_text(editor.widgets["interviewers"].input, "赵刚、钱敏")
    category, started_at = editor.widgets["interviewee_category"].input, editor.widgets["started_at"].input
    assert isinstance(category, QComboBox) and isinstance(started_at, QDateTimeEdit)
    category.setCurrentIndex(1)
    started_at.setDateTime(QDateTime(QDate(2020, 9, 16), QTime(15, 0)))


def test_a_saved_or_discarded_interview_leaves_no_draft(qtbot: QtBot, window: MainWindow,
                                                        ids: dict[str, str]) -> None:
    """A draft exists only while there are unsaved changes: after 保存 and 关闭 (the trap: a draft was left,
    and every start asked about it) and after 不保存, none is left; closing with changes keeps one until
    the question is answered."""
    editor = window.new_record("interview", {"unit_id": ids["unit"]})
    assert isinstance(editor, InterviewEditor)
    _fill_required(editor)
    type_text(editor.text, "问：工作情况？答：正常。")
    qtbot.waitUntil(lambda: window.drafts.keys() == [editor.draft_key], timeout=2000)
    assert editor.save(), editor.message.text()
    assert window.drafts.keys() == []
    editor.text.setFocus()  # moving about a saved form is no change
    editor.reject()
    assert not editor.isVisible() and window.drafts.keys() == []
    # an edit, then 关闭 → 不保存: the draft written while asking is dropped with the answer
    record_id = editor.record_id
    assert record_id is not None
    again = window.open_record("interview", record_id)
    assert isinstance(again, InterviewEditor)
    type_text(again.text, "问：工作情况？答：补充一句。")
    again.reject()
    box = again.unsaved_box
    assert box is not None and window.drafts.keys() == [again.draft_key]
    box.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not again.isVisible())
    assert window.drafts.keys() == []
    assert window.restore_drafts(ask=False) == []


def test_closing_a_restored_draft_asks_instead_of_dropping_it(qtbot: QtBot, window: MainWindow,
                                                              ids: dict[str, str]) -> None:
    editor = window.new_record("interview", {"unit_id": ids["unit"]})
    assert isinstance(editor, InterviewEditor)
    type_text(editor.text, "问：工作情况？")
    qtbot.waitUntil(lambda: window.drafts.keys() == [editor.draft_key], timeout=2000)
    editor.timer.stop()
    editor.deleteLater()  # as if the process had died
    window.editors.remove(editor)
    (restored,) = window.restore_drafts(ask=False)
    assert isinstance(restored, InterviewEditor)
    restored.reject()  # nothing typed since: still unsaved work, so the question comes, and the draft stays
    assert restored.unsaved_box is not None and window.drafts.keys() == [restored.draft_key]
    restored.unsaved_box.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not restored.isVisible())
    assert window.drafts.keys() == []


def test_the_record_takes_the_height_and_the_keyboard_stays_in_it(qtbot: QtBot, window: MainWindow,
                                                                   workspace: Workspace, ids: dict[str, str]) -> None:
    with workspace.transaction() as session:
        record = KINDS["interview"].create(session, {
            "unit_id": ids["unit"], "interviewee_name": "陈静", "interviewee_category": "principal",
            "interviewee_post": "局长", "started_at": "2020-09-15T09:30", "interviewers": ["赵刚", "钱敏"]})
    editor = window.open_record("interview", str(record.id))
    assert isinstance(editor, InterviewEditor)
    editor.resize(1100, 680)  # a 1366×768 laptop's editor
    editor.activateWindow()
    qtbot.waitActive(editor)
    # a filled header opens folded into one line; the record takes most of the editor's height
    assert editor.fold_button.isChecked() and not editor.header_scroll.isVisible()
    assert "陈静" in editor.summary.text() and "局长" in editor.summary.text()
    assert editor.text.height() > 0.6 * editor.height()
    assert editor.focusWidget() is editor.text  # typing goes on where it stopped
    # the keyboard never leaves the text: outline, next question, answer, time, fold
    editor.text.setFocus()
    editor.insert_outline("retired")
    qtbot.keyClick(editor.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    type_text(editor.text, "还有什么要反映？")
    qtbot.keyClick(editor.text, Qt.Key.Key_Return,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    type_text(editor.text, "没有了。")
    lines = editor.text.toPlainText().splitlines()
    assert lines[-2:] == ["问3：还有什么要反映？", "答：没有了。"]  # the outline had two questions
    qtbot.keyClick(editor.text, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not editor.fold_button.isChecked() and editor.header_scroll.isVisible()
    # a change in the header shows in the folded line
    editor.widgets["place"].set_value("驻点谈话室")
    assert "驻点谈话室" in editor.summary.text()
    assert editor.save()  # nothing left unsaved: the form closes without a question after the test


def test_a_new_interview_opens_with_its_header_unfolded(qtbot: QtBot, window: MainWindow,
                                                        ids: dict[str, str]) -> None:
    editor = window.new_record("interview", {"unit_id": ids["unit"]})
    assert isinstance(editor, InterviewEditor)
    assert not editor.fold_button.isChecked()
    editor.show()
    assert editor.header_scroll.isVisible()
