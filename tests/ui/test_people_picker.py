"""Names of group members complete in the people fields; several names complete one after another."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractProxyModel
from PySide6.QtWidgets import QLineEdit

from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.ui.editor import NamesCompleter


def test_interviewers_complete_from_group_members(qtbot: Any, window: Any, controller: Controller) -> None:
    assert controller.people() == sorted(["赵刚", "钱敏", "张伟"])
    editor = window.new_record("interview")
    line = editor.findChild(QLineEdit, "field_interviewers") or next(
        w for w in editor.findChildren(QLineEdit) if isinstance(w.completer(), NamesCompleter))
    completer = line.completer()
    assert isinstance(completer, NamesCompleter)
    line.setText("赵刚、钱")
    assert completer.splitPath(line.text()) == ["钱"]
    completer.setCompletionPrefix("钱")
    completions = completer.completionModel()
    assert isinstance(completions, QAbstractProxyModel)  # the completer's filter over the names
    index = completions.index(0, 0)
    assert completer.pathFromIndex(completions.mapToSource(index)) == "赵刚、钱敏"
    editor.close()
