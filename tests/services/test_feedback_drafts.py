"""巡察反馈意见稿 through its service: the items proposed from the problems (by category, duplicates
together, each item's requirement its own problems'), editing, ordering, merging and splitting, and the
steps 起草 → 组长审核 → 巡察办审核 → 定稿 as the permission matrix allows. Every refusal leaves the
workspace exactly as it was (its canonical dump)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from xuncha_desktop.errors import InvalidRequest, PermissionDenied, ValidationError
from xuncha_desktop.security.roles import Role, User
from xuncha_desktop.services import feedback_drafts as drafts
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.sync.dump import dump_digest
from xuncha_desktop.workspace import Workspace

LEADER, DEPUTY, MEMBER = User("赵刚", Role.LEADER), User("钱敏", Role.DEPUTY), User("张伟", Role.MEMBER)
OFFICE, LIAISON = User("周办", Role.OFFICE), User("孙丽", Role.LIAISON)

# (number, category, statement, requirement)
PROBLEMS = [
    ("001", "line_policy", "履行推进法治建设第一责任人职责不到位，2019年行政复议被撤销5件，规范性文件审查不严。",
     "落实法治建设第一责任人职责，严格规范性文件合法性审查。"),
    ("002", "line_policy", "学习贯彻习近平新时代中国特色社会主义思想不够深入，2019年集中学习仅3次。",
     "严格落实理论学习中心组学习制度。"),
    ("003", "line_policy", "履行推进法治建设第一责任人职责不到位，2020年行政诉讼败诉3件。",
     "健全行政应诉工作机制。"),
    ("004", "line_policy", "安全生产“一岗双责”落实不到位，2019年系统内发生一般生产安全事故1起。",
     "压实安全生产责任，深入剖析事故原因并严肃问责。"),
    # the same statement but for its figures, without a finding clause to recognise it by
    ("005", "strict_governance", "三会一课记录不全12处。", "规范三会一课记录。"),
    ("006", "strict_governance", "三会一课记录不全5处。", "规范三会一课记录。"),
    # the finding of 001 again, but under another heading: not proposed with it
    ("007", "strict_governance", "履行推进法治建设第一责任人职责不到位，2018年未听取法治建设专题汇报。",
     "定期听取法治建设工作汇报。"),
    # nearly the same words (one character differs), no clause of its own
    ("008", "team_building", "对下属单位监督检查流于形式存在宽松软现象", "加强对下属单位的监督检查。"),
    ("009", "team_building", "对下属单位监督检查流于形式存在宽松软问题", "加强对下属单位的监督检查。"),
]


def as_(ws: Workspace, user: User) -> None:
    ws.user = user


def make_problems(s: Session, ids: dict[str, str], rows: list[tuple[str, str, str, str]] = PROBLEMS) -> dict[str, str]:
    made = {}
    for number, category, statement, requirement in rows:
        problem = KINDS["problem"].create(s, {"round_id": ids["round"], "unit_id": ids["unit"], "number": number,
                                              "category": category, "statement": statement,
                                              "requirement": requirement, "in_feedback": True})
        made[number] = str(problem.id)
    # not in the feedback: never in the draft
    KINDS["problem"].create(s, {"round_id": ids["round"], "unit_id": ids["unit"], "number": "900",
                                "category": "line_policy", "statement": "立行立改的小问题。", "in_feedback": False})
    return made


@pytest.fixture
def draft(workspace: Workspace, ids: dict[str, str]) -> dict[str, Any]:
    as_(workspace, MEMBER)
    with workspace.transaction() as s:
        numbers = make_problems(s, ids)
        made = drafts.create_from_problems(s, ids["unit"], ids["round"])
        return {"id": str(made.id), "problems": numbers, **ids}


def numbers_of(s: Session, item: Any) -> list[str | None]:
    return [p.number for p in drafts.item_problems(s, item)]


def layout(ws: Workspace, draft_id: str) -> list[tuple[str | None, list[str | None]]]:
    with ws.session() as s:
        return [(item.category, numbers_of(s, item)) for item in drafts.items(s, draft_id)]


def digest(ws: Workspace) -> str:
    with ws.session() as s:
        return dump_digest(s)


def test_items_are_proposed_by_category_with_duplicates_together(workspace: Workspace, draft: dict[str, Any]) -> None:
    assert layout(workspace, draft["id"]) == [
        ("line_policy", ["001", "003"]),      # the same finding, in the order of the problems
        ("line_policy", ["002"]),
        ("line_policy", ["004"]),
        ("strict_governance", ["005", "006"]),  # equal but for the figures
        ("strict_governance", ["007"]),          # 001's finding, but another category
        ("team_building", ["008", "009"]),       # nearly the same words
    ]
    with workspace.session() as s:
        record = drafts.service.get(s, draft["id"])
        assert record.status == "draft" and record.drafted_by == "张伟" and record.documents_reviewed is None
        items = drafts.items(s, draft["id"])
        # the summary proposed is the finding the problems open with
        assert items[0].summary == "履行推进法治建设第一责任人职责不到位。"
        assert items[3].summary == ""  # 三会一课记录不全12处 / 5处: no common finding clause to propose
        # each item's requirement is made of its own problems' requirements, never another problem's
        assert items[0].requirement == "落实法治建设第一责任人职责，严格规范性文件合法性审查。健全行政应诉工作机制。"
        assert items[2].requirement == "压实安全生产责任，深入剖析事故原因并严肃问责。"
        assert items[3].requirement == "规范三会一课记录。"  # the same text twice is said once
        assert "学习" not in items[2].requirement


def test_same_finding_rules() -> None:
    assert drafts.same_finding("会议记录不全12处。", "会议记录不全 5 处。")
    assert drafts.same_finding("某某职责不到位，甲。", "某某职责不到位，乙乙乙乙乙乙乙。")
    assert not drafts.same_finding("公务用车管理不规范，2019年有12次无派车单。", "公务接待无公函，2019年有8批次。")
    assert drafts.finding("短，句子很长很长很长。") == ""  # an opening clause too short to name a finding


def test_one_draft_per_unit_and_round(workspace: Workspace, draft: dict[str, Any]) -> None:
    before = digest(workspace)
    with pytest.raises(ValidationError) as caught, workspace.transaction() as s:
        drafts.create_from_problems(s, draft["unit"], draft["round"])
    assert caught.value.key == "feedback_draft_exists"
    assert digest(workspace) == before


def test_edit_the_assessment_figures_and_items(workspace: Workspace, draft: dict[str, Any]) -> None:
    with workspace.transaction() as s:
        drafts.service.update(s, draft["id"], {"assessment": "巡察组认为，该局取得一定成效，但仍存在一些问题。",
                                               "documents_reviewed": 326})
        first = drafts.items(s, draft["id"])[0]
        drafts.update_item(s, first.id, summary="法治建设第一责任人职责落实不到位。", requirement="压实法治建设责任。")
    with workspace.session() as s:
        record = drafts.service.get(s, draft["id"])
        assert record.documents_reviewed == 326 and (record.assessment or "").startswith("巡察组认为")
        first = drafts.items(s, draft["id"])[0]
        assert (first.summary, first.requirement) == ("法治建设第一责任人职责落实不到位。", "压实法治建设责任。")
    before = digest(workspace)
    with pytest.raises(ValidationError) as caught, workspace.transaction() as s:
        drafts.service.update(s, draft["id"], {"documents_reviewed": -1})
    assert caught.value.key == "feedback_count_negative" and digest(workspace) == before


def test_reorder_within_a_category(workspace: Workspace, draft: dict[str, Any]) -> None:
    with workspace.transaction() as s:
        third = drafts.items(s, draft["id"])[2]           # 004, last of line_policy
        drafts.move_item(s, third.id, -1)
        drafts.move_item(s, third.id, -1)
        drafts.move_item(s, third.id, -1)                  # already first of its category: stays
    assert [n for _c, n in layout(workspace, draft["id"])][:4] == [["004"], ["001", "003"], ["002"], ["005", "006"]]
    with workspace.transaction() as s:
        last_of_category = drafts.items(s, draft["id"])[2]
        drafts.move_item(s, last_of_category.id, +1)       # never crosses into the next heading
        positions = [i.position for i in drafts.items(s, draft["id"])]
    assert [n for _c, n in layout(workspace, draft["id"])][2:4] == [["002"], ["005", "006"]]
    assert positions == sorted(positions) and len(set(positions)) == len(positions)


def test_merge_and_split(workspace: Workspace, draft: dict[str, Any]) -> None:
    with workspace.transaction() as s:
        items = drafts.items(s, draft["id"])
        kept = drafts.merge_items(s, [items[2].id, items[0].id])  # chosen in any order: the first in the document keeps
        assert kept.id == items[0].id
    assert layout(workspace, draft["id"])[:2] == [("line_policy", ["001", "003", "004"]), ("line_policy", ["002"])]
    with workspace.session() as s:
        merged = drafts.items(s, draft["id"])[0]
        assert merged.summary == "履行推进法治建设第一责任人职责不到位。"
        assert merged.requirement.endswith("压实安全生产责任，深入剖析事故原因并严肃问责。")
    before = digest(workspace)
    with pytest.raises(InvalidRequest) as caught, workspace.transaction() as s:
        items = drafts.items(s, draft["id"])
        drafts.merge_items(s, [items[0].id, items[2].id])  # line_policy with strict_governance
    assert caught.value.key == "feedback_merge_categories" and digest(workspace) == before

    with workspace.transaction() as s:
        merged = drafts.items(s, draft["id"])[0]
        new = drafts.split_item(s, merged.id, [draft["problems"]["004"]])
        assert new.summary == "安全生产“一岗双责”落实不到位。"
    assert layout(workspace, draft["id"])[:3] == [("line_policy", ["001", "003"]), ("line_policy", ["004"]),
                                                  ("line_policy", ["002"])]
    before = digest(workspace)
    with pytest.raises(InvalidRequest) as caught, workspace.transaction() as s:
        first = drafts.items(s, draft["id"])[0]
        drafts.split_item(s, first.id, [draft["problems"]["001"], draft["problems"]["003"]])
    assert caught.value.key == "feedback_split_all" and digest(workspace) == before


def test_steps_follow_the_matrix_and_refusals_change_nothing(workspace: Workspace, draft: dict[str, Any]) -> None:
    draft_id = draft["id"]

    def refused(user: User, step: str) -> PermissionDenied:
        as_(workspace, user)
        before = digest(workspace)
        with pytest.raises(PermissionDenied) as caught, workspace.transaction() as s:
            drafts.step(s, draft_id, step)
        assert digest(workspace) == before
        return caught.value

    assert refused(MEMBER, "leader_reviewed").action == "review_feedback"
    assert refused(DEPUTY, "leader_reviewed").action == "review_feedback"
    assert refused(LIAISON, "leader_reviewed").action == "draft_feedback"   # may not even touch a draft
    assert refused(OFFICE, "leader_reviewed").action == "review_feedback"
    as_(workspace, LEADER)
    with workspace.transaction() as s:
        drafts.step(s, draft_id, "leader_reviewed")
        assert drafts.allowed_steps(s, drafts.service.get(s, draft_id)) == ["draft"]
    # reviewed: locked against edits, for everyone
    for user in (MEMBER, LEADER, OFFICE):
        as_(workspace, user)
        before = digest(workspace)
        with pytest.raises(ValidationError) as locked, workspace.transaction() as s:
            drafts.update_item(s, drafts.items(s, draft_id)[0].id, summary="改写")
        assert locked.value.key == "feedback_draft_locked" and digest(workspace) == before
        with pytest.raises(ValidationError) as locked, workspace.transaction() as s:
            drafts.service.update(s, draft_id, {"assessment": "改写"})
        assert locked.value.key == "feedback_draft_locked" and digest(workspace) == before
    assert refused(LEADER, "office_reviewed").action == "approve_feedback"
    as_(workspace, OFFICE)
    with workspace.transaction() as s:
        assert drafts.allowed_steps(s, drafts.service.get(s, draft_id)) == ["draft", "office_reviewed"]
        drafts.step(s, draft_id, "office_reviewed")
    assert refused(LEADER, "final").action == "approve_feedback"
    # a problem listed for the feedback after the draft was made: not final until it has an item
    as_(workspace, MEMBER)
    with workspace.transaction() as s:
        KINDS["problem"].create(s, {"round_id": draft["round"], "unit_id": draft["unit"], "number": "010",
                                    "category": "rectification", "statement": "审计发现问题整改不到位。",
                                    "in_feedback": True})
    as_(workspace, OFFICE)
    before = digest(workspace)
    with pytest.raises(ValidationError) as caught, workspace.transaction() as s:
        drafts.step(s, draft_id, "final")
    assert caught.value.key == "feedback_draft_uncovered" and "010" in caught.value.text("zh")
    assert digest(workspace) == before
    with workspace.transaction() as s:
        drafts.step(s, draft_id, "draft")     # the office sends it back
        record = drafts.service.get(s, draft_id)
        assert record.leader_reviewed_by is None and record.office_reviewed_by is None
        added = drafts.add_uncovered(s, draft_id)
        assert [numbers_of(s, i) for i in added] == [["010"]]
    as_(workspace, LEADER)
    with workspace.transaction() as s:
        drafts.step(s, draft_id, "leader_reviewed")
    as_(workspace, OFFICE)
    with workspace.transaction() as s:
        drafts.step(s, draft_id, "office_reviewed")
        drafts.step(s, draft_id, "final")
        record = drafts.service.get(s, draft_id)
        assert (record.leader_reviewed_by, record.office_reviewed_by, record.finalised_by) == ("赵刚", "周办", "周办")
        assert record.finalised_at is not None
    assert refused(LEADER, "draft").action == "approve_feedback"  # only the office reopens a final draft
