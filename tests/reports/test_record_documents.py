"""谈话记录, 问题底稿 and 整改督查报告 measured on the PDF: lines inside the frame, the interviewee's blank, the
sign-off never alone, no line ending with "（", file names broken at separators, whole titles, the report's
公文 parts, margins, chart label sizes, legend order, right-aligned numbers and no duplicated words."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import uuid
from collections import defaultdict
from pathlib import Path
from typing import Any

import pdfplumber
import pytest
from docx import Document
from sqlalchemy import select

from tests.reports.helpers import MM, compact, pdftotext
from xuncha_desktop.db.models import Evidence, Rule, WorkingPaper
from xuncha_desktop.reports import fonts as font_registry
from xuncha_desktop.reports import interview, paper, supervision
from xuncha_desktop.reports.data import Material
from xuncha_desktop.reports.layout import LEFT, TOP, TYPE_HEIGHT, TYPE_WIDTH, Setter
from xuncha_desktop.services import documents, links
from xuncha_desktop.services.kinds import KINDS

QA = ("问：请谈谈本单位落实中央八项规定精神的情况（包括公务接待、公车使用、津补贴发放等方面），有无违规问题？\n"
      "答：据我了解，本单位严格执行有关规定（2019年修订的接待办法），但个别科室存在报销审核不严的情况（共计12笔，"
      "金额2053.37元），已于2020年3月整改。")
LONG_FILE = "2019年度党组会议记录_第3次会议_扫描件-20200506_娄底市住房和城乡建设局办公室提供.final.pdf"


def text_lines(page: Any, size: float | None = None) -> list[list[dict[str, Any]]]:
    """The page's characters grouped into lines (by their top), left to right; only those of ``size``."""
    rows: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for char in page.chars:
        if char["text"].strip() and (size is None or abs(char["size"] - size) < 0.1):
            rows[round(char["top"])].append(char)
    return [sorted(chars, key=lambda c: c["x0"]) for _top, chars in sorted(rows.items())]


def line_text(chars: list[dict[str, Any]]) -> str:
    return "".join(c["text"] for c in chars)


# ---- 谈话记录 ----------------------------------------------------------------------------------------

def interview_pdf(small: Any, name: str, marking: str | None = None) -> tuple[Path, Any]:
    ws, ids, folder = small
    with ws.transaction() as s:
        KINDS["interview"].update(s, ids["interview"], {"record_text": "\n".join([QA] * 14)})
        data = documents.interview_record(s, ids["interview"], marking)
    out = folder / name
    interview.write_pdf(data, out, use_system_fonts=False)
    return out, data


def test_interview_body_lines_are_justified_inside_the_tables_frame(small: Any) -> None:
    # The body is set to the header table's width: no line passes its right rule (they overhung it by
    # 2.1 mm), and the justified lines end on it.
    out, _data = interview_pdf(small, "interview-frame.pdf")
    with pdfplumber.open(str(out)) as pdf:
        first = pdf.pages[0]
        verticals = [line["x0"] for line in first.lines if abs(line["x0"] - line["x1"]) < 0.1]
        left, right = min(verticals), max(verticals)
        assert abs(right - left - (210 - 50) * MM) < 0.5  # the table spans the text width
        ends = []
        for page in pdf.pages:
            for chars in text_lines(page, interview.BODY):
                assert chars[0]["x0"] >= left - 0.3, line_text(chars)
                assert chars[-1]["x1"] <= right + 0.3, (line_text(chars), (chars[-1]["x1"] - right) / MM)
                ends.append(chars[-1]["x1"])
    justified = [x for x in ends if abs(x - right) < 0.5 * MM]
    assert len(justified) > len(ends) / 2  # most lines are full lines, ending on the rule


def test_interview_confirmation_is_left_to_the_interviewees_hand(small: Any) -> None:
    out, data = interview_pdf(small, "interview-closing.pdf")
    text = compact(pdftotext(out))
    assert "以上记录我已阅" not in text  # written by the interviewee, not printed
    for label in ("被谈话人阅后意见", "被谈话人（签字）", "谈话人（签字）", "记录人（签字）"):
        assert label in text
    assert data.group_name == "市委第六巡察组"
    with pdfplumber.open(str(out)) as pdf:
        last = pdf.pages[-1]
        label_top = next(w["bottom"] for w in last.extract_words() if w["text"].startswith("被谈话人阅后意见"))
        ruled = [line for line in last.lines
                 if abs(line["top"] - line["bottom"]) < 0.1 and line["top"] > label_top
                 and line["x1"] - line["x0"] > 150 * MM]
        assert len(ruled) >= interview.CONFIRMATION_LINES  # full-width lines to write on
        # On every page: the marking, the group on the first, the interviewee's signature line, page of pages.
        for number, page in enumerate(pdf.pages, 1):
            page_text = compact(page.extract_text() or "")
            assert page_text.startswith("机密"), page_text[:20]
            assert "被谈话人签字：" in page_text and f"第{number}页共{len(pdf.pages)}页" in page_text
        assert "市委第六巡察组" in compact(pdf.pages[0].extract_text() or "")
        # The signatures are one block with the confirmation: never alone at the top of a page.
        assert "被谈话人阅后意见" in compact(last.extract_text() or "")


