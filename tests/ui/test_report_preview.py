"""The document preview: a feedback report made in the thread pool, shown, saved as PDF and Word, printed;
and the font section of the settings page."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.ui import jobs
from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.ui.controllers.reports import PdfJob, ReportsController
from xuncha_desktop.ui.font_settings import FontSettingsWidget
from xuncha_desktop.ui.report_preview import ReportPreviewDialog, failure_text, preview_feedback, preview_report
from xuncha_desktop.workspace import Workspace

SHOTS = Path("/tmp/xuncha-report-preview")
STATEMENT = ("党组落实全面从严治党主体责任不到位，研究党风廉政建设工作不经常，对下属单位监督检查流于形式，"
             "部分干部纪律意识淡薄，制度执行打折扣。")


@pytest.fixture
def problems(workspace: Workspace, ids: dict[str, str]) -> dict[str, str]:
    """Eight problems of the unit in the round, all in the feedback (two pages with the annex)."""
    categories = ["line_policy", "strict_governance", "team_building", "rectification"]
    with workspace.transaction() as session:
        for number in range(1, 9):
            KINDS["problem"].create(session, {
                "round_id": ids["round"], "unit_id": ids["unit"], "number": f"{number:03d}",
                "category": categories[number % 4], "statement": f"{STATEMENT}（第{number}项）",
                "in_feedback": True, "requirement": "严格落实主体责任，健全制度机制。",
                "responsible": "局党组书记", "deadline": "2020-08-31"})
    return ids


def _make_pdf(qtbot: Any, workspace: Workspace, ids: dict[str, str]) -> bytes:
    main_thread = threading.get_ident()
    threads: list[int] = []

    def work() -> bytes:
        threads.append(threading.get_ident())
        return _reports(workspace).feedback_pdf(ids["unit"], ids["round"], use_system_fonts=False)

    job = PdfJob(work)
    with qtbot.waitSignal(jobs.start(job).done, timeout=60_000) as blocker:
        pass
    assert threads and threads[0] != main_thread  # made off the GUI thread
    assert blocker.args == [job] and job.ok
    content = job.result
    assert isinstance(content, bytes) and content.startswith(b"%PDF")
    return content


def _reports(workspace: Workspace) -> ReportsController:
    return Controller(workspace, "zh").reports


def _open(qtbot: Any, pdf: bytes, **options: Any) -> ReportPreviewDialog:
    dialog = ReportPreviewDialog(pdf, "关于巡察中共娄底市住房和城乡建设局党组的反馈意见", **options)
    qtbot.addWidget(dialog)
    dialog.show()
    assert QTest.qWaitForWindowExposed(dialog)
    dialog.activateWindow()  # shortcuts go to the active window
    assert QTest.qWaitForWindowActive(dialog, 5000)
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready, timeout=10_000)
    return dialog


def test_feedback_report_is_made_in_the_pool_shown_and_saved(qtbot: QtBot, workspace: Workspace,
                                                             problems: dict[str, str],
                                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pdf = _make_pdf(qtbot, workspace, problems)
    assert pdf.startswith(b"%PDF")
    dialog = _open(qtbot, pdf)

    pages = dialog.document.pageCount()
    assert pages >= 1
    assert dialog.view.pageMode() == QPdfView.PageMode.MultiPage
    assert dialog.page_label.text() == f"第 1 页 共 {pages} 页"
    assert dialog.windowTitle().startswith("预览：")
    assert {b.text() for b in (dialog.save_button, dialog.print_button, dialog.close_button)} == {
        "保存为 PDF…", "打印…", "关闭"}
    assert not dialog.word_button.isVisibleTo(dialog)  # no Word writer given

    # zoom: +/- keys and buttons change the factor, fit-width restores the mode
    qtbot.keyClick(dialog, Qt.Key.Key_Plus)
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.Custom
    bigger = dialog.view.zoomFactor()
    qtbot.keyClick(dialog, Qt.Key.Key_Minus)
    assert dialog.view.zoomFactor() == pytest.approx(bigger / 1.25)
    dialog.zoom_in_button.click()
    assert dialog.view.zoomFactor() == pytest.approx(bigger)
    assert dialog.zoom_label.text().endswith("%")
    dialog.fit_width_button.click()
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth

    # the label follows the scrolling
    bar = dialog.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    qtbot.waitUntil(lambda: dialog.page_label.text() == f"第 {pages} 页 共 {pages} 页")
    bar.setValue(0)
    qtbot.waitUntil(lambda: dialog.page_label.text() == f"第 1 页 共 {pages} 页")

    SHOTS.mkdir(parents=True, exist_ok=True)
    qtbot.wait(200)  # let the view render its first page
    assert dialog.grab().save(str(SHOTS / "preview.png"))

    # Ctrl+S: saved where the (patched) file dialog says, suffix added, the very bytes shown
    target = tmp_path / "反馈意见"
    asked: list[Any] = []

    def choose(*args: Any, **kwargs: Any) -> tuple[str, str]:
        asked.append((args, kwargs))
        return str(target), "PDF 文件 (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(choose))
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = tmp_path / "反馈意见.pdf"
    assert asked and saved.read_bytes()[:4] == b"%PDF"
    assert saved.read_bytes() == pdf
    assert "已保存" in dialog.status_label.text()

    # an existing file is not replaced silently: the dialog asks, and "No" leaves it as it was
    saved.write_bytes(b"old")
    questions: list[str] = []

    def answer(no_or_yes: QMessageBox.StandardButton) -> Any:
        def ask(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
            questions.append(text)
            return no_or_yes
        return staticmethod(ask)

    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.No))
    assert dialog.save_pdf() is None
    assert saved.read_bytes() == b"old" and "已存在" in questions[-1]
    monkeypatch.setattr(QMessageBox, "question", answer(QMessageBox.StandardButton.Yes))
    assert dialog.save_pdf() == saved
    assert saved.read_bytes() == pdf
    assert not list(tmp_path.glob(".*.part*"))  # no temporary sibling left

    # Esc closes
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_printing_renders_every_page(qtbot: QtBot, workspace: Workspace, problems: dict[str, str],
                                     tmp_path: Path) -> None:
    pdf = _make_pdf(qtbot, workspace, problems)
    dialog = _open(qtbot, pdf)
    out = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)  # 96 dpi keeps the test light
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    assert dialog.print_to(printer)
    printed = QPdfDocument()
    printed.load(str(out))
    assert printed.pageCount() == dialog.document.pageCount()
    assert "已送去打印" in dialog.status_label.text()


def test_ctrl_p_prints_through_the_print_dialog(qtbot: QtBot, workspace: Workspace, problems: dict[str, str],
                                                tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from xuncha_desktop.ui import report_preview

    out = tmp_path / "printed.pdf"
    asked: list[tuple[int, int]] = []

    class FakePrintDialog:  # the user picks pages 2 to 3 and a PDF printer at screen resolution
        def __init__(self, printer: QPrinter, _parent: Any) -> None:
            self.printer = printer

        def setWindowTitle(self, _title: str) -> None:
            pass

        def setMinMax(self, low: int, high: int) -> None:
            asked.append((low, high))

        def exec(self) -> int:
            self.printer.setResolution(96)
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(out))
            self.printer.setPrintRange(QPrinter.PrintRange.PageRange)
            self.printer.setFromTo(2, 3)
            return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(report_preview, "QPrintDialog", FakePrintDialog)
    dialog = _open(qtbot, _make_pdf(qtbot, workspace, problems))
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert asked == [(1, dialog.page_count())]
    printed = QPdfDocument()
    printed.load(str(out))
    assert printed.pageCount() == 2
    assert dialog.status_label.text() == "已送去打印：2 页"


def test_word_is_written_through_a_job(qtbot: QtBot, workspace: Workspace, problems: dict[str, str], tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from docx import Document

    pdf = _make_pdf(qtbot, workspace, problems)

    def writer(path: Path) -> Path:
        return _reports(workspace).feedback_docx(path, problems["unit"], problems["round"])

    dialog = _open(qtbot, pdf, word_writer=writer)
    assert dialog.word_button.isVisibleTo(dialog) and dialog.word_button.text() == "另存为 Word…"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "反馈意见.docx"), "")))
    job = dialog.save_word()  # already running: wait on its outcome, not on a signal it may have sent
    assert job is not None and not dialog.word_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.word_job is None, timeout=60_000)
    out = tmp_path / "反馈意见.docx"
    assert out.read_bytes()[:2] == b"PK"
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "反馈意见" in text and "第8项" in text
    qtbot.waitUntil(lambda: dialog.word_button.isEnabled())
    assert dialog.status_label.text() == "已保存：反馈意见.docx"
    assert dialog.status_label.toolTip() == str(out)
    assert 50 < int(dialog.zoom_label.text().rstrip("%")) < 200  # fit to width, measured on the laid-out view
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "preview-word.png"))


def test_errors_arrive_as_chinese_text(qtbot: QtBot, workspace: Workspace, ids: dict[str, str]) -> None:
    missing = "01890000-0000-7000-8000-000000000000"
    texts: list[str] = []
    reports = _reports(workspace)
    job = PdfJob(lambda: reports.feedback_pdf(missing, use_system_fonts=False))
    jobs.start(job, lambda done: texts.append(failure_text(done, "zh")))
    qtbot.waitUntil(lambda: bool(texts), timeout=30_000)
    text = texts[0]
    assert isinstance(text, str) and text and any("\u4e00" <= c <= "\u9fff" for c in text)
    assert not jobs.running()  # let go once reported


def test_preview_report_opens_the_dialog(qtbot: QtBot, workspace: Workspace, problems: dict[str, str]) -> None:
    shown: list[ReportPreviewDialog] = []
    reports = _reports(workspace)
    preview_report(None, "反馈意见", lambda: reports.feedback_pdf(problems["unit"], use_system_fonts=False),
                   on_shown=shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=60_000)
    dialog = shown[0]
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.page_count() > 0, timeout=10_000)
    assert dialog.page_label.text().endswith(f"共 {dialog.page_count()} 页")
    assert not dialog.word_button.isVisibleTo(dialog)


def test_preview_feedback_offers_word(qtbot: QtBot, workspace: Workspace, problems: dict[str, str], tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XUNCHA_SHIPPED_FONTS", "1")
    shown: list[ReportPreviewDialog] = []
    preview_feedback(None, _reports(workspace), problems["unit"], "巡察反馈意见", round_id=problems["round"],
                     marking="内部资料 注意保存", on_shown=shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=60_000)
    dialog = shown[0]
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "预览：巡察反馈意见"
    assert dialog.word_button.isVisibleTo(dialog)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "fk"), "")))
    assert dialog.save_word() is not None
    qtbot.waitUntil(lambda: dialog.word_job is None, timeout=60_000)
    assert (tmp_path / "fk.docx").read_bytes()[:2] == b"PK"


def test_font_settings_show_a_row_per_role(qtbot: QtBot) -> None:
    from xuncha_desktop.reports.fonts import ROLES, font_report

    widget = FontSettingsWidget(font_report(use_system=False))
    qtbot.addWidget(widget)
    widget.resize(760, 360)
    widget.show()
    assert QTest.qWaitForWindowExposed(widget)
    table = widget.table

    def cell(row: int, column: int) -> str:
        item = table.item(row, column)
        assert item is not None
        return item.text()

    assert table.rowCount() == len(ROLES) == 5
    uses = [cell(r, 0) for r in range(table.rowCount())]
    assert uses == ["标题", "正文", "一级标题", "二级标题", "页码"]
    assert [cell(r, 1) for r in range(5)] == ["小标宋", "仿宋", "黑体", "楷体", "宋体"]
    for row in range(5):
        assert cell(row, 2).split("（")[0].strip()  # a font name
        assert cell(row, 3) == "内置字体"
        assert cell(row, 4).endswith((".ttf", ".ttc"))
    assert widget.font_of("body").startswith("AR PL SungtiL GB")
    assert table.editTriggers() == table.EditTrigger.NoEditTriggers
    assert "标准字体" in widget.explanation.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(SHOTS / "fonts.png"))


def test_closing_the_preview_while_word_is_written(qtbot: QtBot, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    from reportlab.pdfgen import canvas

    pdf_path = tmp_path / "one.pdf"
    page = canvas.Canvas(str(pdf_path))
    page.drawString(100, 700, "page")
    page.save()
    written = threading.Event()

    def slow_writer(path: Path) -> None:
        time.sleep(0.3)
        path.write_bytes(b"PK docx")
        written.set()

    dialog = ReportPreviewDialog(pdf_path.read_bytes(), "文书", word_writer=slow_writer)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(tmp_path / "w"), "")))
    job = dialog.save_word()
    assert job is not None
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not jobs.running(), timeout=10_000)  # reported to a deleted dialog: no error
    assert written.is_set() and (tmp_path / "w.docx").read_bytes() == b"PK docx"
