"""The audit log as a person reads and checks it: entries, newest first, and proof that no device's log
was altered or cut short.

Each device's audit log is a hash chain (``db.audit``); each device also signs the head of its chain when it
exports (``sync.heads``), and every copy keeps the latest head it verified. So a copy can prove, for every
device it has heard from, that the log it holds is whole up to what that device signed: an entry removed,
changed or cut off at the end shows, even if the chain itself was rebuilt.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from xuncha_desktop.db import audit
from xuncha_desktop.db.models import AuditEntry, SyncDevice, SyncHead
from xuncha_desktop.services.permissions import Action, require
from xuncha_desktop.sync.heads import Head


@dataclass(frozen=True)
class DeviceLog:
    device_id: uuid.UUID
    name: str
    entries: int
    signed_up_to: int | None  # the seq of the latest verified head, None when the device never signed one


@dataclass
class AuditReport:
    devices: list[DeviceLog]
    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def check(session: Session, own_device: uuid.UUID, own_name: str, own_key: str) -> AuditReport:
    """Every device's chain whole, and holding its signed head (the head's signature valid, the entry at
    its sequence number present with the signed hash). Only a role that may read the audit log may check it."""
    require(session, Action.READ_AUDIT)
    problems = list(audit.verify_chain(session))
    names = {d.device_id: d.device_name for d in session.scalars(select(SyncDevice))}
    keys = {d.device_id: d.ed25519_public for d in session.scalars(select(SyncDevice))}
    names[own_device], keys[own_device] = own_name, own_key
    counts = {device: int(seq) for device, seq in session.execute(
        select(AuditEntry.device_id, func.max(AuditEntry.seq)).group_by(AuditEntry.device_id))}
    heads = {h.device_id: h for h in session.scalars(select(SyncHead).where(SyncHead.stream == "audit"))}
    for device, row in sorted(heads.items(), key=lambda item: str(item[0])):
        head = Head(row.device_id, row.stream, row.seq, row.hash, row.signature)
        label = f"{names.get(device, '')} {device}".strip()
        key = keys.get(device)
        if key is None or not head.verified_by(Ed25519PublicKey.from_public_bytes(bytes.fromhex(key))):
            problems.append(f"audit head of device {label} does not carry its signature")
            continue
        held = session.scalar(select(AuditEntry.hash).where(AuditEntry.device_id == device,
                                                            AuditEntry.seq == head.seq))
        if held is None:
            problems.append(f"audit log of device {label} was cut short: it signed {head.seq} entries, "
                            f"{counts.get(device, 0)} are here")
        elif held != head.hash:
            problems.append(f"audit entry {head.seq} of device {label} differs from what that device signed")
    devices = [DeviceLog(device, names.get(device, ""), int(count), heads[device].seq if device in heads else None)
               for device, count in sorted(counts.items(), key=lambda item: (names.get(item[0], ""), str(item[0])))]
    return AuditReport(devices, problems)


def entries(session: Session, device: uuid.UUID | None = None, limit: int = 100, actor: str | None = None,
            action: str | None = None) -> list[AuditEntry]:
    """The newest entries first (of one device, or of all; of one person and one action when given)."""
    require(session, Action.READ_AUDIT)
    query = select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.seq.desc()).limit(limit)
    if device is not None:
        query = query.where(AuditEntry.device_id == device)
    if actor is not None:
        query = query.where(AuditEntry.actor == actor)
    if action is not None:
        query = query.where(AuditEntry.action == action)
    return list(session.scalars(query))


def device_names(session: Session) -> dict[uuid.UUID, str]:
    """The names of the other devices this copy knows, to say which device wrote an entry."""
    return {d.device_id: d.device_name for d in session.scalars(select(SyncDevice))}


def actors_and_actions(session: Session) -> tuple[list[str], list[str]]:
    """Every person and every action named in the log, sorted: the choices of the audit view's filters."""
    require(session, Action.READ_AUDIT)
    actors = session.scalars(select(AuditEntry.actor).distinct().order_by(AuditEntry.actor))
    actions = session.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action))
    return list(actors), list(actions)
