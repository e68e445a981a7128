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

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from xuncha_desktop import messages
from xuncha_desktop.db import audit
from xuncha_desktop.db.capture import context_of
from xuncha_desktop.db.models.identities import KEYRING, IdentityEnvelope
from xuncha_desktop.db.models.petitions import Petition
from xuncha_desktop.db.models.sync import SyncDevice
from xuncha_desktop.errors import NotFound, XunchaError
from xuncha_desktop.security import sealed_identity

# Petition attribute -> key in the sealed JSON.
FIELDS: dict[str, str] = {"petitioner_name": "name", "petitioner_contact": "contact",
                          "petitioner_id_number": "id_number", "petitioner_address": "address"}


class Keyring(Protocol):
    """What the services need of the workspace (``Session.info[KEYRING]``)."""

    @property
    def identity_public(self) -> X25519PublicKey: ...

    def identity_private(self) -> X25519PrivateKey | None: ...


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


def store(session: Session, petition_id: uuid.UUID, given: dict[str, str | None]) -> str:
    """Seals one version of the identity (only the fields given; None clears a field) to every recipient;
    returns the version. The change is audited (field names only, never values)."""
    fields = {FIELDS[name]: value for name, value in given.items() if name in FIELDS}
    ctx = context_of(session)
    version = ctx.clock.now()
    for recipient, key in sorted(recipients(session).items()):
        session.add(IdentityEnvelope(petition_id=petition_id, recipient=recipient, version=version,
                                     sealed_by=ctx.device_id,
                                     blob=sealed_identity.seal(key, petition_id, version, fields)))
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
