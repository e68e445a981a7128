"""谈话记录, 问题底稿, 整改督查报告: read back text, fonts, page size; supervision figures from a small
workspace (and after one record changes) and from the demo workspace."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from tests.reports.helpers import SECRETS, assert_a4, assert_fonts_embedded, compact, pdftotext
from xuncha_desktop.reports import interview, paper, supervision
from xuncha_desktop.services import documents
from xuncha_desktop.services.kinds import KINDS


def test_interview_record_every_page_has_page_of_pages_and_signature(small: Any) -> None:
    ws, ids, folder = small
    with ws.transaction() as s:
        KINDS["interview"].update(s, ids["interview"], {"record_text": "\n".join(
            f"问：第{n}个问题，请谈谈本单位落实中央八项规定精神的情况，有无公款吃喝、违规发放津补贴等问题？\n"
            f"答：据我了解，本单位严格执行有关规定，2019年以来未发现此类问题，但个别科室存在报销审核不严的情况。"
            for n in range(1, 60))})
        data = documents.interview_record(s, ids["interview"])
    out = folder / "interview.pdf"
    assert interview.write_pdf(data, out, use_system_fonts=False) == out
    pages = assert_a4(out)
    assert pages >= 3
    assert_fonts_embedded(out)
    with pdfplumber.open(str(out)) as doc:
        for number, page in enumerate(doc.pages, 1):
            text = compact(page.extract_text() or "")
            assert f"第{number}页共{pages}页" in text
            assert "被谈话人签字：" in text and "日期：" in text
    text = compact(pdftotext(out))
    for label, value in data.header:
        assert compact(label) in text
        assert compact(value) in text, label
    assert "欧阳雪松" in text  # the record is for the interviewee to sign: the name belongs there
    assert "第59个问题" in text


def test_working_paper(small: Any) -> None:
    ws, ids, folder = small
    with ws.transaction() as s:
        data = documents.working_paper(s, ids["paper"])
    out = folder / "paper.pdf"
    assert paper.write_pdf(data, out, use_system_fonts=False) == out
    assert_a4(out)
    assert_fonts_embedded(out)
    text = compact(pdftotext(out))
    for needle in ("问题底稿", "关于党组研究党风廉政建设不经常的问题底稿", "底稿-001", "2020年5月6日", "调阅资料",
                   "经查阅2019年党组会议记录", "调阅党组会议记录并个别谈话核实", "证据材料", "党组会议记录复印件",
                   "ab" * 32, "个别谈话记录谈-001", "经办人", "副组长审核", "组长审定", "孙丽", "钱敏", "副组长审核"):
        assert compact(needle) in text, needle
    assert "欧阳雪松" not in text  # materials name interviews by number, not by interviewee


def supervision_text(ws: Any, round_id: str, out: Path) -> str:
    with ws.transaction() as s:
        data = documents.supervision_report(s, round_id)
    supervision.write_pdf(data, out, use_system_fonts=False)
    assert_a4(out)
    assert_fonts_embedded(out)
    return compact(pdftotext(out))


def test_supervision_figures_follow_the_records(small: Any) -> None:
    ws, ids, folder = small
    fed = ids["fed_back"]
    text = supervision_text(ws, ids["supervision"], folder / "supervision.pdf")
    assert (f"巡察反馈问题{fed}个，其中暂未整改到位1个；督查新发现问题2个，共计3个；"
            "列出问题清单交办被督查单位立行立改2个，已整改到位2个，整改率100.0%") in text
    assert f"合计{fed}123" + "22100.0%" in text  # the total row: fed back, 1, 2, 3, 2, 2, 100.0%
    for secret in SECRETS:
        assert compact(secret) not in text
    # One record changes, the figures change.
    with ws.transaction() as s:
        KINDS["problem"].update(s, ids["new_2"], {"handed_over": True})
    try:
        text = supervision_text(ws, ids["supervision"], folder / "supervision-2.pdf")
        assert "立行立改3个，已整改到位2个，整改率66.7%" in text
    finally:
        with ws.transaction() as s:
            KINDS["problem"].update(s, ids["new_2"], {"handed_over": False})


def test_supervision_per_unit_rows_add_up(small: Any) -> None:
    ws, ids, _folder = small
    with ws.transaction() as s:
        data = documents.supervision_report(s, ids["supervision"])
    for attr in ("fed_back", "not_rectified", "new_found", "handed_over", "rectified_since"):
        assert sum(getattr(r, attr) for r in data.units) == getattr(data.total, attr)
        assert sum(getattr(r, attr) for r in data.categories) == getattr(data.total, attr)
    assert [r.name for r in data.units] == sorted(["娄底市住房和城乡建设局", "娄底市自然资源和规划局"])


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Path]]:
    from xuncha_desktop.demo.builder import DEMO_PASSPHRASE, build_demo
    from xuncha_desktop.security.keys import KdfParams
    from xuncha_desktop.workspace import Workspace

    folder = tmp_path_factory.mktemp("demo")
    build_demo(folder / "ws", DEMO_PASSPHRASE, kdf=KdfParams.cheap())
    ws = Workspace.open(folder / "ws", DEMO_PASSPHRASE)
    yield ws, folder
    ws.close()


@pytest.mark.slow  # builds the demo workspace
def test_demo_supervision_report_shows_the_published_figures(demo: tuple[Any, Path]) -> None:
    ws, folder = demo
    with ws.transaction() as s:
        the_round = next(r for r in KINDS["round"].find(s) if r.kind == "supervision")
        secrets = _demo_secrets(s)
    text = supervision_text(ws, str(the_round.id), folder / "supervision.pdf")
    assert ("23个单位巡察反馈问题962个，其中暂未整改到位70个；督查新发现问题64个，共计134个；"
            "列出问题清单交办被督查单位立行立改132个，已整改到位127个") in text
    assert re.search(r"合计962706413413212796\.2%", text)
    leaked = [name for name in secrets if name in text]
    assert not leaked


def test_demo_feedback_report_has_no_identities(demo: tuple[Any, Path]) -> None:
    from xuncha_desktop.reports import feedback
    from xuncha_desktop.services.feedback import feedback_data

    ws, folder = demo
    with ws.transaction() as s:
        special = next(r for r in KINDS["round"].find(s) if r.kind == "special")
        problem = next(p for p in KINDS["problem"].find(s) if p.round_id == special.id)
        data = feedback_data(s, problem.unit_id, special.id)
        secrets = _demo_secrets(s, special.id)
    out = folder / "feedback.pdf"
    assert feedback.write_pdf(data, out, use_system_fonts=False) == out
    text = compact(pdftotext(out))
    assert "受理信访举报" in text
    assert not [name for name in secrets if name in text]


def _demo_secrets(session: Any, round_id: Any = None) -> set[str]:
    from sqlalchemy import select

    from xuncha_desktop.db.models import Interview, Petition
    from xuncha_desktop.services import identities

    # Three-character names and contacts only: a two-character name like 李明 can be part of a word.
    petitions = select(Petition.id).where(Petition.deleted.is_(False))
    interviews = select(Interview.interviewee_name).where(Interview.deleted.is_(False))
    if round_id is not None:
        petitions = petitions.where(Petition.round_id == round_id)
        interviews = interviews.where(Interview.round_id == round_id)
    chosen = set(session.scalars(petitions))
    values = [v for i in identities.all_identities(session, "test") if i.petition_id in chosen
              for v in (i.name, i.contact)] + list(session.scalars(interviews))
    return {v.strip() for v in values if v and len(v.strip()) >= 3}
