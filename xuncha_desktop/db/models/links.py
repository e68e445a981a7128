"""Links between records (clue ↔ evidence, problem ↔ clue, group → unit, repeated petitions, ...)."""

from __future__ import annotations

import uuid

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base, Replicated


class Link(Replicated, Base):
    """A directed link of one ``relation``.

    Its id is derived from its two ends and relation (see services/links.py), so the same link made on
    two laptops is one record after a merge; unlinking sets the tombstone.
    """

    __tablename__ = "links"
    __table_args__ = (
        Index("ix_links_from", "from_kind", "from_id"),
        Index("ix_links_to", "to_kind", "to_id"),
    )

    relation: Mapped[str] = mapped_column(String(32))
    from_kind: Mapped[str] = mapped_column(String(32))
    from_id: Mapped[uuid.UUID]
    to_kind: Mapped[str] = mapped_column(String(32))
    to_id: Mapped[uuid.UUID]
