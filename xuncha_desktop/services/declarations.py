"""回避: members' declarations of relations that bar them from a matter, and the warnings they give.

A member declares a relation (亲属 a relative, 曾任职 a former post, 曾工作单位 a former unit, 其他) with a unit
and/or a person. The program then warns, without refusing, when that member is assigned to a group inspecting
the unit (``services/groups.py``), is named as an interviewer of an interview of the unit or of the person
(``services/interviews.py``), or handles (registers or changes) a petition about the unit or the person
(``services/petitions.py``). Those services call one function here after each write; the warnings are kept on
the session for the caller (:func:`take_warnings`: the command line prints them, the window shows them) and
the decision to proceed anyway, with who took it, is written to the audit log (action ``recusal_proceed``).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from xuncha_desktop import messages
from xuncha_desktop.db import audit
from xuncha_desktop.db.capture import context_of
from xuncha_desktop.db.models.declarations import Declaration, RelationKind
from xuncha_desktop.db.models.interviews import Interview
from xuncha_desktop.db.models.organisation import Group, GroupMember, Unit
from xuncha_desktop.db.models.petitions import Petition
from xuncha_desktop.errors import ValidationError
from xuncha_desktop.services import links, rounds
from xuncha_desktop.services.fields import Field, FieldType
from xuncha_desktop.services.records import RecordService

T = FieldType
WARNINGS_KEY = "recusal_warnings"
# How the names in a petition's 被反映人 are separated (、，, ；; and spaces).
_NAME_SEPARATORS = re.compile(r"[、，,；;\s]+")


class DeclarationService(RecordService[Declaration]):
    kind = "declaration"
    zh = "回避申报"
    en = "recusal declaration"
    nav = rounds.PAGE  # a tab of 轮次与单位, beside the groups whose members declare
    list_columns = ("member_name", "relation", "unit_id", "person_name", "declared_at")
    date_field = "declared_at"
    category_field = "relation"
    model = Declaration
    default_order = ("-declared_at",)
    round_field = None
    fields = (
        Field("member_name", "申报人", "member", T.STRING, required=True, max_length=100),
        Field("relation", "回避关系", "relation", T.ENUM, required=True, enum=RelationKind),
        Field("unit_id", "相关单位", "unit concerned", T.REF, ref="unit"),
        Field("person_name", "相关人员", "person concerned", T.STRING, max_length=100),
        Field("note", "说明", "note", T.TEXT),
        Field("declared_at", "申报时间", "declared at", T.DATETIME),
    )

    def title(self, record: Declaration) -> str:
        return f"{record.member_name} {RelationKind(record.relation).zh}"

    def validate(self, session: Session, record: Declaration, changed: set[str], is_new: bool) -> None:
        if record.unit_id is None and not (record.person_name or "").strip():
            raise ValidationError("declaration_concerns_needed", "unit_id")
        if record.declared_at is None:
            record.declared_at = context_of(session).now()


service = DeclarationService()


@dataclass(frozen=True)
class RecusalWarning:
    """A member barred by a declaration from the matter a write just touched."""

    member: str
    relation: str  # a RelationKind code
    concerned: str  # the unit's name and/or the person, as declared
    action: str  # "group", "interview" or "petition"
    kind: str
    record_id: uuid.UUID
    declaration_id: uuid.UUID

    def text(self, lang: str | None = None) -> str:
        relation = RelationKind(self.relation)
        return messages.render(f"recusal_warning_{self.action}", lang, member=self.member,
                               relation=relation.zh if (lang or messages.language()) == "zh" else relation.en,
                               concerned=self.concerned)


def take_warnings(session: Session) -> list[RecusalWarning]:
    """The warnings the session's writes gave since the last call (each once)."""
    return list(session.info.pop(WARNINGS_KEY, []))


def declarations_of(session: Session, names: Iterable[str]) -> list[Declaration]:
    wanted = sorted({name.strip() for name in names if name and name.strip()})
    if not wanted:
        return []
    return list(session.scalars(select(Declaration).where(Declaration.member_name.in_(wanted),
                                                          Declaration.deleted.is_(False))
                                .order_by(Declaration.declared_at, Declaration.id)))


def _concerned(session: Session, declaration: Declaration) -> str:
    unit = session.get(Unit, declaration.unit_id) if declaration.unit_id is not None else None
    parts = [unit.name if unit is not None else str(declaration.unit_id)] if declaration.unit_id else []
    if declaration.person_name:
        parts.append(declaration.person_name)
    return "、".join(parts)


def _warn(session: Session, found: list[tuple[Declaration, str]], action: str, kind: str,
          record_id: uuid.UUID) -> list[RecusalWarning]:
    """Keeps the warnings for the caller and audits the decision: the write went ahead, by this actor."""
    made = []
    for declaration, member in found:
        warning = RecusalWarning(member, declaration.relation, _concerned(session, declaration), action, kind,
                                 record_id, declaration.id)
        made.append(warning)
        audit.record(session, "recusal_proceed", kind, record_id,
                     detail=f"{member} ({declaration.relation}: {warning.concerned}), declaration "
                            f"{declaration.id}; proceeded by {context_of(session).actor}")
    session.info.setdefault(WARNINGS_KEY, []).extend(made)
    return made


def _matches(declaration: Declaration, unit_ids: set[uuid.UUID], persons: set[str]) -> bool:
    return (declaration.unit_id is not None and declaration.unit_id in unit_ids) or (
        bool(declaration.person_name) and (declaration.person_name or "").strip() in persons)


def check_group(session: Session, group: Group) -> list[RecusalWarning]:
    """Members of ``group`` who declared a relation with a unit it inspects."""
    units = set(links.linked_ids(session, "group", group.id, "unit"))
    members = session.scalars(select(GroupMember.name).where(GroupMember.group_id == group.id,
                                                             GroupMember.deleted.is_(False)))
    found = [(d, d.member_name) for d in declarations_of(session, members) if _matches(d, units, set())]
    return _warn(session, found, "group", "group", group.id)


def check_interview(session: Session, interview: Interview) -> list[RecusalWarning]:
    """Interviewers who declared a relation with the interview's unit or with the interviewee."""
    units = {interview.unit_id} if interview.unit_id is not None else set()
    persons = {interview.interviewee_name.strip()} if interview.interviewee_name else set()
    found = [(d, d.member_name) for d in declarations_of(session, interview.interviewers or [])
             if _matches(d, units, persons)]
    return _warn(session, found, "interview", "interview", interview.id)


def check_petition(session: Session, petition: Petition) -> list[RecusalWarning]:
    """The person handling the petition (who writes it: the session's actor) when they declared a relation with
    the unit complained about or with a person it names (被反映人)."""
    units = {petition.unit_id} if petition.unit_id is not None else set()
    persons = {name for name in _NAME_SEPARATORS.split(petition.subject_names or "") if name}
    found = [(d, d.member_name) for d in declarations_of(session, [context_of(session).actor])
             if _matches(d, units, persons)]
    return _warn(session, found, "petition", "petition", petition.id)
