"""The pair most sync tests start from: two laptops' workspaces that trust each other."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.sync.helpers import make, trust_all
from xuncha_desktop.workspace import Workspace

Pair = tuple[Workspace, Workspace]


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    a, b = make(tmp_path / "a", "笔记本A"), make(tmp_path / "b", "笔记本B")
    trust_all([a, b])
    yield a, b
    a.close()
    b.close()
