"""Several writers on one hub database: the locks that keep the change log, the clock and the audit chain whole.

On a laptop one process writes the SQLite file (the workspace's OS lock) and SQLite serialises writers, so
every function here does nothing there. On an office hub several stations write one PostgreSQL database at
once, in READ COMMITTED transactions, and:

- the hub's change-log stream (one device id, gap-free ``seq``, each entry's hash over the one before) is
  extended under a transaction-scoped advisory lock on that stream: the next number and the previous hash
  are read *after* the lock is granted, so they are those of the last committed entry, and the lock is held
  until the commit, so no other writer can take the same number or fork the chain (the database hands out
  the sequence; no process keeps a counter across transactions);
- each station's audit chain is extended under its own advisory lock in the same way (a station's window
  and its command line may write at once; two stations never wait for each other's looks);
- a record being changed is locked (``SELECT … FOR UPDATE``) and its stamp compared with the stamp the
  writer read: a different stamp means another station (or an import) committed a change in between, and
  the save is refused (:class:`RecordChangedMeanwhile`) instead of overwriting it;
- imports take one hub-wide lock, so the same package sent from two stations is applied once (the second
  finds every change present).

Lock order, to rule out deadlocks: import lock, then the change stream, then record rows, then an audit
chain. A writer waits at most ``LOCK_WAIT`` for a record row (an import holding it for longer makes the
save fail with a clear message, not hang).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from xuncha_desktop import local_time
from xuncha_desktop.db.hlc import Stamp
from xuncha_desktop.db.models.audit import AuditEntry
from xuncha_desktop.db.models.stations import Station
from xuncha_desktop.db.models.sync import SyncDevice
from xuncha_desktop.errors import XunchaError

# Advisory lock classes (the first of the two int4 keys).
_CHANGES, _AUDIT, _IMPORTS = 7101, 7102, 7103
LOCK_WAIT = "3s"


def on_server(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _key(device_id: uuid.UUID) -> int:
    # 32 bits of the device id: two devices sharing a key only wait for each other, never break a chain.
    return int.from_bytes(device_id.bytes[:4], "big", signed=True)


def _advisory(session: Session, kind: int, key: int) -> None:
    with session.no_autoflush:
        session.execute(text("SELECT pg_advisory_xact_lock(:kind, :key)"), {"kind": kind, "key": key})


def lock_change_stream(session: Session, device_id: uuid.UUID) -> None:
    """Holds ``device_id``'s change stream until the transaction ends (no-op on SQLite)."""
    if on_server(session):
        _advisory(session, _CHANGES, _key(device_id))


def lock_audit_chain(session: Session, device_id: uuid.UUID) -> None:
    """Holds ``device_id``'s audit chain until the transaction ends (no-op on SQLite)."""
    if on_server(session):
        _advisory(session, _AUDIT, _key(device_id))


def lock_imports(session: Session) -> None:
    """One import at a time on the hub: a second waits, then finds what the first applied (no-op on SQLite)."""
    if on_server(session):
        _advisory(session, _IMPORTS, 0)


class RecordChangedMeanwhile(XunchaError):
    """Another station or an import changed the record after this writer read it; nothing was saved."""

    def __init__(self, table: str, record_id: uuid.UUID, who: str, at: str, fields: list[str]) -> None:
        self.table = table
        self.record_id = record_id
        self.who = who
        self.fields = fields
        super().__init__("record_changed_meanwhile", table=table, record=str(record_id)[:8], who=who, at=at,
                         fields="、".join(fields) or "—")


@dataclass(frozen=True)
class Current:
    hlc: str
    changed_by: uuid.UUID
    field_hlc: dict[str, str]


def lock_record(session: Session, model: type, record_id: uuid.UUID) -> Current | None:
    """Locks the record's row until the transaction ends and returns its committed stamps (None if absent).

    On SQLite it only reads. Raises XunchaError ``record_busy`` when another transaction (an import) holds
    the row for longer than ``LOCK_WAIT``.
    """
    table = model.__table__  # type: ignore[attr-defined]
    query = select(table.c.hlc, table.c.changed_by, table.c.field_hlc).where(table.c.id == record_id)
    with session.no_autoflush:
        if not on_server(session):
            row = session.execute(query).first()
        else:
            session.execute(text(f"SET LOCAL lock_timeout = '{LOCK_WAIT}'"))
            try:
                row = session.execute(query.with_for_update()).first()
            except OperationalError as exc:
                if "lock timeout" in str(exc.orig):
                    raise XunchaError("record_busy", table=table.name, record=str(record_id)[:8]) from exc
                raise
            session.execute(text("SET LOCAL lock_timeout = 0"))
    return None if row is None else Current(row.hlc, row.changed_by, dict(row.field_hlc or {}))


def changed_meanwhile(session: Session, table: str, record_id: uuid.UUID, since: str,
                      current: Current) -> RecordChangedMeanwhile:
    """The refusal naming who changed the record last (station and person, or the device a package came
    from), when, and which fields changed after the stamp ``since`` the writer read (stamps sort as text)."""
    fields = sorted(name for name, stamp in current.field_hlc.items() if stamp > since)
    at = local_time.text(dt.datetime.fromtimestamp(Stamp.parse(current.hlc).millis / 1000, dt.UTC))
    return RecordChangedMeanwhile(table, record_id, last_writer(session, record_id, current), at, fields)


def last_writer(session: Session, record_id: uuid.UUID, current: Current) -> str:
    with session.no_autoflush:
        entry = session.execute(
            select(AuditEntry.actor, Station.name).join(Station, Station.id == AuditEntry.device_id, isouter=True)
            .where(AuditEntry.record_id == record_id, AuditEntry.action.in_(("create", "update", "delete")))
            .order_by(AuditEntry.at.desc()).limit(1)).first()
        device = session.get(SyncDevice, current.changed_by)
    if device is not None:  # the last change came in a package
        return device.device_name
    if entry is not None:
        return f"{entry.actor}（{entry.name}）" if entry.name else str(entry.actor)
    return str(current.changed_by)


def lock_records(session: Session, model: type, ids: list[uuid.UUID]) -> None:
    """Locks these records' rows (in id order, as a writer's flush does) until the transaction ends, so an
    import folds each record from a log no station is extending meanwhile (no-op on SQLite)."""
    if ids and on_server(session):
        table = model.__table__  # type: ignore[attr-defined]
        with session.no_autoflush:
            session.execute(select(table.c.id).where(table.c.id.in_(ids)).order_by(table.c.id).with_for_update())
