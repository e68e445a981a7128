"""巡后清退, clearance of a laptop after the round: the office acknowledges what it holds, the laptop checks
that it holds nothing more, writes a certificate, and destroys its keys (crypto-shredding).

Office side: :func:`acknowledge` (what this copy holds of a device) and :func:`write_ack` (signed file).
Laptop side: :func:`check` (the file verified, addressed here, and everything this device holds is in it) and
:func:`clear`, which refuses unless the check passes, then

1. writes the certificate PDF outside the workspace folder (atomically) and reads it back;
2. writes the marker ``CLEARED.json`` (state ``shredding``): the point of no return. From here on the
   workspace does not open (``Workspace.open`` says 本机已清退) and :func:`finish` completes the job;
3. overwrites and deletes ``keys/master-key.json`` (every key slot), ``keys/device-secrets.json`` and every
   other file in ``keys/``; then removes the database, the evidence store, the backups and the drafts,
   which nothing can read any more;
4. rewrites the marker with state ``cleared``.

A kill before step 2 leaves the workspace as it was (a certificate may have been written; a new run writes
it again). A kill during step 3 leaves the marker; :func:`finish` (``xuncha clearance run`` again) redoes
step 3, whose every part may be repeated, and step 4. See docs/clearance.md.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import shutil
import uuid
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from xuncha_desktop import files, local_time
from xuncha_desktop.db import audit
from xuncha_desktop.db.change_chain import GENESIS
from xuncha_desktop.db.models.audit import AuditEntry
from xuncha_desktop.db.models.changes import Change
from xuncha_desktop.db.models.evidence import Evidence
from xuncha_desktop.db.models.organisation import Round
from xuncha_desktop.db.models.sync import SyncDevice
from xuncha_desktop.errors import InvalidRequest, NotFound, XunchaError
from xuncha_desktop.reports.data import ClearanceData
from xuncha_desktop.services import permissions
from xuncha_desktop.services import sync as sync_service
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.services.permissions import Action
from xuncha_desktop.sync import ack as ack_format
from xuncha_desktop.sync.ack import Ack, AckError, LogHead
from xuncha_desktop.sync.merge import have_marks
from xuncha_desktop.workspace import (
    CLEARED_MARKER,
    DB_NAME,
    Workspace,
    hold_process_lock,
    release_process_lock,
)

log = logging.getLogger("xuncha")

# Audit entries written after a package left, recording that it left: they cannot travel in the package they
# record, so an acknowledgement never covers the last of them, and losing them loses nothing of the work.
EXPORT_RECORDS = frozenset({"sync_export"})
_CHUNK = 500


# ---- what a copy holds of one device ---------------------------------------------------------------------
def _log_head(session: Session, model: Any, hash_column: Any, device: uuid.UUID) -> LogHead:
    row = session.execute(select(model.seq, hash_column).where(model.device_id == device)
                          .order_by(model.seq.desc()).limit(1)).first()
    return LogHead(0, GENESIS) if row is None else LogHead(int(row[0]), str(row[1]))


def _device_files(session: Session, device: uuid.UUID) -> set[str]:
    """The evidence files of ``device``: the SHA-256 its changes gave evidence records (a record's file never
    changes once stored), as far as a record still names it (what an export carries)."""
    named: set[str] = set()
    for fields in session.scalars(select(Change.fields).where(Change.device_id == device,
                                                              Change.table_name == "evidence")):
        sha256 = fields.get("sha256") if isinstance(fields, dict) else None
        if isinstance(sha256, str) and ack_format._HEX64.fullmatch(sha256):
            named.add(sha256)
    found: set[str] = set()
    ordered = sorted(named)
    for start in range(0, len(ordered), _CHUNK):
        found.update(sha for sha in session.scalars(
            select(Evidence.sha256).where(Evidence.sha256.in_(ordered[start:start + _CHUNK]))) if sha)
    return found


# ---- office: acknowledge ----------------------------------------------------------------------------------
def find_device(session: Session, device: uuid.UUID | str) -> SyncDevice:
    """A known device by its id or its name. Raises NotFound, or InvalidRequest when a name is not unique."""
    text = str(device).strip()
    try:
        known = session.get(SyncDevice, uuid.UUID(text))
    except ValueError:
        known = None
    if known is not None:
        return known
    named = list(session.scalars(select(SyncDevice).where(SyncDevice.device_name == text)))
    if len(named) > 1:
        raise InvalidRequest("ack_device_ambiguous", name=text, ids=" ".join(str(d.device_id) for d in named))
    if not named:
        raise NotFound("ack_device_unknown", device=text)
    return named[0]


def acknowledge(ws: Workspace, device: uuid.UUID | str, verify_files: bool = True) -> Ack:
    """What this copy holds of ``device`` (its id or name): its change and audit log heads, how many of its
    changes, its evidence files held here (each decrypted and re-hashed when ``verify_files``), and how far
    every device's change log is held. Recorded in the audit log. Raises NotFound for an unknown device."""
    permissions.check(ws.user.role, Action.CLEAR_DEVICE)
    with ws.transaction() as session:
        known = find_device(session, device)
        target = known.device_id
        changes = _log_head(session, Change, Change.chain, target)
        count = int(session.scalar(select(func.count()).select_from(Change).where(Change.device_id == target)) or 0)
        audit_head = _log_head(session, AuditEntry, AuditEntry.hash, target)
        candidates = _device_files(session, target)
        origins = have_marks(session, "changes")
    held = frozenset(sha for sha in candidates
                     if ws.evidence.has(sha) and (not verify_files or ws.evidence.verify(sha)))
    result = Ack(ack_id=uuid.uuid4(), office_device_id=ws.info.device_id, device_id=target,
                 created_at=dt.datetime.now(dt.UTC).replace(microsecond=0), changes=changes, change_count=count,
                 audit=audit_head, evidence=held, origins=origins)
    with ws.transaction() as session:
        audit.record(session, "clearance_ack", detail=f"ack {result.ack_id} for device {target}: "
                                                      f"{changes.seq} changes, {len(held)} files")
    log.info("acknowledgement %s written for device %s", result.ack_id, target)
    return result


