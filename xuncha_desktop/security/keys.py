"""The workspace's keys: a random master key wrapped by the user's passphrase, and sealed secrets.

The database is keyed with the 256-bit master key itself (SQLCipher raw key), so opening the file costs
nothing; the cost lies in Argon2id, which turns the passphrase into the key that unwraps the master key.
Its parameters are stored beside the wrapped key, so they can grow without breaking old workspaces.
"""

from __future__ import annotations

import base64
import json
import os
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from dataclasses import asdict, dataclass
from typing import Any

from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from xuncha_desktop.errors import InvalidRequest, WrongPassphrase, XunchaError

KEY_BYTES = 32
MIN_PASSPHRASE_LENGTH = 8
MIN_PASSPHRASE_SCORE = 3  # zxcvbn's 0-4


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The default takes about half a second on the project's 2-core test machine."""

    time_cost: int = 3
    memory_kib: int = 196_608
    parallelism: int = 2

    @classmethod
    def cheap(cls) -> KdfParams:
        """For tests that open many workspaces; never used by the program itself."""
        return cls(time_cost=1, memory_kib=8, parallelism=1)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def derive_kek(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    with _ahead_lock:
        started = _ahead.pop((passphrase, salt, params), None)
    if started is not None:
        return started.result()
    return _derive(passphrase, salt, params)


def _derive(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    return hash_secret_raw(passphrase.encode("utf-8"), salt, params.time_cost, params.memory_kib,
                           params.parallelism, KEY_BYTES, Type.ID)


# One derivation started before it is asked for (derive_ahead), by its inputs.
_ahead: dict[tuple[str, bytes, KdfParams], Future[bytes]] = {}
_ahead_lock = threading.Lock()


def derive_ahead(passphrase: str, salt: bytes, params: KdfParams) -> None:
    """Starts :func:`derive_kek` of these inputs on another thread; the next call with the same inputs takes
    its result. Argon2id releases the GIL, so the window and the command line import the rest of the program
    on one core while the passphrase is derived on the other: the two overlap instead of adding up.

    Nothing is checked or counted here: the caller still opens the slot, after any wait that earlier wrong
    passphrases asked for (security/attempts.py), exactly as without this. Only the latest guess is kept.
    """
    future: Future[bytes] = Future()

    def work() -> None:
        try:
            future.set_result(_derive(passphrase, salt, params))
        except BaseException as exc:  # handed to whoever takes the result
            future.set_exception(exc)

    with _ahead_lock:
        _ahead.clear()
        _ahead[(passphrase, salt, params)] = future
    threading.Thread(target=work, name="derive-ahead", daemon=True).start()


def check_passphrase_strength(passphrase: str, known_words: Sequence[str] = ()) -> None:
    """Refuses a passphrase that an attacker holding the laptop or the package would guess.

    zxcvbn estimates the guesses from dictionaries, keyboard patterns, dates, repeats and ``known_words``
    (the device's and user's names: what an attacker knows first); a score of 3 means about 10^8 guesses
    or more, which Argon2id (workspace) or scrypt (package) makes cost years on one machine. Raises
    InvalidRequest ``passphrase_too_short`` or ``passphrase_weak``.
    """
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise InvalidRequest("passphrase_too_short", minimum=MIN_PASSPHRASE_LENGTH)
    # zxcvbn's matching is quadratic in the length; a long passphrase is strong by length alone.
    if len(passphrase) < 64:
        from zxcvbn import zxcvbn  # its dictionaries load only when a passphrase is set, not at each opening

        estimate = zxcvbn(passphrase, user_inputs=[w for w in ("巡察", "xuncha", *known_words) if w])
        if estimate["score"] < MIN_PASSPHRASE_SCORE:
            raise InvalidRequest("passphrase_weak", score=estimate["score"], needed=MIN_PASSPHRASE_SCORE)


def wrap_master_key(master_key: bytes, passphrase: str, params: KdfParams, context: bytes) -> dict[str, Any]:
    """The key-file document: KDF parameters, salt, and the master key sealed with AES-256-GCM."""
    salt = os.urandom(16)
    nonce = os.urandom(12)
    wrapped = AESGCM(derive_kek(passphrase, salt, params)).encrypt(nonce, master_key, context)
    return {"version": 1, "kdf": {"name": "argon2id", **asdict(params), "salt": b64(salt)},
            "cipher": "aes-256-gcm", "nonce": b64(nonce), "wrapped_key": b64(wrapped)}


def unwrap_master_key(document: dict[str, Any], passphrase: str, context: bytes) -> bytes:
    """Raises WrongPassphrase when the passphrase does not open the key (GCM's tag check fails)."""
    try:
        kdf = document["kdf"]
        params = KdfParams(int(kdf["time_cost"]), int(kdf["memory_kib"]), int(kdf["parallelism"]))
        kek = derive_kek(passphrase, unb64(kdf["salt"]), params)
        nonce, wrapped = unb64(document["nonce"]), unb64(document["wrapped_key"])
    except (KeyError, TypeError, ValueError) as exc:
        raise XunchaError("workspace_damaged", path="keys/master-key.json", reason=repr(exc)) from exc
    try:
        return AESGCM(kek).decrypt(nonce, wrapped, context)
    except InvalidTag:
        raise WrongPassphrase("wrong_passphrase") from None


def kdf_params_of(document: dict[str, Any]) -> KdfParams:
    kdf = document["kdf"]
    return KdfParams(int(kdf["time_cost"]), int(kdf["memory_kib"]), int(kdf["parallelism"]))


def subkey(master_key: bytes, purpose: str) -> bytes:
    """A key for one purpose, so no two uses share the master key itself."""
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None,
                info=f"xuncha-desktop/{purpose}".encode()).derive(master_key)


def seal(key: bytes, payload: dict[str, Any], context: bytes) -> dict[str, Any]:
    nonce = os.urandom(12)
    data = AESGCM(key).encrypt(nonce, json.dumps(payload).encode("utf-8"), context)
    return {"version": 1, "cipher": "aes-256-gcm", "nonce": b64(nonce), "data": b64(data)}


def unseal(key: bytes, document: dict[str, Any], context: bytes) -> dict[str, Any]:
    try:
        plain = AESGCM(key).decrypt(unb64(document["nonce"]), unb64(document["data"]), context)
        result: dict[str, Any] = json.loads(plain)
    except (KeyError, ValueError, InvalidTag) as exc:
        raise XunchaError("workspace_damaged", path="keys/device-secrets.json", reason=type(exc).__name__) from exc
    return result
