"""A row dragged from a list onto an editor's linked-records panel becomes a link (the picker's service call)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QByteArray, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from xuncha_desktop.services import links
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.ui.main_window import MainWindow
from xuncha_desktop.ui.record_drag import RECORDS_MIME
from xuncha_desktop.workspace import Workspace


def _records(workspace: Workspace, ids: dict[str, str]) -> tuple[str, str]:
    with workspace.transaction() as session:
        clue = KINDS["clue"].create(session, {"unit_id": ids["unit"], "source_kind": "interview",
                                              "description": "公车私用", "number": "XS-007"})
        problem = KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                                    "category": "strict_governance", "statement": "公车管理混乱"})
        return str(clue.id), str(problem.id)


def _drop(target: QWidget, mime: QMimeData) -> tuple[bool, bool]:
    """Drags ``mime`` over the middle of ``target`` (a view's viewport) and drops it, as Qt delivers a drag;
    returns (accepted on entering, accepted on dropping)."""
    at = QPoint(target.width() // 2, target.height() // 2)
    actions = Qt.DropAction.CopyAction | Qt.DropAction.LinkAction
    try:
        enter = QDragEnterEvent(QPointF(at), actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    except TypeError:  # PySide6 6.9 (the glibc 2.31 build) has only the constructor taking a QPoint
        enter = QDragEnterEvent(at, actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    drop = QDropEvent(QPointF(at), Qt.DropAction.CopyAction | Qt.DropAction.LinkAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_dragging_a_clue_row_onto_a_problem_links_them(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                                       ids: dict[str, str]) -> None:
    clue_id, problem_id = _records(workspace, ids)
    editor = window.open_record("problem", problem_id)
    qtbot.waitExposed(editor)
    page = window.list_page("clue")
    page.refresh()
    page.select_record(clue_id)
    qtbot.waitUntil(lambda: bool(page.view.selected_records()))
    mime = page.view.drag_mime()  # what the list puts on a drag of the selected row
    assert mime is not None and mime.formats() == [RECORDS_MIME]
    assert _drop(editor.links_view.viewport(), mime) == (True, True)
    assert editor.links_model.rowCount() == 1
    assert editor.links_model.data(editor.links_model.index(0, 2)) == "XS-007"
    with workspace.session() as session:
        assert [str(i) for i in links.linked_ids(session, "problem", uuid.UUID(problem_id), "clue")] == [clue_id]
    # the other side shows it too
    clue_editor = window.open_record("clue", clue_id)
    assert clue_editor.links_model.data(clue_editor.links_model.index(0, 2)) == "公车管理混乱"
    clue_editor.close()
    editor.close()


def test_drops_that_cannot_be_links_are_refused(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                                ids: dict[str, str]) -> None:
    clue_id, problem_id = _records(workspace, ids)
    editor = window.open_record("problem", problem_id)
    qtbot.waitExposed(editor)
    # a round is no linkable kind for a problem
    rounds = window.list_page("round")
    rounds.select_record(ids["round"])
    mime = rounds.view.drag_mime()
    assert mime is not None
    assert _drop(editor.links_view.viewport(), mime) == (False, False)
    # anything that is not a drag of records, or is malformed, is ignored
    garbage = QMimeData()
    garbage.setData(RECORDS_MIME, QByteArray(b'[{"kind": "clue", "id": "../../etc"}, 7, "x"]'))
    assert _drop(editor.links_view.viewport(), garbage) == (False, False)
    text = QMimeData()
    text.setText(clue_id)
    assert _drop(editor.links_view.viewport(), text) == (False, False)
    assert editor.links_model.rowCount() == 0
    # a new, unsaved record has nothing to link to yet
    new = window.new_record("problem")
    clues = window.list_page("clue")
    clues.refresh()
    clues.select_record(clue_id)
    mime = clues.view.drag_mime()
    assert mime is not None
    assert _drop(new.links_view.viewport(), mime) == (False, False)
    with workspace.session() as session:
        assert links.linked_ids(session, "problem", uuid.UUID(problem_id), "clue") == []
    new.close()
    editor.close()
