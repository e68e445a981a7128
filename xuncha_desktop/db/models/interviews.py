"""个别谈话: individual interviews."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Boolean, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base, Replicated


class Interview(Replicated, Base):
    __tablename__ = "interviews"
    # The list reads live rows newest first and counts them from (deleted, started_at) alone, a plan SQLite
    # picks even before ANALYZE has run; filtering by category sorts by time within it.
    __table_args__ = (
        Index("ix_interviews_live_started", "deleted", "started_at"),
        Index("ix_interviews_category_started", "interviewee_category", "started_at"),
        Index("ix_interviews_interviewee_name", "interviewee_name"),
    )

    round_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    unit_id: Mapped[uuid.UUID] = mapped_column(index=True)
    number: Mapped[str | None] = mapped_column(String(50))
    kind: Mapped[str] = mapped_column(String(32))
    interviewee_name: Mapped[str] = mapped_column(String(100))
    interviewee_unit: Mapped[str | None] = mapped_column(String(200))
    interviewee_post: Mapped[str | None] = mapped_column(String(200))
    interviewee_political_status: Mapped[str | None] = mapped_column(String(50))
    interviewee_category: Mapped[str] = mapped_column(String(32), index=True)
    started_at: Mapped[dt.datetime] = mapped_column(index=True)
    ended_at: Mapped[dt.datetime | None]
    place: Mapped[str | None] = mapped_column(String(200))
    interviewers: Mapped[list[str]] = mapped_column(default=list)
    recorder: Mapped[str | None] = mapped_column(String(100))
    outline: Mapped[str | None] = mapped_column(String(100))
    record_text: Mapped[str] = mapped_column(Text, default="")
    signed: Mapped[bool] = mapped_column(Boolean, default=False)
    signed_at: Mapped[dt.datetime | None]
