"""问题线索: issue clues and their disposition."""

from __future__ import annotations

import uuid

from sqlalchemy import Boolean, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base, Replicated, SearchSpec


class Clue(Replicated, Base):
    __tablename__ = "clues"
    search = SearchSpec("clue", ("number", "persons_involved", "description", "result"))
    # The list's indexes (docs/data-model.md, "List indexes"): its order ending with the tie-break id, alone
    # and under each filter.
    __table_args__ = (
        Index("ix_clues_live_created", "deleted", "created_at", "id"),
        Index("ix_clues_round_created", "round_id", "deleted", "created_at", "id"),
        Index("ix_clues_unit_created", "unit_id", "deleted", "created_at", "id"),
        Index("ix_clues_status_created", "status", "deleted", "created_at", "id"),
        Index("ix_clues_category_created", "category", "deleted", "created_at", "id"),
    )

    round_id: Mapped[uuid.UUID | None]
    unit_id: Mapped[uuid.UUID]
    number: Mapped[str | None] = mapped_column(String(50))
    source_kind: Mapped[str] = mapped_column(String(32))
    persons_involved: Mapped[str | None] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(32))
    # Clues about leaders go sealed to the discipline secretary.
    sealed: Mapped[bool] = mapped_column(Boolean, default=False)
    receiving_body: Mapped[str | None] = mapped_column(String(200))
    result: Mapped[str | None] = mapped_column(Text)
    # 谈话函询 / 初步核实 / 暂存待查 / 予以了结 (enums.ProposedDisposition): the group's proposal, printed in the
    # 巡察情况报告 and the transfer's list; the receiving body decides.
    proposed_disposition: Mapped[str | None] = mapped_column(String(32))
