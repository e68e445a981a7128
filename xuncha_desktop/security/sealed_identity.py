"""A petitioner's identity sealed to one reader's key: HPKE (RFC 9180) from ``cryptography``.

Suite: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM, base mode (anyone may seal to a public key,
only the holder of the private key opens). The ``info`` binds an envelope to its petition, its version
(the clock stamp of the edit) and its recipient, so an envelope moved to another petition, version or
reader does not open.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Any

from cryptography.hazmat.primitives import hpke, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey

SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
_INFO = b"xuncha-identity-1\0"
_KEY_SIGNATURE = b"xuncha-identity-key-1\0"
_ENVELOPE_SIGNATURE = b"xuncha-identity-envelope-1\0"


class Unreadable(ValueError):
    """The envelope does not open with this key (altered, moved, or for another reader)."""


def public_hex(key: X25519PublicKey) -> str:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex()


def public_from_hex(text: str) -> X25519PublicKey:
    """Raises ValueError for anything that is not 32 bytes of hex."""
    raw = bytes.fromhex(text)
    if len(raw) != 32:
        raise ValueError("an X25519 public key is 32 bytes")
    return X25519PublicKey.from_public_bytes(raw)


def fingerprint(key: X25519PublicKey) -> str:
    """The recipient's name in the store and in packages: SHA-256 of the raw public key, in hex."""
    return hashlib.sha256(bytes.fromhex(public_hex(key))).hexdigest()


def _info(petition_id: uuid.UUID, version: str, recipient: str) -> bytes:
    return _INFO + f"{petition_id}\0{version}\0{recipient}".encode()


def seal(key: X25519PublicKey, petition_id: uuid.UUID, version: str, fields: dict[str, Any]) -> bytes:
    plain = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    return SUITE.encrypt(plain, key, info=_info(petition_id, version, fingerprint(key)))


def open_sealed(key: X25519PrivateKey, petition_id: uuid.UUID, version: str, blob: bytes) -> dict[str, Any]:
    """The sealed fields; raises Unreadable when the blob does not open or does not hold a JSON object."""
    try:
        plain = SUITE.decrypt(blob, key, info=_info(petition_id, version, fingerprint(key.public_key())))
        fields = json.loads(plain)
    except Exception as exc:  # cryptography raises its own InvalidTag/ValueError; JSON its own
        raise Unreadable(type(exc).__name__) from exc
    if not isinstance(fields, dict):
        raise Unreadable("not an object")
    return fields


def sign_key(signing: Ed25519PrivateKey, device_id: uuid.UUID, key: X25519PublicKey) -> str:
    """The device's signature over its identity key, so the key file's safety number (which covers the
    signing key) vouches for the identity key too."""
    return signing.sign(_KEY_SIGNATURE + device_id.bytes + bytes.fromhex(public_hex(key))).hex()


def key_signed(verify: Ed25519PublicKey, device_id: uuid.UUID, key: X25519PublicKey, signature: str) -> bool:
    try:
        verify.verify(bytes.fromhex(signature), _KEY_SIGNATURE + device_id.bytes + bytes.fromhex(public_hex(key)))
    except Exception:
        return False
    return True


def _envelope_message(petition_id: uuid.UUID, recipient: str, version: str, sealed_by: uuid.UUID,
                      blob: bytes) -> bytes:
    return (_ENVELOPE_SIGNATURE + petition_id.bytes + sealed_by.bytes
            + f"{recipient}\0{version}\0".encode() + hashlib.sha256(blob).digest())


def sign_envelope(signing: Ed25519PrivateKey, petition_id: uuid.UUID, recipient: str, version: str,
                  sealed_by: uuid.UUID, blob: bytes) -> str:
    """The sealing device's signature over an envelope: a device relaying it cannot change it or make one
    in another device's name."""
    return signing.sign(_envelope_message(petition_id, recipient, version, sealed_by, blob)).hex()


def envelope_signed(verify: Ed25519PublicKey, petition_id: uuid.UUID, recipient: str, version: str,
                    sealed_by: uuid.UUID, blob: bytes, signature: str) -> bool:
    try:
        verify.verify(bytes.fromhex(signature), _envelope_message(petition_id, recipient, version, sealed_by, blob))
    except Exception:
        return False
    return True
