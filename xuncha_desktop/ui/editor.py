"""Record editors generated from the services' field descriptions.

Each field gets the widget its type calls for (dates, enumerations and vocabularies as combo boxes with
labels, multi-line text); a ValidationError from the service is shown under the field it names. Existing
records show their linked records (double-click opens one; rows dragged from a list are linked) and, for
records with a status, one button per allowed next step that the person's role may take, asking for what
that step needs. A person whose role may not edit the family gets the form read-only (no 保存, no links, no
dropped files), and 删除 only shows for a role that may delete (``services/permissions.py``). Closing a form
with unsaved changes (window close, Esc, 关闭, Ctrl+W: all end in ``reject``) asks 保存 / 不保存 / 取消.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QModelIndex, QPersistentModelIndex, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIntValidator, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from xuncha_desktop import local_time
from xuncha_desktop.errors import InvalidRequest, ValidationError, XunchaError
from xuncha_desktop.services.fields import Field, FieldType
from xuncha_desktop.ui.controllers.evidence import AddEvidenceJob
from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.ui.jobs import run_job
from xuncha_desktop.ui.models import PlainTableModel
from xuncha_desktop.ui.record_drag import LinkDropView
from xuncha_desktop.ui.screen_fit import resize_to_fit

_EMPTY_DATE = QDate(1900, 1, 1)
_EMPTY_DATETIME = QDateTime(_EMPTY_DATE, QTime(0, 0))
T = FieldType
# Fields that name members of the group: typed with completion from the groups' members.
PEOPLE_FIELDS = frozenset({"interviewers", "recorder", "drafted_by", "checked_by", "approved_by"})


class NamesCompleter(QCompleter):
    """Completes a name; with ``several``, the name being typed after the last "、" (or ",")."""

    def __init__(self, names: list[str], several: bool, parent: QWidget | None = None) -> None:
        super().__init__(names, parent)
        self._several = several
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)

    def splitPath(self, path: str) -> list[str]:
        if self._several:
            path = path.replace(",", "、").replace("，", "、").split("、")[-1].strip()
        return [path]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        name = str(super().pathFromIndex(index))
        widget = self.widget()
        if not self._several or not isinstance(widget, QLineEdit):
            return name
        done = widget.text().replace(",", "、").replace("，", "、").split("、")[:-1]
        return "、".join([*[part.strip() for part in done if part.strip()], name])


class FieldWidget(QWidget):
    """One field: its input widget and, under it, the message of a failed validation."""

    changed = Signal()

    def __init__(self, controller: Controller, kind: str, spec: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.controller = controller
        self.kind = kind
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.input = self._make_input()
        self.input.setObjectName(f"field_{spec.name}")
        if spec.confidential and isinstance(self.input, QLineEdit):
            # A petitioner's identity is hidden until the person at the screen asks to see it.
            self.input.setEchoMode(QLineEdit.EchoMode.Password)
            row = QHBoxLayout()
            row.addWidget(self.input, 1)
            self.reveal = QCheckBox(self.tr("显示"))
            self.reveal.setObjectName(f"reveal_{spec.name}")
            self.reveal.setToolTip(self.tr("保密信息：仅在需要时显示"))
            self.reveal.toggled.connect(lambda on: self.input.setEchoMode(
                QLineEdit.EchoMode.Normal if on else QLineEdit.EchoMode.Password))
            row.addWidget(self.reveal)
            layout.addLayout(row)
        else:
            layout.addWidget(self.input)
        self.error = QLabel()
        self.error.setObjectName(f"error_{spec.name}")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)

    def _make_input(self) -> QWidget:
        spec = self.spec
        if spec.read_only:
            shown = QLabel()
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            return shown
        if spec.value_type is T.TEXT:
            widget = QPlainTextEdit()
            widget.setTabChangesFocus(True)
            widget.setMinimumHeight(70)
            widget.textChanged.connect(self.changed)
            return widget
        if spec.value_type is T.BOOL:
            box = QCheckBox()
            box.toggled.connect(self.changed)
            return box
        if spec.value_type is T.DATE:
            date = QDateEdit()
            date.setCalendarPopup(True)
            date.setDisplayFormat("yyyy-MM-dd")
            date.setMinimumDate(_EMPTY_DATE)
            date.setSpecialValueText(" ")
            date.setDate(_EMPTY_DATE)
            date.dateChanged.connect(self.changed)
            return date
        if spec.value_type is T.DATETIME:
            stamp = QDateTimeEdit()
            stamp.setCalendarPopup(True)
            stamp.setDisplayFormat("yyyy-MM-dd HH:mm")
            stamp.setMinimumDateTime(_EMPTY_DATETIME)
            stamp.setSpecialValueText(" ")
            stamp.setDateTime(_EMPTY_DATETIME)
            stamp.dateTimeChanged.connect(self.changed)
            return stamp
        if spec.value_type in (T.ENUM, T.VOCAB, T.REF):
            combo = QComboBox()
            if not spec.required or spec.value_type is not T.ENUM:
                combo.addItem("", None)
            for code, label in self._choices():
                combo.addItem(label, code)
            combo.currentIndexChanged.connect(self.changed)
            return combo
        if spec.value_type is T.REFS:
            items = QListWidget()
            for code, label in self.controller.ref_choices(spec.ref or "round"):
                item = QListWidgetItem(label)
                item.setData(Qt.ItemDataRole.UserRole, code)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                items.addItem(item)
            items.setMaximumHeight(90)
            items.itemChanged.connect(self.changed)
            return items
        line = QLineEdit()
        if spec.max_length:
            line.setMaxLength(spec.max_length)
        if spec.value_type is T.INT:
            line.setValidator(QIntValidator())
        if spec.value_type is T.NAMES:
            line.setPlaceholderText(self.tr("多个姓名以“、”分隔"))
        if spec.name in PEOPLE_FIELDS:
            line.setCompleter(NamesCompleter(self.controller.people(), several=spec.value_type is T.NAMES,
                                             parent=line))
        line.textChanged.connect(self.changed)
        return line

    def _choices(self) -> list[tuple[str, str]]:
        spec = self.spec
        if spec.value_type is T.ENUM:
            return self.controller.enum_choices(self.kind, spec.name)
        if spec.value_type is T.VOCAB:
            assert spec.vocabulary is not None
            return self.controller.vocab_choices(spec.vocabulary)
        assert spec.ref is not None
        return self.controller.ref_choices(spec.ref)

    # ---- values --------------------------------------------------------------------------------
    def set_value(self, value: Any) -> None:
        """Shows a JSON value of the field (as ``to_dict`` gives it)."""
        widget, spec = self.input, self.spec
        if isinstance(widget, QLabel):
            widget.setText(self.controller.display(self.kind, spec.name, _from_json(spec, value)))
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(value or "")
        elif isinstance(widget, QCheckBox):
            widget.setChecked(bool(value))
        elif isinstance(widget, QDateTimeEdit) and spec.value_type is T.DATETIME:
            if value:
                stamp = local_time.local(dt.datetime.fromisoformat(value))
                widget.setDateTime(QDateTime(QDate(stamp.year, stamp.month, stamp.day),
                                             QTime(stamp.hour, stamp.minute)))
            else:
                widget.setDateTime(_EMPTY_DATETIME)
        elif isinstance(widget, QDateEdit):
            widget.setDate(QDate.fromString(value, "yyyy-MM-dd") if value else _EMPTY_DATE)
        elif isinstance(widget, QComboBox):
            at = widget.findData(value)
            if at < 0 and value:
                widget.addItem(self.controller.display(self.kind, spec.name, _from_json(spec, value)), value)
                at = widget.count() - 1
            widget.setCurrentIndex(max(at, 0))
        elif isinstance(widget, QListWidget):
            chosen = set(value or [])
            for row in range(widget.count()):
                item = widget.item(row)
                item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in chosen
                                   else Qt.CheckState.Unchecked)
        elif isinstance(widget, QLineEdit):
            if isinstance(value, list):
                widget.setText("、".join(value))
            else:
                widget.setText("" if value is None else str(value))

    def value(self) -> Any:
        """The field's value in the services' input form (codes, ISO dates, strings); None when empty."""
        widget = self.input
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QCheckBox):
            return widget.isChecked()
        if isinstance(widget, QDateTimeEdit) and self.spec.value_type is T.DATETIME:
            stamp = widget.dateTime()
            if stamp == _EMPTY_DATETIME:
                return None
            date, time = stamp.date(), stamp.time()
            local = local_time.assume_local(dt.datetime(date.year(), date.month(), date.day(), time.hour(),
                                                        time.minute()))
            return local.isoformat()
        if isinstance(widget, QDateEdit):
            return None if widget.date() == _EMPTY_DATE else widget.date().toString("yyyy-MM-dd")
        if isinstance(widget, QComboBox):
            return widget.currentData()
        if isinstance(widget, QListWidget):
            return [widget.item(r).data(Qt.ItemDataRole.UserRole) for r in range(widget.count())
                    if widget.item(r).checkState() == Qt.CheckState.Checked]
        if isinstance(widget, QLineEdit):
            text = widget.text().strip()
            return text or None
        return None

    def show_error(self, text: str | None) -> None:
        self.error.setText(text or "")
        self.error.setVisible(bool(text))


def _from_json(spec: Field, value: Any) -> Any:
    if value is None:
        return None
    if spec.value_type is T.DATETIME and isinstance(value, str):
        return dt.datetime.fromisoformat(value)
    if spec.value_type is T.DATE and isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value


_FIELD_CODE = re.compile(r"（[A-Za-z_][A-Za-z0-9_]*）")  # a field's code beside its label, in the catalogue


def people_text(controller: Controller, kind: str, exc: XunchaError) -> str:
    """The message as a person reads it in the window: fields by their label, never by their code (the
    catalogue's text names both, for the command line and the log)."""
    text = exc.text(controller.lang)
    if controller.lang == "zh":
        return _FIELD_CODE.sub("", text)
    for key in ("field", "ref"):
        code = exc.values.get(key)
        if isinstance(code, str) and code:
            zh = exc.values.get(f"{key}_zh")
            label = controller.field_label(kind, code) if key == "field" else controller.kind_label(code)
            text = text.replace(f"{code} ({zh})", f"“{label}”").replace(f"{code}", f"“{label}”")
    return text


class RecordEditor(QDialog):
    """The form of one record (new when ``record_id`` is None)."""

    saved = Signal(str, str)  # kind, id
    navigate = Signal(str, str)  # kind, id of a linked record to open
    discarded = Signal()  # closed with 不保存 (the window drops an interview's draft then)
    close_kept = Signal()  # the person answered 取消 (or saving was refused): the form stays open

    def __init__(self, controller: Controller, kind: str, record_id: str | None = None,
                 defaults: dict[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.kind = kind
        self.record_id = record_id
        self.service = controller.service(kind)
        self.setObjectName(f"editor_{kind}")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAcceptDrops(True)
        self.widgets: dict[str, FieldWidget] = {}
        self._initial: dict[str, Any] = {}
        self._clean: dict[str, Any] = {}  # the form's values when last loaded, saved or first shown
        self._shown = False
        self.unsaved_box: QMessageBox | None = None  # the 保存 / 不保存 / 取消 question while it is open
        self.record: dict[str, Any] = {}
        # what the person's role allows; the services refuse the rest anyway
        self.read_only = not controller.may_edit(kind)
        self.may_delete = controller.may_delete() and not self.read_only

        outer = QVBoxLayout(self)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff4ce; padding: 6px;")
        self.banner.hide()
        outer.addWidget(self.banner)
        splitter = QSplitter()
        outer.addWidget(splitter, 1)

        form_host = QWidget()
        self.form = QFormLayout(form_host)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        for spec in self.service.fields:
            if spec.read_only and record_id is None:
                continue
            widget = FieldWidget(controller, kind, spec)
            self.widgets[spec.name] = widget
            widget.changed.connect(functools.partial(widget.show_error, None))  # fixed: its error goes
            label = QLabel(controller.field_label(kind, spec.name) + ("*" if spec.required else ""))
            label.setBuddy(widget.input)
            self.form.addRow(label, widget)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_host)
        self.form_scroll = scroll
        splitter.addWidget(scroll)

        side = QWidget()
        self.side = side
        side_layout = QVBoxLayout(side)
        self.side_layout = side_layout
        side_layout.setContentsMargins(0, 0, 0, 0)
        self.status_box = QWidget()
        self.status_layout = QHBoxLayout(self.status_box)
        self.status_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.status_box)
        side_layout.addWidget(QLabel(self.tr("关联记录（双击打开；可从列表拖入）")))
        self.links_model = PlainTableModel([self.tr("类型"), self.tr("关系"), self.tr("记录")], self)
        self.links_view = LinkDropView(self._can_link)
        self.links_view.records_dropped.connect(self.link_records)
        self.links_view.setObjectName("linked")
        self.links_view.setModel(self.links_model)
        self.links_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.links_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents, QHeaderView.ResizeMode.Stretch)):
            self.links_view.horizontalHeader().setSectionResizeMode(column, mode)
        self.links_view.verticalHeader().hide()
        self.links_view.doubleClicked.connect(self._open_linked)
        side_layout.addWidget(self.links_view, 1)
        link_buttons = QHBoxLayout()
        self.link_button = QPushButton(self.tr("添加关联…"))
        self.link_button.setObjectName("add_link")
        self.link_button.clicked.connect(self._pick_link)
        self.unlink_button = QPushButton(self.tr("取消关联"))
        self.unlink_button.clicked.connect(self._unlink)
        link_buttons.addWidget(self.link_button)
        link_buttons.addWidget(self.unlink_button)
        side_layout.addLayout(link_buttons)
        self.history_model: PlainTableModel | None = None
        if kind == "problem":
            # each status step of a problem writes a rectification update: its history
            side_layout.addWidget(QLabel(self.tr("整改过程")))
            self.history_model = PlainTableModel([self.tr("时间"), self.tr("状态变化"), self.tr("备注"),
                                                  self.tr("记录人")], self)
            history = QTableView()
            history.setObjectName("history")
            history.setModel(self.history_model)
            history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            history.verticalHeader().hide()
            history.setWordWrap(False)
            history.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            history.horizontalHeader().setStretchLastSection(True)
            history.setMaximumHeight(160)
            side_layout.addWidget(history)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        side.setVisible(record_id is not None)

        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        outer.addWidget(self.message)
        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(self.tr("保存"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("save")
        # Not the button's own shortcut: that "animates" a click 100 ms later, so Ctrl+S then Ctrl+W at typing
        # speed asked about unsaved changes that were being saved (found in a real X11 session).
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.save_button.setToolTip(self.tr("保存 (Ctrl+S)"))
        self.delete_button = self.buttons.addButton(self.tr("删除"), QDialogButtonBox.ButtonRole.DestructiveRole)
        self.delete_button.setObjectName("delete")
        self.delete_button.setVisible(record_id is not None and self.may_delete)
        close = self.buttons.addButton(self.tr("关闭"), QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self._delete)
        close.clicked.connect(self.reject)
        outer.addWidget(self.buttons)
        QShortcut(QKeySequence("Ctrl+W"), self, self.reject)
        if self.read_only:
            self._make_read_only()

        if record_id is not None:
            self.load()
        else:
            for name, value in (defaults or {}).items():
                if name in self.widgets:
                    self.widgets[name].set_value(value)
            for spec in self.service.fields:
                if spec.name in self.widgets and spec.default is not None and spec.name not in (defaults or {}):
                    default = spec.default_value()
                    if default not in (None, [], ""):
                        self.widgets[spec.name].set_value(default)
            self._initial = {}
        self._narrow_units()
        if "round_id" in self.widgets:
            self.widgets["round_id"].changed.connect(self._narrow_units)
        self._clean = self.values()
        self._update_title()
        resize_to_fit(self, 980, 680)

    def _narrow_units(self) -> None:
        """Once the round is chosen, the unit choices are the units its groups inspect (the chosen unit stays
        offered even when outside them, so that nothing already stored is hidden)."""
        round_widget, unit_widget = self.widgets.get("round_id"), self.widgets.get("unit_id")
        if round_widget is None or unit_widget is None or not isinstance(unit_widget.input, QComboBox):
            return
        round_id = round_widget.value()
        allowed = self.controller.units_of_round(round_id) if round_id else set()
        combo = unit_widget.input
        current = combo.currentData()
        choices = [(code, label) for code, label in self.controller.ref_choices("unit")
                   if not allowed or code in allowed or code == current]
        combo.blockSignals(True)  # the unit did not change: no "unsaved" mark, no draft
        try:
            combo.clear()
            combo.addItem("", None)  # as FieldWidget builds a reference's choices
            for code, label in choices:
                combo.addItem(label, code)
            combo.setCurrentIndex(max(combo.findData(current), 0))
        finally:
            combo.blockSignals(False)

    def _make_read_only(self) -> None:
        """The form of a person who may only look: every input shows its value and takes no typing."""
        self.setAcceptDrops(False)
        for widget in self.widgets.values():
            box = widget.input
            if isinstance(box, (QLineEdit, QPlainTextEdit)):
                box.setReadOnly(True)
            elif not isinstance(box, QLabel):
                box.setEnabled(False)
        for button in (self.save_button, self.delete_button, self.link_button, self.unlink_button):
            button.hide()
        self.save_button.setEnabled(False)
        self.save_shortcut.setEnabled(False)  # Ctrl+S too
        role = self.controller.about().role
        self.banner.setText(self.tr("只读：您的角色（%1）不能修改此类记录。").replace("%1", role))
        self.banner.show()

    # ---- loading and saving --------------------------------------------------------------------
    def _update_title(self) -> None:
        label = self.controller.kind_label(self.kind)
        if self.record_id is None:
            self.setWindowTitle(self.tr("新建%1").replace("%1", label))
        else:
            title = self.controller.title(self.kind, self.record_id)
            self.setWindowTitle(f"{label} — {title}")

    def load(self) -> None:
        assert self.record_id is not None
        self.record = self.controller.read(self.kind, self.record_id)
        for name, widget in self.widgets.items():
            widget.set_value(self.record.get(name))
        self._initial = self.values()
        self._clean = dict(self._initial)
        self._load_links()
        self._load_status()
        if self.history_model is not None:
            rows = []
            for update in self.record.get("updates", []):
                at = local_time.text(dt.datetime.fromisoformat(update["at"]))
                before = self.controller.status_label(self.kind, update["status_before"]) \
                    if update.get("status_before") else ""
                after = self.controller.status_label(self.kind, update["status_after"])
                rows.append(([at, f"{before} → {after}", update.get("remark") or "", update.get("recorded_by") or ""],
                             None))
            self.history_model.set_rows(rows)
        self._update_title()

    def values(self) -> dict[str, Any]:
        return {name: w.value() for name, w in self.widgets.items() if not w.spec.read_only}

    def changed_values(self) -> dict[str, Any]:
        current = self.values()
        if self.record_id is None:
            return {k: v for k, v in current.items() if v not in (None, "", [])}
        return {k: v for k, v in current.items() if self._initial.get(k) != v}

    def clear_errors(self) -> None:
        self.message.clear()
        for widget in self.widgets.values():
            widget.show_error(None)

    def show_error(self, exc: XunchaError) -> None:
        text = people_text(self.controller, self.kind, exc)
        field = getattr(exc, "field", None)
        if isinstance(exc, ValidationError) and field in self.widgets:
            self.widgets[field].show_error(text)
            self.widgets[field].input.setFocus()
            self.form_scroll.ensureWidgetVisible(self.widgets[field])
            self.message.setText(self.tr("请更正标红的项目。"))
        else:
            self.message.setText(text)

    def missing_required(self) -> list[str]:
        """The required fields of the form left empty, in the form's order."""
        return [spec.name for spec in self.service.fields
                if spec.required and spec.name in self.widgets and not self.widgets[spec.name].spec.read_only
                and self.widgets[spec.name].value() in (None, "", [])]

    def _show_missing(self, missing: list[str]) -> None:
        """Names every missing field at once, each under its field (the service stops at the first)."""
        for name in missing:
            label = self.controller.field_label(self.kind, name)
            self.widgets[name].show_error(self.tr("请填写“%1”。").replace("%1", label))
        self.widgets[missing[0]].input.setFocus()
        self.form_scroll.ensureWidgetVisible(self.widgets[missing[0]])
        self.message.setText(self.tr("有 %n 个必填项目未填写，已标红。", "", len(missing)))

    def save(self) -> bool:
        """Saves through the service; on a refusal shows the message beside the field and returns False."""
        if self.read_only:
            return False
        self.clear_errors()
        missing = self.missing_required()
        if missing:
            self._show_missing(missing)
            return False
        data = self.changed_values()
        self.controller.warnings = []
        try:
            if self.record_id is None:
                self.record_id = self.controller.create(self.kind, data)
            elif data:
                # The stamp read when the form was filled: a record changed meanwhile (another desk of the
                # office hub, an import) is not overwritten; the refusal names who changed what.
                self.controller.update(self.kind, self.record_id, data, base_hlc=self.record.get("hlc"))
        except XunchaError as exc:
            self.show_error(exc)
            return False
        if self.controller.warnings:  # 回避: saved all the same; the texts come from the message catalogue
            QMessageBox.warning(self, self.windowTitle(), "\n\n".join(self.controller.warnings))
        self.after_save()
        self.saved.emit(self.kind, self.record_id)
        self.load()
        self.delete_button.setVisible(self.may_delete)
        self.side.show()
        return True

    def after_save(self) -> None:
        """Hook for subclasses (the interview editor drops its draft)."""

    # ---- closing with unsaved changes ----------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:
            # What the person first sees is the starting point: values a subclass put in after the base
            # constructor (the interview's start time, a restored draft) are not "changes" of theirs.
            self._shown = True
            self._clean = self.values()
            missing = self.missing_required() if self.record_id is None else []
            if missing:  # a new record starts where it must be filled in first (after the layout settled)
                QTimer.singleShot(0, self.widgets[missing[0]].input.setFocus)

    def has_unsaved_changes(self) -> bool:
        return self.values() != self._clean

    def ask_unsaved(self) -> QMessageBox:
        """Asks 保存 / 不保存 / 取消 (Esc means 取消) and returns the question at once: it is modal to this form
        only and answered through ``_answered``, so a form closed by a script or a test never blocks it."""
        if self.unsaved_box is not None:
            self.unsaved_box.raise_()
            return self.unsaved_box
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("保存修改？"),
                          self.tr("“%1”有未保存的修改。关闭前要保存吗？").replace("%1", self.windowTitle()),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setObjectName("unsaved_question")
        for button, text in ((QMessageBox.StandardButton.Save, self.tr("保存")),
                             (QMessageBox.StandardButton.Discard, self.tr("不保存")),
                             (QMessageBox.StandardButton.Cancel, self.tr("取消"))):
            box.button(button).setText(text)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setEscapeButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _result: self._answered(box))
        self.unsaved_box = box
        box.open()
        return box

    def _answered(self, box: QMessageBox) -> None:
        self.unsaved_box = None
        clicked = box.clickedButton()
        answer = box.standardButton(clicked) if clicked is not None else QMessageBox.StandardButton.Cancel
        box.deleteLater()
        if answer == QMessageBox.StandardButton.Save:
            if not self.save():
                self.close_kept.emit()  # the refusal is shown beside the field; the form stays open
                return
        elif answer == QMessageBox.StandardButton.Discard:
            self.after_discard()
        else:
            self.close_kept.emit()
            return
        # QDialog's own: a subclass's reject (the interview writes its draft there) has run already
        QDialog.reject(self)

    def reject(self) -> None:
        """Every way of closing the form ends here (QDialog sends window close and Esc to reject); with
        unsaved changes the form stays open until the question is answered."""
        if self.unsaved_box is not None or self.has_unsaved_changes():
            self.ask_unsaved()
            return
        super().reject()

    def after_discard(self) -> None:
        """The person chose 不保存."""
        self.discarded.emit()

    def _delete(self) -> None:
        if self.record_id is None:
            return
        answer = QMessageBox.question(self, self.tr("删除"), self.tr("确定删除这条记录吗？"))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.controller.delete(self.kind, self.record_id)
        except XunchaError as exc:
            self.show_error(exc)
            return
        self.saved.emit(self.kind, self.record_id)
        self.accept()

    # ---- status steps --------------------------------------------------------------------------
    def _load_status(self) -> None:
        while self.status_layout.count():
            item = self.status_layout.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.hide()
                old.setObjectName("")  # gone for findChild now, deleted at the next event loop pass
                old.deleteLater()
        field = self.service.status_field
        if field is None or self.record_id is None:
            self.status_box.hide()
            return
        self.status_box.show()
        current = self.record[field]
        label = QLabel(self.tr("状态：%1").replace("%1", self.controller.status_label(self.kind, current)))
        label.setObjectName("status_label")
        self.status_layout.addWidget(label)
        for status, text, needs in self.controller.allowed_next(self.kind, current):
            button = QPushButton(text)
            button.setObjectName(f"status_{status}")
            button.clicked.connect(lambda _=False, s=status, n=needs: self.step(s, n))
            self.status_layout.addWidget(button)
        self.status_layout.addStretch(1)

    def step(self, status: str, needs: tuple[str, ...], answers: dict[str, Any] | None = None) -> bool:
        """One status step; asks for what the step needs unless ``answers`` are given (tests, scripts)."""
        assert self.record_id is not None
        self.clear_errors()
        if answers is None:
            # a refused step keeps the dialog open with the reason in it (what was typed stays)
            dialog = StepDialog(self.controller, self.kind, status, needs, self.record, self,
                                attempt=lambda given: self._try_step(status, given))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
        else:
            refused = self._try_step(status, answers)
            if refused is not None:
                self.show_error(refused)
                return False
        self.saved.emit(self.kind, self.record_id)
        self.load()
        return True

    def _try_step(self, status: str, answers: dict[str, Any]) -> XunchaError | None:
        assert self.record_id is not None
        try:
            self.controller.set_status(self.kind, self.record_id, status, answers)
        except XunchaError as exc:
            return exc
        return None

    # ---- files dropped on the record become its evidence ---------------------------------------
    def _accepts_files(self) -> bool:
        return (self.record_id is not None and not self.read_only
                and "evidence" in self.controller.linkable_kinds(self.kind))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self._accepts_files():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.attach_files(paths)

    def attach_files(self, paths: list[Path]) -> list[str]:
        """Stores each file as evidence linked to this record (off the GUI thread, with progress and Cancel)."""
        assert self.record_id is not None
        kind, record_id = self.kind, self.record_id
        defaults = {name: self.record.get(name) for name in ("round_id", "unit_id") if self.record.get(name)}
        added: list[str] = []
        for path in paths:
            if not path.is_file():
                continue

            job = run_job(self, self.tr("正在加密保存 %1 …").replace("%1", path.name),
                          AddEvidenceJob(self.controller.evidence, path, defaults, [(kind, record_id)]))
            value = job.error
            if job.ok:
                added.append(job.result)
            elif isinstance(value, XunchaError):
                if value.key != "cancelled":
                    self.show_error(value)
            else:
                self.message.setText(str(value))
        self._load_links()
        if added:
            self.saved.emit("evidence", added[-1])
        return added

    # ---- links ---------------------------------------------------------------------------------
    def _load_links(self) -> None:
        assert self.record_id is not None
        items = self.controller.linked(self.kind, self.record_id)
        relation_names = {"raised": self.tr("提出"), "supported_by": self.tr("佐证"), "based_on": self.tr("依据"),
                          "carried_over_from": self.tr("延续自"), "repeats": self.tr("重复件"),
                          "inspects": self.tr("巡察"), "attachment": self.tr("附件"), "material": self.tr("材料")}
        self.links_model.set_rows([([self.controller.kind_label(i.kind), relation_names.get(i.relation, i.relation),
                                     i.title], (i.kind, i.id)) for i in items])

    def _open_linked(self, index: Any) -> None:
        payload = self.links_model.payload(index.row())
        if payload:
            self.navigate.emit(payload[0], payload[1])

    def _pick_link(self) -> None:
        assert self.record_id is not None
        dialog = LinkPicker(self.controller, self.kind, self, self.record)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen is not None:
            self.add_link(*dialog.chosen)

    def _can_link(self, kind: str) -> bool:
        return self.record_id is not None and not self.read_only and kind in self.controller.linkable_kinds(self.kind)

    def link_records(self, records: list[tuple[str, str]]) -> int:
        """Links records dropped on the panel (same service call as the picker); returns how many."""
        linked = 0
        for kind, record_id in records:
            if (kind, record_id) != (self.kind, self.record_id) and self.add_link(kind, record_id):
                linked += 1
        return linked

    def add_link(self, kind: str, record_id: str) -> bool:
        assert self.record_id is not None
        try:
            self.controller.link(self.kind, self.record_id, kind, record_id)
        except XunchaError as exc:
            self.show_error(exc)
            return False
        self._load_links()
        return True

    def _unlink(self) -> None:
        assert self.record_id is not None
        rows = self.links_view.selectionModel().selectedRows()
        for index in rows:
            kind, other = self.links_model.payload(index.row())
            try:
                self.controller.unlink(self.kind, self.record_id, kind, other)
            except InvalidRequest as exc:
                self.show_error(exc)
        self._load_links()


class StepDialog(QDialog):
    """Asks for the fields a status step needs (the receiving body of a transfer, the proof of 整改到位)."""

    def __init__(self, controller: Controller, kind: str, status: str, needs: tuple[str, ...],
                 record: dict[str, Any], parent: QWidget | None = None,
                 attempt: Callable[[dict[str, Any]], XunchaError | None] | None = None) -> None:
        super().__init__(parent)
        self.controller, self.kind = controller, kind
        self.attempt = attempt
        self.setWindowTitle(self.tr("改为“%1”").replace("%1", controller.status_label(kind, status)))
        layout = QFormLayout(self)
        self.inputs: dict[str, QPlainTextEdit | QLineEdit] = {}
        service = controller.service(kind)
        for name in needs:
            spec = service.field(name)
            box: QPlainTextEdit | QLineEdit
            if spec.value_type is T.TEXT:
                box = QPlainTextEdit(record.get(name) or "")
                box.setTabChangesFocus(True)
            else:
                box = QLineEdit(record.get(name) or "")
            box.setObjectName(f"need_{name}")
            self.inputs[name] = box
            layout.addRow(controller.field_label(kind, name) + "*", box)
        if kind == "problem":
            remark = QLineEdit()
            remark.setObjectName("need_remark")
            self.inputs["remark"] = remark
            layout.addRow(self.tr("备注"), remark)
        if not needs:
            layout.addRow(QLabel(self.tr("确认改为此状态？")))
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()
        layout.addRow(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def accept(self) -> None:
        """Tries the step; a refusal is shown here and the dialog stays open."""
        refused = self.attempt(self.answers()) if self.attempt is not None else None
        if refused is None:
            super().accept()
            return
        self.message.setText(people_text(self.controller, self.kind, refused))
        self.message.show()
        field = getattr(refused, "field", None)
        if field in self.inputs:
            self.inputs[field].setFocus()

    def answers(self) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for name, box in self.inputs.items():
            text = box.toPlainText() if isinstance(box, QPlainTextEdit) else box.text()
            if text.strip():
                result[name] = text
        return result


class LinkPicker(QDialog):
    """Chooses a record to link: the kind, then a record of it (title and unit) found by search or picked
    from the latest; narrowed to the record's own unit and round unless the person widens it, and a link
    across units is confirmed first."""

    def __init__(self, controller: Controller, kind: str, parent: QWidget | None = None,
                 record: dict[str, Any] | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.chosen: tuple[str, str] | None = None
        own = record or {}
        self.unit_id: str | None = own.get("unit_id")
        self.round_id: str | None = own.get("round_id")
        self.setWindowTitle(self.tr("添加关联"))
        layout = QVBoxLayout(self)
        self.kind_box = QComboBox()
        for other in controller.linkable_kinds(kind):
            self.kind_box.addItem(controller.kind_label(other), other)
        layout.addWidget(self.kind_box)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("输入关键词检索"))
        layout.addWidget(self.search)
        self.narrow = QCheckBox(self.tr("只显示本单位、本轮次的记录"))
        self.narrow.setObjectName("narrow")
        self.narrow.setChecked(bool(self.unit_id or self.round_id))
        self.narrow.setEnabled(bool(self.unit_id or self.round_id))
        layout.addWidget(self.narrow)
        self.list = QListWidget()
        layout.addWidget(self.list, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.kind_box.currentIndexChanged.connect(self.refresh)
        self.search.textChanged.connect(self.refresh)
        self.narrow.toggled.connect(self.refresh)
        self.list.itemDoubleClicked.connect(lambda _item: self._accept())
        self.refresh()
        resize_to_fit(self, 560, 440)

    def refresh(self) -> None:
        kind = self.kind_box.currentData()
        self.list.clear()
        if not kind:
            return
        narrow = self.narrow.isChecked()
        for choice in self.controller.link_choices(kind, self.search.text().strip() or None,
                                                   self.unit_id if narrow else None,
                                                   self.round_id if narrow else None):
            item = QListWidgetItem(f"{choice.title}　·　{choice.unit}" if choice.unit else choice.title)
            item.setData(Qt.ItemDataRole.UserRole, (choice.id, choice.unit_id, choice.unit))
            self.list.addItem(item)

    def _accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        record_id, unit_id, unit = item.data(Qt.ItemDataRole.UserRole)
        if self.unit_id and unit_id and unit_id != self.unit_id and not self._confirm_other_unit(unit):
            return
        self.chosen = (self.kind_box.currentData(), record_id)
        self.accept()

    def _confirm_other_unit(self, unit: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("关联其他单位的记录"),
                          self.tr("所选记录属于另一被巡察单位（%1）。仍要关联吗？").replace("%1", unit),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes
