"""The 公文 setter (reports/official.py) measured on its PDF: the GB/T 9704 grid (margins, 22 lines of 28
characters), 落款 never alone on a page, no 孤字, figures and quotes without gaps, titles broken at word
boundaries, the annex table (column widths, group rows, rows split by line under a repeated header)."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pdfplumber
import pytest

from tests.reports.measure import (
    MM,
    TYPE_LEFT,
    TYPE_RIGHT,
    TYPE_TOP,
    body_pages,
    gapped_figures,
    kinsoku_breaks,
    lone_chars,
    nested_brackets,
    printed_lines,
    quote_gaps,
    widest,
)
from xuncha_desktop.reports import official
from xuncha_desktop.reports.official import Annex, OfficialDocument, Para, title_breaks

PLAIN = ("党组落实全面从严治党主体责任不到位研究党风廉政建设工作不经常对下属单位监督检查流于形式存在宽松软"
         "现象部分干部纪律意识淡薄制度执行打折扣整改工作推进缓慢群众反映较为强烈")
# 54 characters after a two-character indent: exactly two full lines.
TWO_LINES = PLAIN[:54]
FIGURES = "10．“第一议题”制度落实不到位，2019年违规发放津补贴2053.37万元，涉及下属单位12个，占比达37.5%。"
TITLE = "关于巡察娄底市住房和城乡建设局党组的反馈意见"
SIGNATURE = "中共娄底市委第三巡察组"
DATE = "2021年1月5日"


def sample(full_first_page: bool = True) -> OfficialDocument:
    """A 公文 whose body fills page 2 to its last line, so the 落款 would stand alone on page 3 unless the
    setter carries body lines over; pure-Chinese paragraphs (28 to a line), figures, quotes after a
    number, a paragraph that would end on one character, and an annex with group rows and long rows."""
    paragraphs = [Para("title", TITLE), Para("blank"), Para("addressee", "中共娄底市住房和城乡建设局党组："),
                  Para("body", FIGURES), Para("body", PLAIN * 2)]
    # Page 1 holds title (2), blank, addressee, FIGURES (3 lines), PLAIN*2 (5 lines) = 12 lines; fill the
    # rest of page 1 and all of page 2 with two-line paragraphs: 10 + 22 lines.
    paragraphs += [Para("body", TWO_LINES)] * (16 if full_first_page else 15)
    paragraphs += [Para("signature", SIGNATURE), Para("date", DATE)]
    rows: list[tuple[str, ...]] = []
    for group in ("党的路线方针政策和党中央决策部署落实情况", "全面从严治党主体责任和监督责任落实情况"):
        for number in range(1, 9):
            rows.append((str(number), group, PLAIN * (1 + number % 3), "严格落实主体责任，健全制度机制。",
                         "局党组书记", "2021年3月5日"))
    annex = Annex(title="问题清单", header=("序号", "类别", "问题表述", "整改要求", "责任单位/责任人", "整改时限"),
                  rows=rows, widths=(8, 20, 55, 33, 18, 22),
                  align=("center", "left", "justify", "justify", "left", "center"), group_by=1)
    return OfficialDocument(title=TITLE, paragraphs=paragraphs, author=SIGNATURE, subject="测试", annexes=[annex])


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("official") / "official.pdf"
    official.write_pdf(sample(), path, use_system_fonts=False)
    return path


@pytest.fixture(scope="module")
def grid_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with one paragraph less: page 2 is full, 落款 included."""
    path = tmp_path_factory.mktemp("official") / "grid.pdf"
    official.write_pdf(sample(full_first_page=False), path, use_system_fonts=False)
    return path


def test_grid_22_lines_of_28_and_margins(grid_pdf: Path) -> None:
    pages = body_pages(printed_lines(grid_pdf))
    full = [lines for lines in pages if len(lines) == 22]
    assert full, [len(lines) for lines in pages]  # a full page holds 22 lines, and never more
    assert max(len(lines) for lines in pages) == 22
    for lines in full:
        assert abs(lines[0].top - TYPE_TOP) < 1.0  # the characters start at 37 mm ± 1 (GB/T 9704 5.2.1)
        assert all(abs(b.top - a.top - 225 / 22) < 0.15 for a, b in itertools.pairwise(lines))
    assert widest(pages) == 28
    body = [line for lines in pages for line in lines]
    assert min(line.left for line in body) == pytest.approx(TYPE_LEFT, abs=0.5)
    assert max(line.right for line in body) == pytest.approx(TYPE_RIGHT, abs=0.5)


def test_signature_never_alone_on_a_page(pdf: Path) -> None:
    """The body fills page 2 exactly; the 落款 goes to page 3 with the last two body lines (GB/T 9704
    7.3.5.5: adjust, so the signature and date share a page with body text; no "此页无正文")."""
    pages = body_pages(printed_lines(pdf))
    where = next(i for i, lines in enumerate(pages) if any(SIGNATURE in line.text for line in lines))
    texts = [line.text for line in pages[where]]
    body = [t for t in texts if t not in (SIGNATURE, DATE)]
    assert len(body) >= 2, texts
    assert "此页无正文" not in "".join(texts)
    assert texts[-2:] == [SIGNATURE, DATE]


