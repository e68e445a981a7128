"""Sync, the use case: export and import of packages, trusted devices, conflicts and their settling.

The package format is ``sync.package`` and the merge ``sync.merge``; this module runs them on an open
workspace, in the caller's thread (the window runs it in a job): ``progress(done, total)`` is called and
``cancelled()`` polled.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, BinaryIO

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified

from xuncha_desktop.db import audit, migrate
from xuncha_desktop.db.capture import context_of
from xuncha_desktop.db.concurrency import lock_imports
from xuncha_desktop.db.models.audit import AuditEntry
from xuncha_desktop.db.models.changes import Change
from xuncha_desktop.db.models.evidence import Evidence
from xuncha_desktop.db.models.sync import SyncConflict, SyncDevice, SyncHead, SyncPackage, SyncPeerMark
from xuncha_desktop.errors import Cancelled, InvalidRequest, NotFound, ValidationError, XunchaError
from xuncha_desktop.security import agefile, sealed_identity
from xuncha_desktop.security.keys import check_passphrase_strength
from xuncha_desktop.services import identities
from xuncha_desktop.services.kinds import service_of_table
from xuncha_desktop.services.permissions import Action, check, require
from xuncha_desktop.sync import merge
from xuncha_desktop.sync.heads import Head, parse_heads
from xuncha_desktop.sync.heads import sign as sign_head
from xuncha_desktop.sync.keyfile import PublicKeys, fingerprint, identity_key_signed, read_keyfile
from xuncha_desktop.sync.package import (
    AUDIT,
    CHANGES,
    FORMAT_VERSION,
    IDENTITIES,
    CancelFlag,
    CompressedLog,
    OutMember,
    PackageError,
    Progress,
    read_package,
    wrap_identity,
    write_package,
)
from xuncha_desktop.workspace import Workspace

log = logging.getLogger("xuncha")


def own_keys(ws: Workspace) -> PublicKeys:
    public = ws.public_keys
    return PublicKeys(ws.info.device_id, ws.info.device_name, str(public["ed25519_public"]),
                      str(public["age_recipient"]), ws.info.user_name,
                      sealed_identity.public_hex(ws.identity_public),
                      sealed_identity.sign_key(ws.signing_key, ws.info.device_id, ws.identity_public))


def keyfile_document(ws: Workspace) -> dict[str, Any]:
    """This device's public key file (nothing secret): its keys, owner, and its signed identity key."""
    own = own_keys(ws)
    return {**ws.public_keys, "owner": own.owner, "identity_public": own.identity_public,
            "identity_signature": own.identity_signature}


def device_fingerprint(device: SyncDevice) -> str:
    """A known device's safety number (``sync.keyfile.fingerprint``)."""
    return fingerprint(device.device_id, device.ed25519_public, device.age_recipient)


def trust(session: Session, ws: Workspace, keys: PublicKeys | Path, office: bool = False,
          reads_identities: bool = False) -> SyncDevice:
    """Trusts another device's keys (or key file). Raises InvalidRequest for one's own keys, XunchaError
    ``key_changed`` when the device is known with other keys.

    ``office`` marks the device as the office: identities registered here are sealed to its identity key
    too. ``reads_identities`` (at the office) names the device as a reader of identities: each package to
    it carries every identity this copy can open, sealed to its key. Both need the device's signed identity
    key; trusting a known device again sets the marks (never clears them)."""
    require(session, Action.EXCHANGE_PACKAGES)
    if isinstance(keys, Path):
        keys = read_keyfile(keys)
    if keys.device_id == ws.info.device_id:
        raise InvalidRequest("key_is_own")
    if keys.identity_public and not identity_key_signed(keys):
        raise InvalidRequest("keyfile_identity_unsigned", path=keys.device_name)
    if (office or reads_identities) and not keys.identity_public:
        raise InvalidRequest("trust_office_needs_identity_key", device=keys.device_name or str(keys.device_id))
    ctx = context_of(session)
    existing = session.get(SyncDevice, keys.device_id)
    if existing is not None:
        if existing.ed25519_public != keys.ed25519_public or existing.age_recipient != keys.age_recipient:
            raise XunchaError("key_changed", device=str(keys.device_id))
        if existing.identity_public not in (None, keys.identity_public) and keys.identity_public:
            raise XunchaError("key_changed", device=str(keys.device_id))
        device = existing
        device.identity_public = device.identity_public or keys.identity_public or None
    else:
        device = SyncDevice(device_id=keys.device_id, device_name=keys.device_name[:200],
                            ed25519_public=keys.ed25519_public, age_recipient=keys.age_recipient,
                            trusted_at=ctx.now(), trusted_by=ctx.actor, identity_public=keys.identity_public or None,
                            office=False, reads_identities=False)
        session.add(device)
    marks = []
    if office and not device.office:
        device.office = True
        marks.append("office")
    if reads_identities and not device.reads_identities:
        device.reads_identities = True
        marks.append("reads identities")
    if existing is None or marks:
        audit.record(session, "sync_trust", detail=" ".join([f"device {keys.device_id}", *marks]))
    return device


