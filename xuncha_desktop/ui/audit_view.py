"""帮助 → 审计日志: the audit log, newest first, filtered by person and action, with the check that no device's
log was altered or cut short. The data comes from ``controllers.audit`` (Qt-free); only roles that may read
the log are offered this view (the service refuses everyone else anyway)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from xuncha_desktop.errors import XunchaError
from xuncha_desktop.ui.controllers.audit import AuditController
from xuncha_desktop.ui.models import PlainTableModel


class AuditDialog(QDialog):
    def __init__(self, controller: AuditController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("audit_view")
        self.setWindowTitle(self.tr("审计日志"))
        layout = QVBoxLayout(self)

        self.check_label = QLabel()
        self.check_label.setObjectName("audit_check")
        self.check_label.setWordWrap(True)
        layout.addWidget(self.check_label)

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("使用人")))
        self.actor_box = QComboBox()
        self.actor_box.setObjectName("audit_actor")
        bar.addWidget(self.actor_box, 1)
        bar.addWidget(QLabel(self.tr("操作")))
        self.action_box = QComboBox()
        self.action_box.setObjectName("audit_action")
        bar.addWidget(self.action_box, 1)
        self.check_button = QPushButton(self.tr("重新核验"))
        self.check_button.setObjectName("audit_verify")
        self.check_button.setToolTip(self.tr("核验每台设备的审计日志完整、未被篡改或截短"))
        self.check_button.clicked.connect(self.run_check)
        bar.addWidget(self.check_button)
        layout.addLayout(bar)

        self.model = PlainTableModel([self.tr("时间"), self.tr("使用人"), self.tr("操作"), self.tr("记录"),
                                      self.tr("说明"), self.tr("设备")], self)
        self.view = QTableView()
        self.view.setObjectName("audit_entries")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.view, 1)
        self.count_label = QLabel()
        self.count_label.setObjectName("audit_count")
        layout.addWidget(self.count_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("关闭"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self._fill_filters()
        self.actor_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.action_box.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()
        self.run_check()

    def _fill_filters(self) -> None:
        actors, actions = self.controller.choices()
        self.actor_box.addItem(self.tr("全部使用人"), None)
        for name in actors:
            self.actor_box.addItem(name, name)
        self.action_box.addItem(self.tr("全部操作"), None)
        for code, label in actions:
            self.action_box.addItem(label, code)

    def refresh(self) -> None:
        try:
            rows = self.controller.entries(self.actor_box.currentData(), self.action_box.currentData())
        except XunchaError as exc:
            self.model.set_rows([])
            self.count_label.setText(exc.text(self.controller.lang))
            return
        self.model.set_rows([([r.at, r.actor, r.action_label, r.record, r.detail, r.device], r) for r in rows])
        self.count_label.setText(self.tr("显示最近 %n 条", "", len(rows)))

    def run_check(self) -> None:
        try:
            result = self.controller.check()
        except XunchaError as exc:
            self.check_label.setText(exc.text(self.controller.lang))
            return
        devices = "；".join(
            self.tr("%1：%2 条").replace("%1", d.name or d.id[:8]).replace("%2", str(d.entries))
            + (self.tr("（已签名至第 %1 条）").replace("%1", str(d.signed_up_to)) if d.signed_up_to else "")
            for d in result.devices)
        if result.ok:
            self.check_label.setStyleSheet("color: #2e7d32;")
            self.check_label.setText(self.tr("核验通过：各设备的审计日志完整，未被篡改或截短。") + "\n" + devices)
        else:
            self.check_label.setStyleSheet("color: #b3261e;")
            self.check_label.setText(self.tr("核验发现问题：") + "\n" + "\n".join(result.problems) + "\n" + devices)
