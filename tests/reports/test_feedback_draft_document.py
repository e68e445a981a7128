"""The feedback composed from its draft: the items in the group's order with their summaries, problems and
requirements, the 总体评价, the facts only as recorded (never a 0 for what nobody counted), no brackets
inside brackets, the 主送 by the kind of Party organisation, the 落款 in full, and the marking 征求意见稿
on every document but one made from a 定稿 draft. Read back from the PDF with pdftotext."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.reports.helpers import add, compact, make_workspace, pdftotext
from xuncha_desktop.reports import feedback
from xuncha_desktop.reports.data import FeedbackData
from xuncha_desktop.security.roles import Role, User
from xuncha_desktop.services import feedback_drafts as drafts
from xuncha_desktop.services import permissions, publishing
from xuncha_desktop.services.feedback import feedback_data, party_org_name
from xuncha_desktop.workspace import Workspace

STATEMENTS = [
    ("line_policy", "履行推进法治建设第一责任人职责不到位，2019年行政复议被撤销5件。", "落实法治建设责任。"),
    ("line_policy", "履行推进法治建设第一责任人职责不到位，2020年行政诉讼败诉3件。", "健全行政应诉机制。"),
    ("line_policy", "安全生产“一岗双责”落实不到位，2019年发生一般生产安全事故1起。", "压实安全生产责任。"),
    ("strict_governance", "公务用车管理不规范，2019年有12次公车使用无派车单。", "规范公务用车管理。"),
]


def nested_brackets(text: str) -> list[str]:
    """Every place a bracket opens inside another that has not closed (（…（…）…）)."""
    found, depth = [], 0
    for index, char in enumerate(text):
        if char in "（(":
            depth += 1
            if depth > 1:
                found.append(text[max(0, index - 15):index + 15])
        elif char in "）)":
            depth = max(0, depth - 1)
    return found


@pytest.fixture(scope="module")
def frame(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, dict[str, Any], Path]]:
    folder = tmp_path_factory.mktemp("feedback-draft")
    ws = make_workspace(folder / "ws")
    ws.user = User("赵刚", Role.LEADER)
    with ws.transaction() as s:
        cross = add(s, "round", name="五届市委提级交叉巡察（县市区宣传、统战、政法部门）", kind="elevated",
                    start_date="2020-10-12", end_date="2020-12-25")
        unit = add(s, "unit", name="娄底市城市发展集团有限公司", party_org="中共娄底市城市发展集团有限公司委员会",
                   party_org_kind="党委")
        bare = add(s, "unit", name="娄底市档案馆")  # nothing recorded of it but its name
        add(s, "group", round_id=str(cross.id), name="市委第三巡察组", signing_org="中共娄底市委第三巡察组",
            unit_ids=[str(unit.id), str(bare.id)])
        for number, (category, statement, requirement) in enumerate(STATEMENTS, 1):
            add(s, "problem", round_id=str(cross.id), unit_id=str(unit.id), number=f"{number:03d}",
                category=category, statement=statement, requirement=requirement, in_feedback=True,
                responsible="娄底市城市发展集团有限公司党委书记", deadline="2021-02-28")
        add(s, "problem", round_id=str(cross.id), unit_id=str(bare.id), number="001",
            category="line_policy", statement="档案数字化工作推进缓慢。", in_feedback=True)
        add(s, "interview", round_id=str(cross.id), unit_id=str(unit.id), interviewee_name="王某",
            interviewee_category="一般干部", kind="必谈", started_at="2020-10-20T09:00:00+08:00",
            interviewers=["赵刚", "钱敏"], record_text="问：……答：……")
        draft = drafts.create_from_problems(s, unit.id, cross.id, documents_reviewed=326,
                                            assessment="巡察组认为，集团党委落实全面从严治党责任取得一定成效，但仍存在一些差距和不足")
    ids = {"round": str(cross.id), "unit": str(unit.id), "bare": str(bare.id), "draft": str(draft.id)}
    yield ws, ids, folder
    ws.close()


def data_of(ws: Workspace, unit: str, the_round: str) -> FeedbackData:
    with ws.transaction() as s:
        return feedback_data(s, unit, the_round, issued_on=dt.date(2021, 1, 5))


def pdf_text(data: FeedbackData, out: Path) -> str:
    feedback.write_pdf(data, out, use_system_fonts=False)
    return compact(pdftotext(out))


def test_the_document_follows_the_draft(frame: tuple[Workspace, dict[str, Any], Path]) -> None:
    ws, ids, folder = frame
    with ws.transaction() as s:
        items = drafts.items(s, ids["draft"])
        drafts.move_item(s, items[1].id, -1)  # the safety item before the rule-of-law item
        drafts.update_item(s, items[0].id, requirement="压实法治建设第一责任人职责，规范行政行为。")
    data = data_of(ws, ids["unit"], ids["round"])
    line, _strict = data.categories
    assert [len(e.problems) for e in line.items] == [1, 2]
    assert line.items[1].summary == "履行推进法治建设第一责任人职责不到位。"
    assert [p.number for p in data.problems] == [1, 2, 3, 4]
    assert data.problems[1].requirement == "压实法治建设第一责任人职责，规范行政行为。"  # the item's, in the annex
    assert data.assessment.startswith("巡察组认为") and data.documents == 326 and data.interviews == 1
    text = pdf_text(data, folder / "draft.pdf")
    # the finding is said once, then what each problem found
    assert "2．履行推进法治建设第一责任人职责不到位。2019年行政复议被撤销5件；2020年行政诉讼败诉3件。" in text
    body = text[:text.index("附件：问题清单")]
    assert body.count("履行推进法治建设第一责任人职责不到位") == 1
    assert text.index("1．安全生产") < text.index("2．履行推进法治建设")
    assert "巡察组认为，集团党委落实全面从严治党责任取得一定成效，但仍存在一些差距和不足。现将巡察发现" in text
    assert "1．压实安全生产责任。2．压实法治建设第一责任人职责，规范行政行为。" in text  # 整改意见 per item


def test_facts_only_as_recorded(frame: tuple[Workspace, dict[str, Any], Path]) -> None:
    ws, ids, folder = frame
    text = pdf_text(data_of(ws, ids["unit"], ids["round"]), folder / "facts.pdf")
    assert "巡察组共开展个别谈话1人次，调阅资料326份，深入了解" in text
    assert "信访举报" not in text  # none received here: not "0件"
    bare = pdf_text(data_of(ws, ids["bare"], ids["round"]), folder / "bare.pdf")
    assert "巡察期间，巡察组深入了解娄底市档案馆" in bare
    for figure in ("个别谈话", "信访举报", "调阅资料", "0人次", "0件", "0份"):
        assert figure not in bare


def test_no_brackets_inside_brackets(frame: tuple[Workspace, dict[str, Any], Path]) -> None:
    ws, ids, folder = frame
    data = data_of(ws, ids["unit"], ids["round"])
    text = pdf_text(data, folder / "brackets.pdf")
    assert "开展了五届市委提级交叉巡察（县市区宣传、统战、政法部门）。" in text
    for paragraph in feedback.paragraphs(data):
        assert nested_brackets(paragraph.text) == [], paragraph.text
    assert feedback.round_phrase("常规巡察", "五届市委第八轮巡察") == "常规巡察（五届市委第八轮巡察）"
    assert feedback.round_phrase("专项巡察", "2021年（上半年）专项") == "专项巡察（2021年〔上半年〕专项）"
    assert nested_brackets(feedback.round_phrase("专项巡察", "2021年（上半年）专项")) == []


def test_addressee_by_the_kind_of_party_organisation() -> None:
    cases = [
        # (recorded name, unit, kind code, kind label) -> the organisation without 中共
        (("中共娄底市财政局党组", "娄底市财政局", "party_group", "党组"), "娄底市财政局党组"),
        (("中共娄底市城市发展集团有限公司委员会", "娄底市城市发展集团有限公司", "party_committee", "党委"),
         "娄底市城市发展集团有限公司委员会"),
        (("中共娄底市公共资源交易中心机关委员会", "娄底市公共资源交易中心", "organ_committee", "机关党委"),
         "娄底市公共资源交易中心机关委员会"),
        (("中共娄底经济技术开发区工作委员会", "娄底经济技术开发区", "working_committee", "党工委"),
         "娄底经济技术开发区工作委员会"),
        # a name that says 党委 for a unit recorded as 党组: the kind picked from the list wins
        (("中共娄底市教育局委员会", "娄底市教育局", "party_group", "党组"), "娄底市教育局党组"),
        # no name: the unit and its kind
        ((None, "娄底市档案馆", "branch", "党支部"), "娄底市档案馆党支部"),
        ((None, "娄底市档案馆", None, ""), "娄底市档案馆党组织"),
        # a name of a body the kinds do not list (部务会) is kept as recorded
        (("中共娄星区委宣传部部务会", "中共娄星区委宣传部", "party_group", "党组"), "娄星区委宣传部部务会"),
    ]
    for (name, unit, kind, label), wanted in cases:
        assert party_org_name(name, unit, kind, label) == wanted


def test_addressee_and_responsible_agree_in_the_document(frame: tuple[Workspace, dict[str, Any], Path]) -> None:
    ws, ids, folder = frame
    data = data_of(ws, ids["unit"], ids["round"])
    text = pdf_text(data, folder / "addressee.pdf")
    assert "中共娄底市城市发展集团有限公司委员会：" in text
    # neither the 主送 nor the 责任人 column says another kind (党组织书记, "the organisation's secretary", is generic)
    assert re.search("党组(?!织)", text) is None and "党委" in text


def test_signing_organisation_in_full(frame: tuple[Workspace, dict[str, Any], Path]) -> None:
    ws, ids, folder = frame
    data = data_of(ws, ids["unit"], ids["round"])
    assert data.signed_by == "中共娄底市委第三巡察组"
    paragraphs = feedback.paragraphs(data)
    assert [p.text for p in paragraphs if p.role == "signature"] == ["中共娄底市委第三巡察组"]
    assert "中共娄底市委第三巡察组2021年1月5日" in pdf_text(data, folder / "signed.pdf")


def test_for_comment_marking_until_final(frame: tuple[Workspace, dict[str, Any], Path]) -> None:
    ws, ids, folder = frame
    # no draft at all (the bare unit): a draft for comment
    bare = data_of(ws, ids["bare"], ids["round"])
    # the marking （征求意见稿） stands under the title (reports/official.py)
    assert bare.for_comment and re.match(r"关于巡察.*的反馈意见（征求意见稿）", pdf_text(bare, folder / "m0.pdf"))
    leader, office = User("赵刚", Role.LEADER), User("周办", Role.OFFICE)
    for status, user in (("leader_reviewed", leader), ("office_reviewed", office)):
        with ws.transaction() as s, permissions.acting_as(s, user):
            drafts.step(s, ids["draft"], status)
        text = pdf_text(data_of(ws, ids["unit"], ids["round"]), folder / f"m-{status}.pdf")
        assert re.match(r"关于巡察.*的反馈意见（征求意见稿）", text) and text.count("征求意见稿") == 1
    with ws.transaction() as s, permissions.acting_as(s, User("周办", Role.OFFICE)):
        drafts.step(s, ids["draft"], "final")
    final = data_of(ws, ids["unit"], ids["round"])
    assert not final.for_comment
    assert [p for p in feedback.paragraphs(final) if p.role == "marking"] == []
    assert not feedback.document(final).draft
    text = pdf_text(final, folder / "final.pdf")
    assert text.startswith("关于巡察娄底市城市发展集团有限公司委员会的反馈意见") and "征求意见稿" not in text
    # the .docx too, through publishing (the window's and the command line's way)
    with ws.transaction() as s:
        publication = publishing.feedback(s, ids["unit"], ids["round"], issued_on=dt.date(2021, 1, 5))
    from docx import Document

    docx = publication.write(folder / "final.docx")
    words = "".join(p.text for p in Document(str(docx)).paragraphs)
    assert "征求意见稿" not in words and "中共娄底市委第三巡察组" in words
    assert re.search(r"调阅资料326份", words)