def trusted(session: Session) -> list[SyncDevice]:
    """The devices trusted here by a person: those whose packages this copy accepts."""
    return list(session.scalars(select(SyncDevice).where(SyncDevice.vouched_by.is_(None))
                                .order_by(SyncDevice.device_name, SyncDevice.device_id)))


def _device_label(session: Session, ws: Workspace, device: uuid.UUID) -> str:
    """A device as messages name it: its name and the start of its id."""
    known = session.get(SyncDevice, device)
    name = known.device_name if known is not None else ws.info.device_name if device == ws.info.device_id else None
    return f"{name}（{str(device)[:8]}）" if name else str(device)


def _origins(session: Session, ws: Workspace, manifest: dict[str, Any], sender: uuid.UUID) -> merge.Origins:
    """The package's signed heads, each checked with its device's key: the key this copy knows, else the
    key the (trusted, signing) sender vouches for, which is remembered as vouched by it. A vouched key that
    differs from a known one is refused: one device is passing itself off as another."""
    heads = parse_heads(manifest.get("heads", []))
    offered = manifest.get("keys", {})
    if not isinstance(offered, dict):
        raise PackageError("package_bad_manifest", reason="keys")
    own = ws.info.device_id
    ctx = context_of(session)
    for (device, _stream), head in heads.items():
        key_text = offered.get(str(device), {}).get("ed25519_public") if isinstance(
            offered.get(str(device)), dict) else None
        known = session.get(SyncDevice, device)
        if device == own:
            key = str(ws.public_keys["ed25519_public"])
        elif known is not None:
            key = known.ed25519_public
            if key_text is not None and key_text != key:
                raise PackageError("package_key_conflict", device=_device_label(session, ws, device),
                                   sender=_device_label(session, ws, sender))
        else:
            vouch = offered.get(str(device))
            try:
                assert isinstance(vouch, dict)
                candidate = PublicKeys(device, str(vouch.get("device_name", ""))[:200], str(vouch["ed25519_public"]),
                                       str(vouch["age_recipient"]))
                Ed25519PublicKey.from_public_bytes(bytes.fromhex(candidate.ed25519_public))
                pyrage.x25519.Recipient.from_str(candidate.age_recipient)
            except (AssertionError, KeyError, ValueError, pyrage.RecipientError):
                raise PackageError("package_unknown_origin", device=str(device),
                                   sender=_device_label(session, ws, sender)) from None
            session.add(SyncDevice(device_id=device, device_name=candidate.device_name,
                                   ed25519_public=candidate.ed25519_public, age_recipient=candidate.age_recipient,
                                   trusted_at=ctx.now(), trusted_by=ctx.actor, vouched_by=sender))
            session.flush()
            key = candidate.ed25519_public
        if not head.verified_by(Ed25519PublicKey.from_public_bytes(bytes.fromhex(key))):
            raise PackageError("package_head_forged", device=_device_label(session, ws, device),
                               sender=_device_label(session, ws, sender))
    own_head = session.get(SyncHead, (own, "changes"))
    exported = None if own_head is None else session.scalar(
        select(Change.hlc).where(Change.device_id == own, Change.seq == own_head.seq))
    names = {d.device_id: d.device_name for d in session.scalars(select(SyncDevice))}
    names[own] = ws.info.device_name
    return merge.Origins(own, heads, exported, ws.info.max_clock_ahead_minutes * 60_000,
                         _device_label(session, ws, sender), names)


