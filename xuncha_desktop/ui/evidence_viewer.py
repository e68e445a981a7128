"""The evidence viewer: an image (zoom, fit to window) or a PDF (QtPdf: pages, zoom), from memory only.

``open_viewer`` decrypts the file in the thread pool (``EvidenceContentJob``), which also
writes the look to the chain of custody (查阅, with the current user as holder). The plaintext then lives
only in this dialog's memory: the PDF is read from a QBuffer, the image from a QImage. Nothing here saves
it, copies it or lets it be dragged out; the one way to a file is 导出副本…, which goes through
``EvidenceController.extract`` (the service checks the hash and logs 导出 in the custody).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPainter, QPaintEvent, QResizeEvent, QShortcut, QWheelEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from xuncha_desktop.errors import XunchaError
from xuncha_desktop.ui import zoom
from xuncha_desktop.ui.controllers.evidence import (
    EvidenceContentJob,
    EvidenceController,
    ExtractEvidenceJob,
    VerifyEvidenceJob,
)
from xuncha_desktop.ui.controllers.records import size_text
from xuncha_desktop.ui.icons import icon
from xuncha_desktop.ui.jobs import run_job
from xuncha_desktop.ui.screen_fit import resize_to_fit
from xuncha_desktop.ui.thumbnails import can_thumbnail, media_of


def viewable(media: str) -> bool:
    return media == "application/pdf" or can_thumbnail(media)


def viewable_file(file_name: str | None) -> bool:
    return bool(file_name) and viewable(media_of(file_name))


class ImageCanvas(QWidget):
    """Draws an image at a zoom factor, only the part that is exposed (a 40-megapixel photo at 400 % would
    not fit in memory as one scaled pixmap)."""

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = image
        self.factor = 1.0
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.resize(self.sizeHint())

    def sizeHint(self) -> QSize:
        return QSize(max(1, round(self.image.width() * self.factor)), max(1, round(self.image.height() * self.factor)))

    def set_factor(self, factor: float) -> None:
        self.factor = factor
        self.resize(self.sizeHint())
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self.factor < 3)
        target = QRectF(event.rect())
        f = self.factor
        source = QRectF(target.x() / f, target.y() / f, target.width() / f, target.height() / f)
        painter.drawImage(target, self.image, source)


class ImageView(QScrollArea):
    """An image that fits the window until zoomed; Ctrl+wheel zooms."""

    zoomChanged = Signal()

    def __init__(self, image: QImage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = ImageCanvas(image)
        self.setWidget(self.canvas)
        self.setWidgetResizable(False)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setBackgroundRole(self.backgroundRole())
        self.fitting = True

    def fit_factor(self) -> float:
        image = self.canvas.image
        room = self.viewport().size()
        if image.width() <= 0 or image.height() <= 0:
            return 1.0
        # never larger than the image itself: a small scan blown up only looks blurred
        return min(1.0, room.width() / image.width(), room.height() / image.height())

    def factor(self) -> float:
        return self.canvas.factor

    def fit(self) -> None:
        self.fitting = True
        self.canvas.set_factor(self.fit_factor())
        self.zoomChanged.emit()

    def set_zoom(self, factor: float) -> None:
        self.fitting = False
        self.canvas.set_factor(zoom.clamp(factor))
        self.zoomChanged.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.fitting:
            self.canvas.set_factor(self.fit_factor())
            self.zoomChanged.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            step = zoom.STEP if event.angleDelta().y() > 0 else 1 / zoom.STEP
            self.set_zoom(self.factor() * step)
            event.accept()
        else:
            super().wheelEvent(event)


class EvidenceViewer(QDialog):
    """One evidence file on screen, with its SHA-256, 校验 and 导出副本…; made by :func:`open_viewer`."""

    custody_changed = Signal(str)  # evidence id: its custody got a new event (the editor reloads it)

    def __init__(self, controller: EvidenceController, record_id: str, record: dict[str, Any], media: str, data: bytes,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.record_id = record_id
        self.record = record
        self.media = media
        self.setObjectName("evidence_viewer")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setSizeGripEnabled(True)
        self.setWindowTitle(self.tr("查看：%1").replace("%1", str(record.get("title") or "")))

        self.file_label = QLabel(self.tr("文件：%1（%2）").replace("%1", str(record.get("file_name") or ""))
                                 .replace("%2", size_text(record.get("size"))))
        self.file_label.setObjectName("file")
        self.sha_label = QLabel(f"SHA-256: {record.get('sha256') or ''}")
        self.sha_label.setObjectName("sha256")
        self.sha_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                               | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.sha_label.setStyleSheet("font-family: monospace;")
        self.sha_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.sha_label.setToolTip(str(record.get("sha256") or ""))
        self.verify_button = QPushButton(self.tr("校验"))
        self.verify_button.setObjectName("verify")
        self.verify_button.setToolTip(self.tr("重新计算加密保存的文件的 SHA-256，与登记值比对 (Ctrl+K)"))
        self.verify_result = QLabel()
        self.verify_result.setObjectName("verify_result")

        self.zoom_out_button = QPushButton(icon("zoom-out"), self.tr("缩小"))
        self.zoom_out_button.setToolTip(self.tr("缩小 (Ctrl+-)"))
        self.zoom_in_button = QPushButton(icon("zoom-in"), self.tr("放大"))
        self.zoom_in_button.setToolTip(self.tr("放大 (Ctrl++)"))
        self.fit_button = QPushButton(self.tr("适合窗口"))
        self.fit_button.setToolTip(self.tr("适合窗口 (Ctrl+0)"))
        self.actual_button = QPushButton(self.tr("实际大小"))
        self.actual_button.setToolTip(self.tr("实际大小 (Ctrl+1)"))
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoom")
        self.previous_button = QPushButton(self.tr("上一页"))
        self.previous_button.setToolTip(self.tr("上一页 (PgUp)"))
        self.next_button = QPushButton(self.tr("下一页"))
        self.next_button.setToolTip(self.tr("下一页 (PgDown)"))
        self.page_box = QSpinBox()
        self.page_box.setObjectName("page")
        self.page_box.setMinimum(1)
        self.page_box.setAccessibleName(self.tr("当前页"))
        self.pages_label = QLabel()
        self.pages_label.setObjectName("pages")
        self.export_button = QPushButton(self.tr("导出副本…"))
        self.export_button.setObjectName("export")
        self.export_button.setToolTip(self.tr("把解密后的文件保存到所选位置（记入保管记录）"))
        self.close_button = QPushButton(self.tr("关闭"))
        for button in (self.verify_button, self.zoom_out_button, self.zoom_in_button, self.fit_button,
                       self.actual_button, self.previous_button, self.next_button, self.export_button,
                       self.close_button):
            button.setAutoDefault(False)

        self.stack = QStackedWidget()
        self.image_view: ImageView | None = None
        self.pdf_view: QPdfView | None = None
        self.document: QPdfDocument | None = None
        self.message = QLabel()
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setObjectName("message")
        self.stack.addWidget(self.message)
        if media == "application/pdf":
            self._show_pdf(data)
        else:
            self._show_image(data)

        info = QHBoxLayout()
        info.addWidget(self.file_label)
        info.addWidget(self.sha_label, 1)
        info.addWidget(self.verify_button)
        tools = QHBoxLayout()
        zoom_tools: tuple[QWidget, ...] = (self.zoom_out_button, self.zoom_in_button, self.fit_button,
                                           self.actual_button, self.zoom_label)
        for tool in zoom_tools:
            tools.addWidget(tool)
        tools.addStretch(1)
        page_tools: tuple[QWidget, ...] = (self.previous_button, self.page_box, self.pages_label, self.next_button)
        for tool in page_tools:
            tool.setVisible(self.pdf_view is not None)
            tools.addWidget(tool)
        bottom = QHBoxLayout()
        bottom.addWidget(self.verify_result, 1)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(info)
        layout.addLayout(tools)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)

        self.verify_button.clicked.connect(self.verify)
        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_button.clicked.connect(self.fit)
        self.actual_button.clicked.connect(lambda: self.set_zoom(1.0))
        self.previous_button.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.page_box.valueChanged.connect(lambda value: self.go_to_page(value - 1))
        self.export_button.clicked.connect(self.export_copy)
        self.close_button.clicked.connect(self.reject)  # Esc closes as well (QDialog's own)
        previous_page = self.previous_button.click
        next_page = self.next_button.click
        for keys, slot in ((QKeySequence.StandardKey.ZoomIn, self.zoom_in), ("Ctrl+=", self.zoom_in),
                           ("+", self.zoom_in), (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
                           ("-", self.zoom_out), ("Ctrl+0", self.fit), ("Ctrl+1", lambda: self.set_zoom(1.0)),
                           ("Ctrl+K", self.verify), (QKeySequence.StandardKey.MoveToPreviousPage, previous_page),
                           (QKeySequence.StandardKey.MoveToNextPage, next_page)):
            QShortcut(QKeySequence(keys), self, slot)
        self._show_zoom()
        self._show_page()
        resize_to_fit(self, 900, 760)

    # ---- content -------------------------------------------------------------------------------
    def _show_image(self, data: bytes) -> None:
        image = QImage.fromData(data)
        if image.isNull():
            self.message.setText(self.tr("无法显示此图片（文件格式不受支持或已损坏）。"))
            return
        self.image_view = ImageView(image)
        self.image_view.setObjectName("image_view")
        self.image_view.zoomChanged.connect(self._show_zoom)
        self.stack.addWidget(self.image_view)
        self.stack.setCurrentWidget(self.image_view)

    def _show_pdf(self, data: bytes) -> None:
        self._bytes = QByteArray(data)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready or self.document.pageCount() == 0:
            self.message.setText(self.tr("无法显示此 PDF（文件已损坏或加了密码）。"))
            return
        self.pdf_view = QPdfView()
        self.pdf_view.setObjectName("pdf_view")
        self.pdf_view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.pdf_view.setPageSpacing(12)
        self.pdf_view.setDocument(self.document)
        self.page_box.setMaximum(self.document.pageCount())
        self.pdf_view.pageNavigator().currentPageChanged.connect(self._show_page)
        self.pdf_view.zoomFactorChanged.connect(self._show_zoom)
        self.pdf_view.zoomModeChanged.connect(self._show_zoom)
        self.stack.addWidget(self.pdf_view)
        self.stack.setCurrentWidget(self.pdf_view)

    def page_count(self) -> int:
        return int(self.document.pageCount()) if self.document is not None and self.pdf_view is not None else 0

    def current_page(self) -> int:
        """The page shown, from 0."""
        return int(self.pdf_view.pageNavigator().currentPage()) if self.pdf_view is not None else 0

    def go_to_page(self, page: int) -> None:
        if self.pdf_view is None or not 0 <= page < self.page_count() or page == self.current_page():
            return
        self.pdf_view.pageNavigator().jump(page, QPointF(), self.pdf_view.pageNavigator().currentZoom())

    def _show_page(self, *_args: object) -> None:
        pages = self.page_count()
        if not pages:
            return
        current = self.current_page()
        self.pages_label.setText(self.tr("共 %1 页").replace("%1", str(pages)))
        self.page_box.blockSignals(True)
        self.page_box.setValue(current + 1)
        self.page_box.blockSignals(False)
        self.previous_button.setEnabled(current > 0)
        self.next_button.setEnabled(current < pages - 1)

    # ---- zoom ----------------------------------------------------------------------------------
    def zoom_factor(self) -> float:
        """The zoom in force, also while fitting (where QPdfView's zoomFactor() is not updated)."""
        if self.image_view is not None:
            return self.image_view.factor()
        view, document = self.pdf_view, self.document
        if view is None or document is None:
            return 1.0
        if view.zoomMode() == QPdfView.ZoomMode.Custom:
            return float(view.zoomFactor())
        page = document.pagePointSize(max(0, self.current_page()))
        if page.width() <= 0 or page.height() <= 0:
            return 1.0
        # QPdfView lays pages out at the screen's logical dpi, 72 points an inch
        width = page.width() / 72.0 * self.logicalDpiX()
        height = page.height() / 72.0 * self.logicalDpiY()
        room = view.viewport().size()
        across = (room.width() - 2 * view.documentMargins().left()) / width
        if view.zoomMode() == QPdfView.ZoomMode.FitToWidth:
            return across
        return min(across, (room.height() - 2 * view.documentMargins().top()) / height)

    def set_zoom(self, factor: float) -> None:
        if self.image_view is not None:
            self.image_view.set_zoom(factor)
        elif self.pdf_view is not None:
            zoom.zoom_pdf(self.pdf_view, factor)
        self._show_zoom()

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom_factor() * zoom.STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom_factor() / zoom.STEP)

    def fit(self) -> None:
        if self.image_view is not None:
            self.image_view.fit()
        elif self.pdf_view is not None:
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._show_zoom()

    def _show_zoom(self, *_args: object) -> None:
        self.zoom_label.setText(f"{round(self.zoom_factor() * 100)}%")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_zoom()  # fitting follows the window's size

    # ---- checking and exporting ----------------------------------------------------------------
    def verify(self) -> bool | None:
        """Re-hashes the stored file (in the thread pool); shows and returns whether it matches."""
        job = run_job(self, self.tr("正在校验…"), VerifyEvidenceJob(self.controller, self.record_id))
        if not job.ok:
            error = job.error
            self.verify_result.setText(error.text(self.controller.lang) if isinstance(error, XunchaError)
                                       else str(error))
            return None
        value = job.result
        self.verify_result.setText(self.tr("校验通过：文件完好，与登记的 SHA-256 一致。") if value
                                   else self.tr("校验未通过：文件已损坏或被改动！"))
        self.verify_result.setStyleSheet("color: #2e7d32;" if value else "color: #b3261e; font-weight: bold;")
        return bool(value)

    def export_copy(self, target: Path | None = None) -> Path | None:
        saved = export_copy(self, self.controller, self.record_id, str(self.record.get("file_name") or ""), target)
        if saved is not None:
            self.verify_result.setStyleSheet("")
            self.verify_result.setText(self.tr("已导出副本：%1（已记入保管记录）").replace("%1", str(saved)))
            self.custody_changed.emit(self.record_id)
        return saved


