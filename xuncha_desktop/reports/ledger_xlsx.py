"""问题清单 / 整改台账 as a formatted workbook: title row, header row (frozen, repeated on every printed page),
column widths, wrapped text, dates as date cells, and the status column as a drop-down of the statuses.

Printed, it fits one page wide in landscape A4 with "第 n 页 共 m 页" in the footer; the 记录编号 column (the
problem's id, which the import matches rows by) is left out of the print area. The columns the unit fills
(整改进展, 整改措施, 完成情况, 完成日期) have a header of their own colour. The scope the file claims (round,
unit) is written into the workbook's properties, where ``services.ledgers.import_ledger`` reads it back.
"""

from __future__ import annotations

from pathlib import Path

from xuncha_desktop.errors import InvalidRequest
from xuncha_desktop.reports.data import DATE_COLUMNS, EDITABLE, Ledger

SHEET = "问题清单"
HEADER_ROW = 2
DATE_FORMAT = 'yyyy"年"m"月"d"日"'
# What the workbook's "subject" property says, so an import can tell a ledger of this program from another file.
SUBJECT = "xuncha-ledger"


def scope_keywords(round_id: str, unit_id: str) -> str:
    return f"round={round_id};unit={unit_id}"


def read_scope(path: Path) -> dict[str, str]:
    """The round and unit ids ("" for none) a ledger this program wrote claims, from its properties. Raises
    InvalidRequest (``ledger_not_ours``) for a workbook this program did not write."""
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    book = load_workbook(str(path), read_only=True)
    try:
        if (book.properties.subject or "") != SUBJECT:
            raise InvalidRequest("ledger_not_ours", path=str(path))
        keywords = book.properties.keywords or ""
    finally:
        book.close()
    scope = {"round": "", "unit": ""}
    for part in keywords.split(";"):
        key, _sep, value = part.partition("=")
        if key.strip() in scope:
            scope[key.strip()] = value.strip()
    return scope


def write_xlsx(data: Ledger, out: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side  # type: ignore[import-untyped]
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
    from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]
    from openpyxl.worksheet.properties import PageSetupProperties  # type: ignore[import-untyped]

    columns = data.columns
    attrs = [a for a, _h, _w in columns]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = SHEET
    last = get_column_letter(len(columns))
    printed_last = get_column_letter(len(columns) - 1)  # all but 记录编号
    sheet.merge_cells(f"A1:{printed_last}1")
    sheet["A1"] = data.title
    sheet["A1"].font = Font(name="黑体", size=16, bold=True)
    sheet["A1"].alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[1].height = 30
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    fixed_fill = PatternFill("solid", fgColor="D9E1F2")
    editable_fill = PatternFill("solid", fgColor="FFF2CC")
    for column, (attr, header, width) in enumerate(columns, 1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=header)
        cell.font = Font(name="黑体", size=11, bold=True)
        cell.fill = editable_fill if attr in EDITABLE else fixed_fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        sheet.column_dimensions[get_column_letter(column)].width = width
    wrap = Alignment(vertical="top", wrap_text=True)
    centred = Alignment(horizontal="center", vertical="top", wrap_text=True)
    body_font = Font(name="仿宋", size=11)
    id_font = Font(name="Consolas", size=8, color="808080")
    for row_number, row in enumerate(data.rows, HEADER_ROW + 1):
        for column, attr in enumerate(attrs, 1):
            value = getattr(row, attr)
            cell = sheet.cell(row=row_number, column=column, value=value if value != "" else None)
            cell.border = border
            if attr in DATE_COLUMNS:
                cell.number_format = DATE_FORMAT
                cell.alignment = centred
                cell.font = body_font
            elif attr == "id":
                cell.font = id_font
                cell.alignment = Alignment(vertical="top")
            else:
                cell.alignment = centred if attr in ("index", "severity", "status") else wrap
                cell.font = body_font
    status_column = get_column_letter(attrs.index("status") + 1)
    last_row = max(HEADER_ROW + len(data.rows), HEADER_ROW + 1)
    choices = DataValidation(type="list", formula1='"' + ",".join(data.statuses) + '"', allow_blank=False,
                             showErrorMessage=True, errorTitle="整改进展", error="请从列表中选择整改进展")
    choices.add(f"{status_column}{HEADER_ROW + 1}:{status_column}{last_row + 500}")
    sheet.add_data_validation(choices)
    for attr in DATE_COLUMNS:  # a date typed as text is refused by Excel/WPS before it reaches the import
        letter = get_column_letter(attrs.index(attr) + 1)
        dates = DataValidation(type="date", operator="greaterThan", formula1="1", allow_blank=True,
                               showErrorMessage=True, errorTitle="日期", error="请填写日期，如 2021-03-05")
        dates.add(f"{letter}{HEADER_ROW + 1}:{letter}{last_row + 500}")
        sheet.add_data_validation(dates)
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"
    sheet.auto_filter.ref = f"A{HEADER_ROW}:{last}{last_row}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_area = f"A1:{printed_last}{last_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as it takes
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top, sheet.page_margins.bottom = 0.6, 0.7
    sheet.oddFooter.center.text = "第 &P 页 共 &N 页"
    sheet.oddFooter.center.size = 10
    book.properties.title = data.title
    book.properties.subject = SUBJECT
    book.properties.keywords = scope_keywords(data.round_id, data.unit_id)
    book.properties.creator = "xuncha-desktop 巡察外业桌面端"
    out.parent.mkdir(parents=True, exist_ok=True)
    book.save(str(out))
    return out
