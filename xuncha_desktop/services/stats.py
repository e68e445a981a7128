"""Figures of a round (or of everything): counts by status and category, rates, and for a supervision
round the figures of its report. Every number is counted from the records, never stored."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from xuncha_desktop import local_time
from xuncha_desktop.db.base import Replicated
from xuncha_desktop.db.enums import ClueStatus, ProblemOrigin, ProblemStatus, RoundKind
from xuncha_desktop.db.models import Clue, Group, Interview, Link, Petition, Problem, Round, Unit
from xuncha_desktop.reports.data import SupervisionFigures
from xuncha_desktop.services import rounds
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
