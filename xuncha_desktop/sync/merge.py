"""Merging change logs: a record's state is a function of the set of its changes, so order does not matter.

For each record touched by incoming changes, every change of it in ``changes`` (local and applied) is
folded: per field, the change with the highest clock stamp wins (stamps end with the device id, so ties
break by device). A change that the winner's editor had not seen (``base_hlc`` below its stamp) and whose
value differs is kept as a conflict, unless a later change that had seen it superseded it; an edit that
neither saw nor was seen by the winning deletion is a conflict on ``deleted``. ``created_at`` merges by
the same rule but is never a conflict (records made with the same id on two devices, such as default
vocabulary terms, differ only there). Append-only families (evidence, custody events, rectification
updates) are records with their own ids and so merge by union; audit entries arrive as per-device chains.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, cast

from sqlalchemy import (
    Boolean,
    Date,
    Integer,
    String,
    Table,
    Text,
    Uuid,
    and_,
    func,
    inspect,
    not_,
    or_,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from xuncha_desktop.db.audit import GENESIS as AUDIT_GENESIS
from xuncha_desktop.db.audit import entry_hash
from xuncha_desktop.db.base import META_COLUMNS, SignatureLock, UTCDateTime
from xuncha_desktop.db.capture import context_of
from xuncha_desktop.db.change_chain import GENESIS, change_hash
from xuncha_desktop.db.concurrency import lock_records
from xuncha_desktop.db.hlc import Stamp, wall_millis
from xuncha_desktop.db.models import replicated_models
from xuncha_desktop.db.models.audit import AuditEntry
from xuncha_desktop.db.models.changes import Change
from xuncha_desktop.db.models.sync import SyncConflict
from xuncha_desktop.db.search_index import index_records
from xuncha_desktop.db.values import to_json_value
from xuncha_desktop.sync.heads import Head
from xuncha_desktop.sync.package import PackageError

# ``settle``: a person settled a conflict (db.capture); the only change that may stand on a signed field.
OPERATIONS = ("insert", "update", "delete", "settle")
CONFLICT_NAMESPACE = uuid.UUID("6f1c2a7e-8a4b-5c3d-9e0f-1a2b3c4d5e6f")
NEVER_CONFLICT = frozenset({"created_at"})
_CHUNK = 500


def _table(model: type[Any]) -> Table:
    return cast(Table, model.__table__)


@dataclass(frozen=True)
class LogEntry:
    id: uuid.UUID
    device_id: uuid.UUID
    seq: int
    hlc: str
    table_name: str
    record_id: uuid.UUID
    op: str
    fields: dict[str, Any]
    base_hlc: str | None


@dataclass(frozen=True)
class Found:
    """A conflict as the fold sees it."""

    id: uuid.UUID
    table_name: str
    record_id: uuid.UUID
    field: str
    kept: LogEntry
    kept_value: Any
    other: LogEntry
    other_value: Any


@dataclass
class MergeSummary:
    records_added: int = 0
    records_updated: int = 0
    records_unchanged: int = 0
    changes_applied: int = 0
    changes_present: int = 0
    conflicts: int = 0
    audit_entries_added: int = 0
    audit_entries_present: int = 0
    max_hlc: str | None = None
    touched: dict[str, set[uuid.UUID]] = field(default_factory=lambda: defaultdict(set))
    # The fields each new change set, by record: what the receiver checks by its rules of input.
    incoming_fields: dict[tuple[str, uuid.UUID], set[str]] = field(default_factory=lambda: defaultdict(set))


_MODELS: dict[str, type[Any]] = {}


def models_by_table() -> dict[str, type[Any]]:
    if not _MODELS:
        _MODELS.update({m.__tablename__: m for m in replicated_models()})
    return _MODELS


def _converter(column_type: Any) -> Callable[[Any], Any]:
    if isinstance(column_type, Uuid):
        return lambda v: None if v is None else uuid.UUID(str(v))
    if isinstance(column_type, UTCDateTime):
        def to_datetime(v: Any) -> Any:
            if v is None:
                return None
            value = dt.datetime.fromisoformat(str(v))
            return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        return to_datetime
    if isinstance(column_type, Date):
        return lambda v: None if v is None else dt.date.fromisoformat(str(v))
    if isinstance(column_type, Boolean):
        def to_bool(v: Any) -> Any:
            if v is not None and not isinstance(v, bool):
                raise ValueError(f"not a boolean: {v!r}")
            return v
        return to_bool
    if isinstance(column_type, Integer):
        def to_int(v: Any) -> Any:
            if v is not None and (not isinstance(v, int) or isinstance(v, bool)):
                raise ValueError(f"not an integer: {v!r}")
            return v
        return to_int
    if isinstance(column_type, String | Text):
        def to_str(v: Any) -> Any:
            if v is not None and not isinstance(v, str):
                raise ValueError(f"not text: {v!r}")
            return v
        return to_str
    return lambda v: v


_CONVERTERS: dict[str, dict[str, Callable[[Any], Any]]] = {}


def converters(table: str) -> dict[str, Callable[[Any], Any]]:
    found = _CONVERTERS.get(table)
    if found is None:
        model = models_by_table()[table]
        found = {a.key: _converter(a.columns[0].type) for a in inspect(model).column_attrs
                 if a.key not in META_COLUMNS}
        _CONVERTERS[table] = found
    return found


def parse_change(raw: dict[str, Any]) -> LogEntry:
    """An entry of a package's change log, checked against the models. Raises PackageError."""
    try:
        table = str(raw["table"])
        if table not in models_by_table():
            raise ValueError(f"unknown table {table!r}")
        fields = raw["fields"]
        if not isinstance(fields, dict):
            raise ValueError("fields is not an object")
        known = converters(table)
        for name, value in fields.items():
            if name not in known:
                raise ValueError(f"unknown field {table}.{name}")
            known[name](value)
        op = str(raw["op"])
        if op not in OPERATIONS:
            raise ValueError(f"unknown operation {op!r}")
        device = uuid.UUID(str(raw["device_id"]))
        hlc = str(raw["hlc"])
        if Stamp.parse(hlc).device != device.hex:
            raise ValueError(f"stamp {hlc} is not of device {device}")
        base = raw.get("base_hlc")
        if base is not None:
            base = str(base)
            Stamp.parse(base)
            if base > hlc:
                raise ValueError(f"base {base} is later than the change {hlc}")
        seq = raw["seq"]
        if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
            raise ValueError("bad sequence number")
        return LogEntry(uuid.UUID(str(raw["id"])), device, seq, hlc, table, uuid.UUID(str(raw["record_id"])), op,
                        fields, base)
    except (KeyError, TypeError, ValueError) as exc:
        raise PackageError("package_bad_content", reason=f"change log: {exc}") from exc


