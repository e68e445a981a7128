"""What the interview record, the working paper and the supervision report say, as plain dataclasses.

The document modules in ``reports/`` get these and never query the database. The supervision report's
figures are counted here from the records (the totals by ``services.stats``), never stored.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from xuncha_desktop import local_time
from xuncha_desktop.db.enums import (
    InterviewKind,
    PaperStatus,
    PetitionChannel,
    ProblemOrigin,
    ProblemStatus,
    RoundKind,
    UnitAgreement,
)
from xuncha_desktop.db.models import Group, Problem, Rule, Unit
from xuncha_desktop.errors import InvalidRequest
from xuncha_desktop.reports.data import (
    CitedRule,
    InterviewRecordData,
    Material,
    SupervisionData,
    SupervisionRow,
    WorkingPaperData,
    chinese_date,
)
from xuncha_desktop.services import links, stats
from xuncha_desktop.services import vocabulary as vocab
from xuncha_desktop.services.evidence import service as evidence_service
from xuncha_desktop.services.feedback import inspecting_group, round_units
from xuncha_desktop.services.interviews import service as interviews
from xuncha_desktop.services.papers import service as papers
from xuncha_desktop.services.petitions import service as petitions
from xuncha_desktop.services.problems import service as problems
from xuncha_desktop.services.redaction import identities
from xuncha_desktop.services.rounds import service as rounds
from xuncha_desktop.services.units import service as units


def _local(moment: dt.datetime | None) -> dt.datetime | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return local_time.local(moment)


def chinese_time(moment: dt.datetime | None) -> str:
    local = _local(moment)
    return f"{chinese_date(local.date())}{local:%H:%M}" if local else ""


# ---- interview record ------------------------------------------------------------------------------

# An interview's record holds what a named person said to the group: it is printed 机密 unless the caller
# chooses another marking (``xuncha report interview --marking``).
INTERVIEW_MARKING = "机密"


def interview_record(session: Session, interview_id: uuid.UUID | str,
                     marking: str | None = None) -> InterviewRecordData:
    """The interview record with all its header fields (for the interviewee to read and sign), the group
    that held it and the marking (``INTERVIEW_MARKING`` unless given; "" for none)."""
    record = interviews.read(session, interview_id)
    unit = units.get(session, record.unit_id)
    round_name = rounds.get(session, record.round_id).name if record.round_id else ""
    start, end = _local(record.started_at), _local(record.ended_at)
    when = chinese_time(record.started_at)
    if end is not None and start is not None:
        when += f"至{end:%H:%M}" if end.date() == start.date() else f"至{chinese_time(record.ended_at)}"
    header = [
        ("谈话对象", record.interviewee_name),
        ("单位", record.interviewee_unit or unit.name),
        ("职务", record.interviewee_post or ""),
        ("政治面貌", record.interviewee_political_status or ""),
        ("对象类别", vocab.label(session, "interviewee_category", record.interviewee_category, record.round_id)),
        ("谈话类型", InterviewKind(record.kind).zh),
        ("谈话时间", when),
        ("谈话地点", record.place or ""),
        ("谈话人", "、".join(record.interviewers or [])),
        ("记录人", record.recorder or ""),
        ("谈话提纲", record.outline or ""),
        ("被巡察单位", unit.name),
        ("巡察轮次", round_name),
        ("编号", record.number or ""),
    ]
    group = inspecting_group(session, record.round_id, record.unit_id) if record.round_id else None
    return InterviewRecordData(number=record.number or "", header=header, record=record.record_text or "",
                               signed=record.signed, signed_at=chinese_time(record.signed_at),
                               group_name=group.name if group else "",
                               marking=INTERVIEW_MARKING if marking is None else marking.strip())


# ---- working paper ---------------------------------------------------------------------------------

def working_paper(session: Session, paper_id: uuid.UUID | str) -> WorkingPaperData:
    """The working paper and its supporting materials (evidence with its SHA-256, interviews, petitions).

    Interviews are named by number, date and post and petitions by number, channel and date: a working
    paper travels through the group's hands, and the names stay in the records they belong to. Its free
    text (title, statement, summary, source, evidence titles and file names) is redacted."""
    paper = papers.read(session, paper_id)
    unit = units.get(session, paper.unit_id)
    round_name = rounds.get(session, paper.round_id).name if paper.round_id else ""
    statement = ""
    problem_number = ""
    if paper.problem_id is not None:
        problem = problems.get(session, paper.problem_id)
        statement, problem_number = problem.statement, problem.number or ""
    redact = identities(session)
    # 定性依据: the rules the paper cites, and those its problem cites.
    cited = set(links.linked_ids(session, "paper", paper.id, "rule"))
    if paper.problem_id is not None:
        cited |= set(links.linked_ids(session, "problem", paper.problem_id, "rule"))
    rules = [CitedRule(r.document, r.edition or "", r.article, r.text) for r in session.scalars(
        select(Rule).where(Rule.id.in_(cited), Rule.deleted.is_(False)).order_by(Rule.document, Rule.position,
                                                                               Rule.id))] if cited else []
    materials: list[Material] = []
    for item in links.linked(session, "paper", paper.id):
        if item.relation != "material":
            continue
        if item.kind == "evidence":
            ev = evidence_service.get(session, item.id)
            label = vocab.label(session, "evidence_type", ev.evidence_type, ev.round_id)
            detail = "，".join(x for x in (label, f"{ev.pages}页" if ev.pages else "") if x)
            materials.append(Material("证据材料", redact(ev.title), redact(detail), ev.sha256 or "",
                                      redact(ev.file_name or "")))
        elif item.kind == "interview":
            iv = interviews.get(session, item.id)
            materials.append(Material("谈话记录", f"个别谈话记录 {iv.number or ''}".strip(),
                                      f"{chinese_time(iv.started_at)}，{iv.interviewee_post or ''}", ""))
        elif item.kind == "petition":
            pe = petitions.get(session, item.id)
            materials.append(Material("信访件", f"信访件 {pe.number or ''}".strip(),
                                      f"{PetitionChannel(pe.channel).zh}，{chinese_time(pe.received_at)}", ""))
    materials.sort(key=lambda m: (m.kind, m.title))
    # Only what is recorded: an empty value leaves its label out rather than an empty cell.
    header = [(label, value) for label, value in (
        ("底稿编号", paper.number or ""), ("日期", chinese_date(paper.date) if paper.date else ""),
        ("被巡察单位", unit.name), ("巡察轮次", round_name), ("问题来源", redact(paper.source)),
        ("对应问题", problem_number), ("底稿状态", PaperStatus(paper.status).zh)) if value]
    checked, approved = _local(paper.checked_at), _local(paper.approved_at)
    return WorkingPaperData(
        title=redact(paper.title), header=header, problem_statement=redact(statement),
        summary=redact(paper.summary), how_found=redact(paper.how_found), materials=materials,
        drafted_by=paper.drafted_by or "", checked_by=paper.checked_by or "", approved_by=paper.approved_by or "",
        status=PaperStatus(paper.status).zh, rules=rules, unit_response=redact(paper.unit_response),
        unit_agrees=UnitAgreement(paper.unit_agrees).zh if paper.unit_agrees else "",
        drafted_on=chinese_date(paper.date) if paper.date else "",
        checked_on=chinese_date(checked.date()) if checked else "",
        approved_on=chinese_date(approved.date()) if approved else "")


# ---- supervision report ----------------------------------------------------------------------------

def supervision_report(session: Session, round_id: uuid.UUID | str,
                       issued_on: dt.date | None = None) -> SupervisionData:
    """Per unit, per category and in total: fed back, not yet rectified, newly found, handed over,
    rectified since, and rates, for a rectification-supervision round; with the group's analysis and next
    steps (the round's fields) and its 落款: the round's group when it has one, else the office."""
    the_round = rounds.get(session, round_id)
    if the_round.kind != RoundKind.SUPERVISION:
        raise InvalidRequest("report_not_supervision", name=the_round.name)
    figures = stats.supervision_figures(session, the_round)
    unit_ids = round_units(session, the_round.id)
    supervised = [uuid.UUID(r) for r in the_round.supervised_round_ids or []]
    names = {uid: name for uid, name in session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(unit_ids)))}
    rows = {u: SupervisionRow(names.get(u, str(u))) for u in unit_ids}
    labels = {t.code: t.label_zh for t in vocab.terms(session, "problem_category", the_round.id)}
    by_category: dict[str, SupervisionRow] = {code: SupervisionRow(label) for code, label in labels.items()}

    def grouped(column: Any, *conditions: Any) -> dict[Any, int]:
        statement = select(column, func.count()).where(Problem.deleted.is_(False), *conditions).group_by(column)
        return {key: count for key, count in session.execute(statement)}

    own = Problem.round_id == the_round.id
    carried = Problem.origin == ProblemOrigin.CARRIED_OVER.value
    new = Problem.origin == ProblemOrigin.NEW_FOUND.value
    handed = Problem.handed_over.is_(True)
    done = Problem.status == ProblemStatus.RECTIFIED.value
    fed = (Problem.round_id.in_(supervised), Problem.unit_id.in_(unit_ids), Problem.in_feedback.is_(True))
    for column, target in ((Problem.unit_id, rows), (Problem.category, by_category)):
        for attr, conditions in (("fed_back", fed), ("not_rectified", (own, carried)), ("new_found", (own, new)),
                                 ("handed_over", (own, handed)), ("rectified_since", (own, handed, done))):
            for key, count in grouped(column, *conditions).items():
                if key not in target:
                    target[key] = SupervisionRow(labels.get(key, str(key)))
                setattr(target[key], attr, count)
    total = SupervisionRow("合计", figures.fed_back, figures.not_rectified, figures.new_found, figures.handed_over,
                           figures.rectified_since)
    unit_rows = sorted(rows.values(), key=lambda r: r.name)
    groups = list(session.scalars(select(Group.name).where(Group.round_id == the_round.id,
                                                           Group.deleted.is_(False)).order_by(Group.name)))
    redact = identities(session)
    return SupervisionData(
        round_name=the_round.name, start=the_round.start_date, end=the_round.end_date,
        supervised_rounds=[rounds.get(session, r).name for r in supervised],
        notes=redact(the_round.notes),
        units=unit_rows, categories=[r for r in by_category.values() if r.fed_back or r.found],
        total=total, figures=figures, analysis=redact(the_round.analysis), next_steps=redact(the_round.next_steps),
        signed_by=groups[0] if len(groups) == 1 else "市委巡察工作领导小组办公室",
        issued_on=issued_on or local_time.today())
