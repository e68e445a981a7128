"""cli/__init__.py and __main__.py: ``python -m xuncha_desktop`` is the ``xuncha`` command, exit codes included."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE


def test_the_installed_command_runs_as_a_module(tmp_path: Path) -> None:
    env = {**os.environ, "XUNCHA_PASSPHRASE": PASSPHRASE, "XUNCHA_WORKSPACE": str(tmp_path / "ws")}
    made = subprocess.run([sys.executable, "-m", "xuncha_desktop", "init", "--device-name", "笔记本9"],
                          env=env, capture_output=True, text=True, encoding="utf-8", check=False)
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["device_name"] == "笔记本9"
    again = subprocess.run([sys.executable, "-m", "xuncha_desktop", "init", "--device-name", "x"],
                           env=env, capture_output=True, text=True, encoding="utf-8", check=False)
    assert again.returncode == 1 and "已经存在" in again.stderr
    usage = subprocess.run([sys.executable, "-m", "xuncha_desktop", "records", "add"], env=env,
                           capture_output=True, text=True, encoding="utf-8", check=False)
    assert usage.returncode == 2


def test_version_answers_without_a_workspace(capsys: pytest.CaptureFixture[str]) -> None:
    from xuncha_desktop import __version__
    from xuncha_desktop.cli import main

    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"xuncha-desktop {__version__}"
