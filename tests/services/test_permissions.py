"""The permission matrix at the service level: every action tried as every role.

The expected matrix is written out here a second time, from the brief (docs/permissions.md), so a change of
``services/permissions.MATRIX`` that nobody meant fails. Each attempt runs through the same service call the
command line and the window make, as a person of the role (``ws.user``); an allowed attempt passes the gate
(it may still be refused for its data, e.g. an unknown conflict, which proves the gate came first), a denied
one raises PermissionDenied naming the role and the action, and leaves the database, the evidence store and
the output folder exactly as they were.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tests.conftest import PASSPHRASE, _frame
from xuncha_desktop import hub
from xuncha_desktop.db.models import AuditEntry, SyncDevice
from xuncha_desktop.db.models.changes import Change
from xuncha_desktop.errors import PermissionDenied, ValidationError, XunchaError
from xuncha_desktop.security.keys import KdfParams
from xuncha_desktop.security.roles import SEES_IDENTITIES, Role, User
from xuncha_desktop.services import audit_log, backup, clearance, feedback_drafts, links, permissions, publishing, stats
from xuncha_desktop.services import sync as sync_service
from xuncha_desktop.services.evidence import service as evidence_service
from xuncha_desktop.services.interviews import service as interviews
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.services.permissions import Action
from xuncha_desktop.sync.dump import dump_digest
from xuncha_desktop.workspace import Workspace

L, D, M, LI, OF, RO = Role.LEADER, Role.DEPUTY, Role.MEMBER, Role.LIAISON, Role.OFFICE, Role.READONLY
EXPECTED: dict[Action, set[Role]] = {
    Action.VIEW_RECORDS: {L, D, M, LI, OF, RO},
    Action.EDIT_RECORDS: {L, D, M, OF},
    Action.EDIT_LOGISTICS: {L, D, M, LI, OF},
    Action.DRAFT_PAPER: {L, D, M},
    Action.CHECK_PAPER: {D},
    Action.RETURN_PAPER: {D, L},
    Action.SIGN_OFF_PAPER: {L},
    Action.DISPOSE: {L, OF},
    Action.DELETE_RECORDS: {L, OF},
    Action.VIEW_IDENTITY: {L, D, OF},
    Action.SETTLE_CONFLICTS: {L, OF},
    Action.EXCHANGE_PACKAGES: {L, LI, OF},
    Action.BACK_UP: {L, LI, OF},
    Action.ISSUE_DOCUMENTS: {L, D, OF},
    Action.READ_AUDIT: {L, OF},
    Action.MANAGE_USERS: {L, OF},
    Action.CLEAR_DEVICE: {L, OF},
    Action.VIEW_OVERVIEW: {L, D, OF, RO},
    Action.MANAGE_STATIONS: {L, OF},
    Action.DRAFT_FEEDBACK: {L, D, M, OF},
    Action.REVIEW_FEEDBACK: {L},
    Action.RETURN_FEEDBACK: {L, OF},
    Action.APPROVE_FEEDBACK: {OF},
}
NAMES = {L: "赵刚", D: "钱敏", M: "张伟", LI: "孙丽", OF: "周办", RO: "吴看"}


def test_the_matrix_is_the_one_written_down() -> None:
    assert set(permissions.MATRIX) == set(Action) == set(EXPECTED)
    for action in Action:
        for role in Role:
            assert permissions.allowed(role, action) == (role in EXPECTED[action]), (role, action)
    # the identity rule is the one of security/roles.py, and documents go exactly to those who see identities
    assert permissions.MATRIX[Action.VIEW_IDENTITY] == SEES_IDENTITIES == permissions.MATRIX[Action.ISSUE_DOCUMENTS]


# ---- the attempts ----------------------------------------------------------------------------------------
Prepared = dict[str, Any]


@dataclass(frozen=True)
class Attempt:
    label: str
    action: Action
    run: Callable[[Workspace, Session, Prepared], object]
    # what must exist first (made by the leader, committed), from the frame (round, unit, group)
    prepare: Callable[[Workspace, Session, Prepared], None] = lambda ws, s, p: None
    in_session: bool = True  # False: the call opens its own transactions (export, import, backup)
    # the refusal an allowed person gets for the attempt's data (proving the gate came before it), if any
    past_gate: str | None = None
    # a status step of this family: a person who may not even edit it is refused for editing
    step_of: str | None = None


def _clue(s: Session, p: Prepared, **more: Any) -> Any:
    return KINDS["clue"].create(s, {"round_id": p["round"], "unit_id": p["unit"], "source_kind": "个别谈话",
                                    "description": "某科长违规收受礼金。", **more})


def _problem(s: Session, p: Prepared) -> Any:
    return KINDS["problem"].create(s, {"round_id": p["round"], "unit_id": p["unit"], "category": "strict_governance",
                                       "statement": "落实主体责任不到位。", "in_feedback": True})


def _interview(s: Session, p: Prepared) -> Any:
    return interviews.create(s, {"round_id": p["round"], "unit_id": p["unit"], "interviewee_name": "王某",
                                 "interviewee_category": "一般干部", "kind": "必谈",
                                 "started_at": "2020-04-10T09:00:00+08:00", "interviewers": ["赵刚", "钱敏"],
                                 "record_text": "问：……答：……"})


def _paper(s: Session, p: Prepared, status: str = "draft") -> Any:
    paper = KINDS["paper"].create(s, {"round_id": p["round"], "unit_id": p["unit"], "title": "关于某问题的底稿"})
    if status in ("checked", "approved"):
        with permissions.acting_as(s, User(NAMES[D], D)):
            KINDS["paper"].set_status(s, paper.id, "checked")
    if status == "approved":
        KINDS["paper"].set_status(s, paper.id, "approved")
    return paper


def _unit_with_problems(s: Session, p: Prepared) -> Any:
    """A unit of its own (one draft per unit and round) with three problems: two of one finding, one other."""
    unit = KINDS["unit"].create(s, {"name": f"反馈单位-{p['role']}"})
    for statement in ("履行推进法治建设第一责任人职责不到位，2019年规范性文件审查不严。",
                      "履行推进法治建设第一责任人职责不到位，2020年行政复议被撤销2件。",
                      "公务用车管理不规范，2019年有12次公车使用无派车单。"):
        KINDS["problem"].create(s, {"round_id": p["round"], "unit_id": str(unit.id), "category": "strict_governance",
                                    "statement": statement, "in_feedback": True})
    return unit


def _draft(s: Session, p: Prepared, status: str = "draft") -> Any:
    """A feedback draft taken to ``status``: reviewed by the frame's person (the leader), then by the office."""
    draft = feedback_drafts.create_from_problems(s, _unit_with_problems(s, p).id, p["round"])
    steps = ["leader_reviewed", "office_reviewed", "final"]
    for step in steps[: steps.index(status) + 1] if status in steps else []:
        with permissions.acting_as(s, User(NAMES[L], L) if step == "leader_reviewed" else User(NAMES[OF], OF)):
            feedback_drafts.step(s, draft.id, step)
    return draft


