"""cli/gui.py: the window command without a screen."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from xuncha_desktop.cli import main


def test_the_window_without_a_screen_is_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")  # where Qt would abort the process instead
    code = main(["gui", "--workspace", str(tmp_path / "ws")])
    err = capsys.readouterr().err
    assert code == 1 and "DISPLAY" in err and "图形界面" in err
