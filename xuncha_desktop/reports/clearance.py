"""清退证明: the certificate a laptop writes when it is cleared after the round (巡后清退), before its keys are
destroyed: the device and its user, what it held, and the office's acknowledgement that it holds all of it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.units import mm

from xuncha_desktop.reports import fonts as font_registry
from xuncha_desktop.reports.common import (
    MARGIN_X,
    PAGE_WIDTH,
    build,
    centred_page_footer,
    escape,
    grid,
    styles,
    write_atomically,
)
from xuncha_desktop.reports.data import ClearanceData
from xuncha_desktop.reports.layout import Setter, text_block

TITLE = "巡 后 清 退 证 明"


def story(data: ClearanceData, chosen: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    st = styles(chosen, size=12)
    width = PAGE_WIDTH - 2 * MARGIN_X
    rounds = "、".join(data.rounds) if data.rounds else "（无）"
    items: list[Any] = [Paragraph(TITLE, st["title"]), Spacer(1, 6)]
    size = 12.0
    items.append(text_block(Setter(chosen["body"], size), (
        f"本机“{data.device_name}”所存巡察数据已全部由巡察办设备“{data.office_name}”确认接收"
        f"（确认单 {data.ack_id}），经本机逐项核对无遗漏：本机 {data.changes} 项修改记录、"
        f"{data.evidence_acknowledged} 个本机证据文件均已确认。本证明写成后，本机随即销毁全部密钥（密钥槽），"
        "工作区数据库和证据文件不可再读，并予删除。"), width, size * 1.75))
    items.append(Spacer(1, 8))

    def table(rows: list[tuple[str, str]], fractions: tuple[float, float]) -> Any:
        cells = [[Paragraph(escape(label), st["cell_head"]), Paragraph(escape(value), st["cell"])]
                 for label, value in rows]
        result = Table(cells, colWidths=[width * f for f in fractions])
        result.setStyle(TableStyle(grid(chosen)))
        return result

    items.append(Paragraph("一、设备与使用人", st["heading"]))
    items.append(table([("设备名称", data.device_name), ("设备编号", data.device_id), ("使用人", data.user_name),
                        ("所涉巡察轮次", rounds)], (0.22, 0.78)))
    items.append(Paragraph("二、本机所存记录", st["heading"]))
    counts = [(label, f"{count} 条") for label, count in data.counts]
    counts.append(("证据文件（加密存储）", f"{data.evidence_files} 个"))
    rows = []
    for index in range(0, len(counts), 2):  # two kinds a row
        pair = counts[index:index + 2]
        rows.append([cell for label, value in pair
                     for cell in (Paragraph(escape(label), st["cell_head"]), Paragraph(escape(value), st["cell"]))]
                    + ["", ""] * (2 - len(pair)))
    kinds = Table(rows, colWidths=[width * f for f in (0.3, 0.2, 0.3, 0.2)])
    kinds.setStyle(TableStyle(grid(chosen)))
    items.append(kinds)
    items.append(Paragraph("三、巡察办确认", st["heading"]))
    items.append(table([("确认单编号", data.ack_id), ("确认设备", data.office_name), ("确认设备编号", data.office_id),
                        ("确认时间", data.ack_created_at), ("已确认修改记录", f"{data.changes} 项"),
                        ("修改链末项哈希", f"{data.chain_hash[:32]}\n{data.chain_hash[32:]}"),
                        ("已确认本机证据文件", f"{data.evidence_acknowledged} 个"),
                        ("清退时间", f"{data.cleared_at}（{data.time_zone}）")], (0.28, 0.72)))
    items.append(Spacer(1, 10))
    sign = Table([[Paragraph("使用人签字：", st["cell"]), Paragraph("巡察办经办人签字：", st["cell"])],
                  [Paragraph("日期：", st["cell"]), Paragraph("日期：", st["cell"])]],
                 colWidths=[width / 2, width / 2], rowHeights=10 * mm)
    sign.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), chosen["body"].pdf_name),
                              ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    items.append(KeepTogether([sign]))
    return items


def write_pdf(data: ClearanceData, out: Path, use_system_fonts: bool | None = None) -> Path:
    """Writes the certificate atomically (a temporary sibling renamed into place when complete)."""
    chosen = font_registry.fonts(use_system_fonts)
    footer = centred_page_footer(chosen["body"].pdf_name)

    def make(partial: Path) -> None:
        # The acknowledgement's id goes into the metadata too, so the file can be checked once written.
        build(partial, story(data, chosen), title=f"巡后清退证明 {data.device_name}", author=data.user_name,
              subject=f"clearance {data.device_id} ack {data.ack_id}", chosen=chosen, footer=footer,
              top=20 * mm, bottom=22 * mm)

    return write_atomically(out, make)
