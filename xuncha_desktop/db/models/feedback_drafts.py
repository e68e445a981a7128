"""巡察反馈意见稿: the feedback a group writes for one unit in one round, and its items.

The draft holds the 总体评价 and the figures only the group can give (调阅资料 份数); each item groups one or
more problems under a summary the group writes, with its own 整改要求, in the order the group sets. Items
are records of their own (not a list inside the draft), so two members editing two items on two laptops
merge without a conflict; the order is each item's ``position``, ties broken by id.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base, Replicated


class FeedbackDraft(Replicated, Base):
    __tablename__ = "feedback_drafts"
    # The list's indexes (docs/data-model.md, "List indexes"): its order ending with the tie-break id, alone
    # and under each filter.
    __table_args__ = (
        Index("ix_feedback_drafts_live_unit", "deleted", "unit_id", "created_at", "id"),
        Index("ix_feedback_drafts_round_unit", "round_id", "deleted", "unit_id", "created_at", "id"),
        Index("ix_feedback_drafts_status_unit", "status", "deleted", "unit_id", "created_at", "id"),
    )

    round_id: Mapped[uuid.UUID]
    unit_id: Mapped[uuid.UUID]
    assessment: Mapped[str | None] = mapped_column(Text)        # 总体评价 (None: not written yet)
    # 调阅资料 as the group counted them; None: never recorded (the document then says nothing of it).
    documents_reviewed: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(32))
    drafted_by: Mapped[str | None] = mapped_column(String(100))
    # Who took each step and when: set by the service from the acting person (services/feedback_drafts.py).
    leader_reviewed_by: Mapped[str | None] = mapped_column(String(100))
    leader_reviewed_at: Mapped[dt.datetime | None]
    office_reviewed_by: Mapped[str | None] = mapped_column(String(100))
    office_reviewed_at: Mapped[dt.datetime | None]
    finalised_by: Mapped[str | None] = mapped_column(String(100))
    finalised_at: Mapped[dt.datetime | None]


class FeedbackItem(Replicated, Base):
    """One item of a draft: a summary over one or more problems (``problem_ids``, in order) and its 整改要求."""

    __tablename__ = "feedback_items"

    draft_id: Mapped[uuid.UUID] = mapped_column(index=True)
    position: Mapped[int] = mapped_column(Integer)
    category: Mapped[str | None] = mapped_column(String(64))      # the problems' category (a heading)
    summary: Mapped[str] = mapped_column(Text, default="")
    requirement: Mapped[str] = mapped_column(Text, default="")
    problem_ids: Mapped[list[str]] = mapped_column(default=list)
