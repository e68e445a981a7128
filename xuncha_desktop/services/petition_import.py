"""信访台账 import: petitions from an Excel workbook, with a column mapping.

Every row is checked first, without writing anything, and every bad value is reported by row number,
column and field. Nothing is imported while any row is bad, unless the caller asks for the good rows
only (``good_rows_only``); then the bad rows are listed as skipped.
"""

from __future__ import annotations

import uuid
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from xuncha_desktop.db.models import Unit
from xuncha_desktop.errors import InvalidRequest, XunchaError
from xuncha_desktop.services.fields import is_empty
from xuncha_desktop.services.petitions import service as petitions
from xuncha_desktop.services.rounds import service as rounds

UNIT_NAME = "unit"  # a column holding the unit's name, matched to a unit record

# Header texts commonly found in 信访台账 workbooks, besides each field's own name and Chinese label.
ALIASES: dict[str, str] = {
    "编号": "number", "序号编号": "number", "信访件编号": "number",
    "渠道": "channel", "来源": "channel", "信访方式": "channel", "信访形式": "channel",
    "收到时间": "received_at", "受理时间": "received_at", "来信来访时间": "received_at", "收件时间": "received_at",
    "信访人姓名": "petitioner_name", "举报人": "petitioner_name", "姓名": "petitioner_name",
    "联系方式": "petitioner_contact", "联系电话": "petitioner_contact", "信访人联系方式": "petitioner_contact",
    "是否匿名": "anonymous",
    "被反映人姓名": "subject_names", "被举报人": "subject_names",
    "被反映单位": UNIT_NAME, "单位": UNIT_NAME,
    "反映内容": "summary", "内容": "summary", "主要内容": "summary", "内容摘要": "summary", "反映问题": "summary",
    "类别": "category", "问题类别": "category",
    "是否属于受理范围": "in_remit", "受理范围": "in_remit",
    "处理方式": "handling", "办理方式": "handling",
    "办理结果": "result", "处理结果": "result",
}


@dataclass(frozen=True)
class RowError:
    row: int          # the worksheet's row number, as Excel shows it
    column: str       # the header text
    field: str        # the petition field (or "unit")
    message_zh: str
    message_en: str

    def to_json(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "field": self.field, "message_zh": self.message_zh,
                "message_en": self.message_en}


@dataclass
class ImportReport:
    rows: int = 0
    imported: int = 0
    errors: list[RowError] = field(default_factory=list)
    skipped_rows: list[int] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    unmapped_columns: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.errors

    def to_json(self) -> dict[str, Any]:
        return {"rows": self.rows, "imported": self.imported, "clean": self.clean,
                "errors": [e.to_json() for e in self.errors], "skipped_rows": self.skipped_rows,
                "ids": self.ids, "unmapped_columns": self.unmapped_columns}


def default_mapping(headers: list[str]) -> dict[str, str]:
    """Header → field for the headers this program recognises (field names, Chinese labels, aliases)."""
    known: dict[str, str] = {}
    for item in petitions.fields:
        known[item.name] = item.name
        known[item.zh] = item.name
    known.pop("被反映单位", None)  # the unit_id field's label: in a workbook that column holds a name
    known.update(ALIASES)
    return {h: known[h.strip()] for h in headers if h and h.strip() in known}


# Bounds on what a workbook may hold before it is read: a ledger or a 信访台账 is a few thousand rows and a
# few megabytes; a file far beyond is refused whole rather than read into memory.
MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 400 * 1024 * 1024   # the sum of the zip's members, uncompressed (an archive bomb)
MAX_ROWS = 100_000
MAX_COLUMNS = 200


@dataclass(frozen=True)
class Formula:
    """A cell holding a formula, where the import wants typed values (``read_workbook(formulas=True)``)."""

    text: str

    def __str__(self) -> str:
        return self.text


