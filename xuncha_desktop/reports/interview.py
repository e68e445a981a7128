"""谈话记录: the interview record with every header field, the record itself, "第 X 页 共 Y 页", and a line
for the interviewee's signature and date on every page."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from xuncha_desktop.reports import fonts as font_registry
from xuncha_desktop.reports.common import MARGIN_X, PAGE_WIDTH, PdfTarget, build, escape, grid, page_label, styles
from xuncha_desktop.reports.data import InterviewRecordData
from xuncha_desktop.reports.layout import Setter, text_block

BODY = 14.0
SIGNATURE_LINE = "谈话对象签字：______________    日期：________年____月____日"


def story(data: InterviewRecordData, chosen: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    st = styles(chosen)
    items: list[Any] = [Paragraph("个 别 谈 话 记 录", st["title"]), Spacer(1, 4)]
    cells = [(Paragraph(escape(label), st["cell_head"]), Paragraph(escape(value), st["cell"]))
             for label, value in data.header]
    rows = []
    for index in range(0, len(cells), 2):
        pair = cells[index:index + 2]
        row: list[Any] = [pair[0][0], pair[0][1]]
        row += [pair[1][0], pair[1][1]] if len(pair) > 1 else ["", ""]
        rows.append(row)
    width = PAGE_WIDTH - 2 * MARGIN_X
    table = Table(rows, colWidths=[width * f for f in (0.14, 0.36, 0.14, 0.36)])
    table.setStyle(TableStyle(grid(chosen)))
    items += [table, Spacer(1, 10), Paragraph("谈话内容：", st["heading"])]
    setter = Setter(chosen["body"], BODY)
    for block in data.record.split("\n"):
        if block.strip():
            items.append(text_block(setter, block.strip(), width, BODY * 1.75))
    return items


def write_pdf(data: InterviewRecordData, out: PdfTarget, use_system_fonts: bool | None = None) -> PdfTarget:
    chosen = font_registry.fonts(use_system_fonts)
    body = chosen["body"].pdf_name

    def footer(canvas: Canvas, page: int, pages: int) -> None:
        canvas.saveState()
        canvas.setFont(body, 12)
        canvas.drawString(MARGIN_X, 19 * mm, SIGNATURE_LINE)
        canvas.setFont(body, 10.5)
        canvas.drawRightString(PAGE_WIDTH - MARGIN_X, 11 * mm, page_label(page, pages))
        if data.number:
            canvas.drawString(MARGIN_X, 11 * mm, f"编号：{data.number}")
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_X, 25 * mm, PAGE_WIDTH - MARGIN_X, 25 * mm)
        canvas.restoreState()

    return build(out, story(data, chosen), title=f"个别谈话记录 {data.number}".strip(), author="巡察组",
                 subject="个别谈话记录", chosen=chosen, footer=footer, bottom=30 * mm)
