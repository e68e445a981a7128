"""What every record family shares: create, update, tombstone, read, list and count with filters.

Each family's module subclasses :class:`RecordService` with its fields and its rules (required fields
that depend on others, status steps, locks); the command line and the window call these methods and
never touch the ORM themselves. Nothing here commits: the caller owns the transaction.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar, cast

from sqlalchemy import Select, Table, false, func, or_, select
from sqlalchemy.orm import Session

from xuncha_desktop.db import audit
from xuncha_desktop.db.base import Replicated
from xuncha_desktop.db.capture import context_of
from xuncha_desktop.db.concurrency import Current, changed_meanwhile
from xuncha_desktop.db.enums import CodedEnum
from xuncha_desktop.db.values import to_json_value
from xuncha_desktop.errors import InvalidRequest, NotFound, ValidationError
from xuncha_desktop.services import permissions, vocabulary
from xuncha_desktop.services import search as search_service
from xuncha_desktop.services.fields import Field, FieldType, coerce, is_empty, parse_uuid
from xuncha_desktop.services.registry import KINDS, forget_existing, record_exists

M = TypeVar("M", bound=Replicated)

_FILTER = re.compile(r"^\s*([a-z_]+)\s*(>=|<=|!=|=)(.*)$", re.S)


@dataclass(frozen=True)
class Filter:
    field: str
    op: str
    value: Any

    @classmethod
    def parse(cls, text: str) -> Filter:
        match = _FILTER.match(text)
        if match is None:
            raise InvalidRequest("filter_bad", text=text)
        return cls(match.group(1), match.group(2), match.group(3).strip())


@dataclass(frozen=True)
class NavPage:
    """A page of the window's navigation. Families that share one (rounds, groups, units) are its tabs."""

    key: str
    zh: str
    en: str
    icon: str       # resources/icons/<icon>.svg
    order: int      # place in the navigation, ascending


# A list this long or shorter is sorted by any of its columns without an index of its own: SQLite sorts
# 20,000 rows in some tens of milliseconds, while the longest lists (an office's interviews) need the index.
SORTED_WITHOUT_INDEX = 20_000


