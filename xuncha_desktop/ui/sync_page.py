"""同步: this device's keys, trusted devices, export and import of packages, their history, conflicts.

The page holds layout and the person's steps only: its data comes from a
:class:`~xuncha_desktop.ui.controllers.sync.SyncController` (plain values, no Qt), export and import run as
``ExportJob`` / ``ImportJob`` behind a progress dialog with Cancel (``jobs.run_job``), the dialogs are in
``sync_dialogs.py`` and the marking of differences in ``text_diff.py``.

Conflicts: 本机 is the service's ``local`` side (the version made on this device; when neither or both
were, the value in force) and 导入 its ``incoming`` side, as in ``xuncha sync resolve --keep local|incoming``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from xuncha_desktop.errors import XunchaError
from xuncha_desktop.ui import settings
from xuncha_desktop.ui.controllers.sync import (
    ConflictRow,
    ExportJob,
    ImportJob,
    KeyFile,
    SyncController,
    TrustedDevice,
)
from xuncha_desktop.ui.jobs import run_job
from xuncha_desktop.ui.models import PlainTableModel
from xuncha_desktop.ui.sync_dialogs import EditValueDialog, ExportDialog, ImportDialog, remember_folder
from xuncha_desktop.ui.text_diff import diff_spans, flat, normalise, show_marked

_HERE_COLOUR = "#ffd7d5"
_INCOMING_COLOUR = "#c9f0d1"


class SyncPage(QWidget):
    """同步: keys, export, import, history and conflicts."""

    data_changed = Signal()  # an import or a settled conflict changed records: lists should refresh

    def __init__(self, sync: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.identity_marked = False  # the safety-number question's "office" / "reads identities" box
        self.data = sync
        self.setObjectName("page_sync")
        self.conflict_rows: list[ConflictRow] = []
        self.last_summary: dict[str, Any] | None = None
        self.diff: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], [])  # marked spans (here, incoming)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)

        top = QHBoxLayout()
        own = self.data.own_device()
        device_box = QGroupBox(self.tr("本机设备"))
        form = QFormLayout(device_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name, label, value in (("own_name", self.tr("名称"), own.name), ("own_owner", self.tr("使用人"), own.owner),
                                   ("own_fingerprint", self.tr("安全码"), own.fingerprint),
                                   ("own_id", self.tr("设备标识"), own.id),
                                   ("own_signing", self.tr("签名公钥"), own.ed25519_public),
                                   ("own_age", self.tr("加密公钥"), own.age_recipient)):
            field = QLineEdit(value)
            field.setObjectName(name)
            field.setReadOnly(True)
            field.setToolTip(value)
            if name == "own_fingerprint":
                # read aloud or compared on paper by the person trusting this device: large and steady
                mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
                mono.setPointSizeF(self.font().pointSizeF() + 2)
                mono.setBold(True)
                field.setFont(mono)
                field.setToolTip(self.tr("其他设备信任本机前，请对方核对此安全码"))
            if name in ("own_id", "own_signing", "own_age"):
                mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
                mono.setPointSizeF(max(7.0, self.font().pointSizeF() - 1))
                field.setFont(mono)
            field.setMinimumWidth(120)  # the window must fit a small screen; the box grows to show whole keys
            field.setCursorPosition(0)
            form.addRow(label, field)
        key_buttons = QHBoxLayout()
        self.export_key_button = QPushButton(self.tr("导出本机公钥…"))
        self.export_key_button.setObjectName("export_public")
        self.export_key_button.setToolTip(self.tr("把本机公钥保存为文件，交给其他设备信任"))
        self.export_key_button.clicked.connect(self.export_public_key)
        key_buttons.addWidget(self.export_key_button)
        key_buttons.addStretch(1)
        form.addRow(key_buttons)
        top.addWidget(device_box, 3)

        trusted_box = QGroupBox(self.tr("受信任的设备"))
        trusted_layout = QVBoxLayout(trusted_box)
        self.trusted_model = PlainTableModel([self.tr("设备名称"), self.tr("安全码"), self.tr("信任时间"),
                                              self.tr("操作人")], self)
        self.trusted_view = self._table("trusted", self.trusted_model, stretch=0)
        self.trusted_view.setMaximumHeight(150)
        trusted_layout.addWidget(self.trusted_view, 1)
        trust_row = QHBoxLayout()
        self.trust_button = QPushButton(self.tr("信任其他设备…"))
        self.trust_button.setObjectName("trust")
        self.trust_button.setToolTip(self.tr("选择其他设备导出的公钥文件；只接受受信任设备的同步包"))
        self.trust_button.clicked.connect(self.trust_device)
        trust_row.addWidget(self.trust_button)
        trust_row.addStretch(1)
        trusted_layout.addLayout(trust_row)
        top.addWidget(trusted_box, 2)
        layout.addLayout(top)

        actions = QHBoxLayout()
        self.export_button = QPushButton(self.tr("导出同步包…"))
        self.export_button.setObjectName("export")
        self.export_button.clicked.connect(self.export_package)
        self.import_button = QPushButton(self.tr("导入同步包…"))
        self.import_button.setObjectName("import")
        self.import_button.clicked.connect(self.import_package)
        actions.addWidget(self.export_button)
        actions.addWidget(self.import_button)
        self.status = QLabel()
        self.status.setObjectName("sync_status")
        self.status.setWordWrap(True)  # a long path must not widen the window
        actions.addWidget(self.status, 1)
        layout.addLayout(actions)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("sync_tabs")
        self.tabs.addTab(self._conflict_panel(), "")
        self.history_model = PlainTableModel([self.tr("方向"), self.tr("对方"), self.tr("文件"), self.tr("时间"),
                                              self.tr("更改数"), self.tr("证据文件"), self.tr("大小")], self)
        self.history_view = self._table("history", self.history_model, stretch=2)
        self.tabs.addTab(self.history_view, self.tr("同步包记录"))
        layout.addWidget(self.tabs, 1)
        self.refresh()

    def _table(self, name: str, model: PlainTableModel, stretch: int) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(24)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return view

    def _conflict_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 4, 0, 0)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.conflict_model = PlainTableModel([self.tr("记录类型"), self.tr("记录"), self.tr("字段"),
                                               self.tr("本机版本"), self.tr("导入版本")], self)
        self.conflict_view = self._table("conflicts", self.conflict_model, stretch=3)
        self.conflict_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.conflict_view.horizontalHeader().setStretchLastSection(True)
        for column, width in enumerate((90, 180, 110, 260)):
            self.conflict_view.setColumnWidth(column, width)
        self.conflict_view.selectionModel().selectionChanged.connect(lambda *_: self._show_conflict())
        splitter.addWidget(self.conflict_view)

        sides = QWidget()
        grid = QGridLayout(sides)
        grid.setContentsMargins(0, 0, 0, 0)
        self.here_label = QLabel(self.tr("本机版本"))
        self.incoming_label = QLabel(self.tr("导入版本"))
        for label in (self.here_label, self.incoming_label):
            label.setWordWrap(True)
        self.here_text = QTextEdit()
        self.here_text.setObjectName("here_text")
        self.incoming_text = QTextEdit()
        self.incoming_text.setObjectName("incoming_text")
        for edit in (self.here_text, self.incoming_text):
            edit.setReadOnly(True)
            edit.setAcceptRichText(False)
            edit.setPlaceholderText(self.tr("（空）"))
        grid.addWidget(self.here_label, 0, 0)
        grid.addWidget(self.incoming_label, 0, 1)
        grid.addWidget(self.here_text, 1, 0)
        grid.addWidget(self.incoming_text, 1, 1)
        buttons = QHBoxLayout()
        self.legend = QLabel(self.tr("不同之处：本机版本标红，导入版本标绿"))
        self.legend.setStyleSheet("color: #5f6368;")
        self.legend.setWordWrap(True)
        buttons.addWidget(self.legend, 1)
        self.keep_here_button = QPushButton(self.tr("保留本机"))
        self.keep_here_button.setObjectName("keep_here")
        self.keep_here_button.clicked.connect(lambda: self.settle("here"))
        self.keep_incoming_button = QPushButton(self.tr("采用导入"))
        self.keep_incoming_button.setObjectName("keep_incoming")
        self.keep_incoming_button.clicked.connect(lambda: self.settle("incoming"))
        self.edit_button = QPushButton(self.tr("编辑后保存…"))
        self.edit_button.setObjectName("edit_value")
        self.edit_button.clicked.connect(self.edit_and_settle)
        for button in (self.keep_here_button, self.keep_incoming_button, self.edit_button):
            buttons.addWidget(button)
        grid.addLayout(buttons, 2, 0, 1, 2)
        splitter.addWidget(sides)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter)
        return panel

    # ---- refreshing -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.trusted_model.set_rows([([d.name, d.fingerprint, d.trusted_at, d.trusted_by], d.id)
                                     for d in self.data.trusted()])
        received, sent = self.tr("收到"), self.tr("发出")
        self.history_model.set_rows([([received if p.direction == "received" else sent,
                                       self.tr("（口令加密）") if p.peer == "passphrase" else p.peer,
                                       p.file_name, p.at, str(p.changes), str(p.evidence_files),
                                       self._size(p.bytes)], None) for p in self.data.history()])
        self.refresh_conflicts()

    def refresh_conflicts(self) -> None:
        chosen = self.current_conflict()
        self.conflict_rows = self.data.conflicts()
        self.conflict_model.set_rows([([self._kind(r), r.title, self._field_label(r), flat(r.here_text),
                                        flat(r.incoming_text)], r.id) for r in self.conflict_rows])
        self.tabs.setTabText(0, self.tr("待处理的冲突（%n）", "", len(self.conflict_rows)))
        ids = [r.id for r in self.conflict_rows]
        if chosen is not None and chosen.id in ids:
            self.conflict_view.selectRow(ids.index(chosen.id))
        elif ids:
            self.conflict_view.selectRow(0)
        self._show_conflict()

    def _size(self, size: int) -> str:
        return QLocale().formattedDataSize(size)

    def _kind(self, row: ConflictRow) -> str:
        if row.kind is not None:
            return row.kind_label
        labels = {"links": self.tr("关联"), "vocabulary_terms": self.tr("词表条目"),
                  "rectification_updates": self.tr("整改进展"), "custody_events": self.tr("保管记录"),
                  "group_members": self.tr("巡察组成员")}
        return labels.get(row.table, row.table)

    def _field_label(self, row: ConflictRow) -> str:
        if row.field == "deleted":
            return self.tr("删除与修改同时发生")
        return row.field_label or row.field

    def _side_text(self, row: ConflictRow, here: bool) -> str:
        value = row.here_value if here else row.incoming_value
        if row.field == "deleted" and isinstance(value, bool):
            return self.tr("（删除此记录）") if value else self.tr("（保留此记录）")
        return normalise(row.here_text if here else row.incoming_text)

    # ---- conflicts ------------------------------------------------------------------------------------
    def current_conflict(self) -> ConflictRow | None:
        if not hasattr(self, "conflict_view"):
            return None
        rows = self.conflict_view.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < len(self.conflict_rows):
            return None
        return self.conflict_rows[rows[0].row()]

    def _show_conflict(self) -> None:
        row = self.current_conflict()
        for button in (self.keep_here_button, self.keep_incoming_button):
            button.setEnabled(row is not None)
        self.edit_button.setEnabled(row is not None and row.editable)
        self.edit_button.setToolTip("" if row is None or row.editable else self.tr("此类字段请选择其中一个版本"))
        if row is None:
            self.here_label.setText(self.tr("本机版本"))
            self.incoming_label.setText(self.tr("导入版本"))
            self.here_text.clear()
            self.incoming_text.clear()
            self.diff = ([], [])
            return
        self.here_label.setText(self.tr("本机版本（%1）").replace("%1", row.here_device or "—"))
        self.incoming_label.setText(self.tr("导入版本（%1）").replace("%1", row.incoming_device or "—"))
        here, incoming = self._side_text(row, True), self._side_text(row, False)
        spans_here, spans_incoming = diff_spans(here, incoming)
        show_marked(self.here_text, here, spans_here, _HERE_COLOUR)
        show_marked(self.incoming_text, incoming, spans_incoming, _INCOMING_COLOUR)
        self.diff = (spans_here, spans_incoming)

    def settle(self, side: str) -> None:
        """保留本机 (``here``) or 采用导入 (``incoming``) for the selected conflict."""
        row = self.current_conflict()
        if row is None:
            return
        try:
            self.data.settle(row, side)
        except XunchaError as exc:
            QMessageBox.warning(self, self.tr("未能处理冲突"), exc.text(self.data.lang))
        else:
            self.status.setText(self.tr("已处理冲突：%1 的“%2”").replace("%1", row.title)
                                .replace("%2", self._field_label(row)))
            self.data_changed.emit()
        self.refresh_conflicts()

    def edit_and_settle(self) -> None:
        row = self.current_conflict()
        if row is None or not row.editable:
            return
        dialog = EditValueDialog(self._field_label(row), normalise(row.here_text), self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                self.data.settle_with(row, dialog.text())
            except XunchaError as exc:
                QMessageBox.warning(self, self.tr("未能处理冲突"), exc.text(self.data.lang))
                if exc.key in ("conflict_not_found", "conflict_record_missing"):
                    break
                continue
            self.status.setText(self.tr("已处理冲突：%1 的“%2”").replace("%1", row.title)
                                .replace("%2", self._field_label(row)))
            self.data_changed.emit()
            break
        self.refresh_conflicts()

    # ---- keys -----------------------------------------------------------------------------------------
    def export_public_key(self) -> Path | None:
        own = self.data.own_device()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("导出本机公钥"),
                                              str(settings.SYNC_FOLDER.get() / f"{own.name}.json"),
                                              self.tr("公钥文件 (*.json)"))
        if not path:
            return None
        out = Path(path)
        try:
            self.data.export_public(out)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("未能导出公钥"), exc.strerror or str(exc))
            return None
        remember_folder(out)
        self.status.setText(self.tr("本机公钥已保存：%1").replace("%1", str(out)))
        return out

    def trust_device(self) -> TrustedDevice | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择其他设备的公钥文件"), str(settings.SYNC_FOLDER.get()),
                                              self.tr("公钥文件 (*.json);;所有文件 (*)"))
        if not path:
            return None
        try:
            key_file = self.data.key_file(Path(path))
        except XunchaError as exc:
            QMessageBox.warning(self, self.tr("未能信任该设备"), exc.text(self.data.lang))
            return None
        if not self.confirm_fingerprint(key_file):
            self.status.setText(self.tr("安全码未确认，没有信任设备“%1”。").replace("%1", key_file.name))
            return None
        marked, at_office = self.identity_marked, self.data.at_the_office
        try:
            device, new = self.data.trust(Path(path), office=marked and not at_office,
                                          reads_identities=marked and at_office)
        except XunchaError as exc:
            QMessageBox.warning(self, self.tr("未能信任该设备"), exc.text(self.data.lang))
            return None
        text = self.tr("已信任设备“%1”（%2）。") if new else self.tr("设备“%1”（%2）早已受信任，公钥相同。")
        text = text.replace("%1", device.name).replace("%2", device.id)
        QMessageBox.information(self, self.tr("信任其他设备"), text)
        self.status.setText(text)
        self.refresh()
        return device

    def confirm_fingerprint(self, key_file: KeyFile) -> bool:
        """Asks whether the other device shows the same safety number; a key file swapped on the way (a USB
        drive, a chat) shows other digits. 不一致 is the default, so Enter never trusts by accident."""
        owner = self.tr("（使用人：%1）").replace("%1", key_file.owner) if key_file.owner else ""
        question = self.tr("设备“%1”%2的安全码：").replace("%1", key_file.name).replace("%2", owner)
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("核对安全码"), question, parent=self)
        box.setObjectName("confirm_fingerprint")
        box.setInformativeText(f"<p style='font-size:16pt; font-family:monospace'><b>{key_file.fingerprint}</b></p>"
                               + self.tr("请对方打开其“同步”页，逐组核对“本机设备”中的安全码（当面、电话或纸面均可）。"
                                         "完全一致才信任；不一致说明公钥文件可能在传递中被调换。"))
        mark: QCheckBox | None = None
        if key_file.identity_key:
            # where identities go (docs/sync.md, "Identities"): a laptop seals them to the office too; the
            # office names the devices whose allowed users may read them
            mark = QCheckBox(self.tr("允许该设备读取信访人身份（由本机加密给它）") if self.data.at_the_office
                             else self.tr("这是巡察办的设备：登记的信访人身份也加密给它"))
            mark.setObjectName("identity_mark")
            box.setCheckBox(mark)
        same = box.addButton(self.tr("一致，信任"), QMessageBox.ButtonRole.AcceptRole)
        different = box.addButton(self.tr("不一致"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(different)
        box.setEscapeButton(different)
        box.exec()
        self.identity_marked = mark is not None and mark.isChecked()
        return box.clickedButton() is same

    # ---- packages -------------------------------------------------------------------------------------
    def export_package(self) -> dict[str, Any] | None:
        dialog = ExportDialog(self.data.trusted(), self.data.own_device().name, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        choice = dialog.choice()
        dialog.deleteLater()

        job = run_job(self, self.tr("正在导出同步包 %1 …").replace("%1", choice.out.name),
                      ExportJob(self.data, choice))
        if not job.ok:
            value = job.error
            if job.was_cancelled:
                self.status.setText(self.tr("已取消导出，未生成文件。"))
            else:
                QMessageBox.warning(self, self.tr("未能导出同步包"), self._error_text(value))
            return None
        remember_folder(choice.out)
        summary = job.result
        text = (self.tr("同步包已保存：%1").replace("%1", str(choice.out)) + "\n"
                + self.tr("更改：%1 条，审计记录：%2 条").replace("%1", str(summary.get("changes", 0)))
                .replace("%2", str(summary.get("audit_entries", 0))) + "\n"
                + self.tr("证据文件：%1 个，大小：%2").replace("%1", str(summary.get("evidence_files", 0)))
                .replace("%2", self._size(int(summary.get("bytes", 0)))))
        QMessageBox.information(self, self.tr("导出同步包"), text)
        self.status.setText(self.tr("同步包已保存：%1").replace("%1", choice.out.name))
        self.refresh()
        return summary

    def import_package(self) -> dict[str, Any] | None:
        dialog = ImportDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        choice = dialog.choice()
        dialog.deleteLater()

        label = self.tr("正在检查同步包 %1 …") if choice.dry_run else self.tr("正在导入同步包 %1 …")
        job = run_job(self, label.replace("%1", choice.path.name), ImportJob(self.data, choice))
        if not job.ok:
            value = job.error
            if job.was_cancelled:
                self.status.setText(self.tr("已取消导入，数据未改动。"))
            else:
                self.status.setText(self.tr("同步包未导入。"))
                QMessageBox.warning(self, self.tr("同步包未导入"), self._error_text(value))
            return None
        remember_folder(choice.path)
        summary = job.result
        self.last_summary = summary
        text = self.summary_text(summary)
        QMessageBox.information(self, self.tr("检查结果") if choice.dry_run else self.tr("导入结果"), text)
        self.status.setText(text.splitlines()[0])
        self.refresh()
        if not choice.dry_run:
            self.data_changed.emit()
        return summary

    def summary_text(self, s: dict[str, Any]) -> str:
        head = (self.tr("已检查来自“%1”的同步包（仅检查，数据未改动）。") if s.get("dry_run")
                else self.tr("已导入来自“%1”的同步包。"))
        lines = [
            head.replace("%1", str(s.get("device_name", ""))),
            self.tr("新增记录：%1").replace("%1", str(s.get("records_added", 0))),
            self.tr("更新记录：%1").replace("%1", str(s.get("records_updated", 0))),
            self.tr("未变记录：%1").replace("%1", str(s.get("records_unchanged", 0))),
            self.tr("应用更改：%1 条（已有 %2 条）").replace("%1", str(s.get("changes_applied", 0)))
            .replace("%2", str(s.get("changes_already_present", 0))),
            self.tr("冲突：%1 处").replace("%1", str(s.get("conflicts", 0))),
            self.tr("审计记录：新增 %1 条").replace("%1", str(s.get("audit_entries_added", 0))),
            self.tr("证据文件：新增 %1 个（已有 %2 个）").replace("%1", str(s.get("evidence_files_added", 0)))
            .replace("%2", str(s.get("evidence_files_present", 0))),
            self.tr("数据量：%1").replace("%1", self._size(int(s.get("bytes", 0)))),
        ]
        if s.get("conflicts") and not s.get("dry_run"):
            lines.append(self.tr("请在“待处理的冲突”中逐一处理。"))
        return "\n".join(lines)

    def _error_text(self, error: Any) -> str:
        if isinstance(error, XunchaError):
            if error.key == "package_passphrase_needed":
                return self.tr("该同步包用口令加密，请在“同步包口令”中输入口令后再导入。未作任何改动。")
            if error.key == "package_unknown_device":
                text = self.tr("同步包来自未受信任的设备“%1”（%2）；请先用“信任其他设备…”导入其公钥。未作任何改动。")
                return text.replace("%1", str(error.values.get("name", ""))) \
                    .replace("%2", str(error.values.get("device", "")))
            return error.text(self.data.lang)
        if isinstance(error, OSError):
            return error.strerror or str(error)
        return str(error)
