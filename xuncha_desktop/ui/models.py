"""Qt item models over the controller: lists that page from the database, never holding every row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor

from xuncha_desktop.ui.controllers.jobs import CallJob, CancelFlag, Progress
from xuncha_desktop.ui.controllers.records import Controller, Query, Row
from xuncha_desktop.ui.jobs import start_in_pool

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
OVERDUE_ROLE = int(Qt.ItemDataRole.UserRole) + 2
PAGE_SIZE = 100
MAX_PAGES = 50  # pages kept in memory; older ones are dropped and re-read when scrolled back to
COUNT_DELAY_MS = 50
# A page this far down or nearer is read at once (an index walk of up to ~20 ms); a farther one, reached by
# dragging the scroll bar, is read in a worker thread and its rows stay blank until it arrives (~0.1 s),
# so the window never waits on it.
NEAR_ROWS = 50_000

_Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_SHOWN = frozenset({_DISPLAY, _TOOLTIP})
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, ID_ROLE, OVERDUE_ROLE, _BACKGROUND, _FOREGROUND})
_VERTICAL = Qt.Orientation.Vertical
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_OVERDUE_BACKGROUND = QBrush(QColor("#fde2e1"))
_OVERDUE_FOREGROUND = QBrush(QColor("#a3160f"))


class _ListJob(CallJob[T]):
    """A count or a far page of one query of the list (``generation``): one that arrives after the query
    changed is dropped."""

    def __init__(self, generation: int, call: Callable[[Progress, CancelFlag], T]) -> None:
        super().__init__(call)
        self.generation = generation
        self.started = False


class RecordTableModel(QAbstractTableModel):
    """The rows of one record kind matching a query, read a page at a time as the view asks for them.

    A new query reads its first page at once (``find(limit, offset)``) and shows it; when that page is
    full, the number of matches is counted in a worker thread (a COUNT over a large table can take
    seconds) and the rows beyond the first page appear when the count arrives. ``data`` for a row whose
    page is not yet read reads that page. Sorting and filtering set the query and re-read: the database
    sorts and filters, never this model. A far page (beyond ``NEAR_ROWS``) is read in a worker thread
    and its rows filled in when it arrives.
    """

    countChanged = Signal(int)
    sortRefused = Signal(int)  # the column asked for: the list keeps its order

    def __init__(self, controller: Controller, kind: str, parent: Any = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.kind = kind
        self.columns = controller.columns(kind)
        self._headers = [controller.field_label(kind, c) for c in self.columns]
        self._query = Query()
        self._count = 0
        self.count_known = False
        self._pages: dict[int, list[Row]] = {}
        self._counting: _ListJob[int] | None = None
        self._generation = 0
        self._poll = QTimer(self)
        self._poll.setInterval(30)
        self._poll.timeout.connect(self._take_count)
        self._reading: dict[int, _ListJob[list[Row]]] = {}  # far pages being read, by page number
        self._page_poll = QTimer(self)
        self._page_poll.setInterval(15)
        self._page_poll.timeout.connect(self._take_pages)
        self._start()

    # ---- the query -----------------------------------------------------------------------------
    @property
    def query(self) -> Query:
        return self._query

    def set_query(self, query: Query) -> None:
        self.beginResetModel()
        self._query = query
        self._pages.clear()
        self._start()
        self.endResetModel()
        self.countChanged.emit(self._count if self.count_known else -1)

    def refresh(self) -> None:
        self.set_query(self._query)

    def _start(self) -> None:
        """Reads the first page; counts the matches in a worker thread when there may be more."""
        self._generation += 1
        self._reading.clear()  # pages of the old query still being read are dropped when they arrive
        self._page_poll.stop()
        first = self.controller.page(self.kind, 0, PAGE_SIZE, self._query)
        self._pages[0] = first
        self._count = len(first)
        self.count_known = len(first) < PAGE_SIZE
        self._counting = None
        self._poll.stop()
        if not self.count_known:
            controller, kind, query = self.controller, self.kind, self._query
            job = _ListJob(self._generation, lambda _progress, _cancelled: controller.count(kind, query))
            self._counting = job
            # Started a moment later, so the first screen is painted before the count competes for the CPU.
            QTimer.singleShot(COUNT_DELAY_MS, lambda: self._start_count(job))

    def _start_count(self, job: _ListJob[int]) -> None:
        if job is self._counting and not job.started:
            job.started = True
            start_in_pool(job)
            self._poll.start()

    def _take_count(self) -> None:
        job = self._counting
        if job is None or not job.finished.is_set():
            return
        self._poll.stop()
        self._counting = None
        if job.generation != self._generation or not job.ok:
            return
        total = job.result
        if total > self._count:
            self.beginInsertRows(QModelIndex(), self._count, total - 1)
            self._count = total
            self.count_known = True
            self.endInsertRows()
        else:
            self.count_known = True
        self.countChanged.emit(self._count)

    def wait_for_count(self, timeout: float = 60.0) -> int:
        """Blocks until the count is known (for tests, benchmarks and scripts); returns it."""
        job = self._counting
        if job is not None:
            self._start_count(job)
            job.finished.wait(timeout)
            self._take_count()
        return self._count

    # ---- QAbstractTableModel -------------------------------------------------------------------
    # The view asks data() for 7 roles of every visible cell at every paint, flags() for every cell and
    # headerData() for every row number shown: these stay a few dictionary and tuple look-ups, with the
    # roles compared as plain ints (an enum attribute look-up costs more than the rest of the call).
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's own signature
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY:
            return None
        if orientation == _VERTICAL:
            return section + 1
        return self._headers[section] if 0 <= section < len(self._headers) else None

    def row_at(self, row: int, wait: bool = True) -> Row | None:
        """The row, reading its page if needed; with ``wait`` False a far page is read in the background
        and None returned until it has arrived."""
        if not 0 <= row < self._count:
            return None
        number = row // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            if not wait and number * PAGE_SIZE > NEAR_ROWS:
                self._read_later(number)
                return None
            page = self.controller.page(self.kind, number * PAGE_SIZE, PAGE_SIZE, self._query)
            self._keep(number, page)
        at = row - number * PAGE_SIZE
        return page[at] if at < len(page) else None

    def _keep(self, number: int, page: list[Row]) -> None:
        if len(self._pages) >= MAX_PAGES:
            self._pages.pop(next(iter(self._pages)))
        self._pages[number] = page

    def _read_later(self, number: int) -> None:
        if number in self._reading:
            return
        controller, kind, query = self.controller, self.kind, self._query
        job = _ListJob(self._generation,
                       lambda _progress, _cancelled: controller.page(kind, number * PAGE_SIZE, PAGE_SIZE, query))
        job.started = True
        self._reading[number] = job
        start_in_pool(job)
        self._page_poll.start()

    def _take_pages(self) -> None:
        for number, job in list(self._reading.items()):
            if not job.finished.is_set():
                continue
            del self._reading[number]
            if job.generation != self._generation or not job.ok:
                continue
            self._keep(number, job.result)
            first = number * PAGE_SIZE
            last = min(self._count, first + PAGE_SIZE) - 1
            if first <= last:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))
        if not self._reading:
            self._page_poll.stop()

    @property
    def reading_pages(self) -> bool:
        return bool(self._reading)

    def wait_for_pages(self, timeout: float = 60.0) -> None:
        """Blocks until the far pages being read have arrived and are shown (tests and benchmarks)."""
        for job in list(self._reading.values()):
            job.finished.wait(timeout)
        self._take_pages()

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if role not in _ANSWERED:  # most of the roles the delegate asks for
            return None
        found = self.row_at(index.row(), wait=False)
        if found is None:
            return None
        if role in _SHOWN:
            column = index.column()
            return found.values[column] if 0 <= column < len(found.values) else None
        if role == ID_ROLE:
            return found.id
        if role == OVERDUE_ROLE:
            return found.overdue
        if not found.overdue:
            return None
        return _OVERDUE_BACKGROUND if role == _BACKGROUND else _OVERDUE_FOREGROUND

    def flags(self, index: _Index) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else _NO_FLAGS

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        wanted = self.controller.list_order(self.kind, self.columns[column],
                                            order == Qt.SortOrder.DescendingOrder, self._known_count())
        if wanted is None:  # no index serves it: on a long list it would freeze the window for seconds
            self.sortRefused.emit(column)
            return
        self.set_query(Query(self._query.filters, self._query.search, wanted))

    def sortable(self, column: int) -> bool:
        return 0 <= column < len(self.columns) and \
            self.controller.list_order(self.kind, self.columns[column], False, self._known_count()) is not None

    def _known_count(self) -> int | None:
        """The rows of the list as it is filtered now, when counted (a short list sorts by any column)."""
        return self._count if self.count_known else None

    def record_id(self, row: int) -> str | None:
        found = self.row_at(row)
        return found.id if found else None

    def row_of(self, record_id: str) -> int | None:
        """The row of a record among the pages read so far (None when not read)."""
        for number, page in self._pages.items():
            for at, row in enumerate(page):
                if row.id == record_id:
                    return number * PAGE_SIZE + at
        return None


class PlainTableModel(QAbstractTableModel):
    """A small, fully held table (search hits, linked records, custody, overdue problems)."""

    def __init__(self, headers: list[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._rows: list[tuple[list[str], Any]] = []

    def set_rows(self, rows: list[tuple[list[str], Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def payload(self, row: int) -> Any:
        return self._rows[row][1] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        values = self._rows[index.row()][0]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) and index.column() < len(values):
            return values[index.column()]
        if role == ID_ROLE:
            return self._rows[index.row()][1]
        return None
