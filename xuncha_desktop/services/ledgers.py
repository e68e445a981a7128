"""问题清单 / 整改台账: the problems of a round, a unit or the whole workspace as rows for the Excel ledger, and
the ledger coming back from the unit with its rectification filled in (:func:`import_ledger`).

The round trip: the ledger goes to the unit with every problem's id (记录编号); the unit fills 整改进展,
整改措施, 完成情况 and 完成日期 and sends it back; the import matches each row to its problem by the id and
applies those four columns, with the checks and messages of the 信访台账 import (``petition_import``): every
row is checked first, every fault is reported by row number and column, and nothing is changed while any row
is wrong. The other columns are read-only: a row whose read-only cell differs from the record (edited by the
unit, or the record changed since the export) is refused, as is an id that is unknown, deleted, given twice,
or of a problem outside the round and unit the file was exported for.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from xuncha_desktop.db.enums import ProblemOrigin, ProblemStatus, Severity
from xuncha_desktop.db.models import Problem, Round, Unit
from xuncha_desktop.errors import InvalidRequest, PermissionDenied, XunchaError
from xuncha_desktop.reports.data import COLUMNS, EDITABLE, Ledger, LedgerRow
from xuncha_desktop.reports.ledger_xlsx import read_scope
from xuncha_desktop.services import permissions
from xuncha_desktop.services import vocabulary as vocab
from xuncha_desktop.services.fields import is_empty, parse_uuid
from xuncha_desktop.services.permissions import Action
from xuncha_desktop.services.petition_import import Formula, RowError, read_workbook
from xuncha_desktop.services.problems import service as problems
from xuncha_desktop.services.redaction import identities
from xuncha_desktop.services.rounds import service as rounds
from xuncha_desktop.services.units import service as units

STATUS_LABELS = [s.zh for s in ProblemStatus]

# Headers of the columns the unit fills, besides the ledger's own (data.COLUMNS): the field labels of the
# window and the words offices use.
ALIASES: dict[str, str] = {
    "整改状态": "status", "进展": "status", "进展情况": "status", "整改进度": "status",
    "整改佐证": "proof", "整改完成情况": "proof", "完成情况说明": "proof", "佐证材料": "proof",
    "整改完成日期": "rectified_on", "完成时间": "rectified_on", "整改完成时间": "rectified_on",
    "具体措施": "measures", "整改措施及进展": "measures",
    "编号": "number", "轮次": "round", "单位": "unit", "id": "id", "ID": "id",
}
_HEADER_OF = {attr: header for attr, header, _width in COLUMNS}
_FIELD_OF = {"status": "status", "measures": "measures", "proof": "proof", "rectified_on": "rectified_on"}


def ledger(session: Session, round_id: uuid.UUID | str | None = None, unit_id: uuid.UUID | str | None = None,
           feedback_only: bool = False) -> Ledger:
    """The problems of a round and/or a unit (every live problem when both are None), in round, unit and
    number order, every identity of the workspace struck out of the free text (the ledger goes to the units).
    A ledger whose rows belong to more than one round has a 巡察轮次 column."""
    the_round = rounds.get(session, round_id) if round_id is not None else None
    unit = units.get(session, unit_id) if unit_id is not None else None
    rows_of = ledger_rows(session, the_round.id if the_round else None, unit.id if unit else None, feedback_only)
    redact = identities(session)
    rows = []
    round_ids = set()
    for index, (problem, unit_name, round_name) in enumerate(rows_of, 1):
        round_ids.add(problem.round_id)
        rows.append(_row(session, index, problem, unit_name, round_name, redact))
    parts = [p for p in ((the_round.name if the_round else ""), (unit.name if unit else "")) if p] or ["全部"]
    return Ledger(title=f"{' '.join(parts)} 问题清单（整改台账）", rows=rows, statuses=STATUS_LABELS,
                  spans_rounds=the_round is None and len(round_ids) != 1,
                  round_id=str(the_round.id) if the_round else "", unit_id=str(unit.id) if unit else "")


def ledger_rows(session: Session, round_id: uuid.UUID | None, unit_id: uuid.UUID | None,
                feedback_only: bool) -> list[Any]:
    statement = (select(Problem, Unit.name, Round.name).join(Unit, Unit.id == Problem.unit_id)
                 .join(Round, Round.id == Problem.round_id).where(Problem.deleted.is_(False)))
    if round_id is not None:
        statement = statement.where(Problem.round_id == round_id)
    if unit_id is not None:
        statement = statement.where(Problem.unit_id == unit_id)
    if feedback_only:
        statement = statement.where(Problem.in_feedback.is_(True))
    statement = statement.order_by(Round.start_date.nulls_last(), Round.name, Unit.name, Problem.number,
                                   Problem.created_at, Problem.id)
    return list(session.execute(statement))


def _row(session: Session, index: int, problem: Problem, unit_name: str, round_name: str,
         redact: Any) -> LedgerRow:
    return LedgerRow(
        index=index, round=round_name, unit=unit_name, number=problem.number or "",
        category=vocab.label(session, "problem_category", problem.category, problem.round_id),
        sub_category=redact(problem.sub_category), statement=redact(problem.statement),
        severity=Severity(problem.severity).zh if problem.severity else "",
        origin=ProblemOrigin(problem.origin).zh, requirement=redact(problem.requirement),
        responsible=redact(problem.responsible), deadline=problem.deadline,
        status=ProblemStatus(problem.status).zh, measures=redact(problem.measures), proof=redact(problem.proof),
        rectified_on=problem.rectified_on, supervision_remarks=redact(problem.supervision_remarks),
        id=str(problem.id))


# ---- the ledger coming back ---------------------------------------------------------------------------

@dataclass(frozen=True)
class FieldChange:
    field: str        # the problem's field
    column: str       # the ledger's header
    old: str
    new: str

    def to_json(self) -> dict[str, str]:
        return {"field": self.field, "column": self.column, "old": self.old, "new": self.new}


@dataclass(frozen=True)
class RowChange:
    row: int
    problem_id: str
    number: str
    changes: list[FieldChange]

    def to_json(self) -> dict[str, Any]:
        return {"row": self.row, "problem_id": self.problem_id, "number": self.number,
                "changes": [c.to_json() for c in self.changes]}


@dataclass
class LedgerImportReport:
    rows: int = 0
    changed: list[RowChange] = field(default_factory=list)
    unchanged_rows: list[int] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    applied: bool = False

    @property
    def clean(self) -> bool:
        return not self.errors

    @property
    def bad_rows(self) -> list[int]:
        return sorted({e.row for e in self.errors})

    def to_json(self) -> dict[str, Any]:
        return {"rows": self.rows, "applied": self.applied, "clean": self.clean,
                "changed": [c.to_json() for c in self.changed], "unchanged_rows": self.unchanged_rows,
                "errors": [e.to_json() for e in self.errors], "bad_rows": self.bad_rows}


def _is_ledger_header(texts: list[str]) -> bool:
    return _HEADER_OF["id"] in texts or "id" in texts


def _shown(value: Any) -> str:
    """A value as the report shows it (dates as 2021-03-05, nothing as "")."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _read_only_value(row: LedgerRow, attr: str) -> str:
    return _shown(getattr(row, attr))


