"""Search finds Chinese terms of one, two and more characters, in every searchable family."""

from __future__ import annotations

import importlib

import pytest
from sqlalchemy import text
from sqlalchemy.orm import Session

from xuncha_desktop.db import search_index, seed
from xuncha_desktop.services import search
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.services.records import Filter
from xuncha_desktop.workspace import Workspace

CREATE_STATEMENTS = importlib.import_module(
    "xuncha_desktop.db.migrations.versions.0001_initial_schema").CREATE_STATEMENTS


@pytest.fixture
def records(session: Session, ids: dict[str, str]) -> dict[str, str]:
    interview = KINDS["interview"].create(session, {
        "unit_id": ids["unit"], "interviewee_name": "李明", "interviewee_category": "中层干部",
        "started_at": "2020-04-10T09:00", "interviewers": ["赵刚", "钱敏"],
        "record_text": "问：单位有没有违规发放津贴？\n答：去年年底发过一次加班补贴，标准是每人2000元。"})
    petition = KINDS["petition"].create(session, {
        "channel": "来信", "received_at": "2020-09-20T10:00", "anonymous": True, "petitioner_name": None,
        "summary": "反映阳光花园小区业主办证难，开发商欠缴土地出让金。"})
    clue = KINDS["clue"].create(session, {"unit_id": ids["unit"], "source_kind": "interview",
                                          "description": "某科长在工程验收中收受礼金。"})
    problem = KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                                "category": "line_policy", "statement": "落实减税降费政策不到位。"})
    return {"interview": str(interview.id), "petition": str(petition.id), "clue": str(clue.id),
            "problem": str(problem.id)}


def _found(session: Session, text: str) -> set[tuple[str, str]]:
    return {(hit.kind, str(hit.id)) for hit in search.search(session, text)}


@pytest.mark.parametrize(("term", "kind"), [
    ("证", "petition"),          # one character
    ("办证", "petition"),        # two characters: the case SQLite's trigram index misses
    ("礼金", "clue"),
    ("津贴", "interview"),
    ("政策", "problem"),
    ("土地出让金", "petition"),  # longer
    ("2000", "interview"),       # digits
])
def test_terms_of_any_length_are_found(session: Session, records: dict[str, str], term: str, kind: str) -> None:
    assert (kind, records[kind]) in _found(session, term)


def test_only_records_holding_the_whole_term_match(session: Session, records: dict[str, str]) -> None:
    assert _found(session, "办证") == {("petition", records["petition"])}
    assert _found(session, "证办") == set()          # both characters present, but not together
    assert _found(session, "礼金 工程") == {("clue", records["clue"])}  # every term must be present
    assert _found(session, "礼金 政策") == set()
    assert _found(session, "  ，。") == set()


def test_index_follows_edits_and_deletions(session: Session, records: dict[str, str]) -> None:
    KINDS["clue"].update(session, records["clue"], {"description": "某科长在招标中泄露标底。"})
    assert _found(session, "礼金") == set()
    assert ("clue", records["clue"]) in _found(session, "标底")
    KINDS["clue"].delete(session, records["clue"])
    assert _found(session, "标底") == set()


def test_petitioner_identity_is_not_searchable(session: Session, ids: dict[str, str]) -> None:
    KINDS["petition"].create(session, {"channel": "来访", "received_at": "2020-09-21T10:00",
                                       "petitioner_name": "欧阳秀英", "petitioner_contact": "13800000000",
                                       "summary": "反映分户登记久拖不办。"})
    assert _found(session, "欧阳秀英") == set()
    assert _found(session, "13800000000") == set()


def test_list_search_combines_with_filters(session: Session, records: dict[str, str]) -> None:
    found = KINDS["problem"].find(session, [Filter.parse("category=line_policy")], search="降费")
    assert [str(p.id) for p in found] == [records["problem"]]
    assert KINDS["problem"].find(session, [Filter.parse("category=team_building")], search="降费") == []


def test_rebuild_gives_the_same_answers(session: Session, records: dict[str, str]) -> None:
    before = _found(session, "办证")
    assert search_index.rebuild(session) == 4 + len(seed.RULES)  # the four records and the shipped 定性依据
    assert _found(session, "办证") == before


def test_working_papers_and_evidence_titles_are_searched(session: Session, ids: dict[str, str]) -> None:
    paper = KINDS["paper"].create(session, {"unit_id": ids["unit"], "title": "关于公车私用问题的底稿",
                                            "summary": "经查，2019年公务用车12次用于私事。"})
    evidence = KINDS["evidence"].create(session, {"unit_id": ids["unit"], "title": "公务用车登记簿复印件"})
    assert _found(session, "公车私用") == {("paper", str(paper.id))}
    assert _found(session, "用车") == {("paper", str(paper.id)), ("evidence", str(evidence.id))}


def test_results_are_grouped_by_kind_with_a_count_each_and_more_on_demand(
        session: Session, ids: dict[str, str]) -> None:
    problems = [KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                                  "category": "line_policy", "statement": f"公车管理问题第{i}项。"})
                for i in range(7)]
    KINDS["clue"].create(session, {"unit_id": ids["unit"], "source_kind": "interview", "description": "公车私用。"})
    groups = search.search_by_kind(session, "公车", per_kind=3)
    assert [(g.kind, g.count, len(g.hits)) for g in groups] == [("clue", 1, 1), ("problem", 7, 3)]
    problem_group = groups[1]
    # newest first, and each hit says which unit it belongs to
    assert [h.id for h in problem_group.hits] == [p.id for p in reversed(problems)][:3]
    assert {h.unit_id for h in problem_group.hits} == {problems[0].unit_id}
    rest = search.page(session, "公车", "problem", offset=3, limit=10)
    assert [h.id for h in rest] == [p.id for p in reversed(problems)][3:]
    assert search.count_matches(session, "公车 私用", "problem") == 0
    assert search.search_by_kind(session, "，。") == []


def test_an_index_of_an_older_layout_is_rebuilt_at_open(workspace: Workspace, ids: dict[str, str]) -> None:
    with workspace.transaction() as session:
        problem = KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                                    "category": "line_policy", "statement": "公车私用。"})
    assert search_index.ensure_current(workspace.engine) is None  # current: nothing to do
    with workspace.engine.begin() as connection:  # the layout of migration 0001, as older programs left it
        for statement in ("DROP TABLE search_index", "DROP TABLE search_rows", "DROP TABLE search_meta",
                          *CREATE_STATEMENTS):
            connection.execute(text(statement))
    assert search_index.ensure_current(workspace.engine) == 1 + len(seed.RULES)  # and the shipped 定性依据
    with workspace.session() as session:
        assert _found(session, "公车") == {("problem", str(problem.id))}


def test_counts_stop_at_the_cap_and_say_so(session: Session, ids: dict[str, str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(7):
        KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                          "category": "line_policy", "statement": f"公车问题{n}"})
    monkeypatch.setattr(search, "COUNT_CAP", 3)
    (group,) = search.search_by_kind(session, "公车", per_kind=2)
    assert (group.count, group.capped, len(group.hits)) == (3, True, 2)  # "3+": counting stopped there
    assert len(search.page(session, "公车", "problem", 2, 50)) == 5  # every match can still be read
    assert search.count_matches(session, "公车", "problem") == 7
