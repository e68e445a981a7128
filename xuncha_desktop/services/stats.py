"""Figures of a round (or of everything): counts by status and category, rates, and for a supervision
round the figures of its report. Every number is counted from the records, never stored."""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Select, and_, case, func, select
from sqlalchemy.orm import Session

from xuncha_desktop import local_time
from xuncha_desktop.db.base import Replicated
from xuncha_desktop.db.enums import ClueStatus, ProblemOrigin, ProblemStatus, RoundKind
from xuncha_desktop.db.hlc import Stamp
from xuncha_desktop.db.models import Clue, Group, Interview, Link, Petition, Problem, Round, Unit
from xuncha_desktop.errors import InvalidRequest
from xuncha_desktop.reports.data import SupervisionFigures
from xuncha_desktop.services import permissions, rounds
from xuncha_desktop.services import vocabulary as vocab

NOT_RECTIFIED = (ProblemStatus.OPEN.value, ProblemStatus.IN_PROGRESS.value, ProblemStatus.NOT_RECTIFIED.value)


@dataclass
class RoundFigures:
    round_id: str | None
    round_name: str | None
    units: int
    interviews: int
    petitions: int
    clues: int
    clues_by_status: dict[str, int]
    problems: int
    problems_by_status: dict[str, int]
    problems_by_category: dict[str, int]
    problem_category_labels: dict[str, str]
    problems_in_feedback: int
    problems_rectified: int
    rectification_rate: float | None
    problems_overdue: int
    as_of: str
    supervision: SupervisionFigures | None = field(default=None)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def _live(model: type[Replicated]) -> Select[int]:
    return select(func.count()).select_from(model).where(model.deleted.is_(False))


def _round_units(session: Session, round_id: uuid.UUID) -> list[uuid.UUID]:
    """The units inspected in a round: those its groups inspect."""
    statement = (select(Link.to_id).join(Group, Group.id == Link.from_id)
                 .where(Group.round_id == round_id, Group.deleted.is_(False), Link.deleted.is_(False),
                        Link.relation == "inspects", Link.to_kind == "unit").distinct())
    return list(session.scalars(statement))


def _by(session: Session, column: Any, model: type[Replicated], round_id: uuid.UUID | None) -> dict[str, int]:
    statement = select(column, func.count()).where(model.deleted.is_(False)).group_by(column)
    if round_id is not None:
        statement = statement.where(model.round_id == round_id)  # type: ignore[attr-defined]
    return {str(key): count for key, count in session.execute(statement)}


def round_figures(session: Session, round_id: uuid.UUID | str | None = None,
                  as_of: dt.date | None = None) -> RoundFigures:
    """Figures for one round, or for the whole workspace when ``round_id`` is None."""
    today = as_of or local_time.today()
    the_round = rounds.service.get(session, round_id) if round_id is not None else None
    key = the_round.id if the_round is not None else None

    def count(model: type[Replicated], *conditions: Any) -> int:
        statement = _live(model).where(*conditions)
        if key is not None:
            statement = statement.where(model.round_id == key)  # type: ignore[attr-defined]
        return session.scalar(statement) or 0

    units: int = len(_round_units(session, key)) if key is not None else (session.scalar(_live(Unit)) or 0)
    clue_counts = _by(session, Clue.status, Clue, key)
    problem_counts = _by(session, Problem.status, Problem, key)
    category_counts = _by(session, Problem.category, Problem, key)
    in_feedback = count(Problem, Problem.in_feedback.is_(True))
    rectified = count(Problem, Problem.in_feedback.is_(True), Problem.status == ProblemStatus.RECTIFIED.value)
    categories = {t.code: t.label_zh for t in vocab.terms(session, "problem_category", key)}
    for code in category_counts:
        categories.setdefault(code, code)
    figures = RoundFigures(
        round_id=str(key) if key else None,
        round_name=the_round.name if the_round else None,
        units=units,
        interviews=count(Interview),
        petitions=count(Petition),
        clues=sum(clue_counts.values()),
        clues_by_status={s.value: clue_counts.get(s.value, 0) for s in ClueStatus},
        problems=sum(problem_counts.values()),
        problems_by_status={s.value: problem_counts.get(s.value, 0) for s in ProblemStatus},
        problems_by_category={code: category_counts.get(code, 0) for code in categories},
        problem_category_labels=categories,
        problems_in_feedback=in_feedback,
        problems_rectified=rectified,
        rectification_rate=_rate(rectified, in_feedback),
        problems_overdue=count(Problem, Problem.deadline < today, Problem.status.in_(NOT_RECTIFIED)),
        as_of=today.isoformat(),
    )
    if the_round is not None and the_round.kind == RoundKind.SUPERVISION:
        figures.supervision = supervision_figures(session, the_round)
    return figures


