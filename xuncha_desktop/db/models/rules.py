"""定性依据: the rules a group cites when it characterises a problem (document, article, text, edition).

The library ships with entries (``db/seed.py``) and each group adds its own; a problem or a working paper
cites entries by link (relation ``cites``, ``services/links.py``), so citations travel like any link."""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base, Replicated, SearchSpec


class Rule(Replicated, Base):
    __tablename__ = "rules"
    search = SearchSpec("rule", ("document", "article", "text"))
    # The list's index (docs/data-model.md, "List indexes"): its order ending with the tie-break id.
    __table_args__ = (Index("ix_rules_live_document", "deleted", "document", "position", "id"),)

    document: Mapped[str] = mapped_column(String(200))     # 《中国共产党纪律处分条例》
    edition: Mapped[str | None] = mapped_column(String(100))  # 2023年修订
    article: Mapped[str] = mapped_column(String(100))      # 第一百零一条, 第二项, 六（摘录）
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)  # order within the document
