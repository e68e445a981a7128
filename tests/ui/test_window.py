"""The main window driven as a user would: navigation, editing every kind, statuses, links, search, filters."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCharts import QAbstractBarSeries, QBarCategoryAxis
from PySide6.QtCore import QDate, QDateTime, QPoint, QSettings, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollBar,
)
from pytestqt.qtbot import QtBot

from xuncha_desktop import local_time
from xuncha_desktop.services import records as records_service
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.ui.editor import RecordEditor, StepDialog
from xuncha_desktop.ui.main_window import MainWindow
from xuncha_desktop.ui.pages import DashboardPage, ListPage
from xuncha_desktop.workspace import Workspace

from .typing import type_text


def _choose(combo: QComboBox, label_part: str) -> None:
    for at in range(combo.count()):
        if label_part in combo.itemText(at):
            combo.setCurrentIndex(at)
            return
    raise AssertionError(f"{label_part!r} not in {[combo.itemText(i) for i in range(combo.count())]}")


def _type(qtbot: QtBot, editor: RecordEditor, name: str, text: str) -> None:
    widget = editor.widgets[name].input
    assert isinstance(widget, QLineEdit | QPlainTextEdit)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)  # to the end, as a user would
    type_text(widget, text)


def _save(qtbot: QtBot, editor: RecordEditor) -> None:
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)


def test_navigation_status_bar_and_menus(window: MainWindow, workspace: Workspace) -> None:
    labels = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert labels == ["工作台", "巡察办总览", "轮次与单位", "个别谈话", "信访件", "问题线索", "证据材料", "问题底稿",
                      "问题与整改", "反馈意见稿", "定性依据", "同步"]
    assert window.page_keys == ["dashboard", "office", "rounds_units", "interview", "petition", "clue", "evidence",
                                "paper", "problem", "feedback_draft", "rule", "sync"]
    window.nav.setCurrentRow(window.page_keys.index("clue"))
    assert window.stack.currentWidget() is window.list_of("clue")
    texts = " ".join(label.text() for label in window.statusBar().findChildren(QLabel))
    assert "第六巡察组-笔记本1" in texts and "张伟" in texts and "已保存" in texts
    assert str(workspace.path) in texts
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:2] == ["文件(&F)", "查找(&S)"]
    assert window.search_action.shortcut().toString() == "Ctrl+F"
    sync_text = " ".join(label.text() for label in window.page("sync").findChildren(QLabel))
    assert "本机版本" in sync_text


def test_geometry_and_columns_are_remembered(qtbot: QtBot, controller: Controller, ids: dict[str, str]) -> None:
    from xuncha_desktop.ui.main_window import MainWindow

    first = MainWindow(controller, offer_drafts=False)
    qtbot.addWidget(first)
    first.show()
    first.resize(first.minimumSizeHint().width() + 1, 501)
    wanted = first.size()
    first.list_of("interview").view.horizontalHeader().resizeSection(1, 321)
    first.close()
    assert QSettings().value("window/geometry") is not None
    second = MainWindow(controller, offer_drafts=False)
    qtbot.addWidget(second)
    assert second.size() == wanted
    assert second.list_of("interview").view.horizontalHeader().sectionSize(1) == 321


def test_create_an_interview_with_validation_next_to_the_field(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                                               ids: dict[str, str]) -> None:
    window.show_page("interview")
    qtbot.mouseClick(window.list_of("interview").new_button, Qt.MouseButton.LeftButton)
    editor = window.editors[-1]
    unit, category = editor.widgets["unit_id"].input, editor.widgets["interviewee_category"].input
    assert isinstance(unit, QComboBox) and isinstance(category, QComboBox)
    _choose(unit, "住房和城乡建设局")
    _type(qtbot, editor, "interviewee_name", "李明")
    _choose(category, "主要负责人")
    start = editor.widgets["started_at"].input
    assert isinstance(start, QDateTimeEdit)
    start.setDateTime(QDateTime(QDate(2020, 9, 15), QTime(9, 30)))
    _type(qtbot, editor, "interviewers", "赵刚")
    _save(qtbot, editor)
    # the service refuses one interviewer: the message is shown under the field, nothing is stored
    error = editor.widgets["interviewers"].error
    assert error.isVisible() and "两" in error.text()
    assert editor.record_id is None
    _type(qtbot, editor, "interviewers", "、钱敏")
    _type(qtbot, editor, "record_text", "问：单位落实情况？答：基本落实。")
    _save(qtbot, editor)
    assert not error.isVisible()
    assert editor.record_id is not None
    with workspace.session() as session:
        record = KINDS["interview"].get(session, editor.record_id)
        assert record.interviewee_name == "李明"
        assert record.interviewers == ["赵刚", "钱敏"]
        assert record.interviewee_category == "principal"
        # typed as 09:30 where the group works (the workspace's zone), whatever the computer's zone
        assert local_time.local(record.started_at) == dt.datetime(2020, 9, 15, 9, 30, tzinfo=local_time.zone())
    page = window.list_of("interview")
    assert page.count_label.text() == "共 1 条"
    assert page.model.data(page.model.index(0, 1)) == "李明"


def test_create_and_edit_every_kind(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                    ids: dict[str, str]) -> None:
    fills: dict[str, dict[str, str | None]] = {
        "round": {"name": "五届市委第九轮巡察", "kind": "常规巡察"},
        "unit": {"name": "娄底市财政局", "party_org_kind": "党组"},
        "group": {"name": "市委第七巡察组", "round_id": "第八轮"},
        "petition": {"channel": "来信", "summary": "反映违规发放津补贴", "received_at": None,
                     "petitioner_name": "王某"},
        "clue": {"unit_id": "住房和城乡建设局", "source_kind": "信访举报", "description": "违规发放津补贴"},
        "evidence": {"title": "党组会议记录"},
        "paper": {"unit_id": "住房和城乡建设局", "title": "关于违规发放津补贴的底稿"},
        "problem": {"round_id": "第八轮", "unit_id": "住房和城乡建设局", "category": "全面从严治党",
                    "statement": "违规发放津补贴"},
    }
    for kind, values in fills.items():
        editor = window.new_record(kind)
        for name, value in values.items():
            widget = editor.widgets[name].input
            if isinstance(widget, QComboBox):
                assert value is not None
                _choose(widget, value)
            elif isinstance(widget, QDateTimeEdit) and not isinstance(widget, QDateEdit):
                widget.setDateTime(QDateTime(QDate(2020, 9, 20), QTime(10, 0)))
            else:
                assert value is not None
                _type(qtbot, editor, name, value)
        _save(qtbot, editor)
        assert editor.record_id is not None, (kind, editor.message.text(),
                                              [w.error.text() for w in editor.widgets.values()])
        # edit it: a text field gets more text and the database holds it
        text_field = next(n for n in ("notes", "summary", "description", "statement", "name")
                          if n in editor.widgets and isinstance(editor.widgets[n].input, QLineEdit | QPlainTextEdit))
        _type(qtbot, editor, text_field, "（补充）")
        _save(qtbot, editor)
        with workspace.session() as session:
            record = KINDS[kind].get(session, editor.record_id)
            assert (getattr(record, text_field) or "").endswith("（补充）"), kind
        editor.close()
    assert window.list_of("problem").model.rowCount() == 1


def test_status_steps_offer_only_allowed_ones_and_ask_for_needs(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                                                ids: dict[str, str]) -> None:
    with workspace.transaction() as session:
        clue = KINDS["clue"].create(session, {"unit_id": ids["unit"], "source_kind": "petition",
                                              "description": "工程项目围标串标"})
        clue_id = str(clue.id)
    editor = window.open_record("clue", clue_id)

    def buttons() -> list[str]:
        return [b.objectName() for b in editor.status_box.findChildren(QPushButton) if not b.isHidden()]

    assert buttons() == ["status_verifying"]
    # a step that needs nothing still asks for confirmation; the test answers for the user
    assert editor.step("verifying", (), {})
    assert editor.step("analysing", (), {})
    qtbot.waitUntil(lambda: "status_transferred" in buttons())
    assert "status_done" not in buttons()
    # the transfer needs the receiving body: without it the service refuses and says so beside the field
    assert not editor.step("transferred", ("receiving_body",), {})
    assert editor.widgets["receiving_body"].error.isVisible()
    assert editor.step("transferred", ("receiving_body",), {"receiving_body": "市纪委监委"})
    status = editor.findChild(QLabel, "status_label")
    assert status is not None and status.text() == "状态：移交"
    with workspace.session() as session:
        stored = KINDS["clue"].get(session, clue_id)
        assert (stored.status, stored.receiving_body) == ("transferred", "市纪委监委")


def test_step_dialog_asks_for_the_proof(qtbot: QtBot, window: MainWindow, workspace: Workspace, ids: dict[str, str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from xuncha_desktop.ui import editor as editor_module

    with workspace.transaction() as session:
        problem = KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                                    "category": "team_building", "statement": "干部档案管理不规范"})
        problem_id = str(problem.id)
    editor = window.open_record("problem", problem_id)
    asked: list[tuple[str, ...]] = []

    def fake_exec(dialog: StepDialog) -> QDialog.DialogCode:
        asked.append(tuple(dialog.inputs))
        dialog.accept()  # 确定 with nothing typed: refused, and the dialog stays open with the reason
        assert dialog.result() != QDialog.DialogCode.Accepted.value
        assert not dialog.message.isHidden() and "整改佐证" in dialog.message.text()
        assert "proof" not in dialog.message.text()  # the field by its label, not its code
        type_text(dialog.inputs["proof"], "档案专项整治报告")
        dialog.accept()
        return QDialog.DialogCode(dialog.result())

    monkeypatch.setattr(editor_module.StepDialog, "exec", fake_exec)
    qtbot.mouseClick(editor.status_box.findChild(QPushButton, "status_rectified"), Qt.MouseButton.LeftButton)
    assert asked == [("proof", "remark")]
    with workspace.session() as session:
        stored = KINDS["problem"].get(session, problem_id)
        assert stored.status == "rectified" and stored.proof == "档案专项整治报告"
    assert [b.objectName() for b in editor.status_box.findChildren(QPushButton) if b.objectName()] == \
        ["status_not_rectified"]
    history = editor.history_model
    assert history is not None and history.rowCount() == 1
    assert history.data(history.index(0, 1)) == "未整改 → 整改到位"
    assert history.data(history.index(0, 3)) == "张伟"


def test_link_records_and_navigate_by_double_click(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                                   ids: dict[str, str]) -> None:
    with workspace.transaction() as session:
        clue = KINDS["clue"].create(session, {"unit_id": ids["unit"], "source_kind": "interview",
                                              "description": "公车私用", "number": "XS-001"})
        problem = KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                                    "category": "strict_governance", "statement": "公车管理混乱",
                                                    "number": "WT-001"})
        clue_id, problem_id = str(clue.id), str(problem.id)
    editor = window.open_record("problem", problem_id)
    assert editor.add_link("clue", clue_id)
    assert editor.links_model.rowCount() == 1
    assert editor.links_model.data(editor.links_model.index(0, 2)) == "XS-001"
    with workspace.session() as session:
        from xuncha_desktop.services import links

        assert links.linked_ids(session, "problem", problem.id, "clue") == [clue.id]
    qtbot.waitExposed(editor)
    view = editor.links_view
    rect = view.visualRect(editor.links_model.index(0, 2))
    assert rect.isValid()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    opened = window.editors[-1]
    assert (opened.kind, opened.record_id) == ("clue", clue_id)
    assert window.stack.currentWidget() is window.list_of("clue")
    assert opened.links_model.data(opened.links_model.index(0, 2)) == "WT-001"


def test_global_search_jumps_to_the_hit(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                        ids: dict[str, str]) -> None:
    with workspace.transaction() as session:
        problem = KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                                    "category": "strict_governance",
                                                    "statement": "违规使用公车接送子女上学"})
        problem_id = str(problem.id)
    window.show_page("dashboard")
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_box.hasFocus()
    type_text(window.search_box, "公车")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    from xuncha_desktop.ui.search_dialog import SearchDialog

    dialog = window.findChild(SearchDialog)
    assert dialog is not None
    assert dialog.summary.text() == "找到 1 条记录：问题 1"
    assert dialog.branches["problem"].text(0) == "问题（1）"
    hit = dialog.rows("problem")[0]
    assert hit.text(1) == "娄底市住房和城乡建设局"  # the unit, not only the number
    assert "公车" in hit.text(2)
    assert dialog.tree.currentItem() is hit
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    opened = window.editors[-1]
    assert (opened.kind, opened.record_id) == ("problem", problem_id)
    assert window.stack.currentWidget() is window.list_of("problem")


def test_search_groups_kinds_and_reads_more_on_demand(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                                      ids: dict[str, str]) -> None:
    with workspace.transaction() as session:
        for n in range(25):
            KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                              "category": "strict_governance", "statement": f"公车问题{n}"})
        KINDS["paper"].create(session, {"unit_id": ids["unit"], "title": "公车私用底稿"})
    type_text(window.search_box, "公车")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    from xuncha_desktop.ui.search_dialog import SearchDialog

    dialog = window.findChild(SearchDialog)
    assert dialog is not None
    assert dialog.summary.text() == "找到 26 条记录：问题底稿 1　问题 25"
    assert dialog.branches["problem"].text(0) == "问题（25）"
    assert len(dialog.rows("problem")) == 21  # 20 hits, then the row that reads more
    more = dialog.rows("problem")[20]
    assert more.text(0) == "显示更多（还有 5 条）…"
    dialog.tree.setCurrentItem(more)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    rows = dialog.rows("problem")
    assert len(rows) == 25  # all read: no "more" row left
    assert [rows[0].text(2), rows[24].text(2)] == ["公车问题24", "公车问题0"]  # newest first
    assert dialog.isVisible()


def test_saving_an_empty_form_names_every_missing_field_under_it(qtbot: QtBot, window: MainWindow,
                                                                   ids: dict[str, str]) -> None:
    editor = window.new_record("problem", {})
    assert not editor.save()
    missing = editor.missing_required()
    assert len(missing) >= 3 and {"unit_id", "statement"} <= set(missing)
    for name in missing:
        error = editor.widgets[name].error
        assert error.isVisibleTo(editor) and "请填写“" in error.text()
    assert editor.message.text() == f"有 {len(missing)} 个必填项目未填写，已标红。"
    # fixing a field clears its error at once; the rest stay until they are filled
    editor.widgets["statement"].set_value("公车私用")
    assert not editor.widgets["statement"].error.isVisibleTo(editor)
    assert editor.widgets["unit_id"].error.isVisibleTo(editor)
    assert not editor.save()
    assert not editor.widgets["statement"].error.isVisibleTo(editor)


def test_a_short_list_sorts_by_any_column(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                         ids: dict[str, str]) -> None:
    with workspace.transaction() as session:
        for n, deadline in enumerate(("2020-12-31", "2020-06-30", "2020-09-30")):
            KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"], "deadline": deadline,
                                              "category": "line_policy", "statement": f"问题{n}"})
    page = window.show_page("problem")
    assert isinstance(page, ListPage)
    page.model.wait_for_count()
    column = page.model.columns.index("deadline")
    assert page.model.sortable(column)  # 整改时限 has no index of its own; three rows sort at once
    page.model.sort(column, Qt.SortOrder.AscendingOrder)
    shown = [page.model.data(page.model.index(row, column)) for row in range(3)]
    assert shown == sorted(shown) and shown[0].startswith("2020-06-30")


def test_filters_are_done_in_the_database(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                          ids: dict[str, str]) -> None:
    with workspace.transaction() as session:
        other = KINDS["unit"].create(session, {"name": "娄底市财政局"})
        for n, (unit, category, deadline) in enumerate([(ids["unit"], "team_building", "2020-01-01"),
                                                        (ids["unit"], "strict_governance", "2099-01-01"),
                                                        (str(other.id), "team_building", "2020-06-01")]):
            KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": unit, "category": category,
                                              "statement": f"问题{n}", "deadline": deadline})
    page = window.list_of("problem")
    assert page.category_box is not None and page.date_to is not None
    page.refresh()
    assert page.count_label.text() == "共 3 条"
    page.set_filter("unit", ids["unit"])
    assert page.count_label.text() == "共 2 条"
    _choose(page.category_box, "领导班子")
    assert page.count_label.text() == "共 1 条"
    page.set_filter("unit", None)
    assert page.count_label.text() == "共 2 条"
    page.date_to.setDate(QDate(2020, 3, 1))
    assert page.count_label.text() == "共 1 条"
    page.date_to.setDate(QDate(1900, 1, 1))
    page.set_filter("category", None)
    type_text(page.search, "问题2")
    qtbot.waitUntil(lambda: page.count_label.text() == "共 1 条")
    # the overdue problem is highlighted
    page.search.clear()
    qtbot.waitUntil(lambda: page.count_label.text() == "共 3 条")
    from xuncha_desktop.ui.models import OVERDUE_ROLE

    overdue = [page.model.data(page.model.index(r, 0), OVERDUE_ROLE) for r in range(3)]
    assert sorted(overdue) == [False, True, True]


def test_dashboard_counts_chart_and_overdue(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                            ids: dict[str, str]) -> None:
    with workspace.transaction() as session:
        for n in range(3):
            KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                              "category": "team_building", "statement": f"问题{n}",
                                              "deadline": "2020-01-01" if n == 0 else None})
    dashboard = window.page("dashboard")
    assert isinstance(dashboard, DashboardPage)
    _choose(dashboard.round_box, "第八轮")
    assert dashboard.count_labels["problems"].text() == "3"
    assert dashboard.count_labels["units"].text() == "1"
    assert dashboard.count_labels["problems_overdue"].text() == "1"
    # one meaning per figure: the tile counts fed-back problems that are rectified (the rate's numerator), the
    # status line every problem by status; they stood side by side as two different 整改到位 (1442 and 1512)
    captions = [w.text() for w in dashboard.findChildren(QLabel)]
    assert "反馈问题已整改" in captions and "整改到位" not in captions
    assert dashboard.status_line.text().split("\n")[1].startswith("全部问题：")
    assert dashboard.overdue_model.rowCount() == 1
    chart = dashboard.category_view.chart()
    assert chart.title() == "问题按类别"
    series = chart.series()[0]
    assert isinstance(series, QAbstractBarSeries)
    bars = series.barSets()[0]
    assert sum(bars.at(i) for i in range(bars.count())) == 3
    # clicking the bar of a category opens the problem list filtered by it
    index = dashboard.category_codes.index("team_building")
    bars.clicked.emit(index)
    page = window.list_of("problem")
    assert window.stack.currentWidget() is page
    assert page.category_box is not None and page.category_box.currentData() == "team_building"
    assert page.count_label.text() == "共 3 条"


def test_petitioner_identity_is_hidden_until_asked(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                                   ids: dict[str, str]) -> None:
    with workspace.transaction() as session:
        petition = KINDS["petition"].create(session, {"channel": "letter", "received_at": "2020-09-15T09:30",
                                                      "summary": "反映问题", "petitioner_name": "王某某",
                                                      "petitioner_contact": "13800000000"})
    editor = window.open_record("petition", str(petition.id))
    name = editor.widgets["petitioner_name"].input
    assert isinstance(name, QLineEdit)
    assert name.text() == "王某某" and name.echoMode() == QLineEdit.EchoMode.Password
    editor.widgets["petitioner_name"].reveal.setChecked(True)
    assert name.echoMode() == QLineEdit.EchoMode.Normal


def test_f5_refreshes_the_lists_and_the_dashboard(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                                  ids: dict[str, str]) -> None:
    page = window.list_of("problem")
    dashboard = window.page("dashboard")
    assert isinstance(dashboard, DashboardPage)
    assert page.count_label.text() == "共 0 条" and dashboard.count_labels["problems"].text() == "0"
    # records that arrive behind the window's back (another office workstation, an import)
    with workspace.transaction() as session:
        for n in range(2):
            KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                              "category": "team_building", "statement": f"问题{n}",
                                              "deadline": "2020-01-01"})
    assert page.count_label.text() == "共 0 条"
    assert "F5" in window.refresh_action.shortcut().toString()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert page.count_label.text() == "共 2 条"
    assert page.model.data(page.model.index(0, 2)) in ("问题0", "问题1")
    assert dashboard.count_labels["problems"].text() == "2"
    assert dashboard.count_labels["problems_overdue"].text() == "2"
    assert dashboard.overdue_model.rowCount() == 2
    # rounds and units made behind the window's back appear in the filters and the dashboard's choice
    with workspace.transaction() as session:
        KINDS["round"].create(session, {"name": "第九轮巡察", "kind": "regular"})
        KINDS["unit"].create(session, {"name": "娄底市医疗保障局"})
    assert page.unit_box is not None and page.round_box is not None
    before = page.unit_box.currentData()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    assert page.unit_box.findText("娄底市医疗保障局") > 0 and page.round_box.findText("第九轮巡察") > 0
    assert dashboard.round_box.findText("第九轮巡察") > 0
    assert page.unit_box.currentData() == before and page.count_label.text() == "共 2 条"


def test_a_column_without_an_index_does_not_sort_and_says_why(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                                              ids: dict[str, str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(records_service, "SORTED_WITHOUT_INDEX", -1)  # as on a long list
    page = window.show_page("interview")
    assert isinstance(page, ListPage)
    qtbot.waitExposed(page.view)
    header = page.view.horizontalHeader()
    post = page.model.columns.index("interviewee_post")
    name = page.model.columns.index("interviewee_name")
    order_before = page.model.query.order
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(post) + 5, header.height() // 2))
    assert page.model.query.order == order_before  # the list keeps its order
    assert "职务" in page.sort_note.text() and "筛选" in page.sort_note.text()
    assert header.sortIndicatorSection() != post
    # a column with an index sorts, and the note goes away
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(name) + 5, header.height() // 2))
    assert page.model.query.order in (("interviewee_name",), ("-interviewee_name",))
    assert header.sortIndicatorSection() == name and page.sort_note.text() == ""


def test_ctrl_n_creates_on_every_list_page_and_asks_on_the_dashboard(qtbot: QtBot, window: MainWindow,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl+N did nothing: the page's 新建 button and the menu action both had it, so Qt called it ambiguous.
    Now on every list page it opens a new record of that page's kind, and on 工作台 it asks which kind."""
    from PySide6.QtWidgets import QInputDialog

    from xuncha_desktop.ui.editor import RecordEditor
    from xuncha_desktop.ui.pages import ListPage, TabbedPage

    window.activateWindow()
    qtbot.waitActive(window)
    for entry in window.controller.nav_pages():
        for kind in entry.kinds:
            if kind == "evidence":
                continue  # its 新建 chooses files to add (tests/ui/test_evidence_and_jobs.py)
            page = window.show_page(entry.key)
            if isinstance(page, TabbedPage):
                page.tabs.setCurrentWidget(page.lists[kind])
            list_page = window.list_of(kind)
            assert isinstance(list_page, ListPage)
            before = len(window.editors)
            qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
            opened = before + 1
            qtbot.waitUntil(lambda: len(window.editors) == opened, timeout=3000)  # noqa: B023 - waited here
            editor = window.editors[-1]
            assert isinstance(editor, RecordEditor) and editor.kind == kind and editor.record_id is None
            editor.close()
            qtbot.waitUntil(lambda: editor not in window.editors, timeout=3000)  # noqa: B023 - waited here
    asked: list[list[str]] = []

    def choose(_parent: object, _title: str, _label: str, items: list[str], *_args: object) -> tuple[str, bool]:
        asked.append(items)
        return window.controller.kind_label("problem"), True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(choose))
    window.show_page("dashboard")
    before = len(window.editors)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(window.editors) == before + 1, timeout=3000)
    assert window.editors[-1].kind == "problem"
    assert asked and window.controller.kind_label("interview") in asked[0]