def supervision_figures(session: Session, the_round: Round) -> SupervisionFigures:
    units = _round_units(session, the_round.id)
    supervised = [uuid.UUID(r) for r in the_round.supervised_round_ids or []]

    def count(*conditions: Any) -> int:
        return session.scalar(_live(Problem).where(*conditions)) or 0

    own = Problem.round_id == the_round.id
    fed_back = count(Problem.round_id.in_(supervised), Problem.unit_id.in_(units), Problem.in_feedback.is_(True))
    not_rectified = count(own, Problem.origin == ProblemOrigin.CARRIED_OVER.value)
    new_found = count(own, Problem.origin == ProblemOrigin.NEW_FOUND.value)
    handed_over = count(own, Problem.handed_over.is_(True))
    rectified = count(own, Problem.handed_over.is_(True), Problem.status == ProblemStatus.RECTIFIED.value)
    return SupervisionFigures(units=len(units), fed_back=fed_back, not_rectified=not_rectified,
                              new_found=new_found, found=not_rectified + new_found, handed_over=handed_over,
                              rectified_since=rectified, rectification_rate=_rate(rectified, handed_over))


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


# ---- the office's view across rounds and groups ------------------------------------------------------------
# A clue's receiving body reports back within three months of the disposition (domain.md, 研判): the feedback
# is due then, and overdue after. Only the dispositions that hand the clue to someone who must answer expect
# it; 暂存待查 (kept) and 予以了结 (closed) wait for nobody.
FEEDBACK_MONTHS = 3
DISPOSITIONS = (ClueStatus.TALK_INQUIRY, ClueStatus.PRELIMINARY_CHECK, ClueStatus.PENDING, ClueStatus.CLOSED_OFF,
                ClueStatus.TRANSFERRED, ClueStatus.ASSIGNED, ClueStatus.IMMEDIATE)
FEEDBACK_EXPECTED = frozenset({ClueStatus.TALK_INQUIRY.value, ClueStatus.PRELIMINARY_CHECK.value,
                               ClueStatus.TRANSFERRED.value, ClueStatus.ASSIGNED.value, ClueStatus.IMMEDIATE.value})
RATE_DIMENSIONS = ("round", "group", "unit", "category")


@dataclass(frozen=True)
class RateRow:
    """The rectification of one round, group, unit or category: problems, those fed back, those of them
    rectified (the rate is rectified ÷ fed back, as in the round's figures) and those overdue."""

    key: str
    label: str
    problems: int
    in_feedback: int
    rectified: int
    rate: float | None
    overdue: int


@dataclass(frozen=True)
class OverdueProblem:
    id: str
    number: str
    statement: str
    round: str
    group: str
    unit: str
    category: str
    deadline: str
    days_overdue: int
    status: str


@dataclass(frozen=True)
class DispositionCount:
    code: str
    label: str
    clues: int
    feedback_overdue: int