def _uuid_text(value: Any) -> str:
    text = str(value)
    if len(text) == 32:
        return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
    return text


def change_lines(session: Session, device: uuid.UUID, after: int, through: int) -> Iterator[tuple[str, str, bytes]]:
    """The device's change-log entries after sequence number ``after`` up to ``through``, in order, as package lines:
    (table, the fields' JSON text, the line). Read as plain columns, and the fields' JSON goes into the
    line as stored, without being decoded and encoded again (most of an export's time otherwise)."""
    stored_fields = type_coerce(Change.fields, Text)
    # Ids as stored (32 hex digits in SQLite, a UUID from PostgreSQL's driver) and written in the usual
    # form by slicing: making a UUID object of each was half of an export's time for the log.
    query = (select(type_coerce(Change.id, String), Change.seq, Change.hlc, Change.table_name,
                    type_coerce(Change.record_id, String), Change.op, Change.base_hlc, stored_fields)
             .where(Change.device_id == device, Change.seq > after, Change.seq <= through).order_by(Change.seq)
             .execution_options(yield_per=2000))
    device_text = str(device)
    for change_id, seq, hlc, table, record_id, op, base_hlc, fields in session.execute(query):
        if not isinstance(fields, str):  # PostgreSQL's driver hands JSON over decoded
            fields = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        head = json.dumps({"base_hlc": base_hlc, "device_id": device_text, "hlc": hlc, "id": _uuid_text(change_id),
                           "op": op, "record_id": _uuid_text(record_id), "seq": seq, "table": table},
                          ensure_ascii=False, separators=(",", ":"))
        yield table, fields, f'{head[:-1]},"fields":{fields}}}\n'.encode()


