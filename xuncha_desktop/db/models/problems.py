"""问题 and the updates of its rectification."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Boolean, Date, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base, Replicated


class Problem(Replicated, Base):
    __tablename__ = "problems"
    __table_args__ = (
        Index("ix_problems_live_unit", "deleted", "unit_id", "number"),
        Index("ix_problems_category_deleted", "category", "deleted"),
        Index("ix_problems_status_deadline", "status", "deadline"),
    )

    round_id: Mapped[uuid.UUID] = mapped_column(index=True)
    unit_id: Mapped[uuid.UUID] = mapped_column(index=True)
    number: Mapped[str | None] = mapped_column(String(50))
    category: Mapped[str] = mapped_column(String(64), index=True)
    sub_category: Mapped[str | None] = mapped_column(String(64))
    statement: Mapped[str] = mapped_column(Text)
    severity: Mapped[str | None] = mapped_column(String(32))
    origin: Mapped[str] = mapped_column(String(32))
    in_feedback: Mapped[bool] = mapped_column(Boolean, default=False)
    # Listed and handed to the unit for (immediate) rectification, as a supervision does.
    handed_over: Mapped[bool] = mapped_column(Boolean, default=False)
    requirement: Mapped[str | None] = mapped_column(Text)
    responsible: Mapped[str | None] = mapped_column(String(200))
    deadline: Mapped[dt.date | None] = mapped_column(Date, index=True)
    status: Mapped[str] = mapped_column(String(32), index=True)
    measures: Mapped[str | None] = mapped_column(Text)
    proof: Mapped[str | None] = mapped_column(Text)
    supervision_remarks: Mapped[str | None] = mapped_column(Text)
    rectified_on: Mapped[dt.date | None] = mapped_column(Date)


class RectificationUpdate(Replicated, Base):
    """One step of a problem's rectification: a report from the unit or a supervisor's check."""

    __tablename__ = "rectification_updates"

    problem_id: Mapped[uuid.UUID] = mapped_column(index=True)
    round_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    at: Mapped[dt.datetime]
    status_before: Mapped[str | None] = mapped_column(String(32))
    status_after: Mapped[str] = mapped_column(String(32))
    measures: Mapped[str | None] = mapped_column(Text)
    proof: Mapped[str | None] = mapped_column(Text)
    remark: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str | None] = mapped_column(String(100))
