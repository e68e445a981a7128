"""The office's view across rounds and groups (services/stats.py), on SQLite and on the PostgreSQL hub.

Two rounds: 第八轮 (2020) where 市委第六巡察组 inspects the 住建局 and the 财政局, and a 回头看 (2021) where
市委第二巡察组 goes back to the 住建局. The clock of the workspace is set by the test, so a clue's disposition
day is known and its three-month feedback date can be checked to the day.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSPHRASE
from tests.hub_database import fresh_database
from xuncha_desktop.db.capture import context_of
from xuncha_desktop.errors import InvalidRequest, PermissionDenied
from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.security.roles import Role
from xuncha_desktop.services import stats
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.workspace import Workspace

AS_OF = dt.date(2021, 1, 10)


class Clock:
    """The workspace's wall clock, moved by the test (milliseconds since 1970, UTC)."""

    def __init__(self) -> None:
        self.millis = 0

    def at(self, moment: str) -> None:
        self.millis = int(dt.datetime.fromisoformat(moment).replace(tzinfo=dt.UTC).timestamp() * 1000)

    def __call__(self) -> int:
        self.millis += 1
        return self.millis


def _ids() -> Callable[[], uuid.UUID]:
    counter = iter(range(1, 1_000_000))
    return lambda: uuid.UUID(int=(0x0190 << 112) + next(counter))


def _make(tmp_path: Path, name: str, database_url: str | None) -> tuple[Workspace, dict[str, str]]:
    clock = Clock()
    clock.at("2020-04-01T01:00")
    ws = Workspace.create(tmp_path / name, "巡察办", PASSPHRASE, kdf=KdfParams.cheap(), user_name="周办",
                          role=Role.OFFICE, wall=clock, new_id=_ids(), database_url=database_url)
    made: dict[str, str] = {}
    with ws.transaction() as s:
        eighth = KINDS["round"].create(s, {"name": "五届市委第八轮巡察", "kind": "regular",
                                           "start_date": "2020-04-01"})
        review = KINDS["round"].create(s, {"name": "第八轮巡察回头看", "kind": "revisit", "start_date": "2021-03-01"})
        housing = KINDS["unit"].create(s, {"name": "娄底市住房和城乡建设局"})
        finance = KINDS["unit"].create(s, {"name": "娄底市财政局"})
        sixth = KINDS["group"].create(s, {"round_id": str(eighth.id), "name": "市委第六巡察组",
                                          "unit_ids": [str(housing.id), str(finance.id)]})
        second = KINDS["group"].create(s, {"round_id": str(review.id), "name": "市委第二巡察组",
                                           "unit_ids": [str(housing.id)]})
        made |= {"eighth": str(eighth.id), "review": str(review.id), "housing": str(housing.id),
                 "finance": str(finance.id), "sixth": str(sixth.id), "second": str(second.id)}

        def problem(round_: str, unit: str, category: str, statement: str, deadline: str | None = None,
                    in_feedback: bool = True) -> Any:
            return KINDS["problem"].create(s, {"round_id": made[round_], "unit_id": made[unit],
                                               "category": category, "statement": statement,
                                               "in_feedback": in_feedback, "deadline": deadline})

        done = problem("eighth", "housing", "line_policy", "棚改政策落实不到位。", "2020-10-31")
        KINDS["problem"].set_status(s, done.id, "in_progress", measures="制定方案")
        KINDS["problem"].set_status(s, done.id, "rectified", proof="整改报告")
        late = problem("eighth", "housing", "team_building", "干部选任程序不规范。", "2020-10-31")
        KINDS["problem"].set_status(s, late.id, "in_progress", measures="正在整改")
        problem("eighth", "finance", "line_policy", "减税降费政策执行有偏差。", "2021-06-30")
        problem("eighth", "finance", "strict_governance", "未列入反馈的问题。", "2020-09-30", in_feedback=False)
        again = problem("review", "housing", "line_policy", "棚改政策仍未落实到位（回头看发现）。", "2021-09-30")
        problem("review", "housing", "rectification", "审计整改不彻底。")
        made |= {"late": str(late.id), "again": str(again.id)}

        def clue(description: str, steps: list[tuple[str, dict[str, str]]], on: str, sealed: bool = False) -> str:
            record = KINDS["clue"].create(s, {"round_id": made["eighth"], "unit_id": made["housing"],
                                              "source_kind": "interview", "description": description,
                                              "sealed": sealed})
            for status, needs in steps[:-1]:
                KINDS["clue"].set_status(s, record.id, status, **needs)
            clock.at(on)  # the disposition, on that day (09:00 in Shanghai)
            KINDS["clue"].set_status(s, record.id, steps[-1][0], **steps[-1][1])
            return str(record.id)

        analysed: list[tuple[str, dict[str, str]]] = [("verifying", {}), ("analysing", {})]
        made["transferred"] = clue("某科长收受礼金。", [*analysed, ("transferred", {"receiving_body": "市纪委监委"})],
                                   "2020-09-15T01:00")
        made["inquiry"] = clue("某副局长违规兼职。", [*analysed, ("talk_inquiry", {})], "2020-10-31T01:00",
                               sealed=True)
        made["kept"] = clue("反映情况不具体。", [*analysed, ("pending", {})], "2020-09-01T01:00")
        KINDS["clue"].create(s, {"round_id": made["eighth"], "unit_id": made["finance"], "source_kind": "petition",
                                 "description": "尚在登记。"})
    return ws, made


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def office(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Workspace, dict[str, str]]]:
    if request.param == "sqlite":
        ws, made = _make(tmp_path, "office", None)
        yield ws, made
        ws.close()
        return
    with fresh_database() as url:
        ws, made = _make(tmp_path, "hub", url)
        yield ws, made
        ws.close()


