"""A rogue laptop's tools: packages written with the project's own writer and the laptop's own (trusted)
signing key, holding whatever entries and heads the rogue chooses."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from pathlib import Path
from typing import Any

from xuncha_desktop.db import migrate
from xuncha_desktop.db.change_chain import GENESIS, change_hash
from xuncha_desktop.security import agefile
from xuncha_desktop.sync import heads as sync_heads
from xuncha_desktop.sync.heads import Head

__all__ = ["GENESIS", "Head", "chain_of", "change", "head", "package", "stamp"]
from xuncha_desktop.sync.package import AUDIT, CHANGES, FORMAT_VERSION, CompressedLog, OutMember, write_package
from xuncha_desktop.workspace import Workspace


def stamp(device: uuid.UUID, when: dt.datetime, counter: int = 0) -> str:
    return f"{int(when.timestamp() * 1000):015d}.{counter:06d}.{device.hex}"


def change(device: uuid.UUID, seq: int, previous: str, table: str, record_id: uuid.UUID, fields: dict[str, Any],
           hlc: str, op: str = "insert", base: str | None = None) -> tuple[dict[str, Any], str]:
    """A change-log entry as a package carries it, and its chain hash."""
    change_id = uuid.uuid4()
    entry = {"id": str(change_id), "device_id": str(device), "seq": seq, "hlc": hlc, "table": table,
             "record_id": str(record_id), "op": op, "fields": fields, "base_hlc": base}
    return entry, change_hash(previous, change_id, device, seq, hlc, table, record_id, op, fields, base)


def chain_of(entries: list[dict[str, Any]], previous: str = GENESIS) -> str:
    for e in entries:
        previous = change_hash(previous, e["id"], e["device_id"], e["seq"], e["hlc"], e["table"], e["record_id"],
                               e["op"], e["fields"], e["base_hlc"])
    return previous


def head(key_of: Workspace, device: uuid.UUID, stream: str, seq: int, digest: str) -> Head:
    """A head for ``device`` signed with ``key_of``'s key (a forgery unless it is that device's own)."""
    return sync_heads.sign(key_of.signing_key, device, stream, seq, digest)


def package(sender: Workspace, target: Workspace, out: Path, changes: list[dict[str, Any]] = (),  # type: ignore[assignment]
            audit: list[dict[str, Any]] = (), heads: list[Head] = (),  # type: ignore[assignment]
            keys: dict[str, Any] | None = None) -> Path:
    """A package from ``sender`` to ``target``, signed by ``sender``: what a stolen laptop can write."""
    logs = {CHANGES: CompressedLog(), AUDIT: CompressedLog()}
    for name, entries in ((CHANGES, changes), (AUDIT, audit)):
        for entry in entries:
            logs[name].add(entry)
    counts = {name: log.count for name, log in logs.items()}
    unpacked = {name: log.unpacked for name, log in logs.items()}
    data = {name: log.finish() for name, log in logs.items()}
    manifest = {"format": FORMAT_VERSION, "package_id": str(uuid.uuid4()), "device_id": str(sender.info.device_id),
                "device_name": sender.info.device_name, "created_at": "2020-09-15T00:00:00+00:00",
                "schema": migrate.head_revision(), "to": str(target.info.device_id), "complete": False,
                "marks": {"changes": {}, "audit": {}}, "heads": [h.to_json() for h in heads], "keys": keys or {},
                "contents": {"changes": counts[CHANGES], "audit_entries": counts[AUDIT], "evidence_files": 0},
                "members": [{"name": name, "size": len(blob), "sha256": hashlib.sha256(blob).hexdigest(),
                             "unpacked": unpacked[name]} for name, blob in data.items()]}
    members = [OutMember(name, len(blob), lambda w, blob=blob: w.write(blob))  # type: ignore[misc]
               for name, blob in data.items()]
    write_package(out, manifest, members, sender.signing_key,
                  agefile.recipient_key(str(target.public_keys["age_recipient"])), None)
    return out
