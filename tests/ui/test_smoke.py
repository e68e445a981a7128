"""``xuncha gui --smoke``: the installation self-test opens the window, prints ``painted`` after its first paint
and returns; with a passphrase that does not open the workspace it returns 1 at once instead of waiting at the
login dialog. Run as the command it is, in a process of its own (the bundle's tests run the same from the built
folder: tests/bundle); in the test process it would quit the event loop the other tests share."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import PASSPHRASE
from xuncha_desktop import __version__
from xuncha_desktop.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]


def smoke(path: Path, passphrase: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XUNCHA_PASSPHRASE": passphrase, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "xuncha_desktop", "--workspace", str(path), "gui", "--smoke"],
                          env=env, capture_output=True, text=True, timeout=120, check=False)


def test_smoke_paints_the_main_window_and_returns(workspace: Workspace) -> None:
    path = workspace.path
    workspace.close()
    done = smoke(path, PASSPHRASE)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[-2] == "painted"
    assert lines[-1].startswith(f"about: {__version__}, source, ") and int(lines[-1].split()[-2]) >= 15
    # the workspace was closed on the way out: it opens again
    Workspace.open(path, PASSPHRASE).close()


def test_smoke_with_a_wrong_passphrase_says_so_and_does_not_wait(workspace: Workspace) -> None:
    path = workspace.path
    workspace.close()
    done = smoke(path, "not the passphrase")
    assert done.returncode == 1
    assert "painted" not in done.stdout and "did not open" in done.stderr


def test_the_window_loads_while_the_login_dialog_waits_for_the_passphrase(workspace: Workspace) -> None:
    """Start-up as a person meets it (no passphrase given): the window's modules load while the login dialog is
    shown, so after 打开 only the unlocking and the window are left. The dialog here only waits and is
    cancelled; the run then ends 1 without opening anything."""
    path = workspace.path
    workspace.close()
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QEventLoop, QTimer\n"
        "from xuncha_desktop.ui import app, login\n"
        "class Waiting(login.LoginDialog):\n"
        "    def exec(self):\n"
        "        before = 'xuncha_desktop.ui.main_window' in sys.modules\n"
        "        self.show()\n"
        "        loop = QEventLoop()\n"
        "        QTimer.singleShot(app.PRELOAD_AFTER_MS + 3000, loop.quit)\n"
        "        loop.exec()\n"
        "        print('shown without the window:', before, 'loaded while waiting:',\n"
        "              'xuncha_desktop.ui.main_window' in sys.modules, flush=True)\n"
        "        return login.LoginDialog.DialogCode.Rejected\n"
        "login.LoginDialog = Waiting\n"
        "sys.exit(app.run(Path(sys.argv[1])))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.pop("XUNCHA_PASSPHRASE", None)
    done = subprocess.run([sys.executable, "-c", code, str(path)], env=env, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 1, done.stderr
    assert done.stdout.strip() == "shown without the window: False loaded while waiting: True"
