"""巡察反馈意见稿: the feedback a group writes for one unit in one round, composed from its problems.

A draft starts from the problems listed for the feedback (:func:`create_from_problems`): one item per
problem, grouped by category, except that problems whose statements say the same thing (equal once digits,
punctuation and spaces are set aside, nearly equal, or opening with the same finding) are proposed as one
item. Each item proposes a summary (the finding its problems open with) and a 整改要求 made of its own
problems' requirements only, never another problem's. The group then edits the 总体评价, the summaries and
requirements, the order (within a category), merges and splits items, and takes the draft through
起草 → 组长审核 → 巡察办审核 → 定稿.

Who may do what is the permission matrix's (``services/permissions.py``): the group (组长, 副组长, 组员) and
the office (巡察办) write; the leader reviews (起草 → 组长审核) and may send it back; the office reviews
(组长审核 → 巡察办审核), makes it final (→ 定稿), and may send it back to 起草 from either. Who took each
step and when is recorded from the acting person. A draft past 起草 is not edited (``feedback_draft_locked``):
what the office approves is what the leader reviewed. Every refusal changes nothing.
"""

from __future__ import annotations

import difflib
import re
import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from xuncha_desktop.db import audit
from xuncha_desktop.db.capture import context_of
from xuncha_desktop.db.enums import FeedbackDraftStatus
from xuncha_desktop.db.models.feedback_drafts import FeedbackDraft, FeedbackItem
from xuncha_desktop.db.models.problems import Problem
from xuncha_desktop.errors import InvalidRequest, NotFound, ValidationError
from xuncha_desktop.services import permissions
from xuncha_desktop.services import vocabulary as vocab
from xuncha_desktop.services.fields import Field, FieldType, parse_uuid
from xuncha_desktop.services.permissions import Action
from xuncha_desktop.services.records import NavPage, RecordService
from xuncha_desktop.services.rounds import service as rounds
from xuncha_desktop.services.units import service as units

T = FieldType
S = FeedbackDraftStatus
Id = uuid.UUID | str


