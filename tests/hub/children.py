"""What the child processes of the hub tests run (spawned: each opens its own station, as another desk would)."""

from __future__ import annotations

import multiprocessing.synchronize
import os
from pathlib import Path
from typing import Any

os.environ.setdefault("XUNCHA_LANG", "zh")


def import_at_station(folder: Path, passphrase: str, user: str, package: Path,
                      start: multiprocessing.synchronize.Barrier, results: Any) -> None:
    from xuncha_desktop.services import sync as sync_service
    from xuncha_desktop.workspace import Workspace

    with Workspace.open(folder, passphrase, user) as ws:
        start.wait()
        summary = sync_service.import_(ws, package)
        results.put((ws.info.station_name, summary.changes_applied, summary.changes_already_present))