def _check_incoming(session: Session, summary: merge.MergeSummary, origins: merge.Origins) -> None:
    """Every value a package brings passes the rules of input of its record's family, as the records stand
    after the merge: a value no program of ours would store (a code that is no code, a name of 5,000
    characters, an empty required field) refuses the whole package. Refusing, not keeping it as a conflict:
    the value came from a device whose program did not check it, and a person should settle that with the
    sender, not pick between it and nothing. References are the one rule left to ``verify``: a record may
    arrive before the one it names (a device passes on another's records only as far as that device
    signed them), so a reference to a record not yet here is accepted and reported until it comes."""
    by_table: dict[str, dict[uuid.UUID, set[str]]] = {}
    for (table, record_id), names in summary.incoming_fields.items():
        by_table.setdefault(table, {})[record_id] = names
    for table, records in sorted(by_table.items()):
        service = service_of_table(table)
        if service is None:
            continue
        ids = sorted(records)
        for start in range(0, len(ids), 500):
            for record in session.scalars(select(service.model).where(service.model.id.in_(ids[start:start + 500]))):
                try:
                    service.check_stored(session, record, records[record.id], check_refs=False)
                except ValidationError as broken:
                    raise PackageError("package_bad_value", device=origins.label(record.changed_by),
                                       sender=origins.sender, kind=service.kind, kind_zh=service.zh,
                                       record=str(record.id), field=broken.field,
                                       field_zh=str(broken.values.get("field_zh", broken.field)),
                                       rule=broken.key) from broken


# Refusals that mean a device tried to pass something off as another's: recorded as alarms.
ALARMS = frozenset({"package_history_differs", "package_key_conflict", "package_head_forged", "package_claims_own",
                    "package_base_unseen", "package_unsigned_changes"})


# ---- export ----------------------------------------------------------------------------------------------
def _peer_marks(session: Session, peer: uuid.UUID | None, stream: str) -> dict[uuid.UUID, int]:
    """What the receiver is known to hold: a named peer's acknowledgement, else the least of all peers'."""
    if peer is not None:
        peers = [peer]
    else:
        peers = list(session.scalars(select(SyncDevice.device_id)))
        if not peers:
            return {}
    marks: dict[uuid.UUID, int] | None = None
    for one in peers:
        said = {row.origin_id: row.seq for row in session.scalars(
            select(SyncPeerMark).where(SyncPeerMark.peer_id == one, SyncPeerMark.stream == stream))}
        marks = said if marks is None else {k: min(v, said.get(k, 0)) for k, v in marks.items() if k in said}
    return marks or {}


def _heads_to_send(session: Session, ws: Workspace) -> dict[tuple[uuid.UUID, str], Head]:
    """This copy's own heads, signed now over everything it holds of its own, and the heads of the other
    devices as verified on import (a device's entries are passed on only as far as its signed head)."""
    heads = {(h.device_id, h.stream): Head(h.device_id, h.stream, h.seq, h.hash, h.signature)
             for h in session.scalars(select(SyncHead))}
    own = ws.info.device_id
    last_change = session.execute(select(Change.seq, Change.chain).where(Change.device_id == own)
                                  .order_by(Change.seq.desc()).limit(1)).first()
    last_audit = session.execute(select(AuditEntry.seq, AuditEntry.hash).where(AuditEntry.device_id == own)
                                 .order_by(AuditEntry.seq.desc()).limit(1)).first()
    for stream, last in (("changes", last_change), ("audit", last_audit)):
        if last is not None:
            heads[(own, stream)] = sign_head(ws.signing_key, own, stream, last[0], last[1])
    return heads


def _keep_head(session: Session, head: Head) -> None:
    row = session.get(SyncHead, (head.device_id, head.stream))
    now = context_of(session).now()
    if row is None:
        session.add(SyncHead(device_id=head.device_id, stream=head.stream, seq=head.seq, hash=head.hash,
                             signature=head.signature, updated_at=now))
    elif head.seq > row.seq:
        row.seq, row.hash, row.signature, row.updated_at = head.seq, head.hash, head.signature, now


