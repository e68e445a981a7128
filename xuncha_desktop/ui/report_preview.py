"""The preview of a document: the PDF the program made, shown page by page, saved or printed as it is.

The dialog is handed the PDF's bytes (made off the GUI thread by a :class:`PdfJob` of the reports controller)
and, for the feedback report, a function that writes the .docx; it holds no workspace and no session.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QObject, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import Shiboken

from xuncha_desktop.errors import XunchaError
from xuncha_desktop.ui import jobs, zoom
from xuncha_desktop.ui.controllers.jobs import Job
from xuncha_desktop.ui.controllers.reports import PdfJob, ReportsController, WordJob

log = logging.getLogger(__name__)

PRINT_DPI_MAX = 600  # an A4 page at 600 dpi is a 139 MB image; more buys nothing on paper


class ReportPreviewDialog(QDialog):
    """Shows ``pdf`` (bytes) with zoom, page count, save, print and, when ``word_writer`` is given, 另存为 Word.

    ``word_writer(path)`` writes the .docx to ``path`` (it runs in the thread pool, so it must not touch
    widgets: e.g. ``functools.partial(reports.feedback_docx, unit_id=…, round_id=…)`` with the path as first
    free argument). ``file_name`` is the suggested name without suffix.
    """

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None, file_name: str | None = None,
                 word_writer: Callable[[Path], object] | None = None, lang: str = "zh") -> None:
        super().__init__(parent)
        self.pdf = bytes(pdf)
        self.document_title = title
        self.file_name = file_name or title
        self.word_writer = word_writer
        self.lang = lang
        self.word_job: WordJob | None = None
        self.setWindowTitle(self.tr("预览：%1").replace("%1", title))
        self.setSizeGripEnabled(True)

        self._bytes = QByteArray(self.pdf)
        self._buffer = QBuffer(self._bytes, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setDocument(self.document)
        self.view.setMinimumSize(QSize(360, 300))

        self.zoom_out_button = QPushButton(self.tr("缩小 (-)"), self)
        self.zoom_in_button = QPushButton(self.tr("放大 (+)"), self)
        self.fit_width_button = QPushButton(self.tr("适合宽度"), self)
        self.zoom_label = QLabel(self)
        self.page_label = QLabel(self)
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.page_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.save_button = QPushButton(self.tr("保存为 PDF…"), self)
        self.save_button.setToolTip(self.tr("保存为 PDF (Ctrl+S)"))
        self.word_button = QPushButton(self.tr("另存为 Word…"), self)
        self.word_button.setToolTip(self.tr("另存为可编辑的 Word 文档（.docx）"))
        self.word_button.setVisible(word_writer is not None)
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.print_button.setToolTip(self.tr("打印 (Ctrl+P)"))
        self.close_button = QPushButton(self.tr("关闭"), self)
        self.status_label = QLabel(self)
        # a long text is cut rather than widening the dialog; the full path is in the tooltip
        self.status_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_width_button, self.save_button,
                       self.word_button, self.print_button, self.close_button):
            button.setAutoDefault(False)

        tools = QHBoxLayout()
        tools.addWidget(self.zoom_out_button)
        tools.addWidget(self.zoom_in_button)
        tools.addWidget(self.fit_width_button)
        tools.addWidget(self.zoom_label)
        tools.addWidget(self.page_label, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.status_label, 1)
        actions.addWidget(self.save_button)
        actions.addWidget(self.word_button)
        actions.addWidget(self.print_button)
        actions.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)

        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.fit_width_button.clicked.connect(self.fit_width)
        self.save_button.clicked.connect(self.save_pdf)
        self.word_button.clicked.connect(self.save_word)
        self.print_button.clicked.connect(self.print_document)
        self.close_button.clicked.connect(self.reject)  # Esc closes as well (QDialog's own)
        self.view.zoomFactorChanged.connect(self._show_zoom)
        self.view.zoomModeChanged.connect(self._show_zoom)
        self.view.pageNavigator().currentPageChanged.connect(self._show_page)
        self.document.statusChanged.connect(self._show_page)
        self.document.pageCountChanged.connect(self._show_page)

        shortcuts: list[tuple[QKeySequence | str, Callable[[], object]]] = [
            (QKeySequence(QKeySequence.StandardKey.Save), self.save_pdf),
            (QKeySequence(QKeySequence.StandardKey.Print), self.print_document),
            (QKeySequence(QKeySequence.StandardKey.ZoomIn), self.zoom_in),
            (QKeySequence(QKeySequence.StandardKey.ZoomOut), self.zoom_out),
            ("+", self.zoom_in), ("=", self.zoom_in), ("-", self.zoom_out),
        ]
        seen: set[str] = set()
        for key, slot in shortcuts:
            sequence = QKeySequence(key)
            if sequence.isEmpty() or sequence.toString() in seen:
                continue
            seen.add(sequence.toString())
            QShortcut(sequence, self, slot)

        self.view.viewport().installEventFilter(self)
        self.document.load(self._buffer)
        self._show_page()
        self._show_zoom()
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        height = min(900, int(screen.height() * 0.9)) if screen is not None else 900
        self.resize(760, height)

    # ---- what is shown ----

    def page_count(self) -> int:
        return int(self.document.pageCount())

    def _show_page(self, *_args: object) -> None:
        pages = self.page_count()
        current = self.view.pageNavigator().currentPage() + 1 if pages else 0
        self.page_label.setText(self.tr("第 %1 页 共 %2 页").replace("%1", str(current)).replace("%2", str(pages)))

    def _show_zoom(self, *_args: object) -> None:
        self.zoom_label.setText(f"{round(self._current_factor() * 100)}%")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._show_zoom()  # fit-to-width follows the viewport's width
        return super().eventFilter(watched, event)

    def _current_factor(self) -> float:
        """The zoom in force, also in fit-to-width mode (where zoomFactor() is not updated)."""
        if self.view.zoomMode() != QPdfView.ZoomMode.FitToWidth or self.page_count() == 0:
            return float(self.view.zoomFactor())
        page_points = self.document.pagePointSize(0).width()
        if page_points <= 0:
            return 1.0
        # QPdfView lays pages out at the screen's logical dpi; 72 points an inch
        pixels = page_points / 72.0 * self.logicalDpiX()
        margins = self.view.documentMargins()
        usable = self.view.viewport().width() - margins.left() - margins.right()
        return max(zoom.MIN, usable / pixels) if pixels > 0 else 1.0

    def set_zoom(self, factor: float) -> None:
        zoom.zoom_pdf(self.view, factor)
        self._show_zoom()

    def zoom_in(self) -> None:
        self.set_zoom(self._current_factor() * zoom.STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self._current_factor() / zoom.STEP)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._show_zoom()

    # ---- saving ----

    def _ask_path(self, caption: str, suffix: str, file_filter: str) -> Path | None:
        """The file to write, with ``suffix`` added when missing; asks before replacing an existing file."""
        name, _chosen = QFileDialog.getSaveFileName(
            self, caption, self.file_name + suffix, file_filter,
            options=QFileDialog.Option.DontConfirmOverwrite)  # asked below, after the suffix is settled
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        if path.exists():
            answer = QMessageBox.question(
                self, self.tr("文件已存在"),
                self.tr("“%1”已存在。要替换它吗？").replace("%1", str(path)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return None
        return path

    def save_pdf(self) -> Path | None:
        """Saves the PDF shown (the very bytes) where the user says; returns the path, None if not saved."""
        path = self._ask_path(self.tr("保存为 PDF"), ".pdf", self.tr("PDF 文件 (*.pdf)"))
        if path is None:
            return None
        try:
            ReportsController.save_pdf(path, self.pdf)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("未能保存"), self.tr("未能保存“%1”：%2").replace(
                "%1", str(path)).replace("%2", exc.strerror or str(exc)))
            return None
        self._saved(path)
        return path

    def _saved(self, path: Path) -> None:
        self.status_label.setText(self.tr("已保存：%1").replace("%1", path.name))
        self.status_label.setToolTip(str(path))

    def save_word(self) -> WordJob | None:
        """Asks for a .docx file and writes it through a :class:`WordJob`; returns the job (None if not started)."""
        if self.word_writer is None or self.word_job is not None:
            return None
        path = self._ask_path(self.tr("另存为 Word"), ".docx", self.tr("Word 文档 (*.docx)"))
        if path is None:
            return None
        self.word_button.setEnabled(False)
        self.status_label.setText(self.tr("正在生成 Word 文档…"))

        def done(job: WordJob) -> None:
            if not Shiboken.isValid(self):  # the dialog was closed and deleted meanwhile: the file is written
                return
            self.word_job = None
            self.word_button.setEnabled(True)
            if job.ok:
                self._saved(path)
                return
            self.status_label.setText("")
            QMessageBox.warning(self, self.tr("未能保存"), failure_text(job, self.lang))

        self.word_job = WordJob(self.word_writer, path)
        jobs.start(self.word_job, done)
        return self.word_job

    # ---- printing ----

    def print_document(self) -> bool:
        """Asks for a printer (QPrintDialog) and prints; returns whether anything was printed."""
        if self.page_count() == 0:
            return False
        printer = QPrinter(QPrinter.PrinterMode.PrinterResolution)
        printer.setDocName(self.document_title)
        printer.setFromTo(1, self.page_count())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印"))
        dialog.setMinMax(1, self.page_count())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Prints the pages the printer's range asks for (all by default), each rendered by QPdfDocument at the
        printer's resolution (at most PRINT_DPI_MAX) and laid on the page's full paper rectangle."""
        pages = self.page_count()
        first, last = 1, pages
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first, last = max(1, printer.fromPage()), min(pages, printer.toPage() or pages)
        if first > last:
            return False
        printer.setFullPage(True)
        dpi = min(PRINT_DPI_MAX, printer.resolution())
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("未能打印"), self.tr("无法开始打印，请检查打印机。"))
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            for number in range(first, last + 1):
                if number > first:
                    printer.newPage()
                points = self.document.pagePointSize(number - 1)
                size = QSize(round(points.width() / 72.0 * dpi), round(points.height() / 72.0 * dpi))
                image = self.document.render(number - 1, size)
                if image.isNull():
                    continue
                image = image.convertToFormat(QImage.Format.Format_RGB32)  # no alpha: plain white paper
                target = printer.paperRect(QPrinter.Unit.DevicePixel)
                # keep the page's proportions, centred on the paper (the same A4 normally fills it)
                scale = min(target.width() / image.width(), target.height() / image.height())
                width, height = image.width() * scale, image.height() * scale
                corner = QPointF(target.x() + (target.width() - width) / 2, target.y() + (target.height() - height) / 2)
                painter.drawImage(QRectF(corner.x(), corner.y(), width, height), image)
        finally:
            painter.end()
            QApplication.restoreOverrideCursor()
        self.status_label.setText(self.tr("已送去打印：%1 页").replace("%1", str(last - first + 1)))
        return True


