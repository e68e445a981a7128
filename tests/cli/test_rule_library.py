"""定性依据 from the command line: a group adds an entry, finds it by search and cites it from a problem."""

from __future__ import annotations

import json

from tests.cli.conftest import Cli


def test_add_search_and_cite_a_rule(cli: Cli) -> None:
    code, made, err = cli("records", "add", "rule", "--json", json.dumps({
        "document": "中国共产党问责条例", "edition": "2019年修订", "article": "第七条",
        "text": "党组织、党的领导干部违反党章和其他党内法规，不履行或者不正确履行职责，应当予以问责。"}))
    assert code == 0 and err == "" and made["document"] == "《中国共产党问责条例》"
    code, found, _ = cli("records", "list", "rule", "--search", "问责")
    assert code == 0 and [r["id"] for r in found] == [made["id"]]
    code, _refused, err = cli("records", "add", "rule", "--json", '{"document": "x", "article": "第一条"}')
    assert code == 2 and "条文内容" in err
    code, unit, _ = cli("records", "add", "unit", "--json", '{"name": "娄底市水利局"}')
    code, the_round, _ = cli("records", "add", "round", "--json", '{"name": "五届市委第八轮巡察", "kind": "regular"}')
    code, problem, _ = cli("records", "add", "problem", "--json", json.dumps(
        {"round_id": the_round["id"], "unit_id": unit["id"], "category": "line_policy",
         "statement": "落实问责制度不到位。"}))
    assert code == 0
    code, _, err = cli("records", "link", "problem", problem["id"], "rule", made["id"])
    assert code == 0, err
