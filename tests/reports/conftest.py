"""Module-wide workspaces for the document tests (building one costs a second; the demo ~45 s)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.reports.helpers import build_small, make_workspace
from xuncha_desktop.workspace import Workspace


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, dict[str, Any], Path]]:
    folder = tmp_path_factory.mktemp("reports")
    ws = make_workspace(folder / "ws")
    ids = build_small(ws, problems_per_unit=60)
    yield ws, ids, folder
    ws.close()
