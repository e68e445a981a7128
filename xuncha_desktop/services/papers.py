"""问题底稿: working papers, one per problem, drafted, checked by the deputy leader, approved by the leader."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from xuncha_desktop.db.enums import PaperStatus
from xuncha_desktop.db.models.papers import WorkingPaper
from xuncha_desktop.errors import ValidationError
from xuncha_desktop.services.fields import Field, FieldType
from xuncha_desktop.services.records import NavPage, RecordService

T = FieldType
S = PaperStatus


class PaperService(RecordService[WorkingPaper]):
    kind = "paper"
    zh = "问题底稿"
    en = "working paper"
    nav = NavPage("paper", "问题底稿", "Working papers", "paper", 60)
    list_columns = ("number", "title", "date", "status", "drafted_by", "unit_id")
    date_field = "date"
    model = WorkingPaper
    status_field = "status"
    status_enum = PaperStatus
    initial_status = S.DRAFT.value
    transitions = {
        S.DRAFT: frozenset({S.CHECKED}),
        S.CHECKED: frozenset({S.APPROVED, S.DRAFT}),
        S.APPROVED: frozenset({S.DRAFT}),
    }
    transition_needs = {S.CHECKED: ("checked_by",), S.APPROVED: ("approved_by",)}
    default_order = ("number", "created_at")
    fields = (
        Field("round_id", "巡察轮次", "round", T.REF, ref="round"),
        Field("unit_id", "被巡察单位", "unit", T.REF, required=True, ref="unit"),
        Field("problem_id", "对应问题", "problem", T.REF, ref="problem"),
        Field("title", "底稿标题", "title", T.STRING, required=True, max_length=300),
        Field("number", "底稿编号", "number", T.STRING, max_length=50),
        Field("date", "日期", "date", T.DATE),
        Field("source", "问题来源", "source", T.STRING, max_length=300),
        Field("summary", "问题摘要", "summary", T.TEXT, default=""),
        Field("how_found", "发现方式", "how it was found", T.TEXT),
        Field("drafted_by", "经办人", "drafted by", T.STRING, max_length=100),
        Field("checked_by", "审核人（副组长）", "checked by (deputy leader)", T.STRING, max_length=100),
        Field("approved_by", "审定人（组长）", "approved by (leader)", T.STRING, max_length=100),
        Field("status", "底稿状态", "status", T.ENUM, enum=PaperStatus, read_only=True),
    )

    def validate(self, session: Session, record: WorkingPaper, changed: set[str], is_new: bool) -> None:
        # 一事一底稿: one live paper per problem.
        if record.problem_id is not None and "problem_id" in changed:
            others = select(WorkingPaper.id).where(WorkingPaper.problem_id == record.problem_id,
                                                   WorkingPaper.deleted.is_(False))
            if record.id is not None:
                others = others.where(WorkingPaper.id != record.id)
            other = session.scalar(others)
            if other is not None:
                raise ValidationError("paper_exists", "problem_id", value=str(record.problem_id))


service = PaperService()
