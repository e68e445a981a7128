"""A workspace: the folder that holds one device's encrypted database, evidence store, keys and log.

    workspace.json            device id and name, user name, format (not secret)
    keys/master-key.json      the database key, wrapped once per user by that user's passphrase (key slots,
                              Argon2id + AES-GCM; see security/slots.py and docs/security.md)
    keys/attempts.json        failed passphrases since the last success (not secret; slows the next try)
    keys/device-secrets.json  the device's signing key and evidence key, sealed with the database key
    keys/device-public.json   their public halves, for other devices to trust
    xuncha.db                 SQLCipher 4 database
    evidence/                 evidence files, age-encrypted, named by SHA-256
    backups/                  copies of the database taken before each migration
    logs/xuncha.log           operations and errors (never contents or passphrases)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import logging
import logging.handlers
import os
import shutil
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import filelock
import pyrage
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from xuncha_desktop import files, local_time
from xuncha_desktop.db import audit, migrate, seed, stations
from xuncha_desktop.db.capture import CONTEXT_KEY, WriteContext
from xuncha_desktop.db.engine import make_engine, make_session_factory, sqlcipher_url
from xuncha_desktop.db.hlc import HybridClock, wall_millis
from xuncha_desktop.db.identity_staging import seal_staged
from xuncha_desktop.db.models.changes import Change
from xuncha_desktop.db.models.identities import KEYRING
from xuncha_desktop.db.search_index import ensure_current, index_records
from xuncha_desktop.errors import InvalidRequest, NotFound, WrongPassphrase, XunchaError
from xuncha_desktop.evidence.store import EvidenceStore
from xuncha_desktop.security import attempts, keys, slots
from xuncha_desktop.security.roles import SEES_IDENTITIES, Role, User

FORMAT = 1
DB_NAME = "xuncha.db"
CLEARED_MARKER = "CLEARED.json"  # 巡后清退 (services/clearance.py): the keys are destroyed, or being destroyed
log = logging.getLogger("xuncha")
# Who may add and remove users, set the office's recovery slot and recover a user's passphrase.
MANAGERS: frozenset[Role] = frozenset({Role.LEADER, Role.OFFICE})
# How the wait after wrong passphrases is spent; tests replace it (or pass ``sleep=``) to record the waits.
SLEEP: Callable[[float], None] = time.sleep


@dataclass(frozen=True)
class WorkspaceInfo:
    device_id: uuid.UUID
    device_name: str
    user_name: str
    created_at: str
    database_url: str | None = None
    # How far ahead of this machine's clock an incoming change may be stamped (laptops drift by minutes;
    # an office that must accept a laptop with a wrong clock raises it in workspace.json).
    max_clock_ahead_minutes: int = 15
    # Every time shown, typed or printed is in this zone, whatever the computer's clock is set to.
    time_zone: str = local_time.DEFAULT_ZONE
    # A station of an office hub (docs/hub.md): its own audit chain, and the hub's shared evidence folder.
    station_id: uuid.UUID | None = None
    station_name: str | None = None
    evidence_path: str | None = None

    def to_json(self) -> dict[str, Any]:
        document = {"format": FORMAT, "device_id": str(self.device_id), "device_name": self.device_name,
                    "user_name": self.user_name, "created_at": self.created_at, "database_url": self.database_url,
                    "max_clock_ahead_minutes": self.max_clock_ahead_minutes, "time_zone": self.time_zone}
        if self.station_id is not None:
            document |= {"station_id": str(self.station_id), "station_name": self.station_name,
                         "evidence_path": self.evidence_path}
        return document


def _write_private(path: Path, data: bytes) -> None:
    """Writes atomically (temp file + rename), readable by the owner only."""
    files.write_bytes(path, data)


def _write_json(path: Path, document: dict[str, Any]) -> None:
    _write_private(path, json.dumps(document, ensure_ascii=False, indent=2).encode("utf-8"))


def _read_json(path: Path) -> dict[str, Any]:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise XunchaError("workspace_missing", path=str(path.parent.parent if path.parent.name == "keys"
                                                       else path.parent)) from None
    except (OSError, ValueError) as exc:
        raise XunchaError("workspace_damaged", path=str(path), reason=str(exc)) from exc
    if not isinstance(document, dict):
        raise XunchaError("workspace_damaged", path=str(path), reason="not a JSON object")
    return document


def _private_dir(path: Path) -> None:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if sys.platform != "win32":
        path.chmod(0o700)


def refuse_cleared(path: Path) -> None:
    """A cleared laptop's folder (or one whose clearance was interrupted) opens no more: it says so."""
    if (path / CLEARED_MARKER).exists():
        raise XunchaError("workspace_cleared", path=str(path))


