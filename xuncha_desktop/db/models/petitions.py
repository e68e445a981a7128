"""信访件: petitions (letters, calls, visits, online reports, mailbox)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Boolean, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base, Replicated, SearchSpec


class Petition(Replicated, Base):
    """``petitioner_name`` and ``petitioner_contact`` are confidential: no document for a unit shows them."""

    __tablename__ = "petitions"
    search = SearchSpec("petition", ("number", "subject_names", "subject_unit", "summary", "result"))
    # The list's indexes (docs/data-model.md, "List indexes"): its order ending with the tie-break id, alone
    # and under each filter.
    __table_args__ = (
        Index("ix_petitions_live_received", "deleted", "received_at", "id"),
        Index("ix_petitions_round_received", "round_id", "deleted", "received_at", "id"),
        Index("ix_petitions_unit_received", "unit_id", "deleted", "received_at", "id"),
        Index("ix_petitions_category_received", "category", "deleted", "received_at", "id"),
    )

    round_id: Mapped[uuid.UUID | None]
    unit_id: Mapped[uuid.UUID | None]
    number: Mapped[str | None] = mapped_column(String(50))
    channel: Mapped[str] = mapped_column(String(32))
    received_at: Mapped[dt.datetime] = mapped_column(index=True)
    petitioner_name: Mapped[str | None] = mapped_column(String(100))
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    petitioner_contact: Mapped[str | None] = mapped_column(String(200))
    subject_names: Mapped[str | None] = mapped_column(String(500))
    subject_unit: Mapped[str | None] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String(64))
    in_remit: Mapped[bool] = mapped_column(Boolean, default=True)
    handling: Mapped[str | None] = mapped_column(String(32))
    result: Mapped[str | None] = mapped_column(Text)
