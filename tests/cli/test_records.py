"""The command line: JSON in and out, and exit codes 0 / 2 (request wrong) / 1 (could not be done)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSPHRASE
from xuncha_desktop.cli import main
from xuncha_desktop.workspace import Workspace


class Cli:
    def __init__(self, path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.path = path
        self.capsys = capsys

    def __call__(self, *args: str) -> tuple[int, Any, str]:
        self.capsys.readouterr()
        code = main(["--workspace", str(self.path), *args])
        out, err = self.capsys.readouterr()
        return code, (json.loads(out) if out.strip() and code == 0 else out), err


@pytest.fixture
def cli(workspace: Workspace, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setenv("XUNCHA_PASSPHRASE", PASSPHRASE)
    workspace.close()
    return Cli(workspace.path, capsys)


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


def test_wrong_passphrase_exits_1_and_changes_nothing(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    before = (cli.path / "xuncha.db").read_bytes()
    monkeypatch.setenv("XUNCHA_PASSPHRASE", "a wrong passphrase")
    code, _, err = cli("records", "add", "unit", "--json", '{"name": "x"}')
    assert code == 1 and "口令不正确" in err and "Wrong passphrase" in err
    assert (cli.path / "xuncha.db").read_bytes() == before


def test_passphrase_file_is_read(cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("XUNCHA_PASSPHRASE")
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    code, listed, _ = cli("records", "list", "unit", "--passphrase-file", str(secret))
    assert code == 0 and listed == []


def test_missing_passphrase_is_a_usage_error(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XUNCHA_PASSPHRASE")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    code, _, err = cli("records", "list", "unit")
    assert code == 2 and "XUNCHA_PASSPHRASE" in err


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


def test_evidence_add_extract_and_verify(cli: Cli, tmp_path: Path) -> None:
    original = tmp_path / "会议记录.pdf"
    original.write_bytes(b"%PDF-1.4 evidence " * 1000)
    code, record, _ = cli("evidence", "add", str(original), "--title", "党组会议记录")
    assert code == 0 and len(record["sha256"]) == 64 and record["file_name"] == "会议记录.pdf"
    assert [e["action"] for e in record["custody"]] == ["stored"]
    out = tmp_path / "out.pdf"
    code, _, _ = cli("evidence", "extract", record["id"], "--out", str(out))
    assert code == 0 and out.read_bytes() == original.read_bytes()
    code, _, err = cli("evidence", "extract", record["id"], "--out", str(out))
    assert code == 2 and "exists" in err
    code, report, _ = cli("verify")
    assert code == 0 and report["ok"] and report["files_checked"] == 1
    stored = next((cli.path / "evidence").glob("??/*.age"))
    damaged = bytearray(stored.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    stored.write_bytes(bytes(damaged))
    code, report, err = cli("verify")
    assert code == 1 and "damaged" in report


def test_evidence_add_of_a_missing_file_exits_2(cli: Cli, tmp_path: Path) -> None:
    code, _, err = cli("evidence", "add", str(tmp_path / "nothing.pdf"))
    assert code == 2 and "nothing.pdf" in err


def test_the_installed_command_runs_as_a_module(tmp_path: Path) -> None:
    env = {**os.environ, "XUNCHA_PASSPHRASE": PASSPHRASE, "XUNCHA_WORKSPACE": str(tmp_path / "ws")}
    made = subprocess.run([sys.executable, "-m", "xuncha_desktop", "init", "--device-name", "笔记本9"],
                          env=env, capture_output=True, text=True, encoding="utf-8", check=False)
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["device_name"] == "笔记本9"
    again = subprocess.run([sys.executable, "-m", "xuncha_desktop", "init", "--device-name", "x"],
                           env=env, capture_output=True, text=True, encoding="utf-8", check=False)
    assert again.returncode == 1 and "已经存在" in again.stderr
    usage = subprocess.run([sys.executable, "-m", "xuncha_desktop", "records", "add"], env=env,
                           capture_output=True, text=True, encoding="utf-8", check=False)
    assert usage.returncode == 2


def test_vocabulary_terms_are_added_relabelled_and_withdrawn(cli: Cli) -> None:
    code, terms, _ = cli("vocab", "add", "evidence_type", "--code", "questionnaire", "--label", "问卷调查表")
    assert code == 0 and terms[-1]["code"] == "questionnaire"
    code, terms, _ = cli("vocab", "update", "evidence_type", "--code", "questionnaire", "--label", "问卷调查结果")
    assert code == 0 and terms[-1]["label_zh"] == "问卷调查结果"
    code, terms, _ = cli("vocab", "remove", "evidence_type", "--code", "questionnaire")
    assert code == 0 and "questionnaire" not in [t["code"] for t in terms]
    code, _, err = cli("vocab", "remove", "evidence_type", "--code", "questionnaire")
    assert code == 2 and "questionnaire" in err
    code, _, err = cli("vocab", "list", "colours")
    assert code == 2 and "colours" in err


def test_the_window_without_a_screen_is_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")  # where Qt would abort the process instead
    code = main(["gui", "--workspace", str(tmp_path / "ws")])
    err = capsys.readouterr().err
    assert code == 1 and "DISPLAY" in err and "图形界面" in err
