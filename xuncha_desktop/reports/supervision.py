"""整改督查报告: the report of a rectification supervision as a 公文 (:func:`document`, set by
:mod:`xuncha_desktop.reports.official` on the GB/T 9704 grid): 主送, the figures in total and by unit, the
group's own analysis and next steps (the round's fields), the 落款 and date; the tables by unit and by
category as annexes (numbers right-aligned), and in the PDF a third annex of bar charts drawn as vector
graphics, labels in 9 pt or more and the legend in the order of the bars."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.pdfbase import pdfmetrics

from xuncha_desktop.reports import fonts as font_registry
from xuncha_desktop.reports import official
from xuncha_desktop.reports.common import PdfTarget
from xuncha_desktop.reports.data import SupervisionData, SupervisionRow, chinese_date
from xuncha_desktop.reports.layout import BODY_SIZE, CELL, TYPE_WIDTH, GridText, Setter
from xuncha_desktop.reports.official import Annex, OfficialDocument, Para

COLUMNS = ("单位", "反馈问题", "暂未整改到位", "新发现", "发现合计", "交办整改", "已整改到位", "整改率")
# In mm of the 156 mm line, for 12 pt cells: a header of four characters in two lines of two, of three or
# five in one line of three or lines of three and two; 整改率 and its "100.0%" on one line.
WIDTHS = (51.7, 13.5, 15.6, 15.6, 13.5, 13.5, 15.6, 17.0)
ALIGN = ("left", *("right",) * 7)
# The bars of each group from top to bottom, and the legend from left to right, in this order.
SERIES = (("发现问题", "found", colors.Color(0.55, 0.62, 0.75)),
          ("交办整改", "handed_over", colors.Color(0.93, 0.68, 0.35)),
          ("已整改到位", "rectified_since", colors.Color(0.35, 0.6, 0.38)))
LABEL_SIZE = 9.0                       # every text of a chart, at least
BAR = 10.0                             # a bar's thickness: its 9 pt value label fits beside it
GROUP = len(SERIES) * BAR + 12.0       # one unit's (or category's) bars and the gap after them
PER_CHART = 10                         # rows per chart at most: the first fits under the annex's title
ANNEXES = ("各单位整改情况统计表", "按问题类别统计表", "整改情况统计图")


def percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


def row_cells(row: SupervisionRow) -> tuple[str, ...]:
    return (row.name, str(row.fed_back), str(row.not_rectified), str(row.new_found), str(row.found),
            str(row.handed_over), str(row.rectified_since), percent(row.rate))


def rounds_phrase(names: list[str]) -> str:
    """The supervised rounds as the object of 对…的: "五届市委第八轮巡察、第九轮巡察", with 巡察 added only to a
    name that lacks it (never "第九轮巡察巡察")."""
    if not names:
        return "此前巡察"
    return "、".join(names) if names[-1].endswith("巡察") else "、".join(names) + "巡察"


def title(data: SupervisionData) -> str:
    name = data.round_name.removesuffix("情况")
    return f"关于{name}情况的报告"


def summary_text(data: SupervisionData) -> str:
    total = data.total
    when = f"{chinese_date(data.start)}至{chinese_date(data.end)}，" if data.start and data.end else ""
    units = data.figures.units
    return (f"{when}对{rounds_phrase(data.supervised_rounds)}的{units}个单位开展整改督查。督查发现，{units}个单位"
            f"巡察反馈问题{total.fed_back}个，其中暂未整改到位{total.not_rectified}个；督查新发现问题{total.new_found}"
            f"个，共计{total.found}个；列出问题清单交办被督查单位立行立改{total.handed_over}个，已整改到位"
            f"{total.rectified_since}个，整改率{percent(total.rate)}。")


def units_text(data: SupervisionData) -> str:
    """The units where the supervision found most still open, and where the annexes are."""
    open_units = sorted((r for r in data.units if r.found), key=lambda r: (-r.found, r.name))[:5]
    listed = "、".join(f"{r.name}（{r.found}个）" for r in open_units)
    lead = f"督查发现问题较多的单位有{listed}。" if listed else "督查未发现暂未整改到位或新的问题。"
    return f"{lead}各单位整改情况见附件1，按问题类别统计见附件2。"


def _blocks(text: str) -> list[str]:
    return [block.strip() for block in text.split("\n") if block.strip()]


def paragraphs(data: SupervisionData, with_charts: bool = True) -> list[Para]:
    """The words of the report, in order, with their roles (official.Para); the annex note names the
    charts only when the document holds them."""
    numerals = iter("一二三四五六")
    items: list[Para] = [Para("title", title(data)), Para("blank"), Para("addressee", f"{data.addressee}：")]
    items.append(Para("body", f"根据市委巡察工作领导小组部署，{data.signed_by}对{rounds_phrase(data.supervised_rounds)}"
                              "反馈问题整改情况开展了督查。现将有关情况报告如下。"))
    items.append(Para("heading1", f"{next(numerals)}、总体情况"))
    items.append(Para("body", summary_text(data)))
    items += [Para("body", block) for block in _blocks(data.notes)]
    items.append(Para("heading1", f"{next(numerals)}、各单位整改情况"))
    items.append(Para("body", units_text(data)))
    for heading, text in (("存在的问题及原因分析", data.analysis), ("下一步工作", data.next_steps)):
        if text.strip():
            items.append(Para("heading1", f"{next(numerals)}、{heading}"))
            items += [Para("body", block) for block in _blocks(text)]
    items.append(Para("blank"))
    for number, name in enumerate(ANNEXES if with_charts else ANNEXES[:2], 1):
        lead = "附件：" if number == 1 else "\u3000" * 3  # later lines under the first's number
        items.append(Para("annex_note", f"{lead}{number}．{name}"))
    items += [Para("blank"), Para("signature", data.signed_by),
              Para("date", chinese_date(data.issued_on) if data.issued_on else "")]
    return items


def tables(data: SupervisionData) -> list[Annex]:
    by_unit = Annex(ANNEXES[0], COLUMNS, [*map(row_cells, data.units), row_cells(data.total)], WIDTHS, ALIGN)
    by_category = Annex(ANNEXES[1], ("问题类别", *COLUMNS[1:]),
                        [*map(row_cells, data.categories), row_cells(data.total)], WIDTHS, ALIGN)
    return [by_unit, by_category]


def document(data: SupervisionData, charts: dict[str, Any] | None = None) -> OfficialDocument:
    """The report as a 公文; with ``charts`` (the chosen fonts), a third annex of the charts (PDF only)."""
    annexes = tables(data)
    if charts is not None:
        annexes.append(Annex(ANNEXES[2], (), [], (), (), flowables=tuple(chart_pages(data, charts))))
    return OfficialDocument(title=title(data), paragraphs=paragraphs(data, charts is not None), author=data.signed_by,
                            subject=f"整改督查报告 {data.round_name}", annexes=annexes)


def wrap_label(text: str, font: str, size: float, width: float) -> str:
    """A category label in lines of ``width`` (joined by newlines), broken between characters."""
    lines, current = [], ""
    for char in text:
        if current and pdfmetrics.stringWidth(current + char, font, size) > width:
            lines.append(current)
            current = ""
        current += char
    return "\n".join([*lines, current])


def tick_step(top: int) -> int:
    """A whole step of 1, 2 or 5 times a power of ten giving at most six ticks up to ``top``."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            if top <= 6 * factor * magnitude:
                return factor * magnitude
        magnitude *= 10


