"""What each document is made of: filled by the services, read by the writers of this package.

The writers take these plain values and never query anything themselves, so the same data makes the
PDF, the .docx and the sheet, and a test can build a document from values alone.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any


def chinese_date(day: dt.date) -> str:
    """2021年1月5日: no leading zeros, as official documents write dates."""
    return f"{day.year}年{day.month}月{day.day}日"


def work_figures(interviews: int | None, petitions: int | None, documents: int | None) -> list[str]:
    """开展个别谈话N人次, 受理信访举报N件（次）, 调阅资料N份: only the figures recorded (never a 0 for what
    nobody counted), as the feedback and the 巡察情况报告 say them."""
    figures = []
    if interviews:
        figures.append(f"开展个别谈话{interviews}人次")
    if petitions:
        figures.append(f"受理信访举报{petitions}件（次）")
    if documents:
        figures.append(f"调阅资料{documents}份")
    return figures


# ---- 巡察反馈意见 ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class FeedbackProblem:
    number: int                 # 序号 in the problem list
    category: str               # label
    statement: str
    requirement: str            # the 整改要求 of its item (the problem's own when there is no draft)
    responsible: str
    deadline: str               # 2021年3月5日, or "" when none


@dataclass(frozen=True)
class FeedbackEntry:
    """One item of the feedback: the group's summary over one or more problems, and its 整改要求. Without a
    draft each problem is an item of its own with no summary."""

    summary: str
    problems: list[FeedbackProblem]
    requirement: str


@dataclass(frozen=True)
class CategoryBlock:
    label: str
    items: list[FeedbackEntry]

    @property
    def problems(self) -> list[FeedbackProblem]:
        return [p for item in self.items for p in item.problems]


@dataclass
class FeedbackData:
    title: str
    unit_name: str
    party_org: str              # the addressee without 中共 (娄底市财政局党组)
    round_name: str
    round_kind: str             # 常规巡察 …
    group_name: str
    start: dt.date | None
    end: dt.date | None
    # The work done; None when the group never recorded it (the sentence then leaves it out, never says 0).
    interviews: int | None
    petitions: int | None
    documents: int | None
    categories: list[CategoryBlock]
    issued_on: dt.date
    marking: str | None = None  # e.g. 内部资料 注意保存
    problems: list[FeedbackProblem] = field(default_factory=list)
    assessment: str = ""        # 总体评价 of the draft ("" without one)
    signing_org: str = ""       # the 落款 in full (中共娄底市委第三巡察组); the group's name when not recorded
    # Not yet 定稿 (or no draft at all): the document is marked 征求意见稿.
    for_comment: bool = True

    @property
    def signed_by(self) -> str:
        return self.signing_org or self.group_name


# ---- 谈话记录 --------------------------------------------------------------------------------------

@dataclass
class InterviewRecordData:
    number: str
    header: list[tuple[str, str]]   # (label, value), in the order printed
    record: str
    signed: bool
    signed_at: str
    group_name: str = ""            # the 巡察组 that held the interview, under the title
    marking: str = ""               # 机密 …, at the top left of every page


@dataclass(frozen=True)
class CitedRule:
    """A 定性依据 a working paper cites: 《document》（edition）article and its text."""

    document: str
    edition: str
    article: str
    text: str

    @property
    def citation(self) -> str:
        edition = f"（{self.edition}）" if self.edition else ""
        return f"{self.document}{edition}{self.article}"


# ---- 问题底稿 --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Material:
    kind: str      # 证据材料 / 谈话记录 / 信访件
    title: str
    detail: str
    sha256: str
    file_name: str = ""  # the evidence file's name, broken only at its separators (_ - . /)


@dataclass
class WorkingPaperData:
    title: str
    header: list[tuple[str, str]]
    problem_statement: str
    summary: str
    how_found: str
    materials: list[Material]
    drafted_by: str
    checked_by: str
    approved_by: str
    status: str
    rules: list[CitedRule] = field(default_factory=list)   # 定性依据
    unit_response: str = ""      # 被巡察单位意见, as recorded
    unit_agrees: str = ""        # 无异议 / 部分有异议 / 有异议, or "" when not asked
    drafted_on: str = ""         # 2020年5月6日 (the paper's date)
    checked_on: str = ""         # the check's date, when taken
    approved_on: str = ""        # the sign-off's date, when taken


# ---- 整改督查报告 ----------------------------------------------------------------------------------

@dataclass
class SupervisionFigures:
    """The figures of a rectification-supervision report (整改督查)."""

    units: int
    fed_back: int          # problems in the feedback of the supervised rounds, for these units
    not_rectified: int     # of those, found not yet rectified by the supervision
    new_found: int         # problems the supervision newly found
    found: int             # not_rectified + new_found: the supervision's problem list
    handed_over: int       # listed and handed to the units for immediate rectification
    rectified_since: int   # of those handed over, rectified since
    rectification_rate: float | None


@dataclass
class SupervisionRow:
    name: str
    fed_back: int = 0
    not_rectified: int = 0
    new_found: int = 0
    handed_over: int = 0
    rectified_since: int = 0

    @property
    def found(self) -> int:
        return self.not_rectified + self.new_found

    @property
    def rate(self) -> float | None:
        return self.rectified_since / self.handed_over if self.handed_over else None

    @property
    def fed_back_rectified_rate(self) -> float | None:
        """Share of the problems fed back that the supervision did not find unrectified."""
        return (self.fed_back - self.not_rectified) / self.fed_back if self.fed_back else None


@dataclass
class SupervisionData:
    round_name: str
    start: dt.date | None
    end: dt.date | None
    supervised_rounds: list[str]
    notes: str
    units: list[SupervisionRow]
    categories: list[SupervisionRow]
    total: SupervisionRow
    figures: SupervisionFigures
    extra: dict[str, Any] = field(default_factory=dict)
    analysis: str = ""           # the group's analysis of what remains (the round's 督查分析)
    next_steps: str = ""         # the group's next steps (the round's 下一步工作)
    signed_by: str = ""          # 落款: the supervision round's group, or the office
    addressee: str = "市委巡察工作领导小组"
    issued_on: dt.date | None = None


# ---- 问题清单（整改台账） ---------------------------------------------------------------------------

COLUMNS: tuple[tuple[str, str, int], ...] = (
    # (attribute, header, width in characters). The unit fills the EDITABLE ones and sends the workbook back
    # (``xuncha ledger import``); the others are read-only and checked against the records on import.
    ("index", "序号", 5),
    ("round", "巡察轮次", 16),          # only when the ledger spans rounds
    ("unit", "被巡察单位", 16),
    ("number", "问题编号", 8),
    ("category", "问题类别", 14),
    ("sub_category", "问题子类", 9),
    ("statement", "问题表述", 40),
    ("severity", "严重程度", 7),
    ("origin", "问题来源", 9),
    ("requirement", "整改要求", 28),
    ("responsible", "责任单位/责任人", 12),
    ("deadline", "整改时限", 13),
    ("status", "整改进展", 11),
    ("measures", "整改措施", 30),
    ("proof", "完成情况", 24),
    ("rectified_on", "完成日期", 13),
    ("supervision_remarks", "督查意见", 20),
    ("id", "记录编号", 12),
)
EDITABLE = ("status", "measures", "proof", "rectified_on")
DATE_COLUMNS = ("deadline", "rectified_on")


@dataclass
class LedgerRow:
    index: int
    round: str
    unit: str
    number: str
    category: str
    sub_category: str
    statement: str
    severity: str
    origin: str
    requirement: str
    responsible: str
    deadline: dt.date | None
    status: str
    measures: str
    proof: str
    rectified_on: dt.date | None
    supervision_remarks: str
    id: str


@dataclass
class Ledger:
    title: str
    rows: list[LedgerRow]
    statuses: list[str]          # the choices of the status column
    spans_rounds: bool = False   # a 巡察轮次 column is shown
    round_id: str = ""           # the scope the file claims (written into the workbook, checked on import)
    unit_id: str = ""

    @property
    def columns(self) -> tuple[tuple[str, str, int], ...]:
        return tuple(c for c in COLUMNS if c[0] != "round" or self.spans_rounds)


# ---- 清退证明（巡后清退） -------------------------------------------------------------------------

@dataclass
class ClearanceData:
    """What a laptop's clearance certificate states: the device, what it held, and the acknowledgement."""

    device_name: str
    device_id: str
    user_name: str
    rounds: list[str]                    # the rounds the workspace held
    counts: list[tuple[str, int]]        # (record kind in Chinese, live records)
    evidence_files: int                  # files in the evidence store
    changes: int                         # this device's own changes, all acknowledged
    evidence_acknowledged: int           # this device's own evidence files, all acknowledged
    ack_id: str
    ack_created_at: str                  # local time text
    office_name: str
    office_id: str
    cleared_at: str                      # local time text, with the zone
    time_zone: str
    chain_hash: str                      # the last acknowledged change's chain hash