def test_interview_marking_is_the_callers(small: Any) -> None:
    out, data = interview_pdf(small, "interview-unmarked.pdf", marking="")
    assert data.marking == ""
    assert not compact(pdftotext(out)).startswith("机密")
    out, data = interview_pdf(small, "interview-internal.pdf", marking=" 内部资料 ")
    assert data.marking == "内部资料" and compact(pdftotext(out)).startswith("内部资料")


# ---- 问题底稿 ----------------------------------------------------------------------------------------

def paper_pdf(small: Any, name: str, summary: str, title: str | None = None) -> tuple[Path, Any]:
    ws, ids, folder = small
    with ws.transaction() as s:
        record = s.get(WorkingPaper, uuid.UUID(ids["paper"]))
        assert record is not None
        record.summary = summary
        record.unit_response = "对上述事实无异议（已核对会议记录原件），将立即整改。"
        record.unit_agrees = "agrees"
        if title is not None:
            record.title = title
        for evidence in s.scalars(select(Evidence)):
            evidence.file_name = LONG_FILE
        rules = list(s.scalars(select(Rule).order_by(Rule.position)))
        links.link(s, "paper", ids["paper"], "rule", rules[7].id)       # 八项规定 第八项
        links.link(s, "problem", record.problem_id, "rule", rules[9].id)  # its problem's: 准则 六
        data = documents.working_paper(s, ids["paper"])
    out = folder / name
    paper.write_pdf(data, out, use_system_fonts=False)
    return out, data


def test_working_paper_has_its_sections_rules_response_and_sign_off(small: Any) -> None:
    out, data = paper_pdf(small, "paper-sections.pdf", "经查阅2019年党组会议记录，仅1次研究党风廉政建设工作。")
    text = compact(pdftotext(out))
    order = ["一、问题事实", "经查阅2019年党组会议记录", "二、定性依据", "三、证据材料", "四、被巡察单位意见",
             "五、审核审定"]
    assert [text.index(part) for part in order] == sorted(text.index(part) for part in order)
    # Both rules: the paper's own and its problem's, each as document, edition, article and text.
    assert [r.article for r in data.rules] == ["六、坚持民主集中制原则（摘录）", "第八项"]
    for rule in data.rules:
        assert compact(f"{rule.document}（{rule.edition}）{rule.article}：{rule.text}") in text
    assert "1．证据材料：党组会议记录复印件" in text and "2．谈话记录：个别谈话记录谈-001" in text
    assert "被巡察单位对上述事实：无异议。" in text and "已核对会议记录原件" in text
    assert "孙丽" in text and "钱敏" in text and "2020年5月6日" in text


def test_working_paper_header_has_no_empty_cells(small: Any) -> None:
    out, _data = paper_pdf(small, "paper-header.pdf", "经查阅会议记录。")
    with pdfplumber.open(str(out)) as pdf:
        header = pdf.pages[0].extract_tables()[0]
    cells = [cell for row in header for cell in row if cell is not None]  # None: covered by a span
    assert cells and all(cell.strip() for cell in cells), header


def test_working_paper_long_title_is_whole_and_in_the_titles_size(small: Any) -> None:
    title = ("关于娄底市住房和城乡建设局党组落实全面从严治党主体责任不到位、研究党风廉政建设工作不经常、"
             "对下属单位监督检查流于形式的问题底稿")
    out, _data = paper_pdf(small, "paper-title.pdf", "经查阅会议记录。", title)
    with pdfplumber.open(str(out)) as pdf:
        lines = text_lines(pdf.pages[0], paper.TITLE)
    assert len(lines) >= 2
    assert "".join(line_text(chars) for chars in lines) == title
    for chars in lines:
        assert chars[0]["x0"] >= 25 * MM - 0.5 and chars[-1]["x1"] <= 185 * MM + 0.5


