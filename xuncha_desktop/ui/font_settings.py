"""The settings page's font section: which font the documents use for each role, and where it comes from.

Read-only: the fonts are chosen by ``reports.fonts`` (standard system fonts when usable, else the shipped
ones); this page only shows ``font_report()``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from xuncha_desktop.reports.fonts import font_report

COLUMNS = 5  # use, standard font, font used, system or shipped, file
COLUMN_USE, COLUMN_STANDARD, COLUMN_FONT, COLUMN_SOURCE, COLUMN_FILE = range(COLUMNS)


class FontSettingsWidget(QWidget):
    """A table with one row per document role (标题, 正文, 一级标题, 二级标题, 页码) and a short explanation.

    ``report`` is ``reports.fonts.font_report()``'s list; when None it is read here (the first call scans the
    font folders, a fraction of a second).
    """

    def __init__(self, report: Sequence[dict[str, Any]] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if report is None:
            report = font_report()
        self.report = list(report)
        uses = {"title": self.tr("标题"), "body": self.tr("正文"), "heading1": self.tr("一级标题"),
                "heading2": self.tr("二级标题"), "number": self.tr("页码")}
        sources = {"system": self.tr("系统字体"), "shipped": self.tr("内置字体")}

        self.explanation = QLabel(self.tr(
            "文书按公文格式排版，每种用途使用规定的字体。程序先在本机字体文件夹中查找标准字体文件"
            "（方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312、宋体），找不到或无法嵌入时，使用随程序提供的"
            "开源字体代替。生成的 PDF 嵌入所用字体，在任何电脑上显示和打印都一样。"), self)
        self.explanation.setWordWrap(True)

        self.table = QTableWidget(len(self.report), COLUMNS, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("用途"), self.tr("规定字体"), self.tr("实际使用的字体"), self.tr("来源"), self.tr("字体文件")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        for row, entry in enumerate(self.report):
            role = str(entry.get("role", ""))
            path = Path(str(entry.get("path", "")))
            source = sources.get(str(entry.get("source", "")), str(entry.get("source", "")))
            cells = [uses.get(role, str(entry.get("role_zh", role))), str(entry.get("role_zh", "")),
                     str(entry.get("family", "")), source, path.name]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column == COLUMN_FILE:
                    item.setToolTip(str(path))
                elif column == COLUMN_FONT and entry.get("synthetic_bold"):
                    item.setToolTip(self.tr("用加粗笔画模拟的标题字体"))
                self.table.setItem(row, column, item)
        header = self.table.horizontalHeader()
        for column in (COLUMN_USE, COLUMN_STANDARD, COLUMN_FONT, COLUMN_SOURCE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMN_FILE, QHeaderView.ResizeMode.Stretch)
        self.table.resizeRowsToContents()
        frame = self.table.frameWidth() * 2
        rows_height = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        # exactly as tall as its rows: the page below stays empty rather than an empty table
        self.table.setFixedHeight(header.sizeHint().height() + rows_height + frame)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.table)
        layout.addStretch(1)

    def font_of(self, role: str) -> str:
        """The font family shown for ``role`` (e.g. "body"); empty when the role is not listed."""
        for row, entry in enumerate(self.report):
            if entry.get("role") == role:
                item = self.table.item(row, COLUMN_FONT)
                return item.text() if item is not None else ""
        return ""
