"""Hostile and damaged packages: each refused with its own message, and nothing changes."""

from __future__ import annotations

import hashlib
import io
import json
import os
import threading
import uuid
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyrage
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.conftest import _frame
from tests.sync.helpers import digest, make, send, store_files, trust_all
from xuncha_desktop.db import migrate
from xuncha_desktop.errors import XunchaError
from xuncha_desktop.security import agefile
from xuncha_desktop.services import sync as sync_service
from xuncha_desktop.services.evidence import service as evidence_service
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.sync import package
from xuncha_desktop.workspace import Workspace


@pytest.fixture(scope="module")
def trio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, Workspace, Workspace, Path]]:
    folder = tmp_path_factory.mktemp("hostile")
    a, b, stranger = make(folder / "a", "笔记本A"), make(folder / "b", "办公室"), make(folder / "c", "陌生设备")
    trust_all([a, b])
    with a.transaction() as s:
        ids = _frame(s, KINDS)
        for number in range(60):  # enough incompressible text for the change log to span several age chunks
            KINDS["unit"].create(s, {"name": f"单位{number}", "notes": os.urandom(1500).hex()})
    scan = folder / "scan.bin"
    scan.write_bytes(os.urandom(300_000))
    with a.transaction() as s:
        evidence_service.add_file(s, a.evidence, scan, {"title": "照片", "unit_id": ids["unit"]}, [])
    yield a, b, stranger, folder
    for ws in (a, b, stranger):
        ws.close()


def _refused(ws: Workspace, path: Path, key: str, **kwargs: Any) -> XunchaError:
    before, files = digest(ws), store_files(ws)
    with pytest.raises(XunchaError) as caught:
        sync_service.import_(ws, path, **kwargs)
    assert caught.value.key == key, caught.value
    assert caught.value.text("zh") and caught.value.text("en")
    assert digest(ws) == before and store_files(ws) == files
    return caught.value


def _plain(ws: Workspace, path: Path) -> tuple[bytes, bytes]:
    """(outer header + age header, decrypted tar) of a recipient package for ``ws``."""
    raw = path.read_bytes()
    body = raw[len(package.MAGIC) + 2:]
    return raw[:len(package.MAGIC) + 2], agefile.AgeReader(io.BytesIO(body), [ws.evidence.identity]).read()


def _members(tar: bytes) -> list[tuple[str, int, int]]:
    """(name, data offset, size) of each member."""
    found, offset = [], 0
    while True:
        member = package.parse_tar_header(tar[offset:offset + 512])
        if member is None:
            return found
        found.append((member.name, offset + 512, member.size))
        offset += 512 + member.size + (-member.size % 512)


