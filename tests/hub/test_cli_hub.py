"""``xuncha hub``: an office makes its hub, enrols a second desk, lists and retires stations from the command
line; a command-line import at one desk runs while a clerk saves at another."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, _frame
from tests.sync.helpers import make, send
from xuncha_desktop.cli import main
from xuncha_desktop.services import sync as sync_service
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.workspace import Workspace

# The command line unlocks with the real key derivation (≈0.5 s a time): slow.
pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, object]:
    """Exit code, and the JSON printed (or the error text)."""
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, json.loads(out) if code == 0 and out.strip() else err


def test_an_office_makes_its_hub_and_enrols_desks_from_the_command_line(
        tmp_path: Path, hub_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XUNCHA_PASSPHRASE", PASSPHRASE)
    first, second, shared = tmp_path / "desk1", tmp_path / "desk2", tmp_path / "shared"
    code, made = run(capsys, "--workspace", str(first), "--user", "李主任", "hub", "create", "--database", hub_url,
                     "--device-name", "市委巡察办汇总库", "--station", "一号工作站", "--evidence-store", str(shared))
    assert code == 0 and isinstance(made, dict)
    assert (made["station"], made["user"], made["evidence"]) == ("一号工作站", "李主任", str(shared))
    code, joined = run(capsys, "--workspace", str(second), "--user", "李主任", "hub", "join", "--database", hub_url,
                       "--station", "二号工作站")
    assert code == 0 and isinstance(joined, dict) and joined["station"] == "二号工作站"
    code, listed = run(capsys, "--workspace", str(first), "hub", "stations")
    assert isinstance(listed, dict) and [s["name"] for s in listed["stations"]] == ["一号工作站", "二号工作站"]
    code, retired = run(capsys, "--workspace", str(first), "hub", "retire", "二号工作站")
    assert code == 0 and isinstance(retired, dict) and retired["retired"]["retired"] is True
    code, refused = run(capsys, "--workspace", str(second), "stats")
    assert code == 1 and "已在汇总库中停用" in str(refused)


def test_a_command_line_import_at_one_desk_while_a_clerk_saves_at_another(
        tmp_path: Path, hub_url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XUNCHA_PASSPHRASE", PASSPHRASE)
    first, second = tmp_path / "desk1", tmp_path / "desk2"
    assert run(capsys, "--workspace", str(first), "--user", "李主任", "hub", "create", "--database", hub_url,
               "--device-name", "市委巡察办汇总库", "--station", "一号工作站")[0] == 0
    assert run(capsys, "--workspace", str(second), "--user", "李主任", "hub", "join", "--database", hub_url,
               "--station", "二号工作站")[0] == 0
    laptop = make(tmp_path / "laptop", "笔记本A")
    with Workspace.open(first, PASSPHRASE) as hub, hub.transaction() as s:
        sync_service.trust(s, hub, sync_service.own_keys(laptop))
        hub_keys = sync_service.own_keys(hub)
    with laptop.transaction() as s:
        sync_service.trust(s, laptop, hub_keys)
        ids = _frame(s, KINDS)
        for n in range(300):
            KINDS["problem"].create(s, {"round_id": ids["round"], "unit_id": ids["unit"], "category": "line_policy",
                                        "statement": f"第{n}个问题。"})
    with Workspace.open(first, PASSPHRASE) as hub:
        package = send(laptop, hub, tmp_path)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    child = subprocess.Popen([sys.executable, "-m", "xuncha_desktop", "--workspace", str(first), "sync", "import",
                              str(package)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    saved = 0
    with Workspace.open(second, PASSPHRASE) as clerk:
        with clerk.transaction() as s:
            unit = KINDS["unit"].create(s, {"name": "娄底市财政局"})
        while child.poll() is None or saved == 0:
            with clerk.transaction() as s:
                KINDS["unit"].update(s, unit.id, {"contact_person": f"联系人{saved}"})
            saved += 1
            time.sleep(0.05)
        out, err = child.communicate()
        assert child.returncode == 0, err.decode()
        assert json.loads(out)["records_added"] >= 300
        with clerk.transaction() as s:
            assert KINDS["unit"].get(s, unit.id).contact_person == f"联系人{saved - 1}"
            assert KINDS["problem"].count(s) == 300
    laptop.close()
