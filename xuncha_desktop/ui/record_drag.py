"""Records dragged from a list onto an editor's linked-records panel become links.

The list's rows travel as ``application/x-xuncha-records``: a JSON list of ``{"kind", "id"}``. Nothing
else is put on the drag (no titles, no text), so dropping a row on another program gives it nothing to
read. The drop side trusts nothing in the data: unknown kinds and malformed ids are dropped silently,
and the link itself goes through the same service call as the picker, which checks everything again.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QMimeData, Qt, Signal
from PySide6.QtGui import QDrag, QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.ui.models import ID_ROLE

RECORDS_MIME = "application/x-xuncha-records"
_MAX_RECORDS = 200  # a drop is a person's gesture; more than this is not one


def records_mime(records: list[tuple[str, str]]) -> QMimeData:
    mime = QMimeData()
    payload = json.dumps([{"kind": kind, "id": record_id} for kind, record_id in records])
    mime.setData(RECORDS_MIME, QByteArray(payload.encode()))
    return mime


def records_from_mime(mime: QMimeData) -> list[tuple[str, str]]:
    """The (kind, id) pairs a drag carries; [] for anything that is not a drag of records."""

    if not mime.hasFormat(RECORDS_MIME):
        return []
    try:
        items = json.loads(bytes(mime.data(RECORDS_MIME).data()).decode())
    except (UnicodeDecodeError, ValueError):
        return []
    found: list[tuple[str, str]] = []
    for item in items[:_MAX_RECORDS] if isinstance(items, list) else []:
        if not isinstance(item, dict) or item.get("kind") not in KINDS or not isinstance(item.get("id"), str):
            continue
        try:
            found.append((item["kind"], str(uuid.UUID(item["id"]))))
        except ValueError:
            continue
    return found


class RecordListView(QTableView):
    """A list's table whose selected rows drag out as records of ``kind``."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)

    def selected_records(self) -> list[tuple[str, str]]:
        model = self.model()
        rows = sorted({index.row() for index in self.selectionModel().selectedIndexes()}) \
            if self.selectionModel() is not None else []
        records = []
        for row in rows[:_MAX_RECORDS]:
            record_id = model.data(model.index(row, 0), ID_ROLE)
            if record_id:
                records.append((self.kind, str(record_id)))
        return records

    def drag_mime(self) -> QMimeData | None:
        """What a drag of the selected rows carries (None when nothing is selected)."""
        records = self.selected_records()
        return records_mime(records) if records else None

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        # Qt's own drag would carry the model's cell data; a link needs only kind and id.
        mime = self.drag_mime()
        if mime is None:
            return
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.exec(Qt.DropAction.LinkAction | Qt.DropAction.CopyAction, Qt.DropAction.LinkAction)


class LinkDropView(QTableView):
    """The linked-records table of an editor; records dropped on it are handed to ``records_dropped``.

    ``accepts(kind)`` says whether a record of that kind can be linked here (the editor knows).
    """

    records_dropped = Signal(list)

    def __init__(self, accepts: Callable[[str], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._accepts = accepts
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setDropIndicatorShown(False)

    def records_in(self, mime: QMimeData) -> list[tuple[str, str]]:
        return [(kind, record_id) for kind, record_id in records_from_mime(mime) if self._accepts(kind)]

    def _consider(self, event: QDragEnterEvent | QDragMoveEvent) -> None:
        if self.records_in(event.mimeData()):
            event.setDropAction(Qt.DropAction.LinkAction)
            event.accept()
        else:
            event.ignore()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self._consider(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        # the item view's own handler would refuse: its model takes no drops
        self._consider(event)

    def dropEvent(self, event: QDropEvent) -> None:
        records = self.records_in(event.mimeData())
        if not records:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.LinkAction)
        event.accept()
        self.records_dropped.emit(records)
