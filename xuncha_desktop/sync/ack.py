"""The acknowledgement file (``.xcack``): the office's signed statement of what it holds of one laptop.

Before a laptop is cleared after the round (巡后清退), the office says, signed with its device key, how far it
holds the laptop's own change log and audit log (last sequence number and chain hash), how many changes that
is, which of the laptop's evidence files it holds (SHA-256 of the plaintext), and how far it holds the
change log of every other device (so a laptop that carried another laptop's changes is not cleared before
the office has them). The laptop compares that with what it holds (``services.clearance``).

The file is JSON (UTF-8), an envelope of exactly three keys::

    {"format": "xuncha-ack-1", "signer": "UUID of the signing device", "body": "<the ack as JSON text>",
     "signature": "128 hex digits"}

``signature`` is Ed25519 by the signing device over ``b"xuncha-ack-1\\n" + body`` (UTF-8): the prefix keeps
any other signed text of the program (package manifests, log heads) from passing as an acknowledgement.
``signer`` only says which key to try: the body is not parsed before the signature verified, and must then
name the same device. The file is untrusted input: at most ``MAX_BYTES``, no duplicate keys, exactly the
keys below with their types, and bounded lists.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from xuncha_desktop.errors import XunchaError

FORMAT = "xuncha-ack-1"
SUFFIX = ".xcack"
MAX_BYTES = 32 << 20            # 200,000 evidence hashes take about 14 MB
MAX_FILES = 200_000
MAX_DEVICES = 10_000
_DOMAIN = FORMAT.encode("ascii") + b"\n"
_HEX64 = re.compile(r"[0-9a-f]{64}")
_HEX128 = re.compile(r"[0-9a-f]{128}")
GENESIS = "0" * 64              # the hash of an empty chain (db.change_chain.GENESIS)


class AckError(XunchaError):
    """A file that is not a well-formed acknowledgement from a known device. Exit code 2 (bad input)."""

    exit_code = 2


@dataclass(frozen=True)
class LogHead:
    """How far a log is held: entries 1..``seq`` (gap-free), the last one's chain hash (GENESIS when none)."""

    seq: int
    hash: str


@dataclass(frozen=True)
class Ack:
    """What the office holds of one device, as it signed it."""

    ack_id: uuid.UUID
    office_device_id: uuid.UUID
    device_id: uuid.UUID                       # the laptop the acknowledgement is for
    created_at: dt.datetime                    # aware, UTC
    changes: LogHead                           # the laptop's own change log, as held by the office
    change_count: int                          # how many of the laptop's changes the office holds
    audit: LogHead                             # the laptop's own audit log, as held by the office
    evidence: frozenset[str]                   # SHA-256 of the laptop's evidence files the office holds
    origins: Mapping[uuid.UUID, int] = field(default_factory=dict)  # every device's changes held, by seq

    def body(self) -> dict[str, Any]:
        return {"kind": "acknowledgement", "ack_id": str(self.ack_id), "office_device_id": str(self.office_device_id),
                "device_id": str(self.device_id), "created_at": self.created_at.isoformat(timespec="seconds"),
                "changes": {"seq": self.changes.seq, "hash": self.changes.hash, "count": self.change_count},
                "audit": {"seq": self.audit.seq, "hash": self.audit.hash},
                "evidence": sorted(self.evidence),
                "origins": {str(device): seq for device, seq in sorted(self.origins.items(), key=lambda i: str(i[0]))}}