def test_working_paper_lines_never_end_with_an_opening_bracket(small: Any) -> None:
    # Opening brackets everywhere, at every offset: no line of any size ends with one.
    for shift in range(0, 12, 3):
        summary = "甲" * shift + "经查（附件一）" * 40
        out, _data = paper_pdf(small, f"paper-brackets-{shift}.pdf", summary)
        with pdfplumber.open(str(out)) as pdf:
            for page in pdf.pages:
                for chars in text_lines(page):
                    assert chars[-1]["text"] not in "（(《“", line_text(chars)


def test_working_paper_breaks_file_names_only_at_separators(small: Any) -> None:
    out, _data = paper_pdf(small, "paper-file.pdf", "经查阅会议记录。")
    with pdfplumber.open(str(out)) as pdf:
        lines = [line_text(chars) for page in pdf.pages for chars in text_lines(page, paper.SMALL)]
    start = next(i for i, line in enumerate(lines) if line.startswith("文件："))
    pieces = [lines[start].removeprefix("文件：")]
    while "".join(pieces) != LONG_FILE:
        pieces.append(lines[start + len(pieces)])
    assert len(pieces) >= 2
    assert all(piece[-1] in "_-./" for piece in pieces[:-1]), pieces


def test_separator_lines_break_only_after_separators_and_cut_only_an_overlong_piece() -> None:
    setter = Setter(font_registry.fonts(False)["body"], 10)
    lines = paper.separator_lines(setter, "甲乙丙丁_戊己庚-辛壬.pdf", setter.width("甲乙丙丁_"))
    assert [line.text for line in lines] == ["甲乙丙丁_", "戊己庚-", "辛壬.pdf"]
    lines = paper.separator_lines(setter, "甲" * 10, setter.width("甲" * 4))
    assert [line.text for line in lines] == ["甲" * 4, "甲" * 4, "甲" * 2]


def test_working_paper_sign_off_never_stands_alone_on_a_page(small: Any) -> None:
    # Whatever the length of the facts, the page of the sign-off also holds the section before it.
    pages_seen = set()
    for blocks in range(8, 30, 2):
        fact = "经查阅2019年党组会议记录，党组全年仅1次研究党风廉政建设工作，对下属单位监督检查流于形式。"
        summary = "\n".join([fact] * blocks)
        out, _data = paper_pdf(small, f"paper-length-{blocks}.pdf", summary)
        with pdfplumber.open(str(out)) as pdf:
            pages_seen.add(len(pdf.pages))
            page = next(p for p in pdf.pages if "五、审核审定" in compact(p.extract_text() or ""))
            page_text = compact(page.extract_text() or "")
            assert "四、被巡察单位意见" in page_text and "无异议" in page_text
    assert len(pages_seen) >= 2  # the lengths tried moved the sign-off across a page end


def test_material_numbers_hang() -> None:
    chosen = font_registry.fonts(False)
    setter = Setter(chosen["body"], paper.BODY)
    parts = paper._material(setter, Setter(chosen["body"], paper.SMALL), 12,
                            Material("证据材料", "长" * 60, "会议记录，3页", "ab" * 32, "a_b.pdf"))
    first = parts[0].lines
    assert first[0].x == 0 and all(line.x == setter.width("12．") for line in first[1:])


# ---- 整改督查报告 --------------------------------------------------------------------------------------

ANALYSIS = "个别单位主体责任压得不实，存在“重部署、轻落实”现象。\n究其原因，主要是第一责任人职责履行不到位。"
NEXT_STEPS = "一是对暂未整改到位的问题挂牌督办。\n二是将整改情况纳入年度考核。"


@pytest.fixture(scope="module")
def report(small: Any) -> tuple[Path, Any]:
    ws, ids, folder = small
    with ws.transaction() as s:
        KINDS["round"].update(s, ids["supervision"], {"analysis": ANALYSIS, "next_steps": NEXT_STEPS})
        data = documents.supervision_report(s, ids["supervision"], dt.date(2021, 1, 5))
    out = folder / "supervision-gongwen.pdf"
    supervision.write_pdf(data, out, use_system_fonts=False)
    return out, data


def test_supervision_report_is_a_gongwen_with_the_groups_own_sections(report: tuple[Path, Any]) -> None:
    out, data = report
    text = compact(pdftotext(out))
    assert text.startswith("关于2020年度巡察整改督查情况的报告市委巡察工作领导小组：")
    assert data.supervised_rounds == ["五届市委第八轮巡察"]
    assert "对五届市委第八轮巡察的2个单位开展整改督查" in text
    order = ["一、总体情况", "二、各单位整改情况", "三、存在的问题及原因分析", "重部署、轻落实", "四、下一步工作",
             "挂牌督办", "附件：1．各单位整改情况统计表", "整改督查第一组2021年1月5日"]
    assert [text.index(part) for part in order] == sorted(text.index(part) for part in order)
    with pdfplumber.open(str(out)) as pdf:
        starts = [re.match(r"附件\d", compact(p.extract_text() or "")) for p in pdf.pages]
    assert [m.group() for m in starts if m] == ["附件1", "附件2", "附件3"]


