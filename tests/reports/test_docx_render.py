"""The .docx of a 公文 rendered by LibreOffice (headless, private profile, standard font names mapped to
the shipped fonts) and measured like our PDF: 22 lines of 28 characters, the first line where the PDF has
it, margins, page numbers in 四号, the 落款 never alone, no 孤字, figures without gaps; and the XML
settings LibreOffice and Word read (language, autospace, table rows and cells)."""

from __future__ import annotations

import itertools
import zipfile
from pathlib import Path

import pdfplumber
import pytest

from tests.reports.measure import (
    MM,
    TYPE_BOTTOM,
    TYPE_LEFT,
    TYPE_RIGHT,
    body_pages,
    gapped_figures,
    lone_chars,
    printed_lines,
    render_docx,
    widest,
)
from tests.reports.test_official import DATE, SIGNATURE, sample
from xuncha_desktop.reports import official

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    folder = tmp_path_factory.mktemp("docx")
    docx = official.write_docx(sample(full_first_page=False), folder / "official.docx")
    ours = folder / "official.pdf"
    official.write_pdf(sample(full_first_page=False), ours, use_system_fonts=False)
    return docx, render_docx(docx, folder / "lo"), ours


def test_libreoffice_holds_22_lines_of_28(rendered: tuple[Path, Path, Path]) -> None:
    _docx, pdf, ours = rendered
    pages = body_pages(printed_lines(pdf))
    assert max(len(lines) for lines in pages) == 22
    assert sum(1 for lines in pages if len(lines) == 22) >= 1, [len(lines) for lines in pages]
    assert widest(pages) == 28
    for lines in pages:
        assert all(abs(b.top - a.top - 225 / 22) < 0.2 for a, b in itertools.pairwise(lines))
    body = [line for lines in pages for line in lines]
    assert min(line.left for line in body) == pytest.approx(TYPE_LEFT, abs=0.5)
    assert max(line.right for line in body) == pytest.approx(TYPE_RIGHT, abs=1.0)
    # the first line of a continuation page where our PDF has it
    ours_pages = body_pages(printed_lines(ours))
    assert pages[1][0].top == pytest.approx(ours_pages[1][0].top, abs=0.5)


def test_libreoffice_page_numbers_in_one_size(rendered: tuple[Path, Path, Path]) -> None:
    _docx, pdf, _ours = rendered
    with pdfplumber.open(str(pdf)) as document:
        for number, page in enumerate(document.pages, 1):
            chars = [c for c in page.chars if c["top"] / MM > TYPE_BOTTOM + 2]
            assert "".join(c["text"] for c in chars).replace(" ", "") == f"—{number}—"
            assert {round(c["size"]) for c in chars} == {14}
            assert min(c["top"] for c in chars) / MM == pytest.approx(TYPE_BOTTOM + 7, abs=1.0)


def test_libreoffice_keeps_the_signature_with_the_body_and_sets_figures_whole(
        rendered: tuple[Path, Path, Path], tmp_path: Path) -> None:
    _docx, pdf, _ours = rendered
    pages = body_pages(printed_lines(pdf))
    # The .docx keeps 仿宋's monospaced figures (its point as wide as a figure, as in any 仿宋 document):
    # only gaps between the figures' boxes are checked here; our PDF sets the point narrow.
    assert gapped_figures(pages, points=False) == []
    assert lone_chars(pages) == []
    # the sample whose body fills page 2: Word's keep-with-next and widow control carry body lines over
    docx = official.write_docx(sample(), tmp_path / "full.docx")
    pages = body_pages(printed_lines(render_docx(docx, tmp_path / "lo")))
    where = next(i for i, lines in enumerate(pages) if any(SIGNATURE in line.text for line in lines))
    texts = [line.text for line in pages[where]]
    assert len([t for t in texts if t not in (SIGNATURE, DATE)]) >= 2, texts


def test_docx_settings(rendered: tuple[Path, Path, Path]) -> None:
    docx, _pdf, _ours = rendered
    with zipfile.ZipFile(docx) as archive:
        styles = archive.read("word/styles.xml").decode()
        body = archive.read("word/document.xml").decode()
        footers = [archive.read(n).decode() for n in archive.namelist() if n.startswith("word/footer")]
    assert 'w:eastAsia="zh-CN"' in styles
    assert '<w:autoSpaceDE w:val="0"/>' in styles and '<w:autoSpaceDN w:val="0"/>' in styles
    assert 'w:linePitch="579"' in body
    assert body.count("<w:tblHeader") == 1 and 'w:fill="EBEBEB"' in body
    # header and group rows never split; the long rows of this sample may
    assert 3 <= body.count("<w:cantSplit") < 19 and '<w:vAlign w:val="center"/>' in body
    assert 'w:gridSpan w:val="5"' in body  # group rows merged across the five columns
    for footer in footers:
        if "PAGE" in footer:
            assert footer.count('<w:sz w:val="28"/>') >= 7  # every run of "— n —" and the mark in 四号


def test_libreoffice_repeats_the_annex_header_and_keeps_short_entries_whole(
        rendered: tuple[Path, Path, Path]) -> None:
    """Every page of the annex table starts with the header (w:tblHeader); 序号 and the date are not broken
    (the widths allow for LibreOffice's cell margins and its space between Chinese and figures); the
    category is a group row, set once."""
    _docx, pdf, _ours = rendered
    with pdfplumber.open(str(pdf)) as document:
        pages = [page for page in document.pages if page.find_tables()]
        assert len(pages) >= 2
        for page in pages:
            table = page.extract_tables()[0]
            assert (table[0][0] or "").replace("\n", "") == "序号" and "\n" not in (table[0][0] or "")
            for row in table[1:]:
                if row[-1]:
                    assert "\n" not in row[-1], row  # 2021年3月5日 on one line
        text = "".join(page.extract_text() for page in pages)
    assert text.count("党的路线方针政策和党中央决策部署落实情况") == 1
