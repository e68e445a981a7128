"""Key slots: one per user of a workspace, all in ``keys/master-key.json`` (version 2).

Each slot holds the user's name and role, the Argon2id parameters and salt of the user's passphrase, and
the workspace's master key sealed (AES-256-GCM) with the key derived from that passphrase. The slots of the
roles that may read petitioners' identities (``roles.SEES_IDENTITIES``) also hold the identity private key
(X25519, raw 32 bytes), sealed the same way. The name, the role and the device id are the associated data
of both seals, so a slot whose role was edited in the file no longer opens.

An optional recovery slot holds the master key and the identity key encrypted (age, X25519) to the
office's public key: only the office's workspace, which holds the matching age identity, can open it and
give a user who forgot the passphrase a new one. Shredding the one file destroys every slot.

Version 1 (one passphrase, no users) is read as one slot of the workspace's user.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import pyrage
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from xuncha_desktop.errors import InvalidRequest, WrongPassphrase, XunchaError
from xuncha_desktop.security import keys
from xuncha_desktop.security.roles import SEES_IDENTITIES, Role, User

VERSION = 2
FILE = "keys/master-key.json"
MAX_NAME = 40


@dataclass(frozen=True)
class Unlocked:
    """What one slot gave: who opened it, the master key, and the identity key if the slot carried it."""

    user: User
    master_key: bytes
    identity_private: bytes | None


def _damaged(reason: str) -> XunchaError:
    return XunchaError("workspace_damaged", path=FILE, reason=reason)


def _associated(context: bytes, name: str, role: Role, part: str) -> bytes:
    """The associated data of a slot's seals: editing the name or the role (or moving the seal to another
    device's file, or swapping the two seals) breaks the tag."""
    return json.dumps(["xuncha-key-slot-1", context.hex(), name, role.value, part], ensure_ascii=False).encode("utf-8")


def role_mac(identity_private: bytes, context: bytes, name: str, role: Role) -> str:
    """A tag over a slot's name and role under a key derived from the identity key. Only the holders of that
    key (the leader, the office, who add users) can make one, so the office can tell, when it recovers a
    slot, that its role was not raised in the file by someone who only knows the master key."""
    key = keys.subkey(identity_private, "slot-roles")
    return hmac.new(key, _associated(context, name, role, "role"), hashlib.sha256).hexdigest()


def role_proven(slot: dict[str, Any], identity_private: bytes, context: bytes) -> bool:
    try:
        expected = role_mac(identity_private, context, str(slot["user"]), Role(str(slot["role"])))
    except (KeyError, ValueError):
        return False
    return hmac.compare_digest(expected, str(slot.get("role_mac", "")))


def check_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned or len(cleaned) > MAX_NAME or any(ch in cleaned for ch in "\r\n\t"):
        raise InvalidRequest("user_name_invalid", maximum=MAX_NAME)
    return cleaned


def make_slot(user: User, passphrase: str, params: keys.KdfParams, master_key: bytes,
              identity_private: bytes | None, context: bytes, proof: str | None = None) -> dict[str, Any]:
    """A slot for ``user``: the master key (and, for the roles that see identities, the identity key)
    sealed with Argon2id(``passphrase``). ``identity_private`` (when the maker holds it) also proves the
    role (``role_mac``); a user without it re-wrapping their own slot passes the old slot's ``proof``."""
    salt = os.urandom(16)
    kek = keys.derive_kek(passphrase, salt, params)
    nonce = os.urandom(12)
    slot: dict[str, Any] = {
        "user": user.name, "role": user.role.value,
        "kdf": {"name": "argon2id", **asdict(params), "salt": keys.b64(salt)}, "cipher": "aes-256-gcm",
        "nonce": keys.b64(nonce),
        "wrapped_key": keys.b64(AESGCM(kek).encrypt(nonce, master_key,
                                                    _associated(context, user.name, user.role, "master"))),
    }
    if user.role in SEES_IDENTITIES:
        if identity_private is None:  # a role that reads identities without the key to read them
            raise XunchaError("users_identity_key_missing")
        identity_nonce = os.urandom(12)
        slot["identity_nonce"] = keys.b64(identity_nonce)
        slot["wrapped_identity"] = keys.b64(AESGCM(kek).encrypt(
            identity_nonce, identity_private, _associated(context, user.name, user.role, "identity")))
    if identity_private is not None:
        slot["role_mac"] = role_mac(identity_private, context, user.name, user.role)
    elif proof is not None:
        slot["role_mac"] = proof
    return slot


def open_slot(slot: dict[str, Any], passphrase: str, context: bytes) -> Unlocked:
    """Raises WrongPassphrase, or ``workspace_damaged`` when the slot opens only under another role than the
    one written in the file (its role was edited)."""
    try:
        name, role_text = str(slot["user"]), str(slot["role"])
        params = keys.kdf_params_of(slot)
        salt = keys.unb64(slot["kdf"]["salt"])
        nonce, wrapped = keys.unb64(slot["nonce"]), keys.unb64(slot["wrapped_key"])
    except (KeyError, TypeError, ValueError) as exc:
        raise _damaged(repr(exc)) from exc
    kek = keys.derive_kek(passphrase, salt, params)
    cipher = AESGCM(kek)
    try:
        role = Role(role_text)
        master_key = cipher.decrypt(nonce, wrapped, _associated(context, name, role, "master"))
    except (ValueError, InvalidTag):
        # The passphrase is wrong, or the role was changed in the file: the key derived from the passphrase
        # (the costly part) is at hand, so trying the other roles costs nothing and tells the two apart.
        for other in Role:
            try:
                cipher.decrypt(nonce, wrapped, _associated(context, name, other, "master"))
            except InvalidTag:
                continue
            raise _damaged(f"the role of {name} was changed in the file") from None
        raise WrongPassphrase("wrong_passphrase") from None
    identity: bytes | None = None
    if role in SEES_IDENTITIES and "wrapped_identity" in slot:
        try:
            identity = cipher.decrypt(keys.unb64(slot["identity_nonce"]), keys.unb64(slot["wrapped_identity"]),
                                      _associated(context, name, role, "identity"))
        except (KeyError, TypeError, ValueError, InvalidTag) as exc:
            raise _damaged(f"the identity key of {name} does not open") from exc
    return Unlocked(User(name, role), master_key, identity)