def failure_text(job: Job[Any], lang: str) -> str:
    """What a failed document job tells the person: the core's message, or the error's own text."""
    error = job.error
    if isinstance(error, XunchaError):
        return error.text(lang)
    # anything else (a full disk, a broken font) is shown, not swallowed
    log.error("document job failed", exc_info=error)
    text = QApplication.translate("ReportJob", "未能生成文书：%1")
    return text.replace("%1", str(error) or type(error).__name__)


def preview_report(parent: QWidget | None, title: str, work: Callable[[], bytes], file_name: str | None = None,
                   word_writer: Callable[[Path], object] | None = None, lang: str = "zh",
                   on_shown: Callable[[ReportPreviewDialog], object] | None = None) -> PdfJob:
    """Makes the PDF with ``work`` (a call of :class:`ReportsController`) in a :class:`PdfJob`, then opens a
    non-modal :class:`ReportPreviewDialog` (or shows the error in a message box). Returns at once with the
    job; ``on_shown`` receives the dialog once it is open."""
    if parent is not None:
        parent.setCursor(Qt.CursorShape.BusyCursor)

    def finished(job: PdfJob) -> None:
        if parent is not None:
            if not Shiboken.isValid(parent):  # the window went away meanwhile
                return
            parent.unsetCursor()
        if not job.ok:
            QMessageBox.warning(parent, QApplication.translate("ReportPreviewDialog", "未能生成文书"),
                                failure_text(job, lang))
            return
        dialog = ReportPreviewDialog(job.result, title, parent, file_name, word_writer, lang)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        if on_shown is not None:
            on_shown(dialog)

    job = PdfJob(work)
    jobs.start(job, finished)
    return job


def preview_feedback(parent: QWidget | None, reports: ReportsController, unit_id: str, title: str,
                     round_id: str | None = None, issued_on: dt.date | None = None, marking: str | None = None,
                     file_name: str | None = None,
                     on_shown: Callable[[ReportPreviewDialog], object] | None = None) -> PdfJob:
    """The 巡察反馈意见 of ``unit_id`` (in ``round_id``, else the unit's latest round): made in the pool, then
    previewed with 另存为 Word… writing the same report as .docx. ``title`` is the window's text for it."""
    work = functools.partial(reports.feedback_pdf, unit_id, round_id, issued_on, marking)
    writer = functools.partial(reports.feedback_docx, unit_id=unit_id, round_id=round_id, issued_on=issued_on,
                               marking=marking)
    return preview_report(parent, title, work, file_name, writer, reports.lang, on_shown)
