"""Backup and restore of a whole workspace as one encrypted file (``.xcbak``).

A backup holds what a copy of the workspace folder holds — the settings, the key files, the database
(still encrypted by SQLCipher) with its write-ahead log, and the evidence files (still age files) — as a
tar stream in one age stream. The age stream is encrypted to a one-off X25519 key, and that key is sealed
with the workspace's passphrase (age's scrypt), as a passphrase package is: the backup opens with the
passphrase alone, on any machine, after the laptop itself is gone. The file names inside (evidence
hashes) are hidden too.

    magic "XCBAK\\n" | version (1) | uint32 length n | n bytes: the one-off identity, sealed | age stream

A restore writes into a new folder beside the target, checks that the passphrase opens the restored
workspace, and only then renames the folder into place: a damaged or hostile backup, a wrong passphrase
or a full disk leave no target folder at all. Only the members a backup can hold are accepted (no paths
out of the folder, no links, no other names).
"""

from __future__ import annotations

import io
import json
import re
import shutil
import struct
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import pyrage

from xuncha_desktop import files
from xuncha_desktop.db import audit, migrate
from xuncha_desktop.db.engine import WRITE_LOCK
from xuncha_desktop.errors import Cancelled, InvalidRequest, WrongPassphrase, XunchaError
from xuncha_desktop.security import agefile
from xuncha_desktop.services.permissions import Action, check
from xuncha_desktop.sync.package import (
    BLOCK,
    PackageError,
    padding,
    parse_tar_header,
    tar_header,
    unwrap_identity,
    wrap_identity,
)
from xuncha_desktop.workspace import DB_NAME, Workspace, is_workspace

MAGIC = b"XCBAK\n"
VERSION = 1
_CHUNK = 1 << 20
# Every name a backup may hold; anything else refuses the backup.
_MEMBER = re.compile(r"manifest\.json|workspace\.json|keys/[a-z-]+\.json|xuncha\.db(-wal)?"
                     r"|evidence/[0-9a-f]{2}/[0-9a-f]{64}\.age")

Progress = Callable[[int, int], None]
CancelFlag = Callable[[], bool]


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    bytes: int
    evidence_files: int
    revision: str


def _members(ws: Workspace) -> list[tuple[str, Path]]:
    folder = ws.path
    found = [("workspace.json", folder / "workspace.json")]
    found += [(f"keys/{p.name}", p) for p in sorted((folder / "keys").glob("*.json"))]
    found += [(f"evidence/{p.parent.name}/{p.name}", p) for p in sorted((folder / "evidence").glob("??/*.age"))]
    return found


def create(ws: Workspace, out: Path, passphrase: str, progress: Progress | None = None,
           cancelled: CancelFlag | None = None) -> BackupSummary:
    """Writes a backup of ``ws`` to ``out``, sealed with the workspace's ``passphrase``.

    Raises WrongPassphrase when ``passphrase`` does not open this workspace (a backup nobody can open is
    worse than none), InvalidRequest when ``out`` exists or the records live in a server database (back that
    up with the server's own tools: docs/office-hub.md), Cancelled (no file left).
    """
    check(ws.user.role, Action.BACK_UP)
    if ws.info.database_url is not None:
        raise InvalidRequest("backup_server_database")
    if out.exists():
        raise InvalidRequest("output_exists", path=str(out))
    ws.check_passphrase(passphrase)
    identity = pyrage.x25519.Identity.generate()
    wrapped = wrap_identity(identity, passphrase)
    recipient = agefile.recipient_key(str(identity.to_public()))
    members = _members(ws)
    with ws.engine.connect().execution_options(**{WRITE_LOCK: True}) as connection, connection.begin():
        # A write lock for the copy: no transaction can commit while the database file and its log are read,
        # so the pair is one consistent state (SQLite replays the log when the restored copy opens).
        connection.exec_driver_sql("SELECT 1")  # the transaction, and with it the lock, begins here
        database = [("xuncha.db", ws.path / DB_NAME)]
        wal = ws.path / f"{DB_NAME}-wal"
        if wal.exists():
            database.append(("xuncha.db-wal", wal))
        revision = migrate.current_revision(ws.engine) or ""
        manifest = json.dumps({"format": VERSION, "device_id": str(ws.info.device_id),
                               "device_name": ws.info.device_name, "revision": revision,
                               "evidence_files": sum(1 for n, _p in members if n.startswith("evidence/"))},
                              ensure_ascii=False).encode("utf-8")
        everything = [*database, *members]
        total = sum(p.stat().st_size for _n, p in everything) + len(manifest)
        done = len(manifest)
        with files.atomic_writer(out) as sink:
            sink.write(MAGIC + bytes([VERSION]) + struct.pack(">I", len(wrapped)) + wrapped)
            stream = agefile.AgeWriter(sink, [recipient], threaded=True)
            try:
                stream.write(tar_header("manifest.json", len(manifest)) + manifest + padding(len(manifest)))
                for name, path in everything:
                    size = path.stat().st_size
                    stream.write(tar_header(name, size))
                    with path.open("rb") as source:
                        copied = 0
                        while chunk := source.read(min(_CHUNK, size - copied)):
                            stream.write(chunk)
                            copied += len(chunk)
                            done += len(chunk)
                            if cancelled is not None and cancelled():
                                raise Cancelled()
                            if progress is not None:
                                progress(done, total)
                    if copied != size:
                        raise XunchaError("backup_source_changed", name=name)
                    stream.write(padding(size))
                stream.write(b"\0" * (2 * BLOCK))
                stream.finish()
            except BaseException:
                stream.close()
                raise
    with ws.transaction() as session:
        audit.record(session, "backup", detail=f"{len(members) - 4} evidence files")
    return BackupSummary(out, out.stat().st_size, sum(1 for n, _p in members if n.startswith("evidence/")),
                         revision)


