"""The audit log: every look at and change of a record, as a hash chain per device.

Entries name the action, the kind and id of the record and at most the names of changed fields:
never contents, never passphrases. Each entry's hash covers the previous one, so removing or editing
an entry breaks the chain, which ``verify_chain`` reports.
"""

from __future__ import annotations

import hashlib
import json
import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from xuncha_desktop.db.capture import context_of
from xuncha_desktop.db.concurrency import lock_audit_chain
from xuncha_desktop.db.models.audit import AuditEntry

GENESIS = "0" * 64


def entry_hash(entry: AuditEntry) -> str:
    body = json.dumps([str(entry.device_id), entry.seq, entry.at.isoformat(), entry.actor, entry.action,
                       entry.kind, str(entry.record_id) if entry.record_id else None, entry.detail,
                       entry.prev_hash], ensure_ascii=False)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def record(session: Session, action: str, kind: str | None = None, record_id: uuid.UUID | None = None,
           detail: str | None = None) -> AuditEntry:
    ctx = context_of(session)
    device = ctx.audit_device or ctx.device_id
    last: tuple[int, str] | None = ctx.cache.get("audit_last")
    if last is None:
        # A hub station's window and command line may write its chain at once: lock, then read the head.
        lock_audit_chain(session, device)
        row = session.execute(
            select(AuditEntry.seq, AuditEntry.hash).where(AuditEntry.device_id == device)
            .order_by(AuditEntry.seq.desc()).limit(1)
        ).first()
        last = (row.seq, row.hash) if row else (0, GENESIS)
    entry = AuditEntry(id=ctx.new_id(), device_id=device, seq=last[0] + 1, at=ctx.now(), actor=ctx.actor,
                       action=action, kind=kind, record_id=record_id, detail=detail[:500] if detail else None,
                       prev_hash=last[1])
    entry.hash = entry_hash(entry)
    session.add(entry)
    ctx.cache["audit_last"] = (entry.seq, entry.hash)
    return entry


def verify_chain(session: Session) -> list[str]:
    """Problems found in the chains (empty when every device's chain is whole)."""
    problems: list[str] = []
    previous: dict[uuid.UUID, tuple[int, str]] = {}
    for entry in session.scalars(select(AuditEntry).order_by(AuditEntry.device_id, AuditEntry.seq)):
        seq, prev_hash = previous.get(entry.device_id, (0, GENESIS))
        if entry.seq != seq + 1 or entry.prev_hash != prev_hash:
            problems.append(f"audit chain of device {entry.device_id} broken before entry {entry.seq}")
        if entry_hash(entry) != entry.hash:
            problems.append(f"audit entry {entry.seq} of device {entry.device_id} was altered")
        previous[entry.device_id] = (entry.seq, entry.hash)
    return problems
