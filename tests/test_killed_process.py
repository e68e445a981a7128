"""A process killed in the middle of a write leaves the workspace as before or fully written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import PASSPHRASE
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.services.verify import verify
from xuncha_desktop.workspace import Workspace


def test_killed_batch_is_all_or_nothing(workspace: Workspace, tmp_path: Path) -> None:
    with workspace.transaction() as s:
        KINDS["unit"].create(s, {"name": "娄底市档案馆"})
    path = workspace.path
    workspace.close()
    batch = tmp_path / "units.json"
    batch.write_text(json.dumps([{"name": f"乡镇单位{n:05d}"} for n in range(8000)], ensure_ascii=False),
                     encoding="utf-8")
    env = {**os.environ, "XUNCHA_PASSPHRASE": PASSPHRASE}
    child = subprocess.Popen([sys.executable, "-m", "xuncha_desktop", "--workspace", str(path), "records", "add",
                              "unit", "--file", str(batch)], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    time.sleep(2.5)  # well into the batch: it takes several seconds
    killed = child.poll() is None
    child.kill()
    child.wait()
    with Workspace.open(path, PASSPHRASE) as again, again.transaction() as s:
        count = KINDS["unit"].count(s)
        assert count in (1, 8001)
        if killed:
            assert count == 1, "the kill came before the commit, yet rows were kept"
        report = verify(s, again.evidence)
        assert report.ok, report.problems
        KINDS["unit"].create(s, {"name": "娄底市地方志编纂室"})  # and the workspace still takes writes