def have_marks(session: Session, stream: str) -> dict[uuid.UUID, int]:
    """Per device, the highest sequence number held (the log is gap-free per device)."""
    model: Any = Change if stream == "changes" else AuditEntry
    rows = session.execute(select(model.device_id, func.max(model.seq)).group_by(model.device_id))
    return {device: int(seq) for device, seq in rows}


# ---- applying ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Origins:
    """What an import may believe about where changes come from, handed in by the sync use case.

    ``heads`` are the package's signed heads whose signatures were checked against their devices' keys;
    every device whose new changes the package carries must have one, and the changes must chain up to it.
    ``own_exported_hlc`` is the stamp of the last change of this copy that ever left it (None if none did):
    no other device can have based an edit on a later one. ``max_ahead_ms`` bounds how far ahead of this
    machine's clock a change may be stamped.
    """

    own_device: uuid.UUID
    heads: dict[tuple[uuid.UUID, str], Head]
    own_exported_hlc: str | None
    max_ahead_ms: int
    sender: str = ""                                   # the sending device, as messages name it
    names: dict[uuid.UUID, str] = field(default_factory=dict)

    def label(self, device: uuid.UUID) -> str:
        """A device as messages name it: its name and the start of its id, or its id."""
        name = self.names.get(device)
        return f"{name}（{str(device)[:8]}）" if name else str(device)


@dataclass
class Incoming:
    """A package's new changes held in memory by record, and per device the sequence number held before
    them: the fold then reads from the database only what was there before (usually nothing), instead of
    reading back every change it has just written."""

    by_record: dict[uuid.UUID, list[LogEntry]] = field(default_factory=lambda: defaultdict(list))
    before: dict[uuid.UUID, int] = field(default_factory=dict)


class _Chains:
    """Each device's chain as the package's entries are read: checked against what this copy holds for
    entries it has, continued for new ones, and compared with the device's signed head at the end."""

    def __init__(self, session: Session, have: dict[uuid.UUID, int], origins: Origins) -> None:
        self.session = session
        self.have = have
        self.origins = origins
        self.last: dict[uuid.UUID, tuple[int, str]] = {}
        self.held: dict[uuid.UUID, dict[int, str]] = {}

    def _held_chain(self, device: uuid.UUID, first: int) -> dict[int, str]:
        rows = self.session.execute(select(Change.seq, Change.chain).where(
            Change.device_id == device, Change.seq >= max(first - 1, 1), Change.seq <= self.have.get(device, 0)))
        return {seq: chain for seq, chain in rows}

    def add(self, entry: LogEntry) -> str:
        """The entry's chain hash; raises PackageError ``package_history_differs`` when this copy holds an
        entry of that device and number with other content."""
        if entry.device_id not in self.last:
            self.held[entry.device_id] = self._held_chain(entry.device_id, entry.seq)
            previous = GENESIS if entry.seq == 1 else self.held[entry.device_id].get(entry.seq - 1)
            if previous is None:
                raise PackageError("package_gap", device=str(entry.device_id), have=self.have.get(entry.device_id, 0),
                                   first=entry.seq)
            self.last[entry.device_id] = (entry.seq - 1, previous)
        seq, previous = self.last[entry.device_id]
        if entry.seq != seq + 1:
            raise PackageError("package_gap", device=str(entry.device_id), have=seq, first=entry.seq)
        chain = change_hash(previous, entry.id, entry.device_id, entry.seq, entry.hlc, entry.table_name,
                            entry.record_id, entry.op, entry.fields, entry.base_hlc)
        held = self.held[entry.device_id].get(entry.seq)
        if held is not None and held != chain:
            raise PackageError("package_history_differs", device=self.origins.label(entry.device_id), seq=entry.seq,
                               sender=self.origins.sender)
        self.last[entry.device_id] = (entry.seq, chain)
        return chain

    def check_heads(self) -> None:
        for device, (seq, chain) in self.last.items():
            _check_head(self.origins, device, "changes", seq, chain)