def check_workbook_size(path: Path) -> None:
    """Raises InvalidRequest (``import_too_large``) for a file, or an archive, larger than a ledger can be."""
    try:
        size = path.stat().st_size
        unpacked = 0
        if size <= MAX_FILE_BYTES and zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as archive:
                unpacked = sum(member.file_size for member in archive.infolist())
    except (OSError, zipfile.BadZipFile) as exc:
        raise InvalidRequest("import_unreadable", path=str(path), reason=str(exc)) from exc
    if size > MAX_FILE_BYTES or unpacked > MAX_UNPACKED_BYTES:
        raise InvalidRequest("import_too_large", path=str(path), size=max(size, unpacked) // (1024 * 1024),
                             limit=MAX_FILE_BYTES // (1024 * 1024))


def read_workbook(path: Path, sheet: str | None = None, header_where: Callable[[list[str]], bool] | None = None,
                  formulas: bool = False) -> tuple[list[str], list[tuple[int, list[Any]]]]:
    """The header row and the data rows with their worksheet row numbers.

    The header row is the first non-empty row, or with ``header_where`` the first row it accepts among the
    first ten (a title row may come before it). With ``formulas`` a formula cell reads as a :class:`Formula`
    (for the caller to refuse) instead of its last computed value. Raises InvalidRequest: ``import_unreadable``
    (not a workbook), ``import_no_sheet``, ``import_too_large`` (file, archive, rows or columns beyond the
    bounds above), ``import_no_header`` (``header_where`` accepted no row)."""
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    check_workbook_size(path)
    try:
        book = load_workbook(str(path), read_only=True, data_only=not formulas)
    except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile) as exc:  # not a workbook, or damaged
        raise InvalidRequest("import_unreadable", path=str(path), reason=str(exc)) from exc
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise InvalidRequest("import_no_sheet", sheet=sheet, sheets="、".join(book.sheetnames))
        worksheet = book[sheet] if sheet is not None else book.worksheets[0]
        headers: list[str] | None = None
        rows: list[tuple[int, list[Any]]] = []
        for number, row in enumerate(worksheet.iter_rows(), 1):
            if number > MAX_ROWS:
                raise InvalidRequest("import_too_large_rows", path=str(path), limit=MAX_ROWS)
            cells = [Formula(str(c.value)) if formulas and getattr(c, "data_type", None) == "f" else c.value
                     for c in row[:MAX_COLUMNS + 1]]
            if len(cells) > MAX_COLUMNS and not is_empty(cells[MAX_COLUMNS]):
                raise InvalidRequest("import_too_large_columns", path=str(path), limit=MAX_COLUMNS)
            if headers is None:
                texts = ["" if v is None else str(v).strip() for v in cells]
                if header_where is None and any(not is_empty(v) for v in cells):
                    headers = texts
                elif header_where is not None:
                    if header_where(texts):
                        headers = texts
                    elif number >= 10:
                        raise InvalidRequest("import_no_header", path=str(path))
                continue
            if any(not (v is None or (isinstance(v, str) and not v.strip())) for v in cells):
                rows.append((number, cells))
        if header_where is not None and headers is None:
            raise InvalidRequest("import_no_header", path=str(path))
        return headers or [], rows
    finally:
        book.close()


def import_petitions(session: Session, path: Path, mapping: Mapping[str, str] | None = None,
                     round_id: uuid.UUID | str | None = None, good_rows_only: bool = False,
                     sheet: str | None = None) -> ImportReport:
    """Checks every row of the workbook; imports them all if all are good (or only the good ones if asked)."""
    headers, rows = read_workbook(path, sheet)
    chosen = default_mapping(headers)
    field_names = {f.name for f in petitions.fields} | {UNIT_NAME}
    for header, target in (mapping or {}).items():
        if target not in field_names:
            raise InvalidRequest("import_bad_mapping", column=header, field=target,
                                 fields=", ".join(sorted(field_names)))
        if header not in headers:
            raise InvalidRequest("import_no_column", column=header, columns="、".join(h for h in headers if h))
        chosen[header] = target
    missing = [f for f in petitions.fields if f.required and f.name not in chosen.values()]
    if missing:
        raise InvalidRequest("import_missing_columns", fields="、".join(f"{f.zh}（{f.name}）" for f in missing))
    the_round = rounds.get(session, round_id) if round_id is not None else None
    unit_ids = {name: uid for uid, name in session.execute(
        select(Unit.id, Unit.name).where(Unit.deleted.is_(False)))}
    report = ImportReport(rows=len(rows), unmapped_columns=[h for h in headers if h and h not in chosen])
    good: list[dict[str, Any]] = []
    bad_rows: set[int] = set()
    column_of = {target: header for header, target in chosen.items()}
    for number, cells in rows:
        data: dict[str, Any] = {}
        errors: list[RowError] = []
        for index, header in enumerate(headers):
            wanted = chosen.get(header)
            if wanted is None or index >= len(cells):
                continue
            value = cells[index]
            if isinstance(value, str):
                value = value.strip()
            if is_empty(value):
                continue
            if wanted == UNIT_NAME:
                if value not in unit_ids:
                    errors.append(RowError(number, header, UNIT_NAME, f"找不到名为“{value}”的被巡察单位。",
                                           f"No unit is named '{value}'."))
                else:
                    data["unit_id"] = str(unit_ids[value])
                continue
            data[wanted] = value
        if the_round is not None:
            data["round_id"] = str(the_round.id)
        values: dict[str, Any] = {}
        round_key = data.get("round_id")
        for name, raw in data.items():
            item = petitions.field(name)
            try:
                values[name] = petitions._coerce(session, item, raw, round_key, check_refs=True)
            except XunchaError as exc:
                errors.append(RowError(number, column_of.get(name, name), name, exc.text("zh"), exc.text("en")))
        for item in petitions.fields:
            if item.required and is_empty(values.get(item.name)) and item.name not in {e.field for e in errors}:
                errors.append(RowError(number, column_of.get(item.name, item.name), item.name,
                                       f"“{item.zh}”不能为空。", f"{item.en} is required."))
        if not errors and not values.get("anonymous") and is_empty(values.get("petitioner_name")):
            errors.append(RowError(number, column_of.get("petitioner_name", "petitioner_name"), "petitioner_name",
                                   "署名信访须填写信访人；匿名信访请在“匿名”列填“是”。",
                                   "A signed petition needs the petitioner's name; mark anonymous ones '是'."))
        if errors:
            report.errors.extend(errors)
            bad_rows.add(number)
        else:
            good.append(data)
    report.skipped_rows = sorted(bad_rows)
    if report.errors and not good_rows_only:
        return report
    for data in good:
        report.ids.append(str(petitions.create(session, data).id))
    report.imported = len(report.ids)
    return report
