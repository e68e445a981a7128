"""Creating, opening and protecting a workspace."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from xuncha_desktop.errors import InvalidRequest, WrongPassphrase, XunchaError
from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.workspace import Workspace


def _fingerprint(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and p.suffix != ".log"}


def test_reopen_with_the_passphrase_shows_the_records(workspace: Workspace) -> None:
    with workspace.transaction() as s:
        unit = KINDS["unit"].create(s, {"name": "娄底市财政局"})
    path = workspace.path
    workspace.close()
    with Workspace.open(path, PASSPHRASE) as again, again.transaction() as s:
        assert KINDS["unit"].get(s, unit.id).name == "娄底市财政局"
        assert again.info.device_name == "第六巡察组-笔记本1"


def test_wrong_passphrase_is_refused_and_changes_no_file(workspace: Workspace) -> None:
    path = workspace.path
    workspace.close()
    before = _fingerprint(path)
    with pytest.raises(WrongPassphrase) as caught:
        Workspace.open(path, "not the passphrase")
    assert "口令不正确" in caught.value.text("zh")
    assert "Wrong passphrase" in caught.value.text("en")
    after = _fingerprint(path)
    assert after.pop("keys/attempts.json")  # only the counter of failed tries (it slows the next one down)
    assert after == before


def test_a_second_create_in_the_same_folder_is_refused(workspace: Workspace) -> None:
    with pytest.raises(XunchaError) as caught:
        Workspace.create(workspace.path, "other", PASSPHRASE, kdf=KdfParams.cheap())
    assert caught.value.key == "workspace_exists"


def test_missing_workspace_names_the_folder(tmp_path: Path) -> None:
    with pytest.raises(XunchaError) as caught:
        Workspace.open(tmp_path / "nowhere", PASSPHRASE)
    assert caught.value.key == "workspace_missing"
    assert "nowhere" in str(caught.value)


def test_short_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidRequest):
        Workspace.create(tmp_path / "ws", "x", "short", kdf=KdfParams.cheap())
    assert not (tmp_path / "ws").exists()


@pytest.mark.parametrize("weak", ["password1", "12345678", "巡察巡察巡察巡察", "第六巡察组-笔记本1", "qwertyuiop"])
def test_a_guessable_passphrase_is_refused_with_advice(tmp_path: Path, weak: str) -> None:
    """Common passwords, repeats and the device's own name ("abc" and friends) are refused by zxcvbn's
    estimate, with advice in both languages; nothing is created."""
    with pytest.raises(InvalidRequest) as caught:
        Workspace.create(tmp_path / "ws", "第六巡察组-笔记本1", weak, kdf=KdfParams.cheap())
    assert caught.value.key == "passphrase_weak"
    assert "词语" in caught.value.text("zh") and "words" in caught.value.text("en")
    assert not (tmp_path / "ws").exists()


def test_normal_creation_uses_the_strong_key_derivation(tmp_path: Path) -> None:
    with Workspace.create(tmp_path / "ws", "笔记本", PASSPHRASE):
        pass
    kdf = json.loads((tmp_path / "ws" / "keys" / "master-key.json").read_text())["slots"][0]["kdf"]
    assert kdf["name"] == "argon2id"
    assert (kdf["time_cost"], kdf["memory_kib"], kdf["parallelism"]) == (3, 196_608, 2)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes; Windows protects the profile folder by ACL")
def test_files_are_private(workspace: Workspace) -> None:
    with workspace.transaction() as s:
        KINDS["unit"].create(s, {"name": "娄底市教育局"})
    for item in workspace.path.rglob("*"):
        mode = stat.S_IMODE(item.stat().st_mode)
        assert mode & 0o077 == 0, f"{item} is readable by others ({oct(mode)})"


def test_device_ids_differ_between_workspaces(tmp_path: Path) -> None:
    one = Workspace.create(tmp_path / "a", "笔记本1", PASSPHRASE, kdf=KdfParams.cheap())
    two = Workspace.create(tmp_path / "b", "笔记本2", PASSPHRASE, kdf=KdfParams.cheap())
    assert one.info.device_id != two.info.device_id
    assert one.public_keys["ed25519_public"] != two.public_keys["ed25519_public"]
    one.close()
    two.close()


def test_each_workspace_logs_to_its_own_file(tmp_path: Path) -> None:
    one = Workspace.create(tmp_path / "a", "笔记本1", PASSPHRASE, kdf=KdfParams.cheap())
    one.close()
    two = Workspace.create(tmp_path / "b", "笔记本2", PASSPHRASE, kdf=KdfParams.cheap())
    two.close()
    with pytest.raises(WrongPassphrase):
        Workspace.open(tmp_path / "b", "not the passphrase")
    log_a = (tmp_path / "a" / "logs" / "xuncha.log").read_text(encoding="utf-8")
    log_b = (tmp_path / "b" / "logs" / "xuncha.log").read_text(encoding="utf-8")
    assert "wrong_passphrase" in log_b and "wrong_passphrase" not in log_a
    assert "not the passphrase" not in log_b


def test_one_workspace_one_process_and_the_lock_dies_with_it(workspace: Workspace, tmp_path: Path) -> None:
    """A second process is told the workspace is in use (it used to open it and offer to "restore" the first
    one's drafts); killing the first, even with SIGKILL, leaves no stale lock. Within one process the
    workspace may be opened twice (worker threads), and closing one leaves the other holding the lock."""
    import subprocess
    import sys

    path = workspace.path
    workspace.close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from xuncha_desktop.workspace import Workspace\n"
         f"ws = Workspace.open(__import__('pathlib').Path(sys.argv[1]), {PASSPHRASE!r}); print('open', flush=True)\n"
         "sys.stdin.read()", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        with pytest.raises(XunchaError) as caught:
            Workspace.open(path, PASSPHRASE)
        assert caught.value.key == "workspace_in_use" and "另一个程序" in caught.value.text("zh")
        command = subprocess.run([sys.executable, "-m", "xuncha_desktop", "records", "list", "unit",
                                  "--workspace", str(path)], env={**os.environ, "XUNCHA_PASSPHRASE": PASSPHRASE},
                                 capture_output=True, text=True, check=False)
        assert command.returncode == 1 and "one program at a time" in command.stderr
    finally:
        holder.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
        holder.wait()
    first = Workspace.open(path, PASSPHRASE)
    second = Workspace.open(path, PASSPHRASE)  # the same process again: allowed
    first.close()
    probe = subprocess.run([sys.executable, "-c", "import sys; from xuncha_desktop.workspace import Workspace\n"
                            f"Workspace.open(__import__('pathlib').Path(sys.argv[1]), {PASSPHRASE!r})", str(path)],
                           capture_output=True, text=True, check=False)
    assert probe.returncode != 0 and "workspace_in_use" in probe.stderr  # still held by `second`
    second.close()
