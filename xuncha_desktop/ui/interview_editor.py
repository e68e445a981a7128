"""The interview editor: fast typing on site, autosaved drafts, outline templates, signing.

Every change of the form starts a short timer (``AUTOSAVE_MS``); when it fires the whole form goes to an
encrypted draft file (see :mod:`xuncha_desktop.drafts`), so a killed process loses at most that much
typing plus the time of one write. Saving the record removes the draft; the next start offers to restore
any draft left behind.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QWidget

from xuncha_desktop import local_time
from xuncha_desktop.errors import XunchaError
from xuncha_desktop.ui.controllers.drafts import DraftsController
from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.ui.editor import RecordEditor

AUTOSAVE_MS = 300

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
        self.text.setMinimumHeight(260)
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
        self.form.insertRow(0, tools)
        self._update_sign()
        if record_id is None and not (defaults or {}).get("started_at"):
            # on site the interview starts now; the field stays editable
            self.widgets["started_at"].set_value(local_time.now().replace(second=0, microsecond=0).isoformat())
        self.timer.stop()
        self._pristine = self.values()  # a form nobody has typed in leaves no draft behind
        self.restore_draft()

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
            if event.key() == Qt.Key.Key_T and event.modifiers() == Qt.KeyboardModifier.ControlModifier:
                if event.type() == QEvent.Type.KeyPress:
                    self.insert_time()
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
