"""问题线索移交: clues handed to the 纪委监委 or the 组织部 with a 移交函, and the receipt."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Date, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base, Replicated


class ClueTransfer(Replicated, Base):
    """One transfer: the clues listed (``clue_ids``, in the list's order), to whom, the letter's number and
    date, and who received it when (set by ``services.transfers.receive``, which moves the clues to 移交)."""

    __tablename__ = "clue_transfers"
    # The list's indexes (docs/data-model.md, "List indexes"): its order ending with the tie-break id, alone
    # and under the round and unit filters.
    __table_args__ = (
        Index("ix_clue_transfers_live_created", "deleted", "created_at", "id"),
        Index("ix_clue_transfers_round_created", "round_id", "deleted", "created_at", "id"),
        Index("ix_clue_transfers_unit_created", "unit_id", "deleted", "created_at", "id"),
    )

    round_id: Mapped[uuid.UUID]
    unit_id: Mapped[uuid.UUID]
    recipient: Mapped[str] = mapped_column(String(32))
    recipient_name: Mapped[str | None] = mapped_column(String(200))  # 主送 in full: 中共娄底市纪委、娄底市监委
    number: Mapped[str | None] = mapped_column(String(100))           # 文号
    issued_on: Mapped[dt.date | None] = mapped_column(Date)
    clue_ids: Mapped[list[str]] = mapped_column(default=list)
    received_by: Mapped[str | None] = mapped_column(String(100))
    received_at: Mapped[dt.datetime | None]
    notes: Mapped[str | None] = mapped_column(Text)
