"""The office's everyday files from the window: the ledger exported, a petition workbook imported, with the
command line's checks (a workbook with wrong rows imports nothing until the person asks for the good rows)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu
from pytestqt.qtbot import QtBot

from tests.reports.test_excel import BAD, GOOD, petition_book
from tests.ui.dialogs import answer_boxes
from xuncha_desktop import local_time
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.ui import office_files
from xuncha_desktop.ui.main_window import MainWindow
from xuncha_desktop.workspace import Workspace


def petitions(workspace: Workspace) -> int:
    with workspace.session() as session:
        return KINDS["petition"].count(session)


def test_the_ledger_is_exported_with_the_unit_and_date_in_its_name(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, ids: dict[str, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    with workspace.transaction() as session:
        for n in range(3):
            KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                              "category": "line_policy", "statement": f"问题{n}"})

    def choose(dialog: office_files.LedgerDialog) -> int:
        dialog.unit.setCurrentIndex(dialog.unit.findData(ids["unit"]))
        return QDialog.DialogCode.Accepted.value

    offered: list[str] = []

    def save_as(_parent: Any, _caption: str, proposed: str, _filter: str) -> tuple[str, str]:
        offered.append(Path(proposed).name)
        return str(tmp_path / "台账"), ""  # typed without the suffix: .xlsx is added

    monkeypatch.setattr(office_files.LedgerDialog, "exec", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    seen: list[tuple[str, list[str]]] = []
    answer_boxes(["OK"], seen)
    out = office_files.export_ledger(window, window.controller)
    assert offered == [f"问题清单-娄底市住房和城乡建设局-{local_time.today():%Y%m%d}.xlsx"]
    assert out == tmp_path / "台账.xlsx" and out.is_file()
    assert "已导出 3 个问题" in seen[0][0]
    sheet = load_workbook(str(out), read_only=True).worksheets[0]
    texts = {str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell}
    assert {"问题0", "问题1", "问题2"} <= texts


def test_a_workbook_with_wrong_rows_imports_nothing_until_the_good_rows_are_asked_for(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, ids: dict[str, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    book = petition_book(tmp_path / "信访台账.xlsx", GOOD + BAD)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(book), "")))
    monkeypatch.setattr(office_files, "_ask_round", lambda *_a: ids["round"])
    before = petitions(workspace)
    # first: the faults are listed and 取消 (the default) imports nothing
    seen: list[tuple[str, list[str]]] = []
    answer_boxes(["取消"], seen)
    report = office_files.import_petition_ledger(window, window.controller)
    assert report is not None and report.imported == 0
    assert petitions(workspace) == before
    text, buttons = seen[0]
    assert "4 行中有 2 行不符合录入规则，未导入任何一行" in text
    assert "第 4 行“来源渠道”列" in text and "第 5 行“收到时间”列" in text
    assert buttons == ["只导入正确的 2 行", "取消"]
    # then: the person asks for the good rows
    seen.clear()
    answer_boxes(["只导入正确的 2 行", "OK"], seen)
    report = office_files.import_petition_ledger(window, window.controller)
    assert report is not None and report.imported == 2
    assert petitions(workspace) == before + 2
    assert "已导入 2 件信访件（共 4 行，跳过 2 行）" in seen[1][0]


def test_an_unreadable_workbook_says_so_and_imports_nothing(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    broken = tmp_path / "坏文件.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really a workbook")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(broken), "")))
    monkeypatch.setattr(office_files, "_ask_round", lambda *_a: "")
    before = petitions(workspace)
    seen: list[tuple[str, list[str]]] = []
    answer_boxes(["OK"], seen)
    assert office_files.import_petition_ledger(window, window.controller) is None
    assert petitions(workspace) == before
    assert "坏文件.xlsx" in seen[0][0]


def test_the_documents_menu_offers_both(window: MainWindow) -> None:
    assert window.ledger_action.text() == "导出问题清单/整改台账…"
    assert window.petition_import_action.text() == "导入信访台账…"
    documents = next(a for a in window.menuBar().actions() if a.text() == "文书(&D)")
    menu = documents.menu()
    assert isinstance(menu, QMenu)
    offered = [action.text() for action in menu.actions()]
    assert "导出问题清单/整改台账…" in offered and "导入信访台账…" in offered


def test_the_unit_s_ledger_is_read_back_shown_and_applied_only_when_confirmed(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, ids: dict[str, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    with workspace.transaction() as session:
        problem = KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"], "number": "001",
                                                    "category": "line_policy", "statement": "问题一"})
        problem_id = str(problem.id)
    out = window.controller.reports.ledger_xlsx(tmp_path / "台账.xlsx", ids["round"], ids["unit"])
    assert out == 1
    book = load_workbook(str(tmp_path / "台账.xlsx"))
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[2]]
    sheet.cell(row=3, column=header.index("整改措施") + 1).value = "制定整改方案。"
    filled = tmp_path / "回收.xlsx"
    book.save(str(filled))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *_a, **_k: (str(filled), "")))

    def measures() -> str | None:
        with workspace.session() as session:
            measures: str | None = KINDS["problem"].get(session, problem_id).measures
            return measures

    # the changes are listed; 取消 (the default) changes nothing
    seen: list[tuple[str, list[str]]] = []
    answer_boxes(["取消"], seen)
    report = office_files.import_problem_ledger(window, window.controller)
    assert report is not None and not report.applied and measures() is None
    assert "第 3 行（问题 001）整改措施：“” → “制定整改方案。”" in seen[0][0]
    assert seen[0][1] == ["应用修改", "取消"]
    seen.clear()
    answer_boxes(["应用修改", "OK"], seen)
    report = office_files.import_problem_ledger(window, window.controller)
    assert report is not None and report.applied and measures() == "制定整改方案。"
    assert "已更新 1 个问题" in seen[1][0]
    # a changed read-only cell: the fault is listed and nothing changes
    sheet.cell(row=3, column=header.index("问题表述") + 1).value = "改过的表述"
    sheet.cell(row=3, column=header.index("整改措施") + 1).value = "又改了措施。"
    book.save(str(filled))
    seen.clear()
    answer_boxes(["OK"], seen)
    report = office_files.import_problem_ledger(window, window.controller)
    assert report is not None and not report.applied and measures() == "制定整改方案。"
    assert "1 行中有 1 行有误，未修改任何问题" in seen[0][0] and "第 3 行“问题表述”列" in seen[0][0]
    assert window.ledger_import_action.text() == "导入单位填报的整改台账…"