class FeedbackDraftService(RecordService[FeedbackDraft]):
    kind = "feedback_draft"
    zh = "反馈意见稿"
    en = "feedback draft"
    nav = NavPage("feedback_draft", "反馈意见稿", "Feedback drafts", "paper", 72)  # after 问题与整改
    list_columns = ("unit_id", "round_id", "status", "drafted_by", "documents_reviewed")
    model = FeedbackDraft
    status_field = "status"
    status_enum = S
    initial_status = S.DRAFT.value
    transitions = {
        S.DRAFT: frozenset({S.LEADER_REVIEWED}),
        S.LEADER_REVIEWED: frozenset({S.OFFICE_REVIEWED, S.DRAFT}),
        S.OFFICE_REVIEWED: frozenset({S.FINAL, S.DRAFT}),
        S.FINAL: frozenset({S.DRAFT}),
    }
    default_order = ("unit_id", "created_at")
    fields = (
        Field("round_id", "巡察轮次", "round", T.REF, required=True, ref="round"),
        Field("unit_id", "被巡察单位", "unit", T.REF, required=True, ref="unit"),
        Field("assessment", "总体评价", "overall assessment", T.TEXT),
        Field("documents_reviewed", "调阅资料（份）", "documents reviewed", T.INT),
        Field("status", "状态", "status", T.ENUM, enum=S, read_only=True),
        Field("drafted_by", "起草人", "drafted by", T.STRING, max_length=100, read_only=True),
        Field("leader_reviewed_by", "组长审核人", "reviewed by (leader)", T.STRING, max_length=100, read_only=True),
        Field("leader_reviewed_at", "组长审核时间", "reviewed at (leader)", T.DATETIME, read_only=True),
        Field("office_reviewed_by", "巡察办审核人", "reviewed by (office)", T.STRING, max_length=100, read_only=True),
        Field("office_reviewed_at", "巡察办审核时间", "reviewed at (office)", T.DATETIME, read_only=True),
        Field("finalised_by", "定稿人", "finalised by", T.STRING, max_length=100, read_only=True),
        Field("finalised_at", "定稿时间", "finalised at", T.DATETIME, read_only=True),
    )

    def title(self, record: FeedbackDraft) -> str:
        return f"反馈意见稿（{S(record.status).zh}）"

    def validate(self, session: Session, record: FeedbackDraft, changed: set[str], is_new: bool) -> None:
        if is_new and not record.drafted_by:
            record.drafted_by = context_of(session).actor
        if record.documents_reviewed is not None and record.documents_reviewed < 0:
            raise self.field("documents_reviewed").fail("feedback_count_negative")
        if changed & {"round_id", "unit_id"}:
            others = select(FeedbackDraft.id).where(FeedbackDraft.round_id == record.round_id,
                                                    FeedbackDraft.unit_id == record.unit_id,
                                                    FeedbackDraft.deleted.is_(False))
            if record.id is not None:
                others = others.where(FeedbackDraft.id != record.id)
            if session.scalar(others) is not None:
                raise ValidationError("feedback_draft_exists", "unit_id")
        if "status" in changed and record.status == S.FINAL:
            left = uncovered(session, record)
            if left:
                raise ValidationError("feedback_draft_uncovered", "status", count=len(left),
                                      numbers="、".join(p.number or "?" for p in left[:5]))

    def before_update(self, session: Session, record: FeedbackDraft, changed: set[str]) -> None:
        super().before_update(session, record, changed)
        edited = sorted(changed - {"status"})
        if edited and record.status != S.DRAFT:
            raise locked(record, edited[0], self.field(edited[0]).zh)

    def before_delete(self, session: Session, record: FeedbackDraft) -> None:
        super().before_delete(session, record)
        for item in items(session, record.id):
            item.deleted = True

    def on_status_change(self, session: Session, record: FeedbackDraft, old: str | None, new: str,
                         values: Mapping[str, Any], extras: Mapping[str, Any]) -> None:
        ctx = context_of(session)
        if new == S.LEADER_REVIEWED:
            record.leader_reviewed_by, record.leader_reviewed_at = ctx.actor, ctx.now()
        elif new == S.OFFICE_REVIEWED:
            record.office_reviewed_by, record.office_reviewed_at = ctx.actor, ctx.now()
        elif new == S.FINAL:
            record.finalised_by, record.finalised_at = ctx.actor, ctx.now()
        else:  # back to 起草: every review is to be made again
            record.leader_reviewed_by = record.leader_reviewed_at = None
            record.office_reviewed_by = record.office_reviewed_at = None
            record.finalised_by = record.finalised_at = None


service = FeedbackDraftService()


def locked(record: FeedbackDraft, field: str, field_zh: str) -> ValidationError:
    status = S(record.status)
    return ValidationError("feedback_draft_locked", field, field_zh=field_zh, status_zh=status.zh,
                           status_en=status.en.lower())


# ---- reading ----------------------------------------------------------------------------------------------

def draft_for(session: Session, round_id: Id, unit_id: Id) -> FeedbackDraft | None:
    """The live draft of a unit in a round, or None."""
    return session.scalars(select(FeedbackDraft).where(
        FeedbackDraft.round_id == parse_uuid(round_id), FeedbackDraft.unit_id == parse_uuid(unit_id),
        FeedbackDraft.deleted.is_(False)).order_by(FeedbackDraft.created_at, FeedbackDraft.id)).first()


def category_order(session: Session, round_id: uuid.UUID) -> list[str]:
    return [t.code for t in vocab.terms(session, "problem_category", round_id)]