def write_ack(ws: Workspace, acknowledgement: Ack, out: Path, overwrite: bool = False) -> Path:
    """The acknowledgement signed with this device's key, written atomically to ``out``."""
    if out.exists() and not overwrite:
        raise InvalidRequest("output_exists", path=str(out))
    out.parent.mkdir(parents=True, exist_ok=True)
    return files.write_bytes(out, ack_format.dumps(acknowledgement, ws.signing_key), mode=0o644)


def ack_to_json(acknowledgement: Ack) -> dict[str, Any]:
    return {"ack_id": str(acknowledgement.ack_id), "office_device_id": str(acknowledgement.office_device_id),
            "device_id": str(acknowledgement.device_id), "created_at": acknowledgement.created_at.isoformat(),
            "changes": acknowledgement.changes.seq, "change_count": acknowledgement.change_count,
            "audit_entries": acknowledgement.audit.seq, "evidence_files": len(acknowledgement.evidence)}


# ---- laptop: check ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MissingChange:
    seq: int
    table: str
    record_id: str
    op: str


@dataclass(frozen=True)
class MissingAudit:
    seq: int
    action: str
    at: str


@dataclass(frozen=True)
class MissingFile:
    sha256: str
    titles: list[str]


@dataclass(frozen=True)
class OtherDevice:
    device_id: str
    device_name: str
    held_here: int
    acknowledged: int


@dataclass
class ClearanceCheck:
    """A verified acknowledgement held against what this device holds; ``ok`` when nothing is missing."""

    ack_id: str
    office_device_id: str
    office_device_name: str          # as this device knows it
    device_id: str
    acknowledged_at: str
    own_changes: int                 # this device's last change (sequence number)
    acknowledged_changes: int
    own_evidence_files: int          # this device's evidence files held here
    history_differs: list[str] = field(default_factory=list)   # message keys: the office holds another history
    changes: list[MissingChange] = field(default_factory=list)
    audit: list[MissingAudit] = field(default_factory=list)
    evidence: list[MissingFile] = field(default_factory=list)
    other_devices: list[OtherDevice] = field(default_factory=list)
    drafts: int = 0                  # unsaved drafts in the window (sealed with the key about to be destroyed)

    @property
    def ok(self) -> bool:
        return not (self.history_differs or self.changes or self.audit or self.evidence or self.other_devices
                    or self.drafts)

    def to_json(self) -> dict[str, Any]:
        document = asdict(self)
        document["ok"] = self.ok
        document["history_differs"] = [{"key": key, "text": XunchaError(key).text()} for key in self.history_differs]
        return document

    def summary(self) -> str:
        """What is missing, in one line of the user's language (for a refusal)."""
        parts = [XunchaError(key).text() for key in self.history_differs]
        for key, count in (("clearance_missing_changes", len(self.changes)),
                           ("clearance_missing_audit", len(self.audit)),
                           ("clearance_missing_files", len(self.evidence)),
                           ("clearance_missing_devices", len(self.other_devices)),
                           ("clearance_drafts", self.drafts)):
            if count:
                parts.append(XunchaError(key, count=count).text())
        return "；".join(parts)