def export(ws: Workspace, out: Path, to: PublicKeys | Path | None = None, passphrase: str | None = None,
           everything: bool = False, progress: Progress | None = None,
           cancelled: CancelFlag | None = None) -> dict[str, Any]:
    """Writes a package of what the receiver lacks (everything with ``everything``); returns a summary.

    ``to`` is the receiver's keys or its key file; else ``passphrase`` encrypts the package. ``progress(done,
    total)`` is called with bytes and ``cancelled()`` polled: a cancelled export leaves no file (raises
    Cancelled). Raises InvalidRequest for a missing or doubled target or an existing ``out``.
    """
    check(ws.user.role, Action.EXCHANGE_PACKAGES)
    if isinstance(to, Path):
        to = read_keyfile(to)
    if to is None and passphrase is None:
        raise InvalidRequest("package_target_needed")
    if to is not None and passphrase is not None:
        raise InvalidRequest("package_target_both")
    if out.exists():
        raise InvalidRequest("output_exists", path=str(out))
    if passphrase is not None:
        check_passphrase_strength(passphrase, [ws.info.device_name, ws.info.user_name])
    peer = to.device_id if to is not None else None
    with ws.transaction() as session:
        change_marks = {} if everything else _peer_marks(session, peer, "changes")
        audit_marks = {} if everything else _peer_marks(session, peer, "audit")
        heads = _heads_to_send(session, ws)
        changes = CompressedLog()
        wanted_blobs: set[str] = set()
        sent_heads: list[Head] = []
        for device in sorted(merge.have_marks(session, "changes")):
            head = heads.get((device, "changes"))
            if head is None or head.seq <= change_marks.get(device, 0):
                continue  # nothing new, or nothing its origin signed for this copy to pass on
            sent_heads.append(head)
            for table, fields, line in merge.change_lines(session, device, change_marks.get(device, 0), head.seq):
                changes.add_line(line)
                if table == "evidence" and isinstance(sha256 := json.loads(fields).get("sha256"), str):
                    wanted_blobs.add(sha256)
        audit_log = CompressedLog()
        for device in sorted(merge.have_marks(session, "audit")):
            head = heads.get((device, "audit"))
            if head is None or head.seq <= audit_marks.get(device, 0):
                continue
            sent_heads.append(head)
            query2 = (select(AuditEntry).where(AuditEntry.device_id == device,
                                               AuditEntry.seq > audit_marks.get(device, 0),
                                               AuditEntry.seq <= head.seq)
                      .order_by(AuditEntry.seq).execution_options(yield_per=2000))
            for entry in session.scalars(query2):
                audit_log.add(merge.audit_to_json(entry))
        vouched = {str(d.device_id): {"device_name": d.device_name, "ed25519_public": d.ed25519_public,
                                      "age_recipient": d.age_recipient}
                   for d in session.scalars(select(SyncDevice).where(
                       SyncDevice.device_id.in_({h.device_id for h in sent_heads})))}
        stored = {sha256 for (sha256,) in session.execute(select(Evidence.sha256)
                                                          .where(Evidence.sha256.in_(sorted(wanted_blobs))))
                  if sha256 is not None and ws.evidence.has(sha256)}
        sizes = {sha256: ws.evidence.rewrapped_size(sha256) for sha256 in sorted(stored)}
        marks = {"changes": {str(k): v for k, v in merge.have_marks(session, "changes").items()},
                 "audit": {str(k): v for k, v in merge.have_marks(session, "audit").items()}}
        # Identities travel only sealed, to the office (and to a device the office names): docs/sync.md.
        known_peer = session.get(SyncDevice, peer) if peer is not None else None
        peer_identity = (to.identity_public if to is not None and to.identity_public
                         else known_peer.identity_public if known_peer is not None else None)
        sealed = identities.outgoing(session, sealed_identity.public_from_hex(peer_identity) if peer_identity
                                     else None, bool(known_peer is not None and known_peer.reads_identities))
    if to is not None:
        recipient = agefile.recipient_key(to.age_recipient)
        wrapped = None
    else:
        assert passphrase is not None
        one_off = pyrage.x25519.Identity.generate()
        recipient = agefile.recipient_key(str(one_off.to_public()))
        wrapped = wrap_identity(one_off, passphrase)
    changes_data = changes.finish()
    audit_data = audit_log.finish()
    identities_data = json.dumps(sealed.envelopes, separators=(",", ":")).encode("ascii") if sealed.envelopes \
        else b""
    members = [
        OutMember(CHANGES, len(changes_data), lambda w: _write_all(w, changes_data)),
        OutMember(AUDIT, len(audit_data), lambda w: _write_all(w, audit_data)),
        *([OutMember(IDENTITIES, len(identities_data), lambda w: _write_all(w, identities_data))]
          if identities_data else []),
        *(OutMember(f"blobs/{sha}", size, _blob_writer(ws, sha, recipient)) for sha, size in sorted(sizes.items())),
    ]
    entries = [
        {"name": CHANGES, "size": len(changes_data), "sha256": hashlib.sha256(changes_data).hexdigest(),
         "unpacked": changes.unpacked},
        {"name": AUDIT, "size": len(audit_data), "sha256": hashlib.sha256(audit_data).hexdigest(),
         "unpacked": audit_log.unpacked},
        *([{"name": IDENTITIES, "size": len(identities_data), "sha256": hashlib.sha256(identities_data).hexdigest()}]
          if identities_data else []),
        *({"name": f"blobs/{sha}", "size": size, "sha256": sha} for sha, size in sorted(sizes.items())),
    ]
    package_id = uuid.uuid4()
    created = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    manifest = {"format": FORMAT_VERSION, "package_id": str(package_id), "device_id": str(ws.info.device_id),
                "device_name": ws.info.device_name, "created_at": created,
                "schema": migrate.head_revision(), "to": str(peer) if peer else ("passphrase" if passphrase
                                                                                   else None),
                "complete": everything, "marks": marks,
                "heads": [head.to_json() for head in sent_heads], "keys": vouched,
                "contents": {"changes": changes.count, "audit_entries": audit_log.count,
                             "evidence_files": len(sizes), "identities": len(sealed.envelopes)},
                "members": entries}
    size = write_package(out, manifest, members, ws.signing_key, recipient, wrapped, progress, cancelled)
    summary = {"package_id": str(package_id), "out": str(out), "to": manifest["to"],
               "changes": changes.count, "audit_entries": audit_log.count, "evidence_files": len(sizes),
               "identities": len(sealed.envelopes), "identities_not_sealed": sealed.not_sealed,
               "bytes": size, "complete": everything}
    with ws.transaction() as session:
        # Only now that the package exists: the own heads say what has left this copy (see Origins).
        for head in sent_heads:
            if head.device_id == ws.info.device_id:
                _keep_head(session, head)
        session.add(SyncPackage(id=package_id, direction="sent", device_id=ws.info.device_id,
                                peer=to.device_name if to else "passphrase", file_name=out.name,
                                at=context_of(session).now(), changes=changes.count,
                                audit_entries=audit_log.count, evidence_files=len(sizes), bytes=size,
                                summary=summary))
        audit.record(session, "sync_export", detail=f"package {package_id}: {changes.count} changes")
    log.info("package %s exported: %d changes, %d files", package_id, changes.count, len(sizes))
    return summary


