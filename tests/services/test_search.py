"""Search finds Chinese terms of one, two and more characters, in every searchable family."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from xuncha_desktop.db import search_index
from xuncha_desktop.services import search
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.services.records import Filter


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
    assert search_index.rebuild(session) == 4
    assert _found(session, "办证") == before
