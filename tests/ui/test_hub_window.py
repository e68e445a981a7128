"""The window on the office hub: the login dialog enrols a desk (server, database, user, station); two windows
at two desks open the same unit, the first save wins and the second is told who changed what."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import make_url

from tests.hub.conftest import CLERK_PASSPHRASE, Hub, make_hub
from tests.postgres import fresh_database
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
