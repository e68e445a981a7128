"""Who may do what: the one table of the group's roles and their actions.

Every service that changes data, issues a document or opens the audit log asks this module first
(``require``), so the command line and the window obey the same table; the window also asks it
(``allowed``) to show only what the person may do. A refusal raises :class:`PermissionDenied` before
anything is changed. The table is written out, with the reasons, in ``docs/permissions.md``.

The roles (``security/roles.py``): 组长 LEADER, 副组长 DEPUTY, 组员 MEMBER, 联络员 LIAISON, 巡察办 OFFICE,
只读 READONLY. The person's role reaches a service through the session's write context
(``context_of(session).role``), which the workspace fills from its user.
"""

from __future__ import annotations

import contextlib
import enum
from collections.abc import Iterator, Mapping

from sqlalchemy.orm import Session

from xuncha_desktop.db.capture import context_of
from xuncha_desktop.db.enums import ClueStatus, FeedbackDraftStatus, PaperStatus, ProblemStatus
from xuncha_desktop.errors import PermissionDenied
from xuncha_desktop.security.roles import SEES_IDENTITIES, Role, User


class Action(enum.StrEnum):
    VIEW_RECORDS = "view_records"            # read any record (the petitioner's identity aside)
    EDIT_RECORDS = "edit_records"            # create/edit rounds, groups, clues, problems
    EDIT_LOGISTICS = "edit_logistics"        # create/edit petitions, evidence, units, interviews
    DRAFT_PAPER = "draft_paper"              # create/edit working papers (the 经办人)
    CHECK_PAPER = "check_paper"              # 起草 → 副组长审核
    RETURN_PAPER = "return_paper"            # 副组长审核 → 起草 (sent back for redrafting)
    SIGN_OFF_PAPER = "sign_off_paper"        # 副组长审核 → 组长审定, and 组长审定 → 起草
    DISPOSE = "dispose"                      # clue dispositions, transfer, close; a problem to or from 整改到位
    DELETE_RECORDS = "delete_records"
    VIEW_IDENTITY = "view_identity"          # a petitioner's name, contact, ID number, address
    SETTLE_CONFLICTS = "settle_conflicts"
    EXCHANGE_PACKAGES = "exchange_packages"  # export and import sync packages, trust another device
    BACK_UP = "back_up"
    ISSUE_DOCUMENTS = "issue_documents"      # feedback, ledgers, papers, supervision reports
    READ_AUDIT = "read_audit"
    MANAGE_USERS = "manage_users"            # enforced by the workspace (key slots); listed here
    CLEAR_DEVICE = "clear_device"            # 巡后清退: acknowledge what a laptop sent, clear a laptop
    VIEW_OVERVIEW = "view_overview"          # the office's view across rounds and groups (services/stats.py)
    MANAGE_STATIONS = "manage_stations"      # the office hub: retire a station (docs/hub.md)
    DRAFT_FEEDBACK = "draft_feedback"        # create/edit a feedback draft and its items
    REVIEW_FEEDBACK = "review_feedback"      # 起草 → 组长审核 (the leader's review)
    RETURN_FEEDBACK = "return_feedback"      # 组长审核 → 起草 (sent back)
    APPROVE_FEEDBACK = "approve_feedback"    # 组长审核 → 巡察办审核 → 定稿, and back to 起草 from either

    @property
    def message_key(self) -> str:
        return f"action_{self.value}"


R = Role
_EVERYONE = frozenset(Role)
_GROUP = frozenset({R.LEADER, R.DEPUTY, R.MEMBER})

# The matrix. A role not named for an action may not do it.
MATRIX: Mapping[Action, frozenset[Role]] = {
    Action.VIEW_RECORDS: _EVERYONE,
    Action.EDIT_RECORDS: frozenset({R.LEADER, R.DEPUTY, R.MEMBER, R.OFFICE}),
    Action.EDIT_LOGISTICS: frozenset({R.LEADER, R.DEPUTY, R.MEMBER, R.LIAISON, R.OFFICE}),
    Action.DRAFT_PAPER: _GROUP,
    Action.CHECK_PAPER: frozenset({R.DEPUTY}),
    Action.RETURN_PAPER: frozenset({R.DEPUTY, R.LEADER}),
    Action.SIGN_OFF_PAPER: frozenset({R.LEADER}),
    Action.DISPOSE: frozenset({R.LEADER, R.OFFICE}),
    Action.DELETE_RECORDS: frozenset({R.LEADER, R.OFFICE}),
    Action.VIEW_IDENTITY: SEES_IDENTITIES,
    Action.SETTLE_CONFLICTS: frozenset({R.LEADER, R.OFFICE}),
    Action.EXCHANGE_PACKAGES: frozenset({R.LEADER, R.LIAISON, R.OFFICE}),
    Action.BACK_UP: frozenset({R.LEADER, R.LIAISON, R.OFFICE}),
    Action.ISSUE_DOCUMENTS: SEES_IDENTITIES,
    Action.READ_AUDIT: frozenset({R.LEADER, R.OFFICE}),
    Action.MANAGE_USERS: frozenset({R.LEADER, R.OFFICE}),
    # destroying a laptop's keys, and the office's word that lets it, are the leader's or the office's
    Action.CLEAR_DEVICE: frozenset({R.LEADER, R.OFFICE}),
    # following up rectification and clue feedback across groups: who leads, supervises or only looks
    Action.VIEW_OVERVIEW: frozenset({R.LEADER, R.DEPUTY, R.OFFICE, R.READONLY}),
    Action.MANAGE_STATIONS: frozenset({R.LEADER, R.OFFICE}),
    # the group writes its feedback; the office revises it too (after sending it back to 起草)
    Action.DRAFT_FEEDBACK: frozenset({R.LEADER, R.DEPUTY, R.MEMBER, R.OFFICE}),
    Action.REVIEW_FEEDBACK: frozenset({R.LEADER}),
    Action.RETURN_FEEDBACK: frozenset({R.LEADER, R.OFFICE}),
    Action.APPROVE_FEEDBACK: frozenset({R.OFFICE}),
}

