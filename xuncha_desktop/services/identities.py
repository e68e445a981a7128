"""Petitioners' identities: sealed on registration, opened only by the roles allowed, every look audited.

The petition service hands the identity given with a petition (name, contact, ID number, address) to
:func:`store`, which seals one version of it with HPKE to every reader key: this workspace's identity key
(``Workspace.identity_public``: anyone may seal to it, so a 组员 or 联络员 registers a petition) and the key
of every trusted device marked as the office. Reading needs ``Workspace.identity_private()``, which only
the roles of ``roles.SEES_IDENTITIES`` have; every read writes an ``identity_view`` audit entry naming the
user. The petitions table and the change log never hold an identity.

Versions merge field by field: a field's value is the one of the latest version (clock stamp) that holds it.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from xuncha_desktop import messages
from xuncha_desktop.db import audit
from xuncha_desktop.db.capture import context_of
from xuncha_desktop.db.hlc import Stamp
from xuncha_desktop.db.models.identities import KEYRING, IdentityEnvelope
from xuncha_desktop.db.models.petitions import Petition
from xuncha_desktop.db.models.sync import SyncDevice
from xuncha_desktop.errors import NotFound, XunchaError
from xuncha_desktop.security import sealed_identity
from xuncha_desktop.sync.package import PackageError

# Petition attribute -> key in the sealed JSON.
FIELDS: dict[str, str] = {"petitioner_name": "name", "petitioner_contact": "contact",
                          "petitioner_id_number": "id_number", "petitioner_address": "address"}


class Keyring(Protocol):
    """What the services need of the workspace (``Session.info[KEYRING]``)."""

    @property
    def identity_public(self) -> X25519PublicKey: ...

    def identity_private(self) -> X25519PrivateKey | None: ...

    # The device's signing key: envelopes sealed here are signed by it.
    signing_key: Ed25519PrivateKey


@dataclass(frozen=True)
class Identity:
    petition_id: uuid.UUID
    anonymous: bool
    name: str | None = None
    contact: str | None = None
    id_number: str | None = None
    address: str | None = None

    def as_fields(self) -> dict[str, str | None]:
        """As the petition's attributes (``petitioner_name`` …)."""
        return {attribute: getattr(self, key) for attribute, key in FIELDS.items()}


def keyring(session: Session) -> Keyring:
    ring = session.info.get(KEYRING)
    if ring is None:
        raise XunchaError("identity_no_keys")
    return ring  # type: ignore[no-any-return]


def own_recipient(session: Session) -> str:
    return sealed_identity.fingerprint(keyring(session).identity_public)


def office_keys(session: Session) -> dict[str, X25519PublicKey]:
    """Recipient fingerprint -> key of every device trusted here as the office (with a signed identity key)."""
    found: dict[str, X25519PublicKey] = {}
    for device in session.scalars(select(SyncDevice).where(SyncDevice.office.is_(True),
                                                           SyncDevice.vouched_by.is_(None),
                                                           SyncDevice.identity_public.is_not(None))):
        assert device.identity_public is not None
        key = sealed_identity.public_from_hex(device.identity_public)
        found[sealed_identity.fingerprint(key)] = key
    return found


def recipients(session: Session) -> dict[str, X25519PublicKey]:
    """Every key an identity registered here is sealed to: this workspace's, then the office's."""
    own = keyring(session).identity_public
    return {sealed_identity.fingerprint(own): own, **office_keys(session)}


def _sealed(session: Session, key: X25519PublicKey, petition_id: uuid.UUID, version: str,
            fields: dict[str, Any]) -> IdentityEnvelope:
    """A new envelope of ``fields`` sealed to ``key`` and signed by this device."""
    ctx = context_of(session)
    recipient = sealed_identity.fingerprint(key)
    blob = sealed_identity.seal(key, petition_id, version, fields)
    signature = sealed_identity.sign_envelope(keyring(session).signing_key, petition_id, recipient, version,
                                              ctx.device_id, blob)
    return IdentityEnvelope(petition_id=petition_id, recipient=recipient, version=version, sealed_by=ctx.device_id,
                            blob=blob, signature=signature)


def store(session: Session, petition_id: uuid.UUID, given: dict[str, str | None]) -> str:
    """Seals one version of the identity (only the fields given; None clears a field) to every recipient;
    returns the version. The change is audited (field names only, never values)."""
    fields = {FIELDS[name]: value for name, value in given.items() if name in FIELDS}
    ctx = context_of(session)
    version = ctx.clock.now()
    for _recipient, key in sorted(recipients(session).items()):
        session.add(_sealed(session, key, petition_id, version, fields))
    audit.record(session, "identity_sealed", "petition", petition_id, detail=",".join(sorted(fields)))
    return version


def has_identity(session: Session, petition_id: uuid.UUID) -> bool:
    """Whether any version of the petition's identity is held here (for any reader); opens nothing."""
    return session.scalar(select(IdentityEnvelope.version).where(IdentityEnvelope.petition_id == petition_id)
                          .limit(1)) is not None