def _first_items(s: Session, p: Prepared) -> list[str]:
    return [str(i.id) for i in feedback_drafts.items(s, p["draft"])]


def _keep(name: str, make: Callable[[Session, Prepared], Any]) -> Callable[[Workspace, Session, Prepared], None]:
    def prepare(_ws: Workspace, s: Session, p: Prepared) -> None:
        p[name] = str(make(s, p).id)
    return prepare


def _analysed_clue(s: Session, p: Prepared) -> Any:
    clue = _clue(s, p, receiving_body="市纪委监委")
    for step in ("verifying", "analysing"):
        KINDS["clue"].set_status(s, clue.id, step)
    return clue


def _transferred_clue(s: Session, p: Prepared) -> Any:
    clue = _analysed_clue(s, p)
    KINDS["clue"].set_status(s, clue.id, "transferred")
    return clue


def _evidence_file(ws: Workspace, s: Session, p: Prepared) -> object:
    source = p["tmp"] / "复印件.txt"
    source.write_text("党组会议记录", encoding="utf-8")
    return evidence_service.add_file(s, ws.evidence, source, {"title": "会议记录", "unit_id": p["unit"]})


def _both(make_a: Callable[[Session, Prepared], Any], name_a: str, make_b: Callable[[Session, Prepared], Any],
          name_b: str) -> Callable[[Workspace, Session, Prepared], None]:
    def prepare(_ws: Workspace, s: Session, p: Prepared) -> None:
        p[name_a], p[name_b] = str(make_a(s, p).id), str(make_b(s, p).id)
    return prepare


