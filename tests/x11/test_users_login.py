"""A workspace with several users in a real X11 session: the login dialog preselects the last user, and the
passphrase typed and Enter open the workspace as that user."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.x11.conftest import Display
from xuncha_desktop import workspace as workspaces
from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.security.roles import Role
from xuncha_desktop.workspace import Workspace

LEADER = "granite lantern 7291 meadow"
MEMBER = "copper willow 4816 harbor"  # typed by xdotool: plain ASCII
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_enter_opens_as_the_preselected_last_user(x11: Display, tmp_path: Path) -> None:
    path = tmp_path / "ws"
    with Workspace.create(path, "第六巡察组-笔记本1", LEADER, kdf=KdfParams.cheap(), user_name="张伟") as ws:
        workspaces.add_user(ws, "王芳", Role.MEMBER, MEMBER)
    Workspace.open(path, MEMBER, user="王芳").close()
    program = subprocess.Popen([sys.executable, "-m", "xuncha_desktop", "gui", "--workspace", str(path)], cwd=ROOT,
                               env={**x11.env, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    try:
        login = x11.window("打开工作区")
        x11.xdotool("windowactivate", "--sync", login)
        x11.xdotool("type", "--delay", "5", MEMBER)
        x11.xdotool("key", "Return")
        x11.window("巡察外业桌面端 — 第六巡察组-笔记本1")  # her passphrase opened her slot
        assert program.poll() is None
    finally:
        program.send_signal(signal.SIGKILL)
        program.wait(10)
    assert json.loads((path / "workspace.json").read_text(encoding="utf-8"))["last_user"] == "王芳"