def test_a_form_offers_the_units_of_its_round(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                              ids: dict[str, str]) -> None:
    with workspace.transaction() as session:
        elsewhere = KINDS["unit"].create(session, {"name": "娄底市财政局"})  # inspected by no group of the round
        elsewhere_id = str(elsewhere.id)
    editor = window.new_record("problem", {})
    units = editor.widgets["unit_id"].input
    assert isinstance(units, QComboBox)
    offered = {units.itemData(i) for i in range(units.count())}
    assert {ids["unit"], elsewhere_id} <= offered  # no round yet: every unit
    editor.widgets["round_id"].set_value(ids["round"])
    offered = {units.itemData(i) for i in range(units.count())} - {None}
    assert offered == {ids["unit"]}  # the round's groups inspect this one only
    # a unit already chosen stays offered and chosen, even outside the round's units: nothing is hidden
    editor.widgets["round_id"].set_value(None)
    editor.widgets["unit_id"].set_value(elsewhere_id)
    editor.widgets["round_id"].set_value(ids["round"])
    assert editor.widgets["unit_id"].value() == elsewhere_id
    assert {units.itemData(i) for i in range(units.count())} - {None} == {ids["unit"], elsewhere_id}


def test_the_dashboard_chart_says_which_units_it_shows_and_keeps_whole_names(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, ids: dict[str, str]) -> None:
    from xuncha_desktop.ui import pages

    with workspace.transaction() as session:
        for n in range(8):
            unit = KINDS["unit"].create(session, {"name": f"娄底市城市发展集团有限公司第{n}分公司"})
            for k in range(n + 1):  # unit n has n + 1 problems, none rectified
                KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": str(unit.id),
                                                  "category": "line_policy", "statement": f"问题{n}-{k}"})
    dashboard = window.show_page("dashboard")
    assert isinstance(dashboard, pages.DashboardPage)
    dashboard.refresh()
    chart = dashboard.unit_view.chart()
    assert chart.title() == "各单位整改进度（未完成最多的 6 个单位，共 8 个）"
    (axis,) = [a for a in chart.axes() if isinstance(a, QBarCategoryAxis)]
    names = [label.replace("<br>", "") for label in axis.categories()]
    assert names[-1] == "娄底市城市发展集团有限公司第7分公司"  # the most open problems, at the top, whole
    assert len(names) == 6
    (categories,) = [a for a in dashboard.category_view.chart().axes() if isinstance(a, QBarCategoryAxis)]
    assert "党的路线方针政策和党中央决策部署落实情况" in [c.replace("<br>", "") for c in categories.categories()]


