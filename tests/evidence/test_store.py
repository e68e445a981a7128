"""evidence/store.py: files stored once under a name keyed by their SHA-256, streamed in bounded pieces, every
kind of damage found, and nothing left behind by a cancel, a full disk or a failed read."""

from __future__ import annotations

import errno
import hashlib
import hmac
import io
import os
from pathlib import Path
from typing import Any, BinaryIO, cast

import pyrage
import pytest

from xuncha_desktop.errors import Cancelled, XunchaError
from xuncha_desktop.evidence.store import EvidenceStore
from xuncha_desktop.security import agefile

MiB = 1 << 20
NAMES_KEY = bytes(range(32))


@pytest.fixture
def identity() -> pyrage.x25519.Identity:
    return pyrage.x25519.Identity.generate()


@pytest.fixture
def store(tmp_path: Path, identity: pyrage.x25519.Identity) -> EvidenceStore:
    return EvidenceStore(tmp_path / "evidence", identity, NAMES_KEY)


def _leftovers(store: EvidenceStore) -> list[Path]:
    return sorted((store.root / "tmp").iterdir())


class _Source(io.RawIOBase):
    """Hands out ``size`` bytes and records how much each read asked for."""

    def __init__(self, size: int) -> None:
        self._data = io.BytesIO(os.urandom(size))
        self.asked: list[int] = []

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        self.asked.append(-1 if size is None else size)
        return self._data.read(size)

    def content(self) -> bytes:
        return self._data.getvalue()


def test_a_file_is_stored_encrypted_under_a_name_keyed_by_its_hash(store: EvidenceStore, tmp_path: Path,
                                                                    identity: pyrage.x25519.Identity) -> None:
    original = tmp_path / "谈话录音.bin"
    original.write_bytes(os.urandom(3 * MiB + 17))
    sha256, size = store.put_file(original)
    assert sha256 == hashlib.sha256(original.read_bytes()).hexdigest() and size == original.stat().st_size
    stored = store.path_of(sha256)
    name = hmac.new(NAMES_KEY, bytes.fromhex(sha256), hashlib.sha256).hexdigest()
    assert store.name_of(sha256) == name and name != sha256
    # the folder is the name's first byte with the top bit flipped (never where an SHA-256-named file was)
    assert stored == store.root / f"{int(name[:2], 16) ^ 0x80:02x}" / f"{name}.age" and store.has(sha256)
    assert not any(sha256 in str(p) for p in store.root.rglob("*"))
    # an ordinary age file for the workspace's key (rage reads it), with no plaintext in it
    assert pyrage.decrypt(stored.read_bytes(), [identity]) == original.read_bytes()
    assert original.read_bytes()[:4096] not in stored.read_bytes()
    out = tmp_path / "back.bin"
    store.extract(sha256, out)
    assert out.read_bytes() == original.read_bytes()
    assert store.read_bytes(sha256) == original.read_bytes() and store.verify(sha256)
    assert list(store) == [name] and store.verify_name(name) == sha256 and _leftovers(store) == []


def test_storing_streams_in_bounded_reads_with_progress(store: EvidenceStore) -> None:
    source = _Source(5 * MiB + 1)
    seen: list[tuple[int, int]] = []
    sha256, size = store.put_stream(cast(BinaryIO, source), 5 * MiB + 1,
                                    progress=lambda done, total: seen.append((done, total)))
    # never the whole file at once: memory stays flat however big the evidence
    assert -1 not in source.asked and max(source.asked) <= MiB and len(source.asked) > 5
    assert [done for done, _ in seen] == sorted({done for done, _ in seen}) and seen[-1] == (size, size)
    assert sha256 == hashlib.sha256(source.content()).hexdigest()


def test_the_same_content_is_stored_once(store: EvidenceStore, tmp_path: Path) -> None:
    first, second = tmp_path / "原件.pdf", tmp_path / "复印件.pdf"
    first.write_bytes(b"%PDF-1.4 same" * 1000)
    second.write_bytes(first.read_bytes())
    one = store.put_file(first)
    stored = store.path_of(one[0]).read_bytes()
    assert store.put_file(second) == one
    assert list(store) == [store.name_of(one[0])] and store.path_of(one[0]).read_bytes() == stored  # not rewritten
    assert _leftovers(store) == []


def test_cancelling_leaves_nothing(store: EvidenceStore) -> None:
    source = _Source(6 * MiB)
    seen: list[int] = []
    with pytest.raises(Cancelled):
        store.put_stream(cast(BinaryIO, source), 6 * MiB, progress=lambda done, _total: seen.append(done),
                         cancelled=lambda: len(seen) >= 2)
    assert seen == [MiB, 2 * MiB]  # stopped at the next read after the flag went up
    assert list(store) == [] and _leftovers(store) == []


