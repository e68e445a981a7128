"""巡察反馈意见: GB/T 9704 geometry read back from the PDF, text, fonts, the .docx, and no identities."""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from tests.reports.helpers import MM, SECRETS, assert_a4, assert_fonts_embedded, compact, pdftotext
from xuncha_desktop.reports import feedback
from xuncha_desktop.reports.layout import NO_LINE_START
from xuncha_desktop.services.feedback import feedback_data

BODY_TOP = 37.0
BODY_LEFT = 28.0
TYPE_BOTTOM = 37.0 + 225.0


@pytest.fixture(scope="module")
def made(small: Any) -> tuple[Any, Path, Path]:
    ws, ids, folder = small
    with ws.transaction() as s:
        data = feedback_data(s, ids["unit_a"], ids["regular"], issued_on=dt.date(2021, 1, 5),
                         marking="内部资料 注意保存")
    pdf = folder / "feedback.pdf"
    assert feedback.write_pdf(data, pdf, use_system_fonts=False) == pdf
    docx = feedback.write_docx(data, folder / "feedback.docx")
    return data, pdf, docx


def body_lines(page: Any) -> dict[float, list[dict[str, Any]]]:
    """Characters of the type area grouped by line (top in mm, rounded), left to right."""
    lines: dict[float, list[dict[str, Any]]] = defaultdict(list)
    for char in page.chars:
        if char["top"] / MM < TYPE_BOTTOM and char["text"].strip():
            lines[round(char["top"] / MM, 1)].append(char)
    return {top: sorted(chars, key=lambda c: c["x0"]) for top, chars in sorted(lines.items())}


def test_text_contents_and_date(made: tuple[Any, Path, Path]) -> None:
    data, pdf, _docx = made
    text = compact(pdftotext(pdf))
    assert "关于巡察娄底市住房和城乡建设局党组的反馈意见" in text
    assert "内部资料注意保存" in text
    assert "市委第六巡察组于2020年4月7日至2020年6月30日对娄底市住房和城乡建设局党组开展了常规巡察" in text
    assert "个别谈话3人次" in text and "受理信访举报3件" in text
    # No draft recorded how many documents were reviewed: the sentence says nothing of them (never "0份").
    assert "调阅资料" not in text
    # no draft at all: a draft for comment, marked under the title
    assert text.startswith("内部资料注意保存关于巡察娄底市住房和城乡建设局党组的反馈意见（征求意见稿）")
    for heading in ("一、巡察发现的主要问题", "二、整改意见", "三、有关要求", "2个月内", "附件：问题清单"):
        assert heading in text
    assert "（一）党的路线方针政策和党中央决策部署落实情况方面" in text
    assert text.rstrip().count("2021年1月5日") == 1
    assert "立行立改的小问题" not in text  # not in the feedback
    assert len(data.problems) == 60


def test_a4_fonts_embedded_and_named_in_metadata(made: tuple[Any, Path, Path]) -> None:
    _data, pdf, _docx = made
    pages = assert_a4(pdf)
    assert pages >= 6
    assert_fonts_embedded(pdf)
    with pdfplumber.open(str(pdf)) as doc:
        keywords = doc.metadata["Keywords"]
    for role in ("小标宋=", "仿宋=", "黑体=", "楷体="):
        assert role in keywords


def test_geometry_of_the_body(made: tuple[Any, Path, Path]) -> None:
    _data, pdf, _docx = made
    with pdfplumber.open(str(pdf)) as doc:
        first = body_lines(doc.pages[0])
        second = body_lines(doc.pages[1])
        assert abs(next(iter(first)) - BODY_TOP) <= 1.0          # the marking on page 1
        assert abs(next(iter(second)) - BODY_TOP) <= 1.0         # the body on a continuation page
        assert len(second) == 22                                 # a full page holds 22 lines
        tops = list(second)
        assert all(abs(b - a - 225 / 22) < 0.15 for a, b in itertools.pairwise(tops))
        left = min(c["x0"] for chars in second.values() for c in chars) / MM
        assert abs(left - BODY_LEFT) <= 1.0
        right = max(c["x1"] for chars in second.values() for c in chars) / MM
        assert abs(right - (BODY_LEFT + 156)) <= 1.0
        counts = []
        for page in doc.pages[1:4]:
            lines = list(body_lines(page).values())
            for chars, following in itertools.pairwise(lines):
                text = "".join(c["text"] for c in chars)
                full = abs(chars[0]["x0"] / MM - BODY_LEFT) < 0.5 and abs(chars[-1]["x1"] / MM - 184) < 1.0
                if not full or any(c.isascii() for c in text):
                    continue
                counts.append(len(text))
                if len(text) != 28:  # one character carried over so no line starts with a closing mark,
                    # or to keep a paragraph's last character company (no 孤字)
                    nxt = "".join(c["text"] for c in following)
                    assert len(text) == 27 and (nxt[1] in NO_LINE_START or len(nxt) <= 3), (text, nxt)
        assert 28 in counts and set(counts) <= {27, 28}
        sizes = {round(c["size"]) for chars in second.values() for c in chars}
        assert sizes == {16}