def test_the_main_text_column_takes_the_spare_width(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1366, 768)
    for kind, main in (("problem", "statement"), ("paper", "title"), ("round", "name")):
        page = window.list_page(kind)
        qtbot.waitExposed(page.view)
        header = page.view.horizontalHeader()
        column = page.model.columns.index(main)
        assert page.main_column() == column
        assert header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch
        bar = page.view.horizontalScrollBar()

        def fits(bar: QScrollBar = bar) -> bool:
            return not bar.isVisible()

        qtbot.waitUntil(fits, timeout=3000)  # the columns fit: no sideways scrolling


def test_the_window_opens_with_its_first_page_and_builds_the_others_when_shown(
        window: MainWindow, ids: dict[str, str]) -> None:
    """Start-up reads one page, not twelve (issue 12): the record pages are built when first shown, and building
    one flashes no window of its own (a button shown before it had a parent did, for a moment)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QWidget

    assert set(window.pages) == {"dashboard", "sync"} and window.lists == {}
    assert window.stack.count() == len(window.page_keys)

    class WindowsShown(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.shown: list[str] = []

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
                self.shown.append(type(watched).__name__)
            return False

    spy = WindowsShown()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(spy)
    try:
        page = window.show_page(window.page_of("problem"))
    finally:
        app.removeEventFilter(spy)
    assert spy.shown == []
    assert window.stack.currentWidget() is page is window.list_of("problem")
    assert window.list_of("problem").count_label.text() == "共 0 条"  # read when built
    assert set(window.pages) == {"dashboard", "sync", "problem"}
    assert window.nav.currentRow() == window.page_keys.index("problem")
    # a list asked for without being shown is built in its place, and the shown page stays
    units = window.list_of("unit")
    assert window.stack.indexOf(window.page(window.page_of("unit"))) == window.page_keys.index("rounds_units")
    assert window.stack.currentWidget() is page and units.model.rowCount() == 1
    assert units.model.record_id(0) == ids["unit"]
    window.build_pages()
    assert set(window.pages) == set(window.page_keys) and set(window.lists) == set(window.list_kinds())
    assert [window.stack.indexOf(window.pages[key]) for key in window.page_keys] == list(range(len(window.page_keys)))
