"""The window offers only what the person's role may do (services/permissions.py): 只读, 组员, 组长 and the
roles whose one difference the window shows (联络员: logistics and packages; 副组长: the paper's check)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QPushButton
from pytestqt.qtbot import QtBot

from xuncha_desktop.security.roles import Role, User
from xuncha_desktop.services import permissions
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.sync.dump import dump_digest
from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.ui.editor import RecordEditor
from xuncha_desktop.ui.main_window import SYNC, MainWindow
from xuncha_desktop.ui.sync_page import SyncPage
from xuncha_desktop.workspace import Workspace

OpenAs = Callable[[Role], MainWindow]
NAMES = {Role.LEADER: "赵刚", Role.DEPUTY: "钱敏", Role.MEMBER: "张伟", Role.LIAISON: "孙丽", Role.OFFICE: "周办",
         Role.READONLY: "吴看"}


@pytest.fixture
def records(workspace: Workspace, ids: dict[str, str]) -> dict[str, str]:
    """A clue at 研判 (ready for a disposition), a draft paper and a checked one, made by the leader."""
    with workspace.transaction() as s:
        clue = KINDS["clue"].create(s, {"round_id": ids["round"], "unit_id": ids["unit"], "source_kind": "个别谈话",
                                        "description": "某科长违规收受礼金。", "receiving_body": "市纪委监委"})
        for step in ("verifying", "analysing"):
            KINDS["clue"].set_status(s, clue.id, step)
        draft = KINDS["paper"].create(s, {"unit_id": ids["unit"], "title": "起草中的底稿"})
        checked = KINDS["paper"].create(s, {"unit_id": ids["unit"], "title": "已审核的底稿"})
        with permissions.acting_as(s, User("钱敏", Role.DEPUTY)):
            KINDS["paper"].set_status(s, checked.id, "checked")
        return {**ids, "clue": str(clue.id), "draft": str(draft.id), "checked": str(checked.id)}


@pytest.fixture
def open_as(qtbot: QtBot, workspace: Workspace, records: dict[str, str]) -> Iterator[OpenAs]:
    windows: list[MainWindow] = []

    def make(role: Role) -> MainWindow:
        workspace.user = User(NAMES[role], role)
        window = MainWindow(Controller(workspace, "zh"), offer_drafts=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        for editor in list(window.editors):
            editor.close()


def _steps(editor: RecordEditor) -> set[str]:
    return {b.objectName().removeprefix("status_") for b in editor.status_box.findChildren(QPushButton)
            if b.objectName().startswith("status_") and b.isVisibleTo(editor)}


def _sync_page(window: MainWindow) -> SyncPage:
    page = window.page(SYNC)
    assert isinstance(page, SyncPage)
    return page


def test_a_readonly_user_sees_everything_and_changes_nothing(open_as: OpenAs, workspace: Workspace,
                                                             records: dict[str, str]) -> None:
    window = open_as(Role.READONLY)
    assert window.user_label.text() == "使用人：吴看（只读）"
    for kind in window.list_kinds():
        page = window.list_of(kind)
        assert not page.new_button.isVisibleTo(page), kind
        window.list_page(kind)
        assert not window.new_action.isEnabled(), kind
        assert page.model.rowCount() >= 0
    window.show_page("dashboard")
    assert not window.new_action.isEnabled()  # no family to create on the other pages either
    assert not window.evidence_action.isEnabled() and not window.list_of("evidence").acceptDrops()
    for action in (window.feedback_action, window.supervision_action, window.record_document_action):
        assert not action.isEnabled()
    assert not window.audit_action.isVisible() and window.show_audit_log() is None
    sync = _sync_page(window)
    for button in (sync.export_button, sync.import_button, sync.trust_button, sync.keep_here_button):
        assert not button.isVisibleTo(sync)

    with workspace.session() as s:
        before = dump_digest(s)
    editor = window.open_record("clue", records["clue"])
    assert editor.read_only and editor.banner.isVisibleTo(editor) and "只读" in editor.banner.text()
    for button in (editor.save_button, editor.delete_button, editor.link_button, editor.unlink_button):
        assert not button.isVisibleTo(editor)
    assert _steps(editor) == set()
    description = editor.widgets["description"].input
    assert isinstance(description, QPlainTextEdit) and description.isReadOnly()
    number = editor.widgets["number"].input
    assert isinstance(number, QLineEdit) and number.isReadOnly()
    assert isinstance(editor.widgets["unit_id"].input, QComboBox) and not editor.widgets["unit_id"].input.isEnabled()
    assert editor.widgets["description"].value() == "某科长违规收受礼金。"  # the values are shown
    assert not editor._can_link("evidence") and not editor._accepts_files()
    assert editor.save() is False  # Ctrl+S on a read-only form saves nothing
    editor.close()
    with workspace.session() as s:
        assert dump_digest(s) == before


def test_a_member_edits_but_does_not_dispose_delete_or_issue(open_as: OpenAs, records: dict[str, str]) -> None:
    window = open_as(Role.MEMBER)
    assert window.user_label.text() == "使用人：张伟（组员）"
    window.list_page("clue")
    assert window.new_action.isEnabled() and window.list_of("clue").new_button.isVisibleTo(window.list_of("clue"))
    editor = window.open_record("clue", records["clue"])
    assert not editor.read_only and editor.save_button.isVisibleTo(editor)
    assert not editor.delete_button.isVisibleTo(editor)
    # at 研判 the member may send the clue back for verification, not dispose of it (移交 etc.)
    assert _steps(editor) == {"verifying"}
    paper = window.open_record("paper", records["draft"])
    assert not paper.read_only and _steps(paper) == set()  # the check is the deputy's
    for action in (window.feedback_action, window.supervision_action):
        assert not action.isEnabled()
    assert window.record_document_action.isEnabled()  # an interview's record, for the interviewee to sign
    assert not window.audit_action.isVisible()
    sync = _sync_page(window)
    assert not sync.export_button.isVisibleTo(sync) and not sync.keep_here_button.isVisibleTo(sync)


def test_a_leader_disposes_signs_off_deletes_issues_and_reads_the_audit_log(open_as: OpenAs,
                                                                            records: dict[str, str]) -> None:
    window = open_as(Role.LEADER)
    assert window.user_label.text() == "使用人：赵刚（组长）"
    editor = window.open_record("clue", records["clue"])
    assert editor.delete_button.isVisibleTo(editor)
    assert {"transferred", "closed_off", "immediate", "verifying"} <= _steps(editor)
    assert _steps(window.open_record("paper", records["draft"])) == set()  # checking is the deputy's, not the leader's
    assert _steps(window.open_record("paper", records["checked"])) == {"approved", "draft"}
    for action in (window.feedback_action, window.supervision_action, window.record_document_action):
        assert action.isEnabled()
    assert window.audit_action.isVisible()
    sync = _sync_page(window)
    for button in (sync.export_button, sync.import_button, sync.trust_button, sync.keep_here_button):
        assert button.isVisibleTo(sync)
    # the step the window offers goes through: 移交 by the leader
    assert editor.step("transferred", (), {})
    assert editor.record["status"] == "transferred"


def test_a_deputy_checks_a_paper_and_a_liaison_handles_logistics(open_as: OpenAs, records: dict[str, str]) -> None:
    deputy = open_as(Role.DEPUTY)
    paper = deputy.open_record("paper", records["draft"])
    assert _steps(paper) == {"checked"}
    assert paper.step("checked", (), {})
    assert paper.record["checked_by"] == "钱敏" and paper.record["checked_at"]  # the acting person, recorded
    assert deputy.feedback_action.isEnabled()  # the deputy sees identities, so issues documents

    liaison = open_as(Role.LIAISON)
    liaison.list_page("clue")
    assert not liaison.new_action.isEnabled()
    liaison.list_page("petition")
    assert liaison.new_action.isEnabled()
    clue = liaison.open_record("clue", records["clue"])
    assert clue.read_only and _steps(clue) == set()
    sync = _sync_page(liaison)
    assert sync.export_button.isVisibleTo(sync) and not sync.keep_here_button.isVisibleTo(sync)


def test_a_new_record_chooser_offers_only_editable_families(open_as: OpenAs, monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_as(Role.LIAISON)
    window.show_page("dashboard")
    offered: list[Any] = []

    def pick(*args: Any) -> tuple[str, bool]:
        offered.extend(args[3])
        return "", False

    monkeypatch.setattr("xuncha_desktop.ui.main_window.QInputDialog.getItem", pick)
    window._new_on_page()
    assert sorted(offered) == sorted(["被巡察单位", "个别谈话", "信访件", "证据材料"])


def test_the_controller_answers_from_the_matrix(workspace: Workspace) -> None:
    """Qt-free: what the window asks before it offers a button."""
    controller = Controller(workspace, "zh")
    expected = {Role.LEADER: ({"transferred", "verifying"}, True, "组长"),
                Role.MEMBER: ({"verifying"}, False, "组员"),
                Role.OFFICE: ({"transferred", "verifying"}, True, "巡察办"),
                Role.READONLY: (set(), False, "只读")}
    for role, (steps, delete, name) in expected.items():
        workspace.user = User(NAMES[role], role)
        offered = {status for status, _label, _needs in controller.allowed_next("clue", "analysing")}
        assert {"transferred", "verifying"} & offered == steps, role
        assert controller.may_delete() is delete and controller.about().role == name
        assert controller.may_edit("clue") is (role is not Role.READONLY)
    workspace.user = User(NAMES[Role.LIAISON], Role.LIAISON)
    assert controller.may_edit("petition") and not controller.may_edit("clue") and not controller.may_edit("paper")
