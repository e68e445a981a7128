"""Opening or creating a workspace for the login dialog (Argon2id takes about half a second: a job)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from xuncha_desktop.ui.controllers.jobs import CancelFlag, Job, Progress
from xuncha_desktop.workspace import Workspace


@dataclass(frozen=True)
class NewWorkspace:
    """What a new workspace needs besides its folder and passphrase."""

    device_name: str
    user_name: str | None
    kdf: Any = None  # KdfParams; None for the program's default


class UnlockJob(Job[Workspace]):
    """Opens the workspace at ``path`` with ``passphrase``, or creates it when ``new`` is given. The result is
    the open workspace, which the caller hands to :class:`~xuncha_desktop.ui.controllers.records.Controller`
    (and closes). Raises what ``Workspace.open``/``create`` raise (wrong passphrase, newer file, …)."""

    def __init__(self, path: Path, passphrase: str, new: NewWorkspace | None = None) -> None:
        super().__init__()
        self.path, self._passphrase, self.new = path, passphrase, new

    def work(self, progress: Progress, cancelled: CancelFlag) -> Workspace:
        if self.new is None:
            return Workspace.open(self.path, self._passphrase)
        return Workspace.create(self.path, self.new.device_name, self._passphrase, kdf=self.new.kdf,
                                user_name=self.new.user_name)
