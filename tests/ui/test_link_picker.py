"""Links as inspectors think: a problem links to the interviews, petitions, clues, evidence and working
papers it rests on; the picker shows title and unit, keeps to the record's unit and round unless widened,
and asks before a link crosses units."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from tests.ui.dialogs import answer_next_box
from xuncha_desktop.services import links
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.ui.editor import LinkPicker
from xuncha_desktop.ui.main_window import MainWindow
from xuncha_desktop.workspace import Workspace


def _texts(picker: LinkPicker) -> list[str]:
    return [picker.list.item(row).text() for row in range(picker.list.count())]


def test_a_problem_links_to_what_it_rests_on_within_its_unit_first(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, ids: dict[str, str]) -> None:
    with workspace.transaction() as session:
        other_unit = KINDS["unit"].create(session, {"name": "娄底市财政局"})
        problem = KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                                    "category": "line_policy", "statement": "公车私用"})
        own = KINDS["interview"].create(session, {
            "round_id": ids["round"], "unit_id": ids["unit"], "interviewee_name": "陈静",
            "interviewee_category": "principal", "started_at": "2020-09-15T09:30", "interviewers": ["赵刚", "钱敏"]})
        KINDS["interview"].create(session, {
            "round_id": ids["round"], "unit_id": str(other_unit.id), "interviewee_name": "李四",
            "interviewee_category": "staff", "started_at": "2020-09-16T09:30", "interviewers": ["赵刚", "钱敏"]})
        problem_id, own_id = str(problem.id), str(own.id)
    editor = window.open_record("problem", problem_id)
    picker = LinkPicker(window.controller, "problem", editor, editor.record)
    qtbot.addWidget(picker)
    offered = {picker.kind_box.itemData(i) for i in range(picker.kind_box.count())}
    assert {"interview", "petition", "clue", "evidence", "paper"} <= offered
    picker.kind_box.setCurrentIndex(picker.kind_box.findData("interview"))
    # narrowed to the problem's unit and round: only its own unit's interview, shown with title and unit
    assert picker.narrow.isChecked()
    assert len(_texts(picker)) == 1 and "陈静" in _texts(picker)[0]
    assert _texts(picker)[0].endswith("娄底市住房和城乡建设局")
    picker.narrow.setChecked(False)
    assert len(_texts(picker)) == 2
    # a record of another unit is confirmed first: 否 keeps the picker open, nothing chosen
    other_row = next(i for i, text in enumerate(_texts(picker)) if "李四" in text)
    picker.list.setCurrentRow(other_row)
    seen: list[tuple[str, list[str]]] = []
    answer_next_box("&No", seen)
    picker._accept()
    assert picker.chosen is None and "娄底市财政局" in seen[0][0]
    # its own unit's record links without a question
    picker.list.setCurrentRow(next(i for i, text in enumerate(_texts(picker)) if "陈静" in text))
    picker._accept()
    assert picker.chosen == ("interview", own_id)
    assert editor.add_link("interview", own_id)
    with workspace.session() as session:
        linked = links.linked_ids(session, "problem", problem.id, "interview")
    assert [str(i) for i in linked] == [own_id]
