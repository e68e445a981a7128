"""设置 → 界面语言: the choice is stored in QSettings and used at the next start; ``--lang`` still wins."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from xuncha_desktop.ui import app as app_module
from xuncha_desktop.ui import main_window as main_window_module
from xuncha_desktop.ui.main_window import MainWindow
from xuncha_desktop.workspace import Workspace

from ..conftest import PASSPHRASE
from .dialogs import answer_next_box


def _menu_path(window: MainWindow, *texts: str) -> QAction:
    """The action reached by following menu texts from the menu bar, as a person would."""
    actions = window.menuBar().actions()
    for text in texts:
        [action] = [a for a in actions if a.text() == text]
        menu = action.menu()
        actions = menu.actions() if isinstance(menu, QMenu) else []
    return action


def test_choosing_english_is_stored_and_said_to_apply_at_the_next_start(qtbot: QtBot, window: MainWindow) -> None:
    english = _menu_path(window, "设置(&T)", "界面语言(&L)", "English")
    assert _menu_path(window, "设置(&T)", "界面语言(&L)", "中文").isChecked()
    seen: list[tuple[str, list[str]]] = []
    answer_next_box("确定", seen)
    english.trigger()
    assert seen and "下次启动" in seen[0][0]
    assert QSettings().value("ui/language") == "en"
    assert english.isChecked()
    # this run stays Chinese: Qt does not re-translate built widgets
    assert window.nav.item(0).text() == "工作台"


def test_the_saved_language_is_read_at_start_and_lang_overrides_it(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch,
                                                                   workspace: Workspace,
                                                                    ids: dict[str, str]) -> None:
    monkeypatch.setenv("XUNCHA_LANG", "zh")
    # run() names the application (QSettings' home); keep it on this test's private settings
    monkeypatch.setattr(app_module, "ORGANISATION", QCoreApplication.organizationName())
    monkeypatch.setattr(app_module, "APPLICATION", QCoreApplication.applicationName())
    QSettings().setValue("ui/language", "en")
    assert app_module.start_language(None) == "en"
    assert QCoreApplication.translate("MainWindow", "工作台") == "Dashboard"
    assert app_module.start_language("zh") == "zh"  # xuncha gui --lang zh
    assert QCoreApplication.translate("MainWindow", "工作台") == "工作台"

    # the whole start: run() opens the workspace, builds the window in the saved language, runs the loop
    started: list[main_window_module.MainWindow] = []

    class Recorded(main_window_module.MainWindow):
        def show(self) -> None:
            started.append(self)

    monkeypatch.setattr(main_window_module, "MainWindow", Recorded)
    monkeypatch.setattr(QApplication, "exec", staticmethod(lambda: 0))
    path: Path = workspace.path
    assert app_module.run(path, None, PASSPHRASE) == 0
    [window] = started
    qtbot.addWidget(window)
    assert window.nav.item(0).text() == "Dashboard"
    assert window.controller.lang == "en"
    assert QCoreApplication.translate("MainWindow", "工作台") == "Dashboard"
    assert app_module.run(path, "zh", PASSPHRASE) == 0
    assert started[1].nav.item(0).text() == "工作台"
    qtbot.addWidget(started[1])
