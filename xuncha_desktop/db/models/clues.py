"""问题线索: issue clues and their disposition."""

from __future__ import annotations

import uuid

from sqlalchemy import Boolean, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base, Replicated


class Clue(Replicated, Base):
    __tablename__ = "clues"
    __table_args__ = (Index("ix_clues_live_created", "deleted", "created_at"),)

    round_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    unit_id: Mapped[uuid.UUID] = mapped_column(index=True)
    number: Mapped[str | None] = mapped_column(String(50))
    source_kind: Mapped[str] = mapped_column(String(32))
    persons_involved: Mapped[str | None] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(32), index=True)
    # Clues about leaders go sealed to the discipline secretary.
    sealed: Mapped[bool] = mapped_column(Boolean, default=False)
    receiving_body: Mapped[str | None] = mapped_column(String(200))
    result: Mapped[str | None] = mapped_column(Text)