def is_workspace(path: Path) -> bool:
    return (path / "workspace.json").is_file() and (path / "keys" / "master-key.json").is_file()


class Workspace:
    """An unlocked workspace. Use :meth:`session` for a unit of work; close when done."""

    def __init__(self, path: Path, info: WorkspaceInfo, unlocked: slots.Unlocked, engine: Engine,
                 secrets: dict[str, Any], log_handler: logging.Handler, wall: Callable[[], int] = wall_millis,
                 new_id: Callable[[], uuid.UUID] | None = None) -> None:
        self.path = path
        self._log_handler = log_handler
        self.info = info
        # The person who unlocked it, as their key slot names them. A plain attribute: the services read the
        # role from it (tests assign another user to try a role); the slot stays the one that was opened.
        self.user = unlocked.user
        self._slot_user = unlocked.user.name
        self._identity_public = _identity_public_of(path)
        self._identity_private: X25519PrivateKey | None = None
        if unlocked.identity_private is not None:
            self._identity_private = X25519PrivateKey.from_private_bytes(unlocked.identity_private)
            if self._identity_private.public_key().public_bytes_raw() != self._identity_public.public_bytes_raw():
                raise XunchaError("workspace_damaged", path=str(path / "keys" / "device-public.json"),
                                  reason="identity_public does not match the identity key")
        self._master_key = unlocked.master_key
        self._age_identity = str(secrets["age_identity"])
        self._closed = False
        self.engine = engine
        self._sessions: sessionmaker[Session] = make_session_factory(engine)
        evidence_root = Path(info.evidence_path) if info.evidence_path else path / "evidence"
        if info.evidence_path and not evidence_root.is_dir():
            raise XunchaError("hub_evidence_store_missing", path=info.evidence_path)
        self.evidence = EvidenceStore(evidence_root, pyrage.x25519.Identity.from_str(secrets["age_identity"]),
                                      keys.subkey(unlocked.master_key, "evidence-names"))
        self.signing_key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(secrets["ed25519_private"]))
        with self._sessions() as session:
            last = session.scalar(select(func.max(_change_hlc())))
        self.clock = HybridClock(info.device_id, wall=wall, last=last)
        # Only a deterministic build (the demo) replaces the wall clock and UUIDv7.
        self.new_id = new_id
        # A hub station: the versions of the hub's key files it read (db/stations.py push).
        self.hub_versions: dict[str, int] = {}

    # ---- creation and opening ----------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, device_name: str, passphrase: str, kdf: keys.KdfParams | None = None,
               user_name: str | None = None, device_id: uuid.UUID | None = None,
               wall: Callable[[], int] = wall_millis, new_id: Callable[[], uuid.UUID] | None = None,
               database_url: str | None = None, role: Role = Role.LEADER) -> Workspace:
        """Makes a new workspace; refuses to touch a folder that already holds one.

        The first user (``user_name``, default the login name) gets the first key slot, as ``role``: the
        group leader, or the office; they add the others (:func:`add_user`).

        ``database_url`` puts the records in a server database (an office hub on PostgreSQL) instead of
        the encrypted file; keys, evidence and log stay in the folder. ``device_id``, ``wall`` and
        ``new_id`` exist for deterministic builds (the demo) and tests.
        """
        keys.check_passphrase_strength(passphrase, [device_name, user_name or ""])
        refuse_cleared(path)
        first = User(slots.check_name(user_name or _login_name()), Role(role))
        if first.role not in MANAGERS:
            raise InvalidRequest("users_first_must_manage")
        if is_workspace(path):
            raise XunchaError("workspace_exists", path=str(path))
        _private_dir(path)
        for sub in ("keys", "evidence", "backups", "logs"):
            _private_dir(path / sub)
        info = WorkspaceInfo(device_id=device_id or uuid.uuid4(), device_name=device_name,
                             user_name=first.name,
                             created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                             database_url=database_url)
        master_key = os.urandom(keys.KEY_BYTES)
        context = info.device_id.bytes
        signing = Ed25519PrivateKey.generate()
        identity = pyrage.x25519.Identity.generate()
        # The key that seals petitioners' identities: random, its private half only in the slots of the roles
        # that may read them (and in the office's recovery slot).
        identities = X25519PrivateKey.generate()
        secrets = {"ed25519_private": signing.private_bytes_raw().hex(), "age_identity": str(identity)}
        public = {"device_id": str(info.device_id), "device_name": device_name,
                  "ed25519_public": signing.public_key().public_bytes(
                      serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex(),
                  "age_recipient": str(identity.to_public()),
                  "identity_public": identities.public_key().public_bytes_raw().hex()}
        _write_json(path / "keys" / "device-secrets.json",
                    keys.seal(keys.subkey(master_key, "device-secrets"), secrets, context))
        _write_json(path / "keys" / "device-public.json", public)
        _write_json(path / "workspace.json", info.to_json())
        # The key file is written last: a folder without it is not yet a workspace, and can be re-made.
        unlocked = slots.Unlocked(first, master_key, identities.private_bytes_raw())
        _write_json(path / "keys" / "master-key.json", slots.document(
            [slots.make_slot(first, passphrase, kdf or keys.KdfParams(), master_key, unlocked.identity_private,
                             context)], None))
        handler = attach_log(path / "logs" / "xuncha.log")
        try:
            workspace = cls._open_unlocked(path, info, unlocked, secrets, handler, wall, new_id)
        except BaseException:
            detach_log(handler)
            raise
        with workspace.transaction() as session:
            seed.seed_defaults(session)
            audit.record(session, "init", detail=f"device {device_name}, first user {first.name} ({first.role})")
        log.info("workspace created for device %s", info.device_id)
        return workspace

    @classmethod
    def open(cls, path: Path, passphrase: str, user: str | None = None,
             sleep: Callable[[float], None] | None = None) -> Workspace:
        """Unlocks ``user``'s key slot and opens; migrates the schema (after a backup) if the program is newer.

        With one user ``user`` may be omitted. After wrong passphrases the try first waits (see
        security/attempts.py; ``sleep`` spends the wait, for tests). A version-1 key file is rewritten with
        key slots. Raises XunchaError ``workspace_cleared``, ``workspace_missing``, InvalidRequest ``user_required`` /
        ``user_unknown`` (naming the users), WrongPassphrase, ``workspace_damaged`` or ``workspace_newer``.
        """
        refuse_cleared(path)
        if not is_workspace(path):
            raise XunchaError("workspace_missing", path=str(path))
        document, info = _read_info(path)
        context = info.device_id.bytes
        handler = attach_log(path / "logs" / "xuncha.log")
        try:
            versions = _refresh_station(path, info)
            keyfile = _read_json(path / "keys" / "master-key.json")
            slot = slots.choose(keyfile, user, info.user_name)
            unlocked = _unlock(path, keyfile, slot, passphrase, context, sleep)
            hold_process_lock(path)  # no other program opens it while its key file is rewritten
            try:
                if keyfile.get("version") == 1:
                    unlocked = _upgrade_v1(path, keyfile, unlocked, passphrase, context)
                secrets = keys.unseal(keys.subkey(unlocked.master_key, "device-secrets"),
                                      _read_json(path / "keys" / "device-secrets.json"), context)
                workspace = cls._open_unlocked(path, replace(info, user_name=unlocked.user.name), unlocked,
                                               secrets, handler)
                workspace.hub_versions = versions
            finally:
                release_process_lock(path)
        except BaseException as exc:
            log.warning("workspace not opened: %s", getattr(exc, "key", type(exc).__name__))
            detach_log(handler)
            raise
        try:
            workspace._after_unlock(document)
        except BaseException:
            workspace.close()
            raise
        return workspace

    @classmethod
    def _open_unlocked(cls, path: Path, info: WorkspaceInfo, unlocked: slots.Unlocked, secrets: dict[str, Any],
                       handler: logging.Handler, wall: Callable[[], int] = wall_millis,
                       new_id: Callable[[], uuid.UUID] | None = None) -> Workspace:
        try:
            local_time.use(info.time_zone)
        except ValueError as exc:
            raise XunchaError("workspace_damaged", path=str(path / "workspace.json"), reason=str(exc)) from exc
        hold_process_lock(path)
        try:
            return cls._open_locked(path, info, unlocked, secrets, handler, wall, new_id)
        except BaseException:
            release_process_lock(path)
            raise

    @classmethod
    def _open_locked(cls, path: Path, info: WorkspaceInfo, unlocked: slots.Unlocked, secrets: dict[str, Any],
                     handler: logging.Handler, wall: Callable[[], int],
                     new_id: Callable[[], uuid.UUID] | None) -> Workspace:
        database = path / DB_NAME
        if not database.exists() and info.database_url is None:
            # SQLite gives its -wal and -shm files the database file's mode: make it private first.
            os.close(os.open(database, os.O_WRONLY | os.O_CREAT, 0o600))
        url = info.database_url or sqlcipher_url(database, unlocked.master_key)
        engine = make_engine(url)
        try:
            _bring_schema_up_to_date(engine, path)
            ensure_current(engine)  # the search index is derived data: rebuilt when its layout changed
        except BaseException:
            engine.dispose()
            raise
        try:
            workspace = cls(path, info, unlocked, engine, secrets, handler, wall, new_id)
        except BaseException:
            engine.dispose()
            raise
        seal_staged(engine, workspace.identity_public, info.device_id, workspace.signing_key)  # moved by 0006
        workspace.evidence.clean_temporary()
        return workspace

    def _after_unlock(self, document: dict[str, Any]) -> None:
        """What a successful unlock writes: the failures before it into the audit log (then the counter
        starts again), a recovery done at the office, the user for the next login dialog, and the default
        terms and 定性依据 a newer program ships (db/seed.py)."""
        self._audit_failures()
        with self.transaction() as session:
            seed.seed_defaults(session)
        keyfile = _read_json(self.path / "keys" / "master-key.json")
        own = slots.choose(keyfile, self._slot_user, self.info.user_name)
        recovered = own.pop("recovered", None)
        if recovered is not None:
            with self.transaction() as session:
                audit.record(session, "passphrase_recovered", detail=f"{self._slot_user}: new passphrase given at "
                             f"the office {recovered.get('office', '?')} on {recovered.get('at', '?')}")
                _write_json(self.path / "keys" / "master-key.json", keyfile)
        if len(slots.slots_of(keyfile, self.info.user_name)) > 1 and document.get("last_user") != self._slot_user:
            _write_json(self.path / "workspace.json", {**document, "last_user": self._slot_user})

    def _audit_failures(self) -> None:
        counter = attempts.Attempts(self.path)
        count, recent = counter.failures()
        if count:
            with self.transaction() as session:
                audit.record(session, "passphrase_failures", detail=attempts.summary(count, recent))
            counter.reset()

    # ---- use ---------------------------------------------------------------------------------------
    def write_context(self) -> WriteContext:
        ctx = WriteContext(device_id=self.info.device_id, clock=self.clock, actor=self.user.name,
                           role=self.user.role, after_capture=[index_records], audit_device=self.info.station_id)
        if self.new_id is not None:
            ctx.new_id = self.new_id
        return ctx

    def session(self) -> Session:
        session = self._sessions()
        session.info[CONTEXT_KEY] = self.write_context()
        session.info[KEYRING] = self  # identity_public / identity_private(), for services/identities.py
        return session

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed at the end of the block, or rolled back on any error."""
        with self.session() as session, session.begin():
            yield session

    def check_passphrase(self, passphrase: str, sleep: Callable[[float], None] | None = None) -> None:
        """Raises WrongPassphrase unless ``passphrase`` opens the key slot of the user who unlocked this
        workspace (with the same wait after wrong passphrases as :meth:`open`)."""
        keyfile = _read_json(self.path / "keys" / "master-key.json")
        slot = slots.choose(keyfile, self._slot_user, self.info.user_name)
        unlocked = _unlock(self.path, keyfile, slot, passphrase, self.info.device_id.bytes, sleep)
        if unlocked.master_key != self._master_key:  # the key file on disk is not this workspace's
            raise WrongPassphrase("wrong_passphrase")
        self._audit_failures()

    @property
    def identity_public(self) -> X25519PublicKey:
        """Anyone may seal a petitioner's identity to this key (a 组员 registering a petition)."""
        return self._identity_public

    def identity_private(self) -> X25519PrivateKey | None:
        """The key that opens petitioner identities: only when this user's key slot carried it (the slots of
        the roles in ``roles.SEES_IDENTITIES``) and the current role may read them; else None."""
        return self._identity_private if self.user.role in SEES_IDENTITIES else None

    def subkey(self, purpose: str) -> bytes:
        """A key derived from the master key for one purpose (e.g. the window's encrypted drafts)."""
        return keys.subkey(self._master_key, purpose)

    @property
    def public_keys(self) -> dict[str, Any]:
        return _read_json(self.path / "keys" / "device-public.json")

    def close(self) -> None:
        """Closes the database and lets go of the workspace; closing again does nothing."""
        if self._closed:
            return
        self._closed = True
        if self.engine.dialect.name == "sqlite":
            # SQLite's advice for short-lived connections: let it refresh the planner's statistics.
            with contextlib.suppress(Exception), self.engine.connect() as connection:
                connection.exec_driver_sql("PRAGMA optimize")
        self.engine.dispose()
        detach_log(self._log_handler)
        release_process_lock(self.path)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def _change_hlc() -> Any:
    return Change.hlc


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "user"


def _read_info(path: Path) -> tuple[dict[str, Any], WorkspaceInfo]:
    document = _read_json(path / "workspace.json")
    try:
        info = WorkspaceInfo(uuid.UUID(document["device_id"]), str(document["device_name"]),
                             str(document.get("user_name") or _login_name()), str(document["created_at"]),
                             document.get("database_url"), int(document.get("max_clock_ahead_minutes", 15)),
                             str(document.get("time_zone") or local_time.DEFAULT_ZONE),
                             uuid.UUID(document["station_id"]) if document.get("station_id") else None,
                             document.get("station_name"), document.get("evidence_path"))
    except (KeyError, ValueError) as exc:
        raise XunchaError("workspace_damaged", path=str(path / "workspace.json"), reason=repr(exc)) from exc
    return document, info


def _refresh_station(path: Path, info: WorkspaceInfo) -> dict[str, int]:
    """A hub station takes the hub's key files (users added at another desk) and must still be enrolled."""
    if info.station_id is None or info.database_url is None:
        return {}
    engine = make_engine(info.database_url)
    try:
        stations.check_station(engine, info.station_id, info.station_name or "")
        return stations.pull(engine, path / "keys")
    finally:
        engine.dispose()


def _identity_public_of(path: Path) -> X25519PublicKey:
    file = path / "keys" / "device-public.json"
    try:
        return X25519PublicKey.from_public_bytes(bytes.fromhex(str(_read_json(file)["identity_public"])))
    except (KeyError, ValueError) as exc:
        raise XunchaError("workspace_damaged", path=str(file), reason=f"identity_public: {exc!r}") from exc


def _unlock(path: Path, keyfile: dict[str, Any], slot: dict[str, Any], passphrase: str, context: bytes,
            sleep: Callable[[float], None] | None) -> slots.Unlocked:
    """Opens one slot after the wait that earlier wrong passphrases asked for; counts a wrong one."""
    counter = attempts.Attempts(path)
    wait = counter.wait_needed()
    if wait > 0:
        log.info("waiting %.0f s after earlier wrong passphrases", wait)
        (sleep or SLEEP)(wait)
    try:
        if keyfile.get("version") == 1:
            master_key = keys.unwrap_master_key(keyfile, passphrase, context)
            return slots.Unlocked(User(str(slot["user"]), Role.LEADER), master_key, None)
        return slots.open_slot(slot, passphrase, context)
    except WrongPassphrase:
        counter.record_failure(str(slot.get("user", "")))
        raise


def _upgrade_v1(path: Path, keyfile: dict[str, Any], unlocked: slots.Unlocked, passphrase: str,
                context: bytes) -> slots.Unlocked:
    """Rewrites a version-1 key file (one passphrase) as one key slot of its user, the group leader, and gives
    the workspace its identity key (the interim one was derived from the master key: every passphrase holder
    had it). The public half is written first: a crash between the two writes leaves a version-1 file,
    upgraded again at the next opening."""
    identities = X25519PrivateKey.generate()
    public_file = path / "keys" / "device-public.json"
    public = _read_json(public_file)
    _write_json(public_file, {**public, "identity_public": identities.public_key().public_bytes_raw().hex()})
    upgraded = slots.Unlocked(unlocked.user, unlocked.master_key, identities.private_bytes_raw())
    slot = slots.make_slot(upgraded.user, passphrase, keys.kdf_params_of(keyfile), upgraded.master_key,
                           upgraded.identity_private, context)
    _write_json(path / "keys" / "master-key.json", slots.document([slot], None))
    log.info("key file upgraded to key slots (version %d)", slots.VERSION)
    return upgraded


def workspace_users(path: Path) -> tuple[list[User], str | None]:
    """The users of the workspace at ``path`` (from its key slots, no passphrase needed) and the one who
    opened it last, for the login dialog."""
    document, info = _read_info(path)
    users = slots.users_of(_read_json(path / "keys" / "master-key.json"), info.user_name)
    last = document.get("last_user")
    return users, (str(last) if isinstance(last, str) else None)


def next_wait(path: Path) -> float:
    """Seconds the next passphrase try on this workspace will wait (for the window to say so)."""
    return attempts.Attempts(path).wait_needed()


# ---- users -----------------------------------------------------------------------------------------------
def _require_manager(ws: Workspace) -> None:
    if ws.user.role not in MANAGERS:
        raise XunchaError("users_not_allowed", user=ws.user.name)


def _keyfile(ws: Workspace) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    keyfile = _read_json(ws.path / "keys" / "master-key.json")
    return keyfile, slots.slots_of(keyfile, ws.info.user_name)


def _identity_raw(ws: Workspace) -> bytes | None:
    key = ws._identity_private
    return key.private_bytes_raw() if key is not None else None


def _save_keyfile(ws: Workspace, keyfile: dict[str, Any], action: str, detail: str) -> None:
    """Writes the key file as the last step of the audit entry's transaction: a failed write leaves no entry,
    a failed entry no change."""
    with ws.transaction() as session:
        audit.record(session, action, detail=detail)
        session.flush()
        if ws.info.station_id is not None:  # a hub station: the hub holds the original, for every station
            stations.push(session, "master-key.json", keyfile, ws.hub_versions)
        _write_json(ws.path / "keys" / "master-key.json", keyfile)


def list_users(ws: Workspace) -> list[User]:
    """Every user of the workspace (name and role as their key slots name them)."""
    return slots.users_of(_read_json(ws.path / "keys" / "master-key.json"), ws.info.user_name)


def add_user(ws: Workspace, name: str, role: Role | str, passphrase: str, kdf: keys.KdfParams | None = None) -> User:
    """Gives ``name`` a key slot with ``role`` and ``passphrase`` (checked for strength). Only a leader or the
    office may; the slots of the roles that see identities carry the identity key. ``kdf`` defaults to the
    acting user's own slot's cost."""
    _require_manager(ws)
    try:
        user = User(slots.check_name(name), Role(role))
    except ValueError:
        raise InvalidRequest("user_role_unknown", role=str(role), roles=" ".join(r.value for r in Role)) from None
    keyfile, found = _keyfile(ws)
    if any(s.get("user") == user.name for s in found):
        raise InvalidRequest("user_exists", user=user.name)
    keys.check_passphrase_strength(passphrase, [ws.info.device_name, user.name])
    own = slots.choose(keyfile, ws._slot_user, ws.info.user_name)
    slot = slots.make_slot(user, passphrase, kdf or keys.kdf_params_of(own), ws._master_key, _identity_raw(ws),
                           ws.info.device_id.bytes)
    keyfile["slots"] = [*found, slot]
    _save_keyfile(ws, keyfile, "user_added", f"{user.name} ({user.role})")
    log.info("user added with role %s", user.role)
    return user


def remove_user(ws: Workspace, name: str) -> None:
    """Revokes ``name``'s key slot. Refuses removing oneself and the last slot of a leader or the office.
    (A copy of the master key taken while the slot existed is not revoked: docs/security.md.)"""
    _require_manager(ws)
    keyfile, found = _keyfile(ws)
    wanted = name.strip()
    if wanted == ws._slot_user:
        raise InvalidRequest("user_remove_self", user=wanted)
    left = [s for s in found if s.get("user") != wanted]
    if len(left) == len(found):
        raise NotFound("user_unknown", user=wanted, users="、".join(str(s.get("user")) for s in found))
    if not any(s.get("role") in {r.value for r in MANAGERS} for s in left):
        raise InvalidRequest("user_last_manager", user=wanted)
    keyfile["slots"] = left
    _save_keyfile(ws, keyfile, "user_removed", wanted)


def change_passphrase(ws: Workspace, old: str, new: str, sleep: Callable[[float], None] | None = None) -> None:
    """Re-wraps the acting user's own slot with ``new`` (checked for strength) after ``old`` is proven."""
    ws.check_passphrase(old, sleep=sleep)
    keys.check_passphrase_strength(new, [ws.info.device_name, ws._slot_user])
    keyfile, found = _keyfile(ws)
    own = slots.choose(keyfile, ws._slot_user, ws.info.user_name)
    user = User(str(own["user"]), Role(str(own["role"])))
    fresh = slots.make_slot(user, new, keys.kdf_params_of(own), ws._master_key, _identity_raw(ws),
                            ws.info.device_id.bytes, proof=own.get("role_mac"))
    keyfile["slots"] = [fresh if s is own else s for s in found]
    _save_keyfile(ws, keyfile, "passphrase_changed", user.name)


@dataclass(frozen=True)
class Recovery:
    office_device_id: str
    office_device_name: str
    fingerprint: str


def recovery_of(ws: Workspace) -> Recovery | None:
    """The office whose key opens this workspace's recovery slot, if one is set."""
    recovery = _read_json(ws.path / "keys" / "master-key.json").get("recovery")
    if not isinstance(recovery, dict):
        return None
    return Recovery(str(recovery.get("office_device_id", "")), str(recovery.get("office_device_name", "")),
                    str(recovery.get("fingerprint", "")))


def set_recovery(ws: Workspace, recipient: str, office_device_id: str, office_device_name: str,
                 fingerprint: str) -> Recovery:
    """Stores the master key and the identity key encrypted to the office's age ``recipient`` (from its public
    key file), replacing an earlier recovery slot. Only a leader or the office may."""
    _require_manager(ws)
    identity = _identity_raw(ws)
    if identity is None:
        raise XunchaError("users_identity_key_missing")
    keyfile, _found = _keyfile(ws)
    office = {"office_device_id": office_device_id, "office_device_name": office_device_name,
              "fingerprint": fingerprint}
    keyfile["recovery"] = slots.seal_recovery(ws._master_key, identity, ws.info.device_id.bytes, recipient, office)
    _save_keyfile(ws, keyfile, "recovery_set", f"office {office_device_name} ({office_device_id})")
    return Recovery(office_device_id, office_device_name, fingerprint)


def recover_user(office: Workspace, laptop: Path, name: str, new_passphrase: str) -> User:
    """At the office: opens the recovery slot of the workspace folder ``laptop`` with the office's own key and
    gives ``name``'s slot ``new_passphrase``. Only the office whose key the slot was sealed to can; the role
    must be the one the leader gave (its proof is checked with the recovered identity key). Raises
    XunchaError ``recovery_not_set``, ``recovery_wrong_office``, ``workspace_damaged``, NotFound."""
    _require_manager(office)
    if not is_workspace(laptop):
        raise XunchaError("workspace_missing", path=str(laptop))
    _document, info = _read_info(laptop)
    context = info.device_id.bytes
    hold_process_lock(laptop)  # the laptop's own program must not be writing its key file meanwhile
    try:
        keyfile = _read_json(laptop / "keys" / "master-key.json")
        found = slots.slots_of(keyfile, info.user_name)
        recovery = keyfile.get("recovery")
        if not isinstance(recovery, dict):
            raise XunchaError("recovery_not_set", path=str(laptop))
        master_key, identity = slots.open_recovery(recovery, office._age_identity, context)
        # Both keys must be this workspace's: the sealed device secrets open, the identity key matches.
        keys.unseal(keys.subkey(master_key, "device-secrets"), _read_json(laptop / "keys" / "device-secrets.json"),
                    context)
        if X25519PrivateKey.from_private_bytes(identity).public_key().public_bytes_raw() != \
                _identity_public_of(laptop).public_bytes_raw():
            raise XunchaError("workspace_damaged", path=str(laptop / "keys"), reason="identity key mismatch")
        slot = slots.choose(keyfile, name, info.user_name)
        if not slots.role_proven(slot, identity, context):
            raise XunchaError("workspace_damaged", path=str(laptop / "keys" / "master-key.json"),
                              reason=f"the role of {name} was changed in the file")
        keys.check_passphrase_strength(new_passphrase, [info.device_name, str(slot["user"])])
        user = User(str(slot["user"]), Role(str(slot["role"])))
        fresh = slots.make_slot(user, new_passphrase, keys.kdf_params_of(slot), master_key, identity, context)
        fresh["recovered"] = {"at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                              "office": office.info.device_name, "by": office.user.name}
        keyfile["slots"] = [fresh if s is slot else s for s in found]
        with office.transaction() as session:
            audit.record(session, "user_recovered",
                         detail=f"{user.name} on {info.device_name} ({info.device_id}): new passphrase")
            session.flush()
            _write_json(laptop / "keys" / "master-key.json", keyfile)
    finally:
        release_process_lock(laptop)
    log.info("passphrase of a user of device %s recovered", info.device_id)
    return user


def _bring_schema_up_to_date(engine: Engine, path: Path) -> None:
    current = migrate.current_revision(engine)
    head = migrate.head_revision()
    if current == head:
        return
    if current is not None and current not in migrate.known_revisions():
        raise XunchaError("workspace_newer", revision=current)
    if current is not None and engine.dialect.name == "sqlite":
        backup = backup_database(engine, path, current)
        log.info("database backed up to %s before migrating from %s", backup.name, current)
    migrate.upgrade(engine)
    if current is not None and engine.dialect.name == "sqlite":
        # New indexes are only chosen well once the planner has statistics about the existing rows.
        with engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
    log.info("database schema migrated from %s to %s", current, head)


# One workspace, one process: an OS file lock (fcntl / LockFileEx) that the system drops when the process
# ends, however it ends, so no stale marker ever locks a laptop out. Within one process the workspace may be
# opened more than once (the window's worker threads, a command run in a test); those share the lock.
_LOCKS: dict[Path, tuple[filelock.BaseFileLock, int]] = {}
_LOCKS_GUARD = threading.Lock()
LOCK_NAME = "workspace.lock"


def hold_process_lock(path: Path) -> None:
    """Raises XunchaError ``workspace_in_use`` when another process has this workspace open."""
    key = path.resolve()
    with _LOCKS_GUARD:
        if key in _LOCKS:
            lock, count = _LOCKS[key]
            _LOCKS[key] = (lock, count + 1)
            return
        lock = filelock.FileLock(key / LOCK_NAME, timeout=0, mode=0o600, thread_local=False,
                                 fallback_to_soft=False)
        try:
            lock.acquire()
        except filelock.Timeout:
            raise XunchaError("workspace_in_use", path=str(path)) from None
        _LOCKS[key] = (lock, 1)


def release_process_lock(path: Path) -> None:
    key = path.resolve()
    with _LOCKS_GUARD:
        if key not in _LOCKS:
            return
        lock, count = _LOCKS[key]
        if count > 1:
            _LOCKS[key] = (lock, count - 1)
        else:
            del _LOCKS[key]
            lock.release()


def backup_database(engine: Engine, path: Path, label: str) -> Path:
    """Copies the (still encrypted) database file into backups/ after folding the WAL into it."""
    with engine.connect() as connection:
        connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    _private_dir(path / "backups")
    target = path / "backups" / f"xuncha-{label}-{stamp}.db"
    shutil.copy2(path / DB_NAME, target)
    return target


def attach_log(file: Path) -> logging.Handler:
    """Sends operations and errors to this workspace's log (rotated); record contents never go there."""
    if not file.exists():
        file.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.close(os.open(file, os.O_WRONLY | os.O_CREAT, 0o600))
    handler = logging.handlers.RotatingFileHandler(file, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    return handler


def detach_log(handler: logging.Handler) -> None:
    log.removeHandler(handler)
    handler.close()
