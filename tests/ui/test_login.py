"""The login dialog: wrong passphrase shown in Chinese and retried; a new workspace created; `xuncha gui`."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from xuncha_desktop import workspace as workspaces
from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.security.roles import Role, User
from xuncha_desktop.ui.controllers import login as login_controller
from xuncha_desktop.ui.login import LoginDialog
from xuncha_desktop.workspace import Workspace, is_workspace

from ..conftest import PASSPHRASE
from .typing import type_text

WANG = "梧桐 细雨 渡口 5531"


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


def test_enter_opens_the_workspace_and_esc_cancels(qtbot: QtBot, workspace: Workspace) -> None:
    """Enter in the passphrase field used to press 取消 (Qt made it the dialog's default when shown) and the
    program quit; it must try the passphrase: a wrong one keeps the dialog open with the message, the right
    one opens the workspace. Esc cancels."""
    dialog = LoginDialog(workspace.path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.open_button.isDefault()
    type_text(dialog.passphrase, "不对的口令 wrong")
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "口令不正确" in dialog.error.text())
    assert dialog.isVisible() and dialog.workspace is None
    type_text(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.workspace is not None)
    assert dialog.result() == LoginDialog.DialogCode.Accepted
    opened = dialog.workspace
    assert opened is not None
    opened.close()
    other = LoginDialog(workspace.path)
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)
    qtbot.keyClick(other.passphrase, Qt.Key.Key_Escape)
    assert other.result() == LoginDialog.DialogCode.Rejected and other.workspace is None


def test_several_users_choose_who_opens_and_wrong_passphrases_say_how_long_the_next_try_waits(
        qtbot: QtBot, workspace: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    workspaces.add_user(workspace, "王芳", Role.MEMBER, WANG)
    path = workspace.path
    workspace.close()
    Workspace.open(path, WANG, user="王芳").close()  # she was the last to open it
    waits: list[float] = []
    monkeypatch.setattr(login_controller, "cancellable_sleep", lambda cancelled: waits.append)
    dialog = LoginDialog(path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.user_choice.isVisible() and dialog.user_choice.count() == 2
    assert dialog.user_choice.currentText() == "王芳（组员）"  # the last user preselected
    assert dialog.chosen_user() == "王芳"
    for expected in ("", "1 秒", "2 秒"):  # after the 1st failure no wait; then 1, 2 seconds
        type_text(dialog.passphrase, "不对的口令 wrong")
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "口令不正确" in dialog.error.text())
        assert dialog.isVisible() and dialog.workspace is None and dialog.passphrase.text() == ""
        if expected:
            assert "下次尝试需等待" in dialog.error.text() and expected in dialog.error.text()
        else:
            assert "等待" not in dialog.error.text()
    dialog.user_choice.setCurrentIndex(0)
    assert dialog.chosen_user() == "张伟"
    type_text(dialog.passphrase, PASSPHRASE)
    qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)  # Enter still opens
    qtbot.waitUntil(lambda: dialog.workspace is not None)
    opened = dialog.workspace
    assert opened is not None and opened.user == User("张伟", Role.LEADER)
    assert [round(w) for w in waits] == [1, 2]  # the waits were asked for (and spent by the injected sleep)
    opened.close()
    assert workspaces.workspace_users(path)[1] == "张伟"


def test_a_one_user_workspace_shows_no_user_choice(qtbot: QtBot, workspace: Workspace) -> None:
    dialog = LoginDialog(workspace.path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.user_choice.isVisible() and dialog.chosen_user() is None


def test_a_cleared_folder_says_so_and_offers_nothing_to_open_or_create(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "笔记本"
    folder.mkdir()
    (folder / workspaces.CLEARED_MARKER).write_text('{"state": "cleared"}', encoding="utf-8")
    dialog = LoginDialog(folder)
    qtbot.addWidget(dialog)
    assert "清退" in dialog.error.text()
    assert not dialog.create_box.isChecked() and not dialog.create_box.isEnabled()
    assert not dialog.open_button.isEnabled() and not dialog.passphrase.isEnabled()
    # another folder typed in is offered as usual
    dialog.path_edit.setText(str(tmp_path / "新文件夹"))
    dialog.path_edit.editingFinished.emit()
    assert dialog.open_button.isEnabled() and dialog.create_box.isEnabled()
