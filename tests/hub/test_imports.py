"""Package imports on the hub while clerks work: the same package from two stations at once (two processes)
applies once; an import holds no lock a clerk's edit of another record needs."""

from __future__ import annotations

import multiprocessing
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from tests.conftest import PASSPHRASE, _frame
from tests.hub.children import import_at_station
from tests.hub.conftest import CLERK_PASSPHRASE, Hub
from tests.hub.test_stations import chain_problems
from tests.sync.helpers import dump, make, send, trust_all
from xuncha_desktop.db.models.changes import Change
from xuncha_desktop.services import sync as sync_service
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.sync import merge
from xuncha_desktop.workspace import Workspace

pytestmark = pytest.mark.postgres


@pytest.fixture
def laptop(tmp_path: Path, hub: Hub) -> Iterator[Workspace]:
    ws = make(tmp_path / "laptop", "第六巡察组-笔记本1")
    trust_all([ws, hub.first])
    with ws.transaction() as s:
        ids = _frame(s, KINDS)
        for n in range(30):
            KINDS["problem"].create(s, {"round_id": ids["round"], "unit_id": ids["unit"], "category": "line_policy",
                                        "statement": f"第{n}个问题：资金管理不规范。"})
    yield ws
    ws.close()


def test_the_same_package_imported_from_two_stations_at_once_applies_once(
        hub: Hub, laptop: Workspace, tmp_path: Path) -> None:
    second = hub.join("二号工作站")
    folders = [(hub.first.path, PASSPHRASE, "李主任"), (second.path, CLERK_PASSPHRASE, "王科员")]
    second.close()
    package = send(laptop, hub.first, tmp_path)
    path = hub.first.path
    hub.first.close()  # the desks' own processes open the stations
    context = multiprocessing.get_context("spawn")
    start, results = context.Barrier(2), context.Queue()
    children = [context.Process(target=import_at_station, args=(*f, package, start, results)) for f in folders]
    for child in children:
        child.start()
    for child in children:
        child.join(120)
    assert [c.exitcode for c in children] == [0, 0]
    outcomes = sorted((results.get(timeout=5), results.get(timeout=5)), key=lambda r: r[1])
    with laptop.transaction() as s:
        sent = s.scalar(select(func.count()).select_from(Change))
    # One applied every change; the other waited for it, then found them all present.
    assert [o[1] for o in outcomes] == [0, sent]
    assert outcomes[0][2] == sent
    hub.first = Workspace.open(path, PASSPHRASE, "李主任")
    assert chain_problems(hub.first) == []
    assert dump(hub.first)["problems"] == dump(laptop)["problems"]


def test_a_clerk_edits_and_creates_while_an_import_is_open_and_both_are_kept(
        hub: Hub, laptop: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    second = hub.join("二号工作站")
    with second.transaction() as s:
        unit = KINDS["unit"].create(s, {"name": "娄底市财政局"})
    package = send(laptop, hub.first, tmp_path)
    inside, release = threading.Event(), threading.Event()
    original = merge.apply_audit

    def paused(*args: Any, **kwargs: Any) -> None:
        # The import has written the package's changes and folded its records, in its open transaction.
        inside.set()
        assert release.wait(30)
        original(*args, **kwargs)

    monkeypatch.setattr(merge, "apply_audit", paused)
    imported: list[int] = []
    worker = threading.Thread(target=lambda: imported.append(sync_service.import_(hub.first, package).changes_applied))
    worker.start()
    assert inside.wait(60)
    started = time.monotonic()
    with second.transaction() as s:
        KINDS["unit"].update(s, unit.id, {"contact_person": "王芳"})
        KINDS["unit"].create(s, {"name": "娄底市教育局"})
    took = time.monotonic() - started
    release.set()
    worker.join(60)
    assert imported and imported[0] > 0
    # Not a speed test (bench/bench_hub.py measures it): the import stays open until released (up to 30 s),
    # so an edit that waited for it would have taken that long; this one finished while it was open.
    assert took < 10
    with hub.first.transaction() as s:
        names = {u.name: u.contact_person for u in KINDS["unit"].find(s)}
    assert names["娄底市财政局"] == "王芳" and "娄底市教育局" in names
    assert dump(hub.first)["problems"] == dump(laptop)["problems"]
    assert chain_problems(hub.first) == []
    second.close()