def items(session: Session, draft_id: Id) -> list[FeedbackItem]:
    """The draft's live items in document order: by category (the round's order of categories), then by
    position, ties (two laptops that placed an item at the same position) broken by id."""
    key = parse_uuid(draft_id)
    rows = list(session.scalars(select(FeedbackItem).where(FeedbackItem.draft_id == key,
                                                           FeedbackItem.deleted.is_(False))))
    draft = session.get(FeedbackDraft, key)
    order = category_order(session, draft.round_id) if draft is not None else []

    def rank(item: FeedbackItem) -> tuple[int, int, str]:
        place = order.index(item.category) if item.category in order else len(order)
        return place, item.position, str(item.id)

    return sorted(rows, key=rank)


def feedback_problems(session: Session, round_id: uuid.UUID, unit_id: uuid.UUID) -> list[Problem]:
    """The live problems of the unit in the round listed for the feedback, in category and number order."""
    rows = list(session.scalars(select(Problem).where(
        Problem.deleted.is_(False), Problem.round_id == round_id, Problem.unit_id == unit_id,
        Problem.in_feedback.is_(True)).order_by(Problem.number, Problem.created_at, Problem.id)))
    order = category_order(session, round_id)
    rows.sort(key=lambda p: order.index(p.category) if p.category in order else len(order))
    return rows


def item_problems(session: Session, item: FeedbackItem) -> list[Problem]:
    """The item's problems that are still live and listed for the feedback, in the item's order."""
    wanted = [parse_uuid(p) for p in item.problem_ids]
    keys = [k for k in wanted if k is not None]
    if not keys:
        return []
    found = {p.id: p for p in session.scalars(select(Problem).where(
        Problem.id.in_(keys), Problem.deleted.is_(False), Problem.in_feedback.is_(True)))}
    return [found[k] for k in keys if k in found]


def uncovered(session: Session, draft: FeedbackDraft) -> list[Problem]:
    """Problems listed for the feedback that no item of the draft holds (added after the draft was made)."""
    held = {p for item in items(session, draft.id) for p in item.problem_ids}
    return [p for p in feedback_problems(session, draft.round_id, draft.unit_id) if str(p.id) not in held]


# ---- proposing items --------------------------------------------------------------------------------------

_NOISE = re.compile(r"[\s\d０-９.．,，。、；;:：!！?？“”\"'‘’（）()《》〈〉【】\[\]—\-…%％]+")
_CLAUSE_END = re.compile(r"[，。；：,;:]")
# A statement's opening clause names its finding when it is at least this long ("…职责不到位").
MIN_FINDING = 6
# Statements this similar (difflib's ratio over their normalised text) say the same thing.
NEAR_RATIO = 0.9


def normalised(text: str) -> str:
    """The text without digits, punctuation and spaces: two statements equal here differ only in figures."""
    return _NOISE.sub("", text)


def finding(text: str) -> str:
    """The statement's opening clause (up to the first ，。；：), or "" when shorter than ``MIN_FINDING``."""
    clause = _CLAUSE_END.split(text.strip(), maxsplit=1)[0].strip()
    return clause if len(clause) >= MIN_FINDING and len(clause) < len(text.strip()) else ""


def same_finding(a: str, b: str) -> bool:
    """Whether two statements are duplicates to propose merging: equal normalised text, the same opening
    finding, or nearly equal normalised text."""
    na, nb = normalised(a), normalised(b)
    if na == nb:
        return True
    fa = finding(a)
    if fa and fa == finding(b):
        return True
    return _near(na, nb)


@dataclass(frozen=True)
class Proposal:
    """One proposed item: its category, summary, requirement and problems (in order)."""

    category: str
    summary: str
    requirement: str
    problems: list[Problem]


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in "。！？；" else text + "。"


def proposed_requirement(problems: Iterable[Problem]) -> str:
    """The item's 整改要求: its own problems' distinct requirements, in order (never another problem's)."""
    return "".join(dict.fromkeys(_sentence(p.requirement or "") for p in problems if (p.requirement or "").strip()))


def proposed_summary(problems: Sequence[Problem]) -> str:
    """The finding all the item's problems open with, as a sentence; "" when they open differently."""
    findings = {finding(p.statement) for p in problems}
    if len(findings) == 1:
        (only,) = findings
        return _sentence(only) if only else ""
    return ""


