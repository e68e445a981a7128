"""反馈意见稿 in the window: the 总体评价, the count of documents reviewed, the items (up and down within their
category, merged, split), each item's summary, requirement and problems, and the status steps the person's
role may take. Everything goes through :class:`~xuncha_desktop.ui.controllers.feedback_drafts.FeedbackDraftsController`;
the dialog holds no session.

Keys: Ctrl+S saves, Ctrl+Up / Ctrl+Down move the current item, Ctrl+M merges the selected items, Ctrl+P
previews the feedback. Moving to another item saves the one left if it was changed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from xuncha_desktop.errors import XunchaError
from xuncha_desktop.services.feedback_drafts import DraftView, ItemView
from xuncha_desktop.ui import screen_fit
from xuncha_desktop.ui.controllers.feedback_drafts import FeedbackDraftsController

WIDTH, HEIGHT = 1180, 660  # within 1366×728 (a 1366×768 screen below its task bar) with the frame
NOT_RECORDED = -1  # the spin box's "未记录": the document then says nothing of documents reviewed


class FeedbackDraftDialog(QDialog):
    def __init__(self, controller: FeedbackDraftsController, draft: DraftView, lang: str = "zh",
                 preview: Callable[[DraftView], object] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.lang = lang
        self.draft = draft
        self._preview = preview
        self._shown_item: str | None = None
        self.setObjectName("feedback_draft_dialog")
        self.setWindowTitle(self.tr("反馈意见稿 — %1（%2）").replace("%1", draft.unit_name)
                            .replace("%2", draft.round_name))

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.status_label = QLabel()
        self.status_label.setObjectName("draft_status")
        top.addWidget(self.status_label, 1)
        self.step_row = QHBoxLayout()
        top.addLayout(self.step_row)
        layout.addLayout(top)

        head = QFormLayout()
        self.assessment = QPlainTextEdit()
        self.assessment.setObjectName("assessment")
        self.assessment.setPlaceholderText(self.tr("巡察组认为，……取得一定成效，但……"))
        self.assessment.setTabChangesFocus(True)
        self.assessment.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        head.addRow(self.tr("总体评价(&A)："), self.assessment)
        self.documents = QSpinBox()
        self.documents.setObjectName("documents_reviewed")
        self.documents.setRange(NOT_RECORDED, 1_000_000)
        self.documents.setSpecialValueText(self.tr("未记录"))
        self.documents.setSuffix(self.tr(" 份"))
        head.addRow(self.tr("调阅资料(&D)："), self.documents)
        layout.addLayout(head)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(self.tr("反馈事项（同类事项内排序；可多选合并）：")))
        self.items = QListWidget()
        self.items.setObjectName("items")
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.items.setWordWrap(True)
        self.items.currentItemChanged.connect(self._current_changed)
        left_layout.addWidget(self.items, 1)
        self.uncovered_label = QLabel()
        self.uncovered_label.setWordWrap(True)
        self.uncovered_label.setStyleSheet("color: #b71c1c;")
        left_layout.addWidget(self.uncovered_label)
        row = QHBoxLayout()
        self.up_button = self._button(self.tr("上移(&U)"), "Ctrl+Up", lambda: self.move_item(-1), row)
        self.down_button = self._button(self.tr("下移(&N)"), "Ctrl+Down", lambda: self.move_item(1), row)
        self.merge_button = self._button(self.tr("合并所选(&M)"), "Ctrl+M", self.merge, row)
        self.add_button = self._button(self.tr("加入新问题"), None, self.add_uncovered, row)
        left_layout.addLayout(row)
        splitter.addWidget(left)

        right = QGroupBox(self.tr("所选事项"))
        form = QFormLayout(right)
        self.summary = QPlainTextEdit()
        self.summary.setObjectName("summary")
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        form.addRow(self.tr("概述(&S)："), self.summary)
        self.requirement = QPlainTextEdit()
        self.requirement.setObjectName("requirement")
        self.requirement.setTabChangesFocus(True)
        self.requirement.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        form.addRow(self.tr("整改要求(&R)："), self.requirement)
        self.problems = QListWidget()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        form.addRow(self.tr("所含问题："), self.problems)
        self.split_button = QPushButton(self.tr("所选问题拆为新事项(&T)"))
        self.split_button.clicked.connect(self.split)
        form.addRow("", self.split_button)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)

        bottom = QHBoxLayout()
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        bottom.addWidget(self.message, 1)
        self.preview_button = self._button(self.tr("预览反馈意见(&P)…"), "Ctrl+P", self.preview, bottom)
        self.preview_button.setVisible(preview is not None)
        self.save_button = self._button(self.tr("保存"), "Ctrl+S", self.save, bottom)
        close = self._button(self.tr("关闭"), None, self.close, bottom)
        close.setAutoDefault(False)
        layout.addLayout(bottom)

        screen_fit.resize_to_fit(self, WIDTH, HEIGHT)
        self.show_draft(draft)
        self.items.setFocus()

    def _button(self, text: str, keys: str | None, slot: Callable[[], object], row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        if keys:
            # A shortcut of its own, not the button's (which "animates" a click 100 ms later, editor.py), and
            # only while the button could be clicked.
            sequence = QKeySequence(keys)
            shortcut = QShortcut(sequence, self, lambda: button.isEnabled() and button.isVisible() and slot())
            shortcut.setObjectName(f"shortcut_{keys}")
            button.setToolTip(sequence.toString(QKeySequence.SequenceFormat.NativeText))
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    # ---- showing -------------------------------------------------------------------------------
    def show_draft(self, draft: DraftView, current: str | None = None) -> None:
        self.draft = draft
        editable = draft.editable
        self.status_label.setText(self.tr("状态：%1").replace("%1", draft.status_zh)
                                  + ("" if editable else self.tr("（只读）")))
        while self.step_row.count():
            taken = self.step_row.takeAt(0)
            widget = taken.widget() if taken is not None else None
            if widget is not None:
                widget.hide()
                widget.setObjectName("")  # no longer a step: deleted at the next turn of the event loop
                widget.deleteLater()
        for status, zh in draft.steps:
            if status == "draft":
                text = self.tr("退回起草")
            elif status == "final":
                text = self.tr("定稿")
            else:
                text = self.tr("%1通过").replace("%1", zh)
            button = QPushButton(text)
            button.setObjectName(f"step_{status}")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, s=status: self.step(s))
            self.step_row.addWidget(button)
        self.assessment.setPlainText(draft.assessment)
        self.documents.setValue(NOT_RECORDED if draft.documents_reviewed is None else draft.documents_reviewed)
        for widget in (self.assessment, self.summary, self.requirement):
            widget.setReadOnly(not editable)
        self.documents.setReadOnly(not editable)
        for button in (self.merge_button, self.split_button, self.save_button):
            button.setEnabled(editable)
        self.add_button.setVisible(bool(draft.uncovered))
        self.add_button.setEnabled(editable)
        left = self.tr("有 %1 个列入反馈的问题不在任何事项中（编号 %2），文书中各自单列；定稿前请加入。")
        self.uncovered_label.setText(left.replace("%1", str(len(draft.uncovered)))
                                     .replace("%2", "、".join(p.number or "?" for p in draft.uncovered[:8]))
                                     if draft.uncovered else "")
        self.uncovered_label.setVisible(bool(draft.uncovered))
        wanted = current or self._shown_item
        self.items.blockSignals(True)
        self.items.clear()
        heading, number = "", 0
        for view in draft.items:
            if view.category != heading:
                heading, number = view.category, 0
            number += 1
            entry = QListWidgetItem(self._item_text(view, number))
            entry.setData(Qt.ItemDataRole.UserRole, view.id)
            entry.setToolTip(view.category)
            self.items.addItem(entry)
        self.items.blockSignals(False)
        ids = [v.id for v in draft.items]
        row = ids.index(wanted) if wanted in ids else 0
        self._shown_item = None
        if ids:
            self.items.setCurrentRow(row)
        self._show_item(self.current_view())

    def _item_text(self, view: ItemView, number: int) -> str:
        said = view.summary or (view.problems[0].statement if view.problems else "")
        head = view.category[:12] + ("…" if len(view.category) > 12 else "")
        return self.tr("【%1】%2．%3（%4个问题）").replace("%1", head).replace("%2", str(number)) \
            .replace("%3", said[:60]).replace("%4", str(len(view.problems)))

    def current_view(self) -> ItemView | None:
        entry = self.items.currentItem()
        if entry is None:
            return None
        wanted = entry.data(Qt.ItemDataRole.UserRole)
        return next((v for v in self.draft.items if v.id == wanted), None)

    def _show_item(self, view: ItemView | None) -> None:
        self._shown_item = view.id if view else None
        self.summary.setPlainText(view.summary if view else "")
        self.requirement.setPlainText(view.requirement if view else "")
        self.problems.clear()
        for problem in view.problems if view else []:
            entry = QListWidgetItem(f"{problem.number}　{problem.statement}")
            entry.setData(Qt.ItemDataRole.UserRole, problem.id)
            self.problems.addItem(entry)
        editable = self.draft.editable and view is not None
        self.up_button.setEnabled(editable and view is not None and not view.first_of_category)
        self.down_button.setEnabled(editable and view is not None and not view.last_of_category)
        self.split_button.setEnabled(editable and view is not None and len(view.problems) > 1)

    def _current_changed(self, current: QListWidgetItem | None, previous: QListWidgetItem | None) -> None:
        if previous is not None and self._item_changed():
            # The item left was changed: save it once this signal is over (saving rebuilds the list).
            left, summary, requirement = self._shown_item, self.summary.toPlainText(), self.requirement.toPlainText()
            wanted = current.data(Qt.ItemDataRole.UserRole) if current is not None else left
            assert left is not None
            QTimer.singleShot(0, lambda: self._run(
                lambda: self.controller.update_item(self.draft.id, left, summary, requirement), wanted))
        self._show_item(self.current_view())

    # ---- acting --------------------------------------------------------------------------------
    def _run(self, change: Callable[[], DraftView], current: str | None = None) -> bool:
        try:
            draft = change()
        except XunchaError as exc:
            self.message.setText(exc.text(self.lang))
            QMessageBox.warning(self, self.windowTitle(), exc.text(self.lang))
            return False
        self.message.setText("")
        self.show_draft(draft, current)
        return True

    def _item_changed(self) -> bool:
        shown = next((v for v in self.draft.items if v.id == self._shown_item), None)
        return bool(self.draft.editable and shown is not None and (
            self.summary.toPlainText().strip() != shown.summary
            or self.requirement.toPlainText().strip() != shown.requirement))

    def _save_item(self, item_id: str) -> bool:
        return self._run(lambda: self.controller.update_item(self.draft.id, item_id, self.summary.toPlainText(),
                                                             self.requirement.toPlainText()), item_id)

    def _documents_value(self) -> int | None:
        value = self.documents.value()
        return None if value == NOT_RECORDED else value

    def head_changed(self) -> bool:
        return self.draft.editable and (self.assessment.toPlainText().strip() != self.draft.assessment.strip()
                                         or self._documents_value() != self.draft.documents_reviewed)

    def save(self) -> bool:
        """Saves the 总体评价, the documents reviewed and the current item's texts (what changed)."""
        if self._shown_item is not None and self._item_changed() and not self._save_item(self._shown_item):
            return False
        if self.head_changed():
            return self._run(lambda: self.controller.save(self.draft.id, self.assessment.toPlainText().strip(),
                                                          self._documents_value()))
        return True

    def move_item(self, offset: int) -> None:
        view = self.current_view()
        if view is not None and self.save():
            self._run(lambda: self.controller.move(self.draft.id, view.id, offset), view.id)

    def merge(self) -> None:
        chosen = [e.data(Qt.ItemDataRole.UserRole) for e in self.items.selectedItems()]
        if len(chosen) < 2:
            self.message.setText(self.tr("请按住 Ctrl 或 Shift 选择至少两个事项再合并。"))
            return
        if self.save():
            self._run(lambda: self.controller.merge(self.draft.id, chosen))

    def split(self) -> None:
        view = self.current_view()
        chosen = [e.data(Qt.ItemDataRole.UserRole) for e in self.problems.selectedItems()]
        if view is None or not chosen:
            self.message.setText(self.tr("请先在“所含问题”中选择要拆出的问题。"))
            return
        if self.save():
            self._run(lambda: self.controller.split(self.draft.id, view.id, chosen), view.id)

    def add_uncovered(self) -> None:
        if self.save():
            self._run(lambda: self.controller.add_uncovered(self.draft.id))

    def step(self, status: str) -> None:
        if self.save():
            self._run(lambda: self.controller.step(self.draft.id, status))

    def preview(self) -> None:
        if self.save() and self._preview is not None:
            self._preview(self.draft)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Unsaved changes are saved on closing; a refused save keeps the dialog open with the reason."""
        if not self.save():
            event.ignore()
            return
        event.accept()
