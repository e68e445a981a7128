"""The window on the office hub: the login dialog enrols a desk (server, database, user, station); two windows
at two desks open the same unit, the first save wins and the second is told who changed what."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import make_url

from tests.conftest import PASSPHRASE, _frame
from tests.hub.conftest import CLERK_PASSPHRASE, Hub, make_hub
from tests.postgres import fresh_database
from tests.sync.helpers import make, send
from xuncha_desktop.services import sync as sync_service
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.ui.login import LoginDialog
from xuncha_desktop.ui.main_window import MainWindow
from xuncha_desktop.workspace import Workspace

from .typing import type_text

pytestmark = pytest.mark.postgres


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Hub]:
    with fresh_database() as url:
        made = make_hub(tmp_path, url)
        yield made
        made.first.close()


def _join_by_dialog(qtbot: QtBot, hub: Hub, folder: Path) -> Workspace:
    url = make_url(hub.url)
    dialog = LoginDialog(folder)
    qtbot.addWidget(dialog)
    dialog.show()
    # On the box itself (a check box stretched across the form is clickable only on its box and text).
    qtbot.mouseClick(dialog.join_box, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.join_box.height() // 2))
    assert dialog.open_button.text() == "加入并打开" and not dialog.create_box.isVisible()
    for name, value in (("server", f"{url.host}:{url.port or 5432}"), ("database", url.database or ""),
                        ("database_user", url.username or ""), ("station", "二号工作站"), ("hub_user", "王科员")):
        type_text(dialog.hub_fields[name], value)
    type_text(dialog.passphrase, CLERK_PASSPHRASE)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text() == ""
    assert isinstance(dialog.workspace, Workspace)
    return dialog.workspace


def test_the_login_dialog_enrols_this_desk_in_the_hub(qtbot: QtBot, hub: Hub, tmp_path: Path) -> None:
    station = _join_by_dialog(qtbot, hub, tmp_path / "desk2")
    assert (station.info.station_name, station.user.name) == ("二号工作站", "王科员")
    assert station.info.device_id == hub.first.info.device_id
    station.close()


def test_two_windows_at_two_desks_edit_one_unit_and_the_second_save_is_refused_with_the_others_change(
        qtbot: QtBot, hub: Hub, tmp_path: Path) -> None:
    with hub.first.transaction() as s:
        unit_id = str(KINDS["unit"].create(s, {"name": "娄底市审计局", "contact_person": "周红"}).id)
    second = _join_by_dialog(qtbot, hub, tmp_path / "desk2")
    windows = [MainWindow(Controller(ws, "zh"), offer_drafts=False) for ws in (hub.first, second)]
    editors = []
    for window in windows:
        qtbot.addWidget(window)
        window.show()
        editors.append(window.open_record("unit", unit_id))
    mine, theirs = editors
    for editor, value in ((theirs, "王芳"), (mine, "李娜")):
        widget = editor.widgets["contact_person"].input
        assert isinstance(widget, QLineEdit)
        widget.clear()
        type_text(widget, value)
    assert theirs.save()
    assert not mine.save()
    assert "王科员（二号工作站）" in mine.message.text() and "contact_person" in mine.message.text()
    with hub.first.transaction() as s:
        assert KINDS["unit"].get(s, unit_id).contact_person == "王芳"
    # Reloaded, the form shows the other clerk's value and saves over it.
    mine.load()
    widget = mine.widgets["contact_person"].input
    assert isinstance(widget, QLineEdit) and widget.text() == "王芳"
    widget.clear()
    type_text(widget, "李娜")
    assert mine.save()
    with hub.first.transaction() as s:
        assert KINDS["unit"].get(s, unit_id).contact_person == "李娜"
    for editor in editors:
        editor.close()
    second.close()


@pytest.mark.slow
def test_two_windows_at_two_desks_save_while_a_command_line_import_runs_at_a_third(
        qtbot: QtBot, hub: Hub, tmp_path: Path) -> None:
    # The "done": two windows on two stations and a command-line import, on one hub at once. The
    # import (300 problems from a laptop) runs in its own process at a third desk; meanwhile each window saves
    # its own unit again and again; nothing waits long, every save lands, and both windows then list the
    # imported problems.
    second = _join_by_dialog(qtbot, hub, tmp_path / "desk2")
    third = hub.join("三号工作站", user="李主任")
    third.close()
    laptop = make(tmp_path / "laptop", "笔记本A")
    with hub.first.transaction() as s:
        sync_service.trust(s, hub.first, sync_service.own_keys(laptop))
        hub_keys = sync_service.own_keys(hub.first)
        units = [str(KINDS["unit"].create(s, {"name": name}).id) for name in ("娄底市审计局", "娄底市财政局")]
    with laptop.transaction() as s:
        sync_service.trust(s, laptop, hub_keys)
        ids = _frame(s, KINDS)
        for n in range(300):
            KINDS["problem"].create(s, {"round_id": ids["round"], "unit_id": ids["unit"], "category": "line_policy",
                                        "statement": f"第{n}个问题。"})
    package = send(laptop, hub.first, tmp_path)
    laptop.close()
    windows = [MainWindow(Controller(ws, "zh"), offer_drafts=False) for ws in (hub.first, second)]
    for window in windows:
        qtbot.addWidget(window)
        window.show()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2]), "XUNCHA_PASSPHRASE": PASSPHRASE}
    child = subprocess.Popen([sys.executable, "-m", "xuncha_desktop", "--workspace", str(tmp_path / "三号工作站"),
                              "--user", "李主任", "sync", "import", str(package)],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    saves = 0
    while child.poll() is None or saves < 2:
        for window, unit_id in zip(windows, units, strict=True):
            editor = window.open_record("unit", unit_id)
            widget = editor.widgets["contact_person"].input
            assert isinstance(widget, QLineEdit)
            widget.setText(f"联系人{saves}")
            assert editor.save(), editor.message.text()
            editor.close()
        saves += 1
        qtbot.wait(50)
    out, err = child.communicate()
    assert child.returncode == 0, err.decode()
    assert json.loads(out)["records_added"] >= 300
    for window, workspace in zip(windows, (hub.first, second), strict=True):
        with workspace.transaction() as s:
            assert KINDS["problem"].count(s) == 300
            assert [KINDS["unit"].get(s, u).contact_person for u in units] == [f"联系人{saves - 1}"] * 2
        window.refresh_all()
        model = window.list_of("problem").model
        qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10_000)  # noqa: B023 - waited for at once
    second.close()
