"""The office's everyday files from the window, with the command line's checks and messages:
问题清单/整改台账 exported to Excel and read back when the unit has filled it in, 信访台账 imported from Excel
(``xuncha ledger export``, ``xuncha ledger import``, ``xuncha petitions import``)."""

from __future__ import annotations

import functools
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QWidget,
)

from xuncha_desktop import local_time
from xuncha_desktop.errors import XunchaError
from xuncha_desktop.services.ledgers import LedgerImportReport
from xuncha_desktop.services.petition_import import ImportReport, RowError
from xuncha_desktop.ui import settings
from xuncha_desktop.ui.controllers.jobs import CallJob
from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.ui.jobs import run_job

# Row errors listed in the message before "… and N more" (the whole list is in the command line's output).
SHOWN_ERRORS = 30


def _tr(text: str) -> str:
    return QCoreApplication.translate("OfficeFiles", text)


class LedgerDialog(QDialog):
    """Which problems go into the ledger: a round, a unit, only those in the feedback."""

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledger_dialog")
        self.setWindowTitle(self.tr("导出问题清单/整改台账"))
        form = QFormLayout(self)
        self.round = QComboBox()
        self.round.addItem(self.tr("全部轮次"), None)
        for key, title in controller.ref_choices("round"):
            self.round.addItem(title, key)
        self.unit = QComboBox()
        self.unit.addItem(self.tr("全部单位"), None)
        for key, title in controller.ref_choices("unit"):
            self.unit.addItem(title, key)
        self.feedback_only = QCheckBox(self.tr("只导出列入反馈意见的问题"))
        form.addRow(self.tr("巡察轮次："), self.round)
        form.addRow(self.tr("被巡察单位："), self.unit)
        form.addRow("", self.feedback_only)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def file_name(self) -> str:
        """问题清单-<the unit, or the round, or 全部>-<date>.xlsx"""
        scope = self.unit.currentText() if self.unit.currentData() else (
            self.round.currentText() if self.round.currentData() else self.tr("全部"))
        return f"{self.tr('问题清单')}-{_safe(scope)}-{local_time.today():%Y%m%d}.xlsx"


def _safe(name: str) -> str:
    """A name usable in a file name on Windows as on Linux."""
    return "".join("_" if c in '\\/:*?"<>|' else c for c in name).strip() or "_"


def _error_text(controller: Controller, error: BaseException | None) -> str:
    if isinstance(error, XunchaError):
        return error.text(controller.lang)
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error)


def export_ledger(parent: QWidget, controller: Controller) -> Path | None:
    """Asks what to export and where (a name with the unit and date), writes it behind a progress dialog."""
    options = LedgerDialog(controller, parent)
    if options.exec() != QDialog.DialogCode.Accepted:
        return None
    folder = settings.DOCUMENTS_FOLDER.get()
    name, _chosen = QFileDialog.getSaveFileName(parent, _tr("导出问题清单/整改台账"), str(folder / options.file_name()),
                                                _tr("Excel 工作簿 (*.xlsx)"))
    if not name:
        return None
    out = Path(name) if name.lower().endswith(".xlsx") else Path(name + ".xlsx")
    settings.DOCUMENTS_FOLDER.set(out.parent)
    write = functools.partial(controller.reports.ledger_xlsx, out, options.round.currentData(),
                              options.unit.currentData(), options.feedback_only.isChecked())
    job: CallJob[int] = run_job(parent, _tr("正在导出 %1 …").replace("%1", out.name),
                                CallJob(lambda _progress, _cancelled: write()))
    if not job.ok:
        QMessageBox.warning(parent, _tr("导出问题清单/整改台账"), _error_text(controller, job.error))
        return None
    QMessageBox.information(parent, _tr("导出问题清单/整改台账"),
                            _tr("已导出 %1 个问题到 %2。").replace("%1", str(job.result)).replace("%2", str(out)))
    return out


def import_petition_ledger(parent: QWidget, controller: Controller) -> ImportReport | None:
    """Reads a 信访台账 workbook. Every row is checked first: with any wrong row nothing is imported, the
    rows and their faults are listed, and the person may then import only the good rows."""
    title = _tr("导入信访台账")
    name, _chosen = QFileDialog.getOpenFileName(parent, title, str(settings.DOCUMENTS_FOLDER.get()),
                                                _tr("Excel 工作簿 (*.xlsx)"))
    if not name:
        return None
    workbook = Path(name)
    settings.DOCUMENTS_FOLDER.set(workbook.parent)
    rounds = [("", _tr("（不归入轮次）")), *controller.ref_choices("round")]
    picker = QComboBox()
    for key, label in rounds:
        picker.addItem(label, key)
    round_id = _ask_round(parent, title, picker)
    if round_id is None:
        return None
    report = _run_import(parent, controller, workbook, round_id or None, False)
    if report is None:
        return None
    if not report.clean:
        good = report.rows - len(report.skipped_rows)
        question = QMessageBox(QMessageBox.Icon.Warning, title, _refusal_text(controller, report), parent=parent)
        only_good = question.addButton(_tr("只导入正确的 %1 行").replace("%1", str(good)),
                                       QMessageBox.ButtonRole.AcceptRole)
        cancel = question.addButton(_tr("取消"), QMessageBox.ButtonRole.RejectRole)
        question.setDefaultButton(cancel)  # Enter imports nothing
        only_good.setEnabled(good > 0)
        question.exec()
        if question.clickedButton() is not only_good:
            return report
        report = _run_import(parent, controller, workbook, round_id or None, True)
        if report is None:
            return None
    QMessageBox.information(parent, title, _tr("已导入 %1 件信访件（共 %2 行，跳过 %3 行）。")
                            .replace("%1", str(report.imported)).replace("%2", str(report.rows))
                            .replace("%3", str(len(report.skipped_rows))))
    return report