def _craft(ws: Workspace, target: Workspace, folder: Path, members: list[tuple[str, bytes, bytes, int | None]],
           manifest_changes: dict[str, Any] | None = None, key: Ed25519PrivateKey | None = None,
           listed: list[dict[str, Any]] | None = None, version: int = package.FORMAT_VERSION) -> Path:
    """A package with these members (name, data, tar type, claimed size), signed by ``key``.

    From format 2 on, an evidence member's data is given in plaintext and stored as an age file for the
    target (made with pyrage: any age implementation's files are accepted).
    """
    recipient = pyrage.x25519.Recipient.from_str(str(target.public_keys["age_recipient"]))

    encrypted: dict[tuple[str, bytes], bytes] = {}  # a member repeated is repeated byte for byte

    def stored(name: str, data: bytes) -> bytes:
        if version < 2 or not name.startswith("blobs/"):
            return data
        return encrypted.setdefault((name, data), pyrage.encrypt(data, [recipient]))

    as_stored = [stored(name, data) for name, data, _type, _claimed in members]
    entries = listed if listed is not None else [
        {"name": name, "size": claimed if claimed is not None else len(kept),
         "sha256": hashlib.sha256(data).hexdigest(),
         **({"unpacked": 10 * len(data)} if name.endswith(".zz") else {})}
        for (name, data, _type, claimed), kept in zip(members, as_stored, strict=True)]
    members = [(name, kept, typeflag, claimed)
               for (name, _data, typeflag, claimed), kept in zip(members, as_stored, strict=True)]
    sizes = {name: len(kept) for name, kept, _type, _claimed in members}
    entries = [{**entry, "size": sizes[entry["name"]]} if entry["size"] is None else entry for entry in entries]
    manifest = {"format": version, "package_id": str(uuid.uuid4()),
                "device_id": str(ws.info.device_id), "device_name": ws.info.device_name,
                "created_at": "2020-09-15T00:00:00+00:00", "schema": migrate.head_revision(), "to": None,
                "complete": True, "marks": {"changes": {}, "audit": {}}, "contents": {}, "members": entries,
                **(manifest_changes or {})}
    body = json.dumps(manifest).encode()
    signature = (key or ws.signing_key).sign(body)
    tar = io.BytesIO()
    for name, data, typeflag, claimed in [(package.MANIFEST, body, b"0", None),
                                          (package.SIGNATURE, signature, b"0", None), *members]:
        tar.write(package.tar_header(name, claimed if claimed is not None else len(data), typeflag))
        tar.write(data + package.padding(len(data)))
    tar.write(b"\0" * 1024)
    out = folder / f"crafted-{uuid.uuid4()}.xcpkg"
    out.write_bytes(package.MAGIC + bytes([version]) + package.MODE_RECIPIENT
                    + pyrage.encrypt(tar.getvalue(), [recipient]))
    return out


def _empty_logs() -> list[tuple[str, bytes, bytes, int | None]]:
    return [(package.CHANGES, zlib.compress(b""), b"0", None), (package.AUDIT, zlib.compress(b""), b"0", None)]


def test_a_crafted_well_formed_package_is_accepted(trio) -> None:  # type: ignore[no-untyped-def]
    a, b, _stranger, folder = trio
    summary = sync_service.import_(b, _craft(a, b, folder, _empty_logs()))
    assert summary.changes_applied == 0


