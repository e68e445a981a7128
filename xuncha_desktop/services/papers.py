"""问题底稿: working papers, one per problem, drafted by the member who handled it (经办人), checked by the deputy
leader (副组长审核), signed off by the leader (组长审定), in that order.

Who may take each step is the permission matrix's (``services/permissions.py``); who took it and when is
recorded here from the acting person, never typed in: ``checked_by``/``checked_at`` at the check,
``approved_by``/``approved_at`` at the sign-off. A paper sent back to 起草 loses both, so it is checked and
signed again (the audit log keeps the earlier steps). A checked or signed-off paper is not edited: what the
leader signs is what the deputy checked; it is returned to 起草 first."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from xuncha_desktop.db.capture import context_of
from xuncha_desktop.db.enums import PaperStatus, UnitAgreement
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
        Field("unit_response", "被巡察单位意见", "the unit's response", T.TEXT),
        Field("unit_agrees", "单位是否认可", "does the unit agree", T.ENUM, enum=UnitAgreement),
        Field("drafted_by", "经办人", "drafted by", T.STRING, max_length=100),
        Field("checked_by", "审核人（副组长）", "checked by (deputy leader)", T.STRING, max_length=100,
              read_only=True),
        Field("checked_at", "审核时间", "checked at", T.DATETIME, read_only=True),
        Field("approved_by", "审定人（组长）", "approved by (leader)", T.STRING, max_length=100, read_only=True),
        Field("approved_at", "审定时间", "approved at", T.DATETIME, read_only=True),
        Field("status", "底稿状态", "status", T.ENUM, enum=PaperStatus, read_only=True),
    )

    def validate(self, session: Session, record: WorkingPaper, changed: set[str], is_new: bool) -> None:
        if is_new and not record.drafted_by:
            record.drafted_by = context_of(session).actor  # the 经办人 is who drafts it, unless named
        # 一事一底稿: one live paper per problem.
        if record.problem_id is not None and "problem_id" in changed:
            others = select(WorkingPaper.id).where(WorkingPaper.problem_id == record.problem_id,
                                                   WorkingPaper.deleted.is_(False))
            if record.id is not None:
                others = others.where(WorkingPaper.id != record.id)
            other = session.scalar(others)
            if other is not None:
                raise ValidationError("paper_exists", "problem_id", value=str(record.problem_id))

    def before_update(self, session: Session, record: WorkingPaper, changed: set[str]) -> None:
        super().before_update(session, record, changed)
        edited = sorted(changed - {"status"})
        if edited and record.status != S.DRAFT:
            status = S(record.status)
            raise ValidationError("paper_locked", edited[0], field_zh=self.field(edited[0]).zh,
                                  status_zh=status.zh, status_en=status.en.lower())

    def on_status_change(self, session: Session, record: WorkingPaper, old: str | None, new: str,
                         values: Mapping[str, Any], extras: Mapping[str, Any]) -> None:
        ctx = context_of(session)
        if new == S.CHECKED:
            record.checked_by, record.checked_at = ctx.actor, ctx.now()
        elif new == S.APPROVED:
            record.approved_by, record.approved_at = ctx.actor, ctx.now()
        else:  # back to 起草: the next check and sign-off are new ones
            record.checked_by = record.checked_at = record.approved_by = record.approved_at = None


service = PaperService()
