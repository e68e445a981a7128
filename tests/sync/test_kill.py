"""An import killed at random points leaves the workspace untouched or fully imported, and verified."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.sync.helpers import digest, make, send, trust_all
from xuncha_desktop.services.evidence import service as evidence_service
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.services.verify import verify
from xuncha_desktop.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]


def _import(workspace: Path, package: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "XUNCHA_PASSPHRASE": PASSPHRASE, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "xuncha_desktop", "--workspace", str(workspace), "sync",
                             "import", str(package)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _state(path: Path) -> tuple[str, bool, list[str]]:
    with Workspace.open(path, PASSPHRASE) as ws:
        with ws.transaction() as s:
            report = verify(s, ws.evidence)
        return digest(ws), report.ok, report.problems


@pytest.mark.slow
def test_killed_imports(tmp_path: Path) -> None:
    a, b = make(tmp_path / "a", "笔记本A"), make(tmp_path / "b", "办公室")
    trust_all([a, b])
    with a.transaction() as s:
        for number in range(1500):
            KINDS["unit"].create(s, {"name": f"单位{number}", "notes": "巡察发现的问题说明。" * 20})
    for number in range(3):
        source = tmp_path / f"scan{number}.bin"
        source.write_bytes(os.urandom(3 << 20))
        with a.transaction() as s:
            evidence_service.add_file(s, a.evidence, source, {"title": f"扫描件{number}"}, [])
    package = send(a, b, tmp_path)
    a.close()
    b.close()
    template = tmp_path / "b"
    before, ok, _ = _state(template)
    assert ok

    full = tmp_path / "full"
    shutil.copytree(template, full)
    started = time.monotonic()
    process = _import(full, package)
    assert process.wait(120) == 0, process.stderr.read() if process.stderr else ""
    duration = time.monotonic() - started
    after, ok, _ = _state(full)
    assert ok and after != before

    rng = random.Random(4)
    outcomes = set()
    for attempt in range(4):
        target = tmp_path / f"kill{attempt}"
        shutil.copytree(template, target)
        process = _import(target, package)
        time.sleep(rng.uniform(0.2, duration * 1.05))
        process.send_signal(signal.SIGKILL)
        process.wait(30)
        state, ok, problems = _state(target)
        assert ok, problems
        assert state in (before, after)
        outcomes.add(state == after)
        # Whatever happened, importing again completes the work.
        assert _import(target, package).wait(120) == 0
        assert _state(target)[0] == after
    assert outcomes  # at least one run was observed (usually both outcomes)
