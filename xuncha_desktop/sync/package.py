"""The ``.xcpkg`` package file: writing and reading (format in docs/package-format.md).

A package is an outer header (magic, format version, how it is encrypted) followed by one age stream;
inside it, a minimal tar stream whose members are, in this order: ``manifest.json``, ``manifest.sig``
(Ed25519 over the manifest's bytes), ``changes.jsonl.zz``, ``audit.jsonl.zz``, optionally
``identities.json`` (petitioners' identities, each sealed to one reader key) and one ``blobs/<sha256>``
per evidence file. Both sides stream through security/agefile.py: the writer's tar bytes are encrypted
as they are written; the reader parses members by hand from the decrypted stream (never by ``tarfile``,
never to disk by name). Only regular members with the names above are accepted.
"""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import re
import shutil
import struct
import tempfile
import uuid
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

from xuncha_desktop import files
from xuncha_desktop.errors import Cancelled, XunchaError
from xuncha_desktop.security import agefile

MAGIC = b"XCPKG\n"
# 1: evidence members in plaintext inside the stream; 2: as age files; 3: the manifest carries the signed
# heads of every device whose entries it holds (older packages cannot prove where their entries come from).
FORMAT_VERSION = 3
READABLE_VERSIONS = (3,)
MODE_RECIPIENT = b"R"
MODE_PASSPHRASE = b"P"
BLOCK = 512
AGE_CHUNK = agefile.CHUNK
CHANGES = "changes.jsonl.zz"
AUDIT = "audit.jsonl.zz"
# Sealed identity envelopes (docs/package-format.md, "Identities"): optional, listed in the manifest when sent.
IDENTITIES = "identities.json"
MAX_IDENTITIES = 64 << 20
MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
_BLOB = re.compile(r"blobs/([0-9a-f]{64})")  # used with fullmatch
MAX_MANIFEST = 64 << 20
MAX_LOG_MEMBER = 512 << 20  # compressed change or audit log held in memory while the package is checked
MAX_MEMBER = 8 << 30  # one evidence file (a long interview recording is a few GB)
MAX_UNPACKED = 8 << 30
MAX_RATIO = 100  # a compressed log never expands more than this
_PIPE_CHUNK = 1 << 20

Progress = Callable[[int, int], None]
CancelFlag = Callable[[], bool]


class PackageError(XunchaError):
    """A refused package: the key names the problem; nothing was changed."""


# ---- the outer header ------------------------------------------------------------------------------
def write_header(out: BinaryIO, wrapped_identity: bytes | None) -> None:
    out.write(MAGIC + bytes([FORMAT_VERSION]))
    if wrapped_identity is None:
        out.write(MODE_RECIPIENT)
    else:
        out.write(MODE_PASSPHRASE + struct.pack(">I", len(wrapped_identity)) + wrapped_identity)


def read_header(source: BinaryIO, path: Path) -> tuple[int, bytes | None]:
    """Reads the outer header; returns the format version and the passphrase-wrapped identity (None for a
    recipient package)."""
    magic = source.read(len(MAGIC))
    if magic != MAGIC:
        raise PackageError("package_not_package", path=str(path))
    version = source.read(1)
    if not version:
        raise PackageError("package_truncated")
    if version[0] < min(READABLE_VERSIONS):
        raise PackageError("package_version_old", version=version[0], supported=_supported())
    if version[0] not in READABLE_VERSIONS:
        raise PackageError("package_version_unknown", version=version[0], supported=_supported())
    mode = source.read(1)
    if mode == MODE_RECIPIENT:
        return version[0], None
    if mode != MODE_PASSPHRASE:
        raise PackageError("package_header_damaged")
    raw = source.read(4)
    if len(raw) != 4:
        raise PackageError("package_truncated")
    (length,) = struct.unpack(">I", raw)
    if not 0 < length <= 4096:
        raise PackageError("package_header_damaged")
    wrapped = source.read(length)
    if len(wrapped) != length:
        raise PackageError("package_truncated")
    return version[0], wrapped


