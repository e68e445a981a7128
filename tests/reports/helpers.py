"""Small purpose-built workspaces for the document tests, and ways to read documents back."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.security.roles import Role, User
from xuncha_desktop.services import permissions
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.workspace import Workspace

MM = 72 / 25.4
PASSPHRASE = "报告测试 passphrase"

# Unique names that must never appear in a feedback or supervision report.
INTERVIEWEES = ["欧阳雪松", "司马青云", "上官明月"]
PETITIONERS = ["诸葛晓峰", "东方白露"]
CONTACTS = ["13912345678", "住址：城东路七号"]
SECRETS = INTERVIEWEES + PETITIONERS + CONTACTS

STATEMENT = ("党组落实全面从严治党主体责任不到位，研究党风廉政建设工作不经常，对下属单位监督检查流于形式，"
             "存在“宽松软”现象，部分干部纪律意识淡薄，制度执行打折扣，整改工作推进缓慢，群众反映较为强烈。")


def add(session: Session, record_kind: str, **data: Any) -> Any:
    return KINDS[record_kind].create(session, data)


def make_workspace(path: Path) -> Workspace:
    return Workspace.create(path, "报告测试笔记本", PASSPHRASE, kdf=KdfParams.cheap(), user_name="测试")


def build_small(ws: Workspace, problems_per_unit: int = 6) -> dict[str, Any]:
    """A regular round with two units, interviews and petitions with unique names (one of them typed
    into a problem statement by mistake), and a supervision round of both units:
    fed back 5 + problems_per_unit, not yet rectified 1, new 2, handed over 2, rectified since 2."""
    ids: dict[str, Any] = {}
    with ws.transaction() as s:
        regular = add(s, "round", name="五届市委第八轮巡察", kind="regular", start_date="2020-04-07",
                      end_date="2020-06-30")
        unit_a = add(s, "unit", name="娄底市住房和城乡建设局", party_org="中共娄底市住房和城乡建设局党组")
        unit_b = add(s, "unit", name="娄底市自然资源和规划局", party_org="中共娄底市自然资源和规划局党组")
        add(s, "group", round_id=str(regular.id), name="市委第六巡察组",
            members=[{"name": "赵刚", "role": "组长"}, {"name": "钱敏", "role": "副组长"},
                     {"name": "孙丽", "role": "组员"}], unit_ids=[str(unit_a.id), str(unit_b.id)])
        interviews = []
        for number, name in enumerate(INTERVIEWEES, 1):
            interviews.append(add(
                s, "interview", round_id=str(regular.id), unit_id=str(unit_a.id), number=f"谈-{number:03d}",
                interviewee_name=name, interviewee_post="副局长", interviewee_category="leadership",
                started_at=f"2020-04-1{number}T09:00+08:00", ended_at=f"2020-04-1{number}T10:30+08:00",
                interviewers=["赵刚", "孙丽"], recorder="孙丽", place="巡察组谈话室",
                record_text=f"问：{name}同志，请介绍一下分管工作。\n答：我分管办公室和财务工作。"))
        for number, (name, contact) in enumerate(zip(PETITIONERS, CONTACTS, strict=True), 1):
            add(s, "petition", round_id=str(regular.id), unit_id=str(unit_a.id), number=f"信-{number:03d}",
                channel="letter", received_at=f"2020-04-2{number}T10:00+08:00", petitioner_name=name,
                petitioner_contact=contact, summary="反映某项目招标不规范。")
        add(s, "petition", round_id=str(regular.id), unit_id=str(unit_a.id), number="信-003", channel="box",
            received_at="2020-04-25T10:00+08:00", anonymous=True, summary="反映公车私用。")
        categories = ["line_policy", "strict_governance", "team_building", "rectification"]
        fed: list[Any] = []
        for unit, count in ((unit_a, problems_per_unit), (unit_b, 5)):
            for number in range(1, count + 1):
                statement = f"{STATEMENT}（第{number}项）"
                if unit is unit_a and number == 1:
                    statement = f"据{PETITIONERS[0]}（{CONTACTS[0]}）反映，{INTERVIEWEES[0]}同志{STATEMENT}"
                fed.append(add(s, "problem", round_id=str(regular.id), unit_id=str(unit.id), number=f"{number:03d}",
                               category=categories[number % 4], statement=statement, in_feedback=True,
                               requirement=f"严格落实主体责任，健全制度机制（{categories[number % 4]}）。",
                               responsible="局党组书记", deadline="2020-08-31"))
        add(s, "problem", round_id=str(regular.id), unit_id=str(unit_a.id), number="900", category="line_policy",
            statement="立行立改的小问题，不列入反馈。", in_feedback=False)
        evidence = add(s, "evidence", round_id=str(regular.id), unit_id=str(unit_a.id), title="党组会议记录复印件",
                       obtained_how="review", evidence_type="minutes", pages=3)
        evidence.sha256 = "ab" * 32
        paper = add(s, "paper", round_id=str(regular.id), unit_id=str(unit_a.id), problem_id=str(fed[1].id),
                    title="关于党组研究党风廉政建设不经常的问题底稿", number="底稿-001", date="2020-05-06",
                    source="调阅资料", summary="经查阅2019年党组会议记录，仅1次研究党风廉政建设工作。",
                    how_found="调阅党组会议记录并个别谈话核实。", drafted_by="孙丽")
        with permissions.acting_as(s, User("钱敏", Role.DEPUTY)):
            KINDS["paper"].set_status(s, paper.id, "checked")
        from xuncha_desktop.services import links

        links.link(s, "paper", paper.id, "evidence", evidence.id)
        links.link(s, "paper", paper.id, "interview", interviews[0].id)

        supervision = add(s, "round", name="2020年度巡察整改督查", kind="supervision", start_date="2020-11-02",
                          end_date="2020-12-31", supervised_round_ids=[str(regular.id)],
                          notes=f"督查中{PETITIONERS[1]}再次来访。")
        add(s, "group", round_id=str(supervision.id), name="整改督查第一组",
            members=[{"name": "李强", "role": "组长"}], unit_ids=[str(unit_a.id), str(unit_b.id)])
        carried = add(s, "problem", round_id=str(supervision.id), unit_id=str(unit_a.id), number="001",
                      category="strict_governance", statement="巡察反馈问题整改不到位。", origin="carried_over",
                      handed_over=True, in_feedback=True)
        new_1 = add(s, "problem", round_id=str(supervision.id), unit_id=str(unit_b.id), number="002",
                    category="team_building", statement="督查新发现：干部档案管理不规范。", origin="new_found",
                    handed_over=True, in_feedback=True)
        new_2 = add(s, "problem", round_id=str(supervision.id), unit_id=str(unit_b.id), number="003",
                    category="team_building", statement="督查新发现：公务接待超标准。", origin="new_found")
        for problem in (carried, new_1):
            KINDS["problem"].set_status(s, problem.id, "rectified", proof="整改报告")
        ids.update(regular=str(regular.id), unit_a=str(unit_a.id), unit_b=str(unit_b.id),
                   supervision=str(supervision.id), interview=str(interviews[0].id), paper=str(paper.id),
                   new_2=str(new_2.id), fed_back=len(fed))
    return ids


def pdftotext(path: Path, layout: bool = False) -> str:
    args = ["pdftotext", "-enc", "UTF-8", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdffonts(path: Path) -> list[dict[str, str]]:
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True, text=True).stdout
    rows = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        # name type... encoding emb sub uni object ID: the flags are the fifth to third from the end
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4]})
    return rows


def assert_fonts_embedded(path: Path) -> None:
    fonts = pdffonts(path)
    assert fonts, "no fonts"
    for font in fonts:
        assert font["emb"] == "yes" and font["sub"] == "yes", font


def assert_a4(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            assert abs(page.width / MM - 210) < 0.5 and abs(page.height / MM - 297) < 0.5
        return len(pdf.pages)
