"""The rules every record family shares: unknown fields, required fields, codes or labels, tombstones."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from xuncha_desktop.db.models import Change, Unit
from xuncha_desktop.errors import InvalidRequest, NotFound, ValidationError
from xuncha_desktop.services.kinds import KINDS, service_for
from xuncha_desktop.services.records import Filter


def test_unknown_field_is_named_in_both_languages(session: Session) -> None:
    with pytest.raises(InvalidRequest) as caught:
        KINDS["unit"].create(session, {"name": "娄底市审计局", "colour": "red"})
    assert "colour" in caught.value.text("zh") and "colour" in caught.value.text("en")
    assert "没有字段" in caught.value.text("zh")


def test_required_field_error_names_the_field(session: Session, ids: dict[str, str]) -> None:
    with pytest.raises(ValidationError) as caught:
        KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                          "category": "line_policy"})
    assert caught.value.field == "statement"
    assert "问题表述" in caught.value.text("zh") and "statement" in caught.value.text("en")


def test_enumerations_take_the_code_or_the_chinese_label(session: Session) -> None:
    by_label = KINDS["round"].create(session, {"name": "专项巡察", "kind": "专项巡察"})
    by_code = KINDS["round"].create(session, {"name": "督查", "kind": "supervision"})
    assert (by_label.kind, by_code.kind) == ("special", "supervision")
    with pytest.raises(ValidationError) as caught:
        KINDS["round"].create(session, {"name": "x", "kind": "突击检查"})
    assert caught.value.field == "kind" and "常规巡察" in caught.value.text("zh")


def test_wrong_types_are_refused(session: Session, ids: dict[str, str]) -> None:
    for data, field in (({"name": "x", "kind": "regular", "number": "eight"}, "number"),
                        ({"name": "x", "kind": "regular", "start_date": "2020-13-45"}, "start_date"),
                        ({"name": ["x"], "kind": "regular"}, "name")):
        with pytest.raises(ValidationError) as caught:
            KINDS["round"].create(session, data)
        assert caught.value.field == field


def test_end_before_start_is_refused(session: Session) -> None:
    with pytest.raises(ValidationError) as caught:
        KINDS["round"].create(session, {"name": "x", "kind": "regular", "start_date": "2020-05-01",
                                        "end_date": "2020-04-01"})
    assert caught.value.field == "end_date"


def test_reference_to_a_missing_record_is_refused(session: Session) -> None:
    with pytest.raises(ValidationError) as caught:
        KINDS["group"].create(session, {"round_id": "01a222c1-3877-7dd0-bc04-dc3137191252", "name": "x"})
    assert caught.value.field == "round_id"


def test_delete_tombstones_and_logs_the_deletion(session: Session) -> None:
    unit = KINDS["unit"].create(session, {"name": "娄底市统计局"})
    KINDS["unit"].delete(session, unit.id)
    with pytest.raises(NotFound):
        KINDS["unit"].get(session, unit.id)
    row = session.get(Unit, unit.id)
    assert row is not None and row.deleted
    ops = list(session.scalars(select(Change.op).where(Change.record_id == unit.id).order_by(Change.seq)))
    assert ops == ["insert", "delete"]
    assert all(u.id != unit.id for u in KINDS["unit"].find(session))


def test_unit_names_are_unique_among_live_units(session: Session) -> None:
    first = KINDS["unit"].create(session, {"name": "娄底市民政局"})
    with pytest.raises(ValidationError):
        KINDS["unit"].create(session, {"name": "娄底市民政局"})
    KINDS["unit"].delete(session, first.id)
    KINDS["unit"].create(session, {"name": "娄底市民政局"})


def test_list_filters_counts_and_orders_in_the_database(session: Session, ids: dict[str, str]) -> None:
    problems = KINDS["problem"]
    for number, category in enumerate(["line_policy", "team_building", "line_policy"], 1):
        problems.create(session, {"round_id": ids["round"], "unit_id": ids["unit"], "category": category,
                                  "statement": f"第{number}个问题。", "number": f"P{number}",
                                  "in_feedback": number != 2})
    assert problems.count(session, [Filter.parse("category=党的路线方针政策和党中央决策部署落实情况")]) == 2
    assert problems.count(session, [Filter.parse("in_feedback=true")]) == 2
    listed = problems.find(session, [Filter.parse("category=line_policy")], order=["-number"])
    assert [p.number for p in listed] == ["P3", "P1"]
    assert [p.number for p in problems.find(session, limit=1, offset=1, order=["number"])] == ["P2"]
    with pytest.raises(InvalidRequest):
        Filter.parse("category")
    with pytest.raises(InvalidRequest):
        problems.find(session, [Filter.parse("colour=red")])


def test_unknown_kind_is_refused() -> None:
    with pytest.raises(InvalidRequest) as caught:
        service_for("meeting")
    assert "meeting" in str(caught.value)


def test_a_record_others_point_to_cannot_be_deleted(session: Session, ids: dict[str, str]) -> None:
    problem = KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                                "category": "line_policy", "statement": "x"})
    with pytest.raises(InvalidRequest) as caught:
        KINDS["unit"].delete(session, ids["unit"])
    assert "问题" in caught.value.text("zh") and "problem" in caught.value.text("en")
    KINDS["problem"].delete(session, problem.id)
    with pytest.raises(InvalidRequest):
        KINDS["round"].delete(session, ids["round"])  # the group still belongs to it
    KINDS["group"].delete(session, ids["group"])
    KINDS["unit"].delete(session, ids["unit"])
    KINDS["round"].delete(session, ids["round"])


def test_ties_are_broken_by_id_in_the_direction_of_the_last_sort_term(session: Session, ids: dict[str, str]) -> None:
    # Interviews at the same time: the list (newest first) breaks the tie by id, descending like the time,
    # so the descending list is exactly the ascending one reversed, and pages read by offset join up.
    interviews = KINDS["interview"]
    times = ["2020-05-06T09:30", "2020-05-06T09:30", "2020-05-07T10:00", "2020-05-06T09:30", "2020-05-05T15:00"]
    for number, started in enumerate(times, 1):
        interviews.create(session, {"round_id": ids["round"], "unit_id": ids["unit"], "number": f"T{number}",
                                    "interviewee_name": "王芳" if number < 4 else "李娜",
                                    "interviewee_category": "principal", "started_at": started,
                                    "interviewers": ["赵刚", "钱敏"]})
    newest_first = interviews.find(session)
    key = [(i.started_at, i.id) for i in newest_first]
    assert key == sorted(key, reverse=True)
    assert [i.id for i in interviews.find(session, order=["started_at"])] == [i.id for i in reversed(newest_first)]
    paged = [i.id for offset in range(0, 5, 2) for i in interviews.find(session, limit=2, offset=offset)]
    assert paged == [i.id for i in newest_first]
    by_name = interviews.find(session, order=["-interviewee_name"])
    assert [(i.interviewee_name, i.id) for i in by_name] == sorted(((i.interviewee_name, i.id) for i in by_name),
                                                                  reverse=True)
    # Several terms, the last ascending: ties by id ascending.
    mixed = interviews.find(session, order=["-interviewee_name", "started_at"])
    expected = sorted(mixed, key=lambda i: (i.started_at, i.id))
    expected.sort(key=lambda i: i.interviewee_name, reverse=True)  # stable: keeps time and id within a name
    assert [i.id for i in mixed] == [i.id for i in expected]
