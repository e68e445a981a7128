"""Vocabularies that offices adapt: categories, interviewee categories, evidence types, ..."""

from __future__ import annotations

import uuid

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base, Replicated


class VocabularyTerm(Replicated, Base):
    """One term of one vocabulary; ``round_id`` None is the default list every round starts from."""

    __tablename__ = "vocabulary_terms"

    vocabulary: Mapped[str] = mapped_column(String(64), index=True)
    round_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    code: Mapped[str] = mapped_column(String(64))
    label_zh: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str | None] = mapped_column(String(200))
    parent_code: Mapped[str | None] = mapped_column(String(64))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
