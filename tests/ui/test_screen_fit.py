"""Windows fit a 1366×768 laptop: the main window's first start opens maximised there (it was 1280×800, its
status bar below the screen), and forms and the evidence viewer are no taller than the screen. Runs in a
process of its own whose (offscreen) screen is 1366×768, and on a 1920×1080 one for comparison."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

CHILD = r'''
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
from tests.conftest import PASSPHRASE, _frame
from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.ui.main_window import MainWindow
from xuncha_desktop.workspace import Workspace

ws = Workspace.create(Path(sys.argv[1]), "笔记本", PASSPHRASE, kdf=KdfParams.cheap())
with ws.transaction() as s:
    ids = _frame(s, KINDS)
window = MainWindow(Controller(ws, "zh"), offer_drafts=False)
window.show()
app.processEvents()
area = window.screen().availableGeometry()
seen = {"screen": [area.width(), area.height()], "maximised": window.isMaximized(),
        "window": [window.frameGeometry().width(), window.frameGeometry().height()]}
for kind in ("problem", "interview"):
    editor = window.new_record(kind, {"unit_id": ids["unit"]})
    app.processEvents()
    seen[kind] = [editor.frameGeometry().width(), editor.frameGeometry().height()]
    editor.close()
window.close()
ws.close()
print(json.dumps(seen))
'''


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1920, 1080)])
def test_windows_fit_the_screen(tmp_path: Path, width: int, height: int) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": width,
                                               "height": height, "logicalDpi": 96, "logicalBaseDpi": 96,
                                               "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "ws"), str(tmp_path / "settings")],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["screen"] == [width, height]
    assert seen["maximised"] is (height < 900)
    for name in ("window", "problem", "interview"):
        assert seen[name][0] <= width and seen[name][1] <= height, (name, seen[name])
