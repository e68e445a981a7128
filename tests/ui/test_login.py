"""The login dialog: wrong passphrase shown in Chinese and retried; a new workspace created; `xuncha gui`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.ui.login import LoginDialog
from xuncha_desktop.workspace import Workspace, is_workspace

from ..conftest import PASSPHRASE
from .typing import type_text


def test_wrong_passphrase_shows_the_message_and_allows_a_retry(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = LoginDialog(workspace.path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.create_box.isChecked()  # an existing workspace: open it
    assert not dialog.device.isVisible()
    type_text(dialog.passphrase, "不对的口令 wrong")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert "口令不正确" in dialog.error.text()
    assert dialog.workspace is None and dialog.isVisible()
    assert dialog.passphrase.text() == ""
    type_text(dialog.passphrase, PASSPHRASE)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.workspace is not None
    assert dialog.error.text() == ""
    assert dialog.workspace.info.device_name == "第六巡察组-笔记本1"
    dialog.workspace.close()


def test_create_a_new_workspace(qtbot: QtBot, tmp_path: Path) -> None:
    target = tmp_path / "新工作区"
    dialog = LoginDialog(target, kdf=KdfParams.cheap())
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.create_box.isChecked()
    assert dialog.open_button.text() == "新建并打开"
    type_text(dialog.passphrase, "newpass123")
    type_text(dialog.confirm, "newpass999")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == "两次输入的口令不一致。"
    type_text(dialog.passphrase, "short")
    type_text(dialog.confirm, "short")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert "至少需要 8 个字符" in dialog.error.text()
    type_text(dialog.passphrase, "newpass123")  # long enough, but a guessable pattern: refused with advice
    type_text(dialog.confirm, "newpass123")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert "太容易被猜中" in dialog.error.text() and dialog.workspace is None and not is_workspace(target)
    type_text(dialog.passphrase, "青瓦 晨跑 七号 2187")
    type_text(dialog.confirm, "青瓦 晨跑 七号 2187")
    type_text(dialog.device, "第七巡察组-笔记本2")
    type_text(dialog.user, "王芳")
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.workspace is not None, dialog.error.text()
    assert is_workspace(target)
    assert (dialog.workspace.info.device_name, dialog.workspace.info.user_name) == ("第七巡察组-笔记本2", "王芳")
    dialog.workspace.close()


def test_gui_command_is_registered() -> None:
    from xuncha_desktop.cli import build_parser

    parser, handlers = build_parser()
    assert "gui" in handlers
    args = parser.parse_args(["gui", "--lang", "en", "--workspace", "/tmp/x"])
    assert (args.command, args.lang, str(args.workspace)) == ("gui", "en", "/tmp/x")
