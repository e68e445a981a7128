"""巡察办总览 in the window: scope, the four tabs, opening what a row names, and who sees the page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from tests.services.test_office_view import AS_OF, _make
from xuncha_desktop.security.roles import Role, User
from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.ui.main_window import MainWindow
from xuncha_desktop.ui.office_view import OfficePage
from xuncha_desktop.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def office(tmp_path: Path) -> Iterator[tuple[Workspace, dict[str, str]]]:
    ws, made = _make(tmp_path, "office", None)
    yield ws, made
    ws.close()


def _window(qtbot: QtBot, ws: Workspace) -> MainWindow:
    window = MainWindow(Controller(ws, "zh"), offer_drafts=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window


def _page(window: MainWindow) -> OfficePage:
    page = window.show_page("office")
    assert isinstance(page, OfficePage)
    page.as_of = AS_OF
    page.refresh()
    return page


def _column(model: Any, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_office_sees_every_round_or_one(qtbot: QtBot, qtmodeltester: Any,
                                            office: tuple[Workspace, dict[str, str]]) -> None:
    ws, made = office
    window = _window(qtbot, ws)
    assert window.page_keys[:2] == ["dashboard", "office"]
    page = _page(window)
    for model in (page.rates_model, page.overdue_model, page.dispositions_model, page.feedback_model,
                  page.repeats_model):
        qtmodeltester.check(model)
    assert [page.tabs.tabText(i) for i in range(4)] == ["整改率", "逾期问题（2）", "线索反馈（逾期 1）",
                                                        "重复问题（1）"]
    assert _column(page.rates_model, 0) == ["第八轮巡察回头看", "五届市委第八轮巡察"]
    assert _column(page.rates_model, 4) == ["0.0%", "33.3%"]
    page.by_box.setCurrentIndex(page.by_box.findData("group"))
    assert _column(page.rates_model, 0) == ["市委第二巡察组", "市委第六巡察组"]
    assert _column(page.feedback_model, 6) == ["逾期 26 天", "剩 21 天"]
    assert _column(page.repeats_model, 2) == ["五届市委第八轮巡察 → 第八轮巡察回头看"]
    # this round only: the 回头看 has no overdue problem and finds the 住建局's policy problem again
    page.scope_box.setCurrentIndex(page.scope_box.findData(made["review"]))
    assert page.view is not None and page.view.round_name == "第八轮巡察回头看"
    assert page.overdue_model.rowCount() == 0 and page.repeats_model.rowCount() == 1
    assert _column(page.rates_model, 1) == ["2"]
    page.scope_box.setCurrentIndex(0)
    assert page.overdue_model.rowCount() == 2


def test_rows_open_the_problem_clue_or_filtered_list(qtbot: QtBot, office: tuple[Workspace, dict[str, str]]) -> None:
    ws, made = office
    window = _window(qtbot, ws)
    page = _page(window)
    page.tabs.setCurrentIndex(1)
    page.overdue_view.doubleClicked.emit(page.overdue_model.index(1, 0))
    assert window.editors and window.editors[-1].record_id == made["late"]
    page.feedback_view.doubleClicked.emit(page.feedback_model.index(0, 0))
    assert window.editors[-1].record_id == made["transferred"]
    page.by_box.setCurrentIndex(page.by_box.findData("unit"))
    page.rates_view.doubleClicked.emit(page.rates_model.index(0, 0))  # 娄底市财政局, the worse rate
    problems = window.list_of("problem")
    assert window.stack.currentWidget() is window.page(window.page_of("problem"))
    assert problems.unit_box is not None and problems.unit_box.currentData() == made["finance"]
    for editor in list(window.editors):
        editor.close()


def test_a_member_has_no_office_page(qtbot: QtBot, office: tuple[Workspace, dict[str, str]]) -> None:
    ws, _made = office
    ws.user = User("张伟", Role.MEMBER)
    window = _window(qtbot, ws)
    assert "office" not in window.page_keys
    ws.user = User("吴看", Role.READONLY)
    assert "office" in _window(qtbot, ws).page_keys


CHILD = r'''
import json, os, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
from tests.services.test_office_view import AS_OF, _make
from xuncha_desktop.ui import i18n
from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.ui.main_window import MainWindow

i18n.install("zh")
ws, made = _make(Path(sys.argv[1]), "office", None)
window = MainWindow(Controller(ws, "zh"), offer_drafts=False)
window.show()
for _ in range(5):
    app.processEvents()
page = window.show_page("office")
page.as_of = AS_OF
page.refresh()
seen = {"window": [window.width(), window.height()], "maximised": window.isMaximized(),
        "needed": [page.minimumSizeHint().width(), page.minimumSizeHint().height()],
        "page": [page.width(), page.height()], "tabs": []}
for tab in range(page.tabs.count()):
    page.tabs.setCurrentIndex(tab)
    app.processEvents()
    views = [page.tabs.currentWidget()] if tab != 2 else [page.dispositions_model and page.findChild(
        type(page.overdue_view), "office_dispositions"), page.feedback_view]
    for view in views:
        header = view.horizontalHeader()
        seen["tabs"].append({"size": [view.width(), view.height()], "rows": view.model().rowCount(),
                             "columns": sum(header.sectionSize(i) for i in range(header.count())),
                             "viewport": view.viewport().width(),
                             "row_heights": [view.rowHeight(r) for r in range(view.model().rowCount())]})
    shot = os.environ.get("XUNCHA_SHOT")  # to look at the page: XUNCHA_SHOT=/tmp/office
    if shot:
        window.grab().save(f"{shot}-{tab}.png")
window.close()
ws.close()
print(json.dumps(seen))
'''


@pytest.mark.slow
def test_the_page_fits_a_1366_by_768_laptop(tmp_path: Path) -> None:
    """On a 1366×768 screen (the window opens maximised there) every tab has room for its table, every column
    is shown whole without a horizontal scroll bar, and no row is squeezed below a line of text."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
                                               "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "ws"), str(tmp_path / "settings")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["maximised"] and 1300 <= seen["window"][0] <= 1366 and seen["window"][1] <= 768
    assert seen["needed"][0] <= seen["page"][0] and seen["needed"][1] <= seen["page"][1]
    assert len(seen["tabs"]) == 5 and all(tab["rows"] for tab in seen["tabs"])
    for tab in seen["tabs"]:
        assert tab["columns"] <= tab["viewport"] + 1, tab  # every column whole: no horizontal scrolling
        assert tab["size"][0] > 1000 and tab["size"][1] >= 150, tab
        assert min(tab["row_heights"]) >= 20, tab