def test_title_size_and_centre(made: tuple[Any, Path, Path]) -> None:
    _data, pdf, _docx = made
    with pdfplumber.open(str(pdf)) as doc:
        page = doc.pages[0]
        title = [c for c in page.chars if round(c["size"]) == 22]
        assert title
        centre = (min(c["x0"] for c in title) + max(c["x1"] for c in title)) / 2 / MM
        assert abs(centre - (28 + 78)) < 1.5


def test_page_numbers(made: tuple[Any, Path, Path]) -> None:
    _data, pdf, _docx = made
    with pdfplumber.open(str(pdf)) as doc:
        for number, page in enumerate(doc.pages, 1):
            chars = [c for c in page.chars if c["top"] / MM > TYPE_BOTTOM]
            text = "".join(c["text"] for c in chars).replace(" ", "")
            assert text == f"—{number}—"
            assert {round(c["size"]) for c in chars} == {14}
            top = min(c["top"] for c in chars) / MM
            assert abs(top - (TYPE_BOTTOM + 7)) <= 1.0
            one_char = 14 / MM
            if number % 2:
                assert abs(max(c["x1"] for c in chars) / MM - (28 + 156 - one_char)) <= 1.0
            else:
                assert abs(min(c["x0"] for c in chars) / MM - (28 + one_char)) <= 1.0


def test_annex_header_repeats_on_each_page(made: tuple[Any, Path, Path]) -> None:
    data, pdf, _docx = made
    # the 类别 column is a group row over its problems (reports/official.py Annex.group_by), not a column
    header = [compact(h) for h in feedback.ANNEX_HEADER if h != "类别"]
    numbers: list[str] = []
    with pdfplumber.open(str(pdf)) as doc:
        table_pages = 0
        for page in doc.pages:
            tables = page.extract_tables()
            for table in tables:
                assert [compact(c or "") for c in table[0]] == header
                table_pages += 1
                for row in table[1:]:
                    assert len(row) == 5
            if not tables:
                continue
            # the numbers in the 序号 column, top to bottom (a row split across pages shows its number once,
            # mid-row; the row cut by the page's foot is not a closed row for extract_tables)
            found = page.find_tables()[0]
            first = found.rows[0].cells[0]
            assert first is not None
            column = page.crop((first[0], first[3], first[2], TYPE_BOTTOM * MM))
            numbers += [w["text"] for w in column.extract_words() if w["text"].isdigit()]
    assert table_pages >= 2
    assert numbers == [str(n) for n in range(1, len(data.problems) + 1)]
    last = [compact(c or "") for c in table[-1]]
    assert last[0] == str(len(data.problems)) and last[4] == "2020年8月31日"


def test_docx_has_the_same_text_and_layout(made: tuple[Any, Path, Path]) -> None:
    from docx import Document
    from docx.shared import Mm

    data, _pdf, path = made
    document = Document(str(path))
    section = document.sections[0]
    width, height, top, left = section.page_width, section.page_height, section.top_margin, section.left_margin
    assert width is not None and height is not None and top is not None and left is not None
    assert abs(width - Mm(210)) < Mm(0.5) and abs(height - Mm(297)) < Mm(0.5)
    # 35.2 mm: the first line's characters then stand at 37 mm (tests/reports/test_docx_render.py measures it)
    assert abs(top - Mm(35.2)) < Mm(0.1) and abs(left - Mm(28)) < Mm(0.5)
    paragraphs = [p.text.replace("\n", "") for p in document.paragraphs]  # the title has a line break
    cells = [c.text for table in document.tables for row in table.rows for c in row.cells]
    held = set(paragraphs) | set(cells)
    for text in feedback.all_text(data):
        assert text in held or any(text in p for p in paragraphs), text
    footer = "".join(p.text for p in section.footer.paragraphs)
    assert footer.startswith("—") and footer.endswith("—")
    assert document.settings.odd_and_even_pages_header_footer


def test_no_identities_in_the_feedback(made: tuple[Any, Path, Path]) -> None:
    from docx import Document

    _data, pdf, docx_path = made
    text = compact(pdftotext(pdf))
    document = Document(str(docx_path))
    word = "".join(p.text for p in document.paragraphs) + "".join(
        c.text for t in document.tables for r in t.rows for c in r.cells)
    for secret in SECRETS:
        assert compact(secret) not in text
        assert secret not in word
    assert "×××" in text  # the name typed into a statement was struck out, not the statement

