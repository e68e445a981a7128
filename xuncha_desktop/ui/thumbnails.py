"""Thumbnails of image evidence for the evidence list, and file-type icons for everything else.

Decrypting and decoding an image takes from milliseconds to a second, so it never happens while the list
paints: the model asks the cache, which answers at once (the thumbnail, or the file-type icon meanwhile)
and queues the record. A worker in the thread pool decrypts each queued file into memory through the
evidence store, decodes it with ``QImageReader`` (reentrant, safe off the GUI thread; JPEGs decode at a
reduced scale) and keeps only the small image; the plaintext is dropped at once. Thumbnails live in
memory only, never on disk. The job is a :class:`ThumbnailJob` run as every job is (``ui/jobs.py``): the
GUI thread polls it and turns the images into icons.
"""

from __future__ import annotations

import mimetypes
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QIcon, QImage, QImageReader, QPixmap

from xuncha_desktop.ui.controllers.evidence import EvidenceController
from xuncha_desktop.ui.controllers.jobs import CancelFlag, Job, Progress
from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.ui.icons import icon
from xuncha_desktop.ui.jobs import start_in_pool
from xuncha_desktop.ui.models import RecordTableModel

ICON_EDGE = 32  # logical pixels in the list
PIXELS = ICON_EDGE * 2  # kept at twice the size, sharp at 150 % and 200 %
BATCH = 12
CAPACITY = 3000  # icons kept (about 16 KB each); the oldest are dropped beyond this


def media_of(file_name: str | None) -> str:
    return (mimetypes.guess_type(file_name)[0] or "") if file_name else ""


def can_thumbnail(media: str) -> bool:
    """Whether Qt decodes this image type here (HEIC, say, depends on the installed plugins)."""
    if not _READABLE:
        _READABLE.update(bytes(m.data()).decode() for m in QImageReader.supportedMimeTypes())
    return media in _READABLE


_READABLE: set[str] = set()


def file_icon(file_name: str | None) -> QIcon | None:
    """The icon of a file's type (None for a record without a file)."""
    if not file_name:
        return None
    media = media_of(file_name)
    if media.startswith("image/"):
        return icon("file-image")
    if media == "application/pdf":
        return icon("file-pdf")
    if media.startswith("audio/"):
        return icon("file-audio")
    if media.startswith("video/"):
        return icon("file-video")
    return icon("file")


def make_thumbnail(data: bytes, edge: int = PIXELS) -> QImage | None:
    """A small image (longest side ``edge``) of an encoded image; None when it does not decode.

    Safe in a worker thread: QBuffer and QImageReader are made, used and dropped here.
    """
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # photos taken upright show upright (EXIF orientation)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > edge * 2:
        reader.setScaledSize(size.scaled(QSize(edge * 2, edge * 2), Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    buffer.close()
    if image.isNull():
        return None
    return image.scaled(edge, edge, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)


class ThumbnailJob(Job[list[tuple[str, QImage | None]]]):
    """Decrypts and decodes a batch of records' images: (record id, small image or None) for each.

    The QImage is the one Qt object made in a worker: QImageReader and QImage are reentrant, and each is
    made, used and handed over here without being shared with the GUI thread until the job has finished."""

    def __init__(self, evidence: EvidenceController, batch: list[str]) -> None:
        super().__init__()
        self.evidence, self.batch = evidence, batch

    def work(self, progress: Progress, cancelled: CancelFlag) -> list[tuple[str, QImage | None]]:
        return [(record_id, make_thumbnail(data) if data else None)
                for record_id, data in self.evidence.image_plaintexts(self.batch, cancelled)]


class ThumbnailCache(QObject):
    """Icons of image evidence by record id, made in the thread pool; ``ready`` names the new ones."""

    ready = Signal(list)

    def __init__(self, evidence: EvidenceController, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.evidence = evidence
        self._icons: OrderedDict[str, QIcon | None] = OrderedDict()  # None: no thumbnail (type icon)
        self._queue: list[str] = []
        self._queued: set[str] = set()
        self._job: ThumbnailJob | None = None
        self._scheduled = False
        self._poll = QTimer(self)
        self._poll.setInterval(30)
        self._poll.timeout.connect(self._take)

    def lookup(self, record_id: str) -> tuple[bool, QIcon | None]:
        """(known, thumbnail); an unknown record is queued and ``ready`` names it when its icon is made."""
        if record_id in self._icons:
            self._icons.move_to_end(record_id)
            return True, self._icons[record_id]
        if record_id not in self._queued:
            self._queued.add(record_id)
            self._queue.append(record_id)
            if self._job is None and not self._scheduled:
                # after this paint, which asks for the other visible rows too; tied to self, so a cache
                # destroyed meanwhile is not called
                self._scheduled = True
                QTimer.singleShot(0, self, self._start)
        return False, None

    def pending(self) -> bool:
        return self._job is not None or bool(self._queue)

    def _start(self) -> None:
        self._scheduled = False
        if self._job is not None or not self._queue:
            return
        batch, self._queue = self._queue[-BATCH:], self._queue[:-BATCH]  # the latest asked: what is on screen
        job = ThumbnailJob(self.evidence, batch)
        self._job = job
        start_in_pool(job)
        self._poll.start()

    def _take(self) -> None:
        job = self._job
        if job is None or not job.finished.is_set():
            return
        self._job = None
        self._poll.stop()
        made = dict(job.result) if job.ok else {}
        done = []
        for record_id in job.batch:
            self._queued.discard(record_id)
            image = made.get(record_id)
            self._icons[record_id] = QIcon(QPixmap.fromImage(image)) if image is not None else None
            done.append(record_id)
        while len(self._icons) > CAPACITY:
            self._icons.popitem(last=False)
        self.ready.emit(done)
        self._start()

    def wait(self, timeout: float = 30.0) -> None:
        """Blocks until every queued thumbnail is made (tests, screenshots)."""
        self._start()
        while self._job is not None:
            self._job.finished.wait(timeout)
            self._take()

    def shutdown(self) -> None:
        """Stops the work before the workspace closes (the job notices between two files)."""
        self._queue.clear()
        job = self._job
        if job is not None:
            job.cancel()
            job.finished.wait(10)
            self._poll.stop()
            self._job = None


class EvidenceTableModel(RecordTableModel):
    """The evidence list, with a thumbnail or file-type icon in the first column (DecorationRole)."""

    def __init__(self, controller: Controller, kind: str = "evidence", parent: Any = None) -> None:
        super().__init__(controller, kind, parent)
        self._file_column = self.columns.index("file_name")
        self.thumbnails = ThumbnailCache(controller.evidence, self)
        self.thumbnails.ready.connect(self._thumbnails_ready)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DecorationRole:
            return super().data(index, role)
        if not index.isValid() or index.column() != 0:
            return None
        row = self.row_at(index.row(), wait=False)
        if row is None:
            return None
        file_name = row.values[self._file_column]
        if can_thumbnail(media_of(file_name)):
            known, thumbnail = self.thumbnails.lookup(row.id)
            if known and thumbnail is not None:
                return thumbnail
        return file_icon(file_name)

    def file_name(self, row: int) -> str | None:
        found = self.row_at(row)
        return (found.values[self._file_column] or None) if found is not None else None

    def _thumbnails_ready(self, record_ids: list[str]) -> None:
        for record_id in record_ids:
            row = self.row_of(record_id)
            if row is not None:
                cell = self.index(row, 0)
                self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DecorationRole])