def import_ledger(session: Session, path: Path, apply: bool = True) -> LedgerImportReport:
    """Checks every row of a ledger the unit sent back and, if every row is good and ``apply``, applies its
    整改进展, 整改措施, 完成情况 and 完成日期 to the problems (a status step writes its rectification update,
    as in the window). All or nothing: with any bad row nothing changes and the report lists every fault.

    Raises PermissionDenied (editing problems; a step to or from 整改到位 is also a disposal, refused per row
    when the role may not), InvalidRequest for a file that is not a ledger (``import_unreadable``,
    ``import_no_header``, ``ledger_not_ours``, ``import_too_large``…)."""
    permissions.require_edit(session, "problem")
    headers, rows = read_workbook(path, header_where=_is_ledger_header, formulas=True)
    scope = read_scope(path)
    known = {header: attr for attr, header, _width in COLUMNS}
    known.update(ALIASES)
    column_of: dict[str, int] = {}
    for index, header in enumerate(headers):
        attr = known.get(header)
        if attr is not None and attr not in column_of:
            column_of[attr] = index
    if "id" not in column_of:
        raise InvalidRequest("import_no_header", path=str(path))
    the_round = rounds.get(session, scope["round"]) if scope["round"] else None
    the_unit = units.get(session, scope["unit"]) if scope["unit"] else None
    redact = identities(session)
    role = permissions.role_of(session)
    report = LedgerImportReport(rows=len(rows))
    pending: list[tuple[int, uuid.UUID, dict[str, Any]]] = []
    seen: dict[uuid.UUID, int] = {}
    for number, cells in rows:
        def cell(attr: str, cells: list[Any] = cells) -> Any:
            index = column_of.get(attr)
            return cells[index] if index is not None and index < len(cells) else None

        def fail(attr: str, zh: str, en: str, number: int = number) -> None:
            report.errors.append(RowError(number, headers[column_of[attr]] if attr in column_of else _HEADER_OF[attr],
                                          attr, zh, en))

        formulas = [(headers[i] if i < len(headers) else str(i + 1)) for i, v in enumerate(cells)
                    if isinstance(v, Formula)]
        if formulas:
            for header in formulas:
                report.errors.append(RowError(number, header, known.get(header, header),
                                              "单元格是公式；请改为填写具体内容（复制后“选择性粘贴—数值”）。",
                                              "The cell holds a formula; type the value itself (paste as values)."))
            continue
        raw_id = _shown(cell("id"))
        key = parse_uuid(raw_id) if raw_id else None
        problem = session.get(Problem, key) if key is not None else None
        if problem is None or problem.deleted:
            fail("id", f"记录编号“{raw_id}”不是本工作区中的问题；台账中的记录编号不可改动。" if raw_id else
                 "记录编号为空；请勿删除或改动记录编号列。",
                 f"'{raw_id}' is not a problem of this workspace; do not change the id column." if raw_id else
                 "The id is empty; do not delete or change the id column.")
            continue
        if problem.id in seen:
            fail("id", f"与第 {seen[problem.id]} 行是同一问题；每个问题只能出现一行。",
                 f"The same problem as row {seen[problem.id]}; each problem may appear once.")
            continue
        seen[problem.id] = number
        if (the_round is not None and problem.round_id != the_round.id) or (
                the_unit is not None and problem.unit_id != the_unit.id):
            claimed = "、".join(x.name for x in (the_round, the_unit) if x is not None)
            fail("id", f"该问题不属于本台账的范围（{claimed}），不能通过本台账修改。",
                 f"This problem is outside the ledger's scope ({claimed}); it cannot be changed through it.")
            continue
        unit_name = units.get(session, problem.unit_id).name
        round_name = rounds.get(session, problem.round_id).name
        current = _row(session, 0, problem, unit_name, round_name, redact)
        errors_before = len(report.errors)
        for attr, index in column_of.items():
            if attr in EDITABLE or attr in ("id", "index"):
                continue
            given = _shown(cells[index] if index < len(cells) else None)
            if given != _read_only_value(current, attr):
                fail(attr, f"“{headers[index]}”列不可修改，与记录不一致（记录为“{_read_only_value(current, attr)}”）；"
                           "如需修改请联系巡察组。",
                     f"Column '{headers[index]}' is read-only and differs from the record "
                     f"('{_read_only_value(current, attr)}'); ask the inspection group to change it.")
        values: dict[str, Any] = {}
        for attr in EDITABLE:
            if attr not in column_of:
                continue
            raw = cell(attr)
            if isinstance(raw, dt.datetime):
                raw = raw.date()
            if isinstance(raw, str):
                raw = raw.strip()
            if isinstance(raw, (int, float)) and attr in ("measures", "proof"):
                raw = str(raw)
            old_value = getattr(problem, _FIELD_OF[attr])
            if is_empty(raw):
                if attr == "status" or is_empty(old_value):
                    continue  # an empty status keeps the record's; an empty cell of an empty field stays empty
                raw = None
            try:
                value = problems._coerce(session, problems.field(_FIELD_OF[attr]), raw, problem.round_id,
                                         check_refs=True)
            except XunchaError as exc:
                fail(attr, exc.text("zh"), exc.text("en"))
                continue
            if attr in ("measures", "proof") and value is not None and value == redact(old_value):
                continue  # the text went out redacted and came back as it was: no change
            if value != old_value:
                values[_FIELD_OF[attr]] = value
        if len(report.errors) > errors_before:
            continue
        new_status = values.get("status")
        if new_status is not None:
            try:
                problems.check_transition(problem, problem.status, new_status, values)
            except XunchaError as exc:
                fail("status", exc.text("zh"), exc.text("en"))
                continue
            if not permissions.may_step(role, "problem", problem.status, new_status):
                denied = PermissionDenied(role.value, Action.DISPOSE.value)
                fail("status", denied.text("zh"), denied.text("en"))
                continue
        if values.get("rectified_on") is not None and values.get("status", problem.status) != ProblemStatus.RECTIFIED:
            fail("rectified_on", "填写了完成日期，但整改进展不是“整改到位”。",
                 "A completion date is given but the progress is not 整改到位 (rectified).")
            continue
        if not values:
            report.unchanged_rows.append(number)
            continue
        changes = [FieldChange(_FIELD_OF[attr], headers[column_of[attr]],
                               _label(_FIELD_OF[attr], getattr(problem, _FIELD_OF[attr])),
                               _label(_FIELD_OF[attr], values[_FIELD_OF[attr]]))
                   for attr in EDITABLE if _FIELD_OF[attr] in values]
        report.changed.append(RowChange(number, str(problem.id), problem.number or "", changes))
        pending.append((number, problem.id, values))
    if report.errors or not apply:  # nothing is changed; ``changed`` says what a clean file would change
        return report
    for _number, problem_id, values in pending:
        problems.update(session, problem_id, values)
    report.applied = True
    return report


def _label(name: str, value: Any) -> str:
    if name == "status" and value:
        return ProblemStatus(value).zh
    return _shown(value)