class _Plain(io.RawIOBase):
    """Exact reads from the decrypted tar stream; a short read means the backup was cut."""

    def __init__(self, reader: agefile.AgeReader) -> None:
        super().__init__()
        self.reader = reader
        self.count = 0

    def read_exact(self, size: int) -> bytes:
        parts: list[bytes] = []
        wanted = size
        while wanted:
            chunk = self.reader.read(min(wanted, _CHUNK))
            if not chunk:
                raise XunchaError("backup_damaged", reason="cut short")
            parts.append(chunk)
            wanted -= len(chunk)
        self.count += size
        return b"".join(parts)


def _entries(plain: _Plain) -> Iterator[tuple[str, int]]:
    seen: set[str] = set()
    while True:
        try:
            member = parse_tar_header(plain.read_exact(BLOCK))
        except PackageError as exc:
            raise XunchaError("backup_damaged", reason=exc.text("en")) from exc
        if member is None:
            if plain.read_exact(BLOCK) != b"\0" * BLOCK or plain.reader.read(1):
                raise XunchaError("backup_damaged", reason="data after the end of the archive")
            return
        if member.typeflag not in (b"0", b"\0") or not _MEMBER.fullmatch(member.name) or member.name in seen:
            raise XunchaError("backup_member_refused", name=member.name)
        seen.add(member.name)
        yield member.name, member.size


def restore(source: Path, target: Path, passphrase: str, progress: Progress | None = None,
            cancelled: CancelFlag | None = None, user: str | None = None) -> Workspace:
    """Restores the backup ``source`` into the new folder ``target`` and returns it opened (migrated if the
    backup is of an older revision, after the usual copy into backups/).

    Raises InvalidRequest when ``target`` exists, XunchaError ``backup_not_backup``, ``backup_damaged``,
    ``backup_member_refused``, ``backup_wrong_passphrase``; in every case no ``target`` is left behind.
    """
    if target.exists():
        raise InvalidRequest("output_exists", path=str(target))
    staging = target.with_name(f".{target.name}.restoring-{uuid.uuid4().hex[:8]}")
    try:
        with source.open("rb") as raw:
            identity = _open_header(raw, passphrase)
            total = max(source.stat().st_size, 1)
            try:
                reader = agefile.AgeReader(raw, [agefile.identity_key(str(identity))])
                plain = _Plain(reader)
                _unpack(plain, staging, lambda: raw.tell(), total, progress, cancelled)
            except agefile.AgeError as exc:
                raise XunchaError("backup_damaged", reason=type(exc).__name__) from exc
        try:
            Workspace.open(staging, passphrase, user).close()
        except WrongPassphrase as exc:
            raise XunchaError("backup_wrong_passphrase") from exc
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    workspace = Workspace.open(target, passphrase, user)
    with workspace.transaction() as session:
        audit.record(session, "restore", detail=source.name[:200])
    return workspace


def _open_header(raw: BinaryIO, passphrase: str) -> pyrage.x25519.Identity:
    head = raw.read(len(MAGIC) + 5)
    if len(head) < len(MAGIC) + 5 or head[:len(MAGIC)] != MAGIC:
        raise XunchaError("backup_not_backup")
    if head[len(MAGIC)] != VERSION:
        raise XunchaError("backup_damaged", reason=f"version {head[len(MAGIC)]}")
    (length,) = struct.unpack(">I", head[len(MAGIC) + 1:])
    if not 0 < length <= 4096:
        raise XunchaError("backup_damaged", reason="key header")
    wrapped = raw.read(length)
    try:
        return unwrap_identity(wrapped, passphrase)
    except PackageError as exc:
        raise XunchaError("backup_wrong_passphrase") from exc


def _unpack(plain: _Plain, staging: Path, position: Callable[[], int], total: int, progress: Progress | None,
            cancelled: CancelFlag | None) -> None:
    staging.mkdir(mode=0o700)
    names: set[str] = set()
    manifest: dict[str, Any] | None = None
    for name, size in _entries(plain):
        if name == "manifest.json":
            manifest = _manifest(plain.read_exact(size))
        else:
            path = staging / name
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            with files.atomic_writer(path) as sink:
                left = size
                while left:
                    chunk = plain.read_exact(min(left, _CHUNK))
                    sink.write(chunk)
                    left -= len(chunk)
                    if cancelled is not None and cancelled():
                        raise Cancelled()
                    if progress is not None:
                        progress(min(position(), total), total)
        names.add(name)
        plain.read_exact(-size % BLOCK)
    needed = {"workspace.json", "keys/master-key.json", "keys/device-secrets.json", "keys/device-public.json",
              "xuncha.db"}
    if manifest is None or not needed <= names:
        raise XunchaError("backup_damaged", reason="missing " + ", ".join(sorted(needed - names)) or "manifest")
    if not is_workspace(staging):
        raise XunchaError("backup_damaged", reason="no workspace")


def _manifest(body: bytes) -> dict[str, Any]:
    try:
        value = json.loads(body)
    except ValueError as exc:
        raise XunchaError("backup_damaged", reason="manifest") from exc
    if not isinstance(value, dict) or value.get("format") != VERSION:
        raise XunchaError("backup_damaged", reason="manifest")
    return value


