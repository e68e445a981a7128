"""整改督查报告: the report of a rectification supervision: per unit and in total, the problems fed back,
found not yet rectified, newly found, handed over and rectified since, with rates; a bar chart by unit
and one by category, drawn as vector graphics."""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors

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
from xuncha_desktop.reports.data import SupervisionData, SupervisionRow, chinese_date
from xuncha_desktop.reports.layout import Setter, text_block

COLUMNS = ("单位", "反馈问题", "暂未整改到位", "新发现", "发现合计", "交办整改", "已整改到位", "整改率")
SERIES = (("发现问题", "found", colors.Color(0.55, 0.62, 0.75)),
          ("交办整改", "handed_over", colors.Color(0.93, 0.68, 0.35)),
          ("已整改到位", "rectified_since", colors.Color(0.35, 0.6, 0.38)))


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def row_cells(row: SupervisionRow) -> list[str]:
    return [row.name, str(row.fed_back), str(row.not_rectified), str(row.new_found), str(row.found),
            str(row.handed_over), str(row.rectified_since), percent(row.rate)]


def summary_text(data: SupervisionData) -> str:
    total = data.total
    when = f"{chinese_date(data.start)}至{chinese_date(data.end)}，" if data.start and data.end else ""
    rounds = "、".join(data.supervised_rounds) or "此前巡察"
    return (f"{when}对{rounds}巡察的{data.figures.units}个单位开展整改督查。督查发现，{data.figures.units}个单位"
            f"巡察反馈问题{total.fed_back}个，其中暂未整改到位{total.not_rectified}个；督查新发现问题{total.new_found}"
            f"个，共计{total.found}个；列出问题清单交办被督查单位立行立改{total.handed_over}个，已整改到位"
            f"{total.rectified_since}个，整改率{percent(total.rate)}。")


def bar_chart(rows: list[SupervisionRow], font: str, width: float, label_width: float) -> Any:
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing

    bar_space = 16 if len(rows) > 8 else 34
    height = len(rows) * bar_space + 50
    drawing = Drawing(width, height)
    drawing.initialFontName = font  # else the renderer starts in Helvetica, which is not embedded
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 30
    chart.width, chart.height = width - label_width - 10, height - 50
    # The first row at the top: the chart draws its first category at the bottom.
    ordered = list(reversed(rows))
    chart.data = [[getattr(r, attr) for r in ordered] for _label, attr, _colour in SERIES]
    chart.categoryAxis.categoryNames = [r.name for r in ordered]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 8 if len(rows) > 8 else 9
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    chart.barSpacing = 0.5
    chart.groupSpacing = 3
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    for index, (_label, _attr, colour) in enumerate(SERIES):
        chart.bars[index].fillColor = colour
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.fontName = font
    legend.fontSize = 9
    legend.x, legend.y = label_width, 12
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 80
    legend.colorNamePairs = [(colour, label) for label, _attr, colour in SERIES]
    drawing.add(legend)
    return drawing


def story(data: SupervisionData, chosen: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import KeepTogether, PageBreak, Paragraph, Spacer, Table, TableStyle

    st = styles(chosen)
    width = PAGE_WIDTH - 2 * MARGIN_X
    font = chosen["body"].pdf_name
    items: list[Any] = [Paragraph(escape(f"关于{data.round_name}情况的报告"), st["title"]), Spacer(1, 6),
                        Paragraph("一、总体情况", st["heading"])]
    setter = Setter(chosen["body"], 14)
    items.append(text_block(setter, summary_text(data), width, 14 * 1.75))
    if data.notes:
        items.append(text_block(setter, data.notes, width, 14 * 1.75))
    items.append(Paragraph("二、各单位整改情况", st["section"]))

    def table(rows: list[SupervisionRow], first: str) -> Any:
        head = [Paragraph(first if i == 0 else h, st["cell_head"]) for i, h in enumerate(COLUMNS)]
        body = [[Paragraph(escape(c), st["cell"]) for c in row_cells(r)] for r in rows]
        total = [Paragraph(c, st["cell_head"]) for c in row_cells(data.total)]
        result = Table([head, *body, total], colWidths=[width * f for f in (0.31, 0.09, 0.11, 0.08, 0.1, 0.1, 0.11,
                                                                             0.1)], repeatRows=1)
        result.setStyle(TableStyle([*grid(chosen), ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.92, 0.92, 0.92)),
                                    ("BACKGROUND", (0, -1), (-1, -1), colors.Color(0.95, 0.95, 0.95))]))
        return result

    items += [table(data.units, "单位"), PageBreak(), Paragraph("三、按单位统计图", st["heading"]),
              bar_chart(data.units, font, width, 120)]
    items += [PageBreak(), Paragraph("四、按问题类别统计", st["section"]), table(data.categories, "问题类别"),
              Spacer(1, 12), KeepTogether([Paragraph("按问题类别统计图", st["plain"]),
                                           bar_chart(data.categories, font, width, 150)])]
    return items


def write_pdf(data: SupervisionData, out: PdfTarget, use_system_fonts: bool | None = None) -> PdfTarget:
    chosen = font_registry.fonts(use_system_fonts)
    footer = centred_page_footer(chosen["body"].pdf_name)
    return build(out, story(data, chosen), title=f"关于{data.round_name}情况的报告", author="市委巡察办",
                 subject="整改督查报告", chosen=chosen, footer=footer)