def _evidence_record(s: Session, p: Prepared) -> Any:
    return KINDS["evidence"].create(s, {"title": "会议记录", "unit_id": p["unit"]})


ATTEMPTS = [
    Attempt("read a unit", Action.VIEW_RECORDS, lambda ws, s, p: KINDS["unit"].read(s, p["unit"])),
    Attempt("create a clue", Action.EDIT_RECORDS, lambda ws, s, p: _clue(s, p)),
    Attempt("edit a problem", Action.EDIT_RECORDS,
            lambda ws, s, p: KINDS["problem"].update(s, p["problem"], {"statement": "改写的表述。"}),
            _keep("problem", _problem)),
    Attempt("an ordinary clue step (登记 → 了解核实)", Action.EDIT_RECORDS,
            lambda ws, s, p: KINDS["clue"].set_status(s, p["clue"], "verifying"), _keep("clue", _clue)),
    Attempt("create a round", Action.EDIT_RECORDS,
            lambda ws, s, p: KINDS["round"].create(s, {"name": "第九轮", "kind": "regular",
                                                        "start_date": "2020-09-01"})),
    Attempt("link a clue to a problem", Action.EDIT_RECORDS,
            lambda ws, s, p: links.link(s, "clue", p["clue"], "problem", p["problem"]),
            _both(_clue, "clue", _problem, "problem")),
    Attempt("create a petition", Action.EDIT_LOGISTICS,
            lambda ws, s, p: KINDS["petition"].create(s, {"round_id": p["round"], "unit_id": p["unit"],
                                                          "channel": "来信", "received_at": "2020-04-03T10:00:00+08:00",
                                                          "summary": "反映某科长违规收受礼金。", "anonymous": True})),
    Attempt("edit a unit", Action.EDIT_LOGISTICS,
            lambda ws, s, p: KINDS["unit"].update(s, p["unit"], {"contact_phone": "0738-8311111"})),
    Attempt("record an interview", Action.EDIT_LOGISTICS, lambda ws, s, p: _interview(s, p)),
    Attempt("sign an interview", Action.EDIT_LOGISTICS,
            lambda ws, s, p: interviews.sign(s, p["interview"], dt.datetime(2020, 4, 10, 11, tzinfo=dt.UTC)),
            _keep("interview", _interview)),
    Attempt("add an evidence file", Action.EDIT_LOGISTICS, _evidence_file),
    Attempt("link evidence to a clue", Action.EDIT_LOGISTICS,
            lambda ws, s, p: links.link(s, "evidence", p["evidence"], "clue", p["clue"]),
            _both(_evidence_record, "evidence", _clue, "clue")),
    Attempt("print an interview's record", Action.EDIT_LOGISTICS,
            lambda ws, s, p: publishing.interview(s, p["interview"]), _keep("interview", _interview)),
    Attempt("draft a working paper", Action.DRAFT_PAPER, lambda ws, s, p: _paper(s, p)),
    Attempt("edit a working paper", Action.DRAFT_PAPER,
            lambda ws, s, p: KINDS["paper"].update(s, p["paper"], {"summary": "补充的摘要。"}), _keep("paper", _paper)),
    Attempt("check a paper", Action.CHECK_PAPER,
            lambda ws, s, p: KINDS["paper"].set_status(s, p["paper"], "checked"), _keep("paper", _paper),
            step_of="paper"),
    Attempt("return a checked paper", Action.RETURN_PAPER,
            lambda ws, s, p: KINDS["paper"].set_status(s, p["paper"], "draft"),
            _keep("paper", lambda s, p: _paper(s, p, "checked")), step_of="paper"),
    Attempt("sign off a checked paper", Action.SIGN_OFF_PAPER,
            lambda ws, s, p: KINDS["paper"].set_status(s, p["paper"], "approved"),
            _keep("paper", lambda s, p: _paper(s, p, "checked")), step_of="paper"),
    Attempt("reopen a signed-off paper", Action.SIGN_OFF_PAPER,
            lambda ws, s, p: KINDS["paper"].set_status(s, p["paper"], "draft"),
            _keep("paper", lambda s, p: _paper(s, p, "approved")), step_of="paper"),
    Attempt("transfer a clue (移交)", Action.DISPOSE,
            lambda ws, s, p: KINDS["clue"].set_status(s, p["clue"], "transferred"), _keep("clue", _analysed_clue),
            step_of="clue"),
    Attempt("close off a clue (予以了结)", Action.DISPOSE,
            lambda ws, s, p: KINDS["clue"].set_status(s, p["clue"], "closed_off"), _keep("clue", _analysed_clue),
            step_of="clue"),
    Attempt("conclude a clue (办结)", Action.DISPOSE,
            lambda ws, s, p: KINDS["clue"].set_status(s, p["clue"], "done", result="已立案。"),
            _keep("clue", _transferred_clue), step_of="clue"),
    Attempt("declare a problem rectified", Action.DISPOSE,
            lambda ws, s, p: KINDS["problem"].set_status(s, p["problem"], "rectified", proof="整改报告。"),
            _keep("problem", _problem), step_of="problem"),
    Attempt("delete a clue", Action.DELETE_RECORDS,
            lambda ws, s, p: KINDS["clue"].delete(s, p["clue"]), _keep("clue", _clue)),
    Attempt("see identities", Action.VIEW_IDENTITY,
            lambda ws, s, p: permissions.require(s, Action.VIEW_IDENTITY)),
    # an unknown conflict: a role allowed to settle gets NotFound, which proves the gate comes first
    Attempt("settle a conflict", Action.SETTLE_CONFLICTS,
            lambda ws, s, p: sync_service.resolve(s, str(uuid.uuid4()), keep="local"), past_gate="conflict_not_found"),
    Attempt("export a package", Action.EXCHANGE_PACKAGES,
            lambda ws, s, p: sync_service.export(ws, p["tmp"] / "out" / f"包-{p['role']}.xcpkg",
                                                 passphrase="交换口令 青瓦 2187"),
            in_session=False),
    Attempt("import a package", Action.EXCHANGE_PACKAGES,
            lambda ws, s, p: sync_service.import_(ws, p["tmp"] / "不是包.xcpkg", passphrase="交换口令 青瓦 2187"),
            lambda ws, s, p: (p["tmp"] / "不是包.xcpkg").write_bytes(b"not a package"), in_session=False,
            past_gate="package_not_package"),
    Attempt("trust a device", Action.EXCHANGE_PACKAGES,
            lambda ws, s, p: sync_service.trust(s, ws, sync_service.own_keys(ws)), past_gate="key_is_own"),
    Attempt("back up", Action.BACK_UP,
            lambda ws, s, p: backup.create(ws, p["tmp"] / "out" / f"备份-{p['role']}.xcbak", PASSPHRASE),
            in_session=False),
    Attempt("issue a ledger", Action.ISSUE_DOCUMENTS, lambda ws, s, p: publishing.ledger(s, p["round"])),
    Attempt("issue feedback", Action.ISSUE_DOCUMENTS, lambda ws, s, p: publishing.feedback(s, p["unit"], p["round"])),
    Attempt("issue a paper", Action.ISSUE_DOCUMENTS, lambda ws, s, p: publishing.paper(s, p["paper"]),
            _keep("paper", _paper)),
    Attempt("issue a supervision report", Action.ISSUE_DOCUMENTS,
            lambda ws, s, p: publishing.supervision(s, p["round"]), past_gate="report_not_supervision"),
    Attempt("read the audit log", Action.READ_AUDIT, lambda ws, s, p: audit_log.entries(s)),
    Attempt("check the audit log", Action.READ_AUDIT,
            lambda ws, s, p: audit_log.check(s, ws.info.device_id, ws.info.device_name,
                                             str(ws.public_keys["ed25519_public"]))),
    Attempt("manage users", Action.MANAGE_USERS, lambda ws, s, p: permissions.require(s, Action.MANAGE_USERS)),
    Attempt("create a feedback draft", Action.DRAFT_FEEDBACK,
            lambda ws, s, p: feedback_drafts.create_from_problems(s, p["unit"], p["round"]),
            _keep("unit", _unit_with_problems)),
    Attempt("edit a feedback item", Action.DRAFT_FEEDBACK,
            lambda ws, s, p: feedback_drafts.update_item(s, _first_items(s, p)[0], summary="落实法治建设责任不到位。"),
            _keep("draft", _draft)),
    Attempt("merge feedback items", Action.DRAFT_FEEDBACK,
            lambda ws, s, p: feedback_drafts.merge_items(s, _first_items(s, p)), _keep("draft", _draft)),
    Attempt("review a feedback draft (组长审核)", Action.REVIEW_FEEDBACK,
            lambda ws, s, p: feedback_drafts.step(s, p["draft"], "leader_reviewed"), _keep("draft", _draft),
            step_of="feedback_draft"),
    Attempt("return a reviewed feedback draft", Action.RETURN_FEEDBACK,
            lambda ws, s, p: feedback_drafts.step(s, p["draft"], "draft"),
            _keep("draft", lambda s, p: _draft(s, p, "leader_reviewed")), step_of="feedback_draft"),
    Attempt("office review of a feedback draft", Action.APPROVE_FEEDBACK,
            lambda ws, s, p: feedback_drafts.step(s, p["draft"], "office_reviewed"),
            _keep("draft", lambda s, p: _draft(s, p, "leader_reviewed")), step_of="feedback_draft"),
    Attempt("finalise a feedback draft (定稿)", Action.APPROVE_FEEDBACK,
            lambda ws, s, p: feedback_drafts.step(s, p["draft"], "final"),
            _keep("draft", lambda s, p: _draft(s, p, "office_reviewed")), step_of="feedback_draft"),
    Attempt("reopen a final feedback draft", Action.APPROVE_FEEDBACK,
            lambda ws, s, p: feedback_drafts.step(s, p["draft"], "draft"),
            _keep("draft", lambda s, p: _draft(s, p, "final")), step_of="feedback_draft"),
    Attempt("acknowledge a laptop", Action.CLEAR_DEVICE,
            lambda ws, s, p: clearance.acknowledge(ws, "不存在的笔记本"), in_session=False,
            past_gate="ack_device_unknown"),
    Attempt("clear this laptop", Action.CLEAR_DEVICE,
            lambda ws, s, p: clearance.clear(ws, b"not an acknowledgement", p["tmp"] / "清退证明.pdf"),
            in_session=False, past_gate="ack_malformed"),
    Attempt("see the office's view", Action.VIEW_OVERVIEW, lambda ws, s, p: stats.office_view(s)),
    Attempt("see the repeat problems", Action.VIEW_OVERVIEW, lambda ws, s, p: stats.repeat_problems(s)),
    Attempt("retire a hub station", Action.MANAGE_STATIONS, lambda ws, s, p: hub.retire(ws, "不存在的工作站"),
            in_session=False, past_gate="hub_station_unknown"),
]


