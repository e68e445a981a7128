"""个别谈话: individual interviews."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Boolean, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base, Replicated, SearchSpec, SignatureLock


class Interview(Replicated, Base):
    __tablename__ = "interviews"
    search = SearchSpec("interview", ("interviewee_name", "interviewee_post", "place", "record_text"))
    # Once the interviewee has signed, these say what was said and cannot change.
    signature_lock = SignatureLock("signed", frozenset({"record_text", "interviewee_name", "started_at", "ended_at",
                                                      "interviewers"}))
    # The list's indexes (see docs/data-model.md, "List indexes"): live rows in the list's order, ending with
    # the tie-break id, for the list alone and under each of its filters, so a page far down the list skips
    # index entries only. Walked backwards for the newest first.
    __table_args__ = (
        Index("ix_interviews_live_started", "deleted", "started_at", "id"),
        Index("ix_interviews_round_started", "round_id", "deleted", "started_at", "id"),
        Index("ix_interviews_unit_started", "unit_id", "deleted", "started_at", "id"),
        Index("ix_interviews_category_started", "interviewee_category", "deleted", "started_at", "id"),
        # sorted by name: the filters' columns follow the order, so any filter is tested in the index
        Index("ix_interviews_live_name", "deleted", "interviewee_name", "id", "round_id", "unit_id",
              "interviewee_category", "started_at"),
    )

    round_id: Mapped[uuid.UUID | None]
    unit_id: Mapped[uuid.UUID]
    number: Mapped[str | None] = mapped_column(String(50))
    kind: Mapped[str] = mapped_column(String(32))
    interviewee_name: Mapped[str] = mapped_column(String(100))
    interviewee_unit: Mapped[str | None] = mapped_column(String(200))
    interviewee_post: Mapped[str | None] = mapped_column(String(200))
    interviewee_political_status: Mapped[str | None] = mapped_column(String(50))
    interviewee_category: Mapped[str] = mapped_column(String(32))
    started_at: Mapped[dt.datetime] = mapped_column(index=True)
    ended_at: Mapped[dt.datetime | None]
    place: Mapped[str | None] = mapped_column(String(200))
    interviewers: Mapped[list[str]] = mapped_column(default=list)
    recorder: Mapped[str | None] = mapped_column(String(100))
    outline: Mapped[str | None] = mapped_column(String(100))
    record_text: Mapped[str] = mapped_column(Text, default="")
    signed: Mapped[bool] = mapped_column(Boolean, default=False)
    signed_at: Mapped[dt.datetime | None]
