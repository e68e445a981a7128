"""证据材料 and its chain of custody."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import BigInteger, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base, Replicated, SearchSpec


class Evidence(Replicated, Base):
    """A piece of evidence; its file lives in the encrypted store under its ``sha256``."""

    __tablename__ = "evidence"
    search = SearchSpec("evidence", ("title", "source", "provider", "file_name", "notes"))
    # The list's indexes (docs/data-model.md, "List indexes"): its order ending with the tie-break id, alone
    # (with the date of its date filter after it, tested in the index) and under each filter.
    __table_args__ = (
        Index("ix_evidence_live_created", "deleted", "created_at", "id", "obtained_at"),
        Index("ix_evidence_round_created", "round_id", "deleted", "created_at", "id"),
        Index("ix_evidence_unit_created", "unit_id", "deleted", "created_at", "id"),
        Index("ix_evidence_type_created", "evidence_type", "deleted", "created_at", "id"),
    )

    round_id: Mapped[uuid.UUID | None]
    unit_id: Mapped[uuid.UUID | None]
    title: Mapped[str] = mapped_column(String(300))
    evidence_type: Mapped[str | None] = mapped_column(String(64))
    source: Mapped[str | None] = mapped_column(String(300))
    provider: Mapped[str | None] = mapped_column(String(100))
    obtained_how: Mapped[str | None] = mapped_column(String(32))
    obtained_at: Mapped[dt.datetime | None]
    pages: Mapped[int | None] = mapped_column(Integer)
    file_name: Mapped[str | None] = mapped_column(String(300))
    media_type: Mapped[str | None] = mapped_column(String(100))
    size: Mapped[int | None] = mapped_column(BigInteger)
    sha256: Mapped[str | None] = mapped_column(String(64), index=True)
    notes: Mapped[str | None] = mapped_column(Text)


class CustodyEvent(Replicated, Base):
    """Who held a piece of evidence when. Append-only: events are added, never edited."""

    __tablename__ = "custody_events"

    evidence_id: Mapped[uuid.UUID] = mapped_column(index=True)
    at: Mapped[dt.datetime]
    action: Mapped[str] = mapped_column(String(32))
    holder: Mapped[str] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)
