"""Declarative base and the columns every travelling record carries."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from sqlalchemy import JSON, Boolean, DateTime, MetaData, String, TypeDecorator, Uuid
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware datetimes stored as UTC; SQLite keeps no zone, so it is restored on read."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: give a timezone")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        dt.datetime: UTCDateTime(),
        uuid.UUID: Uuid(),
        dict[str, Any]: JSON(),
        dict[str, str]: JSON(),
        list[str]: JSON(),
    }


# Columns that describe the copy rather than the record: never merged as fields.
META_COLUMNS = frozenset({"id", "hlc", "changed_by", "field_hlc"})


@dataclass(frozen=True)
class SearchSpec:
    """What the full-text index keeps of a record family: its kind's name and the columns whose text is found.

    Declared on the model because the index is kept up to date by the write hook, below the services.
    """

    kind: str
    columns: tuple[str, ...]


@dataclass(frozen=True)
class SignatureLock:
    """Fields that no edit may change once ``flag`` is true (a signed interview keeps the text signed).

    The services refuse such an edit; the merge keeps the signed value against a concurrent edit.
    """

    flag: str
    fields: frozenset[str]


class Replicated:
    """Mixin for records that travel between machines (see docs/architecture.md).

    ``id`` is made on the device that creates the record; ``hlc`` and ``changed_by`` name the last
    change; ``field_hlc`` holds the stamp of each field's last change so fields merge one by one;
    ``deleted`` is the tombstone (records are never removed, so a deletion can travel).
    """

    if TYPE_CHECKING:
        __tablename__: str

    # Set by the families that are searched or locked by a signature.
    search: ClassVar[SearchSpec | None] = None
    signature_lock: ClassVar[SignatureLock | None] = None

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True)
    hlc: Mapped[str] = mapped_column(String(64), index=True)
    changed_by: Mapped[uuid.UUID]
    field_hlc: Mapped[dict[str, str]] = mapped_column(default=dict)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime]
