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


# ---- 问题底稿 --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Material:
    kind: str      # 证据材料 / 谈话记录 / 信访件
    title: str
    detail: str
    sha256: str


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


# ---- 问题清单（整改台账） ---------------------------------------------------------------------------

COLUMNS: tuple[tuple[str, str, int], ...] = (
    # (attribute, header, width in characters)
    ("index", "序号", 6),
    ("unit", "被巡察单位", 22),
    ("number", "问题编号", 10),
    ("category", "问题类别", 22),
    ("sub_category", "问题子类", 12),
    ("statement", "问题表述", 50),
    ("severity", "严重程度", 9),
    ("origin", "问题来源", 14),
    ("requirement", "整改要求", 36),
    ("responsible", "责任单位/责任人", 20),
    ("deadline", "整改时限", 12),
    ("status", "整改状态", 13),
    ("measures", "整改措施", 36),
    ("proof", "整改佐证", 24),
    ("rectified_on", "整改完成日期", 13),
    ("supervision_remarks", "督查意见", 30),
    ("id", "记录编号", 38),
)


@dataclass
class LedgerRow:
    index: int
    unit: str
    number: str
    category: str
    sub_category: str
    statement: str
    severity: str
    origin: str
    requirement: str
    responsible: str
    deadline: str
    status: str
    measures: str
    proof: str
    rectified_on: str
    supervision_remarks: str
    id: str


@dataclass
class Ledger:
    title: str
    rows: list[LedgerRow]
    statuses: list[str]          # the choices of the status column


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
