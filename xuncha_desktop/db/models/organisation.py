"""Rounds, groups (with their members) and inspected units."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Date, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base, Replicated


class Round(Replicated, Base):
    """巡察轮次: one round of inspection (e.g. 五届市委第八轮) of one kind."""

    __tablename__ = "rounds"
    # The list's index (docs/data-model.md, "List indexes"): its order ending with the tie-break id.
    __table_args__ = (Index("ix_rounds_live_start", "deleted", "start_date", "id"),)

    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))
    term: Mapped[str | None] = mapped_column(String(50))
    number: Mapped[int | None] = mapped_column(Integer)
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    # A supervision round names the rounds whose rectification it supervises.
    supervised_round_ids: Mapped[list[str]] = mapped_column(default=list)
    notes: Mapped[str | None] = mapped_column(Text)
    # What a supervision round's report says in the group's own words: the analysis of what remains, and
    # the next steps (整改督查报告 sections 三 and 四).
    analysis: Mapped[str | None] = mapped_column(Text)
    next_steps: Mapped[str | None] = mapped_column(Text)


class Group(Replicated, Base):
    """巡察组 of one round; its units are links of relation ``inspects``."""

    __tablename__ = "groups"
    # The list's indexes (docs/data-model.md, "List indexes"): its order ending with the tie-break id, alone
    # and under the round filter.
    __table_args__ = (
        Index("ix_groups_live_name", "deleted", "name", "id"),
        Index("ix_groups_round_name", "round_id", "deleted", "name", "id"),
    )

    round_id: Mapped[uuid.UUID]
    name: Mapped[str] = mapped_column(String(200))
    # The organisation that signs what the group issues, in full (中共娄底市委第三巡察组): the 落款.
    signing_org: Mapped[str | None] = mapped_column(String(200))
    notes: Mapped[str | None] = mapped_column(Text)


class GroupMember(Replicated, Base):
    __tablename__ = "group_members"

    group_id: Mapped[uuid.UUID] = mapped_column(index=True)
    name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(32))
    post: Mapped[str | None] = mapped_column(String(200))


class Unit(Replicated, Base):
    """被巡察单位 and its Party organisation."""

    __tablename__ = "units"
    # The list's indexes (docs/data-model.md, "List indexes"): its order ending with the tie-break id, alone
    # and under the kind of Party organisation.
    __table_args__ = (
        Index("ix_units_live_name", "deleted", "name", "id"),
        Index("ix_units_kind_name", "party_org_kind", "deleted", "name", "id"),
    )

    name: Mapped[str] = mapped_column(String(200), index=True)
    party_org: Mapped[str | None] = mapped_column(String(200))
    party_org_kind: Mapped[str | None] = mapped_column(String(32))
    level: Mapped[str | None] = mapped_column(String(50))
    contact_person: Mapped[str | None] = mapped_column(String(100))
    contact_phone: Mapped[str | None] = mapped_column(String(50))
    address: Mapped[str | None] = mapped_column(String(300))
    notes: Mapped[str | None] = mapped_column(Text)