def _supported() -> str:
    """The versions this program reads, as messages name them."""
    return ", ".join(str(v) for v in READABLE_VERSIONS)


def wrap_identity(identity: pyrage.x25519.Identity, passphrase: str) -> bytes:
    # scrypt at a fixed work factor that every reader accepts (see agefile.SCRYPT_MAX_LOG_N).
    return agefile.passphrase_encrypt(str(identity).encode("ascii"), passphrase)


def unwrap_identity(wrapped: bytes, passphrase: str) -> pyrage.x25519.Identity:
    # The work factor is whatever the package's maker wrote (2**23 costs 8 GB and most of a minute): it is
    # read from the header and bounded before any key is derived.
    log_n = agefile.scrypt_work_factor(wrapped)
    if log_n is None:
        raise PackageError("package_header_damaged")
    if log_n > agefile.SCRYPT_MAX_LOG_N:
        raise PackageError("package_work_factor", log_n=log_n, limit=agefile.SCRYPT_MAX_LOG_N)
    try:
        text = pyrage.passphrase.decrypt(wrapped, passphrase).decode("ascii")
        return pyrage.x25519.Identity.from_str(text)
    except (pyrage.DecryptError, pyrage.IdentityError, UnicodeDecodeError) as exc:
        raise PackageError("package_wrong_key") from exc


# ---- tar members, by hand ----------------------------------------------------------------------------
def _octal(value: int, width: int) -> bytes:
    return f"{value:0{width - 1}o}".encode("ascii") + b"\0"


def tar_header(name: str, size: int, typeflag: bytes = b"0") -> bytes:
    """A ustar header for a regular member (or another type, for tests of hostile input)."""
    header = bytearray(BLOCK)
    raw_name = name.encode("utf-8")
    if len(raw_name) > 100:
        raise ValueError("member name too long")
    header[0:len(raw_name)] = raw_name
    header[100:108] = _octal(0o600, 8)
    header[108:116] = _octal(0, 8)
    header[116:124] = _octal(0, 8)
    if size < 8**11:
        header[124:136] = _octal(size, 12)
    else:  # base-256, as GNU tar writes sizes of 8 GiB and more
        header[124:136] = b"\x80" + size.to_bytes(11, "big")
    header[136:148] = _octal(0, 12)
    header[148:156] = b" " * 8
    header[156:157] = typeflag
    header[257:263] = b"ustar\0"
    header[263:265] = b"00"
    checksum = sum(header)
    header[148:156] = f"{checksum:06o}".encode("ascii") + b"\0 "
    return bytes(header)


def padding(size: int) -> bytes:
    return b"\0" * (-size % BLOCK)


def tar_length(sizes: list[int]) -> int:
    """Bytes of a tar stream holding members of these sizes (no record padding)."""
    return sum(BLOCK + size + (-size % BLOCK) for size in sizes) + 2 * BLOCK


@dataclass(frozen=True)
class TarMember:
    name: str
    size: int
    typeflag: bytes


def parse_tar_header(block: bytes) -> TarMember | None:
    """The member a header describes; None for an end-of-archive block. Raises PackageError."""
    if block == b"\0" * BLOCK:
        return None
    check = sum(block[:148]) + 8 * 32 + sum(block[156:])
    if _octal_field(block[148:156], "tar header checksum") != check:
        raise PackageError("package_bad_content", reason="tar header checksum")
    raw_size = block[124:136]
    # base-256 (GNU tar, 8 GiB and more) starts with 0x80; 0xff would be a negative number
    size = int.from_bytes(raw_size[1:], "big") if raw_size[0] == 0x80 else _octal_field(raw_size, "tar member size")
    name = block[0:100].split(b"\0", 1)[0]
    prefix = block[345:500].split(b"\0", 1)[0] if block[257:262] == b"ustar" else b""
    full = (prefix + b"/" + name) if prefix else name
    try:
        text = full.decode("utf-8")
    except UnicodeDecodeError:
        raise PackageError("package_member_unknown", name=full.decode("utf-8", "replace")) from None
    return TarMember(text, size, block[156:157])


