"""公文 in GB/T 9704-2012 form: what a document issued by the office is made of (:class:`OfficialDocument`:
marking, title, 主送, numbered paragraphs, 落款 and date, annexes with their tables) and its two writers,
PDF on the standard grid and .docx with the same grid for editing before issue.

Every 公文 the program issues (巡察反馈意见, 整改督查报告, 巡察情况报告, 移交函) is composed by its own module
into an :class:`OfficialDocument` and set here, so the layout rules live in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from xuncha_desktop.reports import fonts as font_registry
from xuncha_desktop.reports.common import PdfTarget, target
from xuncha_desktop.reports.layout import (
    BODY_SIZE,
    CELL,
    LEFT,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TITLE_SIZE,
    TOP,
    TYPE_HEIGHT,
    TYPE_WIDTH,
    BlankLines,
    CellText,
    GridText,
    Line,
    Setter,
    page_number_painter,
)


@dataclass(frozen=True)
class Para:
    """One paragraph of the document: ``role`` is title, addressee, body, heading1, heading2, marking,
    annex_note, signature, date, blank."""

    role: str
    text: str = ""


@dataclass(frozen=True)
class Annex:
    """An annex on its own pages: 附件 (numbered when there are several), its title, and a table whose
    header repeats on every page. ``widths`` are relative column widths; ``align`` per column is
    "center", "left" or "justify"."""

    title: str
    header: tuple[str, ...]
    rows: list[tuple[str, ...]]
    widths: tuple[float, ...]
    align: tuple[str, ...]
    label: str = "附件"
    # PDF only: flowables (charts) set after the table, or alone when ``header`` is empty.
    flowables: tuple[Any, ...] = ()


@dataclass(frozen=True)
class OfficialDocument:
    """A 公文 ready to set: ``paragraphs`` run from the marking to the date (see :class:`Para`);
    ``subject`` and ``author`` go into the file's metadata."""

    title: str
    paragraphs: list[Para]
    author: str
    subject: str
    annexes: list[Annex] = field(default_factory=list)


# ---- PDF -------------------------------------------------------------------------------------------

def write_pdf(doc: OfficialDocument, out: PdfTarget, use_system_fonts: bool | None = None) -> PdfTarget:
    from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate

    chosen = font_registry.fonts(use_system_fonts)
    body = Setter(chosen["body"], BODY_SIZE, CELL)
    setters = {
        "body": body,
        "title": Setter(chosen["title"], TITLE_SIZE),
        "heading1": Setter(chosen["heading1"], BODY_SIZE, CELL),
        "heading2": Setter(chosen["heading2"], BODY_SIZE, CELL),
    }
    two = 2 * CELL
    story: list[Any] = []
    items = doc.paragraphs
    for index, item in enumerate(items):
        role = item.role
        if role == "blank":
            story.append(BlankLines(1))
        elif role == "title":
            setter = setters["title"]
            lines = title_lines(setter, item.text)
            story.append(GridText(setter, lines, synthetic_bold=chosen["title"].synthetic_bold))
        elif role in ("marking", "addressee"):
            setter = setters["heading1"] if role == "marking" else body
            story.append(GridText(setter, setter.break_text(item.text, TYPE_WIDTH)))
        elif role in ("heading1", "heading2"):
            setter = setters[role]
            story.append(GridText(setter, setter.break_text(item.text, TYPE_WIDTH, first_indent=two),
                                  keep_with_next=True))
        elif role in ("body", "annex_note"):
            story.append(GridText(body, body.break_text(item.text, TYPE_WIDTH, first_indent=two)))
        elif role == "signature":
            date_text = items[index + 1].text
            sig_w, date_w = body.width(item.text), body.width(date_text)
            if date_w + two > sig_w:  # the date is the longer: it sits two characters from the right
                date_x = TYPE_WIDTH - two - date_w
                sig_x = date_x - two
            else:
                sig_x = TYPE_WIDTH - two - sig_w
                date_x = sig_x + two
            story.append(GridText(body, [_at(body, item.text, sig_x)]))
            story.append(GridText(body, [_at(body, date_text, date_x)]))
    # Each annex: 附件 in 黑体 at the top left, its title, then the table whose header repeats.
    for number, annex in enumerate(doc.annexes, 1):
        label = annex.label if len(doc.annexes) == 1 else f"{annex.label}{number}"
        story.append(PageBreak())
        story.append(GridText(setters["heading1"], setters["heading1"].break_text(label, TYPE_WIDTH)))
        story.append(BlankLines(1))
        title = setters["title"]
        story.append(GridText(title, title.break_text(annex.title, TYPE_WIDTH, justify=False, align="center"),
                              synthetic_bold=chosen["title"].synthetic_bold))
        story.append(BlankLines(1))
        if annex.header:
            story.append(_pdf_table(annex, chosen))
        story.extend(annex.flowables)

    template = BaseDocTemplate(
        target(out), pagesize=(PAGE_WIDTH, PAGE_HEIGHT), leftMargin=LEFT, topMargin=TOP,
        rightMargin=PAGE_WIDTH - LEFT - TYPE_WIDTH, bottomMargin=PAGE_HEIGHT - TOP - TYPE_HEIGHT,
        title=doc.title, author=doc.author, subject=doc.subject,
        keywords=font_registry.metadata_line(chosen), creator="xuncha-desktop 巡察外业桌面端")
    template.initialFontName = chosen["body"].pdf_name
    frame = Frame(LEFT, PAGE_HEIGHT - TOP - TYPE_HEIGHT, TYPE_WIDTH, TYPE_HEIGHT + 0.5, leftPadding=0,
                  rightPadding=0, topPadding=0, bottomPadding=0, id="type-area")
    template.addPageTemplates([PageTemplate("gb9704", [frame], onPage=page_number_painter(chosen["number"]))])
    template.build(story)
    return out


