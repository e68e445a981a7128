"""回避: declarations, the warnings they give when a declared member is assigned, interviews or handles a petition,
the audited decision to proceed, the command line printing them, and the family travelling by sync."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from tests.sync.helpers import dump, make, send, trust_all
from xuncha_desktop.db.models.audit import AuditEntry
from xuncha_desktop.errors import ValidationError
from xuncha_desktop.services import declarations
from xuncha_desktop.services import sync as sync_service
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.workspace import Workspace

K = KINDS


def _units(s: Session) -> tuple[str, str]:
    barred = K["unit"].create(s, {"name": "娄底市水利局"})
    other = K["unit"].create(s, {"name": "娄底市林业局"})
    return str(barred.id), str(other.id)


def _declare(s: Session, member: str, relation: str, unit: str | None = None, person: str | None = None) -> str:
    return str(K["declaration"].create(s, {"member_name": member, "relation": relation, "unit_id": unit,
                                           "person_name": person, "note": "本人申报"}).id)


def _proceeds(s: Session) -> list[AuditEntry]:
    return list(s.scalars(select(AuditEntry).where(AuditEntry.action == "recusal_proceed").order_by(AuditEntry.seq)))


def test_a_declaration_names_a_unit_or_a_person(workspace: Workspace) -> None:
    with workspace.transaction() as s:
        with pytest.raises(ValidationError) as caught:
            K["declaration"].create(s, {"member_name": "钱敏", "relation": "亲属"})
        assert caught.value.key == "declaration_concerns_needed" and "相关单位" in caught.value.text("zh")
        record = K["declaration"].create(s, {"member_name": "钱敏", "relation": "亲属", "person_name": "钱某某"})
        assert record.relation == "relative" and record.declared_at is not None
        assert K["declaration"].title(record) == "钱敏 亲属"


def test_assigning_a_declared_member_to_a_group_of_the_unit_warns_and_is_audited(workspace: Workspace) -> None:
    with workspace.transaction() as s:
        barred, other = _units(s)
        the_round = K["round"].create(s, {"name": "五届市委第八轮巡察", "kind": "regular"})
        _declare(s, "钱敏", "曾工作单位", unit=barred)
        members = [{"name": "赵刚", "role": "组长"}, {"name": "钱敏", "role": "组员"}]
        K["group"].create(s, {"round_id": str(the_round.id), "name": "第五巡察组", "members": members,
                              "unit_ids": [other]})
        assert declarations.take_warnings(s) == []  # declared unit not inspected by this group
        group = K["group"].create(s, {"round_id": str(the_round.id), "name": "第六巡察组", "members": members,
                                      "unit_ids": [barred]})
        (warning,) = declarations.take_warnings(s)
        assert (warning.member, warning.relation, warning.kind, warning.record_id) == (
            "钱敏", "former_unit", "group", group.id)
        text = warning.text("zh")
        assert "钱敏" in text and "曾工作单位" in text and "娄底市水利局" in text
        assert "Former unit" in warning.text("en")
        assert declarations.take_warnings(s) == []  # taken once
        (entry,) = _proceeds(s)
        assert entry.kind == "group" and entry.record_id == group.id and entry.actor == "张伟"
        assert entry.detail is not None and "钱敏" in entry.detail and "proceeded by 张伟" in entry.detail


def test_an_interviewer_who_declared_the_unit_or_the_interviewee_is_warned(workspace: Workspace) -> None:
    with workspace.transaction() as s:
        barred, other = _units(s)
        _declare(s, "钱敏", "曾任职", unit=barred)
        _declare(s, "孙丽", "亲属", person="李建国")
        base = {"kind": "必谈", "interviewee_category": "班子成员", "started_at": "2020-05-06T09:00",
                "interviewee_name": "王强"}
        K["interview"].create(s, {**base, "unit_id": other, "interviewers": ["赵刚", "钱敏"]})
        assert declarations.take_warnings(s) == []  # 钱敏's unit is not this one; nobody else declared anything
        K["interview"].create(s, {**base, "unit_id": barred, "interviewers": ["赵刚", "张伟"]})
        assert declarations.take_warnings(s) == []  # the unit is declared, but not by these interviewers
        record = K["interview"].create(s, {**base, "unit_id": barred, "interviewers": ["赵刚", "钱敏"]})
        (by_unit,) = declarations.take_warnings(s)
        assert (by_unit.member, by_unit.relation, by_unit.record_id) == ("钱敏", "former_post", record.id)
        assert "谈话人 钱敏" in by_unit.text("zh") and "曾任职" in by_unit.text("zh")
        K["interview"].update(s, str(record.id), {"interviewers": ["赵刚", "孙丽"], "interviewee_name": "李建国"})
        (by_person,) = declarations.take_warnings(s)
        assert (by_person.member, by_person.relation, by_person.concerned) == ("孙丽", "relative", "李建国")
        assert [e.record_id for e in _proceeds(s)] == [record.id, record.id]


def test_handling_a_petition_about_a_declared_unit_or_person_warns(workspace: Workspace) -> None:
    """The person handling a petition is the one writing it (the workspace's user, 张伟)."""
    with workspace.transaction() as s:
        barred, other = _units(s)
        base = {"channel": "来信", "received_at": "2020-05-06T09:00", "anonymous": True, "summary": "反映问题"}
        K["petition"].create(s, {**base, "unit_id": barred, "subject_names": "王五"})
        assert declarations.take_warnings(s) == []  # nothing declared yet
        _declare(s, "张伟", "亲属", person="王五")
        _declare(s, "钱敏", "曾工作单位", unit=other)  # someone else's declaration: not 张伟's matter
        K["petition"].create(s, {**base, "unit_id": other, "subject_names": "赵六"})
        assert declarations.take_warnings(s) == []
        petition = K["petition"].create(s, {**base, "unit_id": other, "subject_names": "赵六、王五"})
        (warning,) = declarations.take_warnings(s)
        assert (warning.member, warning.relation, warning.concerned, warning.record_id) == (
            "张伟", "relative", "王五", petition.id)
        assert "经办人 张伟" in warning.text("zh")
        (entry,) = _proceeds(s)
        assert entry.kind == "petition" and "proceeded by 张伟" in (entry.detail or "")


def test_declarations_travel(tmp_path: Path) -> None:
    a, b = make(tmp_path / "a", "笔记本A"), make(tmp_path / "b", "办公室")
    try:
        trust_all([a, b])
        with a.transaction() as s:
            barred, _other = _units(s)
            declaration = _declare(s, "钱敏", "曾工作单位", unit=barred)
        summary = sync_service.import_(b, send(a, b, tmp_path))
        assert summary.records_added >= 3
        with b.transaction() as s:
            record = K["declaration"].get(s, declaration)
            assert (record.member_name, record.relation, str(record.unit_id)) == ("钱敏", "former_unit", barred)
            K["declaration"].update(s, declaration, {"note": "已调离该单位三年"})
        sync_service.import_(a, send(b, a, tmp_path))
        assert dump(a) == dump(b)
        with a.transaction() as s:
            assert K["declaration"].get(s, declaration).note == "已调离该单位三年"
    finally:
        a.close()
        b.close()
