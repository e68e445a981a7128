"""问题底稿: one working paper per problem ("一事一底稿")."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Date, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base, Replicated, SearchSpec


class WorkingPaper(Replicated, Base):
    __tablename__ = "working_papers"
    search = SearchSpec("paper", ("number", "title", "source", "summary", "how_found"))
    # The list's indexes (docs/data-model.md, "List indexes"): its order ending with the tie-break id, alone
    # (with the date of its date filter after it, tested in the index) and under each filter.
    __table_args__ = (
        Index("ix_working_papers_live_number", "deleted", "number", "created_at", "id", "date"),
        Index("ix_working_papers_round_number", "round_id", "deleted", "number", "created_at", "id"),
        Index("ix_working_papers_unit_number", "unit_id", "deleted", "number", "created_at", "id"),
        Index("ix_working_papers_status_number", "status", "deleted", "number", "created_at", "id"),
    )

    round_id: Mapped[uuid.UUID | None]
    unit_id: Mapped[uuid.UUID]
    problem_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    title: Mapped[str] = mapped_column(String(300))
    number: Mapped[str | None] = mapped_column(String(50))
    date: Mapped[dt.date | None] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text, default="")
    how_found: Mapped[str | None] = mapped_column(Text)
    drafted_by: Mapped[str | None] = mapped_column(String(100))
    checked_by: Mapped[str | None] = mapped_column(String(100))
    approved_by: Mapped[str | None] = mapped_column(String(100))
    # Who checked and signed off, and when: set by the service from the acting person (services/papers.py).
    checked_at: Mapped[dt.datetime | None]
    approved_at: Mapped[dt.datetime | None]
    status: Mapped[str] = mapped_column(String(32))
    # 被巡察单位意见: what the unit answered when the facts were put to it, and whether it agrees (UnitAgreement).
    unit_response: Mapped[str | None] = mapped_column(Text)
    unit_agrees: Mapped[str | None] = mapped_column(String(32))
