"""Keyed evidence names: a store's file names are not the SHA-256 of their content and differ between workspaces;
a store written before names were keyed is renamed when it is opened, and a process killed between two renames
leaves a store that opens and finishes the job the next time."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pyrage
import pytest

from tests.conftest import PASSPHRASE
from xuncha_desktop.evidence.store import EvidenceStore
from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.services.evidence import service as evidence_service
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.services.verify import verify
from xuncha_desktop.workspace import Workspace


class _Stop(BaseException):
    """What a process dying between two renames looks like to the code after them: nothing more runs."""


def _old_layout(store: EvidenceStore, shas: list[str]) -> list[Path]:
    """Moves each file back where a store from before keyed names kept it: ``<sha[:2]>/<sha>.age``."""
    old = []
    for sha256 in shas:
        path = store.root / sha256[:2] / f"{sha256}.age"
        path.parent.mkdir(exist_ok=True)
        store.path_of(sha256).replace(path)
        old.append(path)
    return old


def _files(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*.age")}


def _contents(tmp_path: Path, count: int) -> list[tuple[Path, bytes]]:
    made = []
    for number in range(count):
        path = tmp_path / f"材料{number}.bin"
        path.write_bytes(os.urandom(50_000 + number))
        made.append((path, path.read_bytes()))
    return made


def test_names_are_keyed_and_differ_between_stores(tmp_path: Path) -> None:
    identity = pyrage.x25519.Identity.generate()
    first = EvidenceStore(tmp_path / "one", identity, os.urandom(32))
    second = EvidenceStore(tmp_path / "two", identity, os.urandom(32))
    source = tmp_path / "同一份材料.pdf"
    source.write_bytes(b"%PDF-1.4 " + os.urandom(10_000))
    sha256 = hashlib.sha256(source.read_bytes()).hexdigest()
    assert first.put_file(source)[0] == second.put_file(source)[0] == sha256
    one, two = _files(first.root), _files(second.root)
    assert len(one) == len(two) == 1 and one != two
    assert not any(sha256 in name or sha256[:16] in name for name in one | two)
    # Knowing the content (its hash) and the name does not tell one store's file from the other's.
    assert list(first) != list(second) and first.name_of(sha256) not in set(second)
    assert first.read_bytes(sha256) == second.read_bytes(sha256) == source.read_bytes()
    with pytest.raises(ValueError):
        EvidenceStore(tmp_path / "three", identity, b"short")


def test_an_old_store_is_renamed_once_and_still_reads(tmp_path: Path) -> None:
    identity, key = pyrage.x25519.Identity.generate(), os.urandom(32)
    store = EvidenceStore(tmp_path / "evidence", identity, key)
    made = _contents(tmp_path, 4)
    shas = [store.put_file(path)[0] for path, _content in made]
    keyed = _files(store.root)
    old = _old_layout(store, shas)
    assert {str(p.relative_to(store.root)) for p in old} == _files(store.root) != keyed
    assert not any(store.has(sha256) for sha256 in shas)  # as an old store looks to this program

    reopened = EvidenceStore(store.root, identity, key)
    assert _files(store.root) == keyed and not any(p.exists() for p in old)
    for sha256, (_path, content) in zip(shas, made, strict=True):
        assert reopened.read_bytes(sha256) == content and reopened.verify(sha256)
        out = tmp_path / f"out-{sha256[:6]}.bin"
        reopened.extract(sha256, out)
        assert out.read_bytes() == content
    assert sorted(reopened.verify_name(name) or "" for name in reopened) == sorted(shas)
    # Idempotent: a second open finds nothing to rename and changes nothing.
    before = {p: p.read_bytes() for p in store.root.rglob("*.age")}
    assert reopened.key_names() == 0
    assert {p: p.read_bytes() for p in store.root.rglob("*.age")} == before


@pytest.mark.parametrize("stop_after", [0, 1, 2, 3])
def test_renaming_stopped_anywhere_is_finished_by_the_next_open(tmp_path: Path, stop_after: int) -> None:
    identity, key = pyrage.x25519.Identity.generate(), os.urandom(32)
    store = EvidenceStore(tmp_path / "evidence", identity, key)
    made = _contents(tmp_path, 4)
    shas = [store.put_file(path)[0] for path, _content in made]
    keyed = _files(store.root)
    _old_layout(store, shas)
    done: list[Path] = []

    def stop(target: Path) -> None:
        done.append(target)
        if len(done) > stop_after:
            raise _Stop()

    with pytest.raises(_Stop):
        store.key_names(renamed=stop)
    assert len(done) == stop_after + 1  # this many files renamed, the others still in the old place
    assert len(_files(store.root) & keyed) == stop_after + 1
    reopened = EvidenceStore(store.root, identity, key)
    assert _files(store.root) == keyed
    assert all(reopened.read_bytes(sha256) == content for sha256, (_p, content) in zip(shas, made, strict=True))


_CHILD = """
import os, sys, time
from pathlib import Path
marker = Path(sys.argv[1])
real = os.replace
def replace(src, dst, *args, **kwargs):
    real(src, dst, *args, **kwargs)
    if str(src).endswith(".age"):  # an evidence file renamed: die here, before the next one
        marker.write_text("renamed", encoding="utf-8")
        time.sleep(600)
os.replace = replace
from xuncha_desktop.workspace import Workspace
Workspace.open(Path(sys.argv[2]), os.environ["XUNCHA_PASSPHRASE"])
"""


@pytest.mark.slow
def test_a_process_killed_between_two_renames_leaves_a_store_that_opens(tmp_path: Path) -> None:
    path = tmp_path / "ws"
    made = _contents(tmp_path, 3)
    with Workspace.create(path, "笔记本", PASSPHRASE, kdf=KdfParams.cheap()) as ws, ws.transaction() as s:
        unit = KINDS["unit"].create(s, {"name": "娄底市水利局"})
        records = [evidence_service.add_file(s, ws.evidence, p, {"title": p.stem, "unit_id": str(unit.id)}, [])
                   for p, _content in made]
        ids = [str(r.id) for r in records]
        shas = [str(r.sha256) for r in records]
        keyed = _files(ws.evidence.root)
        _old_layout(ws.evidence, shas)
    marker = tmp_path / "renamed"
    env = {**os.environ, "XUNCHA_PASSPHRASE": PASSPHRASE}
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(marker), str(path)], env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert child.poll() is None and time.monotonic() < deadline, "the child never renamed a file"
            time.sleep(0.01)
    finally:
        child.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: nothing of the child runs after it
        child.wait()
    assert len(_files(path / "evidence") & keyed) == 1  # killed after one rename, two files still old
    with Workspace.open(path, PASSPHRASE) as ws:
        assert _files(ws.evidence.root) == keyed
        with ws.transaction() as s:
            assert verify(s, ws.evidence).ok
            for record_id, (_p, content) in zip(ids, made, strict=True):
                out = tmp_path / f"{record_id}.bin"
                evidence_service.extract(s, ws.evidence, record_id, out)
                assert out.read_bytes() == content
