"""Documents: time the GB/T 9704 feedback report with 500 problems and a 60-page interview record, beside
the baseline of reportlab's platypus setting the same paragraphs in one plain style; and the redaction of
the 500 problems' free text against a workspace of identities (3,000 names, 2,000 contacts).

    .venv/bin/python bench/bench_reports.py

Uses the shipped fonts (the same on every machine). Prints seconds (best of three) and pages.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate

from xuncha_desktop.reports import feedback, fonts, interview
from xuncha_desktop.reports.data import (
    CategoryBlock,
    FeedbackData,
    FeedbackEntry,
    FeedbackProblem,
    InterviewRecordData,
)
from xuncha_desktop.services.redaction import redactor

CATEGORIES = ["党的路线方针政策和党中央决策部署落实情况", "全面从严治党主体责任和监督责任落实情况",
              "领导班子和干部队伍建设落实情况", "巡视巡察、审计等监督发现问题整改落实情况"]
STATEMENT = ("党组落实全面从严治党主体责任不到位，2019年仅研究党风廉政建设工作1次，对下属单位监督检查流于形式，"
             "存在“宽松软”现象；部分干部纪律意识淡薄，违规报销差旅费{n}万元，整改工作推进缓慢。")
REQUIREMENT = "严格落实主体责任，健全党风廉政建设责任制，定期研究部署，对违规报销款项限期清退。"


def feedback_data(problems: int) -> FeedbackData:
    items = [FeedbackProblem(n, CATEGORIES[n % 4], STATEMENT.format(n=n), REQUIREMENT, "局党组书记", "2021年3月5日")
             for n in range(1, problems + 1)]
    blocks = [CategoryBlock(label, [FeedbackEntry("", [p], REQUIREMENT) for p in items if p.category == label])
              for label in CATEGORIES]
    return FeedbackData(title="关于巡察娄底市住房和城乡建设局党组的反馈意见", unit_name="娄底市住房和城乡建设局",
                        party_org="娄底市住房和城乡建设局党组", round_name="五届市委第八轮巡察", round_kind="常规巡察",
                        group_name="市委第六巡察组", start=dt.date(2020, 4, 7), end=dt.date(2020, 6, 30),
                        interviews=120, petitions=35, documents=260, categories=blocks,
                        issued_on=dt.date(2021, 1, 5), problems=items)


def interview_data(exchanges: int) -> InterviewRecordData:
    lines = []
    for n in range(exchanges):
        lines.append(f"问：第{n + 1}个问题，请谈谈本单位落实中央八项规定精神的情况，"
                     "有无公款吃喝、违规发放津补贴等问题？")
        lines.append("答：据我了解，本单位严格执行有关规定，2019年以来未发现此类问题，但个别科室存在报销审核不严、"
                     "公务接待清单不完整的情况，已经在班子会上作了提醒，下一步将进一步健全制度、加强监督检查。")
    header = [("谈话对象", "某某"), ("单位", "娄底市住房和城乡建设局"), ("职务", "副局长"), ("政治面貌", "中共党员"),
              ("对象类别", "班子成员"), ("谈话类型", "必谈"), ("谈话时间", "2020年4月15日09:00至11:30"),
              ("谈话地点", "巡察组谈话室"), ("谈话人", "赵刚、孙丽"), ("记录人", "孙丽"),
              ("谈话提纲", "班子成员谈话提纲"),
              ("被巡察单位", "娄底市住房和城乡建设局"), ("巡察轮次", "五届市委第八轮巡察"), ("编号", "谈-001")]
    return InterviewRecordData("谈-001", header, "\n".join(lines), False, "")


def baseline(texts: list[str], out: Path, size: float, leading: float, margins: tuple[float, ...]) -> Path:
    chosen = fonts.fonts(False)
    style = ParagraphStyle("plain", fontName=chosen["body"].pdf_name, fontSize=size, leading=leading,
                           wordWrap="CJK", firstLineIndent=2 * size)
    left, right, top, bottom = margins
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=left, rightMargin=right, topMargin=top,
                            bottomMargin=bottom)
    doc.initialFontName = chosen["body"].pdf_name
    doc.build([Paragraph(t, style) for t in texts])
    return out


def pages(path: Path) -> int:
    return len(re.findall(rb"/Type /Page[^s]", path.read_bytes()))


def best(make: Callable[[], Path], runs: int = 3) -> tuple[float, int]:
    times = []
    path = make()
    for _ in range(runs):
        start = time.perf_counter()
        path = make()
        times.append(time.perf_counter() - start)
    return min(times), pages(path)


def redaction(problems: int) -> tuple[float, int]:
    """Seconds to make the workspace's redactor and strike it out of every problem's statement,
    requirement and responsible (one name and one phone typed into every tenth statement)."""
    surnames, given = "王李张刘陈杨黄赵吴周徐孙胡朱高林何郭马罗", "晓峰秀英桂兰娟燕俊杰婷涵梓萱浩宇欣怡泽琪"
    names = [f"{s}{a}{b}" for s in surnames for a in given for b in given if a != b][:3000]
    contacts = [f"电话：139{n:08d}，住城东路{n % 90}号" for n in range(2000)]
    texts = []
    for n in range(1, problems + 1):
        typed = f"据{names[n * 5][0]} {names[n * 5][1:]}（139-{n:04d}-0001）反映，" if n % 10 == 0 else ""
        texts += [typed + STATEMENT.format(n=n), REQUIREMENT, "局党组书记"]
    start = time.perf_counter()
    redact = redactor(names, contacts)
    struck = sum("×××" in redact(text) for text in texts)
    return time.perf_counter() - start, struck


def main() -> None:
    seconds, struck = min(redaction(500) for _ in range(3))
    print(f"redaction, 500 problems against 3,000 names and 2,000 contacts: {seconds:.3f} s "
          f"(index built and 1,500 texts scanned; {struck} texts struck out)")
    fonts.fonts(False)  # registration once, outside the timings
    folder = Path(tempfile.mkdtemp(prefix="xuncha-bench-"))
    data = feedback_data(500)
    texts = [p.text for p in feedback.paragraphs(data) if p.text]
    texts += [" ".join(row) for row in feedback.annex_rows(data)]
    ours, our_pages = best(lambda: feedback.write_pdf(data, folder / "feedback.pdf", use_system_fonts=False))
    base, base_pages = best(lambda: baseline(texts, folder / "feedback-baseline.pdf", 16, 225 * mm / 22,
                                           (28 * mm, 26 * mm, 37 * mm, 35 * mm)))
    print(f"feedback, 500 problems: {ours:.2f} s, {our_pages} pages (GB/T 9704 grid + annex table); "
          f"platypus plain baseline {base:.2f} s, {base_pages} pages; ratio {ours / base:.2f} "
          f"({'within' if ours <= 2 * base else 'OVER'} the 2x target)")
    record = interview_data(322)
    record_texts = record.record.split("\n")
    ours, our_pages = best(lambda: interview.write_pdf(record, folder / "interview.pdf", use_system_fonts=False))
    base, base_pages = best(lambda: baseline(record_texts, folder / "interview-baseline.pdf", 14, 14 * 1.75,
                                           (25 * mm, 25 * mm, 25 * mm, 30 * mm)))
    print(f"interview record: {ours:.2f} s, {our_pages} pages (page X of Y, signature lines); "
          f"platypus plain baseline {base:.2f} s, {base_pages} pages; ratio {ours / base:.2f}")


if __name__ == "__main__":
    main()
