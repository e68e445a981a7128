"""同步: this device's keys, trusted devices, export and import of packages, their history, conflicts.

``SyncData`` is the page's door to the data and follows the rules of ``controller.py``: one short session
per call through the workspace, the services of ``services/sync.py`` in, plain values out, no Qt (so it
can run in a worker thread). Export and import run as jobs (``jobs.run_job``) with progress and Cancel;
the services guarantee that a cancelled export leaves no file and a cancelled import changes nothing.

Conflicts: 本机 is the service's ``local`` side (the version made on this device; when neither or both
were, the value in force) and 导入 its ``incoming`` side (``services.sync.Sides``), as in ``xuncha sync
resolve --keep local|incoming``.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QColor, QFontDatabase, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
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
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from xuncha_desktop.errors import XunchaError
from xuncha_desktop.ui.controller import Controller
from xuncha_desktop.ui.jobs import run_job
from xuncha_desktop.ui.models import PlainTableModel

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

# Field types whose value a person can edit as free text when settling a conflict.
EDITABLE_TYPES = ("string", "text", "names")
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;\n])")
_HERE_COLOUR = "#ffd7d5"
_INCOMING_COLOUR = "#c9f0d1"


# ---- plain values ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class OwnDevice:
    name: str
    id: str
    ed25519_public: str
    age_recipient: str


@dataclass(frozen=True)
class TrustedDevice:
    id: str
    name: str
    trusted_at: str
    trusted_by: str


@dataclass(frozen=True)
class PackageRow:
    direction: str  # sent | received
    peer: str
    file_name: str
    at: str
    changes: int
    evidence_files: int
    bytes: int


@dataclass(frozen=True)
class ConflictRow:
    """One open conflict as the page shows it: 本机 (here) and 导入 (incoming) sides, both as text."""

    id: str
    table: str
    kind: str | None  # the record kind (a service), None for tables without one (links, vocabulary…)
    kind_label: str
    title: str
    field: str
    field_label: str
    field_type: str | None
    here_value: Any
    incoming_value: Any
    here_text: str
    incoming_text: str
    here_device: str
    incoming_device: str
    here_is_kept: bool  # whether 本机 is the value in force

    @property
    def editable(self) -> bool:
        return self.kind is not None and self.field_type in EDITABLE_TYPES


class SyncData:
    """The sync page's access to the data: one session per call, plain values out (no Qt)."""

    def __init__(self, controller: Controller) -> None:
        self.controller = controller
        self.workspace = controller.workspace

    # ---- keys ------------------------------------------------------------------------------------------
    def own_device(self) -> OwnDevice:
        public = self.workspace.public_keys
        info = self.workspace.info
        return OwnDevice(info.device_name, str(info.device_id), str(public["ed25519_public"]),
                         str(public["age_recipient"]))

    def export_public(self, out: Path) -> None:
        out.write_text(json.dumps(self.workspace.public_keys, ensure_ascii=False, indent=2), encoding="utf-8")

    def trust(self, keyfile: Path) -> tuple[TrustedDevice, bool]:
        """Trusts the device of ``keyfile``; returns it and whether it was new."""
        from xuncha_desktop.services import sync

        with self.workspace.transaction() as session:
            before = {str(d.device_id) for d in sync.trusted(session)}
            device = _trusted(sync.trust(session, self.workspace, keyfile))
        return device, device.id not in before

    def trusted(self) -> list[TrustedDevice]:
        from xuncha_desktop.services import sync

        with self.workspace.session() as session:
            return [_trusted(d) for d in sync.trusted(session)]

    # ---- packages --------------------------------------------------------------------------------------
    def history(self) -> list[PackageRow]:
        from xuncha_desktop.services import sync

        with self.workspace.session() as session:
            return [PackageRow(p.direction, p.peer or "", p.file_name or "", _local_time(p.at), p.changes,
                               p.evidence_files, p.bytes) for p in sync.history(session)]

    def export(self, out: Path, to_device: str | None, passphrase: str | None, everything: bool,
               progress: Progress | None = None, cancelled: Cancelled | None = None) -> dict[str, Any]:
        """Writes a package for a trusted device (its key as on file here) or under a passphrase."""
        from xuncha_desktop.services import sync

        if to_device is None:
            return sync.export(self.workspace, out, None, passphrase, everything, progress, cancelled)
        with self.workspace.session() as session:
            found = [d for d in sync.trusted(session) if str(d.device_id) == to_device]
            keys = [{"device_id": str(d.device_id), "device_name": d.device_name,
                     "ed25519_public": d.ed25519_public, "age_recipient": d.age_recipient} for d in found]
        if not keys:
            from xuncha_desktop.errors import NotFound

            raise NotFound("not_found", kind="device", kind_zh="受信任设备", id=to_device)
        with tempfile.TemporaryDirectory(prefix="xuncha-key-") as folder:
            keyfile = Path(folder) / "receiver.json"
            keyfile.write_text(json.dumps(keys[0], ensure_ascii=False), encoding="utf-8")
            return sync.export(self.workspace, out, keyfile, None, everything, progress, cancelled)

    def import_(self, path: Path, passphrase: str | None, dry_run: bool, progress: Progress | None = None,
                cancelled: Cancelled | None = None) -> dict[str, Any]:
        from xuncha_desktop.services import sync

        return sync.import_(self.workspace, path, passphrase, dry_run, progress, cancelled).to_json()

    # ---- conflicts -------------------------------------------------------------------------------------
    def conflicts(self) -> list[ConflictRow]:
        from xuncha_desktop.services import sync
        from xuncha_desktop.services.kinds import KINDS
        from xuncha_desktop.sync.merge import models_by_table

        names = {self.workspace.info.device_id: self.workspace.info.device_name}
        kinds = {service.model.__tablename__: kind for kind, service in KINDS.items()}
        raw: list[tuple[Any, ...]] = []
        with self.workspace.transaction() as session:  # listing re-decides the open conflicts
            names.update({d.device_id: d.device_name for d in sync.trusted(session)})
            for c in sync.conflicts(session):
                kind = kinds.get(c.table_name)
                title = str(c.record_id)[:8]
                model = models_by_table().get(c.table_name)
                record = session.get(model, c.record_id) if model is not None else None
                if record is not None and kind is not None:
                    title = KINDS[kind].title(record)
                raw.append((c, kind, title, sync.sides(session, c)))
        rows = []
        for c, kind, title, both in raw:
            spec = self._field(kind, c.field)
            rows.append(ConflictRow(
                id=str(c.id), table=c.table_name, kind=kind,
                kind_label=self.controller.kind_label(kind) if kind else "", title=title, field=c.field,
                field_label=(spec.zh if self.controller.lang == "zh" else spec.en) if spec else "",
                field_type=spec.value_type.value if spec else None, here_value=both.local_value,
                incoming_value=both.incoming_value, here_text=self.show(kind, c.field, both.local_value),
                incoming_text=self.show(kind, c.field, both.incoming_value),
                here_device=self._device_name(names, both.local_device),
                incoming_device=self._device_name(names, both.incoming_device),
                here_is_kept=both.local_in_force))
        return rows

    @staticmethod
    def _device_name(names: dict[Any, str], device: Any) -> str:
        return names.get(device, str(device)[:8]) if device else ""

    def _field(self, kind: str | None, name: str) -> Any:
        if kind is None:
            return None
        try:
            return self.controller.service(kind).field(name)
        except (KeyError, XunchaError):
            return None

    def show(self, kind: str | None, name: str, value: Any) -> str:
        """The whole text of one side of a conflict (not shortened, unlike a list's cell)."""
        if value is None:
            return ""
        if isinstance(value, dict):  # an edit concurrent with a deletion: the edited fields
            return "\n".join(f"{self._label(kind, k)}：{self.show(kind, k, v)}" for k, v in sorted(value.items()))
        if isinstance(value, str) and (spec := self._field(kind, name)) is not None \
                and spec.value_type.value in ("string", "text"):
            return value
        if isinstance(value, list):
            return "、".join(str(v) for v in value)
        if kind is not None and self._field(kind, name) is not None:
            try:
                return self.controller.display(kind, name, value)
            except (XunchaError, ValueError, TypeError):
                pass
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)

    def _label(self, kind: str | None, name: str) -> str:
        spec = self._field(kind, name)
        if spec is None:
            return name
        return str(spec.zh if self.controller.lang == "zh" else spec.en)

    def settle(self, row: ConflictRow, side: str) -> None:
        """Keeps the ``here`` or the ``incoming`` side of the conflict (a change that travels)."""
        from xuncha_desktop.services import sync

        with self.workspace.transaction() as session:
            sync.resolve(session, row.id, keep="local" if side == "here" else "incoming")

    def settle_with(self, row: ConflictRow, text: str) -> None:
        """Settles with an edited value, read and checked as the field's services read input."""
        from xuncha_desktop.errors import ValidationError
        from xuncha_desktop.services import sync
        from xuncha_desktop.services.fields import coerce

        assert row.kind is not None
        spec = self.controller.service(row.kind).field(row.field)
        value = coerce(spec, text)
        if value is None and spec.required:
            raise ValidationError("field_required", spec.name, field_zh=spec.zh)
        with self.workspace.transaction() as session:
            sync.resolve(session, row.id, value=value, use_value=True)


