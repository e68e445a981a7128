"""The interview editor: fast typing on site, autosaved drafts, outline templates, signing.

Every change of the form starts a short timer (``AUTOSAVE_MS``); when it fires the whole form goes to an
encrypted draft file (see :mod:`xuncha_desktop.drafts`), so a killed process loses at most that much
typing plus the time of one write. Saving the record removes the draft; the next start offers to restore
any draft left behind.
"""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from xuncha_desktop import local_time
from xuncha_desktop.errors import XunchaError
from xuncha_desktop.ui.controllers.drafts import DraftsController
from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.ui.editor import RecordEditor

AUTOSAVE_MS = 300
# The record's own keys, caught on the text itself (before the text box takes Ctrl+Return as a new line,
# and whichever window is active); listed in docs/window.md.
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
TEXT_KEYS: dict[tuple[Qt.Key, Qt.KeyboardModifier], str] = {
    (Qt.Key.Key_T, CTRL): "insert_time",
    (Qt.Key.Key_Return, CTRL): "next_question",
    (Qt.Key.Key_Enter, CTRL): "next_question",
    (Qt.Key.Key_Return, CTRL | SHIFT): "answer",
    (Qt.Key.Key_Enter, CTRL | SHIFT): "answer",
    (Qt.Key.Key_L, CTRL | SHIFT): "show_outlines",
    (Qt.Key.Key_H, CTRL | SHIFT): "toggle_header",
}
# What the folded header says of the interview, in this order.
HEADER_FIELDS = ("interviewee_name", "interviewee_category", "interviewee_post", "interviewee_unit", "kind",
                 "started_at", "place", "interviewers")

# Standard questions by interviewee category (the outline a group starts from; offices adapt them).
OUTLINES: dict[str, tuple[str, list[str]]] = {
    "principal": ("主要负责人谈话提纲", [
        "本单位贯彻落实党的路线方针政策和党中央决策部署的情况如何？",
        "履行全面从严治党第一责任人职责的情况，存在哪些薄弱环节？",
        "领导班子团结协作和民主集中制执行情况如何？",
        "上轮巡察、审计发现问题的整改情况如何？"]),
    "leadership": ("班子成员谈话提纲", [
        "落实“一岗双责”的情况如何？",
        "对主要负责人和其他班子成员有何意见建议？",
        "分管领域存在哪些廉政风险？"]),
    "middle": ("中层干部谈话提纲", [
        "本部门落实上级决策部署的情况如何？",
        "选人用人、干部考核中存在哪些问题？",
        "对单位领导班子有何意见建议？"]),
    "staff": ("一般干部谈话提纲", [
        "对单位作风建设有何看法？",
        "是否了解违反中央八项规定精神的问题？",
        "对单位领导班子有何意见建议？"]),
    "retired": ("退休干部谈话提纲", [
        "对单位近年来的发展和班子建设有何评价？",
        "了解哪些需要巡察组关注的问题？"]),
    "public": ("服务对象/群众谈话提纲", [
        "办事过程中是否遇到推诿扯皮、吃拿卡要？",
        "对该单位的服务有何意见建议？"]),
}


_QUESTION_NUMBER = re.compile(r"^问(\d+)：", re.MULTILINE)


def _shown(widget: QWidget) -> str:
    """What a field's input shows, as the person reads it (the header's summary)."""
    if isinstance(widget, QComboBox):
        return widget.currentText().strip()
    if isinstance(widget, QDateTimeEdit):
        return widget.text().strip()
    if isinstance(widget, QLineEdit | QLabel):
        return widget.text().strip()
    return ""