def dumps(ack: Ack, key: Ed25519PrivateKey) -> bytes:
    """The file's bytes: ``ack`` signed with ``key`` (the office device's signing key)."""
    body = json.dumps(ack.body(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    signature = key.sign(_DOMAIN + body.encode("utf-8")).hex()
    envelope = {"format": FORMAT, "signer": str(ack.office_device_id), "body": body, "signature": signature}
    return (json.dumps(envelope, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def read_bytes(path: Path) -> bytes:
    """The file's bytes, refusing a missing, unreadable or oversized file before reading it whole."""
    try:
        with path.open("rb") as source:
            data = source.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise AckError("ack_unreadable", path=str(path), reason="not found") from None
    except OSError as exc:
        raise AckError("ack_unreadable", path=str(path), reason=exc.strerror or str(exc)) from exc
    if len(data) > MAX_BYTES:
        raise AckError("ack_too_large", path=str(path), limit=MAX_BYTES)
    return data


def signer_of(data: bytes) -> uuid.UUID:
    """The device the envelope says signed it (not yet believed). Raises AckError for a malformed envelope."""
    return _envelope(data)[0]


def loads(data: bytes, keys: Mapping[uuid.UUID, Ed25519PublicKey]) -> Ack:
    """Parses and verifies an acknowledgement: the envelope, the signature with ``keys[signer]`` (the devices
    this copy trusts), then the body. Raises AckError ``ack_malformed``, ``ack_untrusted`` or ``ack_forged``."""
    signer, body, signature = _envelope(data)
    key = keys.get(signer)
    if key is None:
        raise AckError("ack_untrusted", device=str(signer))
    try:
        key.verify(bytes.fromhex(signature), _DOMAIN + body.encode("utf-8"))
    except InvalidSignature:
        raise AckError("ack_forged", device=str(signer)) from None
    ack = _parse_body(body)
    if ack.office_device_id != signer:
        raise AckError("ack_malformed", reason="signer differs from office_device_id")
    return ack


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name, value in pairs:
        if name in result:
            raise ValueError(f"duplicate key {name!r}")
        result[name] = value
    return result


def _json(text: str | bytes, what: str) -> Any:
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_refuse_constant)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise AckError("ack_malformed", reason=f"{what}: {exc}"[:200]) from None


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _envelope(data: bytes) -> tuple[uuid.UUID, str, str]:
    if len(data) > MAX_BYTES:
        raise AckError("ack_too_large", path="", limit=MAX_BYTES)
    document = _json(data, "envelope")
    if not isinstance(document, dict) or set(document) != {"format", "signer", "body", "signature"}:
        raise AckError("ack_malformed", reason="not an acknowledgement envelope")
    if document["format"] != FORMAT:
        raise AckError("ack_malformed", reason=f"format {str(document['format'])[:40]!r}")
    body, signature = document["body"], document["signature"]
    if not isinstance(body, str) or not isinstance(signature, str) or not _HEX128.fullmatch(signature):
        raise AckError("ack_malformed", reason="body or signature")
    return _uuid(document["signer"], "signer"), body, signature


def _uuid(value: Any, what: str) -> uuid.UUID:
    if not isinstance(value, str) or len(value) != 36:
        raise AckError("ack_malformed", reason=what)
    try:
        return uuid.UUID(value)
    except ValueError:
        raise AckError("ack_malformed", reason=what) from None


def _count(value: Any, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0 or value > 1 << 62:
        raise AckError("ack_malformed", reason=what)
    return value


def _head(value: Any, what: str, extra: frozenset[str] = frozenset()) -> LogHead:
    if not isinstance(value, dict) or set(value) != {"seq", "hash"} | extra:
        raise AckError("ack_malformed", reason=what)
    seq = _count(value["seq"], f"{what}.seq")
    hash_ = value["hash"]
    if not isinstance(hash_, str) or not _HEX64.fullmatch(hash_) or (seq == 0) != (hash_ == GENESIS):
        raise AckError("ack_malformed", reason=f"{what}.hash")
    return LogHead(seq, hash_)


_BODY_KEYS = {"kind", "ack_id", "office_device_id", "device_id", "created_at", "changes", "audit", "evidence",
              "origins"}


def _parse_body(body: str) -> Ack:
    document = _json(body, "body")
    if not isinstance(document, dict) or set(document) != _BODY_KEYS or document["kind"] != "acknowledgement":
        raise AckError("ack_malformed", reason="body keys")
    created = document["created_at"]
    try:
        assert isinstance(created, str) and len(created) <= 40
        created_at = dt.datetime.fromisoformat(created)
        assert created_at.tzinfo is not None
    except (AssertionError, ValueError):
        raise AckError("ack_malformed", reason="created_at") from None
    changes = _head(document["changes"], "changes", frozenset({"count"}))
    count = _count(document["changes"]["count"], "changes.count")
    evidence = document["evidence"]
    if not isinstance(evidence, list) or len(evidence) > MAX_FILES or not all(
            isinstance(sha, str) and _HEX64.fullmatch(sha) for sha in evidence):
        raise AckError("ack_malformed", reason="evidence")
    origins = document["origins"]
    if not isinstance(origins, dict) or len(origins) > MAX_DEVICES:
        raise AckError("ack_malformed", reason="origins")
    return Ack(ack_id=_uuid(document["ack_id"], "ack_id"),
               office_device_id=_uuid(document["office_device_id"], "office_device_id"),
               device_id=_uuid(document["device_id"], "device_id"), created_at=created_at.astimezone(dt.UTC),
               changes=changes, change_count=count, audit=_head(document["audit"], "audit"),
               evidence=frozenset(evidence),
               origins={_uuid(device, "origins"): _count(seq, "origins") for device, seq in origins.items()})