def slots_of(document: dict[str, Any], v1_user: str) -> list[dict[str, Any]]:
    """The slots of a key file; a version-1 file is one slot of ``v1_user`` as group leader."""
    version = document.get("version")
    if version == 1:
        return [{**document, "user": v1_user, "role": Role.LEADER.value}]
    if version != VERSION:
        raise _damaged(f"unknown version {version!r}")
    found = document.get("slots")
    if not isinstance(found, list) or not found or not all(isinstance(s, dict) for s in found):
        raise _damaged("no key slots")
    return found


def users_of(document: dict[str, Any], v1_user: str) -> list[User]:
    """The users named by the slots, in their order (the roles as written: a changed one will not open)."""
    found: list[User] = []
    for slot in slots_of(document, v1_user):
        try:
            found.append(User(str(slot["user"]), Role(str(slot["role"]))))
        except (KeyError, ValueError) as exc:
            raise _damaged(repr(exc)) from exc
    return found


def choose(document: dict[str, Any], user: str | None, v1_user: str) -> dict[str, Any]:
    """The slot of ``user``; with one slot ``user`` may be None. Raises InvalidRequest ``user_required``
    (naming the users) or ``user_unknown``."""
    slots = slots_of(document, v1_user)
    names = [str(s.get("user")) for s in slots]
    if user is None:
        if len(slots) == 1:
            return slots[0]
        raise InvalidRequest("user_required", users="、".join(names))
    wanted = user.strip()
    for slot in slots:
        if slot.get("user") == wanted:
            return slot
    raise InvalidRequest("user_unknown", user=wanted, users="、".join(names))


def derive_ahead(workspace: Path, passphrase: str, user: str | None) -> None:
    """Starts deriving the key of the slot that ``user`` would open in the workspace at ``workspace``
    (:func:`keys.derive_ahead`), before the program has imported what opening needs. A guess and nothing more:
    when the files are missing or odd, or name no such user, nothing starts, and the opening itself reads
    them again and says what is wrong."""
    try:
        keyfile = json.loads((workspace / FILE).read_text(encoding="utf-8"))
        slot = choose(keyfile, user, "")
        salt, params = keys.unb64(slot["kdf"]["salt"]), keys.kdf_params_of(slot)
    except (OSError, ValueError, KeyError, TypeError, AttributeError, XunchaError):
        return
    keys.derive_ahead(passphrase, salt, params)


def document(slots: Sequence[dict[str, Any]], recovery: dict[str, Any] | None) -> dict[str, Any]:
    result: dict[str, Any] = {"version": VERSION, "slots": list(slots)}
    if recovery is not None:
        result["recovery"] = recovery
    return result


# ---- the office's recovery slot ---------------------------------------------------------------------------
def seal_recovery(master_key: bytes, identity_private: bytes, context: bytes, recipient: str,
                  office: dict[str, str]) -> dict[str, Any]:
    """The master key and the identity key, age-encrypted to the office's X25519 recipient. ``office`` names
    the office device (id, name, fingerprint) for the people who read the file; the payload names this
    device, so a recovery slot copied into another workspace's file is refused."""
    try:
        parsed = pyrage.x25519.Recipient.from_str(recipient)
    except pyrage.RecipientError as exc:
        raise InvalidRequest("keyfile_invalid", path=office.get("device_name", ""), reason=str(exc)) from exc
    payload = json.dumps({"device": context.hex(), "master_key": master_key.hex(),
                          "identity_private": identity_private.hex()}).encode("ascii")
    return {"kind": "age-x25519", "recipient": recipient, **office,
            "data": keys.b64(pyrage.encrypt(payload, [parsed]))}


def open_recovery(recovery: dict[str, Any], identity: str, context: bytes) -> tuple[bytes, bytes]:
    """(master key, identity key) from the recovery slot, with the office's age ``identity``. Raises
    XunchaError ``recovery_wrong_office`` when this identity does not open it."""
    try:
        data = keys.unb64(str(recovery["data"]))
    except (KeyError, ValueError) as exc:
        raise _damaged(f"recovery slot: {exc!r}") from exc
    try:
        plain = pyrage.decrypt(data, [pyrage.x25519.Identity.from_str(identity)])
    except pyrage.DecryptError:
        raise XunchaError("recovery_wrong_office") from None
    try:
        payload = json.loads(plain)
        device, master_key = payload["device"], bytes.fromhex(payload["master_key"])
        identity_private = bytes.fromhex(payload["identity_private"])
    except (KeyError, TypeError, ValueError) as exc:
        raise _damaged(f"recovery slot: {exc!r}") from exc
    if device != context.hex() or len(master_key) != keys.KEY_BYTES or len(identity_private) != 32:
        raise _damaged("the recovery slot belongs to another workspace")
    return master_key, identity_private
