"""The evidence editor: the record's fields plus its file: preview (images, PDFs), SHA-256 check, custody,
the viewer (查看文件…) and 导出副本… (the service's extract, logged in the custody)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QKeySequence, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView, QWidget

from xuncha_desktop.errors import XunchaError
from xuncha_desktop.ui.controllers.evidence import EvidenceContentJob, VerifyEvidenceJob
from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.ui.editor import RecordEditor
from xuncha_desktop.ui.evidence_viewer import EvidenceViewer, export_copy, open_viewer
from xuncha_desktop.ui.jobs import run_job
from xuncha_desktop.ui.models import PlainTableModel

PREVIEW = QSize(320, 240)


class EvidenceEditor(RecordEditor):
    def __init__(self, controller: Controller, record_id: str | None = None, defaults: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        self._ready = False
        self._previewed = False
        self.viewer: EvidenceViewer | None = None
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
        self.view_button = QPushButton(self.tr("查看文件…"))
        self.view_button.setObjectName("view")
        self.view_button.setShortcut(QKeySequence("Ctrl+O"))
        self.view_button.setToolTip(self.tr("在查看器中打开图片或 PDF，可缩放、翻页 (Ctrl+O)"))
        self.view_button.clicked.connect(self.view_file)
        self.export_button = QPushButton(self.tr("导出副本…"))
        self.export_button.setObjectName("export")
        self.export_button.setToolTip(self.tr("把解密后的文件保存到所选位置（记入保管记录）"))
        self.export_button.clicked.connect(lambda: self.export_copy())
        file_buttons = QHBoxLayout()
        file_buttons.addWidget(self.view_button)
        file_buttons.addWidget(self.export_button)
        file_buttons.addWidget(self.verify_button)
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
        self.side_layout.addWidget(self.preview)
        self.side_layout.addLayout(file_buttons)
        for widget in (self.verify_result, QLabel(self.tr("保管记录")), self.custody_view):
            self.side_layout.addWidget(widget)
        self._ready = True
        if record_id is not None:
            self._load_file()

    def load(self) -> None:
        super().load()
        if self._ready:
            self._load_file()

    def load_custody(self) -> None:
        if self.record_id is not None:
            self.custody_model.set_rows([(list(row), None) for row in self.controller.evidence.custody(self.record_id)])

    def _load_file(self) -> None:
        assert self.record_id is not None
        self.load_custody()
        has_file = bool(self.record.get("sha256"))
        media = str(self.record.get("media_type") or "")
        for button in (self.verify_button, self.export_button):
            button.setEnabled(has_file)
        self.view_button.setEnabled(has_file and (media.startswith("image/") or media == "application/pdf"))
        if self._previewed:
            return  # a record's file never changes: saving the fields is no new look at it
        self._previewed = True
        self.preview.clear()
        if not has_file:
            self.preview.setText(self.tr("（无文件）"))
            return
        if not (media.startswith("image/") or media == "application/pdf"):
            self.preview.setText(self.tr("此类文件不能预览"))
            return
        # decrypting a big file takes longer than the GUI thread may be busy: in the pool, with progress
        job = run_job(self, self.tr("正在解密 %1 …").replace("%1", str(self.record.get("file_name") or "")),
                      EvidenceContentJob(self.controller.evidence, self.record_id))
        if not job.ok:
            error = job.error
            self.preview.setText(error.text(self.controller.lang) if isinstance(error, XunchaError) else str(error))
            return
        content = job.result
        if content is None:
            self.preview.setText(self.tr("文件太大，不能在程序内查看；需要时请用“导出副本…”。"))
            return
        image = _render(media, content.data)
        if image is None or image.isNull():
            self.preview.setText(self.tr("无法预览"))
        else:
            self.preview.setPixmap(QPixmap.fromImage(image).scaled(
                PREVIEW, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
        self.load_custody()

    def view_file(self) -> EvidenceViewer | None:
        """Opens the viewer (the look is logged in the custody, shown here at once)."""
        if self.record_id is None:
            return None
        self.viewer = open_viewer(self, self.controller.evidence, self.record_id)
        if self.viewer is not None:
            self.viewer.custody_changed.connect(lambda _id: self.load_custody())
            self.load_custody()
        return self.viewer

    def export_copy(self, target: Path | None = None) -> Path | None:
        if self.record_id is None:
            return None
        saved = export_copy(self, self.controller.evidence, self.record_id, str(self.record.get("file_name") or ""),
                            target)
        self.load_custody()
        return saved

    def verify(self) -> bool:
        assert self.record_id is not None
        job = run_job(self, self.tr("正在校验…"), VerifyEvidenceJob(self.controller.evidence, self.record_id))
        if not job.ok:
            if isinstance(job.error, XunchaError):
                self.show_error(job.error)
            else:
                self.verify_result.setText(str(job.error))
            return False
        ok = job.result
        self.verify_result.setText(self.tr("文件完好，与登记的 SHA-256 一致。") if ok
                                   else self.tr("文件已损坏或被改动！"))
        self.verify_result.setStyleSheet("color: #2e7d32;" if ok else "color: #b3261e; font-weight: bold;")
        return ok


def _render(media: str, data: bytes) -> QImage | None:
    """The first page of a PDF or the image itself, rendered in memory (nothing is written to disk)."""
    if media.startswith("image/"):
        return QImage.fromData(data)

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        return None
    size = document.pagePointSize(0).toSize()
    return document.render(0, size.scaled(PREVIEW * 2, Qt.AspectRatioMode.KeepAspectRatio))
