"""The 整改台账's round trip: exported (dates as date cells, one page wide, footer, 轮次 when it spans rounds),
filled in by the unit with openpyxl as Excel would, imported back by the problems' ids. A clean file changes
the four columns the unit fills and reports each change; any bad row (unknown id, another unit's problem,
an edited read-only column, a formula, a wrong date, a step the role may not take) changes nothing."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]

from tests.reports.helpers import PASSPHRASE, SECRETS, build_small, make_workspace
from tests.reports.test_excel import GOOD, petition_book
from xuncha_desktop.cli import main
from xuncha_desktop.errors import InvalidRequest, PermissionDenied
from xuncha_desktop.reports.ledger_xlsx import DATE_FORMAT, HEADER_ROW, SHEET
from xuncha_desktop.security.roles import Role, User
from xuncha_desktop.services import permissions, publishing
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.services.ledgers import import_ledger
from xuncha_desktop.services.petition_import import MAX_FILE_BYTES
from xuncha_desktop.services.problems import service as problem_service


@pytest.fixture
def fresh(tmp_path: Path) -> Any:
    ws = make_workspace(tmp_path / "ws")
    ids = build_small(ws)
    yield ws, ids, tmp_path
    ws.close()


def export(ws: Any, out: Path, round_id: str | None = None, unit_id: str | None = None) -> Path:
    with ws.transaction() as s:
        document = publishing.ledger(s, round_id, unit_id)
    return document.write(out)


def headers(sheet: Any) -> list[str]:
    return [c.value for c in sheet[HEADER_ROW]]


def column(sheet: Any, header: str) -> int:
    return headers(sheet).index(header) + 1


def snapshot(ws: Any) -> dict[str, tuple[Any, ...]]:
    with ws.transaction() as s:
        return {str(p.id): (p.status, p.measures, p.proof, p.rectified_on, p.statement, p.hlc)
                for p in KINDS["problem"].find(s, limit=None)}


def row_of(sheet: Any, number: str) -> int:
    numbers = column(sheet, "问题编号")
    for row in range(HEADER_ROW + 1, sheet.max_row + 1):
        if sheet.cell(row=row, column=numbers).value == number:
            return row
    raise AssertionError(number)


def test_the_export_has_date_cells_fits_one_page_wide_and_names_rounds_when_it_spans_them(fresh: Any) -> None:
    ws, ids, folder = fresh
    one = load_workbook(str(export(ws, folder / "unit.xlsx", ids["regular"], ids["unit_a"])))[SHEET]
    assert "巡察轮次" not in headers(one)  # one round: no round column
    deadline = one.cell(row=HEADER_ROW + 1, column=column(one, "整改时限"))
    assert deadline.value == dt.datetime(2020, 8, 31) and deadline.number_format == DATE_FORMAT
    assert one.page_setup.orientation == "landscape" and one.page_setup.fitToWidth == 1
    assert one.page_setup.fitToHeight == 0 and one.sheet_properties.pageSetUpPr.fitToPage
    assert one.oddFooter.center.text == "第 &P 页 共 &N 页"
    assert one.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}"
    # the print area leaves out the last column, 记录编号
    assert headers(one)[-1] == "记录编号"
    assert one.print_area.endswith(f"!$A$1:${get_column_letter(one.max_column - 1)}${one.max_row}")
    # without --round and --unit: every problem of every round, with the round column
    everything = load_workbook(str(export(ws, folder / "all.xlsx")))[SHEET]
    with ws.transaction() as s:
        total = KINDS["problem"].count(s)
    assert everything.max_row - HEADER_ROW == total
    rounds = {everything.cell(row=r, column=column(everything, "巡察轮次")).value
              for r in range(HEADER_ROW + 1, everything.max_row + 1)}
    assert rounds == {"五届市委第八轮巡察", "2020年度巡察整改督查"}
    text = " ".join(str(c.value) for row in everything.iter_rows() for c in row if c.value)
    for secret in SECRETS:
        assert secret not in text


def test_the_unit_fills_it_in_and_the_import_changes_the_problems_and_reports_each_change(fresh: Any) -> None:
    ws, ids, folder = fresh
    out = export(ws, folder / "台账.xlsx", ids["regular"], ids["unit_b"])
    book = load_workbook(str(out))
    sheet = book[SHEET]
    first, second = row_of(sheet, "001"), row_of(sheet, "002")
    sheet.cell(row=first, column=column(sheet, "整改进展")).value = "整改中"
    sheet.cell(row=first, column=column(sheet, "整改措施")).value = "已修订党组议事规则，每季度专题研究党风廉政建设。"
    sheet.cell(row=second, column=column(sheet, "整改进展")).value = "整改到位"
    sheet.cell(row=second, column=column(sheet, "整改措施")).value = "完成制度修订。"
    sheet.cell(row=second, column=column(sheet, "完成情况")).value = "印发《党组工作规则》（〔2020〕9号）。"
    sheet.cell(row=second, column=column(sheet, "完成日期")).value = dt.datetime(2020, 9, 20)
    filled = folder / "台账-回收.xlsx"
    book.save(str(filled))
    before = snapshot(ws)
    with ws.transaction() as s:
        report = import_ledger(s, filled)
    assert report.clean and report.applied and report.rows == 5
    assert sorted(c.row for c in report.changed) == [first, second] and len(report.unchanged_rows) == 3
    changes = {(c.row, ch.column): (ch.old, ch.new) for c in report.changed for ch in c.changes}
    assert changes[(first, "整改进展")] == ("未整改", "整改中")
    assert changes[(second, "完成日期")] == ("", "2020-09-20")
    after = snapshot(ws)
    changed = {key for key in after if after[key] != before[key]}
    assert len(changed) == 2
    with ws.transaction() as s:
        problems = {p.number: p for p in KINDS["problem"].find(s, limit=None) if str(p.unit_id) == ids["unit_b"]
                    and str(p.round_id) == ids["regular"]}
        assert problems["001"].status == "in_progress" and "议事规则" in (problems["001"].measures or "")
        assert problems["002"].status == "rectified" and problems["002"].rectified_on == dt.date(2020, 9, 20)
        # a status step through the ledger writes its rectification update, as in the window
        assert [u.status_after for u in problem_service.updates(s, problems["002"].id)] == ["rectified"]
    # importing the same file again changes nothing
    with ws.transaction() as s:
        again = import_ledger(s, filled)
    assert again.clean and not again.changed and snapshot(ws) == after


def refused(ws: Any, path: Path) -> Any:
    before = snapshot(ws)
    with ws.transaction() as s:
        report = import_ledger(s, path)
    assert not report.clean and not report.applied
    assert snapshot(ws) == before  # all or nothing: the good rows were not applied either
    return report


def test_bad_rows_are_each_reported_and_nothing_changes(fresh: Any) -> None:
    ws, ids, folder = fresh
    out = export(ws, folder / "台账.xlsx", ids["regular"], ids["unit_b"])
    book = load_workbook(str(out))
    sheet = book[SHEET]
    rows = [row_of(sheet, f"00{n}") for n in range(1, 6)]
    with ws.transaction() as s:
        other = next(p for p in KINDS["problem"].find(s, limit=None) if str(p.unit_id) == ids["unit_a"])
        other_id = str(other.id)
    sheet.cell(row=rows[0], column=column(sheet, "整改措施")).value = "好的一行：已整改。"        # good, not applied
    sheet.cell(row=rows[1], column=column(sheet, "问题表述")).value = "单位把问题改轻了。"        # read-only
    sheet.cell(row=rows[2], column=column(sheet, "记录编号")).value = "0190f000-0000-7000-8000-000000000000"
    sheet.cell(row=rows[3], column=column(sheet, "记录编号")).value = other_id                  # another unit
    sheet.cell(row=rows[4], column=column(sheet, "完成日期")).value = "下周"                    # not a date
    sheet.cell(row=rows[4], column=column(sheet, "整改进展")).value = "整改到位"
    bad = folder / "bad.xlsx"
    book.save(str(bad))
    report = refused(ws, bad)
    found = {(e.row, e.column) for e in report.errors}
    assert found == {(rows[1], "问题表述"), (rows[2], "记录编号"), (rows[3], "记录编号"), (rows[4], "完成日期")}, found
    messages = {e.row: e.message_zh for e in report.errors}
    assert "不可修改" in messages[rows[1]] and "不是本工作区中的问题" in messages[rows[2]]
    assert "不属于本台账的范围" in messages[rows[3]]
    assert report.bad_rows == rows[1:]


def test_a_formula_a_repeated_id_and_a_step_the_role_may_not_take_are_refused(fresh: Any) -> None:
    ws, ids, folder = fresh
    out = export(ws, folder / "台账.xlsx", ids["regular"], ids["unit_b"])
    book = load_workbook(str(out))
    sheet = book[SHEET]
    first, second, third = (row_of(sheet, f"00{n}") for n in (1, 2, 3))
    sheet.cell(row=first, column=column(sheet, "整改措施")).value = '=CONCATENATE("已","整改")'
    sheet.cell(row=second, column=column(sheet, "记录编号")).value = sheet.cell(
        row=third, column=column(sheet, "记录编号")).value
    path = folder / "formula.xlsx"
    book.save(str(path))
    report = refused(ws, path)
    found = {(e.row, e.column) for e in report.errors}
    # the second row now names the third's problem: its read-only cells differ from that problem's, and the
    # third row names a problem already given
    assert (first, "整改措施") in found and (third, "记录编号") in found
    assert {column for row, column in found if row == second} >= {"问题编号", "问题表述"}
    assert {row for row, _column in found} == {first, second, third}
    assert "公式" in report.errors[0].message_zh
    # a 组员 may edit problems but not close one (整改到位 is a disposal): that row is refused
    book = load_workbook(str(out))
    sheet = book[SHEET]
    sheet.cell(row=first, column=column(sheet, "整改进展")).value = "整改到位"
    sheet.cell(row=first, column=column(sheet, "完成情况")).value = "整改报告。"
    path = folder / "closing.xlsx"
    book.save(str(path))
    before = snapshot(ws)
    with ws.transaction() as s, permissions.acting_as(s, User("孙丽", Role.MEMBER)):
        report = import_ledger(s, path)
    assert [(e.row, e.column) for e in report.errors] == [(first, "整改进展")]
    assert "组员" in report.errors[0].message_zh and snapshot(ws) == before
    # a 联络员 may not edit problems at all: refused before the file is read
    liaison = User("周敏", Role.LIAISON)
    with pytest.raises(PermissionDenied), ws.transaction() as s, permissions.acting_as(s, liaison):
        import_ledger(s, path)
    assert snapshot(ws) == before


def test_hostile_workbooks_get_clear_errors(fresh: Any) -> None:
    ws, _ids, folder = fresh
    before = snapshot(ws)
    not_a_book = folder / "假的.xlsx"
    not_a_book.write_bytes(b"PK\x03\x04 this is not a workbook")
    with pytest.raises(InvalidRequest) as unreadable, ws.transaction() as s:
        import_ledger(s, not_a_book)
    assert unreadable.value.key == "import_unreadable"
    huge = folder / "巨大.xlsx"
    with huge.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(InvalidRequest) as large, ws.transaction() as s:
        import_ledger(s, huge)
    assert large.value.key == "import_too_large"
    bomb = folder / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (450 * 1024 * 1024))
    assert bomb.stat().st_size < MAX_FILE_BYTES
    with pytest.raises(InvalidRequest) as bombed, ws.transaction() as s:
        import_ledger(s, bomb)
    assert bombed.value.key == "import_too_large"
    # a workbook this program did not write (a 信访台账) is not a ledger
    other = petition_book(folder / "信访台账.xlsx", GOOD)
    with pytest.raises(InvalidRequest) as foreign, ws.transaction() as s:
        import_ledger(s, other)
    assert foreign.value.key == "import_no_header"
    assert snapshot(ws) == before


def test_the_command_line_round_trip(fresh: Any, capsys: Any) -> None:
    ws, _ids, folder = fresh
    path = ws.path
    ws.close()
    secret = folder / "passphrase.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    common = ["--workspace", str(path), "--passphrase-file", str(secret)]
    out = folder / "全部.xlsx"
    assert main(["ledger", "export", "--out", str(out), *common]) == 0  # neither --round nor --unit
    book = load_workbook(str(out))
    sheet = book[SHEET]
    row = row_of(sheet, "005")
    sheet.cell(row=row, column=column(sheet, "整改措施")).value = "建立台账，逐项销号。"
    book.save(str(out))
    assert main(["ledger", "import", str(out), "--dry-run", *common]) == 0
    assert "检查通过，未写入" in capsys.readouterr().err
    assert main(["ledger", "import", str(out), *common]) == 0
    err = capsys.readouterr().err
    assert "整改措施：“” → “建立台账，逐项销号。”" in err and "已更新问题 1 个" in err
