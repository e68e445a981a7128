"""What the 巡察反馈意见 (feedback to a unit) says, gathered from the records as plain dataclasses.

The document modules never query the database: they get a :class:`FeedbackData`. Nothing here ever
reads a petitioner's name or contact or an interviewee's name into it; and since problem statements
and requirements are free text typed by people, every written form of every identity in the workspace
is also struck out of them (``×××``, :mod:`xuncha_desktop.services.redaction`) before they reach the
document.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from xuncha_desktop import local_time
from xuncha_desktop.db.enums import EvidenceObtained, RoundKind
from xuncha_desktop.db.models import Evidence, Group, Interview, Link, Petition, Problem, Round
from xuncha_desktop.errors import InvalidRequest
from xuncha_desktop.reports.data import CategoryBlock, FeedbackData, FeedbackProblem, chinese_date
from xuncha_desktop.services import vocabulary as vocab
from xuncha_desktop.services.redaction import identities
from xuncha_desktop.services.rounds import service as rounds
from xuncha_desktop.services.units import service as units


def party_org_name(name: str | None, unit_name: str) -> str:
    """The Party organisation as a title names it (without the leading 中共)."""
    org = (name or "").strip() or f"{unit_name}党组织"
    return org[2:] if org.startswith("中共") and len(org) > 4 else org


def round_units(session: Session, round_id: uuid.UUID) -> list[uuid.UUID]:
    statement = (select(Link.to_id).join(Group, Group.id == Link.from_id)
                 .where(Group.round_id == round_id, Group.deleted.is_(False), Link.deleted.is_(False),
                        Link.relation == "inspects", Link.to_kind == "unit").distinct())
    return list(session.scalars(statement))


def inspecting_group(session: Session, round_id: uuid.UUID, unit_id: uuid.UUID) -> Group | None:
    statement = (select(Group).join(Link, Link.from_id == Group.id)
                 .where(Group.round_id == round_id, Group.deleted.is_(False), Link.deleted.is_(False),
                        Link.relation == "inspects", Link.to_id == unit_id).order_by(Group.name))
    return session.scalars(statement).first()


def latest_round_of_unit(session: Session, unit_id: uuid.UUID) -> Round:
    """The latest round (by start date) other than a supervision whose groups inspect the unit."""
    statement = (select(Round).join(Group, Group.round_id == Round.id).join(Link, Link.from_id == Group.id)
                 .where(Link.to_id == unit_id, Link.relation == "inspects", Link.deleted.is_(False),
                        Group.deleted.is_(False), Round.deleted.is_(False),
                        Round.kind != RoundKind.SUPERVISION.value)
                 .order_by(Round.start_date.desc().nulls_last(), Round.id))
    found = session.scalars(statement).first()
    if found is None:
        raise InvalidRequest("report_no_round", unit=str(unit_id))
    return found


def feedback_data(session: Session, unit_id: uuid.UUID | str, round_id: uuid.UUID | str | None = None,
                  issued_on: dt.date | None = None, marking: str | None = None) -> FeedbackData:
    """Everything the feedback report for ``unit_id`` in a round says (the unit's latest round if None)."""
    unit = units.get(session, unit_id)
    the_round = rounds.get(session, round_id) if round_id is not None else latest_round_of_unit(session, unit.id)
    group = inspecting_group(session, the_round.id, unit.id)
    redact = identities(session)

    def count(model: type[Interview] | type[Petition] | type[Evidence], *conditions: Any) -> int:
        statement = select(func.count()).select_from(model).where(
            model.deleted.is_(False), model.round_id == the_round.id, model.unit_id == unit.id, *conditions)
        return session.scalar(statement) or 0

    labels = {t.code: t.label_zh for t in vocab.terms(session, "problem_category", the_round.id)}
    order = list(labels)
    rows = list(session.scalars(select(Problem).where(
        Problem.deleted.is_(False), Problem.round_id == the_round.id, Problem.unit_id == unit.id,
        Problem.in_feedback.is_(True)).order_by(Problem.number, Problem.created_at, Problem.id)))
    rows.sort(key=lambda p: order.index(p.category) if p.category in order else len(order))
    problems: list[FeedbackProblem] = []
    blocks: dict[str, list[FeedbackProblem]] = {}
    for number, row in enumerate(rows, 1):
        item = FeedbackProblem(
            number=number, category=labels.get(row.category, row.category),
            statement=redact(row.statement), requirement=redact(row.requirement), responsible=redact(row.responsible),
            deadline=chinese_date(row.deadline) if row.deadline else "")
        problems.append(item)
        blocks.setdefault(item.category, []).append(item)
    categories = []
    for label, items in blocks.items():
        requirements = list(dict.fromkeys(p.requirement for p in items if p.requirement))
        categories.append(CategoryBlock(label, items, requirements))
    org = party_org_name(unit.party_org, unit.name)
    return FeedbackData(
        title=f"关于巡察{org}的反馈意见", unit_name=unit.name, party_org=org, round_name=the_round.name,
        round_kind=RoundKind(the_round.kind).zh, group_name=group.name if group else "巡察组",
        start=the_round.start_date, end=the_round.end_date,
        interviews=count(Interview), petitions=count(Petition),
        documents=count(Evidence, Evidence.obtained_how.in_((EvidenceObtained.REVIEW.value,
                                                              EvidenceObtained.COPY.value))),
        categories=categories, issued_on=issued_on or local_time.today(), marking=marking, problems=problems)
