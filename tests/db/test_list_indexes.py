"""A page far down a list is read from an index: the plan of every list, in its orders and under each of
its filters, walks one index that holds the filter, the order and the tie-break id, with no sort of its own.

A plan that sorted (``USE TEMP B-TREE``) or had to read the table to test a filter or break a tie would
read every row skipped by OFFSET from the table: a page in the middle of a 500,000-row list took 1.1 s
(docs/window.md, "Benchmark"). The statement checked is the service's own, reading only ``id``: its plan
walks a *covering* index exactly when the skipped rows cost index entries only.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, text
from sqlalchemy.orm import Session

from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.services.records import Filter, RecordService
from xuncha_desktop.workspace import Workspace

FAR = 250_000

# A code of each category filter's vocabulary (the values do not change the plan; they must only be valid).
CATEGORY_CODE = {"interview": "principal", "petition": "funds", "clue": "funds", "evidence": "document",
                 "problem": "line_policy", "unit": "branch", "declaration": "relative"}

# Sorts by a column other than the default order's that the list offers with an index of its own.
INDEXED_SORTS = {"interview": ("interviewee_name",)}


def _plan(session: Session, statement: Select[tuple[uuid.UUID]]) -> list[str]:
    bind = session.get_bind()
    sql = statement.compile(dialect=bind.dialect, compile_kwargs={"literal_binds": True})
    return [row[3] for row in session.execute(text(f"EXPLAIN QUERY PLAN {sql}"))]


def _index_only(plan: Sequence[str]) -> bool:
    return (len(plan) == 1 and "USING COVERING INDEX" in plan[0]
            and not any("TEMP B-TREE" in step for step in plan))


def _filter_sets(kind: str, service: RecordService[Any]) -> list[list[Filter]]:
    """No filter, then each filter the list's page offers on its own (docs/window.md)."""
    names = {f.name for f in service.fields}
    sets: list[list[Filter]] = [[]]
    sets += [[Filter(name, "=", str(uuid.uuid4()))] for name in ("round_id", "unit_id") if name in names]
    if service.status_field is not None:
        sets.append([Filter(service.status_field, "=", service.initial_status)])
    if service.category_field is not None:
        sets.append([Filter(service.category_field, "=", CATEGORY_CODE[kind])])
    if service.date_field is not None:
        name = service.date_field
        timed = service.field(name).value_type.value == "datetime"
        sets.append([Filter(name, ">=", "2020-01-01" + ("T00:00" if timed else "")),
                     Filter(name, "<=", "2020-12-31" + ("T23:59:59" if timed else ""))])
    return sets


def _orders(kind: str, service: RecordService[Any], every_column: bool) -> list[list[str] | None]:
    """The default order and the single-column orders of its header, both ways: those with an index of their
    own, or (``every_column``) those of every column the list shows."""
    orders: list[list[str] | None] = [None]
    names = list(service.list_columns) if every_column else [
        *([service.default_order[0].lstrip("-")] if len(service.default_order) == 1 else []),
        *INDEXED_SORTS.get(kind, ())]
    for name in names:
        orders += [[name], [f"-{name}"]]
    return orders


def _check(session: Session, every_column: bool) -> list[str]:
    """The lists whose far page is not read from an index alone. With ``every_column``, only those whose first
    page is (no sort of their own) but whose far page is not: a sort by a column without an index sorts
    every match for the first page as for any other, so a jump costs what the first page costs."""
    found = []
    for kind, service in KINDS.items():
        for order in _orders(kind, service, every_column):
            for filters in _filter_sets(kind, service):
                if not every_column and filters and order and order[0].lstrip("-") in INDEXED_SORTS.get(kind, ()):
                    continue  # filtered and sorted by name: the planner may sort the matches (checked below)
                statement = service.query(session, filters, None, order) \
                    .with_only_columns(service.model.id).offset(FAR).limit(100)
                plan = _plan(session, statement)
                if _index_only(plan) or (every_column and any("TEMP B-TREE" in step for step in plan)):
                    continue
                found.append(f"{kind} order={order} filters={[f.field for f in filters]}: {plan}")
    return found


def test_every_list_reads_a_far_page_from_an_index(session: Session) -> None:
    assert _check(session, every_column=False) == []


def test_no_list_reads_its_first_page_from_an_index_and_a_far_page_from_the_table(session: Session) -> None:
    assert _check(session, every_column=True) == []


def test_and_still_does_with_statistics_of_a_filled_table(workspace: Workspace, ids: dict[str, str]) -> None:
    # ANALYZE runs after a migration and PRAGMA optimize on close: with statistics of a table of many rows,
    # one unit and one category, the planner must still choose the list's index.
    with workspace.transaction() as session:
        KINDS["interview"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                            "interviewee_name": "张伟", "interviewee_category": "principal",
                                            "started_at": "2020-05-06T09:30", "interviewers": ["赵刚", "钱敏"]})
    with workspace.engine.begin() as connection:
        connection.execute(text("""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
            INSERT INTO interviews (round_id, unit_id, number, kind, interviewee_name, interviewee_category,
                started_at, interviewers, record_text, signed, id, hlc, changed_by, field_hlc, deleted, created_at)
            SELECT round_id, unit_id, number, kind, interviewee_name || i, interviewee_category,
                strftime('%Y-%m-%d %H:%M:%S.000000', started_at, '+' || (i % 500) || ' minutes'), interviewers,
                record_text, signed, lower(hex(randomblob(16))), hlc, changed_by, field_hlc, i % 50 = 0, created_at
            FROM interviews, n
        """))
        connection.exec_driver_sql("ANALYZE")
    with workspace.session() as session:
        assert _check(session, every_column=False) == []
        assert _check(session, every_column=True) == []


def test_the_check_fails_for_a_plan_that_reads_the_table(session: Session) -> None:
    # The order of 0003 (ties by id ascending under a descending time) cannot walk an index that way: the
    # plan sorts, which for a far page meant reading every skipped row from the table.
    model = KINDS["interview"].model
    statement = KINDS["interview"].query(session, order=["-started_at"]).order_by(None) \
        .order_by(model.started_at.desc(), model.id.asc()).with_only_columns(model.id).offset(FAR).limit(100)
    assert not _index_only(_plan(session, statement))
    # So does a filter the index does not hold, tested on the table row by row.
    statement = KINDS["interview"].query(session, [Filter("place", "=", "谈话室")]) \
        .with_only_columns(model.id).offset(FAR).limit(100)
    assert not _index_only(_plan(session, statement))


def test_a_list_offers_to_sort_by_exactly_the_columns_an_index_serves(session: Session) -> None:
    """``list_order`` (what the list header accepts) says yes for a column whose far page is read from an
    index alone, both ways, and no for every other column the list shows."""
    wrong = []
    for kind, service in KINDS.items():
        for name in service.list_columns:
            for descending in (False, True):
                order = service.list_order(name, descending)
                probe = list(order) if order is not None else [("-" if descending else "") + name]
                statement = service.query(session, [], None, probe) \
                    .with_only_columns(service.model.id).offset(FAR).limit(100)
                if _index_only(_plan(session, statement)) != (order is not None):
                    wrong.append(f"{kind}.{name} descending={descending}: offered={order is not None}")
    assert wrong == []
    assert KINDS["interview"].list_order("place") is None
    assert KINDS["interview"].list_order("started_at", descending=True) == ("-started_at",)
    assert KINDS["paper"].list_order("number", descending=True) == ("-number", "-created_at")
