"""The pages of the main window: one list page per record family, the dashboard, the sync page."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QDate, QItemSelectionModel, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from xuncha_desktop.errors import XunchaError
from xuncha_desktop.ui import settings
from xuncha_desktop.ui.controllers.evidence import AddEvidenceJob
from xuncha_desktop.ui.controllers.records import Controller, Query
from xuncha_desktop.ui.evidence_viewer import viewable_file
from xuncha_desktop.ui.jobs import run_job
from xuncha_desktop.ui.models import ID_ROLE, PlainTableModel, RecordTableModel
from xuncha_desktop.ui.record_drag import RecordListView
from xuncha_desktop.ui.thumbnails import ICON_EDGE as THUMBNAIL_EDGE
from xuncha_desktop.ui.thumbnails import EvidenceTableModel

_EMPTY = QDate(1900, 1, 1)


class ListPage(QWidget):
    """A list of one record kind with its filters, the count of matches and the buttons to act on it."""

    open_record = Signal(str, str)  # kind, id
    new_record = Signal(str, dict)  # kind, defaults

    def __init__(self, controller: Controller, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.kind = kind
        self.setObjectName(f"list_{kind}")
        service = controller.service(kind)
        names = {f.name for f in service.fields}
        layout = QVBoxLayout(self)
        self.main_layout = layout
        layout.setContentsMargins(6, 6, 6, 6)

        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("filter_search")
        self.search.setPlaceholderText(self.tr("在本列表中检索"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(100)
        bar.addWidget(self.search, 2)
        self.round_box = self._combo("filter_round", self.tr("全部轮次"),
                                     controller.ref_choices("round") if "round_id" in names else None)
        self.unit_box = self._combo("filter_unit", self.tr("全部单位"),
                                    controller.ref_choices("unit") if "unit_id" in names else None)
        status = service.status_field
        self.status_box = self._combo("filter_status", self.tr("全部状态"),
                                      controller.enum_choices(kind, status) if status else None)
        category = controller.category_field(kind)
        vocab = service.field(category).vocabulary if category else None
        self.category_box = self._combo("filter_category", self.tr("全部类别"),
                                        controller.vocab_choices(vocab) if vocab else None)
        for box in (self.round_box, self.unit_box, self.status_box, self.category_box):
            if box is not None:
                bar.addWidget(box, 1)
        layout.addLayout(bar)

        self.model = self.make_model()
        self.view = RecordListView(kind)  # rows drag out as records, to be linked in an editor
        self.view.setObjectName(f"table_{kind}")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(False)  # the header sorts through the model's query, not by itself
        header = self.view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(130)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the service's own order until a click
        header.setResizeContentsPrecision(40)  # sizing columns looks at the first rows only, never all
        header.sortIndicatorChanged.connect(self._sort_asked)
        self._sorted_by: tuple[int, Qt.SortOrder] = (-1, Qt.SortOrder.AscendingOrder)
        self._sort_before = self._sorted_by
        self.model.sortRefused.connect(self._sort_refused)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        # No row numbers: sizing their column asks the model about 200 rows at each reset, and it widened
        # (shifting the table) when the count of a long list arrived.
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        # activated covers Enter and double-click (also single click where the desktop says so); listening
        # to doubleClicked as well would open twice
        self.view.activated.connect(self.activate)
        layout.addWidget(self.view, 1)

        bottom = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        bottom.addWidget(self.count_label)
        self.sort_note = QLabel()  # why a column the user clicked does not sort
        self.sort_note.setObjectName("sort_note")
        bottom.addWidget(self.sort_note)
        bottom.addSpacing(16)
        self.date_field = controller.date_field(kind)
        self.date_from = self.date_to = None
        if self.date_field:
            bottom.addWidget(QLabel(controller.field_label(kind, self.date_field)))
            self.date_from = self._date("filter_from")
            self.date_to = self._date("filter_to")
            bottom.addWidget(self.date_from)
            bottom.addWidget(QLabel("—"))
            bottom.addWidget(self.date_to)
        bottom.addStretch(1)
        # made as the page's child: shown while without a parent, it was a window of its own for a moment
        self.new_button = QPushButton(self.tr("新建"), self)
        self.new_button.setObjectName("new")
        # Ctrl+N belongs to the window's 新建记录 action, which creates on the current page: a second owner of
        # the same keys made Qt call the shortcut ambiguous, and it did nothing on any page.
        self.new_button.setToolTip(self.tr("新建 (Ctrl+N)"))
        self.new_button.clicked.connect(self.create_record)
        self.new_button.setVisible(controller.may_edit(kind))  # a role that may not create does not see 新建
        self.open_button = QPushButton(self.tr("打开"))
        self.open_button.clicked.connect(self._open_current)
        bottom.addWidget(self.new_button)
        bottom.addWidget(self.open_button)
        self.buttons_layout = bottom
        layout.addLayout(bottom)

        self.model.countChanged.connect(self._show_count)
        self._show_count(self.model.rowCount())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.restore_columns()

    # ---- filters -------------------------------------------------------------------------------
    def _combo(self, name: str, everything: str, choices: list[tuple[str, str]] | None) -> QComboBox | None:
        if choices is None:
            return None
        box = QComboBox()
        box.setObjectName(name)
        box.addItem(everything, None)
        refill(box, choices)
        box.setMinimumContentsLength(4)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.currentIndexChanged.connect(lambda _i: self.apply_filters())
        return box

    def _date(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(_EMPTY)
        edit.setSpecialValueText(self.tr("不限"))
        edit.setDate(_EMPTY)
        edit.dateChanged.connect(lambda _d: self.apply_filters())
        return edit

    def query(self) -> Query:
        filters: list[tuple[str, str, str]] = []
        for box, field in ((self.round_box, "round_id"), (self.unit_box, "unit_id"),
                           (self.status_box, self.controller.service(self.kind).status_field),
                           (self.category_box, self.controller.category_field(self.kind))):
            if box is not None and field and box.currentData():
                filters.append((field, "=", box.currentData()))
        if self.date_field and self.date_from is not None and self.date_to is not None:
            spec = self.controller.service(self.kind).field(self.date_field)
            timed = spec.value_type.value == "datetime"
            if self.date_from.date() != _EMPTY:
                filters.append((self.date_field, ">=", self.date_from.date().toString("yyyy-MM-dd")
                                + ("T00:00" if timed else "")))
            if self.date_to.date() != _EMPTY:
                filters.append((self.date_field, "<=", self.date_to.date().toString("yyyy-MM-dd")
                                + ("T23:59:59" if timed else "")))
        return Query(tuple(filters), self.search.text().strip() or None, self.model.query.order)

    def apply_filters(self) -> None:
        self._timer.stop()
        try:
            self.model.set_query(self.query())
        except XunchaError as exc:
            self.count_label.setText(exc.text(self.controller.lang))

    def set_filter(self, name: str, code: str | None) -> None:
        """Chooses a filter value programmatically (the dashboard's bars open filtered lists this way)."""
        box = {"round": self.round_box, "unit": self.unit_box, "status": self.status_box,
               "category": self.category_box}[name]
        if box is not None:
            box.setCurrentIndex(max(0, box.findData(code)))

    def _show_count(self, count: int) -> None:
        if count < 0 or not self.model.count_known:
            self.count_label.setText(self.tr("正在计数…"))
        else:
            self.count_label.setText(self.tr("共 %n 条", "", count))

    def make_model(self) -> RecordTableModel:
        return RecordTableModel(self.controller, self.kind, self)

    # ---- records -------------------------------------------------------------------------------
    def activate(self, index: Any) -> None:
        """Enter or double-click on a row."""
        self._open_index(index)

    def _open_index(self, index: Any) -> None:
        record_id = self.model.data(index, ID_ROLE)
        if record_id:
            self.open_record.emit(self.kind, record_id)

    def _open_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._open_index(index)

    def create_record(self) -> None:
        if not self.controller.may_edit(self.kind):
            return
        defaults: dict[str, Any] = {}
        if self.round_box is not None and self.round_box.currentData():
            defaults["round_id"] = self.round_box.currentData()
        if self.unit_box is not None and self.unit_box.currentData():
            defaults["unit_id"] = self.unit_box.currentData()
        self.new_record.emit(self.kind, defaults)

    def refresh(self) -> None:
        """Reads the list again, and the filters' choices (rounds, units and categories made since)."""
        service = self.controller.service(self.kind)
        if self.round_box is not None:
            refill(self.round_box, self.controller.ref_choices("round"))
        if self.unit_box is not None:
            refill(self.unit_box, self.controller.ref_choices("unit"))
        category = self.controller.category_field(self.kind)
        vocab = service.field(category).vocabulary if category else None
        if self.category_box is not None and vocab:
            refill(self.category_box, self.controller.vocab_choices(vocab))
        self.model.refresh()

    # ---- sorting -------------------------------------------------------------------------------
    def _sort_asked(self, column: int, order: Qt.SortOrder) -> None:
        self.sort_note.clear()
        self._sort_before, self._sorted_by = self._sorted_by, (column, order)
        self.model.sort(column, order)  # a refusal comes back at once, through _sort_refused

    def _sort_refused(self, column: int) -> None:
        """Puts the header's arrow back where the list's order is and says why."""
        column_before, order_before = self._sorted_by = self._sort_before
        header = self.view.horizontalHeader()
        blocked = header.blockSignals(True)
        header.setSortIndicator(column_before, order_before)
        header.blockSignals(blocked)
        name = str(self.model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
        self.sort_note.setText(self.tr("不能按“%1”排序（数据多时会很慢），请用上方的筛选缩小范围").replace("%1", name))

    def select_record(self, record_id: str) -> None:
        row = self.model.row_of(record_id)
        if row is not None:
            # Selected outright: selectRow would toggle the row when Ctrl is held (extended selection)
            index = self.model.index(row, 0)
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.view.selectionModel().select(index, flags)
            self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.NoUpdate)
            self.view.scrollTo(index)

    # ---- column layout -------------------------------------------------------------------------
    def save_columns(self) -> None:
        settings.LIST_HEADER.of(self.kind).set(self.view.horizontalHeader().saveState())

    def restore_columns(self) -> None:
        header = self.view.horizontalHeader()
        state = settings.LIST_HEADER.of(self.kind).get()
        if state is not None:
            header.restoreState(state)
            return
        # Widths from the fields' types, not from the data: sizing to contents would read rows.
        widths = {"text": 300, "datetime": 140, "date": 100, "bool": 80, "enum": 100, "int": 80,
                  "reference": 200, "vocabulary": 160, "names": 160}
        for column, name in enumerate(self.model.columns):
            spec = self.controller.service(self.kind).field(name)
            width = widths.get(spec.value_type.value, 150 if (spec.max_length or 0) > 60 else 110)
            if name in ("title", "name"):
                width = 260
            header.resizeSection(column, max(width, self.fontMetrics().horizontalAdvance(
                self.model.headerData(column, Qt.Orientation.Horizontal)) + 28))
        main = self.main_column()
        if main is not None:
            # The text the list is read for (问题表述, 底稿标题, 轮次名称) takes the spare width, and gives it back
            # on a narrow screen down to its default; the other columns keep theirs (and can be dragged).
            header.setStretchLastSection(False)
            header.setMinimumSectionSize(60)
            header.setSectionResizeMode(main, QHeaderView.ResizeMode.Stretch)

    def main_column(self) -> int | None:
        """The column of the list's main text: its first long-text field, else its title or name."""
        service = self.controller.service(self.kind)
        columns = self.model.columns
        for wanted in (lambda f: f.value_type.value == "text", lambda f: f.name in ("title", "name", "statement")):
            for column, name in enumerate(columns):
                if name != "created_at" and wanted(service.field(name)):
                    return column
        return None


class EvidencePage(ListPage):
    """The evidence list, with thumbnails; Enter or double-click shows the file (images, PDFs) in the viewer,
    打开 opens the record. Files dropped on it are stored as evidence (in a job, with progress and Cancel)."""

    view_file = Signal(str)  # evidence id

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(controller, "evidence", parent)
        self.setAcceptDrops(controller.may_edit("evidence"))
        self.new_button.setText(self.tr("添加文件…"))
        self.new_button.setToolTip(self.tr("添加文件（也可把文件拖到此处）"))
        self.open_button.setToolTip(self.tr("打开登记信息"))
        self.view_button = QPushButton(self.tr("查看文件"))
        self.view_button.setObjectName("view")
        self.view_button.setToolTip(self.tr("查看所选的图片或 PDF (Enter，或双击)"))
        self.view_button.clicked.connect(lambda: self.activate(self.view.currentIndex()))
        self.buttons_layout.addWidget(self.view_button)
        hint = QLabel(self.tr("把文件拖到此处即可登记为证据材料；回车或双击查看文件"))
        hint.setStyleSheet("color: #5f6368;")
        self.main_layout.insertWidget(1, hint)
        # room for the thumbnails
        self.view.setIconSize(QSize(THUMBNAIL_EDGE, THUMBNAIL_EDGE))
        self.view.verticalHeader().setDefaultSectionSize(THUMBNAIL_EDGE + 6)

    def make_model(self) -> RecordTableModel:
        return EvidenceTableModel(self.controller, "evidence", self)

    def shutdown(self) -> None:
        """Stops making thumbnails (before the workspace closes)."""
        model = self.model
        assert isinstance(model, EvidenceTableModel)
        model.thumbnails.shutdown()

    def activate(self, index: Any) -> None:
        """Shows the file when the viewer can (images, PDFs); opens the record otherwise."""
        if not index.isValid():
            return
        model = self.model
        assert isinstance(model, EvidenceTableModel)
        record_id = model.record_id(index.row())
        if record_id and viewable_file(model.file_name(index.row())):
            self.view_file.emit(record_id)
        else:
            self._open_index(index)

    def create_record(self) -> None:
        if not self.controller.may_edit("evidence"):
            return
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("选择证据文件"))
        self.add_files([Path(p) for p in paths])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.add_files(paths)

    def add_files(self, paths: list[Path], link_to: list[tuple[str, str]] | None = None) -> list[str]:
        """Stores each file as evidence off the GUI thread; returns the new records' ids."""
        added: list[str] = []
        defaults: dict[str, Any] = {}
        if self.round_box is not None and self.round_box.currentData():
            defaults["round_id"] = self.round_box.currentData()
        if self.unit_box is not None and self.unit_box.currentData():
            defaults["unit_id"] = self.unit_box.currentData()
        for path in paths:
            if not path.is_file():
                continue
            job = run_job(self, self.tr("正在加密保存 %1 …").replace("%1", path.name),
                          AddEvidenceJob(self.controller.evidence, path, defaults, link_to or []))
            value = job.error
            if job.ok:
                added.append(job.result)
            elif isinstance(value, XunchaError):
                if value.key != "cancelled":
                    QMessageBox.warning(self, self.tr("未能添加"), value.text(self.controller.lang))
            else:
                QMessageBox.warning(self, self.tr("未能添加"), str(value))
        self.refresh()
        return added


