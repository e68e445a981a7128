"""A process killed while it writes decrypted evidence out leaves plaintext beside the target (nothing can
run after SIGKILL); the next start of the program removes it, and only it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.services.evidence import service as evidence_service
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.workspace import Workspace


def _wait_for(found: object, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not found():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError("the child never reached the point to kill it at")
        time.sleep(0.01)


@pytest.mark.slow
def test_a_killed_extract_leaves_nothing_after_the_next_start(tmp_path: Path) -> None:
    path = tmp_path / "ws"
    with Workspace.create(path, "笔记本", PASSPHRASE, kdf=KdfParams.cheap()) as ws, ws.transaction() as s:
        unit = KINDS["unit"].create(s, {"name": "娄底市水利局"})
        video = tmp_path / "谈话录像.bin"
        with video.open("wb") as out:
            for _ in range(160):
                out.write(os.urandom(1 << 20))
        record = evidence_service.add_file(s, ws.evidence, video, {"title": "录像", "unit_id": str(unit.id)}, [])
        record_id = str(record.id)
    outside = tmp_path / "导出"
    outside.mkdir()
    target = outside / "录像.bin"
    env = {**os.environ, "XUNCHA_PASSPHRASE": PASSPHRASE}
    child = subprocess.Popen([sys.executable, "-m", "xuncha_desktop", "evidence", "extract", record_id,
                              "--out", str(target), "--workspace", str(path)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # The moment to kill: some plaintext already written beside the target.
        _wait_for(lambda: any(p.stat().st_size > (8 << 20) for p in outside.glob(".*.part")))
    finally:
        child.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: the child runs no code of its own after
        child.wait()
    left = list(outside.glob(".*.part"))
    assert left and not target.exists()  # what SIGKILL leaves: decrypted content beside the target
    unrelated = outside / ".别人的文件.part"
    unrelated.write_bytes(b"not ours")
    with Workspace.open(path, PASSPHRASE):
        pass
    assert list(outside.glob(".*.part")) == [unrelated]  # ours removed; a file no note names is untouched
    assert not target.exists()
    assert not any((path / "evidence" / "tmp" / "extracts").iterdir())
