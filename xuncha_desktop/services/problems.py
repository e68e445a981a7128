"""问题: problems, their place in the feedback, and their rectification.

未整改 → 整改中 → 整改到位, or 暂未整改到位 / 长期坚持 along the paths in ``transitions``. Every status
step writes a rectification update, so the history of a problem can be read back and supervised.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from xuncha_desktop.db.capture import context_of
from xuncha_desktop.db.enums import ProblemOrigin, ProblemStatus, Severity
from xuncha_desktop.db.models.problems import Problem, RectificationUpdate
from xuncha_desktop.services.fields import Field, FieldType
from xuncha_desktop.services.records import NavPage, RecordService

T = FieldType
S = ProblemStatus


class ProblemService(RecordService[Problem]):
    kind = "problem"
    zh = "问题"
    en = "problem"
    nav = NavPage("problem", "问题与整改", "Problems and rectification", "problem", 70)
    list_columns = ("number", "category", "statement", "severity", "status", "deadline", "responsible", "unit_id")
    date_field = "deadline"
    category_field = "category"
    model = Problem
    status_field = "status"
    status_enum = ProblemStatus
    initial_status = S.OPEN.value
    transitions = {
        S.OPEN: frozenset({S.IN_PROGRESS, S.RECTIFIED, S.NOT_RECTIFIED, S.ONGOING}),
        S.IN_PROGRESS: frozenset({S.RECTIFIED, S.NOT_RECTIFIED, S.ONGOING}),
        S.NOT_RECTIFIED: frozenset({S.IN_PROGRESS, S.RECTIFIED, S.ONGOING}),
        S.ONGOING: frozenset({S.RECTIFIED, S.NOT_RECTIFIED}),
        # A supervisor may find that a problem reported as rectified is not.
        S.RECTIFIED: frozenset({S.NOT_RECTIFIED}),
    }
    transition_needs = {
        S.RECTIFIED: ("proof",),
        S.IN_PROGRESS: ("measures",),
        S.ONGOING: ("measures",),
    }
    extra_keys = ("remark", "recorded_by")
    default_order = ("unit_id", "number", "created_at")
    fields = (
        Field("round_id", "巡察轮次", "round", T.REF, required=True, ref="round"),
        Field("unit_id", "被巡察单位", "unit", T.REF, required=True, ref="unit"),
        Field("number", "问题编号", "number", T.STRING, max_length=50),
        Field("category", "问题类别", "category", T.VOCAB, required=True, vocabulary="problem_category"),
        Field("sub_category", "问题子类", "sub-category", T.STRING, max_length=64),
        Field("statement", "问题表述", "statement", T.TEXT, required=True),
        Field("severity", "严重程度", "severity", T.ENUM, enum=Severity),
        Field("origin", "问题来源", "origin", T.ENUM, required=True, enum=ProblemOrigin,
              default=ProblemOrigin.INSPECTION.value),
        Field("in_feedback", "列入反馈意见", "in the feedback", T.BOOL, default=False),
        Field("handed_over", "已交办整改", "handed over for rectification", T.BOOL, default=False),
        Field("requirement", "整改要求", "rectification requirement", T.TEXT),
        Field("responsible", "责任单位/责任人", "responsible", T.STRING, max_length=200),
        Field("deadline", "整改时限", "deadline", T.DATE),
        Field("status", "整改状态", "status", T.ENUM, enum=ProblemStatus, read_only=True),
        Field("measures", "整改措施", "measures taken", T.TEXT),
        Field("proof", "整改佐证", "proof of rectification", T.TEXT),
        Field("supervision_remarks", "督查意见", "supervision remarks", T.TEXT),
        Field("rectified_on", "整改完成日期", "rectified on", T.DATE),
    )

    def title(self, record: Problem) -> str:
        return record.number or record.statement[:30]

    def on_status_change(self, session: Session, record: Problem, old: str | None, new: str,
                         values: Mapping[str, Any], extras: Mapping[str, Any]) -> None:
        ctx = context_of(session)
        if new == S.RECTIFIED and record.rectified_on is None:
            record.rectified_on = ctx.now().date()
        if new != S.RECTIFIED:
            record.rectified_on = None
        remark = extras.get("remark")
        session.add(RectificationUpdate(
            problem_id=record.id, round_id=record.round_id, at=ctx.now(), status_before=old, status_after=new,
            measures=record.measures, proof=record.proof, remark=str(remark) if remark else None,
            recorded_by=str(extras.get("recorded_by") or ctx.actor)))

    def updates(self, session: Session, problem_id: uuid.UUID) -> list[RectificationUpdate]:
        return list(session.scalars(select(RectificationUpdate).where(
            RectificationUpdate.problem_id == problem_id, RectificationUpdate.deleted.is_(False))
            .order_by(RectificationUpdate.at, RectificationUpdate.id)))

    def extra_dict(self, session: Session, record: Problem) -> dict[str, Any]:
        return {"updates": [{"at": u.at.isoformat(), "status_before": u.status_before, "status_after": u.status_after,
                             "remark": u.remark, "recorded_by": u.recorded_by}
                            for u in self.updates(session, record.id)]}


service = ProblemService()
