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
from xuncha_desktop.security import sealed_identity


@dataclass(frozen=True)
class PublicKeys:
    device_id: uuid.UUID
    device_name: str
    ed25519_public: str
    age_recipient: str
    owner: str = ""
    # The key petitioners' identities are sealed to (X25519, hex) and the device's signature over it, so the
    # safety number, which covers the signing key, vouches for it too. Empty in key files of older programs.
    identity_public: str = ""
    identity_signature: str = ""

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
                          str(document.get("owner", "")), str(document.get("identity_public") or ""),
                          str(document.get("identity_signature") or ""))
        verify = Ed25519PublicKey.from_public_bytes(bytes.fromhex(keys.ed25519_public))
        pyrage.x25519.Recipient.from_str(keys.age_recipient)
    except FileNotFoundError:
        raise InvalidRequest("file_missing", path=str(path)) from None
    except (OSError, ValueError, KeyError, TypeError, pyrage.RecipientError) as exc:
        raise InvalidRequest("keyfile_invalid", path=str(path), reason=f"{type(exc).__name__}: {exc}") from exc
    if keys.identity_public and not keys.identity_signature:
        # An identity key nobody signed (a file written from device-public.json alone): not used.
        return PublicKeys(keys.device_id, keys.device_name, keys.ed25519_public, keys.age_recipient, keys.owner)
    if keys.identity_public and not identity_key_signed(keys, verify):
        raise InvalidRequest("keyfile_identity_unsigned", path=str(path))
    return keys


def identity_key_signed(keys: PublicKeys, verify: Ed25519PublicKey | None = None) -> bool:
    """Whether the key file's identity key is a key and is signed by the device's signing key."""
    try:
        key = sealed_identity.public_from_hex(keys.identity_public)
        verify = verify or Ed25519PublicKey.from_public_bytes(bytes.fromhex(keys.ed25519_public))
    except ValueError:
        return False
    return sealed_identity.key_signed(verify, keys.device_id, key, keys.identity_signature)