def _near(a: str, b: str) -> bool:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return matcher.real_quick_ratio() >= NEAR_RATIO and matcher.quick_ratio() >= NEAR_RATIO \
        and matcher.ratio() >= NEAR_RATIO


def propose(problems: Sequence[Problem]) -> list[Proposal]:
    """Items for ``problems`` (given in document order): by category, duplicates together (``same_finding``).
    Equal texts and equal findings are looked up; only the rest is compared, cheapest test first."""
    groups: list[list[Problem]] = []
    by_text: dict[tuple[str, str], int] = {}
    by_finding: dict[tuple[str, str], int] = {}
    texts: dict[str, list[tuple[str, int]]] = {}   # category -> (normalised text, group) of every member
    for problem in problems:
        category, text, said = problem.category, normalised(problem.statement), finding(problem.statement)
        index = by_text.get((category, text))
        if index is None and said:
            index = by_finding.get((category, said))
        if index is None:
            index = next((g for other, g in texts.get(category, []) if _near(text, other)), None)
        if index is None:
            index = len(groups)
            groups.append([])
        groups[index].append(problem)
        by_text.setdefault((category, text), index)
        if said:
            by_finding.setdefault((category, said), index)
        texts.setdefault(category, []).append((text, index))
    return [Proposal(group[0].category, proposed_summary(group), proposed_requirement(group), group)
            for group in groups]


# ---- writing ----------------------------------------------------------------------------------------------

def _editable(session: Session, draft_id: Id) -> FeedbackDraft:
    permissions.require(session, Action.DRAFT_FEEDBACK)
    draft = service.get(session, draft_id)
    if draft.status != S.DRAFT:
        raise locked(draft, "items", "反馈事项")
    return draft


def _item(session: Session, item_id: Id) -> FeedbackItem:
    key = parse_uuid(item_id)
    item = session.get(FeedbackItem, key) if key is not None else None
    if item is None or item.deleted:
        raise NotFound("not_found", kind="feedback_item", kind_zh="反馈事项", id=str(item_id))
    return item


def _add_items(session: Session, draft: FeedbackDraft, proposals: Sequence[Proposal]) -> list[FeedbackItem]:
    existing = items(session, draft.id)
    start = max((i.position for i in existing), default=0)
    made = []
    for offset, proposal in enumerate(proposals, 1):
        item = FeedbackItem(draft_id=draft.id, position=start + offset, category=proposal.category,
                            summary=proposal.summary, requirement=proposal.requirement,
                            problem_ids=[str(p.id) for p in proposal.problems])
        session.add(item)
        made.append(item)
    session.flush()
    return made


def create_from_problems(session: Session, unit_id: Id, round_id: Id, assessment: str = "",
                         documents_reviewed: int | None = None) -> FeedbackDraft:
    """A new draft of the unit's feedback in the round, its items proposed from the problems listed for the
    feedback. Raises PermissionDenied, NotFound (unit, round), ValidationError (``feedback_draft_exists``)."""
    permissions.require(session, Action.DRAFT_FEEDBACK)
    unit = units.get(session, unit_id)
    the_round = rounds.get(session, round_id)
    draft = service.create(session, {"round_id": str(the_round.id), "unit_id": str(unit.id),
                                     "assessment": assessment, "documents_reviewed": documents_reviewed})
    _add_items(session, draft, propose(feedback_problems(session, the_round.id, unit.id)))
    audit.record(session, "update", service.kind, draft.id, detail="items")
    return draft


def add_uncovered(session: Session, draft_id: Id) -> list[FeedbackItem]:
    """Items for the problems listed for the feedback after the draft was made (proposed as at creation)."""
    draft = _editable(session, draft_id)
    made = _add_items(session, draft, propose(uncovered(session, draft)))
    if made:
        audit.record(session, "update", service.kind, draft.id, detail="items")
    return made