def _check_head(origins: Origins, device: uuid.UUID, stream: str, seq: int, digest: str) -> None:
    """The entries of ``device`` end where its signed head says, with the same hash."""
    head = origins.heads.get((device, stream))
    if head is None or head.seq != seq:
        raise PackageError("package_unsigned_changes", device=origins.label(device), sender=origins.sender)
    if head.hash != digest:
        raise PackageError("package_history_differs", device=origins.label(device), seq=seq, sender=origins.sender)


def apply_changes(session: Session, entries: Iterable[dict[str, Any]], summary: MergeSummary, origins: Origins,
                  now_millis: Callable[[], int] = wall_millis, hold_in_memory: bool = False,
                  step: Callable[[int], None] | None = None) -> None:
    """Adds the changes this copy lacks to the log, then folds every record they touch.

    Every entry must chain up to its device's signed head (``origins``); an entry this copy already holds
    must be the same entry. ``hold_in_memory`` keeps the new changes in memory for the fold (for packages
    whose log is small enough). ``step(n)`` is called now and then with the work done: changes read, then
    records folded added to them (it may raise, e.g. Cancelled, to abandon the transaction). Raises
    PackageError: ``package_clock_ahead`` for a change stamped too far ahead of this clock,
    ``package_claims_own`` for a new change in this copy's name, ``package_history_differs`` and
    ``package_unsigned_changes`` for changes their origin did not sign, ``package_base_unseen`` for an edit
    that claims to have seen a change of this copy that never left it.
    """
    have = have_marks(session, "changes")
    # Held in memory: the new entries of the package's devices. This copy's own stream is read from the log
    # when folding, never cut at its length before the import: on a hub, stations extend it meanwhile.
    incoming = Incoming(before={d: s for d, s in have.items() if d != origins.own_device}) if hold_in_memory \
        else None
    chains = _Chains(session, have, origins)
    limit = now_millis() + origins.max_ahead_ms
    own_hex = origins.own_device.hex
    batch: list[dict[str, Any]] = []
    for raw in entries:
        entry = parse_change(raw)
        chain = chains.add(entry)
        held = have.get(entry.device_id, 0)
        if entry.seq <= held:
            summary.changes_present += 1
            continue
        if entry.device_id == origins.own_device:
            raise PackageError("package_claims_own", sender=origins.sender, seq=entry.seq)
        if entry.base_hlc is not None and Stamp.parse(entry.base_hlc).device == own_hex and (
                origins.own_exported_hlc is None or entry.base_hlc > origins.own_exported_hlc):
            raise PackageError("package_base_unseen", device=origins.label(entry.device_id), seq=entry.seq,
                               sender=origins.sender)
        have[entry.device_id] = entry.seq
        summary.changes_applied += 1
        if summary.max_hlc is None or entry.hlc > summary.max_hlc:
            summary.max_hlc = entry.hlc
            ahead = Stamp.parse(entry.hlc).millis - limit
            if ahead > 0:
                hours = round((ahead + origins.max_ahead_ms) / 3_600_000, 1)
                raise PackageError("package_clock_ahead", device=origins.label(entry.device_id), hours=hours,
                                   allowed=round(origins.max_ahead_ms / 60_000))
        summary.touched[entry.table_name].add(entry.record_id)
        summary.incoming_fields[(entry.table_name, entry.record_id)].update(entry.fields)
        if incoming is not None:
            incoming.by_record[entry.record_id].append(entry)
            incoming.before.setdefault(entry.device_id, 0)
        batch.append({"id": entry.id, "device_id": entry.device_id, "seq": entry.seq, "hlc": entry.hlc,
                      "table_name": entry.table_name, "record_id": entry.record_id, "op": entry.op,
                      "fields": entry.fields, "base_hlc": entry.base_hlc, "chain": chain})
        if len(batch) >= 2000:
            session.connection().execute(_table(Change).insert(), batch)
            batch = []
            if step is not None:
                step(summary.changes_applied + summary.changes_present)
    chains.check_heads()
    if batch:
        session.connection().execute(_table(Change).insert(), batch)
    read = summary.changes_applied + summary.changes_present
    if step is not None:
        step(read)
    folded = 0
    for table, ids in sorted(summary.touched.items()):
        fold_records(session, table, sorted(ids), summary, incoming,
                     None if step is None else _offset_step(step, read + folded))
        folded += len(ids)


