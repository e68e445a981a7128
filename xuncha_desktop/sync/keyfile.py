"""A device's public key file: what two devices exchange to trust each other (see docs/sync.md)."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from pathlib import Path

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from xuncha_desktop.errors import InvalidRequest


@dataclass(frozen=True)
class PublicKeys:
    device_id: uuid.UUID
    device_name: str
    ed25519_public: str
    age_recipient: str


def read_keyfile(path: Path) -> PublicKeys:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        keys = PublicKeys(uuid.UUID(str(document["device_id"])), str(document.get("device_name", "")),
                          str(document["ed25519_public"]), str(document["age_recipient"]))
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(keys.ed25519_public))
        pyrage.x25519.Recipient.from_str(keys.age_recipient)
    except FileNotFoundError:
        raise InvalidRequest("file_missing", path=str(path)) from None
    except (OSError, ValueError, KeyError, TypeError, pyrage.RecipientError) as exc:
        raise InvalidRequest("keyfile_invalid", path=str(path), reason=f"{type(exc).__name__}: {exc}") from exc
    return keys
