"""The ruled tables of the forms (谈话记录, 问题底稿): a grid of cells with padding, and the head of a form as
label–value pairs, two to a row."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib import colors

from xuncha_desktop.reports.common import TEXT_WIDTH
from xuncha_desktop.reports.layout import CellText, Setter


def ruled(chosen: dict[str, Any]) -> list[tuple[Any, ...]]:
    """A table style's grid lines, middle alignment, padding, and the body font (else Helvetica, not
    embedded, for any plain string in a cell)."""
    return [("GRID", (0, 0), (-1, -1), 0.6, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("FONTNAME", (0, 0), (-1, -1), chosen["body"].pdf_name),
            ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4)]


def pairs_table(items: Sequence[tuple[str, str]], chosen: dict[str, Any], size: float, pitch: float,
                label_share: float) -> Any:
    """Label, value, label, value on each row (labels centred in the heading font, ``label_share`` of the
    width each); an odd last value runs across the rest of its row rather than leave empty cells."""
    from reportlab.platypus import Table, TableStyle

    head = Setter(chosen["heading1"], size)
    cell = Setter(chosen["body"], size)
    rows: list[list[Any]] = []
    spans = []
    for index in range(0, len(items), 2):
        pair = items[index:index + 2]
        row: list[Any] = [CellText(head, pair[0][0], pitch, "center"), CellText(cell, pair[0][1], pitch)]
        if len(pair) > 1:
            row += [CellText(head, pair[1][0], pitch, "center"), CellText(cell, pair[1][1], pitch)]
        else:
            row += ["", ""]
            spans.append(("SPAN", (1, len(rows)), (3, len(rows))))
        rows.append(row)
    value_share = 0.5 - label_share
    table = Table(rows, colWidths=[TEXT_WIDTH * f for f in (label_share, value_share, label_share, value_share)])
    table.setStyle(TableStyle([*ruled(chosen), *spans]))
    return table
