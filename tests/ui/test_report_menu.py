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


def test_situation_report_transfer_letter_and_receipt_from_the_menu(
        qtbot: Any, window: Any, workspace: Workspace, ids: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    with workspace.transaction() as s:
        clue = KINDS["clue"].create(s, {"round_id": ids["round"], "unit_id": ids["unit"], "source_kind": "interview",
                                        "persons_involved": "王某", "description": "违规发放津贴补贴。",
                                        "proposed_disposition": "talk_inquiry"})
        for step in ("verifying", "analysing"):
            KINDS["clue"].set_status(s, clue.id, step)
        transfer = KINDS["clue_transfer"].create(s, {"round_id": ids["round"], "unit_id": ids["unit"],
                                                     "recipient": "discipline", "clue_ids": [str(clue.id)]})
        transfer_id, clue_id = str(transfer.id), str(clue.id)
    asked: list[str] = []

    def pick(_parent: Any, _title: str, label: str, items: list[str], *_args: Any) -> tuple[str, bool]:
        asked.append(label)
        return (items[0], True)

    monkeypatch.setattr(QInputDialog, "getItem", pick)
    before = set(map(id, _previews()))
    assert window.make_situation_report() is not None
    assert asked == ["被巡察单位：", "巡察轮次：", "密级或标注："]  # the first marking offered is 机密
    qtbot.waitUntil(lambda: any(id(d) not in before for d in _previews()), timeout=60_000)
    situation = next(d for d in _previews() if id(d) not in before)
    qtbot.waitUntil(lambda: situation.page_count() > 0, timeout=10_000)
    situation.close()
    before = set(map(id, _previews()))
    assert window.make_transfer_letter() is not None
    qtbot.waitUntil(lambda: any(id(d) not in before for d in _previews()), timeout=60_000)
    letter = next(d for d in _previews() if id(d) not in before)
    qtbot.waitUntil(lambda: letter.page_count() >= 2, timeout=10_000)  # the letter and its annex
    letter.close()
    # the receipt: who, when; the clue becomes 移交
    answers = iter([("纪委信访室 刘某", True), ("2020-07-02 10:00", True)])
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: next(answers))
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    assert window.record_transfer_receipt() == 1
    assert "1 条线索转为“移交”" in told[0]
    with workspace.session() as s:
        assert KINDS["clue"].get(s, clue_id).status == "transferred"
        assert KINDS["clue_transfer"].get(s, transfer_id).received_by == "纪委信访室 刘某"
    # nothing is left to receive
    assert window.controller.reports.open_transfers() == []