def test_every_action_is_tried() -> None:
    assert {a.action for a in ATTEMPTS} == set(Action)


def _state(ws: Workspace, out: Path) -> tuple[Any, ...]:
    with ws.session() as s:
        counts = tuple(s.scalar(select(func.count()).select_from(model)) for model in (Change, AuditEntry, SyncDevice))
        return dump_digest(s), counts, sorted(ws.evidence), sorted(p.name for p in out.iterdir())


def _make_frame(tmp_path: Path) -> tuple[Workspace, Prepared]:
    ws = Workspace.create(tmp_path / "ws", "第六巡察组-笔记本1", PASSPHRASE, kdf=KdfParams.cheap(), user_name="赵刚")
    with ws.transaction() as s:
        prepared: Prepared = dict(_frame(s, KINDS))
    (tmp_path / "out").mkdir()
    prepared["tmp"] = tmp_path
    return ws, prepared


@pytest.fixture
def frame(tmp_path: Path) -> Iterator[tuple[Workspace, Prepared]]:
    ws, prepared = _make_frame(tmp_path)
    yield ws, prepared
    ws.close()


@pytest.fixture(scope="module")
def shared_frame(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Workspace, Prepared]]:
    """One workspace for the whole table: each attempt makes its own records first, so attempts do not meet."""
    ws, prepared = _make_frame(tmp_path_factory.mktemp("matrix"))
    yield ws, prepared
    ws.close()


