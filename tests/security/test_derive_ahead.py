"""The passphrase's key derivation started ahead of need (keys.derive_ahead, slots.derive_ahead, the command
line's start): the same key, no second derivation, no way around the wait after wrong passphrases."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from xuncha_desktop.errors import WrongPassphrase
from xuncha_desktop.security import keys, slots
from xuncha_desktop.workspace import Workspace

SALT = b"0123456789abcdef"
PARAMS = keys.KdfParams.cheap()


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = keys._derive

    def derive(passphrase: str, salt: bytes, params: keys.KdfParams) -> bytes:
        calls.append(passphrase)
        return real(passphrase, salt, params)

    monkeypatch.setattr(keys, "_derive", derive)
    return calls


def test_a_derivation_started_ahead_is_taken_once_by_the_same_inputs(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch)
    expected = keys._derive("口令 one", SALT, PARAMS)
    calls.clear()
    keys.derive_ahead("口令 one", SALT, PARAMS)
    assert keys.derive_kek("口令 one", SALT, PARAMS) == expected
    assert calls == ["口令 one"]  # derived once, on the other thread
    assert keys.derive_kek("口令 one", SALT, PARAMS) == expected
    assert calls == ["口令 one", "口令 one"]  # taken once: the next call derives again, nothing is kept


def test_other_inputs_do_not_take_a_derivation_started_ahead(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch)
    keys.derive_ahead("口令 one", SALT, PARAMS)
    other_salt = b"fedcba9876543210"
    assert keys.derive_kek("口令 one", other_salt, PARAMS) == keys._derive("口令 one", other_salt, PARAMS)
    assert keys.derive_kek("口令 two", SALT, PARAMS) == keys._derive("口令 two", SALT, PARAMS)
    assert calls.count("口令 two") == 2  # derived by the caller itself
    assert ("口令 one", SALT, PARAMS) in keys._ahead  # the guess still waits for its own inputs
    keys.derive_ahead("口令 three", SALT, PARAMS)  # a newer guess replaces the older one
    assert keys._ahead.keys() == {("口令 three", SALT, PARAMS)}
    keys.derive_kek("口令 three", SALT, PARAMS)
    assert keys._ahead == {}


def test_a_failure_on_the_other_thread_reaches_the_caller(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(passphrase: str, salt: bytes, params: keys.KdfParams) -> bytes:
        raise MemoryError("argon2 could not allocate")

    monkeypatch.setattr(keys, "_derive", broken)
    keys.derive_ahead("口令 one", SALT, PARAMS)
    with pytest.raises(MemoryError, match="allocate"):
        keys.derive_kek("口令 one", SALT, PARAMS)


def test_the_workspace_guess_starts_only_for_a_slot_that_exists(workspace: Workspace, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    path = workspace.path
    workspace.close()
    started: list[tuple[str, bytes]] = []
    monkeypatch.setattr(keys, "derive_ahead", lambda passphrase, salt, params: started.append((passphrase, salt)))
    slots.derive_ahead(tmp_path / "nowhere", PASSPHRASE, None)  # no workspace
    slots.derive_ahead(path, PASSPHRASE, "无此人")  # no such user
    (tmp_path / "odd").mkdir()
    (tmp_path / "odd" / "keys").mkdir()
    (tmp_path / "odd" / slots.FILE).write_text("{not json", encoding="utf-8")
    slots.derive_ahead(tmp_path / "odd", PASSPHRASE, None)  # a damaged key file
    assert started == []
    slots.derive_ahead(path, PASSPHRASE, None)
    assert len(started) == 1 and started[0][0] == PASSPHRASE


def test_a_wrong_passphrase_derived_ahead_still_waits_and_is_counted(workspace: Workspace) -> None:
    path = workspace.path
    workspace.close()
    waits: list[float] = []
    for _ in range(3):
        slots.derive_ahead(path, "不对的口令 wrong", None)
        with pytest.raises(WrongPassphrase):
            Workspace.open(path, "不对的口令 wrong", sleep=waits.append)
    assert len(waits) == 1 and round(waits[0]) == 1  # the third try waited, as without the guess
    slots.derive_ahead(path, PASSPHRASE, None)
    with Workspace.open(path, PASSPHRASE, sleep=waits.append) as ws:
        assert ws.user.name == "张伟" and round(waits[-1]) == 2


def test_the_command_line_starts_the_derivation_before_sqlalchemy_loads(workspace: Workspace) -> None:
    """The point of it: the derivation runs on another core while the command imports SQLAlchemy and the
    services (docs/bundle.md, start-up)."""
    path = workspace.path
    workspace.close()
    code = (
        "import sys\n"
        "from xuncha_desktop.security import keys\n"
        "real = keys.derive_ahead\n"
        "def spy(*args):\n"
        "    print('ahead, sqlalchemy loaded:', 'sqlalchemy' in sys.modules, flush=True)\n"
        "    real(*args)\n"
        "keys.derive_ahead = spy\n"
        "derived = []\n"
        "real_derive = keys._derive\n"
        "keys._derive = lambda *args: derived.append(1) or real_derive(*args)\n"
        "from xuncha_desktop.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print('derivations:', len(derived))\n"
        "sys.exit(code)\n"
    )
    env = {"XUNCHA_PASSPHRASE": PASSPHRASE, "PATH": "/usr/bin:/bin", "HOME": str(path.parent)}
    done = subprocess.run([sys.executable, "-c", code, "records", "list", "interview", "--workspace", str(path)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("ahead, sqlalchemy loaded: False\n")
    lines = done.stdout.splitlines()
    assert json.loads("\n".join(lines[1:-1])) == []  # the command did its work (an empty workspace) …
    assert lines[-1] == "derivations: 1"  # … with the key derived ahead, not a second time


def test_the_window_and_the_command_line_load_no_typesetting_at_start(workspace: Workspace) -> None:
    """reportlab (the documents) and zxcvbn (setting a passphrase) load when used, not at every start."""
    path = workspace.path
    workspace.close()
    code = ("import sys; from pathlib import Path; from xuncha_desktop.workspace import Workspace; "
            "import xuncha_desktop.ui.main_window, xuncha_desktop.cli.records; "
            "Workspace.open(Path(sys.argv[1]), sys.argv[2]).close(); "
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'zxcvbn', 'docx', 'openpyxl'}))")
    done = subprocess.run([sys.executable, "-c", code, str(path), PASSPHRASE], capture_output=True, text=True,
                          timeout=120, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