def _ask_round(parent: QWidget, title: str, picker: QComboBox) -> str | None:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    form = QFormLayout(dialog)
    form.addRow(_tr("归入巡察轮次："), picker)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    form.addRow(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return str(picker.currentData() or "")


def _run_import(parent: QWidget, controller: Controller, workbook: Path, round_id: str | None,
                good_rows_only: bool) -> ImportReport | None:
    run = functools.partial(controller.reports.import_petitions, workbook, round_id, good_rows_only)
    job: CallJob[ImportReport] = run_job(parent, _tr("正在导入 %1 …").replace("%1", workbook.name),
                                         CallJob(lambda _progress, _cancelled: run()))
    if not job.ok or job.result is None:
        QMessageBox.warning(parent, _tr("导入信访台账"), _error_text(controller, job.error))
        return None
    return job.result


def _refusal_text(controller: Controller, report: ImportReport) -> str:
    lines = [_tr("%1 行中有 %2 行不符合录入规则，未导入任何一行：").replace("%1", str(report.rows))
             .replace("%2", str(len(report.skipped_rows)))]
    return "\n".join(lines + _error_lines(controller, report.errors))


def _error_lines(controller: Controller, errors: list[RowError]) -> list[str]:
    zh = controller.lang == "zh"
    lines = []
    for error in errors[:SHOWN_ERRORS]:
        lines.append(_tr("第 %1 行“%2”列：%3").replace("%1", str(error.row)).replace("%2", error.column)
                     .replace("%3", error.message_zh if zh else error.message_en))
    if len(errors) > SHOWN_ERRORS:
        lines.append(_tr("……另有 %1 处").replace("%1", str(len(errors) - SHOWN_ERRORS)))
    return lines


def import_problem_ledger(parent: QWidget, controller: Controller) -> LedgerImportReport | None:
    """Reads back a 整改台账 the unit filled in. Every row is checked first: with any wrong row nothing is
    changed and the faults are listed; otherwise the changes (row, column, old → new) are shown and applied
    only when the person confirms (the default button applies nothing)."""
    title = _tr("导入单位填报的整改台账")
    name, _chosen = QFileDialog.getOpenFileName(parent, title, str(settings.DOCUMENTS_FOLDER.get()),
                                                _tr("Excel 工作簿 (*.xlsx)"))
    if not name:
        return None
    workbook = Path(name)
    settings.DOCUMENTS_FOLDER.set(workbook.parent)
    checked = _run_ledger(parent, controller, workbook, apply=False)
    if checked is None:
        return None
    if not checked.clean:
        lines = [_tr("%1 行中有 %2 行有误，未修改任何问题：").replace("%1", str(checked.rows))
                 .replace("%2", str(len(checked.bad_rows)))]
        QMessageBox.warning(parent, title, "\n".join(lines + _error_lines(controller, checked.errors)))
        return checked
    if not checked.changed:
        QMessageBox.information(parent, title, _tr("台账中的 %1 行与记录一致，没有需要修改的内容。")
                                .replace("%1", str(checked.rows)))
        return checked
    lines = [_tr("将修改 %1 个问题：").replace("%1", str(len(checked.changed)))]
    shown = 0
    for row in checked.changed:
        for change in row.changes:
            if shown < SHOWN_ERRORS:
                lines.append(_tr("第 %1 行（问题 %2）%3：“%4” → “%5”").replace("%1", str(row.row))
                             .replace("%2", row.number or row.problem_id).replace("%3", change.column)
                             .replace("%4", change.old).replace("%5", change.new))
            shown += 1
    if shown > SHOWN_ERRORS:
        lines.append(_tr("……另有 %1 处").replace("%1", str(shown - SHOWN_ERRORS)))
    question = QMessageBox(QMessageBox.Icon.Question, title, "\n".join(lines), parent=parent)
    apply = question.addButton(_tr("应用修改"), QMessageBox.ButtonRole.AcceptRole)
    cancel = question.addButton(_tr("取消"), QMessageBox.ButtonRole.RejectRole)
    question.setDefaultButton(cancel)
    question.exec()
    if question.clickedButton() is not apply:
        return checked
    report = _run_ledger(parent, controller, workbook, apply=True)
    if report is None:
        return None
    if report.applied:
        QMessageBox.information(parent, title, _tr("已更新 %1 个问题。").replace("%1", str(len(report.changed))))
    else:  # the workspace changed between the check and the import: the new faults are listed
        QMessageBox.warning(parent, title, "\n".join(_error_lines(controller, report.errors)))
    return report


def _run_ledger(parent: QWidget, controller: Controller, workbook: Path, apply: bool) -> LedgerImportReport | None:
    run = functools.partial(controller.reports.import_ledger, workbook, apply)
    job: CallJob[LedgerImportReport] = run_job(parent, _tr("正在读取 %1 …").replace("%1", workbook.name),
                                               CallJob(lambda _progress, _cancelled: run()))
    if not job.ok or job.result is None:
        QMessageBox.warning(parent, _tr("导入单位填报的整改台账"), _error_text(controller, job.error))
        return None
    return job.result