# Which action creating or editing a record of each family is; a family not named is EDIT_RECORDS.
_LOGISTICS = ("petition", "evidence", "unit", "interview")
EDIT_ACTIONS: Mapping[str, Action] = {**dict.fromkeys(_LOGISTICS, Action.EDIT_LOGISTICS),
                                      "paper": Action.DRAFT_PAPER, "feedback_draft": Action.DRAFT_FEEDBACK}

_CLUE_DISPOSED = frozenset({ClueStatus.TALK_INQUIRY, ClueStatus.PRELIMINARY_CHECK, ClueStatus.PENDING,
                            ClueStatus.CLOSED_OFF, ClueStatus.TRANSFERRED, ClueStatus.ASSIGNED,
                            ClueStatus.IMMEDIATE, ClueStatus.DONE})
_PAPER_STEPS: Mapping[tuple[str, str], Action] = {
    (PaperStatus.DRAFT, PaperStatus.CHECKED): Action.CHECK_PAPER,
    (PaperStatus.CHECKED, PaperStatus.DRAFT): Action.RETURN_PAPER,
    (PaperStatus.CHECKED, PaperStatus.APPROVED): Action.SIGN_OFF_PAPER,
    (PaperStatus.APPROVED, PaperStatus.DRAFT): Action.SIGN_OFF_PAPER,
}

_F = FeedbackDraftStatus
_FEEDBACK_STEPS: Mapping[tuple[str, str], Action] = {
    (_F.DRAFT, _F.LEADER_REVIEWED): Action.REVIEW_FEEDBACK,
    (_F.LEADER_REVIEWED, _F.DRAFT): Action.RETURN_FEEDBACK,
    (_F.LEADER_REVIEWED, _F.OFFICE_REVIEWED): Action.APPROVE_FEEDBACK,
    (_F.OFFICE_REVIEWED, _F.FINAL): Action.APPROVE_FEEDBACK,
    (_F.OFFICE_REVIEWED, _F.DRAFT): Action.APPROVE_FEEDBACK,
    (_F.FINAL, _F.DRAFT): Action.APPROVE_FEEDBACK,
}


def allowed(role: Role, action: Action) -> bool:
    return role in MATRIX[action]


def edit_action(kind: str) -> Action:
    """The action creating or editing a record of ``kind`` is."""
    return EDIT_ACTIONS.get(kind, Action.EDIT_RECORDS)


def step_action(kind: str, old: str, new: str) -> Action | None:
    """The action a status step is beyond editing the record, or None for an ordinary step.

    Clues: every step into or out of a disposition (谈话函询, 初步核实, 暂存待查, 予以了结, 移交, 交办,
    立行立改) or into 办结. Problems: a step to 整改到位 (closing it) or back from it. Papers: the check,
    the return and the sign-off. Feedback drafts: every step (the leader's review, the office's review and
    定稿, a return to 起草)."""
    if kind == "clue" and (old in _CLUE_DISPOSED or new in _CLUE_DISPOSED):
        return Action.DISPOSE
    if kind == "problem" and ProblemStatus.RECTIFIED in (old, new):
        return Action.DISPOSE
    if kind == "paper":
        return _PAPER_STEPS.get((old, new))
    if kind == "feedback_draft":
        return _FEEDBACK_STEPS.get((old, new))
    return None


def may_step(role: Role, kind: str, old: str, new: str) -> bool:
    """Whether ``role`` may take a (legal) status step: edit the record, and the step's own action."""
    action = step_action(kind, old, new)
    return allowed(role, edit_action(kind)) and (action is None or allowed(role, action))


def role_of(session: Session) -> Role:
    return context_of(session).role


def check(role: Role, action: Action) -> None:
    """Raises PermissionDenied unless ``role`` may do ``action``."""
    if not allowed(role, action):
        raise PermissionDenied(role.value, action.value)


def require(session: Session, action: Action) -> None:
    """Raises PermissionDenied unless the session's person may do ``action``; call it before changing anything."""
    check(role_of(session), action)


def require_edit(session: Session, kind: str) -> None:
    check(role_of(session), edit_action(kind))


def require_link(session: Session, kind_a: str, kind_b: str) -> None:
    """Linking two records (or unlinking them) is editing either: the role must be allowed to edit one of them
    (a 联络员 links evidence to a clue; a 只读 user links nothing)."""
    role = role_of(session)
    if not allowed(role, edit_action(kind_b)):
        check(role, edit_action(kind_a))


def require_step(session: Session, kind: str, old: str, new: str) -> None:
    action = step_action(kind, old, new)
    if action is not None:
        check(role_of(session), action)


@contextlib.contextmanager
def acting_as(session: Session, user: User) -> Iterator[None]:
    """Writes of the block are made in ``user``'s name and role, then the session's own person is back.

    For a build that records the work of a whole group from one workspace (the demo) and for tests; the
    window and the command line always act as the workspace's user."""
    ctx = context_of(session)
    before = ctx.actor, ctx.role
    ctx.actor, ctx.role = user.name, user.role
    try:
        yield
    finally:
        ctx.actor, ctx.role = before
