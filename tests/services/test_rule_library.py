"""定性依据: the shipped rules every workspace holds (and gets when opened after an upgrade), a group's own
entries, search, and citing them from a problem or a working paper."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from tests.conftest import PASSPHRASE
from xuncha_desktop.db import seed
from xuncha_desktop.db.models import Change, Rule
from xuncha_desktop.errors import InvalidRequest, ValidationError
from xuncha_desktop.services import links, search
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.workspace import Workspace


def test_a_new_workspace_holds_the_shipped_rules_with_their_editions(session: Session) -> None:
    rules = KINDS["rule"].find(session)
    assert len(rules) == len(seed.RULES) >= 13
    assert {r.id for r in rules} == {seed.default_rule_id(d, a) for d, _e, a, _t in seed.RULES}  # same on every laptop
    for rule in rules:
        assert rule.document.startswith("《") and rule.document.endswith("》")
        assert rule.edition and rule.text.endswith("。")
    eighth = next(r for r in rules if r.article == "第八项")
    assert eighth.edition == "2012年12月4日中央政治局会议审议通过"
    assert KINDS["rule"].title(eighth) == ("《十八届中央政治局关于改进工作作风、密切联系群众的八项规定》"
                                          "（2012年12月4日中央政治局会议审议通过）第八项")
    # In the list's order: by document, then as shipped.
    assert [r.article for r in rules if "八项规定" in r.document] == [f"第{n}项" for n in "一二三四五六七八"]


def test_a_workspace_without_them_gets_them_when_opened_and_a_deleted_one_stays_deleted(
        workspace: Workspace) -> None:
    with workspace.transaction() as s:
        deleted = KINDS["rule"].find(s)[0]
        KINDS["rule"].delete(s, deleted.id)
        kept = KINDS["rule"].find(s)[1].id
    with workspace.engine.begin() as connection:  # as a workspace made before the library was shipped
        lost = {"id": deleted.id.hex}
        connection.execute(text("DELETE FROM search_index WHERE rowid IN (SELECT rowid FROM search_rows "
                                "WHERE kind = 'rule' AND record_id != :id)"), lost)
        connection.execute(text("DELETE FROM search_rows WHERE kind = 'rule' AND record_id != :id"), lost)
        connection.execute(text("DELETE FROM rules WHERE id != :id"), lost)
    workspace.close()
    with Workspace.open(workspace.path, PASSPHRASE) as ws, ws.transaction() as s:
        live = {r.id for r in KINDS["rule"].find(s)}
        assert len(live) == len(seed.RULES) - 1 and kept in live and deleted.id not in live
        # Written through the session: their creation is in the change log, so edits of them travel.
        logged = s.scalar(select(func.count()).select_from(Change).where(Change.record_id == kept,
                                                                         Change.op == "insert"))
        assert logged == 2  # the first seeding and the one after the rows were lost
        assert seed.seed_defaults(s) == 0  # nothing more to add


def test_a_group_adds_its_own_entry_and_bad_input_is_refused(session: Session) -> None:
    made = KINDS["rule"].create(session, {"document": "中国共产党问责条例", "edition": "2019年修订",
                                          "article": "第七条", "text": "（条文由巡察组录入）"})
    assert made.document == "《中国共产党问责条例》"
    with pytest.raises(ValidationError) as refused:
        KINDS["rule"].create(session, {"document": "《中国共产党问责条例》", "article": "第八条"})
    assert refused.value.field == "text"
    assert session.scalar(select(func.count()).select_from(Rule).where(Rule.article == "第八条")) == 0


@pytest.mark.parametrize(("term", "article"), [("勤俭", "第八项"), ("民主集中制", "六、坚持民主集中制原则（摘录）"),
                                               ("文风", "第三项")])
def test_rules_are_found_by_chinese_search(session: Session, term: str, article: str) -> None:
    hits = search.search(session, term, kinds=["rule"])
    found = {session.get(Rule, hit.id).article for hit in hits}  # type: ignore[union-attr]
    assert article in found


def test_problems_and_papers_cite_rules_by_link(session: Session, ids: dict[str, str]) -> None:
    problem = KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                                "category": "line_policy", "statement": "公务接待超标准。"})
    paper = KINDS["paper"].create(session, {"unit_id": ids["unit"], "problem_id": str(problem.id),
                                            "title": "关于公务接待超标准的问题底稿"})
    rule = next(r for r in KINDS["rule"].find(session) if r.article == "第八项")
    assert links.link(session, "rule", rule.id, "problem", problem.id).relation == "cites"  # either order
    links.link(session, "paper", paper.id, "rule", rule.id)
    assert links.linked_ids(session, "rule", rule.id, "problem") == [problem.id]
    assert links.linked_ids(session, "paper", paper.id, "rule") == [rule.id]
    with pytest.raises(InvalidRequest):
        links.link(session, "rule", rule.id, "unit", ids["unit"])


def test_a_released_workspace_opens_with_the_library_and_its_paper_without_a_response(tmp_path: Path) -> None:
    # The revision-0003 fixture (a working paper among its records) migrated to 0010: the rules' table is
    # made, the shipped rules are added at open, the paper's new fields are empty.
    target = tmp_path / "ws"
    shutil.copytree(Path(__file__).parent.parent / "db" / "fixtures" / "workspace-0003", target)
    with Workspace.open(target, PASSPHRASE) as ws, ws.transaction() as s:
        assert len(KINDS["rule"].find(s)) == len(seed.RULES)
        paper = KINDS["paper"].find(s)[0]
        assert paper.unit_response is None and paper.unit_agrees is None
        assert KINDS["round"].find(s)[0].analysis is None
