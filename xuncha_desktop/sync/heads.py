"""Signed heads: a device's statement "my log ``stream`` holds entries 1..``seq`` ending in ``hash``".

A device signs its own heads when it exports; every copy passes on, unchanged, the heads of the devices
whose entries it relays. The receiver checks the signature with the origin's key and the chain of the
entries against the head, so no device can add to, change or cut another device's log unnoticed.
"""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from xuncha_desktop.sync.package import PackageError

STREAMS = ("changes", "audit")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_HEX128 = re.compile(r"[0-9a-f]{128}")


@dataclass(frozen=True)
class Head:
    device_id: uuid.UUID
    stream: str
    seq: int
    hash: str
    signature: str

    def message(self) -> bytes:
        return message(self.device_id, self.stream, self.seq, self.hash)

    def to_json(self) -> dict[str, Any]:
        return {"device_id": str(self.device_id), "stream": self.stream, "seq": self.seq, "hash": self.hash,
                "signature": self.signature}

    def verified_by(self, key: Ed25519PublicKey) -> bool:
        try:
            key.verify(bytes.fromhex(self.signature), self.message())
        except InvalidSignature:
            return False
        return True


def message(device_id: uuid.UUID, stream: str, seq: int, hash_: str) -> bytes:
    return json.dumps(["xuncha-head-1", str(device_id), stream, seq, hash_], separators=(",", ":")).encode()


def sign(key: Ed25519PrivateKey, device_id: uuid.UUID, stream: str, seq: int, hash_: str) -> Head:
    return Head(device_id, stream, seq, hash_, key.sign(message(device_id, stream, seq, hash_)).hex())


def parse_heads(value: Any) -> dict[tuple[uuid.UUID, str], Head]:
    """The manifest's heads, each well formed and at most one per device and stream. Raises PackageError."""
    if not isinstance(value, list) or len(value) > 100_000:
        raise PackageError("package_bad_manifest", reason="heads")
    found: dict[tuple[uuid.UUID, str], Head] = {}
    for raw in value:
        try:
            head = Head(uuid.UUID(str(raw["device_id"])), str(raw["stream"]), raw["seq"], str(raw["hash"]),
                        str(raw["signature"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise PackageError("package_bad_manifest", reason=f"heads: {exc}") from exc
        if (head.stream not in STREAMS or not isinstance(head.seq, int) or isinstance(head.seq, bool)
                or head.seq < 1 or not _HEX64.fullmatch(head.hash) or not _HEX128.fullmatch(head.signature)
                or (head.device_id, head.stream) in found):
            raise PackageError("package_bad_manifest", reason="heads")
        found[(head.device_id, head.stream)] = head
    return found
