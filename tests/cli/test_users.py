"""``xuncha users …`` and ``--user``/XUNCHA_USER: users added, listed, removed, passphrases changed and
recovered at the office, every passphrase from a file or the environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import Cli
from tests.conftest import PASSPHRASE
from xuncha_desktop.cli import main
from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.security.roles import Role
from xuncha_desktop.workspace import Workspace

WANG = "梧桐 细雨 渡口 5531"
NEW = "铁塔 夜航 北门 6613"


def test_users_are_added_listed_and_removed(cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    code, _, err = cli("users", "add", "王芳", "--role", "member")
    assert code == 2 and "XUNCHA_NEW_PASSPHRASE" in err  # no new passphrase given: asked for, nothing added
    secret = tmp_path / "wang.txt"
    secret.write_text(WANG + "\n", encoding="utf-8")
    code, added, err = cli("users", "add", "王芳", "--role", "member", "--new-passphrase-file", str(secret))
    assert code == 0, err
    assert added == {"added": {"name": "王芳", "role": "member", "role_zh": "组员"}}
    # several users now: who opens must be said
    code, _, err = cli("records", "list", "unit")
    assert code == 2 and "张伟、王芳" in err and "--user" in err
    code, listed, _ = cli("users", "list", "--user", "张伟")
    assert code == 0 and listed["you"] == "张伟" and listed["recovery"] is None
    assert [(u["name"], u["role"]) for u in listed["users"]] == [("张伟", "leader"), ("王芳", "member")]
    monkeypatch.setenv("XUNCHA_USER", "王芳")
    monkeypatch.setenv("XUNCHA_PASSPHRASE", WANG)
    code, listed, _ = cli("users", "list")
    assert code == 0 and listed["you"] == "王芳"
    code, _, err = cli("users", "remove", "张伟")
    assert code == 1 and "组长或巡察办" in err  # a member may not
    monkeypatch.setenv("XUNCHA_USER", "张伟")
    monkeypatch.setenv("XUNCHA_PASSPHRASE", PASSPHRASE)
    code, _, err = cli("users", "remove", "张伟")
    assert code == 2 and "不能删除自己" in err
    code, removed, _ = cli("users", "remove", "王芳")
    assert code == 0 and removed == {"removed": "王芳"}
    code, audit, _ = cli("audit", "list")
    assert {(e["actor"], e["action"]) for e in audit} >= {("张伟", "user_added"), ("张伟", "user_removed")}


def test_own_passphrase_is_changed(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XUNCHA_NEW_PASSPHRASE", NEW)
    code, changed, err = cli("users", "passphrase")
    assert code == 0 and changed == {"changed": "张伟"}, err
    code, _, err = cli("records", "list", "unit")
    assert code == 1 and "口令不正确" in err
    monkeypatch.setenv("XUNCHA_PASSPHRASE", NEW)
    code, listed, _ = cli("records", "list", "unit")
    assert code == 0 and listed == []


def test_init_names_the_first_user_and_role(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("XUNCHA_PASSPHRASE", PASSPHRASE)
    code = main(["init", "--workspace", str(tmp_path / "office"), "--device-name", "娄底市委巡察办",
                 "--user", "巡察办刘", "--role", "office"])
    out = capsys.readouterr().out
    assert code == 0 and '"role": "office"' in out and "巡察办刘" in out


def test_the_office_recovers_a_laptop_user_by_command(cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    office_path = tmp_path / "office"
    Workspace.create(office_path, "娄底市委巡察办", PASSPHRASE, kdf=KdfParams.cheap(), user_name="巡察办刘",
                     role=Role.OFFICE).close()
    keyfile = tmp_path / "office-keys.json"
    assert main(["--workspace", str(office_path), "keys", "export-public", "--out", str(keyfile)]) == 0
    code, sealed, err = cli("users", "recovery", "--keyfile", str(keyfile))
    assert code == 0, err
    assert sealed["recovery"]["office_device_name"] == "娄底市委巡察办"
    monkeypatch.setenv("XUNCHA_NEW_PASSPHRASE", NEW)
    # the laptop cannot recover itself with its own recovery slot
    code, _, err = cli("users", "recover", "--laptop", str(cli.path), "张伟")
    assert code == 1 and "本巡察办" in err
    capsys.readouterr()
    code = main(["--workspace", str(office_path), "users", "recover", "--laptop", str(cli.path), "张伟"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert '"recovered"' in out and "张伟" in out
    monkeypatch.setenv("XUNCHA_PASSPHRASE", NEW)
    code, listed, err = cli("records", "list", "unit")
    assert code == 0 and listed == [], err