def _trusted(device: Any) -> TrustedDevice:
    return TrustedDevice(str(device.device_id), device.device_name, _local_time(device.trusted_at),
                         device.trusted_by)


def _local_time(value: dt.datetime) -> str:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


# ---- differences ----------------------------------------------------------------------------------------
def _pieces(text: str) -> list[str]:
    """Sentences (Chinese and Western ends, line ends), so long one-paragraph records diff finely."""
    return [p for p in _SENTENCE_END.split(text) if p]


def diff_spans(a: str, b: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The (start, end) spans of ``a`` and of ``b`` that differ: sentences first, then characters."""
    pa, pb = _pieces(a), _pieces(b)
    oa, ob = [0], [0]
    for piece in pa:
        oa.append(oa[-1] + len(piece))
    for piece in pb:
        ob.append(ob[-1] + len(piece))
    spans_a: list[tuple[int, int]] = []
    spans_b: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, pa, pb, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        sa, ea, sb, eb = oa[i1], oa[i2], ob[j1], ob[j2]
        if tag == "replace" and (ea - sa) * (eb - sb) <= 4_000_000:
            chars = difflib.SequenceMatcher(None, a[sa:ea], b[sb:eb], autojunk=False)
            for t, x1, x2, y1, y2 in chars.get_opcodes():
                if t == "equal":
                    continue
                if x2 > x1:
                    spans_a.append((sa + x1, sa + x2))
                if y2 > y1:
                    spans_b.append((sb + y1, sb + y2))
        else:
            if ea > sa:
                spans_a.append((sa, ea))
            if eb > sb:
                spans_b.append((sb, eb))
    return spans_a, spans_b


def _utf16_positions(text: str) -> Callable[[int], int]:
    """Qt's position (UTF-16 units) of the ``index``-th character of ``text``."""
    if all(ord(ch) <= 0xFFFF for ch in text):
        return lambda index: index
    positions = [0]
    for ch in text:
        positions.append(positions[-1] + (2 if ord(ch) > 0xFFFF else 1))
    return lambda index: positions[index]


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---- dialogs --------------------------------------------------------------------------------------------
def _settings_folder() -> str:
    return str(QSettings().value("sync/folder", str(Path.home())))


def _remember_folder(path: Path) -> None:
    QSettings().setValue("sync/folder", str(path.parent))


@dataclass(frozen=True)
class ExportChoice:
    out: Path
    to_device: str | None
    passphrase: str | None
    everything: bool


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

    def _browse(self) -> None:
        name = f"{self.own_name}-{dt.date.today():%m%d}.xcpkg"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("保存同步包"), str(Path(_settings_folder()) / name),
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


@dataclass(frozen=True)
class ImportChoice:
    path: Path
    passphrase: str | None
    dry_run: bool


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
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择同步包"), _settings_folder(),
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


# ---- the page -------------------------------------------------------------------------------------------
class SyncPage(QWidget):
    """同步: keys, export, import, history and conflicts."""

    data_changed = Signal()  # an import or a settled conflict changed records: lists should refresh

    def __init__(self, controller: Controller, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.data = SyncData(controller)
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
        for name, label, value in (("own_name", self.tr("名称"), own.name), ("own_id", self.tr("设备标识"), own.id),
                                   ("own_signing", self.tr("签名公钥"), own.ed25519_public),
                                   ("own_age", self.tr("加密公钥"), own.age_recipient)):
            field = QLineEdit(value)
            field.setObjectName(name)
            field.setReadOnly(True)
            field.setToolTip(value)
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
        self.trusted_model = PlainTableModel([self.tr("设备名称"), self.tr("设备标识"), self.tr("信任时间"),
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
        self.trusted_model.set_rows([([d.name, d.id[:8], d.trusted_at, d.trusted_by], d.id)
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
        self.conflict_model.set_rows([([self._kind(r), r.title, self._field_label(r), _flat(r.here_text),
                                        _flat(r.incoming_text)], r.id) for r in self.conflict_rows])
        self.tabs.setTabText(0, self.tr("待处理的冲突（%n）", "", len(self.conflict_rows)))
        ids = [r.id for r in self.conflict_rows]
        if chosen is not None and chosen.id in ids:
            self.conflict_view.selectRow(ids.index(chosen.id))
        elif ids:
            self.conflict_view.selectRow(0)
        self._show_conflict()

    def _size(self, size: int) -> str:
        from PySide6.QtCore import QLocale

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
        return _normalise(row.here_text if here else row.incoming_text)

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
        _show_marked(self.here_text, here, spans_here, _HERE_COLOUR)
        _show_marked(self.incoming_text, incoming, spans_incoming, _INCOMING_COLOUR)
        self.diff = (spans_here, spans_incoming)

    def settle(self, side: str) -> None:
        """保留本机 (``here``) or 采用导入 (``incoming``) for the selected conflict."""
        row = self.current_conflict()
        if row is None:
            return
        try:
            self.data.settle(row, side)
        except XunchaError as exc:
            QMessageBox.warning(self, self.tr("未能处理冲突"), exc.text(self.controller.lang))
        else:
            self.status.setText(self.tr("已处理冲突：%1 的“%2”").replace("%1", row.title)
                                .replace("%2", self._field_label(row)))
            self.data_changed.emit()
        self.refresh_conflicts()

    def edit_and_settle(self) -> None:
        row = self.current_conflict()
        if row is None or not row.editable:
            return
        dialog = EditValueDialog(self._field_label(row), _normalise(row.here_text), self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            try:
                self.data.settle_with(row, dialog.text())
            except XunchaError as exc:
                QMessageBox.warning(self, self.tr("未能处理冲突"), exc.text(self.controller.lang))
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
                                              str(Path(_settings_folder()) / f"{own.name}.json"),
                                              self.tr("公钥文件 (*.json)"))
        if not path:
            return None
        out = Path(path)
        try:
            self.data.export_public(out)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("未能导出公钥"), exc.strerror or str(exc))
            return None
        _remember_folder(out)
        self.status.setText(self.tr("本机公钥已保存：%1").replace("%1", str(out)))
        return out

    def trust_device(self) -> TrustedDevice | None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择其他设备的公钥文件"), _settings_folder(),
                                              self.tr("公钥文件 (*.json);;所有文件 (*)"))
        if not path:
            return None
        try:
            device, new = self.data.trust(Path(path))
        except XunchaError as exc:
            QMessageBox.warning(self, self.tr("未能信任该设备"), exc.text(self.controller.lang))
            return None
        text = self.tr("已信任设备“%1”（%2）。") if new else self.tr("设备“%1”（%2）早已受信任，公钥相同。")
        text = text.replace("%1", device.name).replace("%2", device.id)
        QMessageBox.information(self, self.tr("信任其他设备"), text)
        self.status.setText(text)
        self.refresh()
        return device

    # ---- packages -------------------------------------------------------------------------------------
    def export_package(self) -> dict[str, Any] | None:
        dialog = ExportDialog(self.data.trusted(), self.data.own_device().name, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        choice = dialog.choice()
        dialog.deleteLater()

        def work(progress: Progress, cancelled: Cancelled) -> dict[str, Any]:
            return self.data.export(choice.out, choice.to_device, choice.passphrase, choice.everything,
                                    progress, cancelled)

        ok, value = run_job(self, self.tr("正在导出同步包 %1 …").replace("%1", choice.out.name), work)
        if not ok:
            if isinstance(value, XunchaError) and value.key == "cancelled":
                self.status.setText(self.tr("已取消导出，未生成文件。"))
            else:
                QMessageBox.warning(self, self.tr("未能导出同步包"), self._error_text(value))
            return None
        _remember_folder(choice.out)
        summary: dict[str, Any] = value
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

        def work(progress: Progress, cancelled: Cancelled) -> dict[str, Any]:
            return self.data.import_(choice.path, choice.passphrase, choice.dry_run, progress, cancelled)

        label = self.tr("正在检查同步包 %1 …") if choice.dry_run else self.tr("正在导入同步包 %1 …")
        ok, value = run_job(self, label.replace("%1", choice.path.name), work)
        if not ok:
            if isinstance(value, XunchaError) and value.key == "cancelled":
                self.status.setText(self.tr("已取消导入，数据未改动。"))
            else:
                self.status.setText(self.tr("同步包未导入。"))
                QMessageBox.warning(self, self.tr("同步包未导入"), self._error_text(value))
            return None
        _remember_folder(choice.path)
        summary: dict[str, Any] = value
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
            return error.text(self.controller.lang)
        if isinstance(error, OSError):
            return error.strerror or str(error)
        return str(error)


def _flat(text: str, width: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[:width - 1] + "…"


def _show_marked(edit: QTextEdit, text: str, spans: list[tuple[int, int]], colour: str) -> None:
    """Shows ``text`` in ``edit`` with the ``spans`` on a coloured ground (and underlined, for print)."""
    edit.setPlainText(text)
    marked = QTextCharFormat()
    marked.setBackground(QColor(colour))
    marked.setFontUnderline(True)
    cursor = QTextCursor(edit.document())
    position = _utf16_positions(text)
    for start, end in spans:
        cursor.setPosition(position(start))
        cursor.setPosition(position(end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(marked)
    edit.moveCursor(QTextCursor.MoveOperation.Start)
