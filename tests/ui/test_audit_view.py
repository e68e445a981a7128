"""帮助 → 审计日志: the Qt-free controller (entries in the workspace's zone, filters, the chain check) and the
dialog a 组长 opens; a 组员 is offered neither and the service refuses them."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from xuncha_desktop import local_time
from xuncha_desktop.db.models import AuditEntry
from xuncha_desktop.errors import PermissionDenied
from xuncha_desktop.security.roles import Role, User
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.ui.audit_view import AuditDialog
from xuncha_desktop.ui.controllers.audit import AuditController
from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.ui.main_window import MainWindow
from xuncha_desktop.workspace import Workspace


def _work(workspace: Workspace, ids: dict[str, str]) -> str:
    """A member records a clue, the leader reads it: entries of two people and several actions."""
    workspace.user = User("孙丽", Role.MEMBER)
    with workspace.transaction() as s:
        clue = KINDS["clue"].create(s, {"round_id": ids["round"], "unit_id": ids["unit"], "source_kind": "个别谈话",
                                        "description": "某科长违规收受礼金。"})
        key = str(clue.id)
    workspace.user = User("赵刚", Role.LEADER)
    with workspace.transaction() as s:
        KINDS["clue"].read(s, key)
    return key


def _choose(box: QComboBox, data: str) -> None:
    at = box.findData(data)
    assert at >= 0, [box.itemText(i) for i in range(box.count())]
    box.setCurrentIndex(at)


def test_the_controller_lists_filters_and_checks(workspace: Workspace, ids: dict[str, str]) -> None:
    key = _work(workspace, ids)
    audit = AuditController(workspace, "zh")
    assert audit.allowed()
    actors, actions = audit.choices()
    assert {"孙丽", "赵刚"} <= set(actors)
    assert ("create", "新建") in actions and ("view", "查看") in actions
    rows = audit.entries()
    assert rows[0].actor == "赵刚" and rows[0].action == "view" and rows[0].action_label == "查看"
    assert rows[0].record == f"问题线索 {key[:8]}" and rows[0].device == workspace.info.device_name
    with workspace.session() as s:
        newest = s.scalars(select(AuditEntry).order_by(AuditEntry.seq.desc())).first()
        assert newest is not None
        at = newest.at
    # shown in the workspace's zone (Asia/Shanghai, UTC+8), whatever the computer's zone is
    assert rows[0].at == local_time.text(at) == at.astimezone(dt.timezone(dt.timedelta(hours=8))).strftime(
        "%Y-%m-%d %H:%M")
    mine = audit.entries(actor="孙丽")
    assert mine and {r.actor for r in mine} == {"孙丽"}
    assert any(r.action == "create" and r.record.endswith(key[:8]) for r in mine)
    assert {r.action for r in audit.entries(action="create")} == {"create"}
    assert audit.entries(actor="孙丽", action="view") == []
    assert audit.check().ok
    english = AuditController(workspace, "en")
    assert english.entries(action="view")[0].action_label == "viewed"


def test_an_altered_entry_fails_the_check(workspace: Workspace, ids: dict[str, str]) -> None:
    _work(workspace, ids)
    with workspace.transaction() as s:
        s.execute(update(AuditEntry).where(AuditEntry.action == "create").values(actor="别人"))
    result = AuditController(workspace).check()
    assert not result.ok and any("altered" in problem for problem in result.problems)


def test_a_member_may_not_read_the_log(workspace: Workspace, ids: dict[str, str]) -> None:
    _work(workspace, ids)
    workspace.user = User("孙丽", Role.MEMBER)
    audit = AuditController(workspace)
    assert not audit.allowed()
    with pytest.raises(PermissionDenied) as caught:
        audit.entries()
    assert caught.value.text("zh") == "组员（member）无权查看审计日志（read the audit log），未作任何更改。"
    with pytest.raises(PermissionDenied):
        audit.check()


def test_the_leader_opens_the_view_and_filters_it(qtbot: QtBot, workspace: Workspace, ids: dict[str, str]) -> None:
    _work(workspace, ids)
    window = MainWindow(Controller(workspace, "zh"), offer_drafts=False)
    qtbot.addWidget(window)
    assert window.audit_action.isVisible()
    window.audit_action.trigger()
    dialogs = window.findChildren(AuditDialog)
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.windowTitle() == "审计日志"
    assert "核验通过" in dialog.check_label.text() and workspace.info.device_name in dialog.check_label.text()
    everything = dialog.model.rowCount()
    assert everything > 3 and dialog.count_label.text() == f"显示最近 {everything} 条"
    _choose(dialog.actor_box, "孙丽")
    shown = [dialog.model.index(row, 1).data() for row in range(dialog.model.rowCount())]
    assert shown and set(shown) == {"孙丽"}
    _choose(dialog.action_box, "create")
    assert {dialog.model.index(row, 2).data() for row in range(dialog.model.rowCount())} == {"新建"}
    dialog.actor_box.setCurrentIndex(0)
    dialog.action_box.setCurrentIndex(0)
    assert dialog.model.rowCount() == everything
    # an entry altered behind the program's back: the check says so
    with workspace.transaction() as s:
        s.execute(update(AuditEntry).where(AuditEntry.action == "view").values(detail="改过"))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert "核验发现问题" in dialog.check_label.text()
    dialog.close()


def test_a_member_is_not_offered_the_view(qtbot: QtBot, workspace: Workspace, ids: dict[str, str]) -> None:
    workspace.user = User("孙丽", Role.MEMBER)
    window = MainWindow(Controller(workspace, "zh"), offer_drafts=False)
    qtbot.addWidget(window)
    window.show()
    assert not window.audit_action.isVisible()
    assert window.show_audit_log() is None and window.findChildren(AuditDialog) == []
