"""The change log: every change to a travelling record, in the transaction that made it."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import BigInteger, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base


class Change(Base):
    """One change of one record by one device.

    ``seq`` counts the device's changes without gaps, so a receiver can ask for "everything after N".
    ``base_hlc`` is the record's stamp the editor started from: a change whose base does not include
    the current winner is concurrent with it. ``chain`` is the hash of this entry and the device's entry
    before it (``db.change_chain``), which the device's signed heads cover. ``op`` is ``insert``,
    ``update``, ``delete`` or ``settle`` (a person settling a conflict).
    """

    __tablename__ = "changes"
    __table_args__ = (UniqueConstraint("device_id", "seq"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    device_id: Mapped[uuid.UUID]
    seq: Mapped[int] = mapped_column(BigInteger)
    hlc: Mapped[str] = mapped_column(String(64), index=True)
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[uuid.UUID] = mapped_column(index=True)
    op: Mapped[str] = mapped_column(String(16))
    fields: Mapped[dict[str, Any]]
    base_hlc: Mapped[str | None] = mapped_column(String(64))
    chain: Mapped[str] = mapped_column(String(64))