def _offset_step(step: Callable[[int], None], before: int) -> Callable[[int], None]:
    return lambda done: step(before + done)


def _log_of(session: Session, ids: list[uuid.UUID], excluding: dict[uuid.UUID, int] | None = None
            ) -> dict[uuid.UUID, list[LogEntry]]:
    """The changes of these records in the log, by record, in stamp order; without, per device in
    ``excluding``, those above the sequence number given."""
    found: dict[uuid.UUID, list[LogEntry]] = defaultdict(list)
    query = (select(Change.id, Change.device_id, Change.seq, Change.hlc, Change.table_name, Change.record_id,
                    Change.op, Change.fields, Change.base_hlc).where(Change.record_id.in_(ids)))
    if excluding:
        query = query.where(not_(or_(*(and_(Change.device_id == device, Change.seq > seq)
                                       for device, seq in excluding.items()))))
    for row in session.execute(query):
        found[row.record_id].append(LogEntry(*row))
    for entries in found.values():
        entries.sort(key=lambda e: e.hlc)
    return found


@dataclass
class Folded:
    values: dict[str, Any]
    field_hlc: dict[str, str]
    hlc: str
    changed_by: uuid.UUID
    has_insert: bool
    conflicts: list[Found]


def fold(table: str, record_id: uuid.UUID, log: list[LogEntry]) -> Folded:
    """The record's state and open conflicts, from all of its changes (any order gives the same)."""
    if len(log) == 1:  # most records of a first import: the general rule gives exactly this
        only = log[0]
        return Folded(values=dict(only.fields), field_hlc=dict.fromkeys(only.fields, only.hlc), hlc=only.hlc,
                      changed_by=only.device_id, has_insert=only.op == "insert", conflicts=[])
    # A base is believed only when it is the stamp of a change of this record: an editor starts from the
    # record as some change left it. Any other base (forged, or naming a change that never existed) counts
    # as having seen nothing, so the edit is concurrent with everything and cannot hide a conflict.
    stamps = {e.hlc for e in log}
    log = [e if e.base_hlc is None or e.base_hlc in stamps else replace(e, base_hlc=None) for e in log]
    winners: dict[str, LogEntry] = {}
    by_field: dict[str, list[LogEntry]] = defaultdict(list)
    for entry in log:
        for name in entry.fields:
            by_field[name].append(entry)
            if name not in winners or entry.hlc > winners[name].hlc:
                winners[name] = entry
    last = max(log, key=lambda e: e.hlc)
    lock = models_by_table()[table].signature_lock
    if lock is not None:
        _keep_signed_values(lock, winners, by_field)
    conflicts: list[Found] = []
    for name, winner in sorted(winners.items()):
        if name in NEVER_CONFLICT or name == "deleted":
            continue
        for loser in by_field[name]:
            if loser is winner or _saw(winner, loser):
                continue
            if any(other is not winner and other is not loser and other.hlc > loser.hlc and _saw(other, loser)
                   for other in by_field[name]):
                continue  # a later change on its own line replaced it: history, not a conflict
            if loser.fields[name] == winner.fields[name]:
                continue
            conflicts.append(_found(table, record_id, name, winner, winner.fields[name], loser,
                                    loser.fields[name]))
    deletion = winners.get("deleted")
    if deletion is not None and deletion.fields["deleted"] is True:
        for entry in log:
            if entry is deletion or "deleted" in entry.fields or not set(entry.fields) - NEVER_CONFLICT:
                continue
            if _saw(deletion, entry) or _saw(entry, deletion):
                continue
            conflicts.append(_found(table, record_id, "deleted", deletion, True, entry, entry.fields))
    return Folded(values={n: w.fields[n] for n, w in winners.items()},
                  field_hlc={n: w.hlc for n, w in winners.items()}, hlc=last.hlc, changed_by=last.device_id,
                  has_insert=any(e.op == "insert" for e in log), conflicts=conflicts)


