"""被巡察单位: inspected units and their Party organisations."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from xuncha_desktop.db.models.organisation import Unit
from xuncha_desktop.errors import ValidationError
from xuncha_desktop.services import rounds
from xuncha_desktop.services.fields import Field, FieldType
from xuncha_desktop.services.records import RecordService

T = FieldType


class UnitService(RecordService[Unit]):
    kind = "unit"
    zh = "被巡察单位"
    en = "unit"
    nav = rounds.PAGE
    list_columns = ("name", "party_org", "party_org_kind", "level", "contact_person")
    category_field = "party_org_kind"
    model = Unit
    round_field = None
    default_order = ("name",)
    fields = (
        Field("name", "单位名称", "name", T.STRING, required=True, max_length=200),
        Field("party_org", "党组织名称", "Party organisation", T.STRING, max_length=200),
        Field("party_org_kind", "党组织类型", "Party organisation kind", T.VOCAB, vocabulary="party_org_kind"),
        Field("level", "单位层级", "level", T.STRING, max_length=50),
        Field("contact_person", "联系人", "contact person", T.STRING, max_length=100),
        Field("contact_phone", "联系电话", "contact phone", T.STRING, max_length=50),
        Field("address", "地址", "address", T.STRING, max_length=300),
        Field("notes", "备注", "notes", T.TEXT),
    )

    def validate(self, session: Session, record: Unit, changed: set[str], is_new: bool) -> None:
        if "name" in changed:
            others = select(Unit.id).where(Unit.name == record.name, Unit.deleted.is_(False))
            if record.id is not None:
                others = others.where(Unit.id != record.id)
            clash = session.scalar(others)
            if clash is not None:
                raise ValidationError("unit_name_taken", "name", value=record.name)


service = UnitService()