def test_signature_and_date_placed_per_7_3_5_2(pdf: Path) -> None:
    """The signature two characters from the right; the date one line below, starting two characters
    right of the signature (the signature is the longer here)."""
    cell = 156 / 28
    lines = [line for lines in body_pages(printed_lines(pdf)) for line in lines]
    signature = next(line for line in lines if line.text == SIGNATURE)
    date = next(line for line in lines if line.text == DATE)
    assert TYPE_RIGHT - signature.right == pytest.approx(2 * cell, abs=0.5)
    assert date.left - signature.left == pytest.approx(2 * cell, abs=0.5)
    assert date.top - signature.top == pytest.approx(225 / 22, abs=0.2)
    assert official.indents(7, 8) == (2 + 8 + 2 - 7, 2.0)  # a longer date: it sits 2 from the right
    assert official.indents(11, 6) == (2.0, 5.0)


def test_no_lone_characters_gaps_or_kinsoku_breaks(pdf: Path) -> None:
    pages = body_pages(printed_lines(pdf))
    assert lone_chars(pages) == []
    assert gapped_figures(pages) == []
    assert quote_gaps(pages) == []
    assert kinsoku_breaks(pages) == []
    text = "".join(line.text for lines in pages for line in lines)
    assert "2053.37万元" in text and "10．“第一议题”" in text


def test_a_paragraph_that_would_end_on_one_character_is_rebroken() -> None:
    """PLAIN × 2 after the indent ends with one character on its last line when set naively (26 + 28 +
    28 + 28 + 1 of 111); the setter carries company over."""
    from xuncha_desktop.reports import fonts
    from xuncha_desktop.reports.layout import BODY_SIZE, CELL, TYPE_WIDTH, Setter, lone

    setter = Setter(fonts.fonts(False)["body"], BODY_SIZE, CELL)
    text = PLAIN * 2 + "强"
    lines = setter.break_text(text, TYPE_WIDTH, first_indent=2 * CELL)
    assert "".join(line.text for line in lines) == text
    assert not lone(lines[-1].text) and len(lines[-1].text) >= 2
    assert len(lines[-2].text) == 27  # the line before gave one character and is spread over the width


def test_figures_and_squeezed_quotes_measured(pdf: Path) -> None:
    with pdfplumber.open(str(pdf)) as document:
        chars = document.pages[0].chars
        text = "".join(c["text"] for c in chars)
        at = text.index("2053.37")
        figure = chars[at:at + 7]
        gaps = [(b["x0"] - a["x1"]) for a, b in itertools.pairwise(figure)]
        assert max(gaps) < 16 * 0.25 / MM * MM  # no gap of a quarter character inside the figure
        point, quote = text.index("．“"), text.index("．“") + 1
        assert chars[quote]["x0"] - chars[point]["x0"] < 16 * 1.1  # the pair takes one cell, not two


def test_titles_break_at_word_boundaries() -> None:
    def fits(piece: str) -> bool:
        return len(piece) <= 20

    assert title_breaks(TITLE, fits) == ["关于巡察娄底市住房和城乡建设局党组", "的反馈意见"]
    assert title_breaks("关于移交娄底市住房和城乡建设局党组问题线索的函", fits) == [
        "关于移交娄底市住房和城乡建设局党组", "问题线索的函"]
    assert title_breaks("中共娄底市委第三巡察组关于巡察娄底市住房和城乡建设局党组情况的报告", fits) == [
        "中共娄底市委第三巡察组关于巡察", "娄底市住房和城乡建设局党组情况的报告"]
    short = "关于五届市委第九轮巡察整改督查情况的报告"
    assert title_breaks(short, fits) == [short]


def test_draft_and_classification_markings(tmp_path: Path) -> None:
    doc = dataclasses.replace(sample(), draft=True, classification="内部")
    items = doc.items()
    assert [p.role for p in items[:4]] == ["marking", "blank", "title", "draft"]
    assert items[0].text == "内部" and items[3].text == "（征求意见稿）"
    path = official.write_pdf(doc, tmp_path / "draft.pdf", use_system_fonts=False)
    assert isinstance(path, Path)
    lines = printed_lines(path)[0]
    assert lines[0].text == "内部" and any(line.text == "（征求意见稿）" for line in lines)


def test_annex_table(pdf: Path) -> None:
    """序号 on one line; 责任单位/责任人 on two at most; the category is a group row, not a column; rows
    split across pages by line under the repeated header; no page ends more than 20 mm above the type
    area's foot while rows continue."""
    header, rows, _widths, _align = sample().annexes[0].table()
    assert header == ("序号", "问题表述", "整改要求", "责任单位/责任人", "整改时限")
    assert rows[0] == ("党的路线方针政策和党中央决策部署落实情况",) and len(rows) == 18
    with pdfplumber.open(str(pdf)) as document:
        table_pages = [page for page in document.pages if page.find_tables()]
        assert len(table_pages) >= 2
        for page in table_pages:
            table = page.extract_tables()[0]
            assert [(c or "").replace("\n", "") for c in table[0]] == list(header)
            assert "序号" in (table[0][0] or "")  # one line: no 序\n号
            assert (table[0][3] or "").count("\n") <= 1
        for page in table_pages[:-1]:
            bottom = max(c["bottom"] for c in page.chars if c["top"] / MM < TYPE_TOP + 225) / MM
            assert bottom > TYPE_TOP + 225 - 20, bottom
        text = "".join(page.extract_text() for page in table_pages)
        assert text.count("党的路线方针政策和党中央决策部署落实情况") == 1  # a group row, once


def test_nested_brackets_helper() -> None:
    assert nested_brackets("提级巡察（五届市委提级交叉巡察（第一轮））") == ["（五届市委提级交叉巡察（第一轮）"]
    assert nested_brackets("常规巡察（五届市委第八轮巡察）") == []
