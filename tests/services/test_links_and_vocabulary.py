"""Links between records and per-round vocabularies."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from xuncha_desktop.errors import InvalidRequest, ValidationError
from xuncha_desktop.services import links, vocabulary
from xuncha_desktop.services.kinds import KINDS


def test_link_in_either_order_is_one_link(session: Session, ids: dict[str, str]) -> None:
    clue = KINDS["clue"].create(session, {"unit_id": ids["unit"], "source_kind": "petition", "description": "x"})
    problem = KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                                "category": "line_policy", "statement": "y"})
    one = links.link(session, "problem", problem.id, "clue", clue.id)
    two = links.link(session, "clue", clue.id, "problem", problem.id)
    assert one.id == two.id and one.relation == "based_on"
    assert [(item.kind, item.id) for item in links.linked(session, "clue", clue.id)] == [("problem", problem.id)]
    assert links.unlink(session, "clue", clue.id, "problem", problem.id)
    assert links.linked(session, "clue", clue.id) == []
    again = links.link(session, "clue", clue.id, "problem", problem.id)
    assert again.id == one.id and not again.deleted


def test_links_that_make_no_sense_are_refused(session: Session, ids: dict[str, str]) -> None:
    with pytest.raises(InvalidRequest) as caught:
        links.link(session, "round", ids["round"], "unit", ids["unit"])
    assert "巡察轮次" in caught.value.text("zh")


def test_round_vocabulary_replaces_the_defaults(session: Session, ids: dict[str, str]) -> None:
    codes = [t.code for t in vocabulary.terms(session, "problem_category")]
    assert codes == ["line_policy", "strict_governance", "team_building", "rectification"]
    round_id = KINDS["round"].get(session, ids["round"]).id
    vocabulary.copy_defaults_to_round(session, "problem_category", round_id)
    vocabulary.add_term(session, "problem_category", "petition_handling", "信访突出问题办理情况",
                        round_id=round_id)
    problem = KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                                "category": "信访突出问题办理情况", "statement": "x"})
    assert problem.category == "petition_handling"
    other = KINDS["round"].create(session, {"name": "第九轮", "kind": "regular"})
    with pytest.raises(ValidationError) as caught:
        KINDS["problem"].create(session, {"round_id": str(other.id), "unit_id": ids["unit"],
                                          "category": "petition_handling", "statement": "x"})
    assert caught.value.field == "category"
    with pytest.raises(InvalidRequest):
        vocabulary.add_term(session, "problem_category", "petition_handling", "重复", round_id=round_id)
