"""信访件: petitions (letters, calls, visits, online reports, mailbox)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Boolean, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base, Replicated


class Petition(Replicated, Base):
    """``petitioner_name`` and ``petitioner_contact`` are confidential: no document for a unit shows them."""

    __tablename__ = "petitions"
    __table_args__ = (
        Index("ix_petitions_live_received", "deleted", "received_at"),
        Index("ix_petitions_category_received", "category", "received_at"),
    )

    round_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    unit_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    number: Mapped[str | None] = mapped_column(String(50))
    channel: Mapped[str] = mapped_column(String(32))
    received_at: Mapped[dt.datetime] = mapped_column(index=True)
    petitioner_name: Mapped[str | None] = mapped_column(String(100))
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    petitioner_contact: Mapped[str | None] = mapped_column(String(200))
    subject_names: Mapped[str | None] = mapped_column(String(500))
    subject_unit: Mapped[str | None] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String(64), index=True)
    in_remit: Mapped[bool] = mapped_column(Boolean, default=True)
    handling: Mapped[str | None] = mapped_column(String(32))
    result: Mapped[str | None] = mapped_column(Text)
