"""A process killed in the middle of a write leaves the workspace as before or fully written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.services.verify import verify
from xuncha_desktop.workspace import Workspace


def _kill_at(marker: Path, child: subprocess.Popen[bytes], timeout: float = 120) -> None:
    """Kills ``child`` once it has written ``marker``; fails if it ends or times out first."""
    deadline = time.monotonic() + timeout
    try:
        while not marker.exists():
            assert child.poll() is None, f"the child ended (code {child.returncode}) before the moment"
            assert time.monotonic() < deadline, "the child never reached the moment"
            time.sleep(0.02)
        assert child.poll() is None, "the child must still be inside the write when it is killed"
    finally:
        child.kill()
        child.wait()


# Mid-batch, 6,000 flushed rows overflow SQLite's page cache, so uncommitted pages are in the WAL when the
# kill comes: the case where recovery has to ignore them. After the commit, a small batch is enough.
@pytest.mark.parametrize(("moment", "rows", "stop_after", "kept"), [
    pytest.param("mid-batch", 9000, 6000, 0, marks=pytest.mark.slow),
    ("committed", 1000, 1000, 1000),
])
def test_killed_batch_is_all_or_nothing(workspace: Workspace, tmp_path: Path, moment: str, rows: int,
                                        stop_after: int, kept: int) -> None:
    with workspace.transaction() as s:
        KINDS["unit"].create(s, {"name": "娄底市档案馆"})
    path = workspace.path
    workspace.close()
    batch = tmp_path / "units.json"
    batch.write_text(json.dumps([{"name": f"乡镇单位{n:05d}"} for n in range(rows)], ensure_ascii=False),
                     encoding="utf-8")
    marker = tmp_path / "reached"
    env = {**os.environ, "XUNCHA_PASSPHRASE": PASSPHRASE}
    child = subprocess.Popen([sys.executable, "-m", "tests.killed_child", str(marker), moment, str(stop_after),
                              "--", "--workspace", str(path), "records", "add", "unit", "--file", str(batch)],
                             env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _kill_at(marker, child)
    wal = path / "xuncha.db-wal"
    if moment == "mid-batch":
        assert wal.exists() and wal.stat().st_size > 0, "no uncommitted page reached the WAL: a weaker test"
    with Workspace.open(path, PASSPHRASE) as again, again.transaction() as s:
        assert KINDS["unit"].count(s) == 1 + kept
        report = verify(s, again.evidence)
        assert report.ok, report.problems
        KINDS["unit"].create(s, {"name": "娄底市地方志编纂室"})  # and the workspace still takes writes
