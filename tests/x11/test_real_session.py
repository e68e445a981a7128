"""The window as a person meets it in a real X11 session (1366×768, a window manager, keys sent to the real
windows): the traps offscreen tests never pressed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
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
        x11.xdotool("key", "--clearmodifiers", "ctrl+4")  # the fourth page: 个别谈话
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


def _login(x11: Display) -> str:
    login = x11.window("打开工作区")
    x11.xdotool("windowactivate", "--sync", login)
    x11.xdotool("type", "--delay", "5", PASSPHRASE)
    x11.xdotool("key", "Return")
    return x11.window("巡察外业桌面端 — 第六巡察组-笔记本1")


def _open_interview_by_search(x11: Display, main: str) -> str:
    x11.xdotool("windowactivate", "--sync", main)
    x11.xdotool("key", "--clearmodifiers", "ctrl+f")
    x11.xdotool("type", "--delay", "5", "XC2020")
    x11.xdotool("key", "Return")
    x11.xdotool("windowactivate", "--sync", x11.window("检索：XC2020"))
    x11.xdotool("key", "Return")
    editor = x11.window("个别谈话 — ")
    x11.xdotool("windowactivate", "--sync", editor)
    return editor


def _visible(x11: Display, title: str) -> bool:
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title], env=x11.env,
                           capture_output=True, text=True, timeout=10, check=False)
    return bool(found.stdout.split())


def _gone(x11: Display, title: str, seconds: float) -> bool:
    """True once no window titled like ``title`` is visible (within ``seconds``)."""
    deadline = time.monotonic() + seconds
    while _visible(x11, title):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def _never_shown(x11: Display, title: str, seconds: float) -> bool:
    """True when no window titled like ``title`` shows during ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if _visible(x11, title):
            return False
        time.sleep(0.1)
    return True


def _record_text(path: Path) -> str:
    with Workspace.open(path, PASSPHRASE) as ws, ws.session() as session:
        (interview,) = KINDS["interview"].find(session)
        return str(interview.record_text)


@pytest.mark.slow
def test_type_save_quit_restart_then_kill_while_typing_and_get_the_draft_back(x11: Display, laptop: Path) -> None:
    with Workspace.open(laptop, PASSPHRASE) as ws, ws.transaction() as session:
        unit = session.scalars(KINDS["unit"].query(session)).first()
        assert unit is not None
        KINDS["interview"].create(session, {
            "unit_id": str(unit.id), "interviewee_name": "陈静", "interviewee_category": "principal",
            "started_at": "2020-09-15T09:30", "interviewers": ["赵刚", "钱敏"], "record_text": "XC2020 "})
    # type into the record, save by Ctrl+S, close by Ctrl+W, quit by Ctrl+Q
    program = _start(x11, laptop)
    try:
        main = _login(x11)
        editor = _open_interview_by_search(x11, main)
        x11.xdotool("key", "--clearmodifiers", "ctrl+End")
        x11.xdotool("type", "--delay", "5", "saved words")
        x11.xdotool("key", "--clearmodifiers", "ctrl+s")
        x11.xdotool("key", "--clearmodifiers", "ctrl+w")
        assert _gone(x11, "个别谈话 — ", 5)  # closed without a question: nothing was unsaved
        del editor
        x11.xdotool("windowactivate", "--sync", main)
        x11.xdotool("key", "--clearmodifiers", "ctrl+q")
        assert program.wait(30) == 0
    finally:
        if program.poll() is None:
            program.kill()
    assert _record_text(laptop) == "XC2020 saved words"
    # a clean restart asks about no draft; then typing and a kill -9 leave a draft that the next start offers
    program = _start(x11, laptop)
    try:
        main = _login(x11)
        assert _never_shown(x11, "恢复草稿", 3)
        _open_interview_by_search(x11, main)
        x11.xdotool("key", "--clearmodifiers", "ctrl+End")
        x11.xdotool("type", "--delay", "5", " and unsaved ones")
        time.sleep(1.5)  # the draft is written 0.3 s after the last key
    finally:
        program.kill()  # SIGKILL: no chance to save or clean up
        program.wait(10)
    program = _start(x11, laptop)
    try:
        _login(x11)
        x11.window("恢复草稿")  # the question appears after a real crash
    finally:
        program.kill()
        program.wait(10)
    assert _record_text(laptop) == "XC2020 saved words"  # the database holds only what was saved


