"""巡察情况报告: the group's report on a unit to the 巡察工作领导小组 after 进驻.

The group writes two parts itself, kept in a ``situation_report`` record per round and unit (总体评价 and
意见建议, edited in the window's form or with ``xuncha records add|update situation_report``); the rest is
gathered from the records when the report is made (:func:`situation_data`): 基本情况 (round, unit, dates,
the interviews, petitions and documents reviewed as recorded: a figure nothing was recorded for is left out),
the problems by category (the four areas) with their counts, and the clues with their proposed dispositions.

Identities: as in the feedback, every petitioner's and interviewee's identity is struck out of the free text
(``redaction.identities``); clues are summarised without the persons involved (those are named only in a
transfer's list, to the body that receives it: ``services/transfers.py``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from xuncha_desktop import local_time
from xuncha_desktop.db.enums import ClueSource, ClueStatus, EvidenceObtained, ProposedDisposition, RoundKind
from xuncha_desktop.db.models import Clue, Evidence, Interview, Petition, Problem
from xuncha_desktop.db.models.situation_reports import SituationReport
from xuncha_desktop.errors import ValidationError
from xuncha_desktop.reports.data import SituationArea, SituationClue, SituationData
from xuncha_desktop.services import rounds as round_family
from xuncha_desktop.services import vocabulary as vocab
from xuncha_desktop.services.feedback import inspecting_group, latest_round_of_unit, party_org_name
from xuncha_desktop.services.fields import Field, FieldType
from xuncha_desktop.services.records import RecordService
from xuncha_desktop.services.redaction import identities
from xuncha_desktop.services.rounds import service as rounds
from xuncha_desktop.services.units import service as units

T = FieldType

MARKINGS = ("机密", "秘密", "内部", "内部资料 注意保存")


class SituationReportService(RecordService[SituationReport]):
    kind = "situation_report"
    zh = "巡察情况报告"
    en = "situation report"
    nav = round_family.PAGE  # a tab of 轮次与单位
    list_columns = ("round_id", "unit_id", "overview", "suggestions")
    model = SituationReport
    default_order = ("-created_at",)
    fields = (
        Field("round_id", "巡察轮次", "round", T.REF, required=True, ref="round"),
        Field("unit_id", "被巡察单位", "unit", T.REF, required=True, ref="unit"),
        Field("overview", "总体评价", "overall assessment", T.TEXT),
        Field("suggestions", "意见建议", "suggestions", T.TEXT),
    )

    def title(self, record: SituationReport) -> str:
        return f"巡察情况报告 {record.created_at:%Y-%m-%d}" if record.created_at else "巡察情况报告"

    def validate(self, session: Session, record: SituationReport, changed: set[str], is_new: bool) -> None:
        if is_new or changed & {"round_id", "unit_id"}:
            twin = session.scalar(select(SituationReport.id).where(
                SituationReport.deleted.is_(False), SituationReport.round_id == record.round_id,
                SituationReport.unit_id == record.unit_id, SituationReport.id != record.id))
            if twin is not None:
                raise ValidationError("situation_report_twice", "unit_id", id=str(twin))


service = SituationReportService()


def written_parts(session: Session, round_id: uuid.UUID, unit_id: uuid.UUID) -> SituationReport | None:
    """The group's own text for this round and unit, if it wrote any."""
    return session.scalars(select(SituationReport).where(
        SituationReport.deleted.is_(False), SituationReport.round_id == round_id,
        SituationReport.unit_id == unit_id).order_by(SituationReport.created_at)).first()


def situation_data(session: Session, unit_id: uuid.UUID | str, round_id: uuid.UUID | str | None = None,
                   issued_on: dt.date | None = None, marking: str | None = None) -> SituationData:
    """Everything the 巡察情况报告 on ``unit_id`` says (the unit's latest round if ``round_id`` is None).
    Raises NotFound (unit, round), InvalidRequest (``report_no_round``), XunchaError
    (``identity_redaction_refused`` for a role that may not read the identities it must strike out)."""
    unit = units.get(session, unit_id)
    the_round = rounds.get(session, round_id) if round_id is not None else latest_round_of_unit(session, unit.id)
    group = inspecting_group(session, the_round.id, unit.id)
    redact = identities(session)

    def count(model: Any, *conditions: Any) -> int | None:
        found = session.scalar(select(func.count()).select_from(model).where(
            model.deleted.is_(False), model.round_id == the_round.id, model.unit_id == unit.id, *conditions)) or 0
        return found or None  # nothing recorded is left out of the text, never printed as 0

    labels = {t.code: t.label_zh for t in vocab.terms(session, "problem_category", the_round.id)}
    problems = list(session.scalars(select(Problem).where(
        Problem.deleted.is_(False), Problem.round_id == the_round.id, Problem.unit_id == unit.id)
        .order_by(Problem.number, Problem.created_at, Problem.id)))
    by_area: dict[str, list[str]] = {}
    order = list(labels)
    for problem in sorted(problems, key=lambda p: order.index(p.category) if p.category in order else len(order)):
        by_area.setdefault(labels.get(problem.category, problem.category), []).append(redact(problem.statement))
    areas = [SituationArea(label, len(items), list(dict.fromkeys(items))) for label, items in by_area.items()]
    clue_rows = session.scalars(select(Clue).where(
        Clue.deleted.is_(False), Clue.round_id == the_round.id, Clue.unit_id == unit.id)
        .order_by(Clue.number, Clue.created_at, Clue.id))
    clues = [SituationClue(
        number=clue.number or "", category=vocab.label(session, "clue_category", clue.category, the_round.id),
        source=ClueSource(clue.source_kind).zh, summary=redact(clue.description),
        disposition=ProposedDisposition(clue.proposed_disposition).zh if clue.proposed_disposition else "",
        status=ClueStatus(clue.status).zh) for clue in clue_rows]
    written = written_parts(session, the_round.id, unit.id)
    suggestions = [line.strip() for line in (written.suggestions or "").splitlines() if line.strip()] \
        if written else []
    org = party_org_name(unit.party_org, unit.name)
    return SituationData(
        title=f"关于巡察{org}情况的报告", unit_name=unit.name, party_org=org, round_name=the_round.name,
        round_kind=RoundKind(the_round.kind).zh, group_name=group.name if group else "巡察组",
        start=the_round.start_date, end=the_round.end_date,
        interviews=count(Interview), petitions=count(Petition),
        documents=count(Evidence, Evidence.obtained_how.in_((EvidenceObtained.REVIEW.value,
                                                              EvidenceObtained.COPY.value))),
        areas=areas, problems=len(problems), clues=clues,
        overview=redact(written.overview) if written and written.overview else "",
        suggestions=[redact(s) for s in suggestions], issued_on=issued_on or local_time.today(), marking=marking)