def test_truncated_files(trio) -> None:  # type: ignore[no-untyped-def]
    a, b, _stranger, folder = trio
    good = send(a, b, folder, everything=True)
    raw = good.read_bytes()
    for cut in (len(raw) - 7, len(raw) // 2, 200, 8):
        short = folder / f"short-{cut}.xcpkg"
        short.write_bytes(raw[:cut])
        _refused(b, short, "package_truncated")


def test_one_flipped_byte_in_every_region(trio) -> None:  # type: ignore[no-untyped-def]
    a, b, _stranger, folder = trio
    good = send(a, b, folder, everything=True)
    raw = good.read_bytes()
    outer, tar = _plain(b, good)
    payload_start = raw.index(b"\n--- ") + 1
    payload_start = raw.index(b"\n", payload_start) + 1 + 16
    chunk = package.AGE_CHUNK

    def flipped(position: int, name: str) -> Path:
        damaged = bytearray(raw)
        damaged[position] ^= 0x01
        path = folder / f"flip-{name}.xcpkg"
        path.write_bytes(bytes(damaged))
        return path

    _refused(b, flipped(0, "magic"), "package_not_package")
    _refused(b, flipped(len(outer) + 5, "age-header"), "package_header_damaged")
    _refused(b, flipped(payload_start - 20, "header-mac"), "package_header_damaged")
    members = {name: (start, size) for name, start, size in _members(tar)}
    blob = next(name for name in members if name.startswith("blobs/"))
    for region in (package.MANIFEST, package.CHANGES, blob):
        start, size = members[region]
        # The first age chunk that starts inside the member: its failure is met while reading that member.
        index = -(-start // chunk) if region != package.MANIFEST else 0
        assert index * chunk < start + size, region
        position = payload_start + index * (chunk + 16) + 100
        error = _refused(b, flipped(position, region.replace("/", "_")), "package_damaged")
        assert error.values["region"] == region


def test_wrong_key_unknown_device_and_resigned_manifest(trio) -> None:  # type: ignore[no-untyped-def]
    a, b, stranger, folder = trio
    _refused(b, send(a, stranger, folder), "package_wrong_key")
    with stranger.transaction() as s:
        sync_service.trust(s, stranger, sync_service.own_keys(b))
    from_stranger = send(stranger, b, folder)
    assert _refused(b, from_stranger, "package_unknown_device").values["name"] == "陌生设备"
    resigned = _craft(a, b, folder, _empty_logs(), key=Ed25519PrivateKey.generate())
    _refused(b, resigned, "package_bad_signature")


@pytest.mark.parametrize(("name", "typeflag", "key"), [
    ("../x", b"0", "package_path_traversal"),
    ("blobs/../../x", b"0", "package_path_traversal"),
    ("/etc/passwd", b"0", "package_path_absolute"),
    ("C:/Windows/evil", b"0", "package_path_absolute"),
    ("blobs/" + "a" * 64, b"2", "package_member_link"),
    ("blobs/" + "b" * 64, b"1", "package_member_link"),
    ("evil.sh", b"0", "package_member_unknown"),
])
def test_member_names_and_types(trio, name: str, typeflag: bytes, key: str) -> None:  # type: ignore[no-untyped-def]
    a, b, _stranger, folder = trio
    members = [*_empty_logs(), (name, b"#!/bin/sh\n", typeflag, None)]
    _refused(b, _craft(a, b, folder, members), key)


def test_duplicate_member(trio) -> None:  # type: ignore[no-untyped-def]
    a, b, _stranger, folder = trio
    data = b"evidence"
    blob = "blobs/" + hashlib.sha256(data).hexdigest()
    members = [*_empty_logs(), (blob, data, b"0", None), (blob, data, b"0", None)]
    _refused(b, _craft(a, b, folder, members), "package_member_duplicate")


def test_a_member_claiming_ten_gigabytes(trio) -> None:  # type: ignore[no-untyped-def]
    a, b, _stranger, folder = trio
    data = b"small"
    blob = "blobs/" + hashlib.sha256(data).hexdigest()
    members = [*_empty_logs(), (blob, data, b"0", 10 * 2**30)]
    _refused(b, _craft(a, b, folder, members), "package_member_too_large")


def test_a_member_whose_size_or_hash_differs_from_the_manifest(trio) -> None:  # type: ignore[no-untyped-def]
    a, b, _stranger, folder = trio
    data = b"evidence"
    blob = "blobs/" + hashlib.sha256(data).hexdigest()
    listed = [{"name": package.CHANGES, "size": len(zlib.compress(b"")), "sha256": "0" * 64, "unpacked": 0}]
    _refused(b, _craft(a, b, folder, _empty_logs()[:1], listed=listed), "package_member_hash")
    listed = [{"name": blob, "size": 3, "sha256": hashlib.sha256(data).hexdigest()}]
    _refused(b, _craft(a, b, folder, [(blob, data, b"0", None)], listed=listed), "package_member_size")
    listed = [{"name": blob, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}]
    _refused(b, _craft(a, b, folder, [], listed=listed), "package_member_missing")


def test_a_compression_bomb(trio) -> None:  # type: ignore[no-untyped-def]
    a, b, _stranger, folder = trio
    bomb = zlib.compress(b"\n" * (300 << 20), 9)  # 300 MB of nothing in ~300 KB
    audit = _empty_logs()[1]
    listed = [{"name": package.CHANGES, "size": len(bomb), "sha256": hashlib.sha256(bomb).hexdigest(),
               "unpacked": 300 << 20},
              {"name": package.AUDIT, "size": len(audit[1]), "sha256": hashlib.sha256(audit[1]).hexdigest(),
               "unpacked": 0}]
    _refused(b, _craft(a, b, folder, [(package.CHANGES, bomb, b"0", None), audit], listed=listed),
             "package_member_bomb")


def test_a_package_without_its_logs(trio) -> None:  # type: ignore[no-untyped-def]
    a, b, _stranger, folder = trio
    _refused(b, _craft(a, b, folder, _empty_logs()[:1]), "package_member_missing")


def test_newer_format_and_schema(trio) -> None:  # type: ignore[no-untyped-def]
    a, b, _stranger, folder = trio
    newer = package.FORMAT_VERSION + 1
    _refused(b, _craft(a, b, folder, _empty_logs(), version=newer), "package_version_unknown")
    _refused(b, _craft(a, b, folder, _empty_logs(), manifest_changes={"format": newer}), "package_version_unknown")
    # The signed manifest must say the version the (unsigned) outer header says.
    _refused(b, _craft(a, b, folder, _empty_logs(), manifest_changes={"format": 1}), "package_version_unknown")


def test_format_1_packages_are_still_read(trio) -> None:  # type: ignore[no-untyped-def]
    """Format 1 carried evidence in plaintext inside the encrypted stream; such packages still import."""
    a, b, _stranger, folder = trio
    data = b"%PDF-1.4 a scan from an older laptop " * 100
    blob = "blobs/" + hashlib.sha256(data).hexdigest()
    summary = sync_service.import_(b, _craft(a, b, folder, [*_empty_logs(), (blob, data, b"0", None)], version=1))
    assert summary.evidence_files_added == 1
    assert b.evidence.read_bytes(hashlib.sha256(data).hexdigest()) == data


def test_an_evidence_member_whose_content_is_not_its_name(trio) -> None:  # type: ignore[no-untyped-def]
    a, b, _stranger, folder = trio
    promised = hashlib.sha256(b"what the manifest promises").hexdigest()
    listed = [{"name": n, "size": len(d), "sha256": hashlib.sha256(d).hexdigest(), "unpacked": 0}
              for n, d, _t, _c in _empty_logs()]
    listed.append({"name": f"blobs/{promised}", "size": None, "sha256": promised})  # size: as stored
    members = [*_empty_logs(), (f"blobs/{promised}", b"something else entirely", b"0", None)]
    # A well-formed age file for B, under the name and hash of other content: found when decrypted.
    crafted = _craft(a, b, folder, members, listed=listed)
    files = store_files(b)
    _refused(b, crafted, "package_member_hash")
    assert store_files(b) == files and list((b.evidence.root / "tmp").iterdir()) == []
    _refused(b, _craft(a, b, folder, _empty_logs(), manifest_changes={"schema": "9999"}), "package_schema_newer")


def test_garbage_inside_a_signed_change_log(trio) -> None:  # type: ignore[no-untyped-def]
    a, b, _stranger, folder = trio
    line = json.dumps({"id": str(uuid.uuid4()), "device_id": str(a.info.device_id), "seq": 10**6,
                       "hlc": "x", "table": "sqlite_master", "record_id": str(uuid.uuid4()), "op": "insert",
                       "fields": {}, "base_hlc": None}).encode()
    members = [(package.CHANGES, zlib.compress(line), b"0", None), _empty_logs()[1]]
    _refused(b, _craft(a, b, folder, members), "package_bad_content")


def test_a_refusal_is_written_to_the_audit_log(trio) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from xuncha_desktop.db.audit import verify_chain
    from xuncha_desktop.db.models.audit import AuditEntry

    _a, b, _stranger, folder = trio
    bad = folder / "not-a-package.xcpkg"
    bad.write_bytes(b"PK\x03\x04 a zip file, perhaps")
    _refused(b, bad, "package_not_package")
    with b.transaction() as s:
        last = s.scalars(select(AuditEntry).where(AuditEntry.device_id == b.info.device_id)
                         .order_by(AuditEntry.seq.desc()).limit(1)).one()
        assert last.action == "sync_refused" and "package_not_package" in (last.detail or "")
        assert verify_chain(s) == []


def _raw_package(target: Workspace, folder: Path, tar: bytes) -> Path:
    recipient = pyrage.x25519.Recipient.from_str(str(target.public_keys["age_recipient"]))
    out = folder / f"raw-{uuid.uuid4()}.xcpkg"
    out.write_bytes(package.MAGIC + bytes([package.FORMAT_VERSION]) + package.MODE_RECIPIENT
                    + pyrage.encrypt(tar, [recipient]))
    return out


def test_a_negative_member_size_is_refused_before_reading_on(trio) -> None:  # type: ignore[no-untyped-def]
    """A tar size of "-1" once made the reader take the rest of the package into memory."""
    _a, b, _stranger, folder = trio
    header = bytearray(package.tar_header(package.MANIFEST, 0))
    header[124:136] = b"-1".rjust(11, b" ") + b"\0"
    header[148:156] = b" " * 8
    header[148:156] = f"{sum(header):06o}".encode() + b"\0 "
    before = digest(b), store_files(b)
    error = _refused(b, _raw_package(b, folder, bytes(header) + b"x" * (4 << 20)), "package_bad_content")
    assert "size" in str(error.values)
    assert (digest(b), store_files(b)) == before


def test_an_unsigned_manifest_is_not_parsed(trio) -> None:  # type: ignore[no-untyped-def]
    """JSON nested 100,000 deep (which Python's parser cannot take) from no trusted device: refused as from an
    unknown device, its bytes never parsed; the same signed by a trusted device is a bad manifest."""
    a, b, _stranger, folder = trio
    body = b'{"device_id":"' + str(uuid.uuid4()).encode() + b'","device_name":"\\u4e0d\\u660e","x":' \
        + b"[" * 100_000 + b"]" * 100_000 + b"}"
    for key, expected in ((Ed25519PrivateKey.generate(), "package_unknown_device"),
                          (a.signing_key, "package_bad_manifest")):
        tar = io.BytesIO()
        for name, data in ((package.MANIFEST, body), (package.SIGNATURE, key.sign(body))):
            tar.write(package.tar_header(name, len(data)) + data + package.padding(len(data)))
        tar.write(b"\0" * 1024)
        error = _refused(b, _raw_package(b, folder, tar.getvalue()), expected)
        if expected == "package_unknown_device":
            assert error.values["name"] == "不明"


def _long_stream(lines: int = 40_000) -> bytes:
    """A log stream that inflates to more than one read's worth (1 MiB), so zlib keeps an unconsumed tail."""
    return zlib.compress(b"".join(json.dumps({"n": os.urandom(16).hex()}).encode() + b"\n" for _ in range(lines)))


@pytest.mark.parametrize("damage", ["trailing bytes", "cut short", "two streams"])
def test_a_log_member_must_end_where_its_stream_ends(damage: str) -> None:
    """Ten bytes after a long log's zlib stream made reading loop for ever (zlib returned nothing again and
    again for its unconsumed tail); a stream cut before its end, or a second stream after the first, is
    refused the same way. The reading runs in a thread so that a hang fails the test instead of stopping it."""
    stream = _long_stream()
    data = {"trailing bytes": stream + os.urandom(10), "cut short": stream[:-20],
            "two streams": stream + zlib.compress(b"")}[damage]
    read = package.ReadPackage(manifest={"members": [{"name": package.CHANGES, "unpacked": 10 * len(stream)}]},
                               changes=data, audit=b"")
    outcome: list[BaseException | int] = []

    def run() -> None:
        try:
            outcome.append(sum(1 for _line in read.log_lines(package.CHANGES)))
        except BaseException as exc:
            outcome.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert not worker.is_alive(), "reading the damaged log did not end"
    (result,) = outcome
    assert isinstance(result, package.PackageError) and result.key == "package_bad_content", result
    assert package.CHANGES in result.text("en")


def test_a_whole_long_log_stream_is_read_to_its_end() -> None:
    stream = _long_stream()
    read = package.ReadPackage(manifest={"members": [{"name": package.CHANGES, "unpacked": 10 * len(stream)}]},
                               changes=stream, audit=b"")
    assert sum(1 for _line in read.log_lines(package.CHANGES)) == 40_000


def test_a_package_whose_log_has_bytes_after_its_stream_is_refused(trio) -> None:  # type: ignore[no-untyped-def]
    a, b, _stranger, folder = trio
    members = [(package.CHANGES, zlib.compress(b"") + b"0123456789", b"0", None), _empty_logs()[1]]
    _refused(b, _craft(a, b, folder, members), "package_bad_content")
