"""帮助: 关于 names the version and every library's and font's licence; 快捷键 lists the window's real
shortcuts; the fonts dialog closes by its own button."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from xuncha_desktop import __version__
from xuncha_desktop.resources import BUILD_INFO, resources_dir
from xuncha_desktop.ui.help_dialogs import AboutDialog, ShortcutsDialog
from xuncha_desktop.ui.main_window import MainWindow


def _column(table: QTableWidget, column: int) -> list[str]:
    return [table.item(row, column).text() for row in range(table.rowCount())]  # type: ignore[union-attr]


def test_about_names_the_version_and_the_licences(qtbot: QtBot, window: MainWindow) -> None:
    dialog = AboutDialog(window)
    qtbot.addWidget(dialog)
    names = _column(dialog.libraries, 0)
    licences = dict(zip(names, _column(dialog.libraries, 2), strict=True))
    assert {"PySide6-Essentials", "SQLAlchemy", "reportlab", "cryptography", "zxcvbn"} <= set(names)
    assert licences["SQLAlchemy"] == "MIT" and "LGPL-3.0-only" in licences["PySide6-Essentials"]
    assert all(licences.values())  # every row says something, "see its home page" at least
    fonts = dict(zip(_column(dialog.fonts, 0), _column(dialog.fonts, 2), strict=True))
    assert "Arphic Public License" in fonts.values() and "Apache-2.0" in fonts.values()
    assert any(__version__ in label.text() for label in dialog.findChildren(QLabel))


def test_about_says_source_run_or_the_bundle_s_build_date(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from_source = AboutDialog(window)
    qtbot.addWidget(from_source)
    assert from_source.build.text() == "源码运行"
    resources_dir()  # found (and kept) before the pretend bundle below
    (tmp_path / BUILD_INFO).write_text(json.dumps({"built": "2026-12-07T00:15:42+00:00"}), encoding="utf-8")
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    bundled = AboutDialog(window)
    qtbot.addWidget(bundled)
    assert bundled.build.text() == "构建于 2026-12-07 00:15 UTC"


def test_the_shortcuts_page_lists_the_window_s_own_shortcuts(qtbot: QtBot, window: MainWindow) -> None:
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    keys = _column(dialog.table, 1)
    actions = _column(dialog.table, 2)
    listed = dict(zip(actions, keys, strict=True))
    assert listed["全局检索"] == "Ctrl+F"
    assert listed["新建记录"] == "Ctrl+N"
    assert listed["快捷键"] == "F1"
    assert listed["下一个问题（问N：）"] == "Ctrl+Return"


def test_f1_opens_the_shortcuts_and_the_fonts_dialog_closes_by_its_button(qtbot: QtBot, window: MainWindow) -> None:
    window.shortcuts_action.trigger()
    shortcuts = window.findChild(ShortcutsDialog)
    assert shortcuts is not None and shortcuts.isVisible()
    shortcuts.close()
    dialog = window.show_font_settings()
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    close = buttons.button(QDialogButtonBox.StandardButton.Close)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Rejected and not dialog.isVisible()


def test_no_two_actions_of_the_window_share_a_shortcut(window: MainWindow) -> None:
    """Qt calls a shared shortcut ambiguous and does nothing (Ctrl+N once, Ctrl+E for 导出同步包 later)."""
    from PySide6.QtGui import QAction, QKeySequence

    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for keys in action.shortcuts():
            text = keys.toString(QKeySequence.SequenceFormat.PortableText)
            assert text not in seen, f"{text}: {seen.get(text)} and {action.text()}"
            seen[text] = action.text()
    assert seen["Ctrl+Shift+E"] == "导出同步包…" and seen["Ctrl+E"] != "导出同步包…"
