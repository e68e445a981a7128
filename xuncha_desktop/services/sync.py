"""Sync for the window: export and import with progress and cancel, conflicts, keys, package history.

The work runs in the caller's thread (the window runs it in a worker); ``progress(done, total)`` is
called with bytes, and ``cancelled()`` is polled: a cancelled export leaves no file, a cancelled import
changes nothing (both raise ``Cancelled``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from xuncha_desktop.db.models.sync import SyncConflict, SyncDevice, SyncPackage
from xuncha_desktop.sync import exchange
from xuncha_desktop.sync.exchange import ImportSummary, PublicKeys, Sides
from xuncha_desktop.sync.package import CancelFlag, Progress

if TYPE_CHECKING:
    from xuncha_desktop.workspace import Workspace

__all__ = ["ImportSummary", "PublicKeys", "Sides", "conflicts", "export", "history", "import_", "resolve", "sides",
           "trust", "trusted"]


def export(ws: Workspace, out: Path, to_keyfile: Path | None = None, passphrase: str | None = None,
           everything: bool = False, progress: Progress | None = None,
           cancelled: CancelFlag | None = None) -> dict[str, Any]:
    keys = exchange.read_keyfile(to_keyfile) if to_keyfile is not None else None
    return exchange.export_package(ws, out, keys, passphrase, everything, progress, cancelled)


def import_(ws: Workspace, path: Path, passphrase: str | None = None, dry_run: bool = False,
            progress: Progress | None = None, cancelled: CancelFlag | None = None) -> ImportSummary:
    return exchange.import_package(ws, path, passphrase, dry_run, progress, cancelled)


def conflicts(session: Session, include_settled: bool = False) -> list[SyncConflict]:
    return exchange.list_conflicts(session, include_settled)


def sides(session: Session, conflict: SyncConflict) -> Sides:
    """The conflict's ``local`` (made on this device) and ``incoming`` versions."""
    return exchange.sides(session, conflict)


def resolve(session: Session, conflict_id: str, keep: str | None = None, value: Any = None,
            use_value: bool = False) -> SyncConflict:
    if use_value:
        return exchange.resolve(session, conflict_id, value=value)
    return exchange.resolve(session, conflict_id, keep=keep)


def trust(session: Session, ws: Workspace, keyfile: Path) -> SyncDevice:
    return exchange.trust(session, ws, exchange.read_keyfile(keyfile))


def trusted(session: Session) -> list[SyncDevice]:
    return exchange.trusted_devices(session)


def history(session: Session) -> list[SyncPackage]:
    return exchange.packages(session)
