"""A workspace: the folder that holds one device's encrypted database, evidence store, keys and log.

    workspace.json            device id and name, user name, format (not secret)
    keys/master-key.json      the database key, wrapped by the passphrase (Argon2id + AES-GCM)
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
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import filelock
import platformdirs
import pyrage
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from xuncha_desktop import files, local_time
from xuncha_desktop.db import audit, migrate, seed
from xuncha_desktop.db.capture import CONTEXT_KEY, WriteContext
from xuncha_desktop.db.engine import make_engine, make_session_factory, sqlcipher_url
from xuncha_desktop.db.hlc import HybridClock, wall_millis
from xuncha_desktop.db.identity_staging import seal_staged
from xuncha_desktop.db.models.changes import Change
from xuncha_desktop.db.models.identities import KEYRING
from xuncha_desktop.db.search_index import ensure_current, index_records
from xuncha_desktop.errors import WrongPassphrase, XunchaError
from xuncha_desktop.evidence.store import EvidenceStore
from xuncha_desktop.security import keys
from xuncha_desktop.security.roles import SEES_IDENTITIES, Role, User

FORMAT = 1
DB_NAME = "xuncha.db"
CLEARED_MARKER = "CLEARED.json"  # 巡后清退 (services/clearance.py): the keys are destroyed, or being destroyed
log = logging.getLogger("xuncha")


def default_path() -> Path:
    """XUNCHA_WORKSPACE, or the platform's per-user data folder."""
    chosen = os.environ.get("XUNCHA_WORKSPACE")
    if chosen:
        return Path(chosen).expanduser()
    return Path(platformdirs.user_data_dir("xuncha-desktop", appauthor=False)) / "workspace"


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

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "device_id": str(self.device_id), "device_name": self.device_name,
                "user_name": self.user_name, "created_at": self.created_at, "database_url": self.database_url,
                "max_clock_ahead_minutes": self.max_clock_ahead_minutes, "time_zone": self.time_zone}


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

    def __init__(self, path: Path, info: WorkspaceInfo, master_key: bytes, engine: Engine,
                 secrets: dict[str, Any], log_handler: logging.Handler, wall: Callable[[], int] = wall_millis,
                 new_id: Callable[[], uuid.UUID] | None = None) -> None:
        self.path = path
        self._log_handler = log_handler
        self.info = info
        # The person who unlocked it. Until key slots name users, the one passphrase holder leads the group.
        self.user = User(info.user_name, Role.LEADER)
        self._identity_private = X25519PrivateKey.from_private_bytes(keys.subkey(master_key, "identities"))
        self._master_key = master_key
        self._closed = False
        self.engine = engine
        self._sessions: sessionmaker[Session] = make_session_factory(engine)
        self.evidence = EvidenceStore(path / "evidence", pyrage.x25519.Identity.from_str(secrets["age_identity"]),
                                      keys.subkey(master_key, "evidence-names"))
        self.signing_key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(secrets["ed25519_private"]))
        with self._sessions() as session:
            last = session.scalar(select(func.max(_change_hlc())))
        self.clock = HybridClock(info.device_id, wall=wall, last=last)
        # Only a deterministic build (the demo) replaces the wall clock and UUIDv7.
        self.new_id = new_id

    # ---- creation and opening ----------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, device_name: str, passphrase: str, kdf: keys.KdfParams | None = None,
               user_name: str | None = None, device_id: uuid.UUID | None = None,
               wall: Callable[[], int] = wall_millis, new_id: Callable[[], uuid.UUID] | None = None,
               database_url: str | None = None) -> Workspace:
        """Makes a new workspace; refuses to touch a folder that already holds one.

        ``database_url`` puts the records in a server database (an office hub on PostgreSQL) instead of
        the encrypted file; keys, evidence and log stay in the folder. ``device_id``, ``wall`` and
        ``new_id`` exist for deterministic builds (the demo) and tests.
        """
        keys.check_passphrase_strength(passphrase, [device_name, user_name or ""])
        refuse_cleared(path)
        if is_workspace(path):
            raise XunchaError("workspace_exists", path=str(path))
        _private_dir(path)
        for sub in ("keys", "evidence", "backups", "logs"):
            _private_dir(path / sub)
        info = WorkspaceInfo(device_id=device_id or uuid.uuid4(), device_name=device_name,
                             user_name=user_name or _login_name(),
                             created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                             database_url=database_url)
        master_key = os.urandom(keys.KEY_BYTES)
        context = info.device_id.bytes
        signing = Ed25519PrivateKey.generate()
        identity = pyrage.x25519.Identity.generate()
        secrets = {"ed25519_private": signing.private_bytes_raw().hex(), "age_identity": str(identity)}
        public = {"device_id": str(info.device_id), "device_name": device_name,
                  "ed25519_public": signing.public_key().public_bytes(
                      serialization.Encoding.Raw, serialization.PublicFormat.Raw).hex(),
                  "age_recipient": str(identity.to_public())}
        _write_json(path / "keys" / "device-secrets.json",
                    keys.seal(keys.subkey(master_key, "device-secrets"), secrets, context))
        _write_json(path / "keys" / "device-public.json", public)
        _write_json(path / "workspace.json", info.to_json())
        # The key file is written last: a folder without it is not yet a workspace, and can be re-made.
        _write_json(path / "keys" / "master-key.json",
                    keys.wrap_master_key(master_key, passphrase, kdf or keys.KdfParams(), context))
        handler = attach_log(path / "logs" / "xuncha.log")
        try:
            workspace = cls._open_unlocked(path, info, master_key, secrets, handler, wall, new_id)
        except BaseException:
            detach_log(handler)
            raise
        with workspace.transaction() as session:
            seed.seed_defaults(session)
            audit.record(session, "init", detail=f"device {device_name}")
        log.info("workspace created for device %s", info.device_id)
        return workspace

    @classmethod
    def open(cls, path: Path, passphrase: str) -> Workspace:
        """Unlocks and opens; migrates the schema (after a backup) if the program is newer.

        Raises XunchaError ``workspace_cleared``, ``workspace_missing``, WrongPassphrase, or ``workspace_newer``.
        """
        refuse_cleared(path)
        if not is_workspace(path):
            raise XunchaError("workspace_missing", path=str(path))
        document = _read_json(path / "workspace.json")
        try:
            info = WorkspaceInfo(uuid.UUID(document["device_id"]), str(document["device_name"]),
                                 str(document.get("user_name") or _login_name()), str(document["created_at"]),
                                 document.get("database_url"), int(document.get("max_clock_ahead_minutes", 15)),
                                 str(document.get("time_zone") or local_time.DEFAULT_ZONE))
        except (KeyError, ValueError) as exc:
            raise XunchaError("workspace_damaged", path=str(path / "workspace.json"), reason=repr(exc)) from exc
        context = info.device_id.bytes
        handler = attach_log(path / "logs" / "xuncha.log")
        try:
            master_key = keys.unwrap_master_key(_read_json(path / "keys" / "master-key.json"), passphrase,
                                                context)
            secrets = keys.unseal(keys.subkey(master_key, "device-secrets"),
                                  _read_json(path / "keys" / "device-secrets.json"), context)
            return cls._open_unlocked(path, info, master_key, secrets, handler)
        except BaseException as exc:
            log.warning("workspace not opened: %s", getattr(exc, "key", type(exc).__name__))
            detach_log(handler)
            raise

    @classmethod
    def _open_unlocked(cls, path: Path, info: WorkspaceInfo, master_key: bytes, secrets: dict[str, Any],
                       handler: logging.Handler, wall: Callable[[], int] = wall_millis,
                       new_id: Callable[[], uuid.UUID] | None = None) -> Workspace:
        try:
            local_time.use(info.time_zone)
        except ValueError as exc:
            raise XunchaError("workspace_damaged", path=str(path / "workspace.json"), reason=str(exc)) from exc
        hold_process_lock(path)
        try:
            return cls._open_locked(path, info, master_key, secrets, handler, wall, new_id)
        except BaseException:
            release_process_lock(path)
            raise

    @classmethod
    def _open_locked(cls, path: Path, info: WorkspaceInfo, master_key: bytes, secrets: dict[str, Any],
                     handler: logging.Handler, wall: Callable[[], int],
                     new_id: Callable[[], uuid.UUID] | None) -> Workspace:
        database = path / DB_NAME
        if not database.exists() and info.database_url is None:
            # SQLite gives its -wal and -shm files the database file's mode: make it private first.
            os.close(os.open(database, os.O_WRONLY | os.O_CREAT, 0o600))
        url = info.database_url or sqlcipher_url(database, master_key)
        engine = make_engine(url)
        try:
            _bring_schema_up_to_date(engine, path)
            ensure_current(engine)  # the search index is derived data: rebuilt when its layout changed
        except BaseException:
            engine.dispose()
            raise
        workspace = cls(path, info, master_key, engine, secrets, handler, wall, new_id)
        seal_staged(engine, workspace.identity_public, info.device_id, workspace.signing_key)  # moved by 0006
        workspace.evidence.clean_temporary()
        return workspace

    # ---- use ---------------------------------------------------------------------------------------
    def write_context(self) -> WriteContext:
        ctx = WriteContext(device_id=self.info.device_id, clock=self.clock, actor=self.user.name,
                           role=self.user.role, after_capture=[index_records])
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

    def check_passphrase(self, passphrase: str) -> None:
        """Raises WrongPassphrase unless ``passphrase`` opens this workspace's key file."""
        key = keys.unwrap_master_key(_read_json(self.path / "keys" / "master-key.json"), passphrase,
                                     self.info.device_id.bytes)
        if key != self._master_key:  # the key file on disk is not this workspace's: treat as wrong
            raise WrongPassphrase("wrong_passphrase")

    @property
    def identity_public(self) -> X25519PublicKey:
        """Anyone may seal a petitioner's identity to this key (a 组员 registering a petition)."""
        return self._identity_private.public_key()

    def identity_private(self) -> X25519PrivateKey | None:
        """The key that opens petitioner identities, or None when this user's role may not read them.

        Interim: derived from the master key, so every passphrase holder has it; key slots replace it with
        a random key wrapped only in the slots of the roles in ``roles.SEES_IDENTITIES``.
        """
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