# ---- 巡察情况报告 ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class SituationArea:
    """One of the problem categories (the four areas) with its problems' count and statements."""

    label: str
    count: int
    statements: list[str]


@dataclass(frozen=True)
class SituationClue:
    number: str
    category: str
    source: str
    summary: str                # identities of petitioners and interviewees struck out
    disposition: str            # proposed: 谈话函询 … or ""
    status: str


@dataclass
class SituationData:
    title: str
    unit_name: str
    party_org: str
    round_name: str
    round_kind: str
    group_name: str
    start: dt.date | None
    end: dt.date | None
    interviews: int | None      # None: none recorded, left out of the text
    petitions: int | None
    documents: int | None
    areas: list[SituationArea]
    problems: int
    clues: list[SituationClue]
    overview: str
    suggestions: list[str]      # paragraphs
    issued_on: dt.date
    marking: str | None = None  # 机密 / 内部 …, printed at the top left


# ---- 问题线索移交函 ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class TransferItem:
    index: int
    number: str
    persons: str                # persons involved, named: that is what a transfer is for
    summary: str                # petitioners' (and interviewees' other than the persons) identities struck out
    source: str
    disposition: str            # 谈话函询 / 初步核实 / 暂存待查 / 予以了结 (proposed), or ""
    evidence: list[str]         # titles of the supporting materials


@dataclass
class TransferLetterData:
    title: str
    number: str                 # 文号, "" when none
    addressee: str
    recipient_kind: str         # 纪委监委 / 组织部
    unit_name: str
    round_name: str
    group_name: str
    items: list[TransferItem]
    issued_on: dt.date
    received: str = ""          # "张三 2020年7月2日 10:00 签收", "" before receipt
    marking: str | None = None
