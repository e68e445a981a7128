"""The records controller without Qt: plain values out, and no door to the workspace for widgets."""

from __future__ import annotations

from xuncha_desktop.ui.controllers.records import Controller, Query
from xuncha_desktop.workspace import Workspace


def test_create_list_and_read_back_as_plain_values(controller: Controller, ids: dict[str, str]) -> None:
    made = [controller.create("problem", {"round_id": ids["round"], "unit_id": ids["unit"], "category": "line_policy",
                                          "statement": f"问题{n}", "severity": "ordinary"}) for n in range(3)]
    assert controller.count("problem") == 3
    rows = controller.page("problem", 0, 10, Query(search="问题1"))
    assert [r.id for r in rows] == [made[1]]
    unit_column = controller.columns("problem").index("unit_id")
    assert rows[0].values[unit_column] == "娄底市住房和城乡建设局"  # a title, not an id
    assert controller.read("problem", made[1])["statement"] == "问题1"


def test_about_tells_where_and_who_without_the_workspace(controller: Controller, workspace: Workspace) -> None:
    about = controller.about()
    assert (about.path, about.device_name, about.user_name) == (str(workspace.path), "第六巡察组-笔记本1", "张伟")
    assert not hasattr(controller, "workspace")
    for narrow in (controller.evidence, controller.reports, controller.sync, controller.drafts):
        assert not hasattr(narrow, "workspace")


def test_navigation_pages_come_from_the_descriptors_in_the_windows_language(workspace: Workspace) -> None:
    zh, en = Controller(workspace, "zh"), Controller(workspace, "en")
    pages = zh.nav_pages()
    assert [(p.key, p.kinds) for p in pages] == [
        ("rounds_units", ("round", "group", "unit", "declaration", "situation_report", "clue_transfer")),
        ("interview", ("interview",)),
        ("petition", ("petition",)), ("clue", ("clue",)), ("evidence", ("evidence",)), ("paper", ("paper",)),
        ("problem", ("problem",)), ("feedback_draft", ("feedback_draft",)), ("rule", ("rule",))]
    assert [p.label for p in pages][:3] == ["轮次与单位", "个别谈话", "信访件"]
    assert [p.label for p in en.nav_pages()][:3] == ["Rounds and units", "Interviews", "Petitions"]
    assert pages[0].icon == "rounds" and {zh.page_of(kind) for kind in ("round", "group", "unit")} == {"rounds_units"}
    assert zh.page_of("clue") == "clue"
    assert (zh.date_field("interview"), zh.category_field("interview")) == ("started_at", "interviewee_category")
    assert zh.date_field("unit") is None


def test_a_paper_cites_a_rule_picked_from_the_library(controller: Controller, ids: dict[str, str]) -> None:
    # The editor's 添加关联… offers the 定性依据 library (every entry: no unit or round narrows it), found by
    # search; the link shows in the paper's panel.
    paper = controller.create("paper", {"unit_id": ids["unit"], "title": "关于公务接待超标准的问题底稿"})
    assert "rule" in controller.linkable_kinds("paper") and "rule" in controller.linkable_kinds("problem")
    choices = controller.link_choices("rule", "勤俭", unit_id=ids["unit"], round_id=ids["round"])
    assert [c.title for c in choices] == ["《十八届中央政治局关于改进工作作风、密切联系群众的八项规定》"
                                          "（2012年12月4日中央政治局会议审议通过）第八项"]
    controller.link("paper", paper, "rule", choices[0].id)
    assert [(item.kind, item.id) for item in controller.linked("paper", paper)] == [("rule", choices[0].id)]
    assert controller.nav_pages()[-1].label == "定性依据"
