"""The first dialog: which workspace, who opens it (when it has several users), the passphrase, or a new
workspace."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from xuncha_desktop import messages
from xuncha_desktop.errors import XunchaError
from xuncha_desktop.ui.controllers.login import JoinHub, NewWorkspace, UnlockJob, users_at, wait_after_failure
from xuncha_desktop.ui.jobs import run_job
from xuncha_desktop.workspace import CLEARED_MARKER, is_workspace


class LoginDialog(QDialog):
    """Opens (or creates) a workspace; on success ``workspace`` holds it. Wrong passphrases may be retried."""

    def __init__(self, path: Path, lang: str = "zh", kdf: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)

        self.lang = lang
        self.kdf = kdf
        self.workspace: Any = None
        self.setObjectName("login")
        self.setWindowTitle(self.tr("巡察外业桌面端 — 打开工作区"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("巡察外业桌面端"))
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        layout.addWidget(title)
        form = QFormLayout()
        row = QHBoxLayout()
        self.path_edit = QLineEdit(str(path))
        self.path_edit.setObjectName("workspace_path")
        browse = QPushButton(self.tr("浏览…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("工作区文件夹"), row)
        # Who opens it: shown when the workspace has several users (their names from its key slots).
        self.user_choice = QComboBox()
        self.user_choice.setObjectName("user_choice")
        form.addRow(self.tr("使用人"), self.user_choice)
        self.path_edit.editingFinished.connect(self._load_users)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("口令"), self.passphrase)
        self.create_box = QCheckBox(self.tr("新建工作区"))
        self.create_box.setObjectName("create_new")
        self.create_box.setChecked(not is_workspace(path))
        form.addRow("", self.create_box)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.device = QLineEdit()
        self.device.setObjectName("device_name")
        self.device.setPlaceholderText(self.tr("如：第六巡察组-笔记本1"))
        self.user = QLineEdit()
        self.user.setObjectName("user_name")
        self.new_rows = [(self.tr("再次输入口令"), self.confirm), (self.tr("设备名称"), self.device),
                         (self.tr("使用人"), self.user)]
        for label, widget in self.new_rows:
            form.addRow(label, widget)
        # Enrolling this desk in the office hub (docs/hub.md): the folder becomes the station's.
        self.join_box = QCheckBox(self.tr("加入办公室汇总库（本机作为工作站）"))
        self.join_box.setObjectName("join_hub")
        form.addRow("", self.join_box)
        self.hub_fields: dict[str, QLineEdit] = {}
        self.hub_rows: list[QLineEdit] = []
        for name, label, hint in (("server", self.tr("服务器"), self.tr("如：hub-server 或 10.1.2.3:5432")),
                                  ("database", self.tr("数据库"), "xuncha_hub"),
                                  ("database_user", self.tr("数据库用户"), "xuncha"),
                                  ("station", self.tr("工作站名称"), self.tr("如：二号工作站")),
                                  ("hub_user", self.tr("使用人"), self.tr("汇总库中的使用人姓名"))):
            edit = QLineEdit()
            edit.setObjectName(f"hub_{name}" if name != "hub_user" else name)
            edit.setPlaceholderText(hint)
            self.hub_fields[name] = edit
            self.hub_rows.append(edit)
            form.addRow(label, edit)
        self.form = form
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.open_button = buttons.addButton(self.tr("打开"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button.setObjectName("open")
        self.open_button.clicked.connect(self.try_open)
        buttons.rejected.connect(self.reject)
        # Enter opens the workspace, Esc cancels. Qt makes the first auto-default button the dialog's
        # default when it is shown (it was 取消: Enter quit the program), so only 打开 may be one.
        for button in self.findChildren(QPushButton) + buttons.buttons():
            if isinstance(button, QPushButton):
                button.setAutoDefault(button is self.open_button)
        self.open_button.setDefault(True)
        layout.addWidget(buttons)
        self.create_box.toggled.connect(self._show_new_rows)
        self.join_box.toggled.connect(self._show_join_rows)
        self._load_users()
        self._show_new_rows(self.create_box.isChecked())
        self._show_join_rows(False)
        self.path_edit.editingFinished.connect(self._say_if_cleared)
        self._say_if_cleared()
        self.passphrase.setFocus()
        self.setMinimumWidth(560)

    def _say_if_cleared(self) -> None:
        """A folder cleared after the round (巡后清退) opens no more and takes no new workspace: say so first,
        instead of offering to create one there."""
        folder = Path(self.path_edit.text().strip())
        cleared = (folder / CLEARED_MARKER).exists()
        if cleared:
            self.create_box.setChecked(False)
            self.error.setText(XunchaError("workspace_cleared", path=str(folder)).text(self.lang))
        self.create_box.setEnabled(not cleared)
        self.passphrase.setEnabled(not cleared)
        self.open_button.setEnabled(not cleared)

    def _show_join_rows(self, on: bool) -> None:
        if on:
            self.create_box.setChecked(False)
        for widget in self.hub_rows:
            self.form.setRowVisible(widget, on)
        self.form.setRowVisible(self.create_box, not on)
        self.open_button.setText(self.tr("加入并打开") if on else
                                 self.tr("新建并打开") if self.create_box.isChecked() else self.tr("打开"))

    def _show_new_rows(self, on: bool) -> None:
        for _label, widget in self.new_rows:
            self.form.setRowVisible(widget, on)
        self.form.setRowVisible(self.user_choice, not on and self.user_choice.count() > 1)
        self.open_button.setText(self.tr("新建并打开") if on else self.tr("打开"))

    def _load_users(self) -> None:
        """Fills the user choice from the folder's key slots, the last user chosen."""
        found = users_at(Path(self.path_edit.text().strip()).expanduser())
        self.user_choice.clear()
        for user in found.users:
            role = messages.render(user.role.message_key, self.lang)
            self.user_choice.addItem(f"{user.name}（{role}）", user.name)
        names = [u.name for u in found.users]
        if found.last in names:
            self.user_choice.setCurrentIndex(names.index(found.last))
        self._show_new_rows(self.create_box.isChecked())

    def chosen_user(self) -> str | None:
        """The name chosen, or None when the workspace has one user (or none yet)."""
        if self.user_choice.count() <= 1:
            return None
        data = self.user_choice.currentData()
        return str(data) if data is not None else None

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("选择工作区文件夹"), self.path_edit.text())
        if chosen:
            self.path_edit.setText(chosen)
            self._load_users()

    def try_open(self) -> bool:
        """Opens or creates the workspace; on failure shows why and keeps the dialog for another try."""
        self.error.clear()
        path = Path(self.path_edit.text().strip()).expanduser()
        secret = self.passphrase.text()
        creating = self.create_box.isChecked() or self.join_box.isChecked()
        if self.join_box.isChecked():
            typed = {name: edit.text().strip() for name, edit in self.hub_fields.items()}
            job = UnlockJob(path, secret, JoinHub(typed["server"], typed["database"], typed["database_user"],
                                                  typed["station"], typed["hub_user"] or None))
        elif creating:
            if secret != self.confirm.text():
                self.error.setText(self.tr("两次输入的口令不一致。"))
                self.passphrase.clear()
                self.confirm.clear()
                self.passphrase.setFocus()
                return False
            device = self.device.text().strip() or self.tr("笔记本")
            user = self.user.text().strip() or None
            job = UnlockJob(path, secret, NewWorkspace(device, user, self.kdf))
        else:
            job = UnlockJob(path, secret, user=self.chosen_user())
        run_job(self, self.tr("正在解锁工作区…"), job)
        if job.ok:
            self.workspace = job.result
            self.accept()
            return True
        value = job.error
        if isinstance(value, XunchaError):
            text = value.text(self.lang)
            wait = wait_after_failure(path) if not creating else 0
            if wait:  # the next try waits, so say so now rather than leave the person wondering
                text += "\n" + messages.render("passphrase_wait", self.lang, seconds=wait)
            self.error.setText(text)
        else:
            self.error.setText(f"{type(value).__name__}: {value}")
        self.passphrase.clear()
        self.confirm.clear()
        self.passphrase.setFocus()
        return False