def _pdf_table(annex: Annex, chosen: dict[str, Any]) -> Any:
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    cell = Setter(chosen["body"], 12)
    head = Setter(chosen["heading1"], 12)
    pitch = 16.0
    rows: list[list[Any]] = [[CellText(head, h, pitch, "center") for h in annex.header]]
    for row in annex.rows:
        rows.append([CellText(cell, text, pitch, align) for text, align in zip(row, annex.align, strict=True)])
    if len(rows) == 1:
        rows.append([CellText(cell, "—", pitch, "center")] + [CellText(cell, "", pitch) for _ in annex.header[1:]])
    total = sum(annex.widths)
    table = Table(rows, colWidths=[w * TYPE_WIDTH / total for w in annex.widths], repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("FONTNAME", (0, 0), (-1, -1), chosen["body"].pdf_name),  # else Helvetica, not embedded
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    return table


def title_lines(setter: Setter, title: str) -> list[Line]:
    """A title too long for one line breaks before its closing words (的反馈意见) when the rest fits a
    line (so no word is cut), else into lines of nearly equal length."""
    lines = setter.break_balanced(title, TYPE_WIDTH)
    head, sep, tail = title.rpartition("的反馈意见")
    if len(lines) == 2 and sep and not tail and setter.width(head) - setter.space <= TYPE_WIDTH:
        return [Line(piece, (TYPE_WIDTH - setter.width(piece) + setter.space) / 2, setter.space)
                for piece in (head, sep)]
    return lines


def _at(setter: Setter, text: str, x: float) -> Line:
    return Line(text, x, setter.space)


# ---- DOCX ------------------------------------------------------------------------------------------

# 16 pt less 156 mm / 28, in twentieths of a point: 28 characters of 三号 on a 156 mm line.
TITLE_CHARS = 20  # 二号 characters on a 156 mm line
CONDENSE_TWIPS = -round((16 - 156 / 28 * 72 / 25.4) * 20)

DOCX_FONTS = {"title": "方正小标宋简体", "body": "仿宋_GB2312", "heading1": "黑体", "heading2": "楷体_GB2312",
              "number": "宋体"}


def write_docx(doc: OfficialDocument, out: Path) -> Path:
    """The same text and layout as a Word document, for editing before issue: A4, the same margins,
    a 22 × 28 document grid, fixed 28.95 pt line pitch, page numbers "— n —" odd right / even left."""
    from docx import Document
    from docx.enum.section import WD_SECTION
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt, Twips

    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.left_margin = Mm(37), Mm(28)
    section.right_margin, section.bottom_margin = Mm(210 - 28 - 156), Mm(297 - 37 - 225)
    section.footer_distance = Mm(297 - 37 - 225 - 7 - 5)
    section.start_type = WD_SECTION.NEW_PAGE
    grid = section._sectPr.find(qn("w:docGrid"))
    if grid is None:
        grid = OxmlElement("w:docGrid")
        section._sectPr.append(grid)
    # The grid: 22 lines 580 twips apart. Characters are not snapped to a character grid (programs read
    # w:charSpace differently); instead 三号 runs are condensed by 0.2 pt, so 28 characters fill 156 mm.
    line_twips = round(225 / 22 * 1440 / 25.4)
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(line_twips))
    pitch = Twips(line_twips)
    normal = document.styles["Normal"]
    normal.font.size = Pt(16)
    normal.font.name = DOCX_FONTS["body"]
    normal_fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        normal_fonts.set(qn(attr), DOCX_FONTS["body"])
    normal.paragraph_format.space_before = normal.paragraph_format.space_after = Pt(0)
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:  # the document default size too: other programs take the grid from it
        run_defaults = defaults.find(qn("w:rPrDefault"))
        props = run_defaults.find(qn("w:rPr")) if run_defaults is not None else None
        if props is not None:
            for tag in ("w:sz", "w:szCs"):
                element = props.find(qn(tag))
                if element is None:
                    element = OxmlElement(tag)
                    props.append(element)
                element.set(qn("w:val"), "32")

    def run_font(run: Any, family: str, size: float, bold: bool = False) -> None:
        run.font.name = family
        run.font.size = Pt(size)
        run.font.bold = bold
        props = run._element.get_or_add_rPr()
        fonts = props.get_or_add_rFonts()
        for attr in ("w:eastAsia", "w:ascii", "w:hAnsi"):
            fonts.set(qn(attr), family)
        if size == 16:
            spacing = OxmlElement("w:spacing")
            spacing.set(qn("w:val"), str(CONDENSE_TWIPS))
            props.append(spacing)

    def paragraph(text: str, role: str, align: Any = None, indent_chars: float = 0.0,
                  right_chars: float = 0.0) -> Any:
        para = document.add_paragraph()
        fmt = para.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = pitch
        fmt.space_before = fmt.space_after = Pt(0)
        if indent_chars:
            fmt.first_line_indent = Pt(16 * indent_chars)
        if right_chars:
            fmt.right_indent = Pt(16 * right_chars)
        if align is not None:
            para.alignment = align
        else:
            para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if text:
            size = 22.0 if role == "title" else 16.0
            run_font(para.add_run(text), DOCX_FONTS.get(role, DOCX_FONTS["body"]), size)
        return para

    def cell_format(para: Any) -> None:
        """Table text keeps its own leading instead of the page's line grid."""
        fmt = para.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(14)
        fmt.first_line_indent = Pt(0)
        snap = OxmlElement("w:snapToGrid")
        snap.set(qn("w:val"), "0")
        para._p.get_or_add_pPr().append(snap)

    items = doc.paragraphs
    for index, item in enumerate(items):
        if item.role == "blank":
            paragraph("", "body")
        elif item.role == "title":
            head, sep, tail = item.text.rpartition("的反馈意见")
            if sep and not tail and len(item.text) > TITLE_CHARS and len(head) <= TITLE_CHARS:
                title = paragraph(head, "title", WD_ALIGN_PARAGRAPH.CENTER)  # break where the PDF breaks
                title.runs[-1].add_break()
                run_font(title.add_run(sep), DOCX_FONTS["title"], 22)
            else:
                paragraph(item.text, "title", WD_ALIGN_PARAGRAPH.CENTER)
        elif item.role in ("marking", "addressee"):
            paragraph(item.text, "heading1" if item.role == "marking" else "body", WD_ALIGN_PARAGRAPH.LEFT)
        elif item.role in ("heading1", "heading2"):
            paragraph(item.text, item.role, indent_chars=2).paragraph_format.keep_with_next = True
        elif item.role in ("body", "annex_note"):
            paragraph(item.text, "body", indent_chars=2)
        elif item.role == "signature":
            sig_right, date_right = signature_indents(item.text, items[index + 1].text)
            paragraph(item.text, "body", WD_ALIGN_PARAGRAPH.RIGHT, right_chars=sig_right)
            paragraph(items[index + 1].text, "body", WD_ALIGN_PARAGRAPH.RIGHT, right_chars=date_right)
    for number, annex in enumerate(doc.annexes, 1):  # each annex on a new page
        label = annex.label if len(doc.annexes) == 1 else f"{annex.label}{number}"
        page = paragraph("", "body", WD_ALIGN_PARAGRAPH.LEFT)
        page.add_run().add_break(WD_BREAK.PAGE)
        run_font(page.add_run(label), DOCX_FONTS["heading1"], 16)
        paragraph("", "body")
        paragraph(annex.title, "title", WD_ALIGN_PARAGRAPH.CENTER)
        paragraph("", "body")
        table = document.add_table(rows=1, cols=len(annex.header))
        table.style = "Table Grid"
        total = sum(annex.widths)
        widths = [Mm(156 * w / total) for w in annex.widths]
        table.autofit = False
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width  # the table grid: programs other than Word read widths from it
        for cell, text, width in zip(table.rows[0].cells, annex.header, widths, strict=True):
            cell.width = width
            run_font(cell.paragraphs[0].add_run(text), DOCX_FONTS["heading1"], 10.5)
            cell_format(cell.paragraphs[0])
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        header_props = table.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        header_props.append(repeat)
        for row in annex.rows:
            cells = table.add_row().cells
            for cell, text, width in zip(cells, row, widths, strict=True):
                cell.width = width
                run_font(cell.paragraphs[0].add_run(text), DOCX_FONTS["body"], 10.5)
                cell_format(cell.paragraphs[0])
    # Page numbers: odd pages right, even pages left, one character in.
    document.settings.odd_and_even_pages_header_footer = True
    for footer, align, side in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right"),
                                (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left")):
        para = footer.paragraphs[0]
        para.alignment = align
        if side == "right":
            para.paragraph_format.right_indent = Pt(14)
        else:
            para.paragraph_format.left_indent = Pt(14)
        run_font(para.add_run("— "), DOCX_FONTS["number"], 14)
        _page_field(para, run_font)
        run_font(para.add_run(" —"), DOCX_FONTS["number"], 14)
    core = document.core_properties
    core.title = doc.title
    core.author = doc.author
    core.subject = doc.subject
    document.save(str(out))
    return out


def _chars(text: str) -> float:
    """Width in characters of 三号: a Chinese character is one, a digit or Latin letter half."""
    return sum(0.5 if c.isascii() else 1.0 for c in text)


def signature_indents(signature: str, date: str) -> tuple[float, float]:
    """Right indents (in characters) of the signature and the date: the date starts two characters right
    of the signature and ends two characters from the right; if it is the longer, the signature moves left."""
    sig, day = _chars(signature), _chars(date)
    if day + 2 > sig:
        return 2 + day + 2 - sig, 2.0
    return 2.0, 2 + sig - 2 - day


def _page_field(para: Any, run_font: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = para.add_run()
    run_font(run, DOCX_FONTS["number"], 14)
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "1"), ("end", None)):
        if kind is not None:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == "1":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)




def write(doc: OfficialDocument, out: Path, use_system_fonts: bool | None = None) -> Path:
    """PDF or Word by the file's suffix."""
    if out.suffix.lower() == ".docx":
        return write_docx(doc, out)
    write_pdf(doc, out, use_system_fonts)
    return out