_OCTAL = re.compile(rb"[0-7]+")


def _octal_field(raw: bytes, what: str) -> int:
    """A tar number field: octal digits only (``int()`` would also take a sign, "0o" or underscores)."""
    digits = raw.replace(b"\0", b" ").strip(b" ")
    if not _OCTAL.fullmatch(digits):
        raise PackageError("package_bad_content", reason=what)
    return int(digits, 8)


def check_member_name(member: TarMember, seen: set[str]) -> None:
    """Refuses, naming the problem, anything but a regular member with a name the format allows."""
    name = member.name
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        raise PackageError("package_path_absolute", name=name)
    if ".." in re.split(r"[/\\]", name):
        raise PackageError("package_path_traversal", name=name)
    if member.typeflag not in (b"0", b"\0"):
        raise PackageError("package_member_link", name=name)
    if name in seen:
        raise PackageError("package_member_duplicate", name=name)
    if name not in (MANIFEST, SIGNATURE, CHANGES, AUDIT, IDENTITIES) and not _BLOB.fullmatch(name):
        raise PackageError("package_member_unknown", name=name)


# ---- writing -------------------------------------------------------------------------------------------
@dataclass
class OutMember:
    name: str
    size: int
    write: Callable[[BinaryIO], None]  # writes exactly ``size`` bytes


class _CountingWriter(io.RawIOBase):
    def __init__(self, sink: BinaryIO, progress: Progress | None, total: int,
                 cancelled: CancelFlag | None) -> None:
        self.sink = sink
        self.count = 0
        self.progress = progress
        self.total = total
        self.cancelled = cancelled

    def writable(self) -> bool:
        return True

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        if self.cancelled is not None and self.cancelled():
            raise Cancelled()
        self.sink.write(data)
        self.count += len(data)
        if self.progress is not None:
            self.progress(self.count, self.total)
        return len(data)


