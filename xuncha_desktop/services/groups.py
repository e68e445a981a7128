"""巡察组: groups of a round, their members (组长, 副组长, 组员, 联络员) and the units they inspect."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from xuncha_desktop.db.enums import MemberRole
from xuncha_desktop.db.models.organisation import Group, GroupMember
from xuncha_desktop.errors import InvalidRequest
from xuncha_desktop.services import declarations, links, rounds
from xuncha_desktop.services.fields import Field, FieldType, coerce
from xuncha_desktop.services.records import RecordService

T = FieldType

MEMBER_FIELDS = (
    Field("name", "成员姓名", "member name", T.STRING, required=True, max_length=100),
    Field("role", "职责", "role", T.ENUM, required=True, enum=MemberRole),
    Field("post", "职务", "post", T.STRING, max_length=200),
)


class GroupService(RecordService[Group]):
    kind = "group"
    zh = "巡察组"
    en = "group"
    nav = rounds.PAGE
    list_columns = ("name", "round_id")
    model = Group
    default_order = ("name",)
    extra_keys = ("members", "unit_ids")
    fields = (
        Field("round_id", "巡察轮次", "round", T.REF, required=True, ref="round"),
        Field("name", "巡察组名称", "name", T.STRING, required=True, max_length=200),
        Field("signing_org", "落款署名（全称）", "signing organisation (in full)", T.STRING, max_length=200),
        Field("notes", "备注", "notes", T.TEXT),
    )

    def members(self, session: Session, group_id: uuid.UUID) -> list[GroupMember]:
        order = [m.value for m in MemberRole]
        rows = session.scalars(select(GroupMember).where(GroupMember.group_id == group_id,
                                                         GroupMember.deleted.is_(False)).order_by(GroupMember.id))
        return sorted(rows, key=lambda m: order.index(m.role) if m.role in order else len(order))

    def unit_ids(self, session: Session, group_id: uuid.UUID) -> list[uuid.UUID]:
        return links.linked_ids(session, "group", group_id, "unit")

    def after_write(self, session: Session, record: Group, extras: Mapping[str, Any], is_new: bool) -> None:
        if "members" in extras:
            self._replace_members(session, record, extras["members"])
        if "unit_ids" in extras:
            wanted = extras["unit_ids"]
            if not isinstance(wanted, list):
                raise InvalidRequest("field_type", field="unit_ids", field_zh="巡察单位",
                                     expected_zh="记录编号列表", expected_en="a list of record ids",
                                     value=repr(wanted))
            current = set(self.unit_ids(session, record.id))
            for unit_id in wanted:
                links.link(session, "group", record.id, "unit", unit_id)
            for unit_id in current - {uuid.UUID(str(u)) for u in wanted}:
                links.unlink(session, "group", record.id, "unit", unit_id)
        declarations.check_group(session, record)  # 回避: warns of members who declared a unit it inspects

    def _replace_members(self, session: Session, record: Group, members: Any) -> None:
        if not isinstance(members, list) or not all(isinstance(m, Mapping) for m in members):
            raise InvalidRequest("field_type", field="members", field_zh="成员", expected_zh="成员对象列表",
                                 expected_en="a list of member objects", value=repr(members)[:60])
        wanted: list[dict[str, Any]] = []
        for member in members:
            values = {}
            for field in MEMBER_FIELDS:
                value = coerce(field, member.get(field.name))
                if field.required and value is None:
                    raise field.fail("field_required")
                values[field.name] = value
            unknown = set(member) - {f.name for f in MEMBER_FIELDS} - {"id"}
            if unknown:
                raise InvalidRequest("unknown_field", kind="member", kind_zh="巡察组成员", field=sorted(unknown)[0],
                                     fields=", ".join(f.name for f in MEMBER_FIELDS))
            wanted.append(values)
        existing = self.members(session, record.id)
        # Members already there with the same name keep their record (and history); others are tombstoned.
        by_name = {m.name: m for m in existing}
        for values in wanted:
            current = by_name.pop(values["name"], None)
            if current is None:
                session.add(GroupMember(group_id=record.id, **values))
            else:
                current.role, current.post = values["role"], values["post"]
        for gone in by_name.values():
            gone.deleted = True
        session.flush()

    def leader(self, session: Session, group_id: uuid.UUID) -> str | None:
        for member in self.members(session, group_id):
            if member.role == MemberRole.LEADER:
                return member.name
        return None

    def extra_dict(self, session: Session, record: Group) -> dict[str, Any]:
        return {
            "members": [{"name": m.name, "role": m.role, "post": m.post} for m in self.members(session, record.id)],
            "unit_ids": [str(u) for u in self.unit_ids(session, record.id)],
        }


service = GroupService()
