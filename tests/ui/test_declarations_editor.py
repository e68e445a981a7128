"""回避 in the window: saving a petition about a person its handler declared saves it, then shows the warning."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.ui.main_window import MainWindow
from xuncha_desktop.workspace import Workspace


def test_the_editor_saves_then_shows_the_recusal_warning(window: MainWindow, workspace: Workspace,
                                                         ids: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    with workspace.transaction() as s:
        KINDS["declaration"].create(s, {"member_name": "张伟", "relation": "亲属", "person_name": "王五"})
    shown: list[str] = []

    def warning(_parent: Any, _title: str, text: str, *_args: Any) -> None:
        shown.append(text)

    monkeypatch.setattr(QMessageBox, "warning", warning)
    values = {"unit_id": ids["unit"], "channel": "letter", "received_at": "2020-05-06T09:00", "anonymous": True,
              "summary": "反映违规发放补贴", "subject_names": "赵六"}
    plain = window.new_record("petition", values)
    assert plain.save(), plain.message.text()
    assert shown == []  # nobody declared 赵六
    editor = window.new_record("petition", {**values, "subject_names": "赵六、王五"})
    assert editor.save(), editor.message.text()
    assert editor.record_id is not None  # saved all the same
    (text,) = shown
    assert "回避提示" in text and "张伟" in text and "王五" in text and "亲属" in text
