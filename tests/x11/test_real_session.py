"""The window as a person meets it in a real X11 session (1366×768, a window manager, keys sent to the real
windows): the traps offscreen tests never pressed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import _frame
from tests.x11.conftest import Display
from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.workspace import Workspace

# typed by xdotool, so plain ASCII (a strong one: weak passphrases are refused)
PASSPHRASE = "granite lantern 7291 meadow"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def laptop(tmp_path: Path) -> Path:
    path = tmp_path / "ws"
    with Workspace.create(path, "第六巡察组-笔记本1", PASSPHRASE, kdf=KdfParams.cheap(), user_name="张伟") as ws, \
            ws.transaction() as session:
        _frame(session, KINDS)
    return path


def _start(display: Display, path: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "xuncha_desktop", "gui", "--workspace", str(path)], cwd=ROOT,
                            env={**display.env, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)


@pytest.mark.slow
def test_login_by_enter_a_window_that_fits_ctrl_n_and_one_process(x11: Display, laptop: Path) -> None:
    program = _start(x11, laptop)
    try:
        login = x11.window("打开工作区")
        x11.xdotool("windowactivate", "--sync", login)
        x11.xdotool("type", "--delay", "5", PASSPHRASE)  # real key events (XTEST) to the focused window
        x11.xdotool("key", "Return")  # used to press 取消 and quit the program
        main = x11.window("巡察外业桌面端 — 第六巡察组-笔记本1")
        assert program.poll() is None
        _x, _y, width, height = x11.geometry(main)
        assert width <= 1366 and height <= 768  # the first start fills the small screen, status bar included
        # Ctrl+N on a list page opens a new record of that page's kind (it did nothing: an ambiguous shortcut)
        x11.xdotool("windowactivate", "--sync", main)
        x11.xdotool("key", "--clearmodifiers", "ctrl+3")  # the third page: 个别谈话
        x11.xdotool("key", "--clearmodifiers", "ctrl+n")
        editor = x11.window("个别谈话")
        _x, _y, width, height = x11.geometry(editor)
        assert width <= 1366 and height <= 768
        # a second program on the same workspace is told it is in use
        second = subprocess.run([sys.executable, "-m", "xuncha_desktop", "records", "list", "unit", "--workspace",
                                 str(laptop)], cwd=ROOT, env={**x11.env, "XUNCHA_PASSPHRASE": PASSPHRASE},
                                capture_output=True, text=True, timeout=60, check=False)
        assert second.returncode == 1 and "另一个程序" in second.stderr
    finally:
        program.send_signal(signal.SIGKILL)
        program.wait(10)
    # killed: the lock died with it, the workspace opens again
    Workspace.open(laptop, PASSPHRASE).close()


def test_the_session_is_a_laptop_screen(x11: Display) -> None:
    assert x11.xdotool("getdisplaygeometry") == "1366 768"
    assert os.environ.get("DISPLAY") != x11.name  # the tests' own process stays off this display


@pytest.mark.slow
def test_search_finds_several_kinds_and_enter_opens_the_first_hit(x11: Display, laptop: Path) -> None:
    with Workspace.open(laptop, PASSPHRASE) as ws, ws.transaction() as session:
        ids = {"unit": str(session.scalars(KINDS["unit"].query(session)).first().id)}  # type: ignore[union-attr]
        KINDS["clue"].create(session, {"unit_id": ids["unit"], "source_kind": "interview",
                                       "description": "2020年公车私用"})
        KINDS["paper"].create(session, {"unit_id": ids["unit"], "title": "2020年公车私用问题底稿"})
    program = _start(x11, laptop)
    try:
        login = x11.window("打开工作区")
        x11.xdotool("windowactivate", "--sync", login)
        x11.xdotool("type", "--delay", "5", PASSPHRASE)
        x11.xdotool("key", "Return")
        main = x11.window("巡察外业桌面端 — 第六巡察组-笔记本1")
        x11.xdotool("windowactivate", "--sync", main)
        x11.xdotool("key", "--clearmodifiers", "ctrl+f")
        x11.xdotool("type", "--delay", "5", "2020")
        x11.xdotool("key", "Return")
        results = x11.window("检索：2020")
        _x, _y, width, height = x11.geometry(results)
        assert width <= 1366 and height <= 768
        # Enter opens the selected hit (the first of the first kind, 问题线索), it does not press 关闭
        x11.xdotool("windowactivate", "--sync", results)
        x11.xdotool("key", "Return")
        x11.window("问题线索 — ")
        assert program.poll() is None
    finally:
        program.send_signal(signal.SIGKILL)
        program.wait(10)
