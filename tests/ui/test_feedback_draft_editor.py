"""反馈意见稿 in the window, driven by keys and clicks as a person would: reached from the 文书 menu (made
from the problems when the unit has none), the summary typed and saved with Ctrl+S, an item moved with
Ctrl+Down, two items merged, a problem split off, the leader's step; read-only once reviewed; fits 1366×768."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from xuncha_desktop.security.roles import Role, User
from xuncha_desktop.services import feedback_drafts as drafts
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.ui import feedback_draft_editor as editor
from xuncha_desktop.ui.feedback_draft_editor import FeedbackDraftDialog
from xuncha_desktop.ui.main_window import MainWindow
from xuncha_desktop.workspace import Workspace

STATEMENTS = [("line_policy", "履行推进法治建设第一责任人职责不到位，2019年被撤销5件。"),
              ("line_policy", "履行推进法治建设第一责任人职责不到位，2020年败诉3件。"),
              ("line_policy", "调查研究不深入，班子成员人均调研仅3次。"),
              ("line_policy", "政务公开工作不规范，门户网站栏目长期未更新。"),
              ("strict_governance", "公务用车管理不规范，2019年无派车单12次。")]


def make_problems(workspace: Workspace, ids: dict[str, str]) -> None:
    with workspace.transaction() as s:
        for number, (category, statement) in enumerate(STATEMENTS, 1):
            KINDS["problem"].create(s, {"round_id": ids["round"], "unit_id": ids["unit"], "number": f"{number:03d}",
                                        "category": category, "statement": statement, "in_feedback": True,
                                        "requirement": f"整改要求{number}。"})


def layout(workspace: Workspace, draft_id: str) -> list[list[str | None]]:
    with workspace.session() as s:
        return [[p.number for p in drafts.item_problems(s, i)] for i in drafts.items(s, draft_id)]


def open_from_menu(window: MainWindow, ids: dict[str, str], monkeypatch: pytest.MonkeyPatch,
                   qtbot: QtBot) -> FeedbackDraftDialog:
    picks = iter([ids["unit"], ""])  # the unit, then "its latest round"
    monkeypatch.setattr(window, "_choose", lambda *_args: next(picks))
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    assert window.feedback_draft_action.isEnabled()
    window.feedback_draft_action.trigger()
    dialog = window.findChild(FeedbackDraftDialog, "feedback_draft_dialog")
    assert dialog is not None and asked and "由列入反馈的问题生成" in asked[0]
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_edit_a_draft_by_keyboard(window: MainWindow, workspace: Workspace, ids: dict[str, str], qtbot: QtBot,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    make_problems(workspace, ids)
    dialog = open_from_menu(window, ids, monkeypatch, qtbot)
    draft_id = dialog.draft.id
    assert layout(workspace, draft_id) == [["001", "002"], ["003"], ["004"], ["005"]]
    # fits a 1366×768 laptop (728 pixels of height below the task bar, the frame around it)
    hint = dialog.minimumSizeHint()
    assert hint.width() <= 1366 - 16 and hint.height() <= 728 - 48
    assert dialog.width() <= editor.WIDTH <= 1366 - 16 and dialog.height() <= editor.HEIGHT <= 728 - 48
    assert dialog.items.count() == 4 and dialog.problems.count() == 2
    assert dialog.summary.toPlainText() == "履行推进法治建设第一责任人职责不到位。"

    # the summary rewritten, saved with Ctrl+S
    dialog.summary.setFocus()
    dialog.summary.selectAll()
    dialog.summary.insertPlainText("法治建设第一责任人职责落实不到位。")  # typed through an input method
    qtbot.keyClick(dialog.summary, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    with workspace.session() as s:
        assert drafts.items(s, draft_id)[0].summary == "法治建设第一责任人职责落实不到位。"

    # the first item down, twice, with Ctrl+Down; the list keeps it current
    dialog.items.setFocus()
    dialog.items.setCurrentRow(0)
    qtbot.keyClick(dialog.items, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.items, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert layout(workspace, draft_id) == [["003"], ["004"], ["001", "002"], ["005"]]
    assert dialog.items.currentRow() == 2 and not dialog.down_button.isEnabled()  # last of its category

    # a changed requirement is saved when moving to another item
    dialog.requirement.setPlainText("压实法治建设第一责任人职责。")
    dialog.items.setCurrentRow(0)
    qtbot.waitUntil(lambda: "压实" in (layout_requirement(workspace, draft_id, 2) or ""))

    # merge 003 and 004 (selected with the keyboard: Shift+Down extends the selection)
    dialog.items.setCurrentRow(0)
    qtbot.keyClick(dialog.items, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(dialog.items.selectedItems()) == 2
    qtbot.keyClick(dialog.items, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert layout(workspace, draft_id) == [["003", "004"], ["001", "002"], ["005"]]

    # split 002 off the item it shares with 001
    dialog.items.setCurrentRow(1)
    dialog.problems.setCurrentRow(1)
    dialog.split_button.click()
    assert layout(workspace, draft_id) == [["003", "004"], ["001"], ["002"], ["005"]]

    # merging across categories is refused with the reason, nothing changes
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: warned.append(text))
    dialog.items.clearSelection()
    for row in (2, 3):
        dialog.items.item(row).setSelected(True)
    dialog.merge_button.click()
    assert warned and "不同类别" in warned[0]
    assert layout(workspace, draft_id) == [["003", "004"], ["001"], ["002"], ["005"]]

    # the 总体评价 and documents reviewed, saved on closing
    dialog.assessment.setPlainText("巡察组认为，该局取得一定成效，但仍存在差距。")
    dialog.documents.setValue(268)
    dialog.close()
    with workspace.session() as s:
        record = drafts.service.get(s, draft_id)
        assert (record.assessment, record.documents_reviewed) == ("巡察组认为，该局取得一定成效，但仍存在差距。", 268)


def layout_requirement(workspace: Workspace, draft_id: str, index: int) -> str | None:
    with workspace.session() as s:
        return drafts.items(s, draft_id)[index].requirement


def test_steps_by_role_and_read_only_after_review(workspace: Workspace, ids: dict[str, str], qtbot: QtBot,
                                                  controller: Any) -> None:
    make_problems(workspace, ids)
    with workspace.transaction() as s:
        draft_id = str(drafts.create_from_problems(s, ids["unit"], ids["round"]).id)
    workspace.user = User("钱敏", Role.DEPUTY)
    dialog = FeedbackDraftDialog(controller.feedback_drafts, controller.feedback_drafts.view(draft_id))
    qtbot.addWidget(dialog)
    assert dialog.findChildren(QPushButton, "step_leader_reviewed") == []  # a deputy writes but does not review
    assert dialog.save_button.isEnabled()
    dialog.close()
    workspace.user = User("赵刚", Role.LEADER)
    dialog = FeedbackDraftDialog(controller.feedback_drafts, controller.feedback_drafts.view(draft_id))
    qtbot.addWidget(dialog)
    (review,) = dialog.findChildren(QPushButton, "step_leader_reviewed")
    assert review.text() == "组长审核通过"
    review.click()
    assert dialog.draft.status == "leader_reviewed" and "组长审核" in dialog.status_label.text()
    assert dialog.summary.isReadOnly() and not dialog.merge_button.isEnabled() and not dialog.save_button.isEnabled()
    steps = [b.text() for b in dialog.findChildren(QPushButton) if b.objectName().startswith("step_")]
    assert steps == ["退回起草"]
    dialog.close()