def _write_all(writer: BinaryIO, data: bytes) -> None:
    view = memoryview(data)
    for start in range(0, len(view), 1 << 20):
        writer.write(view[start:start + (1 << 20)])


def _blob_writer(ws: Workspace, sha256: str, recipient: X25519PublicKey) -> Callable[[BinaryIO], None]:
    def write(writer: BinaryIO) -> None:
        ws.evidence.write_rewrapped(sha256, recipient, writer)
    return write


# ---- import ----------------------------------------------------------------------------------------------
# A package whose change log is at most this long (uncompressed) is merged from memory (merge.Incoming):
# about three times this in Python objects, well inside the 300 MB an import may use.
HOLD_IN_MEMORY = 48 << 20

@dataclass
class ImportSummary:
    package_id: str
    device_id: str
    device_name: str
    dry_run: bool
    records_added: int
    records_updated: int
    records_unchanged: int
    changes_applied: int
    changes_already_present: int
    conflicts: int
    audit_entries_added: int
    evidence_files_added: int
    evidence_files_present: int
    bytes: int
    identities_added: int = 0

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def import_(ws: Workspace, path: Path, passphrase: str | None = None, dry_run: bool = False,
            progress: Progress | None = None, cancelled: CancelFlag | None = None) -> ImportSummary:
    """Checks the whole package, then applies it in one transaction (all or nothing).

    A refused package raises PackageError (recorded in the audit log) and changes nothing; a cancelled
    import raises Cancelled and changes nothing.
    """
    check(ws.user.role, Action.EXCHANGE_PACKAGES)
    with ws.transaction() as session:
        keys = {d.device_id: d.ed25519_public for d in trusted(session)}
        names = {d.device_id: d.device_name for d in session.scalars(select(SyncDevice))}  # to name refusals
    keys[ws.info.device_id] = str(ws.public_keys["ed25519_public"])
    verifiers = {device: Ed25519PublicKey.from_public_bytes(bytes.fromhex(key)) for device, key in keys.items()}
    known = migrate.known_revisions()

    bar = _ImportProgress(path, progress, cancelled)

    def check_manifest(manifest: dict[str, Any]) -> None:
        if manifest.get("schema") not in known:
            raise PackageError("package_schema_newer", revision=manifest.get("schema"))
        bar.know(manifest)

    identity = ws.evidence.identity
    recipient = ws.evidence.recipient
    staging = ws.evidence.root / "tmp"
    try:
        package = read_package(path, [identity], passphrase, verifiers, check_manifest, staging, recipient,
                               ws.evidence.has, bar.reading, cancelled, own_device=ws.info.device_id, names=names)
    except PackageError as refused:
        _record_refusal(ws, path, refused)
        raise
    manifest = package.manifest
    try:
        with ws.session() as session, session.begin():
            context_of(session).capture = False
            # On a hub one import at a time: the same package from a second station waits, then finds every
            # change present and applies nothing (db/concurrency.py).
            lock_imports(session)
            summary = merge.MergeSummary()
            sender = uuid.UUID(manifest["device_id"])
            origins = _origins(session, ws, manifest, sender)
            bar.applying(0)
            merge.apply_changes(session, package.log_lines(CHANGES), summary, origins,
                                hold_in_memory=package.unpacked(CHANGES) <= HOLD_IN_MEMORY, step=bar.applying)
            bar.applying(bar.steps)
            merge.apply_audit(session, package.log_lines(AUDIT), summary, origins)
            _check_incoming(session, summary, origins)
            identities_added = identities.accept(session, package.identities, origins.sender)
            held = {"changes": merge.have_marks(session, "changes"), "audit": merge.have_marks(session, "audit")}
            for (device, stream), head in origins.heads.items():
                if device != ws.info.device_id and held[stream].get(device) == head.seq:
                    _keep_head(session, head)
            if sender != ws.info.device_id:
                _store_marks(session, sender, manifest["marks"])
            result = ImportSummary(
                package_id=str(manifest["package_id"]), device_id=str(sender),
                device_name=str(manifest.get("device_name", "")), dry_run=dry_run,
                records_added=summary.records_added, records_updated=summary.records_updated,
                records_unchanged=summary.records_unchanged, changes_applied=summary.changes_applied,
                changes_already_present=summary.changes_present, conflicts=summary.conflicts,
                audit_entries_added=summary.audit_entries_added, evidence_files_added=len(package.blobs),
                evidence_files_present=len(package.blobs_present), bytes=package.bytes,
                identities_added=identities_added)
            if dry_run:
                session.rollback()
                return result
            package_id = uuid.UUID(str(manifest["package_id"]))
            if session.get(SyncPackage, (package_id, "received")) is None:
                session.add(SyncPackage(id=package_id, direction="received", device_id=sender,
                                        peer=result.device_name[:200], file_name=path.name[:500],
                                        at=context_of(session).now(), changes=summary.changes_applied,
                                        audit_entries=summary.audit_entries_added,
                                        evidence_files=len(package.blobs), bytes=package.bytes,
                                        summary=result.to_json()))
            audit.record(session, "sync_import", detail=f"package {package_id}: {summary.changes_applied} changes")
            session.flush()
            # Files first: if the process dies before the commit, an unused file is harmless; the other
            # way round, records would point to files that are not there.
            for sha256, staged in package.blobs.items():
                ws.evidence.place(sha256, staged)
            package.blobs.clear()
        if summary.max_hlc is not None:
            ws.clock.observe(summary.max_hlc)
        log.info("package %s imported: %d changes, %d conflicts", package_id, summary.changes_applied,
                 summary.conflicts)
        return result
    except PackageError as refused:
        _record_refusal(ws, path, refused)
        raise
    except SQLAlchemyError as exc:
        # What the checks let through but the database refuses (a change id already used, say) is a refused
        # package too: rolled back, recorded, and said in words rather than as a traceback.
        failed = PackageError("package_apply_failed", reason=str(getattr(exc, "orig", None) or exc)[:200])
        _record_refusal(ws, path, failed)
        raise failed from exc
    finally:
        package.discard()


