"""谈话记录: the interview record with every header field, the record itself, the interviewee's confirmation
(a ruled blank to write in their own hand, then their signature and date), the signatures of the
interviewers and the recorder, and on every page the marking, the number, "第 X 页 共 Y 页" and a line
for the interviewee's signature and date.

The body is set with the grid rules (避头尾, justified) to the width of the header table, so every line
ends on the table's right rule."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from xuncha_desktop.reports import fonts as font_registry
from xuncha_desktop.reports.common import (
    MARGIN_TOP,
    MARGIN_X,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TEXT_WIDTH,
    PdfTarget,
    build,
    page_label,
)
from xuncha_desktop.reports.data import InterviewRecordData
from xuncha_desktop.reports.forms import pairs_table
from xuncha_desktop.reports.layout import CellText, GridText, Setter, text_block

BODY = 14.0
PITCH = BODY * 1.75
CELL_SIZE = 10.5
CELL_PITCH = 14.0
SIGNATURE_LINE = "被谈话人签字：______________    日期：________年____月____日"
# Ruled lines the interviewee writes the confirmation on, in their own hand.
CONFIRMATION_LINES = 3
CONFIRMATION_LABEL = "被谈话人阅后意见（由被谈话人亲笔书写）："
DATE_BLANK = "年    月    日"


def _blank_rows(setter: Setter, rows: list[tuple[str, str]], chosen: dict[str, Any]) -> Any:
    """Rows of "label ______ 日期：____年__月__日": the blanks are ruled lines to sign on."""
    from reportlab.platypus import Table, TableStyle

    cells = [[CellText(setter, label, PITCH, "right"), "", CellText(setter, "日期：", PITCH, "right"),
              CellText(setter, date, PITCH, "right")] for label, date in rows]
    table = Table(cells, colWidths=[TEXT_WIDTH * f for f in (0.32, 0.25, 0.13, 0.3)], rowHeights=12 * mm)
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), chosen["body"].pdf_name), ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black), ("LINEBELOW", (3, 0), (3, -1), 0.6, colors.black),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    return table


def closing(data: InterviewRecordData, chosen: dict[str, Any]) -> list[Any]:
    """The interviewee's confirmation (ruled lines, their signature and date) and the signatures of the
    interviewers and the recorder: one block, kept together, so no signature stands alone on a page."""
    from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

    setter = Setter(chosen["body"], BODY)
    label = GridText(setter, setter.break_text(CONFIRMATION_LABEL, TEXT_WIDTH, justify=False), pitch=PITCH)
    lines = Table([[""] for _ in range(CONFIRMATION_LINES)], colWidths=[TEXT_WIDTH], rowHeights=10 * mm)
    lines.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.6, colors.black),
                               ("FONTNAME", (0, 0), (-1, -1), chosen["body"].pdf_name)]))
    interviewee = _blank_rows(setter, [("被谈话人（签字）：", DATE_BLANK)], chosen)
    staff = _blank_rows(setter, [("谈话人（签字）：", DATE_BLANK), ("", DATE_BLANK),
                                 ("记录人（签字）：", DATE_BLANK)], chosen)
    return [Spacer(1, 10), KeepTogether([label, lines, interviewee, Spacer(1, 10), staff])]


def story(data: InterviewRecordData, chosen: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Spacer

    title = Setter(chosen["title"], 22)
    heading = Setter(chosen["heading1"], BODY)
    items: list[Any] = [GridText(title, title.break_balanced("个别谈话记录", TEXT_WIDTH), pitch=34)]
    if data.group_name:
        group = Setter(chosen["heading2"], BODY)
        items.append(GridText(group, group.break_text(data.group_name, TEXT_WIDTH, justify=False, align="center"),
                              pitch=PITCH))
    # every label of the head, even without a value: the form is completed by hand there
    items += [pairs_table(data.header, chosen, CELL_SIZE, CELL_PITCH, 0.14), Spacer(1, 6),
              GridText(heading, heading.break_text("谈话内容：", TEXT_WIDTH), pitch=PITCH * 1.4,
                       keep_with_next=True)]
    setter = Setter(chosen["body"], BODY)
    for block in data.record.split("\n"):
        if block.strip():
            items.append(text_block(setter, block.strip(), TEXT_WIDTH, PITCH))
    return items + closing(data, chosen)


def write_pdf(data: InterviewRecordData, out: PdfTarget, use_system_fonts: bool | None = None) -> PdfTarget:
    chosen = font_registry.fonts(use_system_fonts)
    body = chosen["body"].pdf_name
    marking_font = chosen["heading1"].pdf_name

    def footer(canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        top = PAGE_HEIGHT - MARGIN_TOP + 8 * mm
        if data.marking:
            canvas.setFont(marking_font, 14)
            canvas.drawString(MARGIN_X, top, data.marking)
        if data.number:
            canvas.setFont(body, 10.5)
            canvas.drawRightString(PAGE_WIDTH - MARGIN_X, top, f"编号：{data.number}")
        canvas.setFont(body, 12)
        canvas.drawString(MARGIN_X, 19 * mm, SIGNATURE_LINE)
        canvas.setFont(body, 10.5)
        canvas.drawCentredString(PAGE_WIDTH / 2, 11 * mm, page_label(page, pages))
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, 25 * mm, PAGE_WIDTH - MARGIN_X, 25 * mm)
        canvas.restoreState()

    return build(out, story(data, chosen), title=f"个别谈话记录 {data.number}".strip(),
                 author=data.group_name or "巡察组", subject="个别谈话记录", chosen=chosen, footer=footer,
                 bottom=30 * mm)