class RecordService(Generic[M]):
    """The rules of one record family, and its descriptor: what the window, search, the command line and
    the tests need to know about the family. Subclasses set the class attributes and override the hooks;
    registering the service in ``services.kinds`` is all the rest of the program needs
    (docs/adding-a-record-family.md)."""

    kind: ClassVar[str]
    zh: ClassVar[str]
    en: ClassVar[str]
    model: type[M]
    fields: ClassVar[tuple[Field, ...]]
    # The page the family is listed on, the fields its list shows (in order), and the fields its list's
    # date-range and category filters act on. Sorting a list needs an index (see ``list_order``).
    nav: ClassVar[NavPage]
    list_columns: ClassVar[tuple[str, ...]]
    date_field: ClassVar[str | None] = None
    category_field: ClassVar[str | None] = None
    status_field: ClassVar[str | None] = None
    status_enum: ClassVar[type[CodedEnum] | None] = None
    initial_status: ClassVar[str | None] = None
    # status -> the statuses it may move to
    transitions: ClassVar[Mapping[str, frozenset[str]]] = {}
    # status -> fields that must be filled when moving to it
    transition_needs: ClassVar[Mapping[str, tuple[str, ...]]] = {}
    # Keys accepted in input besides the fields (a group's members, say); handled by the subclass.
    extra_keys: ClassVar[tuple[str, ...]] = ()
    default_order: ClassVar[tuple[str, ...]] = ("created_at",)
    round_field: ClassVar[str | None] = "round_id"

    # ---- description -------------------------------------------------------------------------
    @property
    def search_columns(self) -> tuple[str, ...]:
        """The columns the full-text index keeps (declared on the model: the index rides on the flush)."""
        return self.model.search.columns if self.model.search is not None else ()

    def field(self, name: str) -> Field:
        for candidate in self.fields:
            if candidate.name == name:
                return candidate
        raise InvalidRequest("unknown_field", kind=self.kind, kind_zh=self.zh, field=name,
                             fields=", ".join(f.name for f in self.fields))

    def title(self, record: M) -> str:
        """A one-line name of the record for lists and messages."""
        for name in ("name", "title", "number"):
            value = getattr(record, name, None)
            if value:
                return str(value)
        return str(record.id)

    # ---- reading -----------------------------------------------------------------------------
    def get(self, session: Session, record_id: uuid.UUID | str) -> M:
        """The live record; raises NotFound for an unknown or tombstoned id."""
        key = parse_uuid(record_id)
        if key is None:
            raise InvalidRequest("bad_id", value=record_id)
        record = session.get(self.model, key)
        if record is None or record.deleted:
            raise NotFound("not_found", kind=self.kind, kind_zh=self.zh, id=str(record_id))
        return record

    def read(self, session: Session, record_id: uuid.UUID | str) -> M:
        """``get`` for a person looking at the record: the look is written to the audit log."""
        permissions.require(session, permissions.Action.VIEW_RECORDS)
        record = self.get(session, record_id)
        audit.record(session, "view", self.kind, record.id)
        return record

    def query(self, session: Session, filters: Sequence[Filter] = (), search: str | None = None,
              order: Sequence[str] | None = None) -> Select[M]:
        statement = select(self.model).where(self.model.deleted.is_(False))
        for item in filters:
            statement = statement.where(self._condition(session, item))
        if search:
            statement = statement.where(self._search_condition(session, search))
        descending = False
        for name in order or self.default_order:
            bare = name.lstrip("-")
            if bare != "created_at":
                self.field(bare)  # refuses an unknown name
            column = getattr(self.model, bare)
            descending = name.startswith("-")
            statement = statement.order_by(column.desc() if descending else column.asc())
        # Ties are broken by id in the direction of the last term, so a descending list is exactly the
        # ascending one reversed and one list index (…, id) serves both directions: walked backwards for a
        # descending order. A far page (OFFSET) then skips index entries only, never table rows.
        return statement.order_by(self.model.id.desc() if descending else self.model.id.asc())

    def list_order(self, column: str, descending: bool = False, rows: int | None = None) -> tuple[str, ...] | None:
        """The order of a list sorted by ``column``, or None when no list index serves it and the list is long.

        A list of half a million rows sorted by a column no index holds would read and sort every match
        before showing its first row, so such a sort is not offered there; a list of ``rows`` up to
        ``SORTED_WITHOUT_INDEX`` is sorted by any of its columns (refusing to sort 1,601 problems by 整改时限
        helped nobody). Sorting by the first column of the default order gives the default order (reversed
        as a whole for the other direction).
        """
        first = self.default_order[0]
        if column == first.lstrip("-"):
            if descending == first.startswith("-"):
                return self.default_order
            return tuple(name[1:] if name.startswith("-") else "-" + name for name in self.default_order)
        table = cast(Table, self.model.__table__)  # type: ignore[attr-defined]
        for index in table.indexes:
            names = [c.name for c in index.columns]
            if names[:1] == ["deleted"] and names[1:2] == [column] and names[2:3] == ["id"]:
                return ("-" + column if descending else column,)
        if rows is not None and rows <= SORTED_WITHOUT_INDEX and column in self.list_columns:
            return ("-" + column if descending else column,)
        return None

    def find(self, session: Session, filters: Sequence[Filter] = (), search: str | None = None,
             limit: int | None = None, offset: int = 0, order: Sequence[str] | None = None) -> list[M]:
        statement = self.query(session, filters, search, order).offset(offset)
        if limit is not None:
            statement = statement.limit(limit)
        return list(session.scalars(statement))

    def count(self, session: Session, filters: Sequence[Filter] = (), search: str | None = None) -> int:
        statement = self.query(session, filters, search, order=()).order_by(None)
        return session.scalar(select(func.count()).select_from(statement.subquery())) or 0

    def _condition(self, session: Session, item: Filter) -> Any:
        field = self.field(item.field)
        value = self._coerce(session, field, item.value, None, check_refs=False)
        column = getattr(self.model, field.name)
        if item.op == "=":
            return column.is_(None) if value is None else column == value
        if item.op == "!=":
            return column.is_not(None) if value is None else column != value
        return column >= value if item.op == ">=" else column <= value

    def _search_condition(self, session: Session, text: str) -> Any:
        if search_service.is_searched(self.kind):
            return search_service.id_condition(session, text, self.kind, self.model.id)
        columns = [getattr(self.model, f.name) for f in self.fields
                   if f.value_type in (FieldType.STRING, FieldType.TEXT) and not f.confidential]
        return _any_like(columns, text) if columns else false()

    # ---- writing -----------------------------------------------------------------------------
    def create(self, session: Session, data: Mapping[str, Any]) -> M:
        """Validates ``data`` (field name → value, codes or labels) and adds the record."""
        permissions.require_edit(session, self.kind)
        values, extras = self._read_input(session, data, None)
        for field in self.fields:
            if field.name not in values and not field.read_only:
                default = field.default_value()
                if default is not None:
                    values[field.name] = default
        if self.status_field is not None:
            status = values.get(self.status_field, self.initial_status)
            if status != self.initial_status:
                assert self.status_enum is not None and self.initial_status is not None
                raise ValidationError("initial_status", self.status_field, kind=self.kind, kind_zh=self.zh,
                                      status=self.initial_status,
                                      status_zh=self.status_enum(self.initial_status).zh)
            values[self.status_field] = self.initial_status
        record = self.model(**values)
        self._check_required(record)
        self.validate(session, record, set(values), is_new=True)
        session.add(record)
        session.flush()
        self.after_write(session, record, extras, is_new=True)
        audit.record(session, "create", self.kind, record.id)
        return record

    def update(self, session: Session, record_id: uuid.UUID | str, data: Mapping[str, Any],
               base_hlc: str | None = None) -> M:
        """Changes the fields in ``data``. ``base_hlc`` is the record's stamp when the person opened it (the
        form keeps it): a record changed since, by another station or an import, is not overwritten — raises
        RecordChangedMeanwhile naming who changed which fields when (docs/hub.md)."""
        permissions.require_edit(session, self.kind)
        record = self.get(session, record_id)
        if base_hlc is not None and record.hlc != base_hlc:
            raise changed_meanwhile(session, self.model.__tablename__, record.id, base_hlc,
                                    Current(record.hlc, record.changed_by, dict(record.field_hlc or {})))
        values, extras = self._read_input(session, data, record)
        changed = {name for name, value in values.items() if getattr(record, name) != value}
        old_status = getattr(record, self.status_field) if self.status_field else None
        if self.status_field is not None and self.status_field in changed:
            assert old_status is not None
            self.check_transition(record, old_status, values[self.status_field], values)
            permissions.require_step(session, self.kind, old_status, values[self.status_field])
        self.before_update(session, record, changed)
        for name in changed:
            setattr(record, name, values[name])
        self._check_required(record)
        self.validate(session, record, changed, is_new=False)
        if self.status_field is not None and self.status_field in changed:
            self.on_status_change(session, record, old_status, getattr(record, self.status_field), values, extras)
        session.flush()
        self.after_write(session, record, extras, is_new=False)
        if changed or extras:
            audit.record(session, "update", self.kind, record.id, detail=",".join(sorted(changed | set(extras))))
        return record

    def settle_value(self, session: Session, record: M, name: str, raw: Any) -> Any:
        """A conflict's chosen value for ``name``, read as input of the field and checked by the record's
        rules as an edit would be; returns the value to store. Raises ValidationError / InvalidRequest.

        The status path is not checked: both versions were legal steps on their own devices, and settling
        must be able to go back to either. A field no service edits (an internal one) is left to the caller.
        """
        if name not in {f.name for f in self.fields}:
            return raw
        value = self._coerce(session, self.field(name), raw, getattr(record, self.round_field)
                             if self.round_field else None, check_refs=True)
        changed = {name} if getattr(record, name) != value else set()
        self.before_update(session, record, changed)
        previous = getattr(record, name)
        setattr(record, name, value)
        try:
            self._check_required(record)
            self.validate(session, record, changed, is_new=False)
        except BaseException:
            setattr(record, name, previous)
            raise
        return value

    def delete(self, session: Session, record_id: uuid.UUID | str) -> M:
        """Tombstones the record: it disappears from every list but its deletion can travel."""
        permissions.require(session, permissions.Action.DELETE_RECORDS)
        record = self.get(session, record_id)
        self.before_delete(session, record)
        record.deleted = True
        forget_existing(session)
        session.flush()
        audit.record(session, "delete", self.kind, record.id)
        return record

    def set_status(self, session: Session, record_id: uuid.UUID | str, status: str | CodedEnum,
                   **needs: Any) -> M:
        """One status step, with what the step needs (e.g. the receiving body of a transfer)."""
        assert self.status_field is not None
        return self.update(session, record_id, {self.status_field: str(status), **needs})

    def allowed_next(self, status: str) -> list[str]:
        return sorted(self.transitions.get(status, frozenset()), key=self._status_order)

    def _status_order(self, status: str) -> int:
        assert self.status_enum is not None
        return [m.value for m in self.status_enum].index(status)

    def check_transition(self, record: M, old: str, new: str, values: Mapping[str, Any]) -> None:
        assert self.status_enum is not None and self.status_field is not None
        allowed = self.transitions.get(old, frozenset())
        if new not in allowed:
            names = self.allowed_next(old)
            raise ValidationError(
                "bad_transition", self.status_field, kind=self.kind, kind_zh=self.zh,
                from_zh=self.status_enum(old).zh, to_zh=self.status_enum(new).zh,
                from_en=self.status_enum(old).en, to_en=self.status_enum(new).en,
                allowed="、".join(self.status_enum(s).zh for s in names) or "无",
                allowed_en=", ".join(names) or "none")
        for name in self.transition_needs.get(new, ()):
            if is_empty(values.get(name, getattr(record, name))):
                field = self.field(name)
                raise ValidationError("transition_needs", name, kind=self.kind, kind_zh=self.zh,
                                      to_zh=self.status_enum(new).zh, to_en=self.status_enum(new).en,
                                      field_zh=field.zh)

    # ---- hooks for the families --------------------------------------------------------------
    def validate(self, session: Session, record: M, changed: set[str], is_new: bool) -> None:
        """Rules across fields; raise ValidationError naming the field."""

    def before_update(self, session: Session, record: M, changed: set[str]) -> None:
        """Refuse an update before anything is changed; by default, of a field the record's signature locks."""
        lock = self.model.signature_lock
        locked = sorted(changed & lock.fields) if lock is not None and getattr(record, lock.flag) else []
        if locked:
            raise ValidationError("signed_locked", locked[0], field_zh=self.field(locked[0]).zh)

    def before_delete(self, session: Session, record: M) -> None:
        """Refuses to delete a record that live records still point to (a unit with problems, say)."""
        for other in KINDS.values():
            for field in other.fields:
                if field.ref != self.kind:
                    continue
                column = getattr(other.model, field.name)
                live = other.model.deleted.is_(False)
                if field.value_type is FieldType.REFS:  # a JSON list of ids (few records): counted here, portably
                    key = str(record.id)
                    count = sum(key in (ids or []) for ids in session.scalars(select(column).where(live)))
                else:
                    count = session.scalar(select(func.count()).select_from(other.model).where(
                        column == record.id, live)) or 0
                if count:
                    raise InvalidRequest("still_referenced", kind=self.kind, kind_zh=self.zh, count=count,
                                         other=other.kind, other_zh=other.zh)

    def on_status_change(self, session: Session, record: M, old: str | None, new: str,
                         values: Mapping[str, Any], extras: Mapping[str, Any]) -> None:
        """Record what a status step implies (a rectification update, say)."""

    def after_write(self, session: Session, record: M, extras: Mapping[str, Any], is_new: bool) -> None:
        """Store ``extra_keys`` input (members of a group, say)."""

    def extra_dict(self, session: Session, record: M) -> dict[str, Any]:
        return {}

    # ---- conversion --------------------------------------------------------------------------
    def to_dict(self, session: Session, record: M) -> dict[str, Any]:
        """The record as JSON-ready values: id, every field (codes, ISO dates), and the sync stamps."""
        result: dict[str, Any] = {"id": str(record.id), "kind": self.kind}
        for field in self.fields:
            result[field.name] = to_json_value(getattr(record, field.name))
        result.update(self.extra_dict(session, record))
        result["created_at"] = to_json_value(record.created_at)
        result["hlc"] = record.hlc
        result["changed_by"] = str(record.changed_by)
        return result

    def _read_input(self, session: Session, data: Mapping[str, Any], record: M | None
                    ) -> tuple[dict[str, Any], dict[str, Any]]:
        known = {f.name for f in self.fields}
        values: dict[str, Any] = {}
        extras: dict[str, Any] = {}
        round_id = data.get(self.round_field) if self.round_field else None
        if round_id is None and record is not None and self.round_field:
            round_id = getattr(record, self.round_field)
        for name, raw in data.items():
            if name in self.extra_keys:
                extras[name] = raw
                continue
            if name in ("id", "kind", "created_at", "hlc", "changed_by") and record is not None:
                continue  # echoed back from a `get`: harmless, but never an edit
            if name not in known:
                raise InvalidRequest("unknown_field", kind=self.kind, kind_zh=self.zh, field=name,
                                     fields=", ".join(sorted(known | set(self.extra_keys))))
            field = self.field(name)
            if field.read_only and name != self.status_field:
                raise ValidationError("read_only_field", name, field_zh=field.zh)
            values[name] = self._coerce(session, field, raw, round_id, check_refs=True)
        return values, extras

    def _coerce(self, session: Session, field: Field, raw: Any, round_id: Any, check_refs: bool) -> Any:
        round_key = parse_uuid(round_id) if round_id is not None else None

        def resolve(vocab: str, text: str) -> str:
            return vocabulary.resolve(session, vocab, round_key, text, field)

        def exists(kind: str, key: uuid.UUID) -> bool:
            return record_exists(session, kind, key)

        return coerce(field, raw, resolve, exists if check_refs else None)

    def check_stored(self, session: Session, record: M, names: Iterable[str] | None = None,
                     check_refs: bool = True) -> None:
        """Checks values already in a record (arrived by sync, or found by ``verify``) by the rules of input:
        each named field (all by default) must read back as itself (type, length, code and, with
        ``check_refs``, a reference to a record that exists) and a live record must have its required
        fields. A reference may point to a deleted record (a deletion concurrent with the edit is a
        conflict, not an error). Raises ValidationError naming the field.

        Rules across fields (``validate``) are not applied: two edits valid on their own devices may merge
        into a combination none of them made, which the conflict list, not a refusal, handles.
        """
        chosen = [f for f in self.fields if names is None or f.name in set(names)]
        round_id = getattr(record, self.round_field) if self.round_field else None

        def exists(kind: str, key: uuid.UUID) -> bool:
            cache = context_of(session).cache
            if ("stored", kind, key) not in cache:
                model = KINDS[kind].model
                cache[("stored", kind, key)] = session.scalar(select(model.id).where(model.id == key)) is not None
            return bool(cache[("stored", kind, key)])

        round_key = parse_uuid(round_id) if round_id is not None else None
        for field in chosen:
            value = getattr(record, field.name)
            if value is None:
                continue

            def resolve(vocab: str, text: str, field: Field = field) -> str:
                return vocabulary.resolve(session, vocab, round_key, text, field)

            read = coerce(field, to_json_value(value), resolve, exists if field.ref and check_refs else None)
            # a field's own default (a paper's summary "" when none was written) is what this program stores
            if read != value and not (read is None and value == field.default):
                raise field.fail("field_not_canonical")
        if not record.deleted:
            self._check_required(record)

    def _check_required(self, record: M) -> None:
        for field in self.fields:
            if field.required and is_empty(getattr(record, field.name)):
                raise field.fail("field_required")


def _any_like(columns: Sequence[Any], text: str) -> Any:
    return or_(*[column.ilike(f"%{text}%") for column in columns])


def check_not_before(field: Field, start: dt.datetime | dt.date | None, end: dt.datetime | dt.date | None) -> None:
    if start is not None and end is not None and end < start:
        raise field.fail("end_before_start")
