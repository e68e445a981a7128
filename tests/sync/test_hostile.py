"""Hostile and damaged packages: each refused with its own message, and nothing changes."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
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

Trio = tuple[Workspace, Workspace, Workspace, Path]


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
    found: list[tuple[str, int, int]] = []
    offset = 0
    while True:
        member = package.parse_tar_header(tar[offset:offset + 512])
        if member is None:
            return found
        found.append((member.name, offset + 512, member.size))
        offset += 512 + member.size + (-member.size % 512)


def _craft(ws: Workspace, target: Workspace, folder: Path, members: list[tuple[str, bytes, bytes, int | None]],
           manifest_changes: dict[str, Any] | None = None, key: Ed25519PrivateKey | None = None,
           listed: list[dict[str, Any]] | None = None, version: int = package.FORMAT_VERSION,
           end: bytes = b"\0" * 1024, wrapped: tuple[pyrage.x25519.Identity, bytes] | None = None) -> Path:
    """A package with these members (name, data, tar type, claimed size), signed by ``key``, addressed to
    ``target`` (or to "passphrase" in a passphrase package: ``wrapped`` is its one-off identity and that
    identity as the header carries it), its archive ending with ``end``.

    From format 2 on, an evidence member's data is given in plaintext and stored as an age file for the
    target (made with pyrage: any age implementation's files are accepted).
    """
    recipient = (pyrage.x25519.Recipient.from_str(str(target.public_keys["age_recipient"])) if wrapped is None
                 else wrapped[0].to_public())

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
    entries = [{**entry, "size": sizes[str(entry["name"])]} if entry["size"] is None else entry for entry in entries]
    manifest = {"format": version, "package_id": str(uuid.uuid4()),
                "device_id": str(ws.info.device_id), "device_name": ws.info.device_name,
                "created_at": "2020-09-15T00:00:00+00:00", "schema": migrate.head_revision(),
                "to": str(target.info.device_id) if wrapped is None else "passphrase",
                "complete": True, "marks": {"changes": {}, "audit": {}}, "contents": {}, "members": entries,
                **(manifest_changes or {})}
    body = json.dumps(manifest).encode()
    signature = (key or ws.signing_key).sign(body)
    tar = io.BytesIO()
    for name, data, typeflag, claimed in [(package.MANIFEST, body, b"0", None),
                                          (package.SIGNATURE, signature, b"0", None), *members]:
        tar.write(package.tar_header(name, claimed if claimed is not None else len(data), typeflag))
        tar.write(data + package.padding(len(data)))
    tar.write(end)
    out = folder / f"crafted-{uuid.uuid4()}.xcpkg"
    mode = package.MODE_RECIPIENT if wrapped is None else package.MODE_PASSPHRASE + len(wrapped[1]).to_bytes(
        4, "big") + wrapped[1]
    out.write_bytes(package.MAGIC + bytes([version]) + mode + pyrage.encrypt(tar.getvalue(), [recipient]))
    return out


def _empty_logs() -> list[tuple[str, bytes, bytes, int | None]]:
    return [(package.CHANGES, zlib.compress(b""), b"0", None), (package.AUDIT, zlib.compress(b""), b"0", None)]


def test_a_crafted_well_formed_package_is_accepted(trio: Trio) -> None:
    a, b, _stranger, folder = trio
    summary = sync_service.import_(b, _craft(a, b, folder, _empty_logs()))
    assert summary.changes_applied == 0


def test_truncated_files(trio: Trio) -> None:
    a, b, _stranger, folder = trio
    good = send(a, b, folder, everything=True)
    raw = good.read_bytes()
    for cut in (len(raw) - 7, len(raw) // 2, 200, 8):
        short = folder / f"short-{cut}.xcpkg"
        short.write_bytes(raw[:cut])
        _refused(b, short, "package_truncated")


def test_one_flipped_byte_in_every_region(trio: Trio) -> None:
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


def test_wrong_key_unknown_device_and_resigned_manifest(trio: Trio) -> None:
    a, b, stranger, folder = trio
    _refused(b, send(a, stranger, folder), "package_wrong_key")
    with stranger.transaction() as s:
        sync_service.trust(s, stranger, sync_service.own_keys(b))
    from_stranger = send(stranger, b, folder)
    refused = _refused(b, from_stranger, "package_unknown_device")
    # Named by its id: the name is the stranger's own choice, unsigned.
    assert refused.values["name"] == str(stranger.info.device_id)[:8]
    assert "陌生设备" not in refused.text("zh") + refused.text("en")
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
def test_member_names_and_types(trio: Trio, name: str, typeflag: bytes, key: str) -> None:
    a, b, _stranger, folder = trio
    members = [*_empty_logs(), (name, b"#!/bin/sh\n", typeflag, None)]
    _refused(b, _craft(a, b, folder, members), key)


def test_duplicate_member(trio: Trio) -> None:
    a, b, _stranger, folder = trio
    data = b"evidence"
    blob = "blobs/" + hashlib.sha256(data).hexdigest()
    members = [*_empty_logs(), (blob, data, b"0", None), (blob, data, b"0", None)]
    _refused(b, _craft(a, b, folder, members), "package_member_duplicate")


def test_a_member_claiming_ten_gigabytes(trio: Trio) -> None:
    a, b, _stranger, folder = trio
    data = b"small"
    blob = "blobs/" + hashlib.sha256(data).hexdigest()
    members = [*_empty_logs(), (blob, data, b"0", 10 * 2**30)]
    _refused(b, _craft(a, b, folder, members), "package_member_too_large")


def test_a_member_whose_size_or_hash_differs_from_the_manifest(trio: Trio) -> None:
    a, b, _stranger, folder = trio
    data = b"evidence"
    blob = "blobs/" + hashlib.sha256(data).hexdigest()
    listed = [{"name": package.CHANGES, "size": len(zlib.compress(b"")), "sha256": "0" * 64, "unpacked": 0}]
    _refused(b, _craft(a, b, folder, _empty_logs()[:1], listed=listed), "package_member_hash")
    listed = [{"name": blob, "size": 3, "sha256": hashlib.sha256(data).hexdigest()}]
    _refused(b, _craft(a, b, folder, [(blob, data, b"0", None)], listed=listed), "package_member_size")
    listed = [{"name": blob, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}]
    _refused(b, _craft(a, b, folder, [], listed=listed), "package_member_missing")


def test_a_compression_bomb(trio: Trio) -> None:
    a, b, _stranger, folder = trio
    bomb = zlib.compress(b"\n" * (300 << 20), 9)  # 300 MB of nothing in ~300 KB
    audit = _empty_logs()[1]
    listed = [{"name": package.CHANGES, "size": len(bomb), "sha256": hashlib.sha256(bomb).hexdigest(),
               "unpacked": 300 << 20},
              {"name": package.AUDIT, "size": len(audit[1]), "sha256": hashlib.sha256(audit[1]).hexdigest(),
               "unpacked": 0}]
    _refused(b, _craft(a, b, folder, [(package.CHANGES, bomb, b"0", None), audit], listed=listed),
             "package_member_bomb")


def test_a_package_without_its_logs(trio: Trio) -> None:
    a, b, _stranger, folder = trio
    _refused(b, _craft(a, b, folder, _empty_logs()[:1]), "package_member_missing")


def test_newer_format_and_schema(trio: Trio) -> None:
    a, b, _stranger, folder = trio
    newer = package.FORMAT_VERSION + 1
    _refused(b, _craft(a, b, folder, _empty_logs(), version=newer), "package_version_unknown")
    # The signed manifest must say the version the (unsigned) outer header says.
    _refused(b, _craft(a, b, folder, _empty_logs(), manifest_changes={"format": newer}), "package_version_mismatch")
    _refused(b, _craft(a, b, folder, _empty_logs(), manifest_changes={"format": 1}), "package_version_mismatch")


@pytest.mark.parametrize("version", [1, 2])
def test_packages_of_older_formats_are_refused_as_such(trio: Trio, version: int) -> None:
    """Formats 1 and 2 carry no signed heads, so nothing proves where their entries come from: refused with
    a message that says to upgrade the sender, not taken for damage."""
    a, b, _stranger, folder = trio
    refused = _refused(b, _craft(a, b, folder, _empty_logs(), version=version), "package_version_old")
    assert "--all" in refused.text("en")


def test_an_evidence_member_whose_content_is_not_its_name(trio: Trio) -> None:
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


def test_garbage_inside_a_signed_change_log(trio: Trio) -> None:
    a, b, _stranger, folder = trio
    line = json.dumps({"id": str(uuid.uuid4()), "device_id": str(a.info.device_id), "seq": 10**6,
                       "hlc": "x", "table": "sqlite_master", "record_id": str(uuid.uuid4()), "op": "insert",
                       "fields": {}, "base_hlc": None}).encode()
    members = [(package.CHANGES, zlib.compress(line), b"0", None), _empty_logs()[1]]
    _refused(b, _craft(a, b, folder, members), "package_bad_content")


def test_a_refusal_is_written_to_the_audit_log(trio: Trio) -> None:
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


def test_a_negative_member_size_is_refused_before_reading_on(trio: Trio) -> None:
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


def test_an_unsigned_manifest_is_not_parsed(trio: Trio) -> None:
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
            assert "不明" not in error.text("zh") and error.values["name"] != "不明"


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


def test_a_package_whose_log_has_bytes_after_its_stream_is_refused(trio: Trio) -> None:
    a, b, _stranger, folder = trio
    members = [(package.CHANGES, zlib.compress(b"") + b"0123456789", b"0", None), _empty_logs()[1]]
    _refused(b, _craft(a, b, folder, members), "package_bad_content")


# ---- issue 14, section 6: the smaller holes ----------------------------------------------------------------
def test_a_package_addressed_to_another_device_is_refused(trio: Trio) -> None:
    """A package the office made for laptop A, decrypted by A and re-encrypted to laptop B, still carries the
    office's signature; its signed address (``to``) is what gives it away."""
    a, b, stranger, folder = trio
    for to in (str(a.info.device_id), str(stranger.info.device_id), "passphrase", None):
        refused = _refused(b, _craft(a, b, folder, _empty_logs(), manifest_changes={"to": to}),
                           "package_not_addressed")
        assert refused.values["here"] == str(b.info.device_id)
    # A passphrase package must say so, whatever device it names.
    one_off = pyrage.x25519.Identity.generate()
    wrapped = (one_off, package.wrap_identity(one_off, "口令"))
    _refused(b, _craft(a, b, folder, _empty_logs(), wrapped=wrapped, manifest_changes={"to": str(b.info.device_id)}),
             "package_not_addressed", passphrase="口令")
    assert sync_service.import_(b, _craft(a, b, folder, _empty_logs(), wrapped=wrapped), passphrase="口令")


@pytest.mark.parametrize("end", [
    b"\0" * 1024 + b"unsigned words",
    b"\0" * 10240,  # tar's record padding: not written by this format, so not accepted
    b"\0" * 512 + b"x" * 512,  # a second end block that is not zeros
    b"\0" * 1024 + package.tar_header("manifest.json", 3) + b"{}\n".ljust(512, b"\0") + b"\0" * 1024,
])
def test_bytes_after_the_archives_end_are_refused(trio: Trio, end: bytes) -> None:
    a, b, _stranger, folder = trio
    _refused(b, _craft(a, b, folder, _empty_logs(), end=end), "package_trailing_data")


def _scrypt_package(a: Workspace, b: Workspace, folder: Path, log_n: int) -> Path:
    one_off = pyrage.x25519.Identity.generate()
    wrapped = agefile.passphrase_encrypt(str(one_off).encode(), "口令", log_n=log_n)
    return _craft(a, b, folder, _empty_logs(), wrapped=(one_off, wrapped))


def test_a_passphrase_package_asking_for_more_scrypt_work_than_allowed(trio: Trio) -> None:
    """The work factor is the package maker's choice; one over the cap is refused before deriving (2**19:
    a genuine wrapping, which was accepted; the cap's own factor is accepted)."""
    a, b, _stranger, folder = trio
    refused = _refused(b, _scrypt_package(a, b, folder, agefile.SCRYPT_MAX_LOG_N + 1), "package_work_factor",
                       passphrase="口令")
    assert refused.values == {"log_n": agefile.SCRYPT_MAX_LOG_N + 1, "limit": agefile.SCRYPT_MAX_LOG_N}
    assert sync_service.import_(b, _scrypt_package(a, b, folder, agefile.SCRYPT_MAX_LOG_N), passphrase="口令")


def test_a_passphrase_package_asking_for_an_enormous_work_factor_costs_nothing(trio: Trio) -> None:
    """log_n 23 took 43 s and 8.5 GB before pyrage refused it; now the header is read first (its stanza
    need not even be valid: nothing is derived)."""
    import time

    a, b, _stranger, folder = trio
    one_off = pyrage.x25519.Identity.generate()
    genuine = agefile.passphrase_encrypt(str(one_off).encode(), "口令", log_n=10)
    header_line = genuine.split(b"\n")[1]
    wrapped = genuine.replace(header_line, header_line.rsplit(b" ", 1)[0] + b" 23")
    started = time.monotonic()
    _refused(b, _craft(a, b, folder, _empty_logs(), wrapped=(one_off, wrapped)), "package_work_factor",
             passphrase="口令")
    assert time.monotonic() - started < 10


def test_evidence_that_fits_on_disk_only_member_by_member_is_refused(trio: Trio,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    a, b, _stranger, folder = trio
    blobs = [os.urandom(200_000) for _ in range(3)]
    members = [*_empty_logs(), *((f"blobs/{hashlib.sha256(d).hexdigest()}", d, b"0", None) for d in blobs)]
    crafted = _craft(a, b, folder, members)
    real = shutil.disk_usage

    def little_room(where: Any) -> Any:  # room for one of them, not for all three
        usage = real(where)
        return type(usage)(usage.total, usage.used, 300_000)

    monkeypatch.setattr("xuncha_desktop.sync.package.shutil.disk_usage", little_room)
    refused = _refused(b, crafted, "package_disk_space")
    needed = refused.values["needed"]
    assert refused.values["free"] == 300_000 and isinstance(needed, int) and needed > 3 * 200_000
    assert list((b.evidence.root / "tmp").iterdir()) == []


def test_a_database_failure_while_applying_is_a_recorded_refusal(trio: Trio) -> None:
    """A change that passes every check but reuses the id of a change the receiver holds: the database
    refuses it (a unique id); that is a refusal like the others, logged, with nothing changed."""
    import datetime as dt

    from sqlalchemy import select

    from tests.sync import rogue
    from xuncha_desktop.db.models.audit import AuditEntry
    from xuncha_desktop.db.models.changes import Change

    a, b, _stranger, folder = trio
    sync_service.import_(b, send(a, b, folder, everything=True))
    with a.transaction() as s:
        seq, _chain, record_id = s.execute(select(Change.seq, Change.chain, Change.record_id)
                                          .where(Change.device_id == a.info.device_id, Change.table_name == "units")
                                          .order_by(Change.seq.desc()).limit(1)).one()
        last_seq, last_chain = s.execute(select(Change.seq, Change.chain).where(Change.device_id == a.info.device_id)
                                         .order_by(Change.seq.desc()).limit(1)).one()
    with b.transaction() as s:
        held_id = s.scalars(select(Change.id).where(Change.device_id == a.info.device_id, Change.seq == seq)).one()
    when = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)
    entry = {"id": str(held_id), "device_id": str(a.info.device_id), "seq": last_seq + 1,
             "hlc": rogue.stamp(a.info.device_id, when), "table": "units", "record_id": str(record_id),
             "op": "update", "fields": {"name": "重名单位"}, "base_hlc": None}
    digest_ = rogue.chain_of([entry], last_chain)
    crafted = rogue.package(a, b, folder / f"reused-{uuid.uuid4()}.xcpkg", [entry],
                            heads=[rogue.head(a, a.info.device_id, "changes", last_seq + 1, digest_)])
    refused = _refused(b, crafted, "package_apply_failed")
    assert "UNIQUE" in refused.text("en")
    with b.transaction() as s:
        last = s.scalars(select(AuditEntry).where(AuditEntry.device_id == b.info.device_id)
                         .order_by(AuditEntry.seq.desc()).limit(1)).one()
        assert last.action == "sync_refused" and "package_apply_failed" in (last.detail or "")


def test_a_header_that_disagrees_with_the_signed_manifest_names_both_versions(trio: Trio) -> None:
    """The outer header is unsigned: a genuine format-3 manifest under a header rewritten to another version
    (a downgrade) is named as such, with both numbers, not as a version this program cannot read."""
    a, b, _stranger, folder = trio
    older = package.FORMAT_VERSION - 1
    refused = _refused(b, _craft(a, b, folder, _empty_logs(), manifest_changes={"format": older}),
                       "package_version_mismatch")
    assert refused.values == {"header": package.FORMAT_VERSION, "manifest": str(older)}
    assert f"{package.FORMAT_VERSION}" in refused.text("en") and f"{older}" in refused.text("en")
    old = _refused(b, _craft(a, b, folder, _empty_logs(), version=older), "package_version_old")
    assert old.values == {"version": older, "supported": str(package.FORMAT_VERSION)}


def test_a_cut_inside_the_first_chunk_is_truncation(trio: Trio) -> None:
    a, b, _stranger, folder = trio
    large = send(a, b, folder, everything=True)  # several chunks
    small = _craft(a, b, folder, _empty_logs())  # all in one
    for good in (large, small):
        raw = good.read_bytes()
        payload_start = raw.index(b"\n", raw.index(b"\n--- ") + 1) + 1 + 16
        for cut in (payload_start + 3000, payload_start + 3001, min(payload_start + 40_000, len(raw) - 1000)):
            short = folder / f"first-chunk-{uuid.uuid4()}.xcpkg"
            short.write_bytes(raw[:cut])
            _refused(b, short, "package_truncated")


def test_a_refusal_never_shows_the_name_a_package_gives_itself(trio: Trio) -> None:
    """An untrusted key calling itself 笔记本A (a trusted device's name): the refusal names its id; a device
    this copy knows by name is named by that name."""
    a, b, _stranger, folder = trio
    impostor = str(uuid.uuid4())
    crafted = _craft(a, b, folder, _empty_logs(), key=Ed25519PrivateKey.generate(),
                     manifest_changes={"device_id": impostor, "device_name": "笔记本A"})
    refused = _refused(b, crafted, "package_unknown_device")
    assert "笔记本A" not in refused.text("zh") + refused.text("en")
    assert refused.values == {"device": impostor, "name": impostor[:8]}
    # Claiming A's own id with another key: named by A's id (A is trusted: a bad signature, not a stranger).
    crafted = _craft(a, b, folder, _empty_logs(), key=Ed25519PrivateKey.generate(),
                     manifest_changes={"device_name": "办公室主任"})
    refused = _refused(b, crafted, "package_bad_signature")
    assert "办公室主任" not in refused.text("zh") + refused.text("en")
