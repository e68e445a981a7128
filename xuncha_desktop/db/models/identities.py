"""Petitioners' identities, kept apart from the petitions: sealed envelopes, one per reader key.

A petition holds no name, contact, ID number or address. Each version of its identity (an edit, stamped by
the editing device's clock) is sealed with HPKE (``security.sealed_identity``) to every key allowed to read
it: this workspace's identity key (opened only by the roles in ``roles.SEES_IDENTITIES``) and the keys of
the devices marked as the office. The table does not travel as records: packages carry envelopes in their
own section, only to the keys they are sealed to (docs/sync.md, "Identities").
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import JSON, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base

# ``Session.info`` key of the object that holds the identity keys (the workspace: ``identity_public`` and
# ``identity_private()``); the services seal and open through it.
KEYRING = "xuncha.identity_keys"


class IdentityEnvelope(Base):
    """One version of one petition's identity, sealed to one recipient key (named by its fingerprint).

    ``version`` is the clock stamp of the edit; the fields a version holds override older versions field by
    field when the identity is read. ``sealed_by`` is the device that sealed it (the editor's, or the office
    re-sealing to a laptop it names), which signs it."""

    __tablename__ = "identity_envelopes"

    petition_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    recipient: Mapped[str] = mapped_column(String(64), primary_key=True)
    version: Mapped[str] = mapped_column(String(64), primary_key=True)
    sealed_by: Mapped[uuid.UUID]
    blob: Mapped[bytes] = mapped_column(LargeBinary)
    # Ed25519 by ``sealed_by`` over petition, recipient, version and the blob's hash (sealed_identity).
    signature: Mapped[str] = mapped_column(String(128))


class IdentityStaged(Base):
    """Identities moved out of the petitions by migration 0006, waiting to be sealed when the workspace is
    next opened (a migration holds no key). Emptied at that open; never exported, dumped or searched."""

    __tablename__ = "identity_staged"

    petition_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    version: Mapped[str] = mapped_column(String(64))
    fields: Mapped[dict[str, Any]] = mapped_column(JSON)
