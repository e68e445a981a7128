"""巡察情况报告: what the group writes itself into its report to the 巡察工作领导小组 on a unit (the rest of
the report is gathered from the records when it is made)."""

from __future__ import annotations

import uuid

from sqlalchemy import Index, Text
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base, Replicated


class SituationReport(Replicated, Base):
    __tablename__ = "situation_reports"
    __table_args__ = (
        Index("ix_situation_reports_live_created", "deleted", "created_at", "id"),
        Index("ix_situation_reports_round_created", "round_id", "deleted", "created_at", "id"),
        Index("ix_situation_reports_unit_created", "unit_id", "deleted", "created_at", "id"),
    )

    round_id: Mapped[uuid.UUID]
    unit_id: Mapped[uuid.UUID]
    overview: Mapped[str | None] = mapped_column(Text)      # 总体评价, optional
    suggestions: Mapped[str | None] = mapped_column(Text)   # 意见建议, one paragraph per line