def _keep_signed_values(lock: SignatureLock, winners: dict[str, LogEntry],
                        by_field: dict[str, list[LogEntry]]) -> None:
    """A signed record (an interview) keeps the values that were signed (the model's ``signature_lock``).

    From the first signing on, a locked field (and the flag itself) keeps the latest value the signer had
    seen, whatever the stamps of later or concurrent edits: an edit with another value does not win and
    stays a conflict for a person to review, so no device can change what was signed by claiming, in its
    clock stamp or its base, to come later. An edit that writes the signed value again (a person settling
    such a conflict) may stand.
    """
    signings = [e for e in by_field.get(lock.flag, []) if e.fields[lock.flag] is True]
    if not signings:
        return
    sign = min(signings, key=lambda e: e.hlc)
    for name in sorted(lock.fields | {lock.flag}):
        entries = by_field.get(name, [])
        standing = [e for e in entries if e is sign or _saw(sign, e)]
        if not standing:
            continue
        signed_value = max(standing, key=lambda e: e.hlc).fields[name]
        winners[name] = max((e for e in entries if e.fields[name] == signed_value), key=lambda e: e.hlc)


def _saw(later: LogEntry, earlier: LogEntry) -> bool:
    """Whether ``later``'s editor started from a state that included ``earlier``."""
    return later.base_hlc is not None and later.base_hlc >= earlier.hlc


def _found(table: str, record_id: uuid.UUID, name: str, kept: LogEntry, kept_value: Any, other: LogEntry,
           other_value: Any) -> Found:
    conflict_id = uuid.uuid5(CONFLICT_NAMESPACE, f"{record_id}/{name}/{kept.id}/{other.id}")
    return Found(conflict_id, table, record_id, name, kept, kept_value, other, other_value)


