"""A feedback draft travels between two laptops: its items arrive in the group's order, and two members
editing two items (one rewriting a summary, the other reordering) merge without a conflict into the same
draft on both sides; one item edited on both sides is a conflict a person settles, not a silent loss."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from tests.sync.conftest import Pair
from tests.sync.helpers import digest, send
from xuncha_desktop.db.models import SyncConflict
from xuncha_desktop.services import feedback_drafts as drafts
from xuncha_desktop.services import sync as sync_service
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.workspace import Workspace


def exchange(a: Workspace, b: Workspace, folder: Path) -> None:
    sync_service.import_(b, send(a, b, folder))
    sync_service.import_(a, send(b, a, folder))


def summaries(ws: Workspace, draft_id: str) -> list[str]:
    with ws.session() as s:
        return [i.summary for i in drafts.items(s, draft_id)]


def test_a_draft_syncs_and_two_edits_merge(pair: Pair, tmp_path: Path) -> None:
    a, b = pair
    with a.transaction() as s:
        the_round = KINDS["round"].create(s, {"name": "五届市委第八轮巡察", "kind": "regular"})
        unit = KINDS["unit"].create(s, {"name": "娄底市财政局"})
        for number, statement in enumerate(("财务管理制度执行不严，2019年报销手续不全12笔。",
                                            "公务用车管理不规范，2019年无派车单8次。",
                                            "政府采购管理不规范，2019年化整为零3个项目。"), 1):
            KINDS["problem"].create(s, {"round_id": str(the_round.id), "unit_id": str(unit.id),
                                        "number": f"{number:03d}", "category": "strict_governance",
                                        "statement": statement, "in_feedback": True})
        draft = drafts.create_from_problems(s, unit.id, the_round.id, documents_reviewed=120)
        draft_id = str(draft.id)
    exchange(a, b, tmp_path)
    assert summaries(b, draft_id) == summaries(a, draft_id) == [
        "财务管理制度执行不严。", "公务用车管理不规范。", "政府采购管理不规范。"]
    with b.session() as s:
        assert drafts.service.get(s, draft_id).documents_reviewed == 120

    # A rewrites the first item's summary; B moves the last item to the top, at the same time.
    with a.transaction() as s:
        drafts.update_item(s, drafts.items(s, draft_id)[0].id, summary="财务管理混乱。")
    with b.transaction() as s:
        last = drafts.items(s, draft_id)[2]
        drafts.move_item(s, last.id, -2)
    exchange(a, b, tmp_path)
    assert summaries(a, draft_id) == summaries(b, draft_id) == ["政府采购管理不规范。", "财务管理混乱。",
                                                                "公务用车管理不规范。"]
    assert digest(a) == digest(b)
    with a.session() as s:
        assert list(s.scalars(select(SyncConflict).where(SyncConflict.state == "open"))) == []

    # Both rewrite the same item's requirement: kept as a conflict on both sides, the same one.
    with a.transaction() as s:
        drafts.update_item(s, drafts.items(s, draft_id)[0].id, requirement="甲的整改要求。")
    with b.transaction() as s:
        drafts.update_item(s, drafts.items(s, draft_id)[0].id, requirement="乙的整改要求。")
    exchange(a, b, tmp_path)
    sync_service.import_(b, send(a, b, tmp_path))
    assert digest(a) == digest(b)
    with a.session() as s:
        open_ = list(s.scalars(select(SyncConflict).where(SyncConflict.state == "open")))
        assert [(c.table_name, c.field) for c in open_] == [("feedback_items", "requirement")]
