"""``xuncha feedback draft``: made from the problems, shown, edited, reordered, merged, split and stepped;
a refused command prints the reason and changes nothing."""

from __future__ import annotations

from tests.cli.conftest import Cli
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.workspace import Workspace


def test_draft_from_the_command_line(cli: Cli, ids: dict[str, str], workspace: Workspace) -> None:
    with Workspace.open(workspace.path, "巡察口令 correct horse") as ws, ws.transaction() as s:
        for number, (category, statement) in enumerate((
                ("line_policy", "履行推进法治建设第一责任人职责不到位，2019年被撤销5件。"),
                ("line_policy", "履行推进法治建设第一责任人职责不到位，2020年败诉3件。"),
                ("line_policy", "调查研究不深入，班子成员人均调研仅3次。"),
                ("strict_governance", "公务用车管理不规范，2019年无派车单12次。")), 1):
            KINDS["problem"].create(s, {"round_id": ids["round"], "unit_id": ids["unit"], "number": f"{number:03d}",
                                        "category": category, "statement": statement, "in_feedback": True})
    where = ["--unit", ids["unit"], "--round", ids["round"]]
    code, _shown, err = cli("feedback", "draft", "show", *where)
    assert code == 2 and "还没有反馈意见稿" in err
    code, made, err = cli("feedback", "draft", "create", *where, "--documents", "210")
    assert code == 0 and "4 个事项" not in err and "3 个事项" in err
    assert [[p["number"] for p in i["problems"]] for i in made["items"]] == [["001", "002"], ["003"], ["004"]]
    assert made["documents_reviewed"] == 210 and made["status"] == "draft"
    code, moved, _ = cli("feedback", "draft", "move", *where, "2", "--up")
    assert [i["problems"][0]["number"] for i in moved["items"]] == ["003", "001", "004"]
    code, split, _ = cli("feedback", "draft", "split", *where, "2", "--problem", "002")
    assert [[p["number"] for p in i["problems"]] for i in split["items"]] == [["003"], ["001"], ["002"], ["004"]]
    code, merged, _ = cli("feedback", "draft", "merge", *where, "2", "3")
    assert [[p["number"] for p in i["problems"]] for i in merged["items"]] == [["003"], ["001", "002"], ["004"]]
    code, edited, _ = cli("feedback", "draft", "item", *where, "2", "--summary", "法治建设责任落实不到位。")
    assert edited["items"][1]["summary"] == "法治建设责任落实不到位。"
    # merging across headings is refused, and nothing changes
    code, _out, err = cli("feedback", "draft", "merge", *where, "1", "3")
    assert code == 2 and "不同类别" in err
    code, again, _ = cli("feedback", "draft", "show", *where)
    assert again == edited
    code, _out, err = cli("feedback", "draft", "item", *where, "9", "--summary", "无")
    assert code == 2 and "没有第 9 个事项" in err
    code, stepped, _ = cli("feedback", "draft", "step", *where, "leader_reviewed")  # the workspace's user leads
    assert stepped["status"] == "leader_reviewed" and stepped["status_zh"] == "组长审核"
    code, _out, err = cli("feedback", "draft", "update", *where, "--assessment", "巡察组认为……")
    assert code == 2 and "请先退回起草" in err