def fold_records(session: Session, table: str, ids: list[uuid.UUID], summary: MergeSummary | None = None,
                 incoming: Incoming | None = None, step: Callable[[int], None] | None = None) -> None:
    model = models_by_table()[table]
    convert = converters(table)
    for start in range(0, len(ids), _CHUNK):
        if step is not None:
            step(start)
        chunk = ids[start:start + _CHUNK]
        # Lock first, then read the log: a station's change committed before the lock is in the fold; one
        # made after waits for this import's commit (and is then checked against the folded stamp).
        lock_records(session, model, chunk)
        if incoming is None:
            logs = _log_of(session, chunk)
            here = chunk
        else:
            logs = _log_of(session, chunk, incoming.before)
            here = list(logs)  # a record with no change here before the package does not exist here
            for record_id in chunk:
                arrived = incoming.by_record.get(record_id)
                if arrived:
                    logs[record_id] = sorted([*logs.get(record_id, ()), *arrived], key=lambda e: e.hlc)
        existing = {r.id: r for r in session.scalars(select(model).where(model.id.in_(here)))} if here else {}
        found: list[Found] = []
        new_rows: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
        for record_id in chunk:
            log = logs.get(record_id)
            if not log:
                continue
            state = fold(table, record_id, log)
            found.extend(state.conflicts)
            record = existing.get(record_id)
            if record is None:
                if not state.has_insert:
                    continue  # its creation has not arrived yet; the fold runs again when it does
                values = {name: convert[name](value) for name, value in state.values.items() if name in convert}
                row = {"id": record_id, "hlc": state.hlc, "changed_by": state.changed_by,
                       "field_hlc": state.field_hlc, **values}
                new_rows[tuple(sorted(row))].append(row)
                if summary is not None:
                    summary.records_added += 1
                continue
            changed = False
            for name, value in state.values.items():
                if name in convert and to_json_value(getattr(record, name)) != value:
                    setattr(record, name, convert[name](value))
                    changed = True
            if record.field_hlc != state.field_hlc:
                record.field_hlc = state.field_hlc
            if record.hlc != state.hlc:
                record.hlc = state.hlc
                record.changed_by = state.changed_by
            if summary is not None:
                if changed:
                    summary.records_updated += 1
                else:
                    summary.records_unchanged += 1
        # New records go in as plain rows (the ORM would cost ten times as much); the search index is
        # brought up to date for them the way the write hook does it for local records.
        for rows in new_rows.values():
            session.connection().execute(_table(model).insert(), rows)
        if model.search is not None:
            index_records(session, [model(**row) for rows in new_rows.values() for row in rows])
        new = _store_conflicts(session, table, chunk, found)
        if summary is not None:
            summary.conflicts += new
        session.flush()


def _store_conflicts(session: Session, table: str, ids: list[uuid.UUID], found: list[Found]) -> int:
    stored = {c.id: c for c in session.scalars(select(SyncConflict).where(SyncConflict.record_id.in_(ids)))}
    wanted = {f.id: f for f in found}
    for conflict in stored.values():
        if conflict.state == "open" and conflict.id not in wanted:
            conflict.state = "superseded"
    new = 0
    now = context_of(session).now()
    for conflict_id, item in wanted.items():
        if conflict_id in stored:
            if stored[conflict_id].state == "superseded":
                stored[conflict_id].state = "open"
            continue
        session.add(SyncConflict(id=conflict_id, table_name=table, record_id=item.record_id, field=item.field,
                                 kept_value=item.kept_value, kept_hlc=item.kept.hlc, kept_change_id=item.kept.id,
                                 other_value=item.other_value, other_hlc=item.other.hlc,
                                 other_change_id=item.other.id, state="open", detected_at=now))
        new += 1
    return new


def _refolded_open_conflicts(session: Session) -> Iterator[tuple[str, list[uuid.UUID], list[Found]]]:
    """For the records with open conflicts, chunk by chunk: (table, record ids, conflicts decided afresh)."""
    rows = session.execute(select(SyncConflict.table_name, SyncConflict.record_id)
                           .where(SyncConflict.state == "open").distinct()).all()
    by_table: dict[str, set[uuid.UUID]] = defaultdict(set)
    for table, record_id in rows:
        by_table[table].add(record_id)
    for table, ids in sorted(by_table.items()):
        ordered = sorted(ids)
        for start in range(0, len(ordered), _CHUNK):
            chunk = ordered[start:start + _CHUNK]
            logs = _log_of(session, chunk)
            yield table, chunk, [c for record_id in chunk if logs.get(record_id)
                                 for c in fold(table, record_id, logs[record_id]).conflicts]


def refresh_conflicts(session: Session) -> None:
    """Re-decides open conflicts after local edits (a local change may have settled one)."""
    for table, chunk, found in list(_refolded_open_conflicts(session)):
        _store_conflicts(session, table, chunk, found)


def current_conflicts(session: Session) -> list[Found]:
    """Open conflicts, decided afresh from the log (read only): what the canonical dump shows."""
    result = [c for _table, _chunk, found in _refolded_open_conflicts(session) for c in found]
    return sorted(result, key=lambda c: str(c.id))


