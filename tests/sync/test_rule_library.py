"""定性依据 travel: a group's own entry, an edit of a shipped one and a paper's citation reach the other laptop;
the shipped entries both laptops seeded stay one record each.

Each laptop seeds the shipped entries itself (as it does the default vocabulary terms), so an edit of a
shipped entry made before the laptops first exchanged packages meets the other laptop's own seeding of the
same record: the edit wins, and the other laptop is shown the difference as a conflict to settle (docs/sync.md)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from tests.conftest import _frame
from tests.sync.conftest import Pair
from tests.sync.helpers import digest, send
from xuncha_desktop.db import seed
from xuncha_desktop.db.models import Rule
from xuncha_desktop.services import links
from xuncha_desktop.services import sync as sync_service
from xuncha_desktop.services.kinds import KINDS


def test_rules_edits_and_citations_travel_and_shipped_entries_stay_single(pair: Pair, tmp_path: Path) -> None:
    a, b = pair
    with a.transaction() as s:
        ids = _frame(s, KINDS)
        own = KINDS["rule"].create(s, {"document": "中国共产党问责条例", "edition": "2019年修订", "article": "第七条",
                                       "text": "（由巡察组按正式文本录入）"})
        shipped = next(r for r in KINDS["rule"].find(s) if r.article == "第八项")
        KINDS["rule"].update(s, shipped.id, {"position": 99})
        paper = KINDS["paper"].create(s, {"unit_id": ids["unit"], "title": "关于公务接待超标准的问题底稿",
                                          "summary": "经查，2019年超标准接待3次。"})
        links.link(s, "paper", paper.id, "rule", own.id)
        links.link(s, "paper", paper.id, "rule", shipped.id)
    summary = sync_service.import_(b, send(a, b, tmp_path))
    with b.transaction() as s:
        found = [(c.table_name, c.record_id, c.field, c.kept_value, c.other_value)
                 for c in sync_service.conflicts(s)]
        assert summary.conflicts == 1 and found == [("rules", shipped.id, "position", 99, 7)]
        assert s.scalar(select(func.count()).select_from(Rule)) == len(seed.RULES) + 1  # no duplicates
        assert KINDS["rule"].get(s, own.id).document == "《中国共产党问责条例》"
        assert KINDS["rule"].get(s, shipped.id).position == 99
        assert sorted(links.linked_ids(s, "paper", paper.id, "rule")) == sorted([own.id, shipped.id])
    sync_service.import_(a, send(b, a, tmp_path))
    assert digest(a) == digest(b)


def test_a_paper_written_without_a_summary_travels(pair: Pair, tmp_path: Path) -> None:
    # A paper created with no summary stores its field's default "" (not NULL); the receiver used to refuse
    # the whole package for it (field_not_canonical). The default is what this program stores: accepted.
    a, b = pair
    with a.transaction() as s:
        ids = _frame(s, KINDS)
        paper = KINDS["paper"].create(s, {"unit_id": ids["unit"], "title": "关于公务接待超标准的问题底稿"})
        assert paper.summary == ""
    summary = sync_service.import_(b, send(a, b, tmp_path))
    assert summary.conflicts == 0
    with b.transaction() as s:
        assert KINDS["paper"].get(s, paper.id).summary == ""
    sync_service.import_(a, send(b, a, tmp_path))
    assert digest(a) == digest(b)