@pytest.mark.parametrize("attempt", ATTEMPTS, ids=[a.label for a in ATTEMPTS])
def test_each_role_may_do_exactly_what_the_matrix_says(shared_frame: tuple[Workspace, Prepared],
                                                       attempt: Attempt) -> None:
    ws, base = shared_frame
    for role in Role:
        ws.user = User(NAMES[L], L)
        prepared = dict(base, role=f"{attempt.label}-{role.value}")
        with ws.transaction() as s:
            attempt.prepare(ws, s, prepared)
        ws.user = User(NAMES[role], role)
        before = _state(ws, base["tmp"] / "out")
        denied: PermissionDenied | None = None
        try:
            if attempt.in_session:
                with ws.transaction() as s:
                    attempt.run(ws, s, prepared)
            else:
                attempt.run(ws, None, prepared)  # type: ignore[arg-type]
        except PermissionDenied as refusal:
            denied = refusal
        except XunchaError as refusal:
            # past the gate, refused for its data (an unknown conflict, a file that is no package)
            assert refusal.key == attempt.past_gate, refusal
        else:
            assert denied is None or attempt.past_gate is None
        if role in EXPECTED[attempt.action]:
            assert denied is None, f"{role} should be allowed to {attempt.label}: {denied}"
        else:
            assert denied is not None, f"{role} should not be allowed to {attempt.label}"
            named = attempt.action
            if attempt.step_of and role not in EXPECTED[permissions.edit_action(attempt.step_of)]:
                named = permissions.edit_action(attempt.step_of)
            assert (denied.role, denied.action) == (role.value, named.value)
            assert _state(ws, base["tmp"] / "out") == before, f"the refusal of {attempt.label} changed something"


