"""信访件: petitions. The petitioner's identity is confidential: the fields ``petitioner_*`` are read and
checked here like any other, but stored sealed by ``services.identities`` (never in the petitions table or
the change log), and shown only to a role that may read them, through an audited look."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from xuncha_desktop import local_time
from xuncha_desktop.db.enums import PetitionChannel, PetitionHandling
from xuncha_desktop.db.models.petitions import Petition
from xuncha_desktop.errors import InvalidRequest, ValidationError
from xuncha_desktop.services import declarations, identities, links
from xuncha_desktop.services.fields import Field, FieldType
from xuncha_desktop.services.records import NavPage, RecordService

T = FieldType


class PetitionService(RecordService[Petition]):
    kind = "petition"
    zh = "信访件"
    en = "petition"
    nav = NavPage("petition", "信访件", "Petitions", "petition", 30)
    list_columns = ("number", "received_at", "channel", "subject_names", "category", "unit_id", "handling")
    date_field = "received_at"
    category_field = "category"
    model = Petition
    default_order = ("-received_at",)
    fields = (
        Field("round_id", "巡察轮次", "round", T.REF, ref="round"),
        Field("unit_id", "被反映单位", "unit complained about", T.REF, ref="unit"),
        Field("number", "信访编号", "number", T.STRING, max_length=50),
        Field("channel", "来源渠道", "channel", T.ENUM, required=True, enum=PetitionChannel),
        Field("received_at", "收到时间", "received at", T.DATETIME, required=True),
        Field("petitioner_name", "信访人", "petitioner", T.STRING, max_length=100, confidential=True),
        Field("anonymous", "匿名", "anonymous", T.BOOL, default=False),
        Field("petitioner_contact", "信访人联系方式", "petitioner's contact", T.STRING, max_length=200,
              confidential=True),
        Field("petitioner_id_number", "信访人身份证号", "petitioner's ID number", T.STRING, max_length=32,
              confidential=True),
        Field("petitioner_address", "信访人住址", "petitioner's address", T.STRING, max_length=300,
              confidential=True),
        Field("subject_names", "被反映人", "persons complained about", T.STRING, max_length=500),
        Field("subject_unit", "被反映单位（原文）", "unit complained about (as written)", T.STRING, max_length=200),
        Field("summary", "反映内容摘要", "summary", T.TEXT, required=True),
        Field("category", "问题类别", "category", T.VOCAB, vocabulary="petition_category"),
        Field("in_remit", "属于巡察受理范围", "within the remit", T.BOOL, default=True),
        Field("handling", "处理方式", "handling", T.ENUM, enum=PetitionHandling),
        Field("result", "办理结果", "result", T.TEXT),
    )

    def title(self, record: Petition) -> str:
        received = local_time.text(record.received_at, "%Y-%m-%d")
        return record.number or f"{received} {PetitionChannel(record.channel).zh}"

    def validate(self, session: Session, record: Petition, changed: set[str], is_new: bool) -> None:
        given = record.identity_given()
        if "petitioner_name" in given or is_new:
            named = bool(record.petitioner_name)
        else:  # the name is sealed: any identity held counts (a 组员 cannot, and need not, open it)
            named = bool(record.petitioner_name) or identities.has_identity(session, record.id)
        if not record.anonymous and not named:
            raise ValidationError("petitioner_required", "petitioner_name")

    def read(self, session: Session, record_id: uuid.UUID | str) -> Petition:
        """The audited look at a petition; for a role that may read identities, the identity too (a second
        audit entry, ``identity_view``). Other roles see the petition with its identity fields empty."""
        record = super().read(session, record_id)
        if identities.can_read(session) and identities.has_identity(session, record.id):
            record.identity_shown(identities.identity(session, record.id).as_fields())
        return record

    def after_write(self, session: Session, record: Petition, extras: Mapping[str, Any], is_new: bool) -> None:
        given = record.identity_given()
        if given:
            identities.store(session, record.id, given)
        record.identity_sealed()
        declarations.check_petition(session, record)  # 回避: warns when its handler declared the unit or person

    def _condition(self, session: Session, item: Any) -> Any:
        if item.field in identities.FIELDS:
            raise InvalidRequest("identity_not_filterable", field=item.field)
        return super()._condition(session, item)

    def mark_repeat(self, session: Session, petition_id: uuid.UUID, earlier_id: uuid.UUID) -> None:
        """The petition repeats an earlier one (same person, same matter): they belong together."""
        links.link(session, "petition", petition_id, "petition", earlier_id)

    def repeat_family(self, session: Session, petition_id: uuid.UUID) -> set[uuid.UUID]:
        """Every petition connected to this one by ``repeats`` links, itself included."""
        seen = {petition_id}
        frontier = [petition_id]
        while frontier:
            current = frontier.pop()
            for item in links.linked(session, "petition", current):
                if item.kind == "petition" and item.relation == "repeats" and item.id not in seen:
                    seen.add(item.id)
                    frontier.append(item.id)
        return seen


service = PetitionService()
