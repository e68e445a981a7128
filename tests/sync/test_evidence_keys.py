"""Evidence between devices: the receiver re-encrypts every file under a key of its own making and stores it
under its own keyed name, after checking the plaintext's SHA-256; a file that is not what its name says is
refused with nothing stored."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from tests.sync.conftest import Pair
from tests.sync.helpers import make, send, store_files, trust_all
from tests.sync.test_hostile import _craft, _empty_logs, _refused
from xuncha_desktop.security import agefile
from xuncha_desktop.services import sync as sync_service
from xuncha_desktop.services.evidence import service as evidence_service
from xuncha_desktop.services.verify import verify


def _payload(path: Path) -> bytes:
    """An age file's payload: its nonce and chunks, after the header."""
    data = path.read_bytes()
    end = data.index(b"\n", data.index(b"\n---")+ 1) + 1
    return data[end:]


def test_the_receiver_stores_its_own_ciphertext_under_its_own_name(pair: Pair, tmp_path: Path) -> None:
    a, b = pair
    source = tmp_path / "录音.m4a"
    source.write_bytes(os.urandom(3 * agefile.CHUNK + 1234))  # several chunks
    with a.transaction() as s:
        record = evidence_service.add_file(s, a.evidence, source, {"title": "谈话录音"}, [])
        record_id, sha256 = record.id, str(record.sha256)
    summary = sync_service.import_(b, send(a, b, tmp_path))
    assert summary.evidence_files_added == 1
    sent, received = a.evidence.path_of(sha256), b.evidence.path_of(sha256)
    # Names: keyed per workspace, neither is the SHA-256.
    assert sent.name != received.name and sha256 not in str(sent) + str(received)
    assert {p.name for p in a.evidence.root.rglob("*.age")} == {sent.name}
    assert {p.name for p in b.evidence.root.rglob("*.age")} == {received.name}
    # Ciphertext: a new file key and nonce at the receiver, not the sender's payload under a new header.
    mine, theirs = _payload(sent), _payload(received)
    assert len(mine) == len(theirs) and mine[:16] != theirs[:16]
    assert not any(mine[i:i + 64] in theirs for i in range(0, len(mine) - 64, agefile.CHUNK))
    # The database keeps the plaintext's SHA-256; extract and verify work at the receiver.
    with b.transaction() as s:
        assert evidence_service.get(s, record_id).sha256 == sha256
        out = tmp_path / "回来的录音.m4a"
        evidence_service.extract(s, b.evidence, record_id, out)
        assert out.read_bytes() == source.read_bytes()
        assert evidence_service.verify_file(s, b.evidence, record_id) and verify(s, b.evidence).ok
    # A second package with the same file stores nothing again (the file is already there).
    before = store_files(b)
    again = sync_service.import_(b, send(a, b, tmp_path, everything=True))
    assert again.evidence_files_added == 0 and again.evidence_files_present == 1 and store_files(b) == before


def test_the_same_file_from_two_senders_is_stored_once(tmp_path: Path) -> None:
    a, b, c = make(tmp_path / "a", "笔记本A"), make(tmp_path / "b", "办公室"), make(tmp_path / "c", "笔记本C")
    try:
        trust_all([a, b, c])
        source = tmp_path / "台账.xlsx"
        source.write_bytes(os.urandom(100_000))
        for ws in (a, c):
            with ws.transaction() as s:
                evidence_service.add_file(s, ws.evidence, source, {"title": "办证台账"}, [])
        sync_service.import_(b, send(a, b, tmp_path))
        stored = store_files(b)
        summary = sync_service.import_(b, send(c, b, tmp_path))
        assert summary.evidence_files_present == 1 and store_files(b) == stored
        names = {p.name for ws in (a, b, c) for p in ws.evidence.root.rglob("*.age")}
        assert len(names) == 3  # one file, three workspaces, three names
    finally:
        for ws in (a, b, c):
            ws.close()


def test_evidence_that_is_not_what_its_hash_says_is_refused_with_nothing_stored(pair: Pair,
                                                                                 tmp_path: Path) -> None:
    """A trusted sender's package whose evidence member decrypts well (many chunks of it re-encrypted into
    staging before the end) but to other content than its name and the manifest claim."""
    a, b = pair
    content = os.urandom(5 * agefile.CHUNK)
    claimed = hashlib.sha256(b"what the manifest promises").hexdigest()
    listed = [{"name": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest(), "unpacked": 0}
              for n, d, _t, _c in _empty_logs()]
    listed.append({"name": f"blobs/{claimed}", "size": None, "sha256": claimed})
    crafted = _craft(a, b, tmp_path, [*_empty_logs(), (f"blobs/{claimed}", content, b"0", None)], listed=listed)
    files = store_files(b)
    _refused(b, crafted, "package_member_hash")
    assert store_files(b) == files and list((b.evidence.root / "tmp").iterdir()) == []
    assert not b.evidence.has(claimed) and not b.evidence.has(hashlib.sha256(content).hexdigest())
    # The same content under its true name is accepted and stored re-encrypted.
    true = hashlib.sha256(content).hexdigest()
    sync_service.import_(b, _craft(a, b, tmp_path, [*_empty_logs(), (f"blobs/{true}", content, b"0", None)]))
    assert b.evidence.read_bytes(true) == content
