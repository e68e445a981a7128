"""Every write to a travelling record stamps it and logs the change, in the same flush.

Services change ORM objects as usual; this hook, run before each flush, gives new records their id,
stamps every changed field with the device's hybrid clock, writes one ``Change`` per record, and refuses
hard deletion (records are tombstoned so that deletions can travel).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import uuid6
from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session, sessionmaker

from xuncha_desktop.db.base import META_COLUMNS, Replicated
from xuncha_desktop.db.change_chain import GENESIS, change_hash
from xuncha_desktop.db.concurrency import changed_meanwhile, lock_change_stream, lock_record
from xuncha_desktop.db.hlc import HybridClock, Stamp
from xuncha_desktop.db.models.changes import Change
from xuncha_desktop.db.values import to_json_value
from xuncha_desktop.security.roles import Role

CONTEXT_KEY = "xuncha.write_context"


@dataclass
class WriteContext:
    """Who writes: the device, its clock, the person, and how new ids are made."""

    device_id: uuid.UUID
    clock: HybridClock
    actor: str
    # The audit chain this writer extends: a hub station's own (db/models/stations.py); else the device's.
    audit_device: uuid.UUID | None = None
    # The actor's role: services ask it what the person may do (services/permissions.py).
    role: Role = Role.LEADER
    new_id: Callable[[], uuid.UUID] = field(default=uuid6.uuid7)
    # Set by the sync importer, which writes the incoming changes itself.
    capture: bool = True
    # Set while a person settles a conflict: the change is logged as a settlement (op ``settle``), which
    # alone may change a field a signature locks (see sync.merge).
    settling: bool = False
    # Hooks run after capture (the search index); each gets the session and the changed records.
    after_capture: list[Callable[[Session, list[Replicated]], None]] = field(default_factory=list)
    # What this transaction has learnt (next sequence numbers, vocabularies, ids seen); cleared when the
    # transaction ends, since another process may write between two of our transactions.
    cache: dict[Any, Any] = field(default_factory=dict)

    def now(self) -> dt.datetime:
        """Wall time of the clock's latest stamp, as an aware datetime."""
        stamp = Stamp.parse(self.clock.now())
        return dt.datetime.fromtimestamp(stamp.millis / 1000, dt.UTC)


def context_of(session: Session) -> WriteContext:
    ctx = session.info.get(CONTEXT_KEY)
    if not isinstance(ctx, WriteContext):
        raise RuntimeError("this session has no write context: open it through the workspace")
    return ctx


class HardDeleteRefused(RuntimeError):
    pass


def field_names(record: Replicated) -> list[str]:
    return [attr.key for attr in inspect(type(record)).column_attrs if attr.key not in META_COLUMNS]


def install_capture(factory: sessionmaker[Session]) -> None:
    event.listen(factory, "before_flush", _before_flush)
    event.listen(factory, "after_commit", _forget)
    event.listen(factory, "after_soft_rollback", _forget_after_rollback)


def _forget(session: Session) -> None:
    ctx = session.info.get(CONTEXT_KEY)
    if isinstance(ctx, WriteContext):
        ctx.cache.clear()


def _forget_after_rollback(session: Session, _previous: Any) -> None:
    _forget(session)


def _sorted(records: Iterable[Any]) -> list[Replicated]:
    found = [r for r in records if isinstance(r, Replicated)]
    # Sorted so that stamps and sequence numbers do not depend on the identity set's order.
    return sorted(found, key=lambda r: (type(r).__tablename__, str(r.id)))


def _apply_column_defaults(record: Replicated) -> None:
    # Column defaults would otherwise reach the row at INSERT time but not the change log.
    for attr in inspect(type(record)).column_attrs:
        column = attr.columns[0]
        default = column.default
        if default is None or getattr(record, attr.key) is not None:
            continue
        if default.is_scalar:
            setattr(record, attr.key, default.arg)
        elif default.is_callable:
            setattr(record, attr.key, default.arg(None))


def _before_flush(session: Session, _flush_context: Any, _instances: Any) -> None:
    for record in session.deleted:
        if isinstance(record, Replicated):
            raise HardDeleteRefused(f"{type(record).__name__} is tombstoned, never deleted")
    new = [r for r in session.new if isinstance(r, Replicated)]
    dirty = [r for r in session.dirty if isinstance(r, Replicated) and session.is_modified(r)]
    if not new and not dirty:
        return
    ctx = context_of(session)
    for record in new:
        if record.id is None:
            record.id = ctx.new_id()
    if ctx.capture:
        _log_changes(session, ctx, new, dirty)
    for hook in ctx.after_capture:
        hook(session, _sorted(new) + _sorted(dirty))


def _refuse_if_changed_meanwhile(session: Session, ctx: WriteContext, record: Replicated) -> None:
    """Locks the record's row and checks that nobody committed a change since this session read it (no silent
    overwrite between stations, or between a window and an import); later stamps follow the record's."""
    current = lock_record(session, type(record), record.id)
    if current is None:
        return
    if current.hlc != record.hlc:
        raise changed_meanwhile(session, type(record).__tablename__, record.id, record.hlc, current)
    ctx.clock.observe(current.hlc)


def _log_changes(session: Session, ctx: WriteContext, new: list[Replicated], dirty: list[Replicated]) -> None:
    seq, chain = ctx.cache.get("change_seq", (None, GENESIS))
    if seq is None:
        # On a hub, other stations extend the same stream: lock it, then read its committed head (the
        # database hands out the number; see db/concurrency.py), and stamp after the head's stamp.
        lock_change_stream(session, ctx.device_id)
        with session.no_autoflush:
            last = session.execute(select(Change.seq, Change.chain, Change.hlc)
                                   .where(Change.device_id == ctx.device_id)
                                   .order_by(Change.seq.desc()).limit(1)).first()
        seq, chain = (last.seq, last.chain) if last is not None else (0, GENESIS)
        if last is not None:
            ctx.clock.observe(last.hlc)
    for record in _sorted(dirty):
        _refuse_if_changed_meanwhile(session, ctx, record)
    new_ids = {id(r) for r in new}
    for record in _sorted(new) + _sorted(dirty):
        is_new = id(record) in new_ids
        state = inspect(record)
        if is_new:
            _apply_column_defaults(record)
            if record.created_at is None:
                record.created_at = ctx.now()
            names = field_names(record)
            base = None
        else:
            names = [n for n in field_names(record) if state.attrs[n].history.has_changes()]
            if not names:
                continue
            base = record.hlc
        stamp = ctx.clock.now()
        record.hlc = stamp
        record.changed_by = ctx.device_id
        record.field_hlc = {**(record.field_hlc or {}), **dict.fromkeys(names, stamp)}
        seq += 1
        change_id = ctx.new_id()
        table = type(record).__tablename__
        op = ("delete" if (record.deleted and "deleted" in names) else "insert" if is_new
              else "settle" if ctx.settling else "update")
        values = {n: to_json_value(getattr(record, n)) for n in sorted(names)}
        chain = change_hash(chain, change_id, ctx.device_id, seq, stamp, table, record.id, op, values, base)
        session.add(Change(id=change_id, device_id=ctx.device_id, seq=seq, hlc=stamp, table_name=table,
                           record_id=record.id, op=op, fields=values, base_hlc=base, chain=chain))
    ctx.cache["change_seq"] = (seq, chain)