class TabbedPage(QWidget):
    """A navigation page shared by several families (轮次与单位: rounds, groups and units), one tab each, in
    the order of the registry (``Controller.nav_pages``)."""

    def __init__(self, controller: Controller, key: str, kinds: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"page_{key}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.lists: dict[str, ListPage] = {}
        for kind in kinds:
            page = ListPage(controller, kind, self.tabs)
            self.lists[kind] = page
            self.tabs.addTab(page, controller.kind_label(kind))
        layout.addWidget(self.tabs)


class DashboardPage(QWidget):
    """工作台: the chosen round's figures, two charts and the overdue problems."""

    open_list = Signal(str, str, str)  # kind, filter name, code
    open_record = Signal(str, str)

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("page_dashboard")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("巡察轮次")))
        self.round_box = QComboBox()
        self.round_box.setObjectName("dashboard_round")
        self.round_box.addItem(self.tr("全部轮次"), None)
        refill(self.round_box, controller.ref_choices("round"))
        self.round_box.currentIndexChanged.connect(lambda _i: self.refresh())
        top.addWidget(self.round_box, 1)
        top.addStretch(2)
        layout.addLayout(top)

        counts = QGroupBox(self.tr("数量"))
        self.count_grid = QGridLayout(counts)
        self.count_labels: dict[str, QLabel] = {}
        names = [("units", self.tr("被巡察单位")), ("interviews", self.tr("个别谈话")),
                 ("petitions", self.tr("信访件")),
                 ("clues", self.tr("问题线索")), ("problems", self.tr("问题")),
                 ("problems_in_feedback", self.tr("列入反馈")), ("problems_rectified", self.tr("反馈问题已整改")),
                 ("problems_overdue", self.tr("逾期未整改"))]
        for at, (key, label) in enumerate(names):
            value = QLabel("0")
            value.setObjectName(f"count_{key}")
            value.setStyleSheet("font-size: 20px; font-weight: bold;"
                                + (" color: #b3261e;" if key == "problems_overdue" else ""))
            caption = QLabel(label)
            if key == "problems_rectified":
                # one meaning beside the status line's 整改到位 (which counts every problem): the rate's numerator
                caption.setToolTip(self.tr("列入反馈的问题中整改到位的数量（整改率 = 此数 ÷ 列入反馈）"))
            self.count_grid.addWidget(value, 0, at, Qt.AlignmentFlag.AlignHCenter)
            self.count_grid.addWidget(caption, 1, at, Qt.AlignmentFlag.AlignHCenter)
            self.count_labels[key] = value
        self.status_line = QLabel()
        self.status_line.setObjectName("status_counts")
        self.status_line.setWordWrap(True)
        self.count_grid.addWidget(self.status_line, 2, 0, 1, len(names))
        layout.addWidget(counts)

        charts = QHBoxLayout()
        self.category_view = QChartView()
        self.category_view.setObjectName("chart_category")
        self.category_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.category_view.setMinimumHeight(260)
        self.unit_view = QChartView()
        self.unit_view.setObjectName("chart_units")
        self.unit_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        charts.addWidget(self.category_view, 1)
        charts.addWidget(self.unit_view, 1)
        layout.addLayout(charts, 2)

        layout.addWidget(QLabel(self.tr("逾期未整改的问题（双击打开）")))
        self.overdue_model = PlainTableModel([self.tr("问题编号"), self.tr("问题表述"), self.tr("被巡察单位"),
                                              self.tr("整改时限"), self.tr("整改状态")], self)
        self.overdue_view = QTableView()
        self.overdue_view.setObjectName("overdue")
        self.overdue_view.setModel(self.overdue_model)
        self.overdue_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.overdue_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.overdue_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.overdue_view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.overdue_view.setWordWrap(False)
        self.overdue_view.verticalHeader().hide()
        self.overdue_view.doubleClicked.connect(
            lambda index: self.open_record.emit("problem", self.overdue_model.payload(index.row())))
        layout.addWidget(self.overdue_view, 1)
        self.category_codes: list[str] = []
        self.refresh()

    def refresh(self) -> None:
        refill(self.round_box, self.controller.ref_choices("round"))  # rounds made since
        figures = self.controller.figures(self.round_box.currentData())
        for key, value_label in self.count_labels.items():
            value_label.setText(str(figures.counts.get(key, 0)))
        clues = "、".join(f"{name} {n}" for name, n in figures.clues_by_status if n)
        problems = "、".join(f"{name} {n}" for name, n in figures.problems_by_status if n)
        text = self.tr("线索：%1\n全部问题：%2")
        self.status_line.setText(text.replace("%1", clues or "—").replace("%2", problems or "—"))

        chart = QChart()
        chart.setTitle(self.tr("问题按类别"))
        chart.legend().hide()
        series = QHorizontalBarSeries()
        bars = QBarSet(self.tr("问题数"))
        labels = []
        self.category_codes = []
        for code, label, count in reversed(figures.problems_by_category):
            bars.append(count)
            labels.append(_wrap(label, 12))  # the category's whole name on up to three lines, not cut
            self.category_codes.append(code)
        series.append(bars)
        series.setLabelsVisible(True)
        _bar_axes(chart, series, labels, max([n for _c, _l, n in figures.problems_by_category] or [1]))
        bars.clicked.connect(self._category_clicked)
        self.category_view.setChart(chart)

        # The units with the most problems not yet rectified (the ones to follow up), as many as have room for
        # their names; the title says which they are out of how many.
        by_unit = sorted(figures.rectification_by_unit, key=lambda u: (-(u[3] - u[2]), -u[3], u[1]))
        shown_units = by_unit[:UNITS_CHARTED]
        unit_chart = QChart()
        unit_chart.setTitle(self.tr("各单位整改进度（未完成最多的 %1 个单位，共 %2 个）")
                            .replace("%1", str(len(shown_units))).replace("%2", str(len(by_unit)))
                            if len(by_unit) > len(shown_units) else self.tr("各单位整改进度"))
        stacked = QHorizontalStackedBarSeries()
        done = QBarSet(self.tr("整改到位"))
        open_ = QBarSet(self.tr("未完成"))
        done.setColor("#2e7d32")
        open_.setColor("#f9a825")
        unit_labels = []
        self.unit_ids = []
        for unit_id, name, rectified, total in reversed(shown_units):
            done.append(rectified)
            open_.append(total - rectified)
            unit_labels.append(_wrap(name, 12))
            self.unit_ids.append(unit_id)
        stacked.append(done)
        stacked.append(open_)
        _bar_axes(unit_chart, stacked, unit_labels, max([t for _u, _n, _r, t in shown_units] or [1]))
        unit_chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        stacked.clicked.connect(self._unit_clicked)
        self.unit_view.setChart(unit_chart)

        self.overdue_model.set_rows([([p["number"], p["statement"], p["unit"], p["deadline"], p["status"]], p["id"])
                                     for p in figures.overdue])

    def _category_clicked(self, index: int) -> None:
        if 0 <= index < len(self.category_codes):
            self.open_list.emit("problem", "category", self.category_codes[index])

    def _unit_clicked(self, index: int, _set: Any = None) -> None:
        if 0 <= index < len(self.unit_ids):
            self.open_list.emit("problem", "unit", self.unit_ids[index])


