"""Sync bookkeeping: conflicts, what each peer acknowledged, trusted devices, packages sent and received.

These tables describe this copy's exchanges, not the inspection records: they do not travel themselves.
What a copy *has* is its change log (``changes``: every applied change with its device and sequence
number) and its audit log; ``sync_peer_marks`` keeps what each peer said it has, so an export carries
only what that peer lacks.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Integer, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base


class SyncConflict(Base):
    """Two concurrent values of one field of one record (or an edit concurrent with a deletion).

    ``kept`` is the value in force (the winner by clock stamp, device as tie-break); ``other`` the value
    that lost, kept here so that nothing is silently replaced. ``field`` is ``deleted`` for an edit made
    concurrently with a deletion (``other_value`` then holds the edit's fields). ``state`` is ``open``,
    ``settled`` (by a person, through a change that travels) or ``superseded`` (a later change decided it).
    """

    __tablename__ = "sync_conflicts"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[uuid.UUID] = mapped_column(index=True)
    field: Mapped[str] = mapped_column(String(64))
    kept_value: Mapped[Any | None] = mapped_column(JSON)
    kept_hlc: Mapped[str] = mapped_column(String(64))
    kept_change_id: Mapped[uuid.UUID]
    other_value: Mapped[Any | None] = mapped_column(JSON)
    other_hlc: Mapped[str] = mapped_column(String(64))
    other_change_id: Mapped[uuid.UUID]
    state: Mapped[str] = mapped_column(String(16), index=True)
    detected_at: Mapped[dt.datetime]
    settled_at: Mapped[dt.datetime | None]
    settled_by: Mapped[str | None] = mapped_column(String(100))
    settled_change_id: Mapped[uuid.UUID | None]


class SyncPeerMark(Base):
    """Peer ``peer_id`` said it holds ``origin_id``'s entries of ``stream`` up to ``seq`` (no gaps)."""

    __tablename__ = "sync_peer_marks"

    peer_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    stream: Mapped[str] = mapped_column(String(16), primary_key=True)  # changes | audit
    origin_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    updated_at: Mapped[dt.datetime]


class SyncDevice(Base):
    """A device known by its keys: one whose packages this copy accepts (trusted here by a person), or
    one whose changes arrive relayed and whose key the relaying device vouched for (``vouched_by``)."""

    __tablename__ = "sync_devices"

    device_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    device_name: Mapped[str] = mapped_column(String(200))
    ed25519_public: Mapped[str] = mapped_column(String(64))
    age_recipient: Mapped[str] = mapped_column(String(100))
    trusted_at: Mapped[dt.datetime]
    trusted_by: Mapped[str] = mapped_column(String(100))
    vouched_by: Mapped[uuid.UUID | None]
    # Its key for petitioners' identities (X25519, hex), signed by its device key in its key file.
    identity_public: Mapped[str | None] = mapped_column(String(64))
    # The office: every identity registered here is sealed to it too.
    office: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # Named by this copy (the office) as a reader of identities: they are re-sealed to it on export.
    reads_identities: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class SyncHead(Base):
    """The signed head of a device's log (``changes`` or ``audit``): its last sequence number and hash,
    signed by that device. This copy keeps the latest head it verified for each device and passes it on
    unchanged with the entries it covers; its own head is signed at each export."""

    __tablename__ = "sync_heads"

    device_id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    stream: Mapped[str] = mapped_column(String(16), primary_key=True)  # changes | audit
    seq: Mapped[int] = mapped_column(BigInteger)
    hash: Mapped[str] = mapped_column(String(64))
    signature: Mapped[str] = mapped_column(String(128))
    updated_at: Mapped[dt.datetime]


class SyncPackage(Base):
    """A package this copy wrote (``sent``) or imported (``received``)."""

    __tablename__ = "sync_packages"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    direction: Mapped[str] = mapped_column(String(16), primary_key=True)  # sent | received
    device_id: Mapped[uuid.UUID] = mapped_column(index=True)
    peer: Mapped[str | None] = mapped_column(String(200))
    file_name: Mapped[str | None] = mapped_column(String(500))
    at: Mapped[dt.datetime]
    changes: Mapped[int] = mapped_column(Integer)
    audit_entries: Mapped[int] = mapped_column(Integer)
    evidence_files: Mapped[int] = mapped_column(Integer)
    bytes: Mapped[int] = mapped_column(BigInteger)
    summary: Mapped[dict[str, Any]]
    note: Mapped[str | None] = mapped_column(Text)
