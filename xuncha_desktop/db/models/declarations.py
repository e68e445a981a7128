"""回避: a group member's declared relations (relatives, former posts, former units) that bar them from a matter."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base, Replicated
from xuncha_desktop.db.enums import CodedEnum


class RelationKind(CodedEnum):
    RELATIVE = ("relative", "亲属", "Relative")
    FORMER_POST = ("former_post", "曾任职", "Former post")
    FORMER_UNIT = ("former_unit", "曾工作单位", "Former unit")
    OTHER = ("other", "其他", "Other")


class Declaration(Replicated, Base):
    """A member's declaration: the unit (``unit_id``) and/or the person (``person_name``) the relation is with."""

    __tablename__ = "declarations"
    # The list's indexes (docs/data-model.md, "List indexes"): its order ending with the tie-break id, alone
    # and under the unit and relation filters; the member's name for the checks (services/declarations.py).
    __table_args__ = (
        Index("ix_declarations_live_declared", "deleted", "declared_at", "id"),
        Index("ix_declarations_unit_declared", "unit_id", "deleted", "declared_at", "id"),
        Index("ix_declarations_relation_declared", "relation", "deleted", "declared_at", "id"),
        Index("ix_declarations_member", "member_name", "deleted"),
    )

    member_name: Mapped[str] = mapped_column(String(100))
    relation: Mapped[str] = mapped_column(String(32))
    unit_id: Mapped[uuid.UUID | None]
    person_name: Mapped[str | None] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(Text)
    declared_at: Mapped[dt.datetime]