def write_package(out_path: Path, manifest: dict[str, Any], members: list[OutMember],
                  signing_key: Ed25519PrivateKey, recipient: X25519PublicKey,
                  wrapped_identity: bytes | None, progress: Progress | None = None,
                  cancelled: CancelFlag | None = None) -> int:
    """Writes the package to a temporary file beside ``out_path`` and renames it; returns its size."""
    body = json.dumps(manifest, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    signature = signing_key.sign(body)
    total = tar_length([len(body), len(signature), *(m.size for m in members)])
    try:
        with files.atomic_writer(out_path) as sink:
            write_header(sink, wrapped_identity)
            encrypted = agefile.AgeWriter(sink, [recipient], threaded=True)
            try:
                tar = _CountingWriter(encrypted, progress, total, cancelled)  # type: ignore[arg-type]
                for name, size, writer in [(MANIFEST, len(body), lambda w: w.write(body)),
                                           (SIGNATURE, len(signature), lambda w: w.write(signature)),
                                           *((m.name, m.size, m.write) for m in members)]:
                    tar.write(tar_header(name, size))
                    before = tar.count
                    writer(tar)  # type: ignore[no-untyped-call]
                    if tar.count - before != size:
                        raise XunchaError("io_error",
                                          reason=f"{name}: {tar.count - before} bytes, expected {size}")
                    tar.write(padding(size))
                tar.write(b"\0" * (2 * BLOCK))
                encrypted.finish()
            finally:
                encrypted.close()  # the writing thread stops before the file is closed
        return out_path.stat().st_size
    except OSError as exc:
        if exc.errno == errno.ENOSPC:
            raise XunchaError("disk_full") from exc
        raise XunchaError("io_error", reason=str(exc)) from exc
        raise


# ---- reading -------------------------------------------------------------------------------------------
@dataclass
class ReadPackage:
    """A package whose every member was read and checked; blobs wait in ``staging`` until applied."""

    manifest: dict[str, Any]
    changes: bytes
    audit: bytes
    identities: bytes = b""  # the IDENTITIES member as sent (its hash checked), empty when absent
    blobs: dict[str, Path] = field(default_factory=dict)  # sha256 -> staged file encrypted to this device
    blobs_present: set[str] = field(default_factory=set)  # already in the store
    bytes: int = 0

    def discard(self) -> None:
        for path in self.blobs.values():
            path.unlink(missing_ok=True)
        self.blobs.clear()

    def unpacked(self, name: str) -> int:
        """The uncompressed size the manifest declares for a log (reading refuses anything longer)."""
        entry = next(m for m in self.manifest["members"] if m["name"] == name)
        return int(entry.get("unpacked", 0))

    def log_lines(self, name: str) -> Iterator[dict[str, Any]]:
        """The JSON objects of a compressed log member, decompressed with the bomb limits."""
        data = self.changes if name == CHANGES else self.audit
        entry = next(m for m in self.manifest["members"] if m["name"] == name)
        limit = min(int(entry.get("unpacked", 0)), MAX_UNPACKED, max(len(data), 1) * MAX_RATIO)
        inflater = zlib.decompressobj()
        produced = 0
        pending = b""
        view = memoryview(data)
        position = 0
        try:
            # Every pass either consumes input or produces output, else the member is refused: a stream
            # must end exactly where the member ends (bytes after its end would make zlib return nothing
            # forever), and a member that ends before its stream does is cut short.
            while not inflater.eof:
                if inflater.unconsumed_tail:
                    source: bytes | memoryview = inflater.unconsumed_tail
                elif position < len(view):
                    source = view[position:position + _PIPE_CHUNK]
                    position += len(source)
                else:
                    source = b""
                chunk = inflater.decompress(source, _PIPE_CHUNK)
                if not chunk and not inflater.eof and (not source or len(inflater.unconsumed_tail) == len(source)):
                    raise PackageError("package_bad_content", reason=f"{name}: the compressed stream is cut short")
                produced += len(chunk)
                if produced > limit:
                    raise PackageError("package_member_bomb", name=name, ratio=MAX_RATIO)
                pending += chunk
                *lines, pending = pending.split(b"\n")
                for line in lines:
                    if line:
                        yield _json_object(line, name)
        except zlib.error as exc:
            raise PackageError("package_bad_content", reason=f"{name}: {exc}") from exc
        if inflater.unused_data or inflater.unconsumed_tail or position < len(view):
            raise PackageError("package_bad_content", reason=f"{name}: data after the end of the compressed stream")
        if pending.strip():
            yield _json_object(pending, name)


def _json_object(line: bytes, name: str) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except ValueError as exc:
        raise PackageError("package_bad_content", reason=f"{name}: {exc}") from exc
    if not isinstance(value, dict):
        raise PackageError("package_bad_content", reason=f"{name}: not an object")
    return value


class _PlainReader:
    """Reads the decrypted stream, counting bytes and checking cancel."""

    def __init__(self, source: agefile.AgeReader, cancelled: CancelFlag | None, progress: Progress | None,
                 total: int) -> None:
        self.source = source
        self.offset = 0
        self.cancelled = cancelled
        self.progress = progress
        self.total = total

    def read_exact(self, size: int) -> bytes:
        if size < 0:
            raise PackageError("package_bad_content", reason="negative size")
        if self.cancelled is not None and self.cancelled():
            raise Cancelled()
        try:
            data = self.source.read(size)
        except agefile.AgeError as exc:
            raise _OuterStreamError(exc) from exc
        self.offset += len(data)
        if len(data) != size:
            raise _EndOfStream()
        if self.progress is not None:
            self.progress(self.offset, self.total)
        return data


class _EndOfStream(Exception):
    pass


class _OuterStreamError(Exception):
    """The package's own age stream failed (not an evidence file inside it): ``args[0]`` says how."""


class _MemberReader(io.RawIOBase):
    def __init__(self, plain: _PlainReader, size: int, hashing: bool = True) -> None:
        self.plain = plain
        self.left = size
        self.digest = hashlib.sha256()
        self.hashing = hashing

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        wanted = self.left if size is None or size < 0 else min(size, self.left)
        wanted = min(wanted, _PIPE_CHUNK)
        if wanted <= 0:
            return b""
        data = self.plain.read_exact(wanted)
        self.left -= len(data)
        if self.hashing:
            self.digest.update(data)
        return data


def _payload_length(path: Path, header_end: int) -> int:
    """Ciphertext bytes after the age header (its '--- mac' line and 16-byte nonce)."""
    with path.open("rb") as source:
        source.seek(header_end)
        head = source.read(64 * 1024)
    marker = head.find(b"\n--- ")
    if marker < 0:
        return -1
    line_end = head.find(b"\n", marker + 1)
    if line_end < 0:
        return -1
    return path.stat().st_size - header_end - (line_end + 1) - 16


def _expected_payload(plain: int) -> int:
    chunks = max(1, -(-plain // AGE_CHUNK))
    return plain + 16 * chunks


def read_package(path: Path, identities: list[X25519PrivateKey] | None,
                 passphrase: str | None, trusted: dict[uuid.UUID, Ed25519PublicKey],
                 check_manifest: Callable[[dict[str, Any]], None], staging: Path,
                 recipient: X25519PublicKey, has_blob: Callable[[str], bool],
                 progress: Progress | None = None, cancelled: CancelFlag | None = None, *,
                 own_device: uuid.UUID, names: Mapping[uuid.UUID, str] | None = None) -> ReadPackage:
    """Decrypts and checks every part of a package; raises PackageError naming the first problem.

    ``trusted`` holds the public keys of the devices whose packages are accepted (this one's included);
    ``check_manifest`` refuses newer schemas and the like. The signed manifest must be addressed to
    ``own_device`` (or, in a passphrase package, to "passphrase"). ``names`` are the names this device
    knows for other devices: a refusal names a device by them or by its id, never by what the package says.
    Evidence files are re-encrypted to ``recipient`` (under a new file key) into ``staging``; the caller moves
    or discards them.
    """
    try:
        source = path.open("rb")
    except OSError as exc:
        raise XunchaError("file_missing", path=str(path)) from exc
    with source:
        version, wrapped = read_header(source, path)
        header_end = source.tell()
        if wrapped is not None:
            if passphrase is None:
                raise PackageError("package_passphrase_needed")
            identities = [agefile.identity_key(str(unwrap_identity(wrapped, passphrase)))]
        if not identities:
            raise PackageError("package_wrong_key")
        total_size = path.stat().st_size
        try:
            decrypted = agefile.AgeReader(source, identities)
        except agefile.NoMatchingIdentity as exc:
            raise PackageError("package_wrong_key") from exc
        except agefile.Truncated as exc:
            raise PackageError("package_truncated") from exc
        except agefile.AgeError as exc:
            raise PackageError("package_header_damaged") from exc
        plain = _PlainReader(decrypted, cancelled, progress, total_size)
        result = ReadPackage(manifest={}, changes=b"", audit=b"")
        where = ["header"]
        addressed = "passphrase" if wrapped is not None else str(own_device)
        try:
            try:
                _read_members(plain, result, version, identities, trusted, check_manifest, staging, recipient,
                              has_blob, where, addressed, names or {})
                # The archive's end blocks are the end of the stream: no byte may follow them, since nothing
                # after them is signed. Reading on also authenticates the last chunk.
                try:
                    trailing = decrypted.read(1)
                except agefile.AgeError as exc:
                    raise _OuterStreamError(exc) from exc
                if trailing:
                    raise PackageError("package_trailing_data")
            except _EndOfStream as exc:
                raise PackageError("package_bad_content", reason="the archive ends early") from exc
            except _OuterStreamError as failure:
                cause = failure.args[0]
                if isinstance(cause, agefile.Truncated):
                    raise PackageError("package_truncated") from cause
                _raise_damage(cause, path, header_end, result, plain.offset, where[0])
            result.bytes = total_size
            return result
        except BaseException:
            result.discard()
            raise


def _raise_damage(cause: agefile.AgeError, path: Path, header_end: int, result: ReadPackage,
                  offset: int, region: str) -> None:
    """A chunk that fails authentication: a file cut short in mid-chunk, or altered bytes."""
    payload = _payload_length(path, header_end)
    last = payload % (AGE_CHUNK + 16) if payload > 0 else 0
    if last and (last < 16 or (last - 16) % BLOCK):
        # Every package's plaintext is whole tar blocks and age chunks are whole blocks too, so a genuine
        # last chunk holds whole blocks: one that does not is a file cut inside it (also inside the first
        # chunk, before the manifest says how long the package should be). A cut that happens to fall on a
        # block boundary there is still called damage: refused either way.
        raise PackageError("package_truncated") from cause
    if result.manifest:
        plain_length = tar_length([m["size"] for m in result.manifest["members"]]
                                  + [result.manifest.get("_manifest_size", 0), 64])
        if _payload_length(path, header_end) < _expected_payload(plain_length):
            raise PackageError("package_truncated") from cause
    elif path.stat().st_size - header_end < 1024:
        raise PackageError("package_truncated") from cause
    raise PackageError("package_damaged", offset=offset, region=region) from cause


def _read_members(plain: _PlainReader, result: ReadPackage, version: int, identities: list[X25519PrivateKey],
                  trusted: dict[uuid.UUID, Ed25519PublicKey],
                  check_manifest: Callable[[dict[str, Any]], None], staging: Path,
                  recipient: X25519PublicKey, has_blob: Callable[[str], bool], where: list[str],
                  addressed: str, names: Mapping[uuid.UUID, str]) -> None:
    seen: set[str] = set()
    expected: dict[str, dict[str, Any]] = {}
    manifest_body = b""
    while True:
        where[0] = "manifest.json" if not seen else where[0]
        member = parse_tar_header(plain.read_exact(BLOCK))
        if member is None:
            # Exactly the two zero blocks this program writes. tar readers also skip zero padding up to a
            # 10 KiB record, but no writer of this format pads, and unsigned bytes are not carried.
            if plain.read_exact(BLOCK) != b"\0" * BLOCK:
                raise PackageError("package_trailing_data")
            break
        check_member_name(member, seen)
        seen.add(member.name)
        where[0] = member.name
        if (len(seen) == 1 and member.name != MANIFEST) or (len(seen) == 2 and member.name != SIGNATURE):
            raise PackageError("package_bad_manifest", reason="the manifest and its signature must come first")
        if member.name == MANIFEST:
            if member.size > MAX_MANIFEST:
                raise PackageError("package_member_too_large", name=member.name, size=member.size,
                                   limit=MAX_MANIFEST)
            manifest_body = plain.read_exact(member.size)
            plain.read_exact(-member.size % BLOCK)
            continue
        if member.name == SIGNATURE:
            if member.size != 64:
                raise PackageError("package_bad_signature", device="?")
            signature = plain.read_exact(64)
            plain.read_exact(BLOCK - 64)
            signer = _signer(manifest_body, signature, trusted, names)
            manifest = _parse_manifest(manifest_body, version)  # parsed only once its signature holds
            if uuid.UUID(str(manifest["device_id"])) != signer:
                raise PackageError("package_bad_signature", device=str(manifest["device_id"]))
            # A trusted device could otherwise pass on a package made for itself (decrypted, re-encrypted
            # to another): the signed address must be this device, or a passphrase for a passphrase package.
            if manifest.get("to") != addressed:
                raise PackageError("package_not_addressed", to=str(manifest.get("to"))[:64],
                                   here="passphrase" if addressed == "passphrase" else addressed)
            check_manifest(manifest)
            manifest["_manifest_size"] = len(manifest_body)
            result.manifest = manifest
            expected = {m["name"]: m for m in manifest["members"]}
            _check_space(expected, staging, has_blob)
            continue
        entry = expected.get(member.name)
        if entry is None:
            raise PackageError("package_member_unknown", name=member.name)
        limit = (MAX_LOG_MEMBER if member.name in (CHANGES, AUDIT)
                 else MAX_IDENTITIES if member.name == IDENTITIES else MAX_MEMBER)
        if member.size > limit or member.size > shutil.disk_usage(staging).free:
            raise PackageError("package_member_too_large", name=member.name, size=member.size, limit=limit)
        if member.size != entry["size"]:
            raise PackageError("package_member_size", name=member.name, size=member.size,
                               expected=entry["size"])
        # Evidence travels as age files (their hash is checked on the plaintext while staging them).
        as_age_file = member.name.startswith("blobs/")
        reader = _MemberReader(plain, member.size, hashing=not as_age_file)
        if member.name in (CHANGES, AUDIT, IDENTITIES):
            data = bytearray()
            while chunk := reader.read(_PIPE_CHUNK):
                data += chunk
            if member.name == CHANGES:
                result.changes = bytes(data)
            elif member.name == AUDIT:
                result.audit = bytes(data)
            else:
                result.identities = bytes(data)
            content_digest = reader.digest.hexdigest()
        else:
            sha256 = member.name.removeprefix("blobs/")
            if has_blob(sha256):
                while reader.read(_PIPE_CHUNK):
                    pass
                content_digest = sha256
                result.blobs_present.add(sha256)
            else:
                content_digest = _stage_age_blob(reader, sha256, staging, identities, recipient, result)
        plain.read_exact(-member.size % BLOCK)
        if content_digest != entry["sha256"] or (
                member.name.startswith("blobs/") and entry["sha256"] != member.name.removeprefix("blobs/")):
            raise PackageError("package_member_hash", name=member.name)
    for name in (*expected, CHANGES, AUDIT):
        if name not in seen:
            raise PackageError("package_member_missing", name=name)
    if not result.manifest:
        raise PackageError("package_member_missing", name=MANIFEST)


def _check_space(expected: dict[str, dict[str, Any]], staging: Path, has_blob: Callable[[str], bool]) -> None:
    """All evidence to be staged must fit on the disk together (each member is also checked alone as it
    comes): refused before the first byte is written, rather than filling the disk and failing late."""
    needed = sum(int(entry["size"]) for name, entry in expected.items()
                 if (blob := _BLOB.fullmatch(name)) and not has_blob(blob[1]))
    free = shutil.disk_usage(staging).free
    if needed > free:
        raise PackageError("package_disk_space", needed=needed, free=free)


def _signer(body: bytes, signature: bytes, trusted: dict[uuid.UUID, Ed25519PublicKey],
            names: Mapping[uuid.UUID, str]) -> uuid.UUID:
    """The trusted device whose key verifies the manifest's bytes, found before the manifest is parsed:
    unauthenticated JSON (up to 64 MiB of it) is never parsed. The device the manifest claims is tried
    first; its id is otherwise read only to say whose package was refused. The name it claims is never
    shown: anyone can write any name there, including that of a trusted device."""
    found = _CLAIMED_DEVICE.search(body)
    try:
        claimed = uuid.UUID(found[1].decode("ascii")) if found else None
    except ValueError:
        claimed = None
    for device, key in sorted(trusted.items(), key=lambda item: item[0] != claimed):
        try:
            key.verify(signature, body)
            return device
        except InvalidSignature:
            continue
    if claimed in trusted:
        raise PackageError("package_bad_signature", device=str(claimed))
    known = names.get(claimed) if claimed is not None else None
    raise PackageError("package_unknown_device", device=str(claimed) if claimed else "?",
                       name=known or (str(claimed)[:8] if claimed else "?"))


_CLAIMED_DEVICE = re.compile(rb'"device_id"\s*:\s*"([0-9A-Fa-f-]{32,36})"')


def _stage_age_blob(reader: _MemberReader, sha256: str, staging: Path, identities: list[X25519PrivateKey],
                    recipient: X25519PublicKey, result: ReadPackage) -> str:
    """Stages an evidence member (an age file for the package's key) re-encrypted to ``recipient`` under a
    new file key and nonce of this device's own making, hashing the plaintext on the way; returns its
    SHA-256 (the caller refuses the package when it is not the member's name, discarding what was staged).

    Re-encrypting, not re-wrapping the sender's header around its payload: two devices never hold the same
    ciphertext of a file, and a sender cannot choose the key and nonce the receiver's store keeps it under.
    """
    handle, temp_name = tempfile.mkstemp(dir=staging, prefix="sync-", suffix=".part")
    temp = Path(temp_name)
    result.blobs[sha256] = temp  # registered first, so a failure below discards it
    digest = hashlib.sha256()
    with os.fdopen(handle, "wb") as sink:
        writer: agefile.AgeWriter | None = None
        try:
            plain = agefile.AgeReader(reader, identities)  # type: ignore[arg-type]
            writer = agefile.AgeWriter(sink, [recipient], threaded=True)
            while data := plain.read(agefile.CHUNK):
                digest.update(data)
                writer.write(data)
            writer.finish()
        except agefile.AgeError as exc:
            raise PackageError("package_member_hash", name=f"blobs/{sha256}") from exc
        finally:
            if writer is not None:
                writer.close()  # its thread stops before the file is closed
        if reader.left:
            raise _EndOfStream()
        sink.flush()
        os.fsync(sink.fileno())
    return digest.hexdigest()


def _parse_manifest(body: bytes, version: int) -> dict[str, Any]:
    try:
        manifest = json.loads(body)
    except (ValueError, RecursionError) as exc:
        raise PackageError("package_bad_manifest", reason=type(exc).__name__) from exc
    if not isinstance(manifest, dict):
        raise PackageError("package_bad_manifest", reason="not a JSON object")
    if manifest.get("format") != version:  # the signed manifest must agree with the unsigned outer header
        # Named as what it is: the header (unsigned) was changed, or the manifest was put in another
        # version's package; neither the program nor the sender needs an upgrade.
        raise PackageError("package_version_mismatch", header=version, manifest=str(manifest.get("format"))[:20])
    try:
        uuid.UUID(str(manifest["device_id"]))
        uuid.UUID(str(manifest["package_id"]))
        members = manifest["members"]
        if not isinstance(members, list):
            raise TypeError("members")
        for entry in members:
            if not (isinstance(entry["name"], str) and isinstance(entry["size"], int) and entry["size"] >= 0
                    and isinstance(entry["sha256"], str)):
                raise TypeError("member entry")
        if not isinstance(manifest["marks"], dict):
            raise TypeError("marks")
    except (KeyError, TypeError, ValueError) as exc:
        raise PackageError("package_bad_manifest", reason=f"missing or invalid {exc}") from exc
    return manifest


class CompressedLog:
    """A log member: JSON lines compressed in batches of about 1 MiB (a call per line cost more than the
    compression itself); level 1, about five times faster than level 6 for a few per cent more bytes."""

    _BATCH = 1 << 20

    def __init__(self) -> None:
        self._deflater = zlib.compressobj(1)
        self._parts: list[bytes] = []
        self._batch: list[bytes] = []
        self._batched = 0
        self.unpacked = 0
        self.count = 0

    def add(self, value: dict[str, Any]) -> None:
        self.add_line(json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode() + b"\n")

    def add_line(self, line: bytes) -> None:
        self.unpacked += len(line)
        self.count += 1
        self._batch.append(line)
        self._batched += len(line)
        if self._batched >= self._BATCH:
            self._compress_batch()

    def _compress_batch(self) -> None:
        self._parts.append(self._deflater.compress(b"".join(self._batch)))
        self._batch, self._batched = [], 0

    def finish(self) -> bytes:
        self._compress_batch()
        self._parts.append(self._deflater.flush())
        data = b"".join(self._parts)
        self._parts = []
        return data