def update_item(session: Session, item_id: Id, summary: str | None = None,
                requirement: str | None = None) -> FeedbackItem:
    """Rewrites an item's summary and/or requirement."""
    item = _item(session, item_id)
    draft = _editable(session, item.draft_id)
    if summary is not None:
        item.summary = summary.strip()
    if requirement is not None:
        item.requirement = requirement.strip()
    session.flush()
    audit.record(session, "update", service.kind, draft.id, detail="items")
    return item


def move_item(session: Session, item_id: Id, offset: int) -> FeedbackItem:
    """Moves an item up (offset < 0) or down among the items of its category (a heading of its own); at the
    edge of its category it stays. Positions are written afresh 1, 2, … in the new order."""
    item = _item(session, item_id)
    draft = _editable(session, item.draft_id)
    ordered = items(session, draft.id)
    same = [i for i in ordered if i.category == item.category]
    index = same.index(item)
    target = max(0, min(len(same) - 1, index + offset))
    if target != index:
        same.insert(target, same.pop(index))
        others = iter(same)
        ordered = [next(others) if i.category == item.category else i for i in ordered]
        _renumber(ordered)
        audit.record(session, "update", service.kind, draft.id, detail="items")
    return item


def _renumber(ordered: Sequence[FeedbackItem]) -> None:
    for position, each in enumerate(ordered, 1):
        if each.position != position:
            each.position = position


def merge_items(session: Session, item_ids: Sequence[Id]) -> FeedbackItem:
    """Merges items of one draft and one category into the first of them (in document order): its problems
    are theirs in order, its summary the first one written, its requirement their distinct requirements.
    The others are deleted. Raises InvalidRequest (fewer than two items, items of several drafts or
    categories)."""
    chosen = [_item(session, i) for i in dict.fromkeys(str(i) for i in item_ids)]
    if len(chosen) < 2:
        raise InvalidRequest("feedback_merge_needs_two")
    if len({i.draft_id for i in chosen}) != 1:
        raise InvalidRequest("feedback_merge_drafts")
    draft = _editable(session, chosen[0].draft_id)
    if len({i.category for i in chosen}) != 1:
        raise InvalidRequest("feedback_merge_categories")
    ids = {i.id for i in chosen}
    ordered = [i for i in items(session, draft.id) if i.id in ids]
    keep, rest = ordered[0], ordered[1:]
    keep.problem_ids = list(dict.fromkeys([p for i in ordered for p in i.problem_ids]))
    keep.summary = next((i.summary for i in ordered if i.summary.strip()), "")
    keep.requirement = "".join(dict.fromkeys(_sentence(i.requirement) for i in ordered if i.requirement.strip()))
    for gone in rest:
        gone.deleted = True
    session.flush()
    _renumber(items(session, draft.id))
    audit.record(session, "update", service.kind, draft.id, detail="items")
    return keep


def split_item(session: Session, item_id: Id, problem_ids: Sequence[Id]) -> FeedbackItem:
    """Moves some of an item's problems into a new item placed right after it, with the same requirement and
    the summary proposed for them. Raises InvalidRequest when a problem is not the item's, or none or all of
    them would move."""
    item = _item(session, item_id)
    draft = _editable(session, item.draft_id)
    moving = [str(parse_uuid(p)) for p in problem_ids]
    if not moving or not set(moving) <= set(item.problem_ids):
        raise InvalidRequest("feedback_split_not_in_item")
    staying = [p for p in item.problem_ids if p not in set(moving)]
    if not staying:
        raise InvalidRequest("feedback_split_all")
    moved = [p for p in item.problem_ids if p in set(moving)]
    item.problem_ids = staying
    found = {str(p.id): p for p in session.scalars(select(Problem).where(
        Problem.id.in_([parse_uuid(p) for p in moved])))}
    new = FeedbackItem(draft_id=draft.id, position=item.position, category=item.category,
                       summary=proposed_summary([found[p] for p in moved if p in found]),
                       requirement=item.requirement, problem_ids=moved)
    session.add(new)
    session.flush()
    ordered = items(session, draft.id)
    ordered.remove(new)
    ordered.insert(ordered.index(item) + 1, new)
    _renumber(ordered)
    session.flush()
    audit.record(session, "update", service.kind, draft.id, detail="items")
    return new