def _trusted_keys(session: Session) -> dict[uuid.UUID, Ed25519PublicKey]:
    return {device.device_id: Ed25519PublicKey.from_public_bytes(bytes.fromhex(device.ed25519_public))
            for device in sync_service.trusted(session)}


def read_ack(ws: Workspace, source: Path | bytes) -> Ack:
    """The acknowledgement in ``source`` (a file or its bytes), verified with the key of a device trusted here
    by a person and addressed to this device. Raises AckError."""
    data = ack_format.read_bytes(source) if isinstance(source, Path) else source
    with ws.transaction() as session:
        keys = _trusted_keys(session)
    result = ack_format.loads(data, keys)
    if result.device_id != ws.info.device_id:
        raise AckError("ack_not_addressed", to=str(result.device_id), here=str(ws.info.device_id))
    return result


def _drafts(ws: Workspace) -> int:
    folder = ws.path / "drafts"
    return sum(1 for _ in folder.glob("*.draft")) if folder.is_dir() else 0


def check(ws: Workspace, source: Path | bytes) -> ClearanceCheck:
    """Holds the acknowledgement in ``source`` against this device: its own change log must end where the
    acknowledged one ends (same sequence number and chain hash), its own audit log too (but for the records
    of exports), every own evidence file must be acknowledged, every other device's changes held here must be
    held by the office, and no draft may be unsaved. Lists exactly what is missing. Raises AckError for a
    file that is not an acknowledgement for this device from a trusted device. Writes nothing."""
    return _check(ws, read_ack(ws, source))


def _check(ws: Workspace, acknowledgement: Ack) -> ClearanceCheck:
    own = ws.info.device_id
    with ws.transaction() as session:
        office = session.get(SyncDevice, acknowledgement.office_device_id)
        changes = _log_head(session, Change, Change.chain, own)
        audit_head = _log_head(session, AuditEntry, AuditEntry.hash, own)
        result = ClearanceCheck(
            ack_id=str(acknowledgement.ack_id), office_device_id=str(acknowledgement.office_device_id),
            office_device_name=office.device_name if office else str(acknowledgement.office_device_id),
            device_id=str(own), acknowledged_at=local_time.text(acknowledgement.created_at),
            own_changes=changes.seq, acknowledged_changes=acknowledgement.changes.seq, own_evidence_files=0)
        # Changes: the office's head must be on this device's chain, and the office's count gap-free.
        acked = acknowledgement.changes
        if acked.seq > changes.seq:
            result.history_differs.append("clearance_office_ahead")
        elif acked.seq and session.scalar(select(Change.chain).where(Change.device_id == own,
                                                                     Change.seq == acked.seq)) != acked.hash:
            result.history_differs.append("clearance_chain_differs")
        if acknowledgement.change_count != acked.seq:
            result.history_differs.append("clearance_office_gaps")
        if acked.seq < changes.seq:
            result.changes = [MissingChange(seq, table, str(record), op) for seq, table, record, op in session.execute(
                select(Change.seq, Change.table_name, Change.record_id, Change.op)
                .where(Change.device_id == own, Change.seq > acked.seq).order_by(Change.seq))]
        # Audit: the same, except the records of exports that follow the acknowledged entry.
        acked_audit = acknowledgement.audit
        if acked_audit.seq > audit_head.seq:
            result.history_differs.append("clearance_audit_ahead")
        elif acked_audit.seq and session.scalar(select(AuditEntry.hash).where(
                AuditEntry.device_id == own, AuditEntry.seq == acked_audit.seq)) != acked_audit.hash:
            result.history_differs.append("clearance_audit_differs")
        result.audit = [MissingAudit(seq, action, at.isoformat()) for seq, action, at in session.execute(
            select(AuditEntry.seq, AuditEntry.action, AuditEntry.at)
            .where(AuditEntry.device_id == own, AuditEntry.seq > acked_audit.seq).order_by(AuditEntry.seq))
            if action not in EXPORT_RECORDS]
        # Evidence: every file this device gave a record, held here, must be acknowledged.
        own_files = {sha for sha in _device_files(session, own) if ws.evidence.has(sha)}
        result.own_evidence_files = len(own_files)
        missing = sorted(own_files - acknowledgement.evidence)
        titles: dict[str, list[str]] = {}
        for start in range(0, len(missing), _CHUNK):
            for sha, title in session.execute(select(Evidence.sha256, Evidence.title)
                                              .where(Evidence.sha256.in_(missing[start:start + _CHUNK]))
                                              .order_by(Evidence.title)):
                titles.setdefault(str(sha), []).append(title)
        result.evidence = [MissingFile(sha, titles.get(sha, [])) for sha in missing]
        # Other devices' changes this device holds (received from another laptop, say) must be at the office.
        names = {d.device_id: d.device_name for d in session.scalars(select(SyncDevice))}
        for device, seq in sorted(have_marks(session, "changes").items(), key=lambda item: str(item[0])):
            if device != own and seq > acknowledgement.origins.get(device, 0):
                result.other_devices.append(OtherDevice(str(device), names.get(device, str(device)), seq,
                                                        acknowledgement.origins.get(device, 0)))
    result.drafts = _drafts(ws)
    return result


