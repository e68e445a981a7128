"""``xuncha gui --smoke``: the installation self-test opens the window, prints ``painted`` after its first paint
and returns; with a passphrase that does not open the workspace it returns 1 at once instead of waiting at the
login dialog. (The bundle's tests run the same from the built folder: tests/bundle.)"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from xuncha_desktop import __version__
from xuncha_desktop.ui import app
from xuncha_desktop.workspace import Workspace


def test_smoke_paints_the_main_window_and_returns(qtbot: QtBot, workspace: Workspace,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = workspace.path
    workspace.close()
    assert app.run(path, "zh", PASSPHRASE, smoke=True) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "painted"
    assert lines[-2].startswith(f"about: {__version__}, source, ") and int(lines[-2].split()[-2]) >= 15
    # the workspace was closed on the way out: it opens again in this process
    Workspace.open(path, PASSPHRASE).close()


def test_smoke_with_a_wrong_passphrase_says_so_and_does_not_wait(qtbot: QtBot, workspace: Workspace,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    path = workspace.path
    workspace.close()
    assert app.run(path, "zh", "not the passphrase", smoke=True) == 1
    captured = capsys.readouterr()
    assert "painted" not in captured.out and "did not open" in captured.err
