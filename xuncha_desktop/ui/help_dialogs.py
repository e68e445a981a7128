"""帮助: 关于 (version, the licences of the libraries and fonts shipped) and 快捷键 (every shortcut of the
window, read from its actions, and the keys of the record forms)."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from xuncha_desktop.ui.controllers import about
from xuncha_desktop.ui.screen_fit import resize_to_fit


def _table(headers: list[str], rows: list[list[str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(text))
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def _closing(dialog: QDialog, layout: QVBoxLayout) -> None:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle(self.tr("关于"))
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("<b>巡察外业桌面端</b> %1").replace("%1", about.program_version()))
        layout.addWidget(title)
        built = about.build_date()
        self.build = QLabel(self.tr("构建于 %1").replace("%1", built) if built else self.tr("源码运行"))
        self.build.setObjectName("build")
        layout.addWidget(self.build)
        layout.addWidget(QLabel(self.tr("离线、加密的巡察外业记录程序。")))
        layout.addWidget(QLabel(self.tr("Python %1 · Qt %2 · PySide6 %3")
                                .replace("%1", about.python_version()).replace("%2", qVersion())
                                .replace("%3", pyside_version)))
        tabs = QTabWidget()
        unknown = self.tr("（软件包未注明，见其主页）")
        self.libraries = _table([self.tr("组件"), self.tr("版本"), self.tr("许可证"), self.tr("主页")],
                                [[c.name, c.version, c.licence or unknown, c.home] for c in about.libraries()])
        self.libraries.setObjectName("libraries")
        self.fonts = _table([self.tr("字体"), self.tr("版本"), self.tr("许可证"), self.tr("许可证文本")],
                            [[c.name, c.version, c.licence, c.home] for c in about.FONTS])
        self.fonts.setObjectName("fonts")
        tabs.addTab(self.libraries, self.tr("程序库"))
        tabs.addTab(self.fonts, self.tr("内置字体"))
        layout.addWidget(tabs, 1)
        _closing(self, layout)
        resize_to_fit(self, 820, 520)


class ShortcutsDialog(QDialog):
    """Every shortcut: the window's (read from its actions, so the list cannot go stale) and the forms'."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("shortcuts")
        self.setWindowTitle(self.tr("快捷键"))
        layout = QVBoxLayout(self)
        rows: list[list[str]] = []
        seen: set[tuple[str, str]] = set()
        for action in window.findChildren(QAction):
            keys = action.shortcut()
            if keys.isEmpty() or not action.text():
                continue
            text = keys.toString(QKeySequence.SequenceFormat.NativeText)
            name = action.text().replace("&", "").rstrip("…").strip()
            if (text, name) not in seen:
                seen.add((text, name))
                rows.append([self.tr("主窗口"), text, name])
        rows.sort(key=lambda row: row[1])
        rows += [[self.tr("记录表单"), keys, what] for keys, what in (
            ("Ctrl+S", self.tr("保存")), ("Ctrl+W / Esc", self.tr("关闭（有未保存的修改时先询问）")),
        )]
        rows += [[self.tr("谈话记录"), keys, what] for keys, what in (
            ("Ctrl+Return", self.tr("下一个问题（问N：）")), ("Ctrl+Shift+Return", self.tr("回答（答：）")),
            ("Ctrl+T", self.tr("插入时间")), ("Ctrl+Shift+L", self.tr("谈话提纲")),
            ("Ctrl+Shift+H", self.tr("收起/展开谈话信息")),
        )]
        rows += [[self.tr("证据查看"), keys, what] for keys, what in (
            ("PgUp / PgDown", self.tr("上一页 / 下一页")), ("Ctrl++ / Ctrl+-", self.tr("放大 / 缩小")),
            ("Ctrl+0", self.tr("适合窗口")), ("Ctrl+1", self.tr("实际大小")), ("Ctrl+K", self.tr("校验")),
        )]
        self.table = _table([self.tr("位置"), self.tr("按键"), self.tr("作用")], rows)
        layout.addWidget(self.table, 1)
        _closing(self, layout)
        resize_to_fit(self, 640, 560)