class InterviewEditor(RecordEditor):
    draft_saved = Signal()

    def __init__(self, controller: Controller, drafts: DraftsController, record_id: str | None = None,
                 defaults: dict[str, Any] | None = None, draft_key: str | None = None,
                 parent: QWidget | None = None) -> None:
        self.drafts = drafts
        self._restored = False
        self.draft_key = draft_key or record_id or f"new-interview-{uuid.uuid4()}"
        self._restoring = False
        super().__init__(controller, "interview", record_id, defaults, parent)
        self.text: QPlainTextEdit = self.widgets["record_text"].input  # type: ignore[assignment]
        self.text.setTabChangesFocus(False)
        self.text.setMinimumHeight(160)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.write_draft)
        for widget in self.widgets.values():
            widget.changed.connect(self._schedule)
        # Ctrl+T is caught on the record itself (a window shortcut would depend on which window is active).
        self.text.installEventFilter(self)

        tools = QWidget()
        row = QHBoxLayout(tools)
        row.setContentsMargins(0, 0, 0, 0)
        self.outline_box = QComboBox()
        self.outline_box.setObjectName("outline")
        self.outline_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.outline_box.addItem(self.tr("插入谈话提纲…"), None)
        labels = dict(controller.vocab_choices("interviewee_category"))
        for code, (name, _questions) in OUTLINES.items():
            self.outline_box.addItem(labels.get(code, name), code)
        self.outline_box.activated.connect(self._insert_outline)
        time_button = QPushButton(self.tr("插入时间 (Ctrl+T)"))
        time_button.clicked.connect(self.insert_time)
        self.sign_button = QPushButton(self.tr("谈话对象签字…"))
        self.sign_button.setObjectName("sign")
        self.sign_button.clicked.connect(self._sign)
        self.draft_label = QLabel()
        self.draft_label.setObjectName("draft_state")
        row.addWidget(self.outline_box)
        row.addWidget(time_button)
        row.addWidget(self.sign_button)
        row.addStretch(1)
        row.addWidget(self.draft_label)
        self._lay_out_for_typing(tools)
        self._update_sign()
        if record_id is None and not (defaults or {}).get("started_at"):
            # on site the interview starts now; the field stays editable
            self.widgets["started_at"].set_value(local_time.now().replace(second=0, microsecond=0).isoformat())
        self.timer.stop()
        self._pristine = self.values()  # a form nobody has typed in leaves no draft behind
        self.restore_draft()

    # ---- layout: the record takes the height ---------------------------------------------------
    def _lay_out_for_typing(self, tools: QWidget) -> None:
        """Moves the record out of the form: the metadata above (folded into one line once filled), the
        record below with its tools, taking the rest of the height (at 1366×768 it was seven lines high
        under sixteen fields)."""
        record_widget = self.widgets["record_text"]
        position = self.form.getWidgetPosition(record_widget)
        row = position[0] if isinstance(position, tuple) else -1
        assert row >= 0
        taken = self.form.takeRow(row)  # the widget stays ours; the row and its label go
        label = taken.labelItem.widget() if taken.labelItem is not None else None
        if label is not None:
            label.deleteLater()
        scroll = self.form.parentWidget()
        while scroll is not None and not isinstance(scroll, QScrollArea):
            scroll = scroll.parentWidget()
        assert isinstance(scroll, QScrollArea)
        self.header_scroll = scroll
        outer = scroll.parentWidget()
        assert isinstance(outer, QSplitter)

        header = QWidget()
        header_row = QHBoxLayout(header)
        header_row.setContentsMargins(0, 0, 0, 0)
        self.fold_button = QToolButton()
        self.fold_button.setObjectName("fold_header")
        self.fold_button.setCheckable(True)
        self.fold_button.setToolTip(self.tr("收起/展开谈话信息 (Ctrl+Shift+H)"))
        self.fold_button.toggled.connect(self.fold_header)
        self.summary = QLabel()
        self.summary.setObjectName("interview_summary")
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setWordWrap(True)
        header_row.addWidget(self.fold_button)
        header_row.addWidget(self.summary, 1)

        record_panel = QWidget()
        panel = QVBoxLayout(record_panel)
        panel.setContentsMargins(0, 0, 0, 0)
        panel.addWidget(tools)
        record_label = QLabel(self.controller.field_label("interview", "record_text"))
        record_label.setBuddy(self.text)
        panel.addWidget(record_label)
        panel.addWidget(record_widget, 1)

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(header)
        self.body = QSplitter(Qt.Orientation.Vertical)
        self.body.setObjectName("interview_body")
        self.body.setChildrenCollapsible(False)
        self.body.addWidget(scroll)
        self.body.addWidget(record_panel)
        # A new interview's header is filled first (it gets the larger share); then the record takes the height.
        new = self.record_id is None
        self.body.setStretchFactor(0, 3 if new else 2)
        self.body.setStretchFactor(1, 2 if new else 5)
        column.addWidget(self.body, 1)
        outer.insertWidget(0, left)

        QShortcut(QKeySequence("Ctrl+Shift+H"), self, self.toggle_header)  # also from the header's fields
        for widget in self.widgets.values():
            widget.changed.connect(self._update_summary)
        self._update_summary()
        # An interview whose header is filled opens folded, the record first; a new one opens unfolded.
        self.fold_button.setChecked(self.record_id is not None and self._header_filled())
        self._apply_fold()
        if self.fold_button.isChecked():
            self.text.setFocus()  # an interview under way opens where the typing goes on

    def toggle_header(self) -> None:
        self.fold_button.toggle()

    def show_outlines(self) -> None:
        self.outline_box.setFocus()
        self.outline_box.showPopup()

    def _header_filled(self) -> bool:
        return all(self.widgets[spec.name].value() not in (None, "", [])
                   for spec in self.service.fields if spec.required and spec.name in self.widgets)

    def fold_header(self, folded: bool) -> None:
        self._apply_fold()
        if folded:
            self.text.setFocus()

    def _apply_fold(self) -> None:
        folded = self.fold_button.isChecked()
        self.header_scroll.setVisible(not folded)
        self.fold_button.setArrowType(Qt.ArrowType.RightArrow if folded else Qt.ArrowType.DownArrow)
        self.summary.setVisible(True)

    def _update_summary(self) -> None:
        parts = []
        for name in HEADER_FIELDS:
            widget = self.widgets.get(name)
            shown = _shown(widget.input) if widget is not None else ""
            if shown:
                parts.append(shown)
        self.summary.setText(" · ".join(parts) or self.tr("（谈话信息未填）"))

    def next_question(self) -> None:
        """A new line "问N：" after the last numbered question (or "问：" when none is numbered)."""
        number = self._last_question_number()
        self._new_line(f"问{number + 1}：" if number else "问：")

    def answer(self) -> None:
        self._new_line("答：")

    def _last_question_number(self) -> int:
        before = self.text.toPlainText()[:self.text.textCursor().position()]
        numbers = [int(m) for m in _QUESTION_NUMBER.findall(before)]
        return numbers[-1] if numbers else 0

    def _new_line(self, prefix: str) -> None:
        cursor = self.text.textCursor()
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        cursor.insertText(("\n" if cursor.block().text() else "") + prefix)
        self.text.setTextCursor(cursor)
        self.text.setFocus()

    # ---- drafts --------------------------------------------------------------------------------
    def _schedule(self) -> None:
        if not self._restoring and not self.timer.isActive():
            self.timer.start()

    def write_draft(self) -> None:
        if self.values() == self._pristine:
            return
        payload = {"kind": "interview", "record_id": self.record_id, "values": self.values(),
                   "saved_at": local_time.now().isoformat()}
        self.drafts.save(self.draft_key, payload)
        self.draft_saved.emit()
        self.draft_label.setText(self.tr("草稿已自动保存 %1").replace("%1", local_time.now().strftime("%H:%M:%S")))

    def restore_draft(self) -> bool:
        draft = self.drafts.load(self.draft_key)
        if not draft:
            return False
        self._restoring = True
        try:
            for name, value in draft.get("values", {}).items():
                if name in self.widgets:
                    self.widgets[name].set_value(value)
        finally:
            self._restoring = False
        self._restored = True
        self.banner.setText(self.tr("已恢复上次未保存的草稿（%1）。保存后草稿删除。")
                            .replace("%1", str(draft.get("saved_at", ""))[:19].replace("T", " ")))
        self.banner.show()
        return True

    def after_save(self) -> None:
        self.timer.stop()
        self.drafts.discard(self.draft_key)
        if self.record_id is not None and self.draft_key != self.record_id:
            self.drafts.discard(self.record_id)
            self.draft_key = self.record_id
        self.banner.hide()
        self.draft_label.setText(self.tr("已保存"))

    def has_unsaved_changes(self) -> bool:
        # A restored draft is unsaved work even before the person types: closing asks, never drops it silently.
        return self._restored or super().has_unsaved_changes()

    def save(self) -> bool:
        saved = super().save()
        if saved:
            self._restored = False
            # The form now shows what is stored: nothing is unsaved, so no draft may stay or be written later
            # (a draft left behind made every start ask about a "crash" that never happened).
            self.timer.stop()
            self._pristine = self.values()
            self.drafts.discard(self.draft_key)
        elif any(w.error.isVisibleTo(self) or not w.error.isHidden() for name, w in self.widgets.items()
                 if name != "record_text"):
            self.fold_button.setChecked(False)  # a refused header field must be seen, not folded away
        return saved

    def reject(self) -> None:
        """A draft exists only while there are unsaved changes: written before the 保存 / 不保存 / 取消
        question (a crash while it is open loses nothing), dropped when there is nothing unsaved; 保存 and
        不保存 drop it too."""
        self.timer.stop()
        if self.has_unsaved_changes():
            self.write_draft()
        else:
            self.drafts.discard(self.draft_key)
        super().reject()

    # ---- typing helpers ------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text and event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            action = TEXT_KEYS.get((Qt.Key(event.key()), event.modifiers()))
            if action is not None:
                if event.type() == QEvent.Type.KeyPress:
                    getattr(self, action)()
                event.accept()
                return event.type() == QEvent.Type.KeyPress
        return super().eventFilter(watched, event)

    def insert_time(self) -> None:
        self.text.insertPlainText(local_time.now().strftime("[%H:%M] "))
        self.text.setFocus()

    def _insert_outline(self, index: int) -> None:
        code = self.outline_box.itemData(index)
        self.outline_box.setCurrentIndex(0)
        if code is None:
            return
        self.insert_outline(code)

    def insert_outline(self, category: str) -> None:
        name, questions = OUTLINES[category]
        lines = [f"问{number}：{question}\n答：\n" for number, question in enumerate(questions, 1)]
        self.text.insertPlainText("\n".join(lines))
        outline = self.widgets.get("outline")
        if outline is not None and not outline.value():
            outline.set_value(name)

    # ---- signing -------------------------------------------------------------------------------
    def _update_sign(self) -> None:
        signed = bool(self.record.get("signed")) or self.read_only  # a read-only form stays locked
        self.sign_button.setEnabled(self.record_id is not None and not signed)
        for name in ("record_text", "interviewee_name", "started_at", "ended_at", "interviewers"):
            widget = self.widgets[name].input
            if isinstance(widget, QPlainTextEdit):
                widget.setReadOnly(signed)
            else:
                widget.setEnabled(not signed)

    def load(self) -> None:
        super().load()
        if hasattr(self, "sign_button"):
            self._update_sign()

    def _sign(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("选择签字后的谈话记录扫描件（可不选）"))
        self.sign(Path(path) if path else None)

    def sign(self, scan: Path | None) -> bool:
        """The interviewee signed: saves pending edits, attaches the scan as evidence and locks the text."""
        if self.changed_values() and not self.save():
            return False
        assert self.record_id is not None
        try:
            self.controller.sign_interview(self.record_id, scan)
        except XunchaError as exc:
            self.show_error(exc)
            return False
        self.load()
        return True