class _ImportProgress:
    """One bar for both halves of an import: reading and checking the package (bytes), then merging its
    changes (steps of ``merge.apply_changes``), each given a share by its expected time once the manifest
    says how many changes there are. The bar only moves forward. Cancel is heard in both halves; a
    cancelled merge is rolled back like any failure."""

    _SCALE = 10_000
    _READ_BYTES_PER_SECOND = 300e6
    _CHANGES_PER_SECOND = 8_000  # both measured on the 2-core test machine (docs/sync.md)

    def __init__(self, path: Path, progress: Progress | None, cancelled: CancelFlag | None) -> None:
        self.progress = progress
        self.cancelled = cancelled
        self.size = max(1, path.stat().st_size) if path.exists() else 1
        self.read_share = self._SCALE
        self.steps = 1
        self.shown = 0

    def _show(self, value: int) -> None:
        self.shown = max(self.shown, min(value, self._SCALE))
        if self.progress is not None:
            self.progress(self.shown, self._SCALE)

    def know(self, manifest: dict[str, Any]) -> None:
        """Splits the bar when the (signed) manifest has been read."""
        contents = manifest.get("contents")
        changes = contents.get("changes") if isinstance(contents, dict) else None
        changes = changes if isinstance(changes, int) and changes > 0 else 0
        reading = self.size / self._READ_BYTES_PER_SECOND
        applying = changes / self._CHANGES_PER_SECOND
        self.read_share = max(self.shown, int(self._SCALE * reading / max(reading + applying, 1e-9)))
        self.steps = max(1, 2 * changes)  # each change is read, then its record folded

    def reading(self, done: int, total: int) -> None:
        self._show(done * self.read_share // max(total, 1))

    def applying(self, done: int) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled()
        self._show(self.read_share + (self._SCALE - self.read_share) * min(done, self.steps) // self.steps)


def _store_marks(session: Session, sender: uuid.UUID, marks: Any) -> None:
    now = context_of(session).now()
    for stream in ("changes", "audit"):
        said = marks.get(stream, {}) if isinstance(marks, dict) else {}
        if not isinstance(said, dict):
            raise PackageError("package_bad_manifest", reason="marks")
        for origin_text, seq in said.items():
            try:
                origin = uuid.UUID(str(origin_text))
            except ValueError as exc:
                raise PackageError("package_bad_manifest", reason="marks") from exc
            if not isinstance(seq, int):
                raise PackageError("package_bad_manifest", reason="marks")
            row = session.get(SyncPeerMark, (sender, stream, origin))
            if row is None:
                session.add(SyncPeerMark(peer_id=sender, stream=stream, origin_id=origin, seq=seq, updated_at=now))
            elif seq > row.seq:
                row.seq = seq
                row.updated_at = now


def _record_refusal(ws: Workspace, path: Path, refused: XunchaError) -> None:
    """The refusal in the audit log; one that means a device passed something off as another's is also
    an alarm (``sync_alarm``), which the office reviews."""
    try:
        with ws.transaction() as session:
            audit.record(session, "sync_refused", detail=f"{path.name}: {refused.key}")
            if refused.key in ALARMS:
                audit.record(session, "sync_alarm", detail=f"{path.name}: {refused.text('en')}")
    except Exception:  # the refusal itself must reach the user even if the log cannot be written
        log.exception("could not record the refused package")
    log.warning("package %s refused: %s", path.name, refused.key)


# ---- conflicts -------------------------------------------------------------------------------------------
def conflicts(session: Session, include_settled: bool = False) -> list[SyncConflict]:
    merge.refresh_conflicts(session)
    query = select(SyncConflict).order_by(SyncConflict.detected_at, SyncConflict.id)
    if not include_settled:
        query = query.where(SyncConflict.state == "open")
    return list(session.scalars(query))


@dataclass(frozen=True)
class Sides:
    """A conflict's two versions as a person at this device sees them.

    ``local`` is the version made on this device; when neither or both were made here, the value in
    force. ``incoming`` is the other. The CLI's ``--keep local`` and the window's 保留本机 both mean this.
    """

    local_value: Any
    local_hlc: str
    local_device: uuid.UUID | None
    incoming_value: Any
    incoming_hlc: str
    incoming_device: uuid.UUID | None
    local_in_force: bool


def sides(session: Session, conflict: SyncConflict) -> Sides:
    devices = dict(session.execute(select(Change.id, Change.device_id)
                                   .where(Change.id.in_([conflict.kept_change_id, conflict.other_change_id]))).all())
    kept_device, other_device = devices.get(conflict.kept_change_id), devices.get(conflict.other_change_id)
    own = context_of(session).device_id
    local_in_force = not (other_device == own and kept_device != own)
    if local_in_force:
        return Sides(conflict.kept_value, conflict.kept_hlc, kept_device, conflict.other_value, conflict.other_hlc,
                     other_device, True)
    return Sides(conflict.other_value, conflict.other_hlc, other_device, conflict.kept_value, conflict.kept_hlc,
                 kept_device, False)


def conflict_to_json(session: Session, conflict: SyncConflict) -> dict[str, Any]:
    both = sides(session, conflict)
    return {"id": str(conflict.id), "table": conflict.table_name, "record_id": str(conflict.record_id),
            "field": conflict.field, "state": conflict.state,
            "local": {"value": both.local_value, "hlc": both.local_hlc,
                      "device_id": str(both.local_device) if both.local_device else None,
                      "in_force": both.local_in_force},
            "incoming": {"value": both.incoming_value, "hlc": both.incoming_hlc,
                         "device_id": str(both.incoming_device) if both.incoming_device else None,
                         "in_force": not both.local_in_force},
            "detected_at": conflict.detected_at.isoformat(),
            "settled_by": conflict.settled_by,
            "settled_at": conflict.settled_at.isoformat() if conflict.settled_at else None}


_MISSING = object()


def resolve(session: Session, conflict_id: str, keep: str | None = None, value: Any = None,
            use_value: bool = False) -> SyncConflict:
    """Settles a conflict by writing a new change (which travels) that has seen both versions.

    ``keep`` is ``local`` or ``incoming`` (see :class:`Sides`); or ``value`` with ``use_value``. The chosen
    value is checked by the record's service as an edit would be (types, codes, references, required fields,
    the lock of a signed interview), so settling cannot store what editing could not.
    """
    require(session, Action.SETTLE_CONFLICTS)
    if not use_value:
        value = _MISSING
    if (keep is None) == (value is _MISSING) or keep not in (None, "local", "incoming"):
        raise InvalidRequest("conflict_keep_bad")
    try:
        key = uuid.UUID(conflict_id)
    except ValueError:
        raise InvalidRequest("bad_id", value=conflict_id) from None
    merge.refresh_conflicts(session)
    conflict = session.get(SyncConflict, key)
    if conflict is None or conflict.state != "open":
        raise NotFound("conflict_not_found", id=conflict_id)
    model = merge.models_by_table()[conflict.table_name]
    record = session.get(model, conflict.record_id)
    if record is None:
        raise NotFound("conflict_record_missing", id=str(conflict.record_id))
    convert = merge.converters(conflict.table_name)
    service = service_of_table(conflict.table_name)
    both = sides(session, conflict)
    keep_kept = keep is not None and (keep == "local") == both.local_in_force
    if conflict.field == "deleted":
        # The version kept by the clocks is the deletion; the other is the concurrent edit's fields.
        record.deleted = keep_kept if value is _MISSING else bool(value)
        flag_modified(record, "deleted")
        if value is _MISSING and not keep_kept and isinstance(conflict.other_value, dict):
            for name, other in conflict.other_value.items():
                if name in convert and name not in merge.NEVER_CONFLICT:
                    setattr(record, name, convert[name](other))
                    flag_modified(record, name)
    else:
        chosen = value if value is not _MISSING else (conflict.kept_value if keep_kept else conflict.other_value)
        try:
            stored = convert[conflict.field](chosen)
        except (TypeError, ValueError) as exc:
            raise InvalidRequest("bad_json", reason=str(exc)) from exc
        if service is not None:
            stored = service.settle_value(session, record, conflict.field, chosen)
        setattr(record, conflict.field, stored)
        flag_modified(record, conflict.field)
    ctx = context_of(session)
    ctx.settling = True  # logged as a settlement (op settle), see sync.merge
    try:
        session.flush()
    finally:
        ctx.settling = False
    conflict.state = "settled"
    conflict.settled_at = ctx.now()
    conflict.settled_by = ctx.actor
    conflict.settled_change_id = session.scalar(select(Change.id).where(Change.record_id == record.id)
                                                .order_by(Change.hlc.desc()).limit(1))
    audit.record(session, "sync_resolve", kind=conflict.table_name, record_id=record.id,
                 detail=f"conflict {conflict.id} field {conflict.field}: {keep or 'value'}")
    session.flush()
    merge.refresh_conflicts(session)
    return conflict


def history(session: Session) -> list[SyncPackage]:
    return list(session.scalars(select(SyncPackage).order_by(SyncPackage.at.desc())))


__all__ = ["ImportSummary", "PublicKeys", "Sides", "conflict_to_json", "conflicts", "device_fingerprint", "export",
           "history",
           "import_", "own_keys", "read_keyfile", "resolve", "sides", "trust", "trusted"]
