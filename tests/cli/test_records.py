"""cli/records.py: add, get, update, delete, list and link records; bad requests exit 2 with a message."""

from __future__ import annotations

import json

import pytest

from tests.cli.conftest import Cli


def test_add_get_update_delete_a_record(cli: Cli) -> None:
    code, unit, _ = cli("records", "add", "unit", "--json", '{"name": "娄底市交通运输局", "party_org_kind": "党组"}')
    assert code == 0 and unit["party_org_kind"] == "party_group" and unit["id"]
    code, got, _ = cli("records", "get", "unit", unit["id"])
    assert code == 0 and got["name"] == "娄底市交通运输局"
    code, changed, _ = cli("records", "update", "unit", unit["id"], "--json", '{"contact_person": "刘洋"}')
    assert code == 0 and changed["contact_person"] == "刘洋"
    code, _, _ = cli("records", "delete", "unit", unit["id"])
    assert code == 0
    code, _, err = cli("records", "get", "unit", unit["id"])
    assert code == 2 and "找不到" in err and "No unit record" in err


def test_an_array_is_added_whole_or_not_at_all(cli: Cli) -> None:
    code, _, err = cli("records", "add", "unit", "--json", '[{"name": "娄底市体育局"}, {"nam": "typo"}]')
    assert code == 2 and "item 2" in err and "nam" in err
    code, listed, _ = cli("records", "list", "unit")
    assert listed == []
    code, added, _ = cli("records", "add", "unit", "--json", '[{"name": "娄底市体育局"}, {"name": "娄底市文旅局"}]')
    assert code == 0 and [u["name"] for u in added] == ["娄底市体育局", "娄底市文旅局"]


@pytest.mark.parametrize(("args", "needle"), [
    (("records", "add", "unit", "--json", "{not json"), "JSON"),
    (("records", "add", "unit", "--json", '"just a string"'), "JSON"),
    (("records", "add", "unit", "--json", '{"name": "x", "colour": "red"}'), "colour"),
    (("records", "add", "meeting", "--json", "{}"), "meeting"),
    (("records", "get", "unit", "01a222c1-3892-77f8-939b-0245e95b0345"), "01a222c1-3892-77f8-939b-0245e95b0345"),
    (("records", "get", "unit", "not-an-id"), "not-an-id"),
    (("records", "list", "problem", "--filter", "status"), "FIELD=VALUE"),
    (("records", "list", "problem", "--filter", "status=done"), "status"),
    (("records", "frobnicate"), "usage"),
    (("records", "link", "round", "01a222c1-3892-77f8-939b-0245e95b0345", "unit",
      "01a222c1-3892-77f8-939b-0245e95b0346"), "linked"),
])
def test_bad_requests_exit_2_with_a_message(cli: Cli, args: tuple[str, ...], needle: str) -> None:
    code, _, err = cli(*args)
    assert code == 2
    assert needle in err


def test_link_list_search_and_stats(cli: Cli) -> None:
    _, the_round, _ = cli("records", "add", "round", "--json", '{"name": "第八轮", "kind": "常规巡察"}')
    _, unit, _ = cli("records", "add", "unit", "--json", '{"name": "娄底市卫健委"}')
    _, group, _ = cli("records", "add", "group", "--json", json.dumps(
        {"round_id": the_round["id"], "name": "市委第一巡察组", "unit_ids": [unit["id"]],
         "members": [{"name": "赵刚", "role": "leader"}]}, ensure_ascii=False))
    _, problem, _ = cli("records", "add", "problem", "--json", json.dumps(
        {"round_id": the_round["id"], "unit_id": unit["id"], "category": "team_building",
         "statement": "选人用人程序不规范。", "in_feedback": True}, ensure_ascii=False))
    _, clue, _ = cli("records", "add", "clue", "--json", json.dumps(
        {"unit_id": unit["id"], "source_kind": "document_review", "description": "干部档案造假。"},
        ensure_ascii=False))
    code, link, _ = cli("records", "link", "clue", clue["id"], "problem", problem["id"])
    assert code == 0 and link["relation"] == "based_on" and link["from_kind"] == "problem"
    code, found, _ = cli("records", "list", "problem", "--search", "用人", "--filter", "in_feedback=true")
    assert code == 0 and [p["id"] for p in found] == [problem["id"]]
    code, hits, _ = cli("search", "档案")
    assert code == 0 and hits[0]["id"] == clue["id"]
    code, figures, _ = cli("stats", "--round", the_round["id"], "--json")
    assert code == 0
    assert figures["units"] == 1 and figures["problems_in_feedback"] == 1
    assert figures["problems_by_category"]["team_building"] == 1 and figures["rectification_rate"] == 0.0
    code, _, _ = cli("records", "update", "problem", problem["id"], "--json",
                     '{"status": "整改到位", "proof": "整改报告"}')
    _, figures, _ = cli("stats", "--round", the_round["id"])
    assert figures["problems_rectified"] == 1 and figures["rectification_rate"] == 1.0
    assert group["members"][0]["role"] == "leader"
