"""个别谈话: interviews, their outline, and the signing that locks the record."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from xuncha_desktop import local_time
from xuncha_desktop.db import audit
from xuncha_desktop.db.enums import InterviewKind
from xuncha_desktop.db.models.interviews import Interview
from xuncha_desktop.errors import ValidationError
from xuncha_desktop.services import declarations, links
from xuncha_desktop.services.fields import Field, FieldType
from xuncha_desktop.services.permissions import require_edit
from xuncha_desktop.services.records import NavPage, RecordService, check_not_before

T = FieldType



class InterviewService(RecordService[Interview]):
    kind = "interview"
    zh = "个别谈话"
    en = "interview"
    nav = NavPage("interview", "个别谈话", "Interviews", "interview", 20)
    list_columns = ("started_at", "interviewee_name", "interviewee_post", "interviewee_category", "kind", "unit_id",
                    "place", "signed")
    date_field = "started_at"
    category_field = "interviewee_category"
    model = Interview
    default_order = ("-started_at",)
    fields = (
        Field("round_id", "巡察轮次", "round", T.REF, ref="round"),
        Field("unit_id", "被巡察单位", "unit", T.REF, required=True, ref="unit"),
        Field("number", "编号", "number", T.STRING, max_length=50),
        Field("kind", "谈话类型", "kind", T.ENUM, required=True, enum=InterviewKind,
              default=InterviewKind.REQUIRED.value),
        Field("interviewee_name", "谈话对象姓名", "interviewee's name", T.STRING, required=True, max_length=100),
        Field("interviewee_unit", "谈话对象单位", "interviewee's unit", T.STRING, max_length=200),
        Field("interviewee_post", "谈话对象职务", "interviewee's post", T.STRING, max_length=200),
        Field("interviewee_political_status", "政治面貌", "political status", T.STRING, max_length=50),
        Field("interviewee_category", "谈话对象类别", "interviewee category", T.VOCAB, required=True,
              vocabulary="interviewee_category"),
        Field("started_at", "开始时间", "start", T.DATETIME, required=True),
        Field("ended_at", "结束时间", "end", T.DATETIME),
        Field("place", "谈话地点", "place", T.STRING, max_length=200),
        Field("interviewers", "谈话人", "interviewers", T.NAMES, default=list),
        Field("recorder", "记录人", "recorder", T.STRING, max_length=100),
        Field("outline", "谈话提纲", "outline", T.STRING, max_length=100),
        Field("record_text", "谈话记录", "record", T.TEXT, default=""),
        Field("signed", "谈话对象已签字", "signed", T.BOOL, default=False, read_only=True),
        Field("signed_at", "签字时间", "signed at", T.DATETIME, read_only=True),
    )

    def title(self, record: Interview) -> str:
        return f"{record.interviewee_name} {local_time.text(record.started_at)}"

    def before_delete(self, session: Session, record: Interview) -> None:
        if record.signed:
            raise ValidationError("signed_locked", "signed", field_zh="谈话对象已签字")
        super().before_delete(session, record)

    def validate(self, session: Session, record: Interview, changed: set[str], is_new: bool) -> None:
        check_not_before(self.field("ended_at"), record.started_at, record.ended_at)
        if len(record.interviewers or []) < 2:
            raise ValidationError("interviewers_two", "interviewers")

    def after_write(self, session: Session, record: Interview, extras: Mapping[str, Any], is_new: bool) -> None:
        declarations.check_interview(session, record)  # 回避: warns of interviewers who declared the unit or person

    def sign(self, session: Session, interview_id: uuid.UUID | str, signed_at: dt.datetime,
             scan_evidence_id: uuid.UUID | None = None) -> Interview:
        """The interviewee read and signed the record: the text is locked; the scan, if any, is linked."""
        require_edit(session, self.kind)
        record = self.get(session, interview_id)
        if signed_at.tzinfo is None:
            raise ValueError("signed_at needs a timezone")
        record.signed = True
        record.signed_at = signed_at
        session.flush()
        if scan_evidence_id is not None:
            links.link(session, "interview", record.id, "evidence", scan_evidence_id)
        audit.record(session, "sign", self.kind, record.id)
        return record


service = InterviewService()
