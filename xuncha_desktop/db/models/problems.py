"""问题 and the updates of its rectification."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Boolean, Date, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base, Replicated, SearchSpec


class Problem(Replicated, Base):
    __tablename__ = "problems"
    search = SearchSpec("problem", ("number", "statement", "requirement", "responsible", "measures"))
    # The list's indexes (docs/data-model.md, "List indexes"): its order (unit, number, creation) ending with
    # the tie-break id, alone (with the deadline of its date filter after it, tested in the index; the unit
    # filter is an equality on the order's first column) and under each filter; (status, deadline) finds
    # the overdue problems.
    __table_args__ = (
        Index("ix_problems_live_unit", "deleted", "unit_id", "number", "created_at", "id", "deadline"),
        Index("ix_problems_round_unit", "round_id", "deleted", "unit_id", "number", "created_at", "id"),
        Index("ix_problems_status_unit", "status", "deleted", "unit_id", "number", "created_at", "id"),
        Index("ix_problems_category_unit", "category", "deleted", "unit_id", "number", "created_at", "id"),
        Index("ix_problems_status_deadline", "status", "deadline"),
    )

    round_id: Mapped[uuid.UUID]
    unit_id: Mapped[uuid.UUID] = mapped_column(index=True)
    number: Mapped[str | None] = mapped_column(String(50))
    category: Mapped[str] = mapped_column(String(64))
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
    status: Mapped[str] = mapped_column(String(32))
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