def test_a_full_disk_leaves_nothing(store: EvidenceStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_space(source: Any, sink: Any, recipients: object) -> None:
        sink.write(source.read(4096))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(agefile, "encrypt_stream", no_space)
    original = tmp_path / "big.bin"
    original.write_bytes(b"x" * 10_000)
    with pytest.raises(XunchaError) as caught:
        store.put_file(original)
    assert caught.value.key == "disk_full"
    assert list(store) == [] and _leftovers(store) == []


def test_a_missing_source_file_is_named(store: EvidenceStore, tmp_path: Path) -> None:
    with pytest.raises(XunchaError) as caught:
        store.put_file(tmp_path / "nothing.pdf")
    assert caught.value.key == "file_missing" and "nothing.pdf" in str(caught.value)


def _stored(store: EvidenceStore, tmp_path: Path, size: int = 200_000) -> tuple[str, bytes]:
    original = tmp_path / "scan.bin"
    original.write_bytes(os.urandom(size))
    return store.put_file(original)[0], original.read_bytes()


@pytest.mark.parametrize("where", ["header", "payload", "end"])
def test_damage_is_found_and_extract_leaves_nothing(store: EvidenceStore, tmp_path: Path, where: str) -> None:
    sha256, _ = _stored(store, tmp_path)
    path = store.path_of(sha256)
    data = bytearray(path.read_bytes())
    if where == "end":
        del data[-100:]  # a cut file: the final chunk is gone
    else:
        data[40 if where == "header" else len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    assert not store.verify(sha256) and store.verify_name(store.name_of(sha256)) is None
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    with pytest.raises(XunchaError) as caught:
        store.extract(sha256, out_dir / "back.bin")
    assert caught.value.key == "evidence_damaged" and sha256 in str(caught.value)
    assert list(out_dir.iterdir()) == []  # neither the target nor a part file
    with pytest.raises(XunchaError):
        store.read_bytes(sha256)


def test_a_file_under_another_name_is_found_out(store: EvidenceStore, tmp_path: Path) -> None:
    """A valid age file of other content, put under this name: it decrypts, but not to its hash."""
    sha256, _ = _stored(store, tmp_path)
    (tmp_path / "other.bin").write_bytes(b"other content")
    other, _ = store.put_file(tmp_path / "other.bin")
    store.path_of(other).replace(store.path_of(sha256))
    assert not store.verify(sha256) and store.verify_name(store.name_of(sha256)) is None
    with pytest.raises(XunchaError) as caught:
        store.extract(sha256, tmp_path / "back.bin")
    assert caught.value.key == "evidence_damaged" and not (tmp_path / "back.bin").exists()


def test_a_missing_stored_file_is_named(store: EvidenceStore, tmp_path: Path) -> None:
    absent = "ab" * 32
    assert not store.verify(absent) and not store.has(absent)
    with pytest.raises(XunchaError) as caught:
        store.extract(absent, tmp_path / "back.bin")
    assert caught.value.key == "evidence_missing_blob"
    with pytest.raises(ValueError):
        store.path_of("../../etc/passwd")


def test_a_rewrapped_file_opens_with_the_other_key_only(store: EvidenceStore, tmp_path: Path,
                                                         identity: pyrage.x25519.Identity) -> None:
    sha256, content = _stored(store, tmp_path, size=3 * agefile.CHUNK + 5)
    other = pyrage.x25519.Identity.generate()
    sink = io.BytesIO()
    store.write_rewrapped(sha256, agefile.recipient_key(str(other.to_public())), sink)
    assert len(sink.getvalue()) == store.rewrapped_size(sha256)
    assert pyrage.decrypt(sink.getvalue(), [other]) == content
    with pytest.raises(pyrage.DecryptError):
        pyrage.decrypt(sink.getvalue(), [identity])
    # the payload is the stored one, carried as it is: only the header differs
    stored = store.path_of(sha256).read_bytes()
    assert sink.getvalue().endswith(stored[len(stored) - (3 * (agefile.CHUNK + agefile.TAG) + 5 + agefile.TAG):])


def test_rewrapping_a_damaged_file_says_so(store: EvidenceStore, tmp_path: Path) -> None:
    sha256, _ = _stored(store, tmp_path)
    path = store.path_of(sha256)
    data = bytearray(path.read_bytes())
    data[-50] ^= 0x01
    path.write_bytes(bytes(data))
    with pytest.raises(XunchaError) as caught:
        store.write_rewrapped(sha256, agefile.recipient_key(str(pyrage.x25519.Identity.generate().to_public())),
                              io.BytesIO())
    assert caught.value.key == "evidence_damaged"


def test_parts_left_by_a_killed_process_are_cleaned(store: EvidenceStore, tmp_path: Path) -> None:
    sha256, _ = _stored(store, tmp_path)
    (store.root / "tmp" / "tmpabc.part").write_bytes(b"half a file")
    store.clean_temporary()
    assert _leftovers(store) == [] and list(store) == [store.name_of(sha256)]
