"""Fixtures of the window tests: private settings, a controller on the test workspace, the main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.ui.main_window import MainWindow
from xuncha_desktop.workspace import Workspace


@pytest.fixture(autouse=True)
def private_settings(qapp: QApplication, tmp_path: Path) -> Iterator[None]:
    """Every test gets empty settings in its own folder (never the user's real ones), Chinese by default;
    cycles are collected in the GUI thread only, as the window does (ui/collector.py)."""
    from xuncha_desktop.ui import collector

    collector.install(qapp)
    QCoreApplication.setOrganizationName("xuncha-test")
    QCoreApplication.setApplicationName("xuncha-desktop-test")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    from xuncha_desktop.ui import i18n

    i18n.install("zh")
    yield
    i18n.install("zh")
    import gc

    gc.collect()  # this test's cycles, here in the GUI thread


@pytest.fixture
def controller(workspace: Workspace) -> Controller:
    return Controller(workspace, "zh")


@pytest.fixture
def window(qtbot: QtBot, controller: Controller, ids: dict[str, str]) -> Iterator[MainWindow]:
    main = MainWindow(controller, offer_drafts=False)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    for editor in list(main.editors):
        editor.close()
