"""回避 in the command line: a warning on stderr, and the record written all the same."""

from __future__ import annotations

from tests.cli.conftest import Cli


def test_the_command_line_prints_the_warning_and_writes_the_record(cli: Cli) -> None:
    code, unit, _ = cli("records", "add", "unit", "--json", '{"name": "娄底市水利局"}')
    assert code == 0
    code, _, err = cli("records", "add", "declaration", "--json",
                       f'{{"member_name": "钱敏", "relation": "曾工作单位", "unit_id": "{unit["id"]}"}}')
    assert code == 0 and err == ""
    code, made, err = cli("records", "add", "interview", "--json",
                          f'{{"unit_id": "{unit["id"]}", "kind": "必谈", "interviewee_category": "班子成员", '
                          f'"started_at": "2020-05-06T09:00", "interviewee_name": "王强", '
                          f'"interviewers": ["赵刚", "钱敏"]}}')
    assert code == 0 and made["interviewers"] == ["赵刚", "钱敏"]  # a warning, not a refusal
    assert "回避提示" in err and "钱敏" in err and "曾工作单位" in err
    code, listed, _ = cli("records", "list", "declaration")
    assert code == 0 and [d["member_name"] for d in listed] == ["钱敏"]
