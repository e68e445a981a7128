"""The audit log: who looked at or changed what, when. Never record contents or secrets."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import BigInteger, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base


class AuditEntry(Base):
    """Append-only; each device's entries form a hash chain (``prev_hash`` → ``hash``)."""

    __tablename__ = "audit_entries"
    __table_args__ = (UniqueConstraint("device_id", "seq"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    device_id: Mapped[uuid.UUID]
    seq: Mapped[int] = mapped_column(BigInteger)
    at: Mapped[dt.datetime] = mapped_column(index=True)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str | None] = mapped_column(String(32))
    record_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    detail: Mapped[str | None] = mapped_column(String(500))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
