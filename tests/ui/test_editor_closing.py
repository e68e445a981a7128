"""Closing a record's form with unsaved changes asks 保存 / 不保存 / 取消, and does what was chosen."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.ui.editor import RecordEditor
from xuncha_desktop.ui.interview_editor import InterviewEditor
from xuncha_desktop.ui.main_window import MainWindow
from xuncha_desktop.workspace import Workspace

from .typing import type_text


def _problem(workspace: Workspace, ids: dict[str, str], statement: str = "公车管理混乱") -> str:
    with workspace.transaction() as session:
        return str(KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                                     "category": "strict_governance", "statement": statement}).id)


def _statement(workspace: Workspace, problem_id: str) -> str:
    with workspace.session() as session:
        return str(KINDS["problem"].get(session, problem_id).statement)


def _open(qtbot: QtBot, window: MainWindow, kind: str, record_id: str) -> RecordEditor:
    editor = window.open_record(kind, record_id)
    qtbot.waitExposed(editor)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    return editor


def _edit(editor: RecordEditor, text: str) -> None:
    box = editor.widgets["statement"].input
    assert isinstance(box, QPlainTextEdit)
    box.setFocus()
    box.moveCursor(box.textCursor().MoveOperation.End)
    type_text(box, text)


def _answer(qtbot: QtBot, editor: RecordEditor, button_text: str) -> str:
    """Clicks ``button_text`` in the form's open question; returns the question's text."""
    box = editor.unsaved_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.windowModality() == Qt.WindowModality.WindowModal
    assert sorted(b.text() for b in box.buttons()) == sorted(["保存", "不保存", "取消"])
    text = box.text()
    [button] = [b for b in box.buttons() if b.text() == button_text]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    return str(text)


def test_no_question_when_nothing_changed(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                          ids: dict[str, str]) -> None:
    editor = _open(qtbot, window, "problem", _problem(workspace, ids))
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert editor.unsaved_box is None and editor not in window.editors
    # a new form with only its defaults filled in is no change either
    new = window.new_record("problem", {"unit_id": ids["unit"]})
    assert not new.has_unsaved_changes()
    assert new.close()
    assert new.unsaved_box is None and new not in window.editors


def test_escape_then_cancel_keeps_the_form_then_discard_drops_the_edit(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, ids: dict[str, str]) -> None:
    problem_id = _problem(workspace, ids)
    editor = _open(qtbot, window, "problem", problem_id)
    _edit(editor, "，长期未整改")
    qtbot.keyClick(editor.widgets["statement"].input, Qt.Key.Key_Escape)
    assert "未保存的修改" in _answer(qtbot, editor, "取消")
    assert editor.isVisible() and editor in window.editors and editor.unsaved_box is None
    assert editor.widgets["statement"].value() == "公车管理混乱，长期未整改"
    # Esc in the question is 取消 as well
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    box = editor.unsaved_box
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert editor.isVisible() and editor.unsaved_box is None
    # the 关闭 button asks the same; 不保存 closes and the database keeps the old text
    [close] = [b for b in editor.buttons.buttons() if b.text() == "关闭"]
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    _answer(qtbot, editor, "不保存")
    assert editor not in window.editors
    assert _statement(workspace, problem_id) == "公车管理混乱"


def test_closing_the_window_and_choosing_save_saves(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                                    ids: dict[str, str]) -> None:
    problem_id = _problem(workspace, ids)
    editor = _open(qtbot, window, "problem", problem_id)
    _edit(editor, "，长期未整改")
    assert not editor.close()  # the window's close button: the question is open, the form too
    _answer(qtbot, editor, "保存")
    assert _statement(workspace, problem_id) == "公车管理混乱，长期未整改"
    assert editor not in window.editors
    problems = window.list_of("problem").model
    assert problems.data(problems.index(0, 2)) == "公车管理混乱，长期未整改"


def test_save_refused_keeps_the_form_open(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                          ids: dict[str, str]) -> None:
    problem_id = _problem(workspace, ids)
    editor = _open(qtbot, window, "problem", problem_id)
    statement = editor.widgets["statement"].input
    assert isinstance(statement, QPlainTextEdit)
    statement.clear()  # the statement is required: the service refuses
    assert not editor.close()
    _answer(qtbot, editor, "保存")
    assert editor.isVisible() and editor.widgets["statement"].error.isVisible()
    assert _statement(workspace, problem_id) == "公车管理混乱"
    assert not editor.close()
    _answer(qtbot, editor, "不保存")
    assert editor not in window.editors


def test_main_window_waits_for_the_forms_and_stays_when_one_is_kept(qtbot: QtBot, window: MainWindow,
                                                                    workspace: Workspace,
                                                                    ids: dict[str, str]) -> None:
    editor = _open(qtbot, window, "problem", _problem(workspace, ids))
    _edit(editor, "（待核实）")
    assert not window.close()
    _answer(qtbot, editor, "取消")
    qtbot.wait(20)
    assert window.isVisible() and editor.isVisible()
    # closing again and answering 不保存 closes the form, then the window
    assert not window.close()
    _answer(qtbot, editor, "不保存")
    qtbot.waitUntil(lambda: not window.isVisible())
    assert window.editors == []


def test_an_interview_draft_goes_with_discard_and_stays_with_cancel(qtbot: QtBot, window: MainWindow,
                                                                    ids: dict[str, str]) -> None:
    editor = window.new_record("interview", {"unit_id": ids["unit"]})
    assert isinstance(editor, InterviewEditor)
    qtbot.waitExposed(editor)
    assert not editor.has_unsaved_changes()  # the start time it fills in is not the person's change
    type_text(editor.widgets["interviewee_name"].input, "李明")
    qtbot.waitUntil(lambda: window.drafts.keys() == [editor.draft_key])
    assert not editor.close()
    _answer(qtbot, editor, "取消")
    assert window.drafts.keys() == [editor.draft_key]
    assert not editor.close()
    _answer(qtbot, editor, "不保存")
    assert editor not in window.editors
    assert window.drafts.keys() == []
