"""Shared fixtures: a real encrypted workspace in a temporary folder per test (cheap KDF)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from sqlalchemy.orm import Session

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XUNCHA_LANG"] = "zh"

from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.workspace import Workspace

if TYPE_CHECKING:
    from xuncha_desktop.services.records import RecordService

PASSPHRASE = "巡察口令 correct horse"


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A laptop's workspace; with XUNCHA_TEST_ON_HUB=1, the first station of an office hub on the test server
    instead (same user and role), so any test's flows can be run against PostgreSQL (docs/hub.md)."""
    if os.environ.get("XUNCHA_TEST_ON_HUB"):
        from tests.postgres import fresh_database
        from xuncha_desktop import hub
        from xuncha_desktop.security.roles import Role

        with fresh_database() as url:
            ws = hub.create(tmp_path / "ws", "第六巡察组-笔记本1", PASSPHRASE, url, "一号工作站",
                            evidence_store=tmp_path / "shared-evidence", user_name="张伟", kdf=KdfParams.cheap(),
                            role=Role.LEADER)
            yield ws
            ws.close()
        return
    ws = Workspace.create(tmp_path / "ws", "第六巡察组-笔记本1", PASSPHRASE, kdf=KdfParams.cheap(),
                          user_name="张伟")
    yield ws
    ws.close()


@pytest.fixture
def session(workspace: Workspace) -> Iterator[Session]:
    """A session whose work is rolled back at the end, unless the test commits it."""
    with workspace.session() as s:
        yield s


@pytest.fixture
def ids(workspace: Workspace) -> dict[str, str]:
    """A round, a unit and a group inspecting it (committed): the frame most records need."""
    from xuncha_desktop.services.kinds import KINDS

    with workspace.transaction() as session:
        return _frame(session, KINDS)


def _frame(session: Session, KINDS: dict[str, RecordService[Any]]) -> dict[str, str]:
    the_round = KINDS["round"].create(session, {"name": "五届市委第八轮巡察", "kind": "regular",
                                                "start_date": "2020-04-01", "end_date": "2020-06-30"})
    unit = KINDS["unit"].create(session, {"name": "娄底市住房和城乡建设局",
                                          "party_org": "中共娄底市住房和城乡建设局党组", "party_org_kind": "党组"})
    group = KINDS["group"].create(session, {"round_id": str(the_round.id), "name": "市委第六巡察组",
                                            "members": [{"name": "赵刚", "role": "组长"},
                                                        {"name": "钱敏", "role": "副组长"},
                                                        {"name": "张伟", "role": "组员"}],
                                            "unit_ids": [str(unit.id)]})
    return {"round": str(the_round.id), "unit": str(unit.id), "group": str(group.id)}
