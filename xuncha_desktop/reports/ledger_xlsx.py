"""问题清单 / 整改台账 as a formatted workbook: title row, header row (frozen), column widths, wrapped text,
and the status column as a drop-down of the statuses."""

from __future__ import annotations

from pathlib import Path

from xuncha_desktop.reports.data import COLUMNS, Ledger

SHEET = "问题清单"
HEADER_ROW = 2


def write_xlsx(data: Ledger, out: Path) -> Path:
    from openpyxl import Workbook  # type: ignore[import-untyped]
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
    from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    last = get_column_letter(len(COLUMNS))
    sheet.merge_cells(f"A1:{last}1")
    sheet["A1"] = data.title
    sheet["A1"].font = Font(name="黑体", size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 30
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for column, (_attr, header, width) in enumerate(COLUMNS, 1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=header)
        cell.font = Font(name="黑体", size=11, bold=True)
        cell.fill = PatternFill("solid", fgColor="D9E1F2")
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        sheet.column_dimensions[get_column_letter(column)].width = width
    wrap = Alignment(vertical="top", wrap_text=True)
    body_font = Font(name="仿宋", size=11)
    for row_number, row in enumerate(data.rows, HEADER_ROW + 1):
        for column, (attr, _header, _width) in enumerate(COLUMNS, 1):
            cell = sheet.cell(row=row_number, column=column, value=getattr(row, attr))
            cell.alignment = wrap
            cell.font = body_font
            cell.border = border
    status_column = get_column_letter([a for a, _h, _w in COLUMNS].index("status") + 1)
    last_row = max(HEADER_ROW + len(data.rows), HEADER_ROW + 1)
    choices = DataValidation(type="list", formula1='"' + ",".join(data.statuses) + '"', allow_blank=False,
                             showErrorMessage=True, errorTitle="整改状态", error="请从列表中选择整改状态")
    choices.add(f"{status_column}{HEADER_ROW + 1}:{status_column}{last_row + 500}")
    sheet.add_data_validation(choices)
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{last_row}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(str(out))
    return out