def bar_chart(rows: list[SupervisionRow], font: str, width: float, label_width: float, top: int) -> Any:
    """Horizontal bars of ``rows`` (the first at the top), ``SERIES`` in order from the top of each group;
    the legend above, left to right in the same order; every label in ``LABEL_SIZE``."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.shapes import Drawing

    lines = max(wrap_label(r.name, font, LABEL_SIZE, label_width - 6).count("\n") + 1 for r in rows)
    group = max(GROUP, lines * LABEL_SIZE * 1.2 + 8)
    axis, legend_room = 22.0, 24.0
    height = len(rows) * group + axis + legend_room
    drawing = Drawing(width, height)
    drawing.initialFontName = font  # else the renderer starts in Helvetica, which is not embedded
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, axis
    chart.width, chart.height = width - label_width - 24, len(rows) * group
    # The chart draws its first category at the bottom and, within one, its first series at the bottom:
    # both are reversed so the first row and the first series are on top.
    ordered = list(reversed(rows))
    chart.data = [[getattr(r, attr) for r in ordered] for _label, attr, _colour in reversed(SERIES)]
    chart.categoryAxis.categoryNames = [wrap_label(r.name, font, LABEL_SIZE, label_width - 6) for r in ordered]
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.labels.leading = LABEL_SIZE * 1.2
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.textAnchor = "end"
    chart.categoryAxis.labels.dx = -4
    step = tick_step(top)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = (max(top, 1) * 1.12 // step + 1) * step  # room for the labels at the bars' ends
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.valueAxis.labelTextFormat = "%d"
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    chart.barSpacing = 0
    chart.groupSpacing = group - len(SERIES) * BAR
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = LABEL_SIZE
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 2
    for index, (_label, _attr, colour) in enumerate(reversed(SERIES)):
        chart.bars[index].fillColor = colour
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    legend = Legend()
    legend.fontName = font
    legend.fontSize = LABEL_SIZE
    legend.x, legend.y = label_width, height - 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 90
    legend.colorNamePairs = [(colour, label) for label, _attr, colour in SERIES]
    drawing.add(legend)
    return drawing


def chart_pages(data: SupervisionData, chosen: dict[str, Any]) -> list[Any]:
    """The captions and charts of annex 3: by unit (split into charts of ``PER_CHART`` units), by category."""
    from reportlab.platypus import Spacer

    font = chosen["body"].pdf_name
    caption = Setter(chosen["heading2"], BODY_SIZE, CELL)
    result: list[Any] = []

    def top(rows: list[SupervisionRow]) -> int:  # one scale for the charts of one kind, so they compare
        return max([getattr(r, attr) for r in rows for _label, attr, _colour in SERIES], default=1)
    count = -(-len(data.units) // PER_CHART)  # charts of even size: no chart of one or two units at the end
    size = -(-len(data.units) // count) if count else 1
    parts = [data.units[i:i + size] for i in range(0, len(data.units), size)] or [[]]
    charts = [(f"图1　各单位整改情况{f'（{i + 1}/{len(parts)}）' if len(parts) > 1 else ''}", rows, 120.0,
               top(data.units)) for i, rows in enumerate(parts)]
    charts.append(("图2　按问题类别整改情况", data.categories, 150.0, top(data.categories)))
    for name, rows, label_width, highest in charts:
        if not rows:
            continue
        result.append(GridText(caption, caption.break_text(name, TYPE_WIDTH, justify=False, align="center"),
                               keep_with_next=True))
        result += [bar_chart(rows, font, TYPE_WIDTH, label_width, highest), Spacer(1, 12)]
    return result


def write_pdf(data: SupervisionData, out: PdfTarget, use_system_fonts: bool | None = None) -> PdfTarget:
    chosen = font_registry.fonts(use_system_fonts)
    return official.write_pdf(document(data, chosen), out, use_system_fonts)


def write_docx(data: SupervisionData, out: Path) -> Path:
    """The report and its two tables as a Word document, for editing before issue (the charts are in the PDF)."""
    return official.write_docx(document(data), out)