@pytest.mark.slow
def test_ctrl_n_on_every_page_opens_what_that_page_creates(x11: Display, laptop: Path) -> None:
    program = _start(x11, laptop)
    try:
        main = _login(x11)
        # page (Ctrl+number) → the window Ctrl+N opens there; Esc closes it again
        # (巡察办总览, like 工作台, has no family of its own: Ctrl+N asks which; 同步 is past Ctrl+9 now)
        expected = {1: "新建记录", 2: "新建记录", 3: "新建巡察轮次", 4: "新建个别谈话", 5: "新建信访件",
                    6: "新建问题线索", 7: "选择证据文件", 8: "新建问题底稿", 9: "新建问题"}
        for page, title in expected.items():
            x11.xdotool("windowactivate", "--sync", main)
            x11.xdotool("key", "--clearmodifiers", f"ctrl+{page}")
            x11.xdotool("key", "--clearmodifiers", "ctrl+n")
            opened = x11.window(title, timeout=15)
            _x, _y, width, height = x11.geometry(opened)
            assert width <= 1366 and height <= 768, title
            x11.xdotool("windowactivate", "--sync", opened)
            x11.xdotool("key", "Escape")
            assert _gone(x11, title, 10), title
        assert program.poll() is None
    finally:
        program.kill()
        program.wait(10)


@pytest.mark.slow
def test_create_and_save_an_interview_by_keyboard(x11: Display, laptop: Path) -> None:
    program = _start(x11, laptop)
    try:
        main = _login(x11)
        x11.xdotool("windowactivate", "--sync", main)
        x11.xdotool("key", "--clearmodifiers", "ctrl+4")  # 个别谈话
        x11.xdotool("key", "--clearmodifiers", "ctrl+n")
        editor = x11.window("新建个别谈话")
        x11.xdotool("windowactivate", "--sync", editor)
        # the form starts at its first required field (被巡察单位): pick the first unit, then the name, the
        # category, and the record itself (Ctrl+Shift+H folds the header and goes to the record)
        x11.xdotool("key", "Down", "Tab", "Tab", "Tab")
        x11.xdotool("type", "--delay", "5", "Chen Jing")
        x11.xdotool("key", "Tab", "Tab", "Tab", "Tab", "Down")
        x11.xdotool("key", "--clearmodifiers", "ctrl+shift+h")
        x11.xdotool("type", "--delay", "5", "XC new record")
        # saving without the interviewers is refused: the header unfolds and the cursor waits in 谈话人
        x11.xdotool("key", "--clearmodifiers", "ctrl+s")
        time.sleep(0.5)
        x11.xdotool("type", "--delay", "5", "Zhao Gang, Qian Min")
        x11.xdotool("key", "--clearmodifiers", "ctrl+s")
        x11.window("个别谈话 — Chen Jing")  # saved: the title names the interview now
        x11.xdotool("key", "--clearmodifiers", "ctrl+w")
        assert _gone(x11, "个别谈话 — Chen Jing", 5)
    finally:
        program.kill()
        program.wait(10)
    with Workspace.open(laptop, PASSPHRASE) as ws, ws.session() as session:
        (interview,) = KINDS["interview"].find(session)
        assert (interview.interviewee_name, interview.record_text) == ("Chen Jing", "XC new record")
        assert interview.unit_id is not None and interview.interviewee_category
        assert interview.interviewers == ["Zhao Gang", "Qian Min"]


@pytest.mark.slow
def test_export_from_any_page_by_ctrl_shift_e_with_progress(x11: Display, laptop: Path, tmp_path: Path) -> None:
    from xuncha_desktop.services import evidence as evidence_service
    from xuncha_desktop.services import sync as sync_service

    office = Workspace.create(tmp_path / "office", "巡察办", PASSPHRASE, kdf=KdfParams.cheap(), user_name="王主任")
    scan = tmp_path / "会议录像.mp4"
    with scan.open("wb") as out:  # a large piece of evidence, so that the export takes a while
        for _ in range(48):
            out.write(os.urandom(4 << 20))
    try:
        with Workspace.open(laptop, PASSPHRASE) as ws:
            with ws.transaction() as session:
                sync_service.trust(session, ws, sync_service.own_keys(office))
            with ws.transaction() as session:
                unit = session.scalars(KINDS["unit"].query(session)).first()
                assert unit is not None
                evidence_service.service.add_file(session, ws.evidence, scan, {"title": "会议录像",
                                                                               "unit_id": str(unit.id)})
    finally:
        office.close()
    program = _start(x11, laptop)
    try:
        main = _login(x11)
        x11.xdotool("windowactivate", "--sync", main)
        x11.xdotool("key", "--clearmodifiers", "ctrl+shift+e")  # from the dashboard
        dialog = x11.window("导出同步包")
        x11.xdotool("windowactivate", "--sync", dialog)
        x11.xdotool("key", "Return")  # the office is the receiver, the file is named: Enter exports
        progress = x11.window("请稍候", timeout=20)  # the wait is shown, with 取消
        assert progress
        x11.window("导出同步包", timeout=120)  # the result
        assert program.poll() is None
    finally:
        program.kill()
        program.wait(10)
    packages = list((Path(x11.env["HOME"])).glob("第六巡察组-笔记本1-*.xcpkg"))
    assert len(packages) == 1 and packages[0].stat().st_size > 150 << 20
