"""The command-line tests' runner: ``main`` called in-process on the test workspace, JSON out parsed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSPHRASE
from xuncha_desktop.cli import main
from xuncha_desktop.workspace import Workspace


class Cli:
    def __init__(self, path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.path = path
        self.capsys = capsys

    def __call__(self, *args: str) -> tuple[int, Any, str]:
        self.capsys.readouterr()
        code = main(["--workspace", str(self.path), *args])
        out, err = self.capsys.readouterr()
        return code, (json.loads(out) if out.strip() and code == 0 else out), err


@pytest.fixture
def cli(workspace: Workspace, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setenv("XUNCHA_PASSPHRASE", PASSPHRASE)
    workspace.close()
    return Cli(workspace.path, capsys)
