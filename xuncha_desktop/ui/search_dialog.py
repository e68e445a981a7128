"""The global search's answer: one branch per kind with its count, each hit with its unit, more on demand."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from xuncha_desktop.ui.controllers.records import Controller, Hit, HitGroup
from xuncha_desktop.ui.screen_fit import resize_to_fit

# What a row of the tree stands for: a hit (kind, id), or the "more" row of a kind.
HIT_ROLE = Qt.ItemDataRole.UserRole
MORE_ROLE = Qt.ItemDataRole.UserRole + 1


class SearchDialog(QDialog):
    """Results of the global search; Enter or double-click opens a record, or reads more of a kind."""

    def __init__(self, parent: QWidget, controller: Controller, text: str,
                 open_record: Callable[[str, str], object]) -> None:
        super().__init__(parent)
        self.controller = controller
        self.text = text
        self._open_record = open_record
        self.setObjectName("search_results")
        self.setWindowTitle(self.tr("检索：%1").replace("%1", text))
        layout = QVBoxLayout(self)
        self.groups = controller.search(text)
        self.branches: dict[str, QTreeWidgetItem] = {}
        total = sum(group.count for group in self.groups)
        self.summary = QLabel(self._summary(total))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tree = QTreeWidget()
        self.tree.setObjectName("search_tree")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("记录"), self.tr("被巡察单位"), self.tr("摘录")])
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 220)
        header.resizeSection(1, 200)
        for group in self.groups:
            self._add_group(group)
        self.tree.itemActivated.connect(self.activate)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        # Enter belongs to the tree (open a hit, read more of a kind): the tree passes it on to the dialog,
        # which would otherwise press 关闭 as its default button. Esc closes.
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)
        close.setDefault(False)
        layout.addWidget(buttons)
        if self.groups:
            self.tree.setCurrentItem(self.rows(self.groups[0].kind)[0])
        self.tree.setFocus()
        resize_to_fit(self, 900, 520)

    def _summary(self, total: int) -> str:
        if not self.groups:
            return self.tr("没有找到包含“%1”的记录。").replace("%1", self.text)
        parts = "　".join(f"{group.label} {self._count(group)}" for group in self.groups)
        found = self.tr("找到 %n 条记录", "", total)
        if any(group.capped for group in self.groups):
            found = self.tr("找到 %n 条以上记录", "", total)
        return found + self.tr("：%1").replace("%1", parts)

    @staticmethod
    def _count(group: HitGroup) -> str:
        return f"{group.count}+" if group.capped else str(group.count)

    def _add_group(self, group: HitGroup) -> None:
        branch = QTreeWidgetItem(self.tree, [f"{group.label}（{self._count(group)}）"])
        self.branches[group.kind] = branch
        branch.setFirstColumnSpanned(True)
        branch.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = branch.font(0)
        font.setBold(True)
        branch.setFont(0, font)
        for hit in group.hits:
            self._add_hit(branch, hit)
        self._add_more(branch, group)
        branch.setExpanded(True)

    @staticmethod
    def _add_hit(branch: QTreeWidgetItem, hit: Hit, before: int | None = None) -> None:
        item = QTreeWidgetItem([hit.title, hit.unit, hit.snippet])
        item.setData(0, HIT_ROLE, (hit.kind, hit.id))
        item.setToolTip(2, hit.snippet)
        if before is None:
            branch.addChild(item)
        else:
            branch.insertChild(before, item)

    def _add_more(self, branch: QTreeWidgetItem, group: HitGroup) -> None:
        left = group.count - len(group.hits)
        if left > 0 or group.capped:
            more = QTreeWidgetItem([self.tr("显示更多（还有 %n 条以上）…", "", left) if group.capped
                                    else self.tr("显示更多（还有 %n 条）…", "", left)])
            more.setFirstColumnSpanned(True)
            more.setData(0, MORE_ROLE, group.kind)
            more.setForeground(0, self.palette().link())
            branch.addChild(more)

    def activate(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        target = item.data(0, HIT_ROLE)
        if target:
            self.accept()
            self._open_record(*target)
            return
        kind = item.data(0, MORE_ROLE)
        if kind:
            self.show_more(item, kind)

    def rows(self, kind: str) -> list[QTreeWidgetItem]:
        """The rows under a kind's branch: its hits read so far, then the "more" row if any is left."""
        branch = self.branches[kind]
        return [item for item in map(branch.child, range(branch.childCount())) if item is not None]

    def show_more(self, more: QTreeWidgetItem, kind: str) -> None:
        group = next(g for g in self.groups if g.kind == kind)
        branch = self.branches[kind]
        at = branch.indexOfChild(more)
        hits = self.controller.search_more(self.text, kind, len(group.hits))
        branch.removeChild(more)
        for offset, hit in enumerate(hits):
            self._add_hit(branch, hit, at + offset)
        group.hits.extend(hits)
        if hits:
            self._add_more(branch, group)
            self.tree.setCurrentItem(self.rows(kind)[at])
