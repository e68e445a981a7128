"""docs/adding-a-record-family.md, proven: a family made of a model and a service, registered in the list of
kinds, works in the command line, search, sync and the window (navigation, list, editor) without any other file
knowing it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = Path(__file__).with_name("new_family_child.py")


@pytest.mark.slow
def test_a_new_family_needs_only_its_model_service_and_registration(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(CHILD), str(tmp_path)], capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    # The navigation places it by its order, between interviews (20) and petitions (30); search knows it.
    assert seen["pages"] == ["rounds_units", "interview", "meeting", "petition", "clue", "evidence", "paper",
                             "problem", "feedback_draft", "rule"]
    assert "meeting" in seen["searched"]
    # The command line adds and lists it, and refuses a record without its required field by the field's label.
    assert seen["cli_add"] == 0
    assert seen["cli_list"] == [0, ["局党组理论学习中心组学习会"]]
    assert seen["cli_missing_title"] == [2, True]
    assert seen["cli_search"] == [0, ["meeting"]]
    assert seen["search"] == ["meeting"]
    # It travels: b receives the unit and the meeting, and after both directions the two copies are equal.
    assert seen["import"] == 2
    assert seen["meetings_at_b"] == ["局党组理论学习中心组学习会"]
    assert seen["dumps_equal"] is True
    # The window: a page of its own in the navigation, in its place and with its label, in either language;
    # its list shows the record under the headers of its list columns, and its date filter; the generic form
    # opens it.
    window = seen["window"]
    assert window["nav"] == ["工作台", "巡察办总览", "轮次与单位", "个别谈话", "列席会议", "信访件", "问题线索",
                             "证据材料", "问题底稿", "问题与整改", "反馈意见稿", "定性依据", "同步"]
    assert window["view_menu"] == window["nav"]
    assert window["nav_en"] == ["Rounds and units", "Interviews", "Meetings", "Petitions", "Clues", "Evidence",
                                "Working papers", "Problems and rectification",
                                "Feedback drafts", "Rules cited"]
    assert window["current_page"] == "meeting" and window["shows_the_page"] is True
    assert window["headers"] == ["召开时间", "会议名称", "被巡察单位"]
    assert window["rows"] == [["2020-05-06 09:00", "局党组理论学习中心组学习会", "娄底市水利局"]]
    assert window["row_ids"] == [seen["meeting_id"]]
    assert window["date_filter"] == "held_at"
    assert window["editor_title"] == "局党组理论学习中心组学习会"