def can_read(session: Session) -> bool:
    """Whether the person at work holds the key that opens identities."""
    return keyring(session).identity_private() is not None


def role_name(session: Session) -> str:
    """The working person's role in both languages (组员 / member), for refusals."""
    zh, en = messages.MESSAGES[context_of(session).role.message_key]
    return f"{zh} / {en}"


def _private(session: Session) -> X25519PrivateKey:
    private = keyring(session).identity_private()
    if private is None:
        raise XunchaError("identity_not_allowed", role=role_name(session))
    return private


def open_versions(private: X25519PrivateKey, rows: Iterable[IdentityEnvelope]
                  ) -> dict[uuid.UUID, dict[str, str | None]]:
    """Folds the versions sealed to ``private`` (oldest first) into each petition's fields; raises
    XunchaError ``identity_unreadable`` for an envelope that does not open."""
    folded: dict[uuid.UUID, dict[str, str | None]] = {}
    for row in sorted(rows, key=lambda r: (str(r.petition_id), r.version)):
        try:
            fields = sealed_identity.open_sealed(private, row.petition_id, row.version, row.blob)
        except sealed_identity.Unreadable:
            raise XunchaError("identity_unreadable", petition=str(row.petition_id)) from None
        target = folded.setdefault(row.petition_id, {})
        for key in FIELDS.values():
            if key in fields:
                value = fields[key]
                target[key] = value if isinstance(value, str) else None
    return folded


def _read(session: Session, private: X25519PrivateKey, ids: list[uuid.UUID] | None
          ) -> dict[uuid.UUID, dict[str, str | None]]:
    recipient = sealed_identity.fingerprint(private.public_key())
    query = select(IdentityEnvelope).where(IdentityEnvelope.recipient == recipient)
    if ids is not None:
        query = query.where(IdentityEnvelope.petition_id.in_(ids))
    return open_versions(private, session.scalars(query))


def identity(session: Session, petition_id: uuid.UUID | str) -> Identity:
    """A look at one petitioner's identity, written to the audit log under the user's name.

    Raises XunchaError ``identity_not_allowed`` for a role that may not read identities (nothing is logged
    as seen), NotFound for an unknown petition."""
    private = _private(session)
    key = petition_id if isinstance(petition_id, uuid.UUID) else uuid.UUID(str(petition_id))
    petition = session.get(Petition, key)
    if petition is None:
        raise NotFound("not_found", kind="petition", kind_zh="信访件", id=str(petition_id))
    fields = _read(session, private, [key]).get(key, {})
    audit.record(session, "identity_view", "petition", key, detail=f"role {context_of(session).role.value}")
    return Identity(key, bool(petition.anonymous), **fields)


def all_identities(session: Session, purpose: str) -> list[Identity]:
    """Every petitioner's identity (deleted petitions included), for one named purpose (redaction): one
    audit entry for the whole look. Raises ``identity_not_allowed`` as :func:`identity`."""
    private = _private(session)
    folded = _read(session, private, None)
    anonymous = {pid: flag for pid, flag in session.execute(select(Petition.id, Petition.anonymous))}
    audit.record(session, "identity_view", "petition", None,
                 detail=f"{purpose}: {len(folded)} identities, role {context_of(session).role.value}")
    return [Identity(pid, bool(anonymous.get(pid, False)), **fields) for pid, fields in sorted(folded.items())]


# ---- in packages -----------------------------------------------------------------------------------------
MAX_ENVELOPES = 200_000  # in one package
MAX_BLOB = 16 << 10  # one sealed identity: four short fields, a few hundred bytes in practice
_HEX64 = re.compile(r"[0-9a-f]{64}")


@dataclass
class Outgoing:
    """The envelopes a package carries, and how many versions could not be sealed to an office because the
    person exporting may not open them (a 组员 exporting what was registered before the office was trusted)."""

    envelopes: list[dict[str, str]]
    not_sealed: int = 0


def _envelope_json(row: IdentityEnvelope) -> dict[str, str]:
    return {"petition": str(row.petition_id), "recipient": row.recipient, "version": row.version,
            "sealed_by": str(row.sealed_by), "blob": base64.b64encode(row.blob).decode("ascii"),
            "signature": row.signature}