def refill(box: QComboBox, choices: list[tuple[str, str]]) -> None:
    """Replaces a filter's choices after its first ("all …") item, keeping what was chosen if it is still
    there, without announcing a change."""
    chosen = box.currentData()
    blocked = box.blockSignals(True)
    while box.count() > 1:
        box.removeItem(1)
    for code, label in choices:
        box.addItem(label, code)
    at = box.findData(chosen) if chosen is not None else 0
    box.setCurrentIndex(max(at, 0))
    box.blockSignals(blocked)
    if chosen is not None and at < 0:  # what was chosen is gone (withdrawn): the filter no longer holds
        box.currentIndexChanged.emit(0)


# Bars of the unit chart: each name needs its line or two at the dashboard's height on a 1366×768 screen
# (with twelve, Qt dropped every other name).
UNITS_CHARTED = 6


def _wrap(text: str, width: int, lines: int = 3) -> str:
    """A chart label on up to ``lines`` lines of ``width`` characters (cut with … only beyond that)."""
    parts = [text[i:i + width] for i in range(0, len(text), width)]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][:width - 1] + "…"
    return "<br>".join(parts)  # the axis draws its labels as rich text: a newline would show as a space


def _bar_axes(chart: Any, series: Any, labels: list[str], maximum: int) -> None:
    """Adds a horizontal bar series with its category axis (left, labels whole) and count axis (bottom)."""

    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append(labels)
    categories.setTruncateLabels(False)
    chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    counts = QValueAxis()
    counts.setLabelFormat("%d")
    counts.setMin(0)
    counts.setMax(maximum)
    counts.applyNiceNumbers()
    chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(counts)
