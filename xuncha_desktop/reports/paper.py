"""问题底稿: one working paper per problem: header, the problem, summary, how it was found, the supporting
materials with their SHA-256, and the sign-off lines of 经办人, 副组长 and 组长."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm

from xuncha_desktop.reports import fonts as font_registry
from xuncha_desktop.reports.common import (
    MARGIN_X,
    PAGE_WIDTH,
    PdfTarget,
    build,
    centred_page_footer,
    escape,
    grid,
    styles,
)
from xuncha_desktop.reports.data import WorkingPaperData
from xuncha_desktop.reports.layout import Setter, text_block

DATE_BLANK = "日期：&nbsp;&nbsp;&nbsp;&nbsp;年&nbsp;&nbsp;&nbsp;月&nbsp;&nbsp;&nbsp;日"
SIGN_OFF = (("经办人", "drafted_by"), ("副组长审核", "checked_by"), ("组长审定", "approved_by"))


def story(data: WorkingPaperData, chosen: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    st = styles(chosen)
    width = PAGE_WIDTH - 2 * MARGIN_X
    setter = Setter(chosen["body"], 14)
    items: list[Any] = [Paragraph("问 题 底 稿", st["title"]), Paragraph(escape(data.title), st["cell_head"]),
                        Spacer(1, 8)]
    cells = [(Paragraph(escape(label), st["cell_head"]), Paragraph(escape(value), st["cell"]))
             for label, value in data.header]
    rows = []
    for index in range(0, len(cells), 2):
        pair = cells[index:index + 2]
        rows.append([pair[0][0], pair[0][1], *(pair[1] if len(pair) > 1 else ("", ""))])
    header = Table(rows, colWidths=[width * f for f in (0.14, 0.36, 0.14, 0.36)])
    header.setStyle(TableStyle(grid(chosen)))
    items += [header, Spacer(1, 8)]
    for heading, text in (("一、问题表述", data.problem_statement), ("二、问题摘要", data.summary),
                          ("三、发现方式", data.how_found)):
        items.append(Paragraph(heading, st["heading"]))
        items.append(text_block(setter, text or "（无）", width, 14 * 1.75))
    items.append(Paragraph("四、佐证材料", st["heading"]))
    rows = [[Paragraph(h, st["cell_head"]) for h in ("序号", "类别", "材料名称", "说明", "SHA-256")]]
    for number, material in enumerate(data.materials, 1):
        sha = material.sha256
        shown = f"{sha[:32]}<br/>{sha[32:]}" if sha else "—"  # two lines of 32: read and compare at a glance
        rows.append([Paragraph(str(number), st["cell"]), Paragraph(material.kind, st["cell"]),
                     Paragraph(escape(material.title), st["cell"]), Paragraph(escape(material.detail), st["cell"]),
                     Paragraph(shown, st["small"])])
    if len(rows) == 1:
        rows.append([Paragraph("—", st["cell"]), "", Paragraph("（未关联佐证材料）", st["cell"]), "", ""])
    materials = Table(rows, colWidths=[width * f for f in (0.07, 0.11, 0.25, 0.2, 0.37)], repeatRows=1)
    materials.setStyle(TableStyle(grid(chosen)))
    items += [materials, Spacer(1, 14)]

    sign_rows = []
    for label, attr in SIGN_OFF:
        name = getattr(data, attr)
        sign_rows.append([Paragraph(label, st["cell_head"]), Paragraph(escape(name) or "", st["cell"]),
                          Paragraph("签名：", st["cell"]), Paragraph(DATE_BLANK, st["cell"])])
    sign = Table(sign_rows, colWidths=[width * f for f in (0.18, 0.22, 0.28, 0.32)], rowHeights=12 * mm)
    sign.setStyle(TableStyle(grid(chosen)))
    items.append(KeepTogether([Paragraph("五、审核审定", st["heading"]), sign]))
    return items


def write_pdf(data: WorkingPaperData, out: PdfTarget, use_system_fonts: bool | None = None) -> PdfTarget:
    chosen = font_registry.fonts(use_system_fonts)
    footer = centred_page_footer(chosen["body"].pdf_name)
    return build(out, story(data, chosen), title=data.title, author=data.drafted_by or "巡察组",
                 subject="问题底稿", chosen=chosen, footer=footer)
