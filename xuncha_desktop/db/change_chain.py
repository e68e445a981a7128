"""The hash chain of each device's change log: every entry's hash covers the one before it.

A device signs the head of its chain (its last sequence number and hash) when it exports; a receiver
recomputes the chain over the entries it gets and compares the end with the signed head, so an entry that
its origin did not make, or made differently, is found even when a third device relays it. The hash is
taken over a canonical JSON form, so it does not depend on how a database stores the fields.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Any

GENESIS = "0" * 64


def change_hash(previous: str, change_id: uuid.UUID | str, device_id: uuid.UUID | str, seq: int, hlc: str,
                table: str, record_id: uuid.UUID | str, op: str, fields: dict[str, Any],
                base_hlc: str | None) -> str:
    body = json.dumps([str(change_id), str(device_id), seq, hlc, table, str(record_id), op, fields, base_hlc],
                      ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256((previous + body).encode("utf-8")).hexdigest()
