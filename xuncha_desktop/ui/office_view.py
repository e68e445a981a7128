"""巡察办总览: the office's view across rounds and groups (``services.stats.office_view``).

One page of the navigation, for the roles that may see it (``view_overview``): a scope (全部轮次 or one round),
and four tabs: rectification rates (by round, group, unit or category), overdue problems, clues by disposition
with their three-month feedback dates, and problems found again in a later round. Double-clicking a problem or
a clue opens it; a unit's or a category's rate opens the problem list filtered by it.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from xuncha_desktop.services.stats import OfficeView
from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.ui.models import PlainTableModel
from xuncha_desktop.ui.pages import refill


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate * 100:.1f}%"


class OfficePage(QWidget):
    """The office's ledgers across rounds and groups, of every round or of the chosen one."""

    open_list = Signal(str, str, str)  # kind, filter name, code
    open_record = Signal(str, str)

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("page_office")
        self.view: OfficeView | None = None
        self.as_of: dt.date | None = None  # today, unless a test sets the day
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("范围")))
        self.scope_box = QComboBox()
        self.scope_box.setObjectName("office_scope")
        self.scope_box.addItem(self.tr("全部轮次"), None)
        self.scope_box.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addWidget(self.scope_box, 2)
        top.addWidget(QLabel(self.tr("整改率统计")))
        self.by_box = QComboBox()
        self.by_box.setObjectName("office_by")
        for key, label in (("round", self.tr("按轮次")), ("group", self.tr("按巡察组")),
                           ("unit", self.tr("按被巡察单位")), ("category", self.tr("按问题类别"))):
            self.by_box.addItem(label, key)
        self.by_box.currentIndexChanged.connect(lambda _i: self._show_rates())
        top.addWidget(self.by_box)
        self.as_of_label = QLabel()
        self.as_of_label.setObjectName("office_as_of")
        top.addWidget(self.as_of_label)
        top.addStretch(1)
        layout.addLayout(top)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("office_tabs")
        self.rates_model = PlainTableModel([self.tr("名称"), self.tr("问题"), self.tr("列入反馈"), self.tr("已整改"),
                                            self.tr("整改率"), self.tr("逾期未整改")], self)
        self.rates_view = self._table("office_rates", self.rates_model, 0)
        self.rates_view.doubleClicked.connect(self._rate_activated)
        self.overdue_model = PlainTableModel([self.tr("问题编号"), self.tr("问题表述"), self.tr("轮次"),
                                              self.tr("巡察组"), self.tr("被巡察单位"), self.tr("问题类别"),
                                              self.tr("整改时限"), self.tr("逾期天数"), self.tr("整改状态")], self)
        self.overdue_view = self._table("office_overdue", self.overdue_model, 1)
        self.overdue_view.doubleClicked.connect(
            lambda index: self.open_record.emit("problem", self.overdue_model.payload(index.row())))
        self.dispositions_model = PlainTableModel([self.tr("处置方式"), self.tr("线索数"), self.tr("反馈逾期")], self)
        self.feedback_model = PlainTableModel([self.tr("线索"), self.tr("被巡察单位"), self.tr("轮次"),
                                               self.tr("处置方式"), self.tr("处置日期"), self.tr("反馈期限"),
                                               self.tr("状态")], self)
        clues = QSplitter(Qt.Orientation.Vertical)
        clues.setObjectName("office_clues")
        dispositions = self._table("office_dispositions", self.dispositions_model, 0)
        # the seven dispositions whole, without scrolling
        dispositions.setMinimumHeight(dispositions.horizontalHeader().sizeHint().height() + 4
                                      + 7 * dispositions.verticalHeader().defaultSectionSize())
        clues.addWidget(dispositions)
        self.feedback_view = self._table("office_feedback", self.feedback_model, 0)
        self.feedback_view.doubleClicked.connect(
            lambda index: self.open_record.emit("clue", self.feedback_model.payload(index.row())))
        clues.addWidget(self.feedback_view)
        clues.setStretchFactor(1, 1)
        clues.setCollapsible(0, False)
        self.repeats_model = PlainTableModel([self.tr("被巡察单位"), self.tr("问题类别"), self.tr("发现轮次"),
                                              self.tr("问题数"), self.tr("此前已整改到位")], self)
        self.repeats_view = self._table("office_repeats", self.repeats_model, 2)
        self.repeats_view.doubleClicked.connect(
            lambda index: self.open_list.emit("problem", "unit", self.repeats_model.payload(index.row())))
        self.tabs.addTab(self.rates_view, self.tr("整改率"))
        self.tabs.addTab(self.overdue_view, self.tr("逾期问题"))
        self.tabs.addTab(clues, self.tr("线索反馈"))
        self.tabs.addTab(self.repeats_view, self.tr("重复问题"))
        layout.addWidget(self.tabs, 1)
        note = QLabel(self.tr("整改率 = 列入反馈的问题中整改到位的数量 ÷ 列入反馈的问题数；线索处置后三个月内应反馈；"
                              "重复问题：同一单位、同一类别的问题在后续轮次再次发现"))
        note.setObjectName("office_note")
        note.setWordWrap(True)
        layout.addWidget(note)
        # the figures are gathered when the page is first shown (showEvent), not at every start of the window

    def showEvent(self, event: QShowEvent) -> None:
        if self.view is None:
            self.refresh()
        super().showEvent(event)

    def refresh_if_shown(self) -> None:
        """Reads the figures again if they have been read; a page never shown reads them when it is."""
        if self.view is not None:
            self.refresh()

    def _table(self, name: str, model: PlainTableModel, stretch: int) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return view

    def refresh(self) -> None:
        refill(self.scope_box, self.controller.ref_choices("round"))
        view = self.controller.office_view(self.scope_box.currentData(), self.as_of)
        self.view = view
        self.as_of_label.setText(self.tr("截至 %1").replace("%1", view.as_of))
        self._show_rates()
        self.overdue_model.set_rows([([p.number, " ".join(p.statement.split())[:60], p.round, p.group, p.unit,
                                       p.category, p.deadline, str(p.days_overdue), p.status], p.id)
                                     for p in view.overdue])
        self.dispositions_model.set_rows([([d.label, str(d.clues), str(d.feedback_overdue)], d.code)
                                          for d in view.clues_by_disposition])
        self.feedback_model.set_rows([([c.title, c.unit, c.round, c.disposition_label, c.disposed_on, c.feedback_due,
                                        self.tr("逾期 %1 天").replace("%1", str(-c.days_left)) if c.overdue
                                        else self.tr("剩 %1 天").replace("%1", str(c.days_left))], c.id)
                                      for c in view.clue_feedback])
        self.repeats_model.set_rows([([r.unit, r.category_label, " → ".join(r.rounds), str(r.problems),
                                       str(r.earlier_rectified)], r.unit_id) for r in view.repeats])
        late_clues = sum(c.overdue for c in view.clue_feedback)
        self.tabs.setTabText(1, self.tr("逾期问题（%1）").replace("%1", str(len(view.overdue))))
        self.tabs.setTabText(2, self.tr("线索反馈（逾期 %1）").replace("%1", str(late_clues)))
        self.tabs.setTabText(3, self.tr("重复问题（%1）").replace("%1", str(len(view.repeats))))

    def _show_rates(self) -> None:
        if self.view is None:
            return
        rows = self.view.rates[self.by_box.currentData()]
        self.rates_model.set_rows([([r.label, str(r.problems), str(r.in_feedback), str(r.rectified), _percent(r.rate),
                                     str(r.overdue)], r.key) for r in rows])

    def _rate_activated(self, index: object) -> None:
        by = self.by_box.currentData()
        row = getattr(index, "row", lambda: -1)()
        key = self.rates_model.payload(row)
        if key is not None and by in ("round", "unit", "category"):
            self.open_list.emit("problem", by, key)