# ---- laptop: clear ----------------------------------------------------------------------------------------
def certificate_data(ws: Workspace, checked: ClearanceCheck, acknowledgement: Ack) -> ClearanceData:
    """What the certificate states, from this workspace (reports never read the database)."""
    with ws.transaction() as session:
        rounds = [name for (name,) in session.execute(select(Round.name).where(Round.deleted.is_(False))
                                                      .order_by(Round.start_date, Round.name))]
        counts = [(service.zh, int(session.scalar(select(func.count()).select_from(service.model)
                                                  .where(service.model.deleted.is_(False))) or 0))
                  for service in KINDS.values()]
    now = local_time.now()
    return ClearanceData(
        device_name=ws.info.device_name, device_id=str(ws.info.device_id), user_name=ws.user.name, rounds=rounds,
        counts=counts, evidence_files=sum(1 for _ in ws.evidence), changes=checked.own_changes,
        evidence_acknowledged=checked.own_evidence_files, ack_id=checked.ack_id,
        ack_created_at=checked.acknowledged_at, office_name=checked.office_device_name,
        office_id=checked.office_device_id, cleared_at=now.strftime("%Y-%m-%d %H:%M:%S"),
        time_zone=str(local_time.zone()), chain_hash=acknowledgement.changes.hash)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _verify_certificate(path: Path, ack_id: str) -> str:
    """Reads the written certificate back: a whole PDF naming the acknowledgement. Returns its SHA-256."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise XunchaError("clearance_certificate_failed", path=str(path), reason=str(exc)) from exc
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:] or ack_id.encode("ascii") not in data:
        raise XunchaError("clearance_certificate_failed", path=str(path), reason="content")
    return hashlib.sha256(data).hexdigest()


def _write_marker(folder: Path, document: dict[str, Any]) -> None:
    files.write_bytes(folder / CLEARED_MARKER,
                      (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8"), mode=0o644)


def read_marker(folder: Path) -> dict[str, Any] | None:
    """The clearance marker of a workspace folder (None when it has none; ``{}`` when it is unreadable)."""
    marker = folder / CLEARED_MARKER
    if not marker.exists():
        return None
    try:
        document = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return document if isinstance(document, dict) else {}


Step = Callable[[Path], None]


def clear(ws: Workspace, source: Path | bytes, certificate: Path, overwrite: bool = False,
          use_system_fonts: bool | None = None, step: Step | None = None) -> dict[str, Any]:
    """Clears this laptop: refuses (XunchaError ``clearance_refused``, nothing touched) unless :func:`check`
    passes; writes the certificate, then destroys the keys and removes the data (module docstring). Closes
    ``ws``. Returns the marker. ``step(path)`` is called after each file destroyed (progress, tests)."""
    permissions.check(ws.user.role, Action.CLEAR_DEVICE)
    if ws.info.database_url is not None:  # an office hub: its records live on the server, which this cannot clear
        raise InvalidRequest("clearance_server_database")
    acknowledgement = read_ack(ws, source)
    checked = _check(ws, acknowledgement)
    if not checked.ok:
        raise XunchaError("clearance_refused", missing=checked.summary())
    folder = ws.path.resolve()
    target = certificate.expanduser().absolute()
    if _inside(target.resolve(), folder):
        raise InvalidRequest("clearance_certificate_inside", path=str(target), workspace=str(folder))
    if target.exists() and not overwrite:
        raise InvalidRequest("output_exists", path=str(target))
    data = certificate_data(ws, checked, acknowledgement)
    target.parent.mkdir(parents=True, exist_ok=True)
    from xuncha_desktop.reports import clearance as certificate_pdf  # reportlab only when one is made

    certificate_pdf.write_pdf(data, target, use_system_fonts)
    try:
        digest = _verify_certificate(target, checked.ack_id)
    except XunchaError:
        target.unlink(missing_ok=True)  # not a certificate to keep: no key was destroyed
        raise
    hold_process_lock(ws.path)  # kept through the shred, so no other program opens the folder meanwhile
    try:
        again = _check(ws, acknowledgement)  # nothing written since the first look (another window, a thread)?
        if not again.ok:
            target.unlink(missing_ok=True)
            raise XunchaError("clearance_refused", missing=again.summary())
        path = ws.path
        ws.close()
        marker = {"state": "shredding", "device_id": data.device_id, "device_name": data.device_name,
                  "user_name": data.user_name, "ack_id": checked.ack_id,
                  "office_device_id": checked.office_device_id, "office_device_name": checked.office_device_name,
                  "certificate": str(target), "certificate_sha256": digest,
                  "started_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
        _write_marker(path, marker)
        log.info("clearance %s: certificate written, shredding the keys", checked.ack_id)
        return _finish(path, marker, step)
    finally:
        release_process_lock(ws.path)


def finish(path: Path, step: Step | None = None) -> dict[str, Any]:
    """Completes a clearance that was interrupted after its marker was written (no passphrase needed: the
    keys may already be gone). Returns the marker; raises XunchaError ``clearance_not_started`` when the
    folder holds no marker."""
    marker = read_marker(path)
    if marker is None:
        raise XunchaError("clearance_not_started", path=str(path))
    try:
        device = json.loads((path / "workspace.json").read_text(encoding="utf-8")).get("device_id")
    except (OSError, ValueError, AttributeError):
        device = None
    # Only a marker this program wrote for this very workspace finishes a clearance: a stray or damaged file
    # (copied from another laptop's folder, say) destroys nothing.
    if marker.get("state") not in ("shredding", "cleared") or marker.get("device_id") != device or not device:
        raise XunchaError("clearance_marker_damaged", path=str(path / CLEARED_MARKER))
    if marker.get("state") == "cleared":
        return marker
    hold_process_lock(path)
    try:
        return _finish(path, marker, step)
    finally:
        release_process_lock(path)


def _finish(path: Path, marker: dict[str, Any], step: Step | None) -> dict[str, Any]:
    try:
        _shred(path, step)
    except OSError as exc:
        raise XunchaError("clearance_interrupted", path=str(path), reason=str(exc)) from exc
    done = {**marker, "state": "cleared", "cleared_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}
    _write_marker(path, done)
    log.info("clearance %s finished: keys destroyed", marker.get("ack_id"))
    return done


def _key_files(keys_folder: Path) -> list[Path]:
    """Every key file, the one with the key slots first (it alone opens everything), then the device's
    secrets, then anything else in the folder (further slot files, a temporary file a kill left)."""
    first = [keys_folder / "master-key.json", keys_folder / "device-secrets.json"]
    rest = sorted(p for p in keys_folder.iterdir() if p not in first) if keys_folder.is_dir() else []
    return [p for p in first if p.exists()] + rest


def destroy_file(path: Path) -> None:
    """Overwrites the file with random bytes (flushed to the disk), then deletes it and flushes the folder.
    On flash storage an overwrite may land elsewhere; what is left of a key slot is still sealed by its
    passphrase (docs/clearance.md)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    if path.is_file():
        with path.open("r+b") as sink:
            sink.write(os.urandom(max(size, 1)))
            sink.flush()
            os.fsync(sink.fileno())
        path.unlink()
    else:
        shutil.rmtree(path)
    files.fsync_folder(path.parent)


def _remove(paths: Iterable[Path], step: Step | None) -> None:
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()
        else:
            continue
        if step is not None:
            step(path)


def _shred(path: Path, step: Step | None) -> None:
    keys_folder = path / "keys"
    for key_file in _key_files(keys_folder):
        destroy_file(key_file)
        if step is not None:
            step(key_file)
    if keys_folder.is_dir():
        keys_folder.rmdir()
    # What the keys opened, unreadable from now on: removed for hygiene.
    _remove([path / DB_NAME, *(path / f"{DB_NAME}{suffix}" for suffix in ("-wal", "-shm", "-journal")),
             path / "evidence", path / "backups", path / "drafts"], step)
    files.fsync_folder(path)


__all__ = ["Ack", "ClearanceCheck", "acknowledge", "check", "clear", "finish", "read_ack", "read_marker",
           "write_ack"]
