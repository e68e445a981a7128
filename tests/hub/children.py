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


def edit_for(folder: Path, passphrase: str, user: str, seconds: float, unit_ids: list[str], seed: int,
             start: multiprocessing.synchronize.Barrier, results: Any) -> None:
    """A clerk for ``seconds``: opens a unit's form (one transaction), then saves its counter plus one over the
    stamp read (another); now and then registers a problem. Reports the saves per unit and the refusals."""
    import random
    import time

    from xuncha_desktop.db.concurrency import RecordChangedMeanwhile
    from xuncha_desktop.errors import XunchaError
    from xuncha_desktop.services.kinds import KINDS
    from xuncha_desktop.workspace import Workspace

    rng = random.Random(seed)
    saves: dict[str, int] = {}
    refused = busy = created = 0
    with Workspace.open(folder, passphrase, user) as ws:
        with ws.transaction() as s:
            frame = KINDS["unit"].get(s, unit_ids[0])
        start.wait()
        deadline = time.monotonic() + seconds
        n = 0
        while time.monotonic() < deadline:
            n += 1
            unit_id = rng.choice(unit_ids)
            with ws.transaction() as s:
                form = KINDS["unit"].to_dict(s, KINDS["unit"].read(s, unit_id))
            time.sleep(rng.random() * 0.01)
            try:
                with ws.transaction() as s:
                    count = int(form["contact_person"].removeprefix("计数"))
                    KINDS["unit"].update(s, unit_id, {"contact_person": f"计数{count + 1}"}, base_hlc=form["hlc"])
                    if n % 7 == 0:
                        KINDS["unit"].create(s, {"name": f"{ws.info.station_name}新单位{n}", "party_org":
                                                 str(frame.id)[:8]})
                        created += 1
                saves[unit_id] = saves.get(unit_id, 0) + 1
            except RecordChangedMeanwhile:
                refused += 1
            except XunchaError as exc:
                if exc.key != "record_busy":
                    raise
                busy += 1
    results.put(("edits", ws.info.station_name, saves, refused, busy, created))


def import_all(folder: Path, passphrase: str, user: str, packages: list[Path],
               start: multiprocessing.synchronize.Barrier, results: Any) -> None:
    from xuncha_desktop.services import sync as sync_service
    from xuncha_desktop.workspace import Workspace

    applied = 0
    with Workspace.open(folder, passphrase, user) as ws:
        start.wait()
        for package in packages:
            applied += sync_service.import_(ws, package).changes_applied
    results.put(("imports", ws.info.station_name, applied))
