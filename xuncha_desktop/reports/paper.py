"""问题底稿 (一事一底稿): one working paper per problem: its title in the title's size, a header of what is
recorded, then 问题事实, 定性依据 (the rules cited: document, article, text), 证据材料 (numbered; file names
broken only at their separators), 被巡察单位意见 and the sign-off of 经办人, 副组长 and 组长 with dates.

Every text is set with the grid rules (避头尾: no line ends with "（"), tables included, and the sign-off is
kept with the section before it, so it never stands alone on a page."""

from __future__ import annotations

import re
from typing import Any

from xuncha_desktop.reports import fonts as font_registry
from xuncha_desktop.reports.common import TEXT_WIDTH, PdfTarget, build, centred_page_footer
from xuncha_desktop.reports.data import Material, WorkingPaperData
from xuncha_desktop.reports.forms import pairs_table, ruled
from xuncha_desktop.reports.layout import CellText, GridText, Line, Setter, text_block

BODY = 14.0
PITCH = BODY * 1.75
SMALL = 10.5
SMALL_PITCH = 15.0
TITLE = 22.0
SIGN_OFF = (("经办人", "drafted_by", "drafted_on"), ("副组长审核", "checked_by", "checked_on"),
            ("组长审定", "approved_by", "approved_on"))
DATE_BLANK = "年    月    日"
# A file name breaks after one of these, never inside a word or between two Chinese characters.
SEPARATORS = re.compile(r"(?<=[_\-./\\])")


def separator_lines(setter: Setter, text: str, width: float, indent: float = 0.0) -> list[Line]:
    """``text`` (a file name) in lines of ``width`` after ``indent``, broken only after _ - . / or \\; a piece
    longer than a whole line is the one thing broken elsewhere (by character)."""
    room = width - indent
    lines: list[str] = []
    current = ""
    for piece in (p for p in SEPARATORS.split(text) if p):
        if current and setter.width(current + piece) > room + 0.01:
            lines.append(current)
            current = ""
        while setter.width(piece) > room + 0.01:  # a piece too long for any line
            cut = len(piece)
            while cut > 1 and setter.width(piece[:cut]) > room + 0.01:
                cut -= 1
            lines.append(piece[:cut])
            piece = piece[cut:]
        current += piece
    if current:
        lines.append(current)
    return [Line(line, indent, setter.space) for line in lines]


def _numbered(setter: Setter, number: int, text: str, pitch: float) -> GridText:
    """"1．text" with the lines after the first aligned under the text (a hanging number)."""
    label = f"{number}．"
    hang = setter.width(label)
    lines = setter.break_text(label + text, TEXT_WIDTH, first_indent=-hang, indent=hang)
    return GridText(setter, lines, pitch=pitch)


def _material(setter: Setter, small: Setter, number: int, material: Material) -> list[Any]:
    title = f"{material.kind}：{material.title}" + (f"（{material.detail}）" if material.detail else "")
    items: list[Any] = [_numbered(setter, number, title, PITCH)]
    hang = setter.width(f"{number}．")
    if material.file_name:
        label = "文件："
        lines = separator_lines(small, material.file_name, TEXT_WIDTH, hang + small.width(label))
        lines[0] = Line(label + lines[0].text, hang, small.space)
        items.append(GridText(small, lines, pitch=SMALL_PITCH))
    if material.sha256:
        items.append(GridText(small, [Line(f"SHA-256：{material.sha256}", hang, small.space)], pitch=SMALL_PITCH))
    return items


def _sign_off(data: WorkingPaperData, chosen: dict[str, Any]) -> Any:
    from reportlab.platypus import Table, TableStyle

    head = Setter(chosen["heading1"], SMALL)
    cell = Setter(chosen["body"], SMALL)
    header = [CellText(head, text, SMALL_PITCH, "center") for text in ("环节", "姓名", "签名", "日期")]
    rows: list[list[Any]] = [header]
    for label, who, when in SIGN_OFF:
        rows.append([CellText(head, label, SMALL_PITCH, "center"),
                     CellText(cell, getattr(data, who) or " ", SMALL_PITCH, "center"),
                     CellText(cell, " ", SMALL_PITCH),
                     CellText(cell, getattr(data, when) or DATE_BLANK, SMALL_PITCH, "right")])
    table = Table(rows, colWidths=[TEXT_WIDTH * f for f in (0.2, 0.22, 0.3, 0.28)],
                  rowHeights=[None] + [34.0] * len(SIGN_OFF))
    table.setStyle(TableStyle(ruled(chosen)))
    return table


def story(data: WorkingPaperData, chosen: dict[str, Any]) -> list[Any]:
    from reportlab.platypus import KeepTogether, Spacer

    setter = Setter(chosen["body"], BODY)
    small = Setter(chosen["body"], SMALL)
    heading = Setter(chosen["heading1"], BODY)
    title = Setter(chosen["title"], TITLE)
    kind = Setter(chosen["heading1"], BODY)

    def section(text: str) -> list[Any]:
        return [Spacer(1, 8), GridText(heading, heading.break_text(text, TEXT_WIDTH), pitch=PITCH,
                                       keep_with_next=True)]

    def paragraph(text: str) -> GridText:
        return text_block(setter, text, TEXT_WIDTH, PITCH)

    items: list[Any] = [
        GridText(kind, kind.break_text("问题底稿（一事一底稿）", TEXT_WIDTH, justify=False, align="center"),
                 pitch=PITCH),
        GridText(title, title.break_balanced(data.title, TEXT_WIDTH), pitch=TITLE * 1.45),
        Spacer(1, 8), pairs_table(data.header, chosen, SMALL, SMALL_PITCH, 0.15), *section("一、问题事实")]
    if data.problem_statement:
        items.append(paragraph(f"问题表述：{data.problem_statement}"))
    items += [paragraph(block.strip()) for block in (data.summary or "（未填写问题摘要）").split("\n")
              if block.strip()]
    if data.how_found:
        items.append(paragraph(f"发现方式：{data.how_found}"))
    items += section("二、定性依据")
    if not data.rules:
        items.append(paragraph("（未引用定性依据）"))
    for number, rule in enumerate(data.rules, 1):
        items.append(_numbered(setter, number, f"{rule.citation}：{rule.text}", PITCH))
    items += section("三、证据材料")
    if not data.materials:
        items.append(paragraph("（未关联证据材料）"))
    for number, material in enumerate(data.materials, 1):
        parts = _material(setter, small, number, material)
        for part in parts[:-1]:  # a material's lines stay together (a KeepTogether would not keep with the heading)
            part.keepWithNext = True
        items += parts
    response: list[Any] = section("四、被巡察单位意见")
    if data.unit_agrees:
        response.append(paragraph(f"被巡察单位对上述事实：{data.unit_agrees}。"))
    response += [paragraph(block.strip()) for block in data.unit_response.split("\n") if block.strip()]
    if len(response) == 2:
        response.append(paragraph("（尚未征求被巡察单位意见）"))
    # The sign-off goes with the section before it: never alone on a page.
    items.append(KeepTogether([*response, *section("五、审核审定"), _sign_off(data, chosen)]))
    return items


def write_pdf(data: WorkingPaperData, out: PdfTarget, use_system_fonts: bool | None = None) -> PdfTarget:
    chosen = font_registry.fonts(use_system_fonts)
    footer = centred_page_footer(chosen["body"].pdf_name)
    return build(out, story(data, chosen), title=data.title, author=data.drafted_by or "巡察组",
                 subject="问题底稿", chosen=chosen, footer=footer)
