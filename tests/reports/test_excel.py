"""问题清单 / 整改台账 export and 信访台账 import: formatted workbook read back; every bad row reported;
nothing imported until clean, or only the good rows when asked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook  # type: ignore[import-untyped]

from tests.reports.helpers import SECRETS, build_small, make_workspace
from xuncha_desktop.errors import InvalidRequest
from xuncha_desktop.reports.ledger_xlsx import HEADER_ROW, write_xlsx
from xuncha_desktop.services import identities
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.services.ledgers import STATUS_LABELS, ledger
from xuncha_desktop.services.petition_import import import_petitions


@pytest.fixture
def fresh(tmp_path: Path) -> Any:
    ws = make_workspace(tmp_path / "ws")
    ids = build_small(ws)
    yield ws, ids, tmp_path
    ws.close()


def test_ledger_export_round_trip(fresh: Any) -> None:
    ws, ids, folder = fresh
    with ws.transaction() as s:
        data = ledger(s, ids["regular"])
        by_unit = ledger(s, ids["regular"], ids["unit_b"])
    out = write_xlsx(data, folder / "ledger.xlsx")
    assert len(data.rows) == ids["fed_back"] + 1 and len(by_unit.rows) == 5
    book = load_workbook(str(out))
    sheet = book["问题清单"]
    columns = data.columns  # one round: no 巡察轮次 column
    assert [c.value for c in sheet[HEADER_ROW]] == [h for _a, h, _w in columns] and "巡察轮次" not in dict(
        (h, a) for a, h, _w in columns)
    assert sheet.freeze_panes == f"A{HEADER_ROW + 1}"
    for index, (_attr, _header, width) in enumerate(columns):
        assert sheet.column_dimensions[chr(ord("A") + index)].width == width
    statement_column = [h for _a, h, _w in columns].index("问题表述") + 1
    cell = sheet.cell(row=HEADER_ROW + 1, column=statement_column)
    assert cell.alignment.wrap_text
    rows = list(sheet.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert len(rows) == len(data.rows)
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    ids_column = [a for a, _h, _w in columns].index("id")
    assert {r[ids_column] for r in rows} == {r.id for r in data.rows}
    validations = sheet.data_validations.dataValidation
    assert [v.type for v in validations] == ["list", "date", "date"]  # the status, 整改时限, 完成日期
    assert validations[0].formula1 == '"' + ",".join(STATUS_LABELS) + '"'
    status_letter = chr(ord("A") + [a for a, _h, _w in columns].index("status"))
    assert str(validations[0].sqref).startswith(f"{status_letter}{HEADER_ROW + 1}:")
    text = " ".join(str(v) for r in rows for v in r if v)
    for secret in SECRETS:
        assert secret not in text


def petition_book(path: Path, rows: list[list[Any]], headers: list[str] | None = None) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(headers or ["信访编号", "来源渠道", "收到时间", "信访人", "匿名", "联系电话", "被反映单位",
                             "反映内容", "处理方式"])
    for row in rows:
        sheet.append(row)
    book.save(str(path))
    return path


GOOD: list[list[Any]] = [
    ["台账-001", "来信", dt.datetime(2020, 9, 15, 9, 30), "王五", "否", 13800001111, "娄底市住房和城乡建设局",
     "反映小区办证难。", "交办"],
    ["台账-002", "来电", "2020-09-16 10:00", None, "是", None, "娄底市住房和城乡建设局", "反映公车私用。", "存查"],
]
BAD: list[list[Any]] = [
    ["台账-003", "飞鸽", "2020-09-17 10:00", "赵六", "否", None, "娄底市不存在局", "", "交办"],   # row 4
    ["台账-004", "来访", "昨天", None, "否", None, None, "反映工程质量问题。", "转交"],                 # row 5
]


def count_petitions(ws: Any) -> int:
    with ws.transaction() as s:
        return KINDS["petition"].count(s)


def test_clean_workbook_imports_every_row(fresh: Any) -> None:
    ws, ids, folder = fresh
    before = count_petitions(ws)
    path = petition_book(folder / "good.xlsx", GOOD)
    with ws.transaction() as s:
        report = import_petitions(s, path, round_id=ids["regular"])
    assert report.clean and report.imported == 2 and report.rows == 2
    assert count_petitions(ws) == before + 2
    with ws.transaction() as s:
        first = KINDS["petition"].get(s, report.ids[0])
        # The identity is stored sealed: read back through the audited service.
        assert first.channel == "letter" and identities.identity(s, first.id).contact == "13800001111"
        assert str(first.unit_id) == ids["unit_a"] and first.handling == "assign"
        assert KINDS["petition"].get(s, report.ids[1]).anonymous


def test_bad_rows_are_all_reported_and_nothing_is_imported(fresh: Any) -> None:
    ws, ids, folder = fresh
    before = count_petitions(ws)
    path = petition_book(folder / "bad.xlsx", GOOD + BAD)
    with ws.transaction() as s:
        report = import_petitions(s, path, round_id=ids["regular"])
    assert report.imported == 0 and not report.clean
    assert count_petitions(ws) == before
    found = {(e.row, e.field) for e in report.errors}
    assert found == {(4, "channel"), (4, "unit"), (4, "summary"), (5, "received_at"), (5, "handling"),
                     }, found
    assert report.skipped_rows == [4, 5]
    column = {e.field: e.column for e in report.errors}
    assert column["channel"] == "来源渠道" and column["received_at"] == "收到时间"
    assert all(e.message_zh and e.message_en for e in report.errors)


def test_good_rows_only_when_asked(fresh: Any) -> None:
    ws, ids, folder = fresh
    before = count_petitions(ws)
    path = petition_book(folder / "bad.xlsx", GOOD + BAD)
    with ws.transaction() as s:
        report = import_petitions(s, path, round_id=ids["regular"], good_rows_only=True)
    assert report.imported == 2 and report.skipped_rows == [4, 5]
    assert count_petitions(ws) == before + 2


def test_signed_petition_without_name_is_reported(fresh: Any) -> None:
    ws, _ids, folder = fresh
    path = petition_book(folder / "noname.xlsx", [["台账-009", "来信", "2020-09-15", None, "否", None, None,
                                                   "反映问题。", None]])
    with ws.transaction() as s:
        report = import_petitions(s, path)
    assert [(e.row, e.field) for e in report.errors] == [(2, "petitioner_name")]


def test_column_mapping(fresh: Any) -> None:
    ws, _ids, folder = fresh
    row = ["来访", "2020-10-01 09:00", "孙七", "13700000000", "反映拖欠工资。"]
    path = petition_book(folder / "mapped.xlsx", [row],
                         headers=["方式", "日期", "姓名", "来电号码", "内容"])
    with ws.transaction() as s, pytest.raises(InvalidRequest) as missing:
        import_petitions(s, path)
    assert missing.value.key == "import_missing_columns"
    with ws.transaction() as s:
        report = import_petitions(s, path, {"方式": "channel", "日期": "received_at", "来电号码": "petitioner_contact"})
        assert report.clean and report.imported == 1
        record = identities.identity(s, report.ids[0])
        assert record.contact == "13700000000" and record.name == "孙七"
    with ws.transaction() as s, pytest.raises(InvalidRequest) as bad:
        import_petitions(s, path, {"方式": "no_such_field"})
    assert bad.value.key == "import_bad_mapping"
