"""问题清单 / 整改台账: the problems of a round or a unit as rows for the Excel ledger."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.orm import Session

from xuncha_desktop.db.enums import ProblemOrigin, ProblemStatus, Severity
from xuncha_desktop.db.models import Problem, Unit
from xuncha_desktop.errors import InvalidRequest
from xuncha_desktop.reports.data import Ledger, LedgerRow
from xuncha_desktop.services import vocabulary as vocab
from xuncha_desktop.services.redaction import identities
from xuncha_desktop.services.rounds import service as rounds
from xuncha_desktop.services.units import service as units

STATUS_LABELS = [s.zh for s in ProblemStatus]


def ledger(session: Session, round_id: uuid.UUID | str | None = None, unit_id: uuid.UUID | str | None = None,
           feedback_only: bool = False) -> Ledger:
    """The problems of a round and/or a unit, in unit and number order, every identity of the
    workspace struck out of the free text (the ledger goes to the units)."""
    if round_id is None and unit_id is None:
        raise InvalidRequest("round_required")
    the_round = rounds.get(session, round_id) if round_id is not None else None
    unit = units.get(session, unit_id) if unit_id is not None else None
    statement = select(Problem, Unit.name).join(Unit, Unit.id == Problem.unit_id).where(Problem.deleted.is_(False))
    if the_round is not None:
        statement = statement.where(Problem.round_id == the_round.id)
    if unit is not None:
        statement = statement.where(Problem.unit_id == unit.id)
    if feedback_only:
        statement = statement.where(Problem.in_feedback.is_(True))
    statement = statement.order_by(Unit.name, Problem.number, Problem.created_at, Problem.id)
    redact = identities(session)
    rows = []
    for index, (problem, unit_name) in enumerate(session.execute(statement), 1):
        rows.append(LedgerRow(
            index=index, unit=unit_name, number=problem.number or "",
            category=vocab.label(session, "problem_category", problem.category, problem.round_id),
            sub_category=redact(problem.sub_category), statement=redact(problem.statement),
            severity=Severity(problem.severity).zh if problem.severity else "",
            origin=ProblemOrigin(problem.origin).zh, requirement=redact(problem.requirement),
            responsible=redact(problem.responsible),
            deadline=problem.deadline.isoformat() if problem.deadline else "",
            status=ProblemStatus(problem.status).zh, measures=redact(problem.measures),
            proof=redact(problem.proof),
            rectified_on=problem.rectified_on.isoformat() if problem.rectified_on else "",
            supervision_remarks=redact(problem.supervision_remarks), id=str(problem.id)))
    parts = [p for p in ((the_round.name if the_round else ""), (unit.name if unit else "")) if p]
    return Ledger(title=f"{' '.join(parts)} 问题清单（整改台账）", rows=rows, statuses=STATUS_LABELS)