def outgoing(session: Session, peer_key: X25519PublicKey | None, peer_reads: bool) -> Outgoing:
    """What a package to a peer carries: every envelope sealed to an office key or to the peer's key (opaque
    to this copy, which relays them), never one sealed to this workspace's own key.

    Versions this copy registered that an office lacks are sealed to it now, when the person exporting can
    open them (kept, so later packages carry them too). When this copy names the peer as a reader of
    identities (``peer_reads``: the office naming a laptop), every version it can open is sealed to the peer
    for this package only."""
    ctx = context_of(session)
    own = own_recipient(session)
    offices = office_keys(session)
    offices.pop(own, None)
    private = keyring(session).identity_private()
    targets: dict[str, X25519PublicKey] = dict(offices)
    peer = sealed_identity.fingerprint(peer_key) if peer_key is not None else None
    result = Outgoing([])
    held = {(r.petition_id, r.recipient, r.version) for r in session.execute(
        select(IdentityEnvelope.petition_id, IdentityEnvelope.recipient, IdentityEnvelope.version))}
    for row in session.scalars(select(IdentityEnvelope).where(IdentityEnvelope.recipient == own)
                               .order_by(IdentityEnvelope.petition_id, IdentityEnvelope.version)):
        wanted = [fp for fp in offices if row.sealed_by == ctx.device_id and (row.petition_id, fp, row.version)
                  not in held]
        if peer_reads and peer is not None and peer != own and peer not in offices:
            wanted.append(peer)
        if not wanted:
            continue
        if private is None:
            result.not_sealed += len([fp for fp in wanted if fp in offices])
            continue
        fields = sealed_identity.open_sealed(private, row.petition_id, row.version, row.blob)
        for fp in wanted:
            key = offices.get(fp) or peer_key
            assert key is not None
            made = _sealed(session, key, row.petition_id, row.version, fields)
            if fp in offices:
                session.add(made)
            else:
                result.envelopes.append(_envelope_json(made))
    session.flush()
    if peer is not None and peer != own:
        targets[peer] = peer_key  # type: ignore[assignment]
    if targets:
        for row in session.scalars(select(IdentityEnvelope).where(IdentityEnvelope.recipient.in_(sorted(targets)))
                                   .order_by(IdentityEnvelope.petition_id, IdentityEnvelope.recipient,
                                             IdentityEnvelope.version)):
            result.envelopes.append(_envelope_json(row))
    return result


def _refuse(sender: str, reason: str) -> PackageError:
    return PackageError("package_bad_identities", sender=sender, reason=reason)


def accept(session: Session, data: bytes, sender: str) -> int:
    """Stores the envelopes of a package's identities section; returns how many were new.

    Untrusted input: the section must be a JSON list of at most MAX_ENVELOPES envelopes, each for a petition
    this copy holds, sealed to this workspace's key or to an office this copy relays to, with a valid version
    stamp and a blob of at most MAX_BLOB bytes, signed by the device that sealed it (known here); one sealed
    to this workspace must open when the person importing holds the key. Anything else raises PackageError
    ``package_bad_identities`` (the caller rolls the whole import back)."""
    if not data:
        return 0
    try:
        items = json.loads(data)
    except (ValueError, RecursionError):
        raise _refuse(sender, "not JSON") from None
    if not isinstance(items, list) or len(items) > MAX_ENVELOPES:
        raise _refuse(sender, f"not a list of at most {MAX_ENVELOPES} envelopes")
    own = own_recipient(session)
    relayed = set(office_keys(session))
    ring = keyring(session)
    private = ring.identity_private()
    signers = {d.device_id: Ed25519PublicKey.from_public_bytes(bytes.fromhex(d.ed25519_public))
               for d in session.scalars(select(SyncDevice))}
    signers[context_of(session).device_id] = ring.signing_key.public_key()
    added = 0
    for number, item in enumerate(items, 1):
        try:
            if not isinstance(item, dict):
                raise ValueError("not an object")
            petition_id = uuid.UUID(str(item["petition"]))
            recipient = str(item["recipient"])
            version = str(item["version"])
            sealed_by = uuid.UUID(str(item["sealed_by"]))
            Stamp.parse(version)
            if len(version) > 64 or not _HEX64.fullmatch(recipient):
                raise ValueError("version or recipient")
            text = str(item["blob"])
            if len(text) > MAX_BLOB * 4 // 3 + 4:
                raise ValueError(f"blob larger than {MAX_BLOB} bytes")
            blob = base64.b64decode(text, validate=True)
            signature = str(item["signature"])
        except (KeyError, ValueError, TypeError, binascii.Error) as exc:
            raise _refuse(sender, f"envelope {number}: {exc}"[:200]) from None
        signer = signers.get(sealed_by)
        if signer is None or not sealed_identity.envelope_signed(signer, petition_id, recipient, version, sealed_by,
                                                                 blob, signature):
            raise _refuse(sender, f"envelope {number} is not signed by the device that sealed it ({sealed_by})")
        if recipient != own and recipient not in relayed:
            raise _refuse(sender, f"envelope {number} is sealed to a key that is neither this copy's nor an office's")
        if session.get(Petition, petition_id) is None:
            raise _refuse(sender, f"envelope {number} is for petition {petition_id}, which this copy does not hold")
        if recipient == own and private is not None:
            try:
                sealed_identity.open_sealed(private, petition_id, version, blob)
            except sealed_identity.Unreadable:
                raise _refuse(sender, f"envelope {number} (petition {petition_id}) does not open") from None
        if session.get(IdentityEnvelope, (petition_id, recipient, version)) is None:
            session.add(IdentityEnvelope(petition_id=petition_id, recipient=recipient, version=version,
                                         sealed_by=sealed_by, blob=blob, signature=signature))
            added += 1
    session.flush()
    return added
