"""The evidence editor: the record's fields plus its file: preview (images, PDFs), SHA-256 check, custody."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QPushButton, QTableView, QWidget

from xuncha_desktop.errors import XunchaError
from xuncha_desktop.ui.controller import Controller
from xuncha_desktop.ui.editor import RecordEditor
from xuncha_desktop.ui.models import PlainTableModel

PREVIEW = QSize(320, 240)


class EvidenceEditor(RecordEditor):
    def __init__(self, controller: Controller, record_id: str | None = None, defaults: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        self._ready = False
        super().__init__(controller, "evidence", record_id, defaults, parent)
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumHeight(120)
        self.verify_button = QPushButton(self.tr("校验文件 (SHA-256)"))
        self.verify_button.setObjectName("verify")
        self.verify_button.clicked.connect(self.verify)
        self.verify_result = QLabel()
        self.verify_result.setObjectName("verify_result")
        headers = [self.tr("时间"), self.tr("动作"), self.tr("经手人"), self.tr("说明")]
        self.custody_model = PlainTableModel(headers, self)
        self.custody_view = QTableView()
        self.custody_view.setObjectName("custody")
        self.custody_view.setModel(self.custody_model)
        self.custody_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.custody_view.verticalHeader().hide()
        self.custody_view.setWordWrap(False)
        self.custody_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.custody_view.horizontalHeader().setStretchLastSection(True)
        self.custody_view.setMaximumHeight(150)
        for widget in (self.preview, self.verify_button, self.verify_result, QLabel(self.tr("保管记录")),
                       self.custody_view):
            self.side_layout.addWidget(widget)
        self._ready = True
        if record_id is not None:
            self._load_file()

    def load(self) -> None:
        super().load()
        if self._ready:
            self._load_file()

    def _load_file(self) -> None:
        assert self.record_id is not None
        self.custody_model.set_rows([(list(row), None) for row in self.controller.custody(self.record_id)])
        has_file = bool(self.record.get("sha256"))
        self.verify_button.setEnabled(has_file)
        self.preview.clear()
        if not has_file:
            self.preview.setText(self.tr("（无文件）"))
            return
        media = str(self.record.get("media_type") or "")
        if not (media.startswith("image/") or media == "application/pdf"):
            self.preview.setText(self.tr("此类文件不能预览"))
            return
        content = self.controller.evidence_content(self.record_id)
        if content is None:
            return
        image = _render(media, content[1])
        if image is None or image.isNull():
            self.preview.setText(self.tr("无法预览"))
        else:
            self.preview.setPixmap(QPixmap.fromImage(image).scaled(
                PREVIEW, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self.custody_model.set_rows([(list(row), None) for row in self.controller.custody(self.record_id)])

    def verify(self) -> bool:
        assert self.record_id is not None
        try:
            ok = self.controller.verify_evidence(self.record_id)
        except XunchaError as exc:
            self.show_error(exc)
            return False
        self.verify_result.setText(self.tr("文件完好，与登记的 SHA-256 一致。") if ok
                                   else self.tr("文件已损坏或被改动！"))
        self.verify_result.setStyleSheet("color: #2e7d32;" if ok else "color: #b3261e; font-weight: bold;")
        return ok


def _render(media: str, data: bytes) -> QImage | None:
    """The first page of a PDF or the image itself, rendered in memory (nothing is written to disk)."""
    if media.startswith("image/"):
        return QImage.fromData(data)
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        return None
    size = document.pagePointSize(0).toSize()
    return document.render(0, size.scaled(PREVIEW * 2, Qt.AspectRatioMode.KeepAspectRatio))
