"""The 文书 menu: a feedback report is made from the menu and previewed; the font settings open."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.ui.font_settings import FontSettingsWidget
from xuncha_desktop.ui.report_preview import ReportPreviewDialog
from xuncha_desktop.workspace import Workspace


def _previews() -> list[ReportPreviewDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, ReportPreviewDialog)]


def test_feedback_report_from_the_menu(qtbot: Any, window: Any, workspace: Workspace, ids: dict[str, str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    with workspace.transaction() as s:
        KINDS["problem"].create(s, {"round_id": ids["round"], "unit_id": ids["unit"], "category": "line_policy",
                                    "statement": "落实中央八项规定精神不到位。", "in_feedback": True})
    asked: list[str] = []

    def pick(_parent: Any, _title: str, label: str, items: list[str], *_args: Any) -> tuple[str, bool]:
        asked.append(label)
        return (items[0], True)

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    before = set(map(id, _previews()))
    job = window.make_feedback_report()
    assert job is not None and asked == ["被巡察单位：", "巡察轮次："]
    qtbot.waitUntil(lambda: any(id(d) not in before for d in _previews()), timeout=60_000)
    dialog = next(d for d in _previews() if id(d) not in before)
    qtbot.waitUntil(lambda: dialog.page_count() > 0, timeout=10_000)
    assert dialog.word_button.isVisibleTo(dialog)
    dialog.close()


def test_record_document_needs_a_selected_interview_or_paper(window: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    window.show_page("dashboard")
    assert window.make_record_document() is None
    assert told and "个别谈话" in told[0]


def test_font_settings_dialog(qtbot: Any, window: Any) -> None:
    dialog = window.show_font_settings()
    qtbot.addWidget(dialog)
    assert dialog.findChild(FontSettingsWidget) is not None
