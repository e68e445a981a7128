"""Five desks on one hub for a fixed time: three clerks editing (read a form, save over its stamp) and creating,
two stations importing the same laptop packages. Afterwards:

- no lost update: every unit's counter equals the number of saves the clerks were told succeeded;
- the same package from two stations applied once: the changes applied add up to the packages' changes;
- no duplicate or missing sequence number, every change chained to the one before, stamps growing per stream,
  every audit chain whole (one per station);
- the hub's state equals the sequential merge of the same changes: a fresh replica that imports the hub's whole
  log (one fold per record, in stamp order) holds the same canonical dump.
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.conftest import PASSPHRASE, _frame
from tests.hub.children import edit_for, import_all
from tests.hub.conftest import CLERK_PASSPHRASE, Hub
from tests.hub.test_stations import chain_problems
from tests.sync.helpers import dump, make, send, trust_all
from xuncha_desktop.db.models.changes import Change
from xuncha_desktop.services import sync as sync_service
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.workspace import Workspace

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

SECONDS = 8.0


def _laptop_packages(tmp_path: Path, hub: Workspace) -> tuple[list[Path], int, list[Workspace]]:
    """Two laptops, each with three incremental packages for the hub; one unit edited on both (a conflict)."""
    laptops = [make(tmp_path / f"laptop{n}", f"第{n}巡察组-笔记本") for n in (1, 2)]
    trust_all([*laptops, hub])
    packages: list[Path] = []
    with laptops[0].transaction() as s:
        ids = _frame(s, KINDS)
    sync_service.import_(laptops[1], send(laptops[0], laptops[1], tmp_path))
    for batch in range(3):
        for n, laptop in enumerate(laptops):
            with laptop.transaction() as s:
                for k in range(40):
                    KINDS["problem"].create(s, {"round_id": ids["round"], "unit_id": ids["unit"],
                                                "category": "line_policy",
                                                "statement": f"笔记本{n}第{batch}批第{k}个问题。"})
                KINDS["unit"].update(s, ids["unit"], {"contact_person": f"笔记本{n}联系人{batch}"})
            packages.append(send(laptop, hub, tmp_path))
    total = 0
    for laptop in laptops:
        with laptop.transaction() as s:
            own = Change.device_id == laptop.info.device_id
            total += s.scalar(select(func.count()).select_from(Change).where(own)) or 0
    # The first laptop's changes reached the second laptop's packages too: they are applied once all the same.
    return packages, total, laptops


def test_five_desks_editing_and_importing_for_a_while_lose_nothing_and_match_the_sequential_merge(
        hub: Hub, tmp_path: Path) -> None:
    with hub.first.transaction() as s:
        unit_ids = [str(KINDS["unit"].create(s, {"name": f"娄底市第{n}局", "contact_person": "计数0"}).id)
                    for n in range(6)]
    packages, laptop_changes, laptops = _laptop_packages(tmp_path, hub.first)
    desks = [(hub.first.path, PASSPHRASE, "李主任")]
    for n in range(2, 6):
        station = hub.join(f"{n}号工作站")
        desks.append((station.path, CLERK_PASSPHRASE, "王科员"))
        station.close()
    first_path = hub.first.path
    hub.first.close()

    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(5), context.Queue()
    children = [context.Process(target=edit_for, args=(*desks[n], SECONDS, unit_ids, n, start, results))
                for n in range(3)]
    children += [context.Process(target=import_all, args=(*desks[n], order, start, results))
                 for n, order in ((3, packages), (4, packages[::-1]))]
    for child in children:
        child.start()
    reports: list[tuple[Any, ...]] = [results.get(timeout=300) for _ in children]
    for child in children:
        child.join(60)
    assert [c.exitcode for c in children] == [0] * 5

    hub.first = Workspace.open(first_path, PASSPHRASE, "李主任")
    edits = [r for r in reports if r[0] == "edits"]
    saves: dict[str, int] = {}
    for _kind, _station, done, _refused, _busy, _created in edits:
        for unit_id, count in done.items():
            saves[unit_id] = saves.get(unit_id, 0) + count
    assert sum(saves.values()) > 30, edits  # the clerks did work (and were refused now and then: see the report)
    with hub.first.transaction() as s:
        counters = {u: int(KINDS["unit"].get(s, u).contact_person.removeprefix("计数")) for u in unit_ids}
        created = s.scalar(select(func.count()).select_from(KINDS["unit"].model)
                           .where(KINDS["unit"].model.name.like("%新单位%")))
    assert counters == {u: saves.get(u, 0) for u in unit_ids}
    assert created == sum(r[5] for r in edits)
    assert sum(r[2] for r in reports if r[0] == "imports") == laptop_changes
    assert chain_problems(hub.first) == []

    replica = make(tmp_path / "replica", "核对副本")
    trust_all([replica, hub.first, *laptops])
    sync_service.import_(replica, send(hub.first, replica, tmp_path, everything=True))
    hub_dump, replica_dump = dump(hub.first), dump(replica)
    # Each copy seeded the default vocabulary and the shipped 定性依据 itself (same ids, own creation times):
    # compared once exchanged.
    for table in hub_dump:
        if table not in ("vocabulary_terms", "rules"):
            assert hub_dump[table] == replica_dump[table], table
    sync_service.import_(hub.first, send(replica, hub.first, tmp_path))
    assert dump(hub.first) == dump(replica)
    for ws in (*laptops, replica):
        ws.close()