def test_supervision_report_has_no_duplicated_words(report: tuple[Path, Any]) -> None:
    # In the words of the report (the tables' headers, read across their cells, are not sentences).
    with pdfplumber.open(str(report[0])) as pdf:
        body = []
        for page in pdf.pages:
            page_text = compact(page.extract_text() or "")
            if page_text.startswith("附件"):
                break
            body.append(page_text)
    text = "".join(body)
    assert "整改督查第一组" in text
    assert re.findall(r"([\u4e00-\u9fff]{2})\1", text) == []
    assert supervision.rounds_phrase(["五届市委第八轮巡察"]) == "五届市委第八轮巡察"
    assert supervision.rounds_phrase(["八轮", "九轮"]) == "八轮、九轮巡察"


def test_supervision_report_keeps_everything_inside_the_type_area(report: tuple[Path, Any]) -> None:
    with pdfplumber.open(str(report[0])) as pdf:
        for page in pdf.pages:
            for char in page.chars:
                if not char["text"].strip():
                    continue
                assert char["x0"] >= LEFT - 0.5 and char["x1"] <= LEFT + TYPE_WIDTH + 0.5, char["text"]
                if char["size"] != 14:  # the page number sits below the type area by the standard
                    assert char["top"] >= TOP - 0.5 and char["bottom"] <= TOP + TYPE_HEIGHT + 0.5, char["text"]


def test_supervision_charts_labels_are_readable_and_the_legend_follows_the_bars(report: tuple[Path, Any]) -> None:
    with pdfplumber.open(str(report[0])) as pdf:
        page = next(p for p in pdf.pages if compact(p.extract_text() or "").startswith("附件3"))
        sizes = {round(c["size"], 1) for c in page.chars if c["text"].strip()}
        assert min(sizes) >= 9, sizes
        coloured = [r for r in page.rects if r["non_stroking_color"] not in (None, (0,), (1,))]
        swatches = [r for r in coloured if abs(r["width"] - r["height"]) < 0.5 and r["width"] < 12]
        bars = [r for r in coloured if r not in swatches]
        legend = [tuple(r["non_stroking_color"]) for r in sorted(swatches, key=lambda r: (r["top"], r["x0"]))][:3]
        first_group = sorted(bars, key=lambda r: r["top"])[:3]
        assert [tuple(r["non_stroking_color"]) for r in first_group] == legend
        assert len(set(legend)) == 3


def test_supervision_tables_set_numbers_flush_right(report: tuple[Path, Any]) -> None:
    with pdfplumber.open(str(report[0])) as pdf:
        page = next(p for p in pdf.pages if compact(p.extract_text() or "").startswith("附件1"))
        rows = [chars for chars in text_lines(page) if line_text(chars).startswith(("娄底市", "合计"))]
    assert len(rows) >= 3
    right_edges = []
    for chars in rows:
        words: list[list[dict[str, Any]]] = []
        for char in chars:
            if char["text"].isdigit() or char["text"] in ".%—":
                if words and char["x0"] - words[-1][-1]["x1"] < 1:
                    words[-1].append(char)
                else:
                    words.append([char])
        right_edges.append([round(word[-1]["x1"], 1) for word in words])
    for column in zip(*right_edges, strict=True):
        assert max(column) - min(column) < 0.6, column


def test_supervision_pages_are_not_left_half_empty(report: tuple[Path, Any]) -> None:
    # A page is only left short where the standard starts a new page: before an annex.
    with pdfplumber.open(str(report[0])) as pdf:
        for page, following in itertools.pairwise(pdf.pages):
            if compact(following.extract_text() or "").startswith("附件"):
                continue
            used = max(c["bottom"] for c in page.chars if c["size"] != 14) - TOP
            assert used > TYPE_HEIGHT / 2, page.page_number


def test_supervision_docx_holds_the_report_and_its_tables(small: Any, report: tuple[Path, Any]) -> None:
    out = small[2] / "supervision.docx"
    supervision.write_docx(report[1], out)
    document = Document(str(out))
    text = "".join(p.text for p in document.paragraphs)
    assert "三、存在的问题及原因分析" in text and "2．按问题类别统计表" in text and "统计图" not in text
    assert len(document.tables) == 2
    assert [c.text for c in document.tables[0].rows[-1].cells][:2] == ["合计", str(report[1].total.fed_back)]
