"""回避 in the window's controller: a save that touches a declared matter goes ahead and leaves the warnings, in
the window's language, for the editor to show (ui/editor.py shows them after the save)."""

from __future__ import annotations

from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.workspace import Workspace


def test_a_save_leaves_the_recusal_warnings_for_the_editor(workspace: Workspace, ids: dict[str, str]) -> None:
    zh, en = Controller(workspace, "zh"), Controller(workspace, "en")
    zh.create("declaration", {"member_name": "钱敏", "relation": "former_unit", "unit_id": ids["unit"]})
    assert zh.warnings == []
    interview = {"unit_id": ids["unit"], "kind": "required", "interviewee_category": "班子成员",
                 "started_at": "2020-05-06T09:00", "interviewee_name": "王强", "interviewers": ["赵刚", "张伟"]}
    key = zh.create("interview", interview)
    assert zh.warnings == []
    en.update("interview", key, {"interviewers": ["赵刚", "钱敏"]})
    (text,) = en.warnings
    assert "钱敏" in text and "Former unit" in text and "interviewer" in text
    zh.update("interview", key, {"place": "局机关三楼会议室"})
    (text,) = zh.warnings
    assert "回避提示" in text and "曾工作单位" in text
    zh.update("interview", key, {"interviewers": ["赵刚", "张伟"]})
    assert zh.warnings == []
