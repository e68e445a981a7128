"""Opening or creating a workspace for the login dialog (Argon2id takes about half a second: a job)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xuncha_desktop import hub
from xuncha_desktop.errors import Cancelled, XunchaError
from xuncha_desktop.security.roles import User
from xuncha_desktop.ui.controllers.jobs import CancelFlag, Job, Progress
from xuncha_desktop.workspace import Workspace, is_workspace, next_wait, workspace_users


@dataclass(frozen=True)
class NewWorkspace:
    """What a new workspace needs besides its folder and passphrase."""

    device_name: str
    user_name: str | None
    kdf: Any = None  # KdfParams; None for the program's default


@dataclass(frozen=True)
class JoinHub:
    """Enrolling this desk as a station of an office hub (docs/hub.md): where the hub is, and the desk's name."""

    server: str  # host or host:port
    database: str
    database_user: str
    station: str
    user_name: str | None


class UnlockJob(Job[Workspace]):
    """Opens the workspace at ``path`` with ``passphrase``, or creates it when ``new`` is given. The result is
    the open workspace, which the caller hands to :class:`~xuncha_desktop.ui.controllers.records.Controller`
    (and closes). Raises what ``Workspace.open``/``create`` raise (wrong passphrase, newer file, …)."""

    def __init__(self, path: Path, passphrase: str, new: NewWorkspace | JoinHub | None = None,
                 user: str | None = None) -> None:
        super().__init__()
        self.path, self._passphrase, self.new, self.user = path, passphrase, new, user

    def work(self, progress: Progress, cancelled: CancelFlag) -> Workspace:
        if isinstance(self.new, JoinHub):
            url = hub.hub_url(self.new.server, self.new.database, self.new.database_user)
            return hub.join(self.path, url, self.new.station, self._passphrase, self.new.user_name)
        if self.new is None:
            return Workspace.open(self.path, self._passphrase, self.user, sleep=cancellable_sleep(cancelled))
        return Workspace.create(self.path, self.new.device_name, self._passphrase, kdf=self.new.kdf,
                                user_name=self.new.user_name)


def cancellable_sleep(cancelled: CancelFlag) -> Callable[[float], None]:
    """The wait after wrong passphrases, spent in short steps so Cancel ends it (raises Cancelled)."""

    def sleep(seconds: float) -> None:
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            if cancelled():
                raise Cancelled()
            time.sleep(min(left, 0.1))

    return sleep


@dataclass(frozen=True)
class Users:
    """Who may open the workspace at a folder, for the dialog's user choice (empty when it is none)."""

    users: list[User]
    last: str | None


def users_at(path: Path) -> Users:
    if not is_workspace(path):
        return Users([], None)
    try:
        users, last = workspace_users(path)
    except XunchaError:
        return Users([], None)  # a damaged key file is reported when it is opened
    return Users(users, last)


def wait_after_failure(path: Path) -> int:
    """Whole seconds the next try will wait (0 when none)."""
    return round(next_wait(path)) if is_workspace(path) else 0


class RecheckJob(Job[None]):
    """Checks the current user's passphrase again (the idle lock): Argon2id and any wait after wrong ones run
    off the window's thread. ``check`` is the controller's ``check_passphrase``."""

    def __init__(self, check: Callable[[str, Callable[[float], None]], None], passphrase: str) -> None:
        super().__init__()
        self._check, self._passphrase = check, passphrase

    def work(self, progress: Progress, cancelled: CancelFlag) -> None:
        self._check(self._passphrase, cancellable_sleep(cancelled))
