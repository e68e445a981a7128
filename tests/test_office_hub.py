"""The office hub: the same services on a real PostgreSQL server (tests/postgres.py: a database per test)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.postgres import fresh_database
from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.services import search
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.services.stats import round_figures
from xuncha_desktop.workspace import Workspace

pytestmark = pytest.mark.postgres


@pytest.fixture
def hub(tmp_path: Path) -> Iterator[Workspace]:
    with fresh_database() as url:
        ws = Workspace.create(tmp_path / "hub", "巡察办-汇总", PASSPHRASE, kdf=KdfParams.cheap(), database_url=url)
        yield ws
        ws.close()


def test_records_rules_search_and_figures_work_on_postgresql(hub: Workspace) -> None:
    with hub.transaction() as s:
        the_round = KINDS["round"].create(s, {"name": "第八轮", "kind": "regular"})
        unit = KINDS["unit"].create(s, {"name": "娄底市审计局", "party_org_kind": "党组"})
        KINDS["group"].create(s, {"round_id": str(the_round.id), "name": "市委第二巡察组",
                                  "unit_ids": [str(unit.id)], "members": [{"name": "赵刚", "role": "组长"}]})
        problem = KINDS["problem"].create(s, {"round_id": str(the_round.id), "unit_id": str(unit.id),
                                              "category": "line_policy", "statement": "审计整改落实不到位。",
                                              "in_feedback": True})
        KINDS["problem"].set_status(s, problem.id, "in_progress", measures="制定方案")
        KINDS["problem"].set_status(s, problem.id, "rectified", proof="整改报告")
    path = hub.path
    hub.close()
    with Workspace.open(path, PASSPHRASE) as again, again.transaction() as s:
        assert [hit.id for hit in search.search(s, "审计")] == [problem.id]
        assert [hit.id for hit in search.search(s, "审")] == [problem.id]
        figures = round_figures(s, the_round.id)
        assert (figures.units, figures.problems_rectified, figures.rectification_rate) == (1, 1, 1.0)
        assert len(KINDS["problem"].get(s, problem.id).field_hlc) > 5


def test_the_hub_imports_laptop_packages_as_a_sqlite_office_does(hub: Workspace, tmp_path: Path) -> None:
    """Packages of two laptops merged into the PostgreSQL hub give the same data as into a SQLite office;
    re-importing changes nothing; a conflict settled on the hub travels back to a laptop."""
    from tests.conftest import _frame
    from tests.sync.helpers import dump, make, send, trust_all
    from xuncha_desktop.services import sync as sync_service
    from xuncha_desktop.services.evidence import service as evidence_service
    from xuncha_desktop.services.verify import verify

    a, b, office = make(tmp_path / "a", "笔记本A"), make(tmp_path / "b", "笔记本B"), make(tmp_path / "o", "办公室")
    trust_all([a, b, office, hub])
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 signed record " * 500)
    with a.transaction() as s:
        ids = _frame(s, KINDS)
        evidence_service.add_file(s, a.evidence, scan, {"title": "谈话记录扫描件"}, [])
    sync_service.import_(b, send(a, b, tmp_path))
    with a.transaction() as s:
        KINDS["unit"].update(s, ids["unit"], {"contact_person": "王芳"})
    with b.transaction() as s:
        KINDS["unit"].update(s, ids["unit"], {"contact_person": "王方"})
        KINDS["unit"].create(s, {"name": "娄底市自然资源和规划局"})
    for laptop in (a, b):
        for target in (hub, office):
            summary = sync_service.import_(target, send(laptop, target, tmp_path))
            assert summary.changes_applied > 0
    # Each office made its own default vocabulary terms (same ids, own creation times); once they have
    # exchanged those too, both hold exactly the same.
    sync_service.import_(office, send(hub, office, tmp_path))
    sync_service.import_(hub, send(office, hub, tmp_path))
    assert dump(hub) == dump(office)
    again = sync_service.import_(hub, send(b, hub, tmp_path, everything=True))
    assert (again.changes_applied, again.records_added, again.conflicts) == (0, 0, 0)
    assert dump(hub) == dump(office)
    with hub.transaction() as s:
        assert verify(s, hub.evidence).ok
        (conflict,) = sync_service.conflicts(s)
        assert conflict.field == "contact_person"
        sync_service.resolve(s, str(conflict.id), value="王芳（办公室）", use_value=True)
    sync_service.import_(a, send(hub, a, tmp_path))
    with a.transaction() as s:
        assert KINDS["unit"].get(s, ids["unit"]).contact_person == "王芳（办公室）"
        assert sync_service.conflicts(s) == []
    for ws in (a, b, office):
        ws.close()
