"""Seals the identities that migration 0006 moved out of the petitions, at the first open after it.

A migration holds no key, so 0006 leaves the values in ``identity_staged``; the workspace, once it knows
its identity key, calls :func:`seal_staged`, which seals each to that key and empties the table in one
transaction. Only the public key is needed: whoever opens the workspace first (whatever their role) seals.
"""

from __future__ import annotations

import uuid

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sqlalchemy import Engine, delete, select
from sqlalchemy.orm import Session

from xuncha_desktop.db.models.identities import IdentityEnvelope, IdentityStaged
from xuncha_desktop.security import sealed_identity


def seal_staged(engine: Engine, key: X25519PublicKey, device_id: uuid.UUID, signing: Ed25519PrivateKey) -> int:
    """Seals every staged identity to ``key``; returns how many. Does nothing when none wait."""
    recipient = sealed_identity.fingerprint(key)
    with Session(engine) as session, session.begin():
        staged = list(session.scalars(select(IdentityStaged)))
        for item in staged:
            if session.get(IdentityEnvelope, (item.petition_id, recipient, item.version)) is None:
                blob = sealed_identity.seal(key, item.petition_id, item.version, dict(item.fields))
                session.add(IdentityEnvelope(
                    petition_id=item.petition_id, recipient=recipient, version=item.version, sealed_by=device_id,
                    blob=blob, signature=sealed_identity.sign_envelope(signing, item.petition_id, recipient,
                                                                       item.version, device_id, blob)))
        if staged:
            session.execute(delete(IdentityStaged))
    return len(staged)
