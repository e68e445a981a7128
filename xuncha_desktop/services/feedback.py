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
from xuncha_desktop.db.enums import FeedbackDraftStatus, RoundKind
from xuncha_desktop.db.models import Group, Interview, Link, Petition, Problem, Round
from xuncha_desktop.errors import InvalidRequest
from xuncha_desktop.reports.data import CategoryBlock, FeedbackData, FeedbackEntry, FeedbackProblem, chinese_date
from xuncha_desktop.services import feedback_drafts as drafts
from xuncha_desktop.services import vocabulary as vocab
from xuncha_desktop.services.redaction import identities
from xuncha_desktop.services.rounds import service as rounds
from xuncha_desktop.services.units import service as units

# The endings of a Party organisation's name, by the kind of organisation (codes of party_org_kind).
ORG_ENDINGS: dict[str, tuple[str, ...]] = {
    "party_group": ("党组",),
    "party_committee": ("党委", "委员会"),
    "working_committee": ("党工委", "工作委员会"),
    "organ_committee": ("机关党委", "机关委员会"),
    "general_branch": ("党总支", "总支部委员会"),
    "branch": ("党支部", "支部委员会"),
}


def org_kind_of_name(name: str) -> str | None:
    """The kind of organisation a name ends with (the longest ending that matches), or None."""
    matches = [(len(ending), kind) for kind, endings in ORG_ENDINGS.items() for ending in endings
               if name.endswith(ending)]
    return max(matches)[1] if matches else None


def party_org_name(name: str | None, unit_name: str, kind: str | None = None, kind_label: str = "") -> str:
    """The Party organisation as the title and the 主送 name it, without the leading 中共.

    Its recorded name, unless that name ends as another kind of organisation than the one recorded (a
    党委 recorded as 党组): the kind, picked from a list, wins and the name is made from the unit's name and
    the kind (娄底市财政局党组). With no name: the unit's name and its kind, else "党组织"."""
    org = (name or "").strip()
    if org and kind is not None and kind_label:
        named = org_kind_of_name(org)
        if named is not None and named != kind:
            org = ""
    if not org:
        base = unit_name.strip()
        base = base[2:] if base.startswith("中共") and len(base) > 4 else base
        org = f"{base}{kind_label or '党组织'}"
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
    """Everything the feedback report for ``unit_id`` in a round says (the unit's latest round if None).

    From the unit's feedback draft when it has one (its 总体评价, its items in its order with their summaries
    and requirements, its count of documents reviewed; marked 征求意见稿 unless 定稿); else one item per
    problem listed for the feedback, marked 征求意见稿. A figure never recorded is None (left out)."""
    unit = units.get(session, unit_id)
    the_round = rounds.get(session, round_id) if round_id is not None else latest_round_of_unit(session, unit.id)
    group = inspecting_group(session, the_round.id, unit.id)
    draft = drafts.draft_for(session, the_round.id, unit.id)
    redact = identities(session)

    def count(model: type[Interview] | type[Petition], *conditions: Any) -> int | None:
        statement = select(func.count()).select_from(model).where(
            model.deleted.is_(False), model.round_id == the_round.id, model.unit_id == unit.id, *conditions)
        return session.scalar(statement) or None  # no record of it here: not recorded, not "0"

    labels = {t.code: t.label_zh for t in vocab.terms(session, "problem_category", the_round.id)}
    # (category code, summary, requirement, problems) in document order
    groups: list[tuple[str | None, str, str | None, list[Problem]]] = []
    if draft is not None:
        for draft_item in drafts.items(session, draft.id):
            chosen = drafts.item_problems(session, draft_item)
            if chosen:
                groups.append((draft_item.category, draft_item.summary, draft_item.requirement, chosen))
        # Problems listed after the draft was made are not dropped: each stands as an item of its own.
        for problem in drafts.uncovered(session, draft):
            groups.append((problem.category, "", None, [problem]))
        order = list(labels)
        groups.sort(key=lambda g: order.index(g[0]) if g[0] in order else len(order))  # stable: items keep order
    else:
        groups = [(p.category, "", None, [p]) for p in drafts.feedback_problems(session, the_round.id, unit.id)]
    problems: list[FeedbackProblem] = []
    blocks: dict[str, list[FeedbackEntry]] = {}
    for category, summary, requirement, rows in groups:
        label = labels.get(category or "", category or "其他")
        entry_problems = []
        for row in rows:
            item = FeedbackProblem(
                number=len(problems) + 1, category=label, statement=redact(row.statement),
                requirement=redact(requirement if requirement is not None else (row.requirement or "")),
                responsible=redact(row.responsible), deadline=chinese_date(row.deadline) if row.deadline else "")
            problems.append(item)
            entry_problems.append(item)
        entry_requirement = redact(requirement) if requirement is not None else entry_problems[0].requirement
        blocks.setdefault(label, []).append(FeedbackEntry(redact(summary), entry_problems, entry_requirement))
    categories = [CategoryBlock(label, entries) for label, entries in blocks.items()]
    kind_label = vocab.label(session, "party_org_kind", unit.party_org_kind) if unit.party_org_kind else ""
    org = party_org_name(unit.party_org, unit.name, unit.party_org_kind, kind_label)
    return FeedbackData(
        title=f"关于巡察{org}的反馈意见", unit_name=unit.name, party_org=org, round_name=the_round.name,
        round_kind=RoundKind(the_round.kind).zh, group_name=group.name if group else "巡察组",
        start=the_round.start_date, end=the_round.end_date,
        interviews=count(Interview), petitions=count(Petition),
        documents=draft.documents_reviewed if draft is not None else None,
        categories=categories, issued_on=issued_on or local_time.today(), marking=marking, problems=problems,
        assessment=redact(draft.assessment or "") if draft is not None else "",
        signing_org=(group.signing_org or "").strip() if group else "",
        for_comment=draft is None or draft.status != FeedbackDraftStatus.FINAL)