def test_rectification_rates_by_round_group_unit_and_category(office: tuple[Workspace, dict[str, str]]) -> None:
    ws, made = office
    with ws.session() as s:
        view = stats.office_view(s, as_of=AS_OF)
    rates = {by: {r.label: (r.problems, r.in_feedback, r.rectified, r.rate, r.overdue) for r in rows}
             for by, rows in view.rates.items()}
    assert rates["round"] == {"五届市委第八轮巡察": (4, 3, 1, 0.3333, 2), "第八轮巡察回头看": (2, 2, 0, 0.0, 0)}
    assert rates["group"] == {"市委第六巡察组": (4, 3, 1, 0.3333, 2), "市委第二巡察组": (2, 2, 0, 0.0, 0)}
    assert rates["unit"] == {"娄底市住房和城乡建设局": (4, 4, 1, 0.25, 1), "娄底市财政局": (2, 1, 0, 0.0, 1)}
    assert rates["category"]["党的路线方针政策和党中央决策部署落实情况"] == (3, 3, 1, 0.3333, 0)
    # worst rate first
    assert [r.label for r in view.rates["unit"]] == ["娄底市财政局", "娄底市住房和城乡建设局"]
    with ws.session() as s:  # one round only
        round_only = stats.rectification_rates(s, "unit", uuid.UUID(made["review"]), AS_OF)
        assert [(r.label, r.problems, r.rate) for r in round_only] == [("娄底市住房和城乡建设局", 2, 0.0)]
        with pytest.raises(InvalidRequest) as refused:
            stats.rectification_rates(s, "person")
        assert refused.value.key == "stats_dimension"


def test_overdue_problems_name_their_round_group_and_unit(office: tuple[Workspace, dict[str, str]]) -> None:
    ws, made = office
    with ws.session() as s:
        overdue = stats.overdue_problems(s, as_of=AS_OF)
        # 2020-10-31 in progress, and the problem not fed back but past its 2020-09-30 deadline; not the rectified
        assert [(p.statement, p.group, p.days_overdue, p.status) for p in overdue] == [
            ("未列入反馈的问题。", "市委第六巡察组", 102, "未整改"),
            ("干部选任程序不规范。", "市委第六巡察组", 71, "整改中")]
        assert overdue[1].id == made["late"] and overdue[1].unit == "娄底市住房和城乡建设局"
        assert stats.overdue_problems(s, uuid.UUID(made["review"]), AS_OF) == []


