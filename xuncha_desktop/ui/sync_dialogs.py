"""The sync page's dialogs: 导出同步包 (receiver, everything or not, file), 导入同步包 (file, passphrase, check
only) and 编辑后保存 (a conflict settled with a value written by hand). They return the person's choice as
plain values (``ExportChoice``, ``ImportChoice``, text); the page runs the work."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from xuncha_desktop import local_time
from xuncha_desktop.ui import settings
from xuncha_desktop.ui.controllers.sync import ExportChoice, ImportChoice, TrustedDevice


def remember_folder(path: Path) -> None:
    """The file dialogs start next time where this file was."""
    settings.SYNC_FOLDER.set(path.parent)


class ExportDialog(QDialog):
    """导出同步包: the receiver (a trusted device or a passphrase typed twice), everything or not, the file."""

    def __init__(self, devices: list[TrustedDevice], own_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_dialog")
        self.setWindowTitle(self.tr("导出同步包"))
        self.own_name = own_name
        layout = QVBoxLayout(self)
        receiver = QGroupBox(self.tr("接收方"))
        grid = QGridLayout(receiver)
        self.to_device = QRadioButton(self.tr("发给受信任的设备（只有它能打开）"))
        self.to_device.setObjectName("to_device")
        self.device_box = QComboBox()
        self.device_box.setObjectName("device_box")
        for device in devices:
            self.device_box.addItem(f"{device.name}（{device.id[:8]}）", device.id)
        self.with_passphrase = QRadioButton(self.tr("用同步包口令加密（知道口令的设备都能打开）"))
        self.with_passphrase.setObjectName("with_passphrase")
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("同步包口令"))
        self.again = QLineEdit()
        self.again.setObjectName("passphrase_again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setPlaceholderText(self.tr("再次输入同步包口令"))
        group = QButtonGroup(self)
        group.addButton(self.to_device)
        group.addButton(self.with_passphrase)
        grid.addWidget(self.to_device, 0, 0, 1, 2)
        grid.addWidget(self.device_box, 1, 1)
        grid.addWidget(self.with_passphrase, 2, 0, 1, 2)
        grid.addWidget(self.passphrase, 3, 1)
        grid.addWidget(self.again, 4, 1)
        grid.setColumnMinimumWidth(0, 20)
        grid.setColumnStretch(1, 1)
        layout.addWidget(receiver)
        if devices:
            self.to_device.setChecked(True)
        else:
            self.to_device.setEnabled(False)
            self.device_box.addItem(self.tr("（尚未信任任何设备）"), None)
            self.with_passphrase.setChecked(True)
        self.to_device.toggled.connect(self._enable)
        self._enable()

        self.everything = QCheckBox(self.tr("全部数据（不只是对方还没有的更改）"))
        self.everything.setObjectName("everything")
        layout.addWidget(self.everything)

        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("保存到")))
        self.out = QLineEdit()
        self.out.setObjectName("out")
        self.out.setMinimumWidth(360)
        self.out.setText(str(self.default_path()))  # the last folder, the device and the date: Enter exports
        row.addWidget(self.out, 1)
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        row.addWidget(browse)
        layout.addLayout(row)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("导出"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _enable(self) -> None:
        device = self.to_device.isChecked()
        self.device_box.setEnabled(device)
        self.passphrase.setEnabled(not device)
        self.again.setEnabled(not device)

    def default_path(self) -> Path:
        """<the last folder>/<this device>-<month day>.xcpkg, numbered -2, -3 … when that file exists (a package
        never replaces one)."""
        folder, stem = settings.SYNC_FOLDER.get(), f"{self.own_name}-{local_time.today():%m%d}"
        path, number = folder / f"{stem}.xcpkg", 1
        while path.exists():
            number += 1
            path = folder / f"{stem}-{number}.xcpkg"
        return path

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存同步包"), str(self.default_path()),
                                              self.tr("同步包 (*.xcpkg)"),
                                              options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            if not path.endswith(".xcpkg"):
                path += ".xcpkg"
            self.out.setText(path)

    def problem(self) -> str | None:
        """What keeps the choice from being used, or None."""
        if not self.out.text().strip():
            return self.tr("请选择保存同步包的文件。")
        if Path(self.out.text().strip()).exists():
            return self.tr("文件已存在，请另选文件名（同步包不会覆盖已有文件）。")
        if self.to_device.isChecked():
            if self.device_box.currentData() is None:
                return self.tr("请选择接收方设备。")
        else:
            if not self.passphrase.text():
                return self.tr("请输入同步包口令。")
            if self.passphrase.text() != self.again.text():
                return self.tr("两次输入的同步包口令不一致。")
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem is not None:
            self.error.setText(problem)
            self.error.show()
            return
        super().accept()

    def choice(self) -> ExportChoice:
        device = self.to_device.isChecked()
        return ExportChoice(Path(self.out.text().strip()), self.device_box.currentData() if device else None,
                            None if device else self.passphrase.text(), self.everything.isChecked())


class ImportDialog(QDialog):
    """导入同步包: the file, its passphrase if it has one, check only or import."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_dialog")
        self.setWindowTitle(self.tr("导入同步包"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.path = QLineEdit()
        self.path.setObjectName("path")
        self.path.setMinimumWidth(360)
        row.addWidget(self.path, 1)
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        row.addWidget(browse)
        form.addRow(self.tr("同步包文件"), row)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText(self.tr("仅用口令加密的同步包需要"))
        form.addRow(self.tr("同步包口令"), self.passphrase)
        layout.addLayout(form)
        self.dry_run = QCheckBox(self.tr("仅检查（核对并统计，不导入、不改动数据）"))
        self.dry_run.setObjectName("dry_run")
        layout.addWidget(self.dry_run)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("导入"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择同步包"), str(settings.SYNC_FOLDER.get()),
                                              self.tr("同步包 (*.xcpkg);;所有文件 (*)"))
        if path:
            self.path.setText(path)

    def accept(self) -> None:
        if not Path(self.path.text().strip()).is_file():
            self.error.setText(self.tr("请选择要导入的同步包文件。"))
            self.error.show()
            return
        super().accept()

    def choice(self) -> ImportChoice:
        return ImportChoice(Path(self.path.text().strip()), self.passphrase.text() or None, self.dry_run.isChecked())


class EditValueDialog(QDialog):
    """编辑后保存: a merged text written by hand, starting from this device's version."""

    def __init__(self, label: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("edit_value_dialog")
        self.setWindowTitle(self.tr("编辑后保存：%1").replace("%1", label))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("在本机版本的基础上修改，保存后以此为准（会同步到其他设备）。")))
        self.edit = QPlainTextEdit(text)
        self.edit.setObjectName("value")
        layout.addWidget(self.edit, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("保存"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("取消"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def text(self) -> str:
        return self.edit.toPlainText()