@dataclass(frozen=True)
class ClueFeedback:
    """A disposed clue waiting for its receiving body's answer: disposed on (the day of its last status step,
    in the workspace's zone), due three months later, overdue when today is past that."""

    id: str
    title: str
    unit: str
    round: str
    disposition: str
    disposition_label: str
    disposed_on: str
    feedback_due: str
    overdue: bool
    days_left: int


@dataclass(frozen=True)
class RepeatProblem:
    """The same unit and category found again in a later round (回头看, 督查): the rounds in order, how many
    problems in all, and how many of the earlier ones had been declared 整改到位."""

    unit_id: str
    unit: str
    category: str
    category_label: str
    rounds: list[str]
    problems: int
    earlier_rectified: int


@dataclass
class OfficeView:
    round_id: str | None
    round_name: str | None
    as_of: str
    rates: dict[str, list[RateRow]]
    overdue: list[OverdueProblem]
    clues_by_disposition: list[DispositionCount]
    clue_feedback: list[ClueFeedback]
    repeats: list[RepeatProblem]

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


def office_view(session: Session, round_id: uuid.UUID | str | None = None, as_of: dt.date | None = None) -> OfficeView:
    """The office's ledgers over every round and group (``round_id`` None), or over one round: rectification
    rates by round, group, unit and category, overdue problems, clues by disposition with their feedback due
    dates, and problems found again in a later round. Raises PermissionDenied for a role that may not see it,
    NotFound for an unknown round."""
    permissions.require(session, permissions.Action.VIEW_OVERVIEW)
    today = as_of or local_time.today()
    the_round = rounds.service.get(session, round_id) if round_id is not None else None
    key = the_round.id if the_round is not None else None
    return OfficeView(
        round_id=str(key) if key else None, round_name=the_round.name if the_round else None, as_of=today.isoformat(),
        rates={dimension: rectification_rates(session, dimension, key, today) for dimension in RATE_DIMENSIONS},
        overdue=overdue_problems(session, key, today),
        clues_by_disposition=clues_by_disposition(session, key, today),
        clue_feedback=clue_feedback(session, key, today),
        repeats=repeat_problems(session, key))


def _names(session: Session, model: Any) -> dict[uuid.UUID, str]:
    return {row.id: row.name for row in session.execute(select(model.id, model.name).where(model.deleted.is_(False)))}


def _category_labels(session: Session) -> dict[str, str]:
    return {t.code: t.label_zh for t in vocab.terms(session, "problem_category", None)}


def _in_round(statement: Select[Any], column: Any, round_id: uuid.UUID | None) -> Select[Any]:
    return statement if round_id is None else statement.where(column == round_id)


def rectification_rates(session: Session, by: str, round_id: uuid.UUID | None = None,
                        as_of: dt.date | None = None) -> list[RateRow]:
    """Rectification ``by`` "round", "group", "unit" or "category", of one round or all; worst rate first. A
    problem counts for the group that inspected its unit in its round (through the group's 巡察 link)."""
    permissions.require(session, permissions.Action.VIEW_OVERVIEW)
    if by not in RATE_DIMENSIONS:
        raise InvalidRequest("stats_dimension", value=by, choices="、".join(RATE_DIMENSIONS))
    today = as_of or local_time.today()
    fed_back = Problem.in_feedback.is_(True)
    columns = (func.count(),
               func.sum(case((fed_back, 1), else_=0)),
               func.sum(case((and_(fed_back, Problem.status == ProblemStatus.RECTIFIED.value), 1), else_=0)),
               func.sum(case((and_(Problem.deadline < today, Problem.status.in_(NOT_RECTIFIED)), 1), else_=0)))
    statement: Any  # a Select of the key and the four sums
    labels: dict[Any, str]
    if by == "group":
        statement = (select(Group.id, *columns).select_from(Problem)
                     .join(Link, and_(Link.to_id == Problem.unit_id, Link.relation == "inspects",
                                      Link.to_kind == "unit", Link.deleted.is_(False)))
                     .join(Group, and_(Group.id == Link.from_id, Group.round_id == Problem.round_id,
                                       Group.deleted.is_(False)))
                     .group_by(Group.id))
        labels = _names(session, Group)
    else:
        group_column: Any = {"round": Problem.round_id, "unit": Problem.unit_id, "category": Problem.category}[by]
        statement = select(group_column, *columns).group_by(group_column)
        labels = _category_labels(session) if by == "category" else _names(session, Round if by == "round" else Unit)
    statement = _in_round(statement.where(Problem.deleted.is_(False)), Problem.round_id, round_id)
    rows = []
    for row in session.execute(statement):
        group_key: Any = row[0]
        problems, fed, done, late = int(row[1]), int(row[2] or 0), int(row[3] or 0), int(row[4] or 0)
        rows.append(RateRow(str(group_key), labels.get(group_key, str(group_key)), problems, fed, done,
                            _rate(done, fed), late))
    return sorted(rows, key=lambda r: (r.rate if r.rate is not None else 2.0, -r.in_feedback, r.label))


def _groups_by_round_unit(session: Session) -> dict[tuple[uuid.UUID, uuid.UUID], str]:
    """(round, unit) → the name of the group that inspects the unit in that round."""
    statement = (select(Group.round_id, Link.to_id, Group.name)
                 .join(Link, and_(Link.from_id == Group.id, Link.relation == "inspects", Link.to_kind == "unit",
                                  Link.deleted.is_(False)))
                 .where(Group.deleted.is_(False)).order_by(Group.name.desc()))
    return {(r, u): name for r, u, name in session.execute(statement)}


def overdue_problems(session: Session, round_id: uuid.UUID | None = None,
                     as_of: dt.date | None = None) -> list[OverdueProblem]:
    """Problems past their deadline and not rectified (未整改, 整改中, 暂未整改到位), the longest overdue first."""
    permissions.require(session, permissions.Action.VIEW_OVERVIEW)
    today = as_of or local_time.today()
    statement = _in_round(select(Problem).where(Problem.deleted.is_(False), Problem.deadline < today,
                                                Problem.status.in_(NOT_RECTIFIED)), Problem.round_id, round_id)
    problems = list(session.scalars(statement.order_by(Problem.deadline, Problem.number, Problem.id)))
    if not problems:
        return []
    units, round_names, groups = _names(session, Unit), _names(session, Round), _groups_by_round_unit(session)
    categories = _category_labels(session)
    return [OverdueProblem(str(p.id), p.number or "", p.statement, round_names.get(p.round_id, ""),
                           groups.get((p.round_id, p.unit_id), ""), units.get(p.unit_id, ""),
                           categories.get(p.category, p.category), p.deadline.isoformat() if p.deadline else "",
                           (today - p.deadline).days if p.deadline else 0, ProblemStatus(p.status).zh)
            for p in problems]


def disposed_on(clue: Clue) -> dt.date:
    """The day (workspace's zone) of a clue's last status step: for a clue in a disposition, its disposition."""
    stamp = (clue.field_hlc or {}).get("status") or clue.hlc
    moment = dt.datetime.fromtimestamp(Stamp.parse(stamp).millis / 1000, dt.UTC)
    return local_time.local(moment).date()


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` so many calendar months later (the 31st of a shorter month is its last day)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _disposed_clues(session: Session, round_id: uuid.UUID | None) -> list[Clue]:
    statement = select(Clue).where(Clue.deleted.is_(False), Clue.status.in_([d.value for d in DISPOSITIONS]))
    return list(session.scalars(_in_round(statement, Clue.round_id, round_id).order_by(Clue.created_at, Clue.id)))


def clue_feedback(session: Session, round_id: uuid.UUID | None = None,
                  as_of: dt.date | None = None) -> list[ClueFeedback]:
    """Clues disposed of and waiting for the receiving body's answer (三个月内反馈), the earliest due first."""
    permissions.require(session, permissions.Action.VIEW_OVERVIEW)
    today = as_of or local_time.today()
    units, round_names = _names(session, Unit), _names(session, Round)
    found = []
    for clue in _disposed_clues(session, round_id):
        if clue.status not in FEEDBACK_EXPECTED:
            continue
        day = disposed_on(clue)
        due = add_months(day, FEEDBACK_MONTHS)
        # a clue sealed for the discipline secretary is named by its number only, never by its content
        title = clue.number or ("（密封线索）" if clue.sealed else clue.description[:30])
        found.append(ClueFeedback(str(clue.id), title, units.get(clue.unit_id, ""),
                                  round_names.get(clue.round_id, "") if clue.round_id else "", clue.status,
                                  ClueStatus(clue.status).zh, day.isoformat(), due.isoformat(), today > due,
                                  (due - today).days))
    return sorted(found, key=lambda c: (c.feedback_due, c.title))


def clues_by_disposition(session: Session, round_id: uuid.UUID | None = None,
                         as_of: dt.date | None = None) -> list[DispositionCount]:
    """How many clues are in each disposition, and how many of them are past their feedback date."""
    permissions.require(session, permissions.Action.VIEW_OVERVIEW)
    late: dict[str, int] = {}
    for waiting in clue_feedback(session, round_id, as_of):
        late[waiting.disposition] = late.get(waiting.disposition, 0) + int(waiting.overdue)
    counts: dict[str, int] = {}
    for clue in _disposed_clues(session, round_id):
        counts[clue.status] = counts.get(clue.status, 0) + 1
    return [DispositionCount(d.value, d.zh, counts.get(d.value, 0), late.get(d.value, 0)) for d in DISPOSITIONS]


def round_order(session: Session) -> list[Round]:
    """The rounds from the earliest: by start date (undated ones last), then number, then creation."""
    rounds_ = session.scalars(select(Round).where(Round.deleted.is_(False)))
    return sorted(rounds_, key=lambda r: (r.start_date is None, r.start_date or dt.date.min, r.number or 0,
                                          r.created_at, r.id))


def repeat_problems(session: Session, round_id: uuid.UUID | None = None) -> list[RepeatProblem]:
    """Units where a problem of the same category was found again in a later round. Over all rounds, every
    such unit and category; for one round, those of its problems that an earlier round had found already."""
    permissions.require(session, permissions.Action.VIEW_OVERVIEW)
    ordered = round_order(session)
    order = {r.id: at for at, r in enumerate(ordered)}
    name_at = [r.name for r in ordered]
    wanted = order.get(uuid.UUID(str(round_id))) if round_id is not None else None
    found: dict[tuple[uuid.UUID, str], list[tuple[int, str]]] = {}
    rows = session.execute(select(Problem.unit_id, Problem.category, Problem.round_id, Problem.status)
                           .where(Problem.deleted.is_(False)))
    for unit_id, category, problem_round, status in rows:
        if problem_round in order:
            found.setdefault((unit_id, category), []).append((order[problem_round], status))
    units, categories = _names(session, Unit), _category_labels(session)
    repeats = []
    for (unit_id, category), seen in found.items():
        positions = sorted({at for at, _s in seen})
        if len(positions) < 2:
            continue
        if round_id is not None:
            if wanted is None or wanted not in positions or positions[0] == wanted:
                continue  # not found in this round, or found here first
            positions = [at for at in positions if at <= wanted]
        last = positions[-1]
        earlier_rectified = sum(1 for at, status in seen if at < last and status == ProblemStatus.RECTIFIED.value)
        repeats.append(RepeatProblem(str(unit_id), units.get(unit_id, ""), category,
                                     categories.get(category, category),
                                     [name_at[at] for at in positions],
                                     sum(1 for at, _s in seen if at <= last), earlier_rectified))
    return sorted(repeats, key=lambda r: (-len(r.rounds), -r.problems, r.unit, r.category_label))