def test_the_refusal_names_the_role_and_the_action_in_both_languages(frame: tuple[Workspace, Prepared]) -> None:
    ws, prepared = frame
    ws.user = User("张伟", Role.MEMBER)
    with pytest.raises(PermissionDenied) as caught, ws.transaction() as s:
        KINDS["unit"].delete(s, prepared["unit"])
    assert caught.value.text("zh") == "组员（member）无权删除记录（delete records），未作任何更改。"
    assert caught.value.text("en") == "A member (组员) may not delete records (删除记录); nothing was changed."
    assert caught.value.exit_code == 1


def test_changes_and_audit_entries_name_the_acting_person(frame: tuple[Workspace, Prepared]) -> None:
    ws, prepared = frame
    ws.user = User("孙丽", Role.LIAISON)
    with ws.transaction() as s:
        petition = KINDS["petition"].create(s, {"round_id": prepared["round"], "unit_id": prepared["unit"],
                                                "channel": "来电", "received_at": "2020-04-03T10:00:00+08:00",
                                                "summary": "反映问题。", "anonymous": True})
        key = petition.id
    ws.user = User("周办", Role.OFFICE)
    with ws.transaction() as s:
        entries = audit_log.entries(s)
    created = [e for e in entries if e.record_id == key and e.action == "create"]
    assert [e.actor for e in created] == ["孙丽"]


