"""A device's public key file: what two devices exchange to trust each other (see docs/sync.md)."""

from __future__ import annotations

import hashlib
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
    owner: str = ""

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.device_id, self.ed25519_public, self.age_recipient)


def fingerprint(device_id: uuid.UUID, ed25519_public: str, age_recipient: str) -> str:
    """The device's keys as 30 digits in six groups ("12345 67890 …"), for two people to read aloud or
    compare on paper before one trusts the other's key file (as Signal's safety numbers). Every group comes
    from five bytes of a SHA-512 over the device id and both keys, so a key file changed in transit shows
    other digits on the two screens; 30 decimal digits hold about 100 bits, out of reach of a forger who
    must find other keys with the same digits."""
    digest = hashlib.sha512(b"xuncha-device-fingerprint-1\0" + device_id.bytes + bytes.fromhex(ed25519_public)
                            + age_recipient.encode("ascii")).digest()
    return " ".join(f"{int.from_bytes(digest[i:i + 5], 'big') % 100_000:05d}" for i in range(0, 30, 5))


def read_keyfile(path: Path) -> PublicKeys:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        keys = PublicKeys(uuid.UUID(str(document["device_id"])), str(document.get("device_name", "")),
                          str(document["ed25519_public"]), str(document["age_recipient"]),
                          str(document.get("owner", "")))
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(keys.ed25519_public))
        pyrage.x25519.Recipient.from_str(keys.age_recipient)
    except FileNotFoundError:
        raise InvalidRequest("file_missing", path=str(path)) from None
    except (OSError, ValueError, KeyError, TypeError, pyrage.RecipientError) as exc:
        raise InvalidRequest("keyfile_invalid", path=str(path), reason=f"{type(exc).__name__}: {exc}") from exc
    return keys