# ---- audit entries -------------------------------------------------------------------------------------
def apply_audit(session: Session, entries: Iterator[dict[str, Any]], summary: MergeSummary,
                origins: Origins) -> None:
    """Adds the audit entries this copy lacks: each device's chain whole, ending at its signed head, no entry
    in this copy's name, and an entry already held identical to the one held. Raises PackageError."""
    marks = have_marks(session, "audit")
    last: dict[uuid.UUID, tuple[int, str]] = {}
    for device, seq in marks.items():
        digest = session.scalar(select(AuditEntry.hash).where(AuditEntry.device_id == device,
                                                              AuditEntry.seq == seq))
        last[device] = (seq, str(digest))
    rows: list[dict[str, Any]] = []
    added: dict[uuid.UUID, tuple[int, str]] = {}
    held_hashes: dict[uuid.UUID, dict[int, str]] = {}
    for raw in entries:
        try:
            entry = AuditEntry(id=uuid.UUID(str(raw["id"])), device_id=uuid.UUID(str(raw["device_id"])),
                               seq=int(raw["seq"]), at=dt.datetime.fromisoformat(str(raw["at"])),
                               actor=str(raw["actor"]), action=str(raw["action"]), kind=raw.get("kind"),
                               record_id=uuid.UUID(str(raw["record_id"])) if raw.get("record_id") else None,
                               detail=raw.get("detail"), prev_hash=str(raw["prev_hash"]), hash=str(raw["hash"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise PackageError("package_bad_content", reason=f"audit log: {exc}") from exc
        held = marks.get(entry.device_id, 0)
        if entry_hash(entry) != entry.hash:
            raise PackageError("package_bad_content", reason=f"audit chain of device {entry.device_id}")
        if entry.seq <= held:
            if entry.device_id not in held_hashes:  # one read per device of what this copy holds from here
                held_rows = session.execute(select(AuditEntry.seq, AuditEntry.hash).where(
                    AuditEntry.device_id == entry.device_id, AuditEntry.seq >= entry.seq))
                held_hashes[entry.device_id] = {seq: digest for seq, digest in held_rows}
            if held_hashes[entry.device_id].get(entry.seq) != entry.hash:
                raise PackageError("package_history_differs", device=origins.label(entry.device_id), seq=entry.seq,
                                   sender=origins.sender)
            summary.audit_entries_present += 1
            continue
        if entry.device_id == origins.own_device:
            raise PackageError("package_claims_own", sender=origins.sender, seq=entry.seq)
        if entry.seq != held + 1:
            raise PackageError("package_gap", device=str(entry.device_id), have=held, first=entry.seq)
        previous = last.get(entry.device_id, (0, AUDIT_GENESIS))[1] if held else AUDIT_GENESIS
        if entry.prev_hash != previous:
            raise PackageError("package_bad_content", reason=f"audit chain of device {entry.device_id}")
        marks[entry.device_id] = entry.seq
        last[entry.device_id] = (entry.seq, entry.hash)
        added[entry.device_id] = (entry.seq, entry.hash)
        rows.append({c: getattr(entry, c) for c in ("id", "device_id", "seq", "at", "actor", "action", "kind",
                                                    "record_id", "detail", "prev_hash", "hash")})
        summary.audit_entries_added += 1
    for device, (seq, digest) in added.items():
        _check_head(origins, device, "audit", seq, digest)
    if rows:
        session.connection().execute(_table(AuditEntry).insert(), rows)


def audit_to_json(entry: AuditEntry) -> dict[str, Any]:
    return {"id": str(entry.id), "device_id": str(entry.device_id), "seq": entry.seq,
            "at": entry.at.isoformat(), "actor": entry.actor, "action": entry.action, "kind": entry.kind,
            "record_id": str(entry.record_id) if entry.record_id else None, "detail": entry.detail,
            "prev_hash": entry.prev_hash, "hash": entry.hash}
