"""问题线索: clues and their way from registration to conclusion.

登记 → 了解核实 → 研判 → one of the four dispositions (谈话函询, 初步核实, 暂存待查, 予以了结) or
移交 / 交办 / 立行立改 → 办结. A clue under analysis may go back for more verification, and one kept
for later may be analysed again.
"""

from __future__ import annotations

from xuncha_desktop.db.enums import ClueSource, ClueStatus, ProposedDisposition
from xuncha_desktop.db.models.clues import Clue
from xuncha_desktop.services.fields import Field, FieldType
from xuncha_desktop.services.records import NavPage, RecordService

T = FieldType
S = ClueStatus

_DISPOSITIONS = frozenset({S.TALK_INQUIRY, S.PRELIMINARY_CHECK, S.PENDING, S.CLOSED_OFF,
                           S.TRANSFERRED, S.ASSIGNED, S.IMMEDIATE})


class ClueService(RecordService[Clue]):
    kind = "clue"
    zh = "问题线索"
    en = "clue"
    nav = NavPage("clue", "问题线索", "Clues", "clue", 40)
    list_columns = ("number", "source_kind", "persons_involved", "category", "status", "unit_id", "receiving_body")
    category_field = "category"
    model = Clue
    status_field = "status"
    status_enum = ClueStatus
    initial_status = S.REGISTERED.value
    transitions = {
        S.REGISTERED: frozenset({S.VERIFYING}),
        S.VERIFYING: frozenset({S.ANALYSING}),
        S.ANALYSING: _DISPOSITIONS | {S.VERIFYING},
        S.TALK_INQUIRY: frozenset({S.DONE}),
        S.PRELIMINARY_CHECK: frozenset({S.DONE}),
        S.PENDING: frozenset({S.DONE, S.ANALYSING}),
        S.CLOSED_OFF: frozenset({S.DONE}),
        S.TRANSFERRED: frozenset({S.DONE}),
        S.ASSIGNED: frozenset({S.DONE}),
        S.IMMEDIATE: frozenset({S.DONE}),
        S.DONE: frozenset(),
    }
    transition_needs = {
        S.TRANSFERRED: ("receiving_body",),
        S.ASSIGNED: ("receiving_body",),
        S.DONE: ("result",),
    }
    default_order = ("-created_at",)
    fields = (
        Field("round_id", "巡察轮次", "round", T.REF, ref="round"),
        Field("unit_id", "被巡察单位", "unit", T.REF, required=True, ref="unit"),
        Field("number", "线索编号", "number", T.STRING, max_length=50),
        Field("source_kind", "线索来源", "source", T.ENUM, required=True, enum=ClueSource),
        Field("persons_involved", "涉及人员", "persons involved", T.STRING, max_length=500),
        Field("description", "线索内容", "description", T.TEXT, required=True),
        Field("category", "线索类别", "category", T.VOCAB, vocabulary="clue_category"),
        Field("status", "办理状态", "status", T.ENUM, enum=ClueStatus, read_only=True),
        Field("sealed", "密封报送", "sealed", T.BOOL, default=False),
        Field("receiving_body", "接收单位", "receiving body", T.STRING, max_length=200),
        Field("result", "办理结果", "result", T.TEXT),
        Field("proposed_disposition", "拟处置方式", "proposed disposition", T.ENUM, enum=ProposedDisposition),
    )

    def title(self, record: Clue) -> str:
        return record.number or record.description[:30]


service = ClueService()
