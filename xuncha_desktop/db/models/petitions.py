"""信访件: petitions (letters, calls, visits, online reports, mailbox)."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Boolean, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from xuncha_desktop.db.base import Base, Replicated, SearchSpec

# The petitioner's identity: not columns. Values given to a petition live on the object only until the
# petition service seals them into the identity store (db/models/identities.py); a look at a stored
# identity goes through services/identities.py, which writes it to the audit log.
IDENTITY_ATTRIBUTES = ("petitioner_name", "petitioner_contact", "petitioner_id_number", "petitioner_address")
_HELD = "_xuncha_identity"


def _identity_attribute(name: str) -> property:
    def get(self: Petition) -> str | None:
        held: dict[str, str | None] = self.__dict__.get(_HELD, {})
        return held.get(name)

    def put(self: Petition, value: str | None) -> None:
        self.__dict__.setdefault(_HELD, {})[name] = value
        self.__dict__.setdefault(_HELD + "_dirty", set()).add(name)

    return property(get, put, doc=f"The petitioner's {name.removeprefix('petitioner_')}, held in memory only.")


class Petition(Replicated, Base):
    """The petitioner's identity is not stored here (see IDENTITY_ATTRIBUTES); ``anonymous`` is."""

    __tablename__ = "petitions"
    search = SearchSpec("petition", ("number", "subject_names", "subject_unit", "summary", "result"))
    # The list's indexes (docs/data-model.md, "List indexes"): its order ending with the tie-break id, alone
    # and under each filter.
    __table_args__ = (
        Index("ix_petitions_live_received", "deleted", "received_at", "id"),
        Index("ix_petitions_round_received", "round_id", "deleted", "received_at", "id"),
        Index("ix_petitions_unit_received", "unit_id", "deleted", "received_at", "id"),
        Index("ix_petitions_category_received", "category", "deleted", "received_at", "id"),
    )

    round_id: Mapped[uuid.UUID | None]
    unit_id: Mapped[uuid.UUID | None]
    number: Mapped[str | None] = mapped_column(String(50))
    channel: Mapped[str] = mapped_column(String(32))
    received_at: Mapped[dt.datetime] = mapped_column(index=True)
    anonymous: Mapped[bool] = mapped_column(Boolean, default=False)
    subject_names: Mapped[str | None] = mapped_column(String(500))
    subject_unit: Mapped[str | None] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text)
    category: Mapped[str | None] = mapped_column(String(64))
    in_remit: Mapped[bool] = mapped_column(Boolean, default=True)
    handling: Mapped[str | None] = mapped_column(String(32))
    result: Mapped[str | None] = mapped_column(Text)

    petitioner_name = _identity_attribute("petitioner_name")
    petitioner_contact = _identity_attribute("petitioner_contact")
    petitioner_id_number = _identity_attribute("petitioner_id_number")
    petitioner_address = _identity_attribute("petitioner_address")

    def identity_given(self) -> dict[str, str | None]:
        """The identity values set on this object since it was loaded or last sealed."""
        held: dict[str, str | None] = self.__dict__.get(_HELD, {})
        return {name: held.get(name) for name in sorted(self.__dict__.get(_HELD + "_dirty", set()))}

    def identity_sealed(self) -> None:
        """Forgets which values were given (they are in the store now) and the values themselves."""
        self.__dict__.pop(_HELD + "_dirty", None)
        self.__dict__.pop(_HELD, None)

    def identity_shown(self, values: dict[str, str | None]) -> None:
        """Holds an identity read through the audited service, for the rest of this session's use."""
        self.__dict__[_HELD] = dict(values)
        self.__dict__.pop(_HELD + "_dirty", None)