def test_the_paper_records_who_checked_and_signed_off_and_when(frame: tuple[Workspace, Prepared]) -> None:
    ws, prepared = frame
    ws.user = User("张伟", Role.MEMBER)
    with ws.transaction() as s:
        paper = KINDS["paper"].create(s, {"unit_id": prepared["unit"], "title": "底稿"})
        key = paper.id
        assert paper.drafted_by == "张伟"  # the 经办人 is who drafts it
    ws.user = User("赵刚", Role.LEADER)
    # not before it is checked: 起草 → 组长审定 is no step, whoever asks
    with pytest.raises(XunchaError) as caught, ws.transaction() as s:
        KINDS["paper"].set_status(s, key, "approved")
    assert caught.value.key == "bad_transition"
    ws.user = User("钱敏", Role.DEPUTY)
    with ws.transaction() as s:
        KINDS["paper"].set_status(s, key, "checked")
    ws.user = User("赵刚", Role.LEADER)
    with ws.transaction() as s:
        KINDS["paper"].set_status(s, key, "approved")
    with ws.session() as s:
        data = KINDS["paper"].to_dict(s, KINDS["paper"].get(s, key))
    assert (data["checked_by"], data["approved_by"]) == ("钱敏", "赵刚")
    checked, approved = dt.datetime.fromisoformat(data["checked_at"]), dt.datetime.fromisoformat(data["approved_at"])
    assert checked.tzinfo is not None and checked <= approved
    # what the leader signed is what the deputy checked: no edits until it is sent back to 起草
    with pytest.raises(ValidationError) as locked, ws.transaction() as s:
        KINDS["paper"].update(s, key, {"summary": "签字后改写。"})
    assert locked.value.field == "summary" and "组长审定" in locked.value.text("zh")
    # sent back to 起草, the paper is checked and signed again: the earlier names are gone from it
    with ws.transaction() as s:
        KINDS["paper"].set_status(s, key, "draft")
        paper = KINDS["paper"].get(s, key)
        assert (paper.checked_by, paper.checked_at, paper.approved_by, paper.approved_at) == (None,) * 4
        KINDS["paper"].update(s, key, {"summary": "退回后改写。"})


def test_a_refused_evidence_file_leaves_nothing_in_the_store(frame: tuple[Workspace, Prepared]) -> None:
    ws, prepared = frame
    ws.user = User("吴看", Role.READONLY)
    with pytest.raises(PermissionDenied), ws.transaction() as s:
        _evidence_file(ws, s, prepared)
    assert list(ws.evidence) == []


def test_step_permissions_follow_the_statuses() -> None:
    may = permissions.may_step
    assert may(M, "clue", "registered", "verifying") and may(M, "clue", "verifying", "analysing")
    assert not may(M, "clue", "analysing", "transferred") and not may(M, "clue", "pending", "analysing")
    assert may(OF, "clue", "analysing", "immediate") and not may(LI, "clue", "registered", "verifying")
    assert may(M, "problem", "open", "in_progress") and not may(M, "problem", "in_progress", "rectified")
    assert not may(D, "problem", "rectified", "not_rectified") and may(L, "problem", "rectified", "not_rectified")
    assert may(D, "paper", "draft", "checked") and not may(L, "paper", "draft", "checked")
    assert may(L, "paper", "checked", "approved") and not may(D, "paper", "checked", "approved")
    assert not may(OF, "paper", "checked", "approved") and not may(RO, "paper", "draft", "checked")