def test_clue_feedback_falls_due_three_months_after_the_disposition(office: tuple[Workspace, dict[str, str]]) -> None:
    ws, made = office
    with ws.session() as s:
        waiting = stats.clue_feedback(s, as_of=AS_OF)
        by_disposition = {d.code: (d.clues, d.feedback_overdue) for d in stats.clues_by_disposition(s, as_of=AS_OF)}
        later = stats.clue_feedback(s, as_of=dt.date(2021, 2, 1))
    # transferred on 2020-09-15: due 2020-12-15, overdue on 2021-01-10; a talk on 2020-10-31: due 2021-01-31
    # (the last day of a shorter month); the clue kept for later waits for nobody
    assert [(c.id, c.disposed_on, c.feedback_due, c.overdue, c.days_left) for c in waiting] == [
        (made["transferred"], "2020-09-15", "2020-12-15", True, -26),
        (made["inquiry"], "2020-10-31", "2021-01-31", False, 21)]
    assert waiting[1].title == "（密封线索）"  # a sealed clue is not shown by its content
    assert by_disposition["transferred"] == (1, 1) and by_disposition["talk_inquiry"] == (1, 0)
    assert by_disposition["pending"] == (1, 0) and by_disposition["closed_off"] == (0, 0)
    assert [c.overdue for c in later] == [True, True]
    assert stats.add_months(dt.date(2020, 11, 30), 3) == dt.date(2021, 2, 28)
    assert stats.add_months(dt.date(2023, 11, 30), 3) == dt.date(2024, 2, 29)


def test_repeat_problems_across_rounds(office: tuple[Workspace, dict[str, str]]) -> None:
    ws, made = office
    with ws.session() as s:
        everywhere = stats.repeat_problems(s)
        in_review = stats.repeat_problems(s, uuid.UUID(made["review"]))
        in_eighth = stats.repeat_problems(s, uuid.UUID(made["eighth"]))
        with ws.transaction() as t:  # the same unit and category twice in one round is no repeat
            KINDS["problem"].create(t, {"round_id": made["eighth"], "unit_id": made["finance"],
                                        "category": "line_policy", "statement": "又一处政策偏差。"})
        assert len(stats.repeat_problems(s)) == 1
    (repeat,) = everywhere
    assert (repeat.unit, repeat.category, repeat.rounds, repeat.problems, repeat.earlier_rectified) == (
        "娄底市住房和城乡建设局", "line_policy", ["五届市委第八轮巡察", "第八轮巡察回头看"], 2, 1)
    assert in_review == everywhere
    assert in_eighth == []  # found there first


def test_the_view_is_for_those_who_lead_supervise_or_look(tmp_path: Path) -> None:
    ws, _made = _make(tmp_path, "office", None)
    try:
        with ws.session() as s:
            context_of(s).role = Role.MEMBER
            with pytest.raises(PermissionDenied):
                stats.office_view(s)
            context_of(s).role = Role.READONLY
            assert stats.office_view(s, as_of=AS_OF).rates["round"]
    finally:
        ws.close()


@pytest.mark.postgres
def test_the_hub_and_a_sqlite_office_give_the_same_view(tmp_path: Path) -> None:
    lite, _ = _make(tmp_path, "office", None)
    try:
        with fresh_database() as url:
            hub, _ = _make(tmp_path, "hub", url)
            try:
                views = []
                for ws in (lite, hub):
                    with ws.session() as s:
                        views.append(stats.office_view(s, as_of=AS_OF).to_json())
                assert views[0] == views[1]
                assert views[0]["rates"]["round"] and views[0]["repeats"] and views[0]["clue_feedback"]
            finally:
                hub.close()
    finally:
        lite.close()
