"""The controllers' tests run without Qt: no QApplication, no settings (the window tests' autouse fixture,
which makes both, is replaced here by one that does nothing)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.workspace import Workspace


@pytest.fixture(autouse=True)
def private_settings() -> Iterator[None]:
    yield


@pytest.fixture
def controller(workspace: Workspace) -> Controller:
    return Controller(workspace, "zh")
