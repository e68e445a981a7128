"""巡察轮次: rounds of inspection."""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from xuncha_desktop.db.enums import RoundKind
from xuncha_desktop.db.models.organisation import Round
from xuncha_desktop.errors import ValidationError
from xuncha_desktop.services.fields import Field, FieldType
from xuncha_desktop.services.records import NavPage, RecordService, check_not_before
from xuncha_desktop.services.registry import record_exists

T = FieldType


# Rounds, groups and units are tabs of one page.
PAGE = NavPage("rounds_units", "轮次与单位", "Rounds and units", "rounds", 10)


class RoundService(RecordService[Round]):
    kind = "round"
    zh = "巡察轮次"
    en = "round"
    nav = PAGE
    list_columns = ("name", "kind", "term", "number", "start_date", "end_date")
    date_field = "start_date"
    model = Round
    round_field = None
    default_order = ("-start_date",)
    fields = (
        Field("name", "轮次名称", "name", T.STRING, required=True, max_length=200),
        Field("kind", "巡察类型", "kind", T.ENUM, required=True, enum=RoundKind),
        Field("term", "届次", "term", T.STRING, max_length=50),
        Field("number", "轮次序号", "number", T.INT),
        Field("start_date", "开始日期", "start date", T.DATE),
        Field("end_date", "结束日期", "end date", T.DATE),
        Field("supervised_round_ids", "督查的轮次", "supervised rounds", T.REFS, default=list),
        Field("notes", "备注", "notes", T.TEXT),
        # Written by a supervision round's group for its report (整改督查报告 三、四).
        Field("analysis", "督查分析（存在问题及原因）", "analysis (what remains and why)", T.TEXT),
        Field("next_steps", "下一步工作", "next steps", T.TEXT),
    )

    def validate(self, session: Session, record: Round, changed: set[str], is_new: bool) -> None:
        check_not_before(self.field("end_date"), record.start_date, record.end_date)
        for round_id in record.supervised_round_ids or []:
            if round_id == str(record.id) or not record_exists(session, "round", uuid.UUID(round_id)):
                raise ValidationError("field_ref_missing", "supervised_round_ids", field_zh="督查的轮次",
                                      ref="round", ref_zh=self.zh, value=round_id)


service = RoundService()