def export_copy(parent: QWidget, controller: EvidenceController, record_id: str, file_name: str,
                target: Path | None = None) -> Path | None:
    """导出副本: the plaintext to a file the person picks (``target`` skips the dialog), through the service's
    extract (hash checked, custody 导出, audit); in the thread pool. Returns the path, or None."""
    if target is None:
        chosen, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("EvidenceViewer", "导出副本"),
                                                file_name)
        if not chosen:
            return None
        target = Path(chosen)
    label = QCoreApplication.translate("EvidenceViewer", "正在导出 %1 …").replace("%1", target.name)
    job = run_job(parent, label, ExtractEvidenceJob(controller, record_id, target))
    if not job.ok:
        error = job.error
        text = error.text(controller.lang) if isinstance(error, XunchaError) else str(error)
        QMessageBox.warning(parent, QCoreApplication.translate("EvidenceViewer", "未能导出"), text)
        return None
    return target


def open_viewer(parent: QWidget, controller: EvidenceController, record_id: str) -> EvidenceViewer | None:
    """Decrypts the file off the GUI thread (the look goes into the custody) and shows it; None when the
    record has no file that can be shown here (the person is told why). The caller reloads any custody
    it shows: the look is in it now."""
    record = controller.record(record_id)
    media = str(record.get("media_type") or media_of(record.get("file_name")))
    title = QCoreApplication.translate("EvidenceViewer", "查看证据文件")
    if not record.get("sha256"):
        QMessageBox.information(parent, title, QCoreApplication.translate("EvidenceViewer", "这条证据材料没有文件。"))
        return None
    if not viewable(media):
        QMessageBox.information(parent, title, QCoreApplication.translate(
            "EvidenceViewer", "此类文件不能在程序内查看；需要时请用“导出副本…”。"))
        return None
    label = QCoreApplication.translate("EvidenceViewer", "正在解密 %1 …")
    job = run_job(parent, label.replace("%1", str(record.get("file_name") or "")),
                  EvidenceContentJob(controller, record_id))
    if not job.ok:
        error = job.error
        text = error.text(controller.lang) if isinstance(error, XunchaError) else str(error)
        QMessageBox.warning(parent, title, text)
        return None
    content = job.result
    if content is None:
        QMessageBox.information(parent, title, QCoreApplication.translate(
            "EvidenceViewer", "文件太大，不能在程序内查看；需要时请用“导出副本…”。"))
        return None
    viewer = EvidenceViewer(controller, record_id, record, media, content.data, parent)
    viewer.show()
    return viewer


