"""Each family's own rules: status paths, what a step needs, locks, confidentiality."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy.orm import Session

from xuncha_desktop.db.capture import CONTEXT_KEY
from xuncha_desktop.errors import ValidationError
from xuncha_desktop.security.roles import Role, User
from xuncha_desktop.services import permissions
from xuncha_desktop.services.interviews import service as interviews
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.services.petitions import service as petitions
from xuncha_desktop.services.problems import service as problem_service

CHINA = dt.timezone(dt.timedelta(hours=8))


def _clue(session: Session, ids: dict[str, str]) -> Any:
    return KINDS["clue"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                          "source_kind": "个别谈话", "description": "某科长违规收受礼金。"})


def _problem(session: Session, ids: dict[str, str]) -> Any:
    return KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                             "category": "strict_governance", "statement": "落实主体责任不到位。",
                                             "in_feedback": True})


def test_clue_walks_its_path_to_conclusion(session: Session, ids: dict[str, str]) -> None:
    clues = KINDS["clue"]
    clue = _clue(session, ids)
    assert clue.status == "registered"
    for step in ("了解核实", "研判"):
        clues.set_status(session, clue.id, step)
    clues.set_status(session, clue.id, "移交", receiving_body="市纪委监委")
    clues.set_status(session, clue.id, "办结", result="已立案审查。")
    assert clues.get(session, clue.id).status == "done"


def test_clue_cannot_skip_steps(session: Session, ids: dict[str, str]) -> None:
    clue = _clue(session, ids)
    with pytest.raises(ValidationError) as caught:
        KINDS["clue"].set_status(session, clue.id, "办结")
    assert caught.value.field == "status"
    assert "登记" in caught.value.text("zh") and "了解核实" in caught.value.text("zh")
    assert "Registered" in caught.value.text("en") and "verifying" in caught.value.text("en")


@pytest.mark.parametrize(("disposition", "code"), [("谈话函询", "talk_inquiry"), ("初步核实", "preliminary_check"),
                                                 ("暂存待查", "pending"), ("予以了结", "closed_off"),
                                                 ("立行立改", "immediate")])
def test_every_disposition_is_reachable_from_analysis(session: Session, ids: dict[str, str],
                                                       disposition: str, code: str) -> None:
    clues = KINDS["clue"]
    clue = _clue(session, ids)
    clues.set_status(session, clue.id, "verifying")
    clues.set_status(session, clue.id, "analysing")
    assert clues.set_status(session, clue.id, disposition).status == code
    assert clues.get(session, clue.id).status == code
    done = clues.set_status(session, clue.id, "done", result="办结。")
    assert (done.status, done.result) == ("done", "办结。")
    assert clues.allowed_next("done") == []


def test_transfer_needs_the_receiving_body(session: Session, ids: dict[str, str]) -> None:
    clue = _clue(session, ids)
    KINDS["clue"].set_status(session, clue.id, "verifying")
    KINDS["clue"].set_status(session, clue.id, "analysing")
    with pytest.raises(ValidationError) as caught:
        KINDS["clue"].set_status(session, clue.id, "transferred")
    assert caught.value.field == "receiving_body" and "接收单位" in caught.value.text("zh")
    assert KINDS["clue"].get(session, clue.id).status == "analysing"


def test_a_new_record_starts_at_the_first_status(session: Session, ids: dict[str, str]) -> None:
    with pytest.raises(ValidationError) as caught:
        KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                          "category": "line_policy", "statement": "x", "status": "rectified"})
    assert caught.value.field == "status"


def test_problem_rectification_path_and_history(session: Session, ids: dict[str, str]) -> None:
    problems = problem_service
    problem = _problem(session, ids)
    with pytest.raises(ValidationError) as caught:
        problems.set_status(session, problem.id, "整改中")
    assert caught.value.field == "measures"
    problems.set_status(session, problem.id, "整改中", measures="制定整改方案，逐项销号。")
    with pytest.raises(ValidationError) as caught:
        problems.set_status(session, problem.id, "整改到位")
    assert caught.value.field == "proof"
    problems.set_status(session, problem.id, "整改到位", proof="整改报告及制度文件。")
    done = problems.get(session, problem.id)
    assert done.status == "rectified" and done.rectified_on is not None
    with pytest.raises(ValidationError):
        problems.set_status(session, problem.id, "未整改")
    problems.set_status(session, problem.id, "暂未整改到位", remark="督查发现制度未执行。")
    history = [(u.status_before, u.status_after) for u in problems.updates(session, problem.id)]
    assert history == [("open", "in_progress"), ("in_progress", "rectified"), ("rectified", "not_rectified")]
    assert problems.get(session, problem.id).rectified_on is None


def test_interview_needs_two_interviewers(session: Session, ids: dict[str, str]) -> None:
    with pytest.raises(ValidationError) as caught:
        KINDS["interview"].create(session, {"unit_id": ids["unit"], "interviewee_name": "李明",
                                            "interviewee_category": "班子成员", "started_at": "2020-04-10T09:00",
                                            "interviewers": "赵刚"})
    assert caught.value.field == "interviewers"


def test_signed_interview_locks_its_text(session: Session, ids: dict[str, str]) -> None:
    interview = KINDS["interview"].create(session, {
        "unit_id": ids["unit"], "interviewee_name": "李明", "interviewee_category": "班子成员",
        "started_at": "2020-04-10T09:00", "ended_at": "2020-04-10T10:30", "interviewers": "赵刚、钱敏",
        "record_text": "问：……\n答：……"})
    assert interview.started_at.utcoffset() is not None
    interviews.sign(session, interview.id, dt.datetime(2020, 4, 10, 10, 40, tzinfo=CHINA))
    with pytest.raises(ValidationError) as caught:
        interviews.update(session, interview.id, {"record_text": "改过的记录"})
    assert caught.value.field == "record_text" and "锁定" in caught.value.text("zh")
    interviews.update(session, interview.id, {"place": "巡察组驻点谈话室"})
    with pytest.raises(ValidationError):
        interviews.update(session, interview.id, {"signed": False})


def test_named_petition_needs_its_petitioner(session: Session, ids: dict[str, str]) -> None:
    base = {"channel": "来信", "received_at": "2020-09-20T10:00", "summary": "反映小区办证难。",
            "unit_id": ids["unit"]}
    with pytest.raises(ValidationError) as caught:
        petitions.create(session, base)
    assert caught.value.field == "petitioner_name"
    petitions.create(session, {**base, "anonymous": True})
    first = petitions.create(session, {**base, "petitioner_name": "周某某"})
    second = petitions.create(session, {**base, "petitioner_name": "周某某", "channel": "来访"})
    third = petitions.create(session, {**base, "petitioner_name": "周某某", "channel": "来电"})
    petitions.mark_repeat(session, second.id, first.id)
    petitions.mark_repeat(session, third.id, second.id)
    assert petitions.repeat_family(session, first.id) == {first.id, second.id, third.id}


def test_one_working_paper_per_problem(session: Session, ids: dict[str, str]) -> None:
    problem = _problem(session, ids)
    papers = KINDS["paper"]
    paper = papers.create(session, {"unit_id": ids["unit"], "problem_id": str(problem.id), "title": "底稿一"})
    with pytest.raises(ValidationError):
        papers.create(session, {"unit_id": ids["unit"], "problem_id": str(problem.id), "title": "底稿二"})
    # who checked and signed off is the acting person, recorded by the service, never typed in
    with pytest.raises(ValidationError) as caught:
        papers.set_status(session, paper.id, "checked", checked_by="钱敏")
    assert caught.value.field == "checked_by"
    with permissions.acting_as(session, User("钱敏", Role.DEPUTY)):
        papers.set_status(session, paper.id, "checked")
    papers.set_status(session, paper.id, "approved")
    assert (paper.checked_by, paper.approved_by) == ("钱敏", session.info[CONTEXT_KEY].actor)


def test_group_members_and_units(session: Session, ids: dict[str, str]) -> None:
    groups = KINDS["group"]
    data = groups.to_dict(session, groups.get(session, ids["group"]))
    assert [m["role"] for m in data["members"]] == ["leader", "deputy", "member"]
    assert data["unit_ids"] == [ids["unit"]]
    groups.update(session, ids["group"], {"members": [{"name": "赵刚", "role": "组长"},
                                                      {"name": "孙丽", "role": "联络员"}], "unit_ids": []})
    data = groups.to_dict(session, groups.get(session, ids["group"]))
    assert [m["name"] for m in data["members"]] == ["赵刚", "孙丽"] and data["unit_ids"] == []
    with pytest.raises(ValidationError):
        groups.update(session, ids["group"], {"members": [{"name": "x", "role": "司机"}]})


def test_a_signed_interview_cannot_be_deleted(session: Session, ids: dict[str, str]) -> None:
    interview = KINDS["interview"].create(session, {
        "unit_id": ids["unit"], "interviewee_name": "李明", "interviewee_category": "staff",
        "started_at": "2020-04-10T09:00", "interviewers": "赵刚、钱敏"})
    interviews.sign(session, interview.id, dt.datetime(2020, 4, 10, 10, 0, tzinfo=CHINA))
    with pytest.raises(ValidationError):
        interviews.delete(session, interview.id)
    assert interviews.get(session, interview.id).signed