def step(session: Session, draft_id: Id, status: str | S) -> FeedbackDraft:
    """One status step (起草 → 组长审核 → 巡察办审核 → 定稿, or back to 起草), as the permission matrix allows."""
    return service.set_status(session, draft_id, status)


def allowed_steps(role_session: Session, draft: FeedbackDraft) -> list[str]:
    """The steps the session's person may take from the draft's status."""
    role = permissions.role_of(role_session)
    return [s for s in service.allowed_next(draft.status) if permissions.may_step(role, service.kind, draft.status, s)]


# ---- what the window and the command line show ------------------------------------------------------------

@dataclass(frozen=True)
class ProblemView:
    id: str
    number: str
    statement: str


@dataclass(frozen=True)
class ItemView:
    id: str
    category: str          # the label (全面从严治党主体责任和监督责任落实情况)
    summary: str
    requirement: str
    problems: list[ProblemView]
    first_of_category: bool
    last_of_category: bool


@dataclass(frozen=True)
class DraftView:
    """A draft as the window and ``xuncha feedback draft show`` present it (plain values, no session)."""

    id: str
    unit_id: str
    round_id: str
    unit_name: str
    round_name: str
    assessment: str
    documents_reviewed: int | None
    status: str
    status_zh: str
    items: list[ItemView]
    uncovered: list[ProblemView]
    steps: list[tuple[str, str]]      # (status, 中文) the person may take now
    editable: bool                    # 起草, and the person may write drafts

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "unit_id": self.unit_id, "round_id": self.round_id, "unit": self.unit_name,
                "round": self.round_name, "status": self.status, "status_zh": self.status_zh,
                "assessment": self.assessment, "documents_reviewed": self.documents_reviewed,
                "items": [{"number": n, "id": i.id, "category": i.category, "summary": i.summary,
                           "requirement": i.requirement,
                           "problems": [{"id": p.id, "number": p.number, "statement": p.statement}
                                        for p in i.problems]}
                          for n, i in enumerate(self.items, 1)],
                "uncovered": [{"id": p.id, "number": p.number, "statement": p.statement} for p in self.uncovered],
                "steps": [s for s, _zh in self.steps]}


def _problem_view(problem: Problem) -> ProblemView:
    return ProblemView(str(problem.id), problem.number or "", problem.statement)


def view(session: Session, draft_id: Id) -> DraftView:
    """The draft, its items in document order (with their problems), the problems no item holds, and what the
    session's person may do with it. Raises NotFound."""
    draft = service.get(session, draft_id)
    labels = {t.code: t.label_zh for t in vocab.terms(session, "problem_category", draft.round_id)}
    ordered = items(session, draft.id)
    shown = []
    for index, item in enumerate(ordered):
        before = ordered[index - 1].category if index else None
        after = ordered[index + 1].category if index + 1 < len(ordered) else None
        shown.append(ItemView(str(item.id), labels.get(item.category or "", item.category or "其他"), item.summary,
                              item.requirement, [_problem_view(p) for p in item_problems(session, item)],
                              first_of_category=index == 0 or before != item.category,
                              last_of_category=after is None or after != item.category))
    role = permissions.role_of(session)
    return DraftView(
        id=str(draft.id), unit_id=str(draft.unit_id), round_id=str(draft.round_id),
        unit_name=units.get(session, draft.unit_id).name, round_name=rounds.get(session, draft.round_id).name,
        assessment=draft.assessment or "", documents_reviewed=draft.documents_reviewed, status=draft.status,
        status_zh=S(draft.status).zh, items=shown, uncovered=[_problem_view(p) for p in uncovered(session, draft)],
        steps=[(s, S(s).zh) for s in allowed_steps(session, draft)],
        editable=draft.status == S.DRAFT and permissions.allowed(role, Action.DRAFT_FEEDBACK))
