"""The main window: navigation on the left, one page per record family, search always at hand.

It offers only what the person's role may do (``services/permissions.py``, asked through the controller):
新建 and adding evidence for the families the role may edit, the documents for roles that may issue them,
sync buttons for roles that may exchange packages or settle conflicts, and 帮助 → 审计日志 for roles that may
read the audit log. The services refuse the rest anyway; the window only keeps from offering it."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from xuncha_desktop import local_time
from xuncha_desktop.errors import XunchaError
from xuncha_desktop.services.feedback_drafts import DraftView
from xuncha_desktop.services.permissions import Action
from xuncha_desktop.ui import help_dialogs, i18n, office_files, settings
from xuncha_desktop.ui.audit_view import AuditDialog
from xuncha_desktop.ui.controllers.login import wait_after_failure
from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.ui.controllers.reports import PdfJob
from xuncha_desktop.ui.editor import RecordEditor
from xuncha_desktop.ui.evidence_editor import EvidenceEditor
from xuncha_desktop.ui.evidence_viewer import EvidenceViewer, open_viewer
from xuncha_desktop.ui.feedback_draft_editor import FeedbackDraftDialog
from xuncha_desktop.ui.font_settings import FontSettingsWidget
from xuncha_desktop.ui.icons import icon
from xuncha_desktop.ui.idle_lock import IdleLock
from xuncha_desktop.ui.interview_editor import InterviewEditor
from xuncha_desktop.ui.office_view import OfficePage
from xuncha_desktop.ui.pages import DashboardPage, EvidencePage, ListPage, TabbedPage
from xuncha_desktop.ui.report_preview import preview_feedback, preview_report
from xuncha_desktop.ui.screen_fit import open_sized, resize_to_fit
from xuncha_desktop.ui.search_dialog import SearchDialog
from xuncha_desktop.ui.sync_page import SyncPage

# The pages that list no record family, first and last in the navigation; the record pages between them come
# from the families' descriptors (``Controller.nav_pages``), in their order.
DASHBOARD, OFFICE, SYNC = "dashboard", "office", "sync"


class MainWindow(QMainWindow):
    def __init__(self, controller: Controller, offer_drafts: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.offer_drafts = offer_drafts
        self.controller = controller
        self.drafts = controller.drafts
        self.editors: list[RecordEditor] = []
        self.viewers: list[EvidenceViewer] = []
        self._closing = False  # a close waits for the forms asking about unsaved changes
        info = controller.about()
        self.setWindowTitle(self.tr("巡察外业桌面端 — %1").replace("%1", info.device_name))
        self.setObjectName("main_window")

        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setMinimumWidth(120)
        self.stack = QStackedWidget()
        # The pages built so far, and their record lists by family. A record page (and 巡察办总览) is built when
        # first shown or asked for (page(), list_of()): the window opens after reading one page, not twelve.
        self.pages: dict[str, QWidget] = {}
        self.lists: dict[str, ListPage] = {}
        # the record families' pages as the registry orders them, labelled in the controller's language
        self.record_pages = {entry.key: entry for entry in controller.nav_pages()}
        # (key, label, icon) of every page in navigation order: the dashboard, the record pages, the sync page
        self.page_entries = self._page_entries()
        self.page_keys = [key for key, _label, _icon in self.page_entries]
        for _key, label, icon_name in self.page_entries:
            self.stack.addWidget(QWidget())  # its place, until the page is built
            item = QListWidgetItem(icon(icon_name), label)
            item.setSizeHint(QSize(0, 34))
            self.nav.addItem(item)
        for key in (DASHBOARD, SYNC):  # the first page shown, and the one the menus' sync actions drive
            self.page(key)
        self.nav.currentRowChanged.connect(self._show_row)
        self.nav.currentRowChanged.connect(lambda _row: self._update_new_action())
        splitter = QSplitter()
        splitter.addWidget(self.nav)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setCollapsible(0, False)
        splitter.setSizes([170, 1100])
        self.setCentralWidget(splitter)

        self._make_actions()
        self._make_status_bar()
        self._apply_role()
        self.nav.setCurrentRow(0)
        self.restore_geometry()
        # idle or after a suspend: cover everything and ask the passphrase again (ui/idle_lock.py)
        self.idle_lock = IdleLock(self, controller.check_passphrase, info.user_name, controller.lang,
                                  wait_after=functools.partial(wait_after_failure, Path(info.path)))

    # ---- building ------------------------------------------------------------------------------
    def _page_entries(self) -> list[tuple[str, str, str]]:
        if {DASHBOARD, OFFICE, SYNC} & self.record_pages.keys():
            raise ValueError(f"a record family's page may not be called {DASHBOARD!r}, {OFFICE!r} or {SYNC!r}")
        # 巡察办总览 only for the roles that may see it (view_overview)
        office = [(OFFICE, self.tr("巡察办总览"), "office")] if self.controller.may(Action.VIEW_OVERVIEW) else []
        return [(DASHBOARD, self.tr("工作台"), "dashboard"), *office,
                *((entry.key, entry.label, entry.icon) for entry in self.record_pages.values()),
                (SYNC, self.tr("同步"), "sync")]

    def _make_page(self, key: str) -> QWidget:
        # Each page is the stack's child from the start: a widget made without a parent is a window of its
        # own until placed, and one made while the idle lock covers the window took the focus from it.
        if key == DASHBOARD:
            dashboard = DashboardPage(self.controller, self.stack)
            dashboard.open_list.connect(self.open_filtered)
            dashboard.open_record.connect(self.open_record)
            return dashboard
        if key == OFFICE:
            office = OfficePage(self.controller, self.stack)
            office.open_list.connect(self.open_filtered)
            office.open_record.connect(self.open_record)
            return office
        if key == SYNC:
            sync_page = SyncPage(self.controller.sync, self.stack)
            sync_page.data_changed.connect(self.refresh_all)
            return sync_page
        kinds = self.record_pages[key].kinds
        if len(kinds) > 1:  # families sharing a page are its tabs
            page = TabbedPage(self.controller, key, kinds, self.stack)
            for kind, list_page in page.lists.items():
                self._wire(kind, list_page)
            return page
        [kind] = kinds
        if kind == "evidence":  # files: thumbnails, dropping files, the viewer
            evidence_page = EvidencePage(self.controller, self.stack)
            evidence_page.view_file.connect(self.view_evidence)
            self._wire(kind, evidence_page)
            return evidence_page
        list_page = ListPage(self.controller, kind, self.stack)
        self._wire(kind, list_page)
        return list_page

    def page(self, key: str) -> QWidget:
        """The page ``key``, built the first time it is asked for (shown, or read by a test or a menu)."""
        built = self.pages.get(key)
        if built is not None:
            return built
        built = self._make_page(key)
        index = self.page_keys.index(key)
        placeholder = self.stack.widget(index)
        assert placeholder is not None
        current = self.stack.currentIndex()  # the same place, whether or not it was the placeholder's
        self.stack.insertWidget(index, built)
        self.stack.removeWidget(placeholder)
        placeholder.deleteLater()
        self.stack.setCurrentIndex(current)
        self.pages[key] = built
        if isinstance(built, TabbedPage):
            built.tabs.currentChanged.connect(lambda _index: self._update_new_action())
        return built

    def build_pages(self) -> None:
        """Builds every page not built yet (the screenshot tool and the layout checks look at all of them)."""
        for key in self.page_keys:
            self.page(key)

    def list_kinds(self) -> list[str]:
        """Every family that has a list in the window, in navigation order."""
        return [kind for entry in self.record_pages.values() for kind in entry.kinds]

    def list_of(self, kind: str) -> ListPage:
        """The list of ``kind`` (built if its page was not yet), without showing it."""
        self.page(self.page_of(kind))
        return self.lists[kind]

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.page_keys):
            self.page(self.page_keys[row])
        self.stack.setCurrentIndex(row)

    def _wire(self, kind: str, page: ListPage) -> None:
        self.lists[kind] = page
        page.open_record.connect(self.open_record)
        page.new_record.connect(self.new_record)

    def _make_actions(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("文件(&F)"))
        self.new_action = QAction(icon("new"), self.tr("新建记录"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self._new_on_page)
        file_menu.addAction(self.new_action)
        self.evidence_action = QAction(icon("evidence"), self.tr("添加证据文件…"), self)
        self.evidence_action.setShortcut(QKeySequence("Ctrl+E"))
        self.evidence_action.triggered.connect(lambda: self._evidence_page().create_record())
        file_menu.addAction(self.evidence_action)
        self.view_evidence_action = QAction(self.tr("查看所选证据文件"), self)
        self.view_evidence_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.view_evidence_action.triggered.connect(self.view_selected_evidence)
        file_menu.addAction(self.view_evidence_action)
        self.refresh_action = QAction(icon("refresh"), self.tr("刷新"), self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh_all)
        file_menu.addAction(self.refresh_action)
        file_menu.addSeparator()
        # the office's and the laptops' daily exchange, from any page (the 同步 page does the work)
        self.export_action = QAction(self.tr("导出同步包…"), self)
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_action.triggered.connect(lambda: self._on_sync_page().export_package())
        file_menu.addAction(self.export_action)
        self.import_action = QAction(self.tr("导入同步包…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+Shift+I"))
        self.import_action.triggered.connect(lambda: self._on_sync_page().import_package())
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("退出"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        edit_menu = menu.addMenu(self.tr("查找(&S)"))
        self.search_action = QAction(icon("search"), self.tr("全局检索"), self)
        self.search_action.setShortcut(QKeySequence.StandardKey.Find)
        self.search_action.triggered.connect(self.focus_search)
        edit_menu.addAction(self.search_action)

        view_menu = menu.addMenu(self.tr("视图(&V)"))
        for number, (key, label, icon_name) in enumerate(self.page_entries, 1):
            action = QAction(icon(icon_name), label, self)
            if number <= 9:  # Ctrl+1 … Ctrl+9; pages beyond the ninth are reached by the menu or the list
                action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _=False, k=key: self.show_page(k))
            view_menu.addAction(action)

        settings_menu = menu.addMenu(self.tr("设置(&T)"))
        language_menu = settings_menu.addMenu(self.tr("界面语言(&L)"))
        language_menu.setObjectName("language_menu")
        group = QActionGroup(self)
        # what the next start will use: the saved choice (a --lang of this run does not change it)
        current = i18n.chosen_language()
        self.language_actions: dict[str, QAction] = {}
        for code, name in i18n.LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(current == code)
            action.triggered.connect(lambda _=False, c=code: self._choose_language(c))
            group.addAction(action)
            language_menu.addAction(action)
            self.language_actions[code] = action

        documents_menu = menu.addMenu(self.tr("文书(&D)"))
        self.feedback_action = QAction(self.tr("巡察反馈意见…"), self)
        self.feedback_action.triggered.connect(self.make_feedback_report)
        documents_menu.addAction(self.feedback_action)
        self.feedback_draft_action = QAction(self.tr("反馈意见稿（编写、审核）…"), self)
        self.feedback_draft_action.setObjectName("feedback_draft")
        self.feedback_draft_action.triggered.connect(self.edit_feedback_draft)
        documents_menu.addAction(self.feedback_draft_action)
        self.supervision_action = QAction(self.tr("整改督查报告…"), self)
        self.supervision_action.triggered.connect(self.make_supervision_report)
        documents_menu.addAction(self.supervision_action)
        self.situation_action = QAction(self.tr("巡察情况报告…"), self)
        self.situation_action.triggered.connect(self.make_situation_report)
        documents_menu.addAction(self.situation_action)
        self.transfer_action = QAction(self.tr("问题线索移交函…"), self)
        self.transfer_action.triggered.connect(self.make_transfer_letter)
        documents_menu.addAction(self.transfer_action)
        self.receipt_action = QAction(self.tr("登记线索移交签收…"), self)
        self.receipt_action.triggered.connect(self.record_transfer_receipt)
        documents_menu.addAction(self.receipt_action)
        self.record_document_action = QAction(self.tr("所选记录的文书（谈话记录、问题底稿）"), self)
        self.record_document_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.record_document_action.triggered.connect(self.make_record_document)
        documents_menu.addAction(self.record_document_action)
        documents_menu.addSeparator()
        # the office's everyday files (ui/office_files.py), as `xuncha ledger export` / `xuncha petitions import`
        self.ledger_action = QAction(self.tr("导出问题清单/整改台账…"), self)
        self.ledger_action.triggered.connect(lambda: office_files.export_ledger(self, self.controller))
        documents_menu.addAction(self.ledger_action)
        self.ledger_import_action = QAction(self.tr("导入单位填报的整改台账…"), self)
        self.ledger_import_action.triggered.connect(self._import_ledger)
        documents_menu.addAction(self.ledger_import_action)
        self.petition_import_action = QAction(self.tr("导入信访台账…"), self)
        self.petition_import_action.triggered.connect(self._import_petitions)
        documents_menu.addAction(self.petition_import_action)
        documents_menu.addSeparator()
        fonts_action = QAction(self.tr("文书字体…"), self)
        fonts_action.triggered.connect(self.show_font_settings)
        documents_menu.addAction(fonts_action)

        help_menu = menu.addMenu(self.tr("帮助(&H)"))
        self.shortcuts_action = QAction(self.tr("快捷键…"), self)
        self.shortcuts_action.setShortcut(QKeySequence.StandardKey.HelpContents)  # F1
        self.shortcuts_action.triggered.connect(lambda: self._show_help(help_dialogs.ShortcutsDialog(self)))
        help_menu.addAction(self.shortcuts_action)
        self.audit_action = QAction(self.tr("审计日志…"), self)
        self.audit_action.setObjectName("audit_log")
        self.audit_action.triggered.connect(self.show_audit_log)
        help_menu.addAction(self.audit_action)
        help_menu.addSeparator()
        about = QAction(self.tr("关于…"), self)
        about.triggered.connect(lambda: self._show_help(help_dialogs.AboutDialog(self)))
        help_menu.addAction(about)

        toolbar = QToolBar(self.tr("工具栏"))
        toolbar.setObjectName("toolbar")
        toolbar.setIconSize(QSize(20, 20))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addAction(self.new_action)
        toolbar.addAction(self.evidence_action)
        toolbar.addAction(self.refresh_action)
        toolbar.addSeparator()
        self.search_box = QLineEdit()
        self.search_box.setObjectName("global_search")
        self.search_box.setPlaceholderText(self.tr("检索全部记录 (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMaximumWidth(320)
        self.search_box.returnPressed.connect(self.run_search)
        toolbar.addWidget(self.search_box)
        self.addToolBar(toolbar)

    def _make_status_bar(self) -> None:
        info = self.controller.about()
        bar = self.statusBar()
        self.workspace_label = QLabel(self.tr("工作区：%1").replace("%1", info.path))
        self.device_label = QLabel(self.tr("设备：%1").replace("%1", info.device_name))
        self.user_label = QLabel(self.tr("使用人：%1（%2）").replace("%1", info.user_name).replace("%2", info.role))
        self.save_label = QLabel(self.tr("已保存"))
        self.save_label.setObjectName("save_state")
        for label in (self.workspace_label, self.device_label, self.user_label):
            bar.addWidget(label)
        bar.addPermanentWidget(self.save_label)

    def _on_sync_page(self) -> SyncPage:
        page = self.show_page(SYNC)
        assert isinstance(page, SyncPage)
        return page

    # ---- what the role may do ------------------------------------------------------------------
    def _apply_role(self) -> None:
        """Hides or disables what the person's role may not do (the services would refuse it)."""
        may = self.controller.may
        self.evidence_action.setEnabled(self.controller.may_edit("evidence"))
        documents = may(Action.ISSUE_DOCUMENTS)
        self.feedback_action.setEnabled(documents)
        self.feedback_draft_action.setEnabled(documents or self.controller.may_edit("feedback_draft"))
        self.supervision_action.setEnabled(documents)
        self.situation_action.setEnabled(documents)
        self.transfer_action.setEnabled(documents)
        self.receipt_action.setEnabled(may(Action.DISPOSE))
        self.ledger_action.setEnabled(documents)
        self.petition_import_action.setEnabled(self.controller.may_edit("petition"))
        self.ledger_import_action.setEnabled(self.controller.may_edit("problem"))
        # an interview's record is printed by whoever records interviews; a paper's sheet is a document
        self.record_document_action.setEnabled(documents or self.controller.may_edit("interview"))
        self.audit_action.setVisible(self.controller.audit.allowed())
        sync_page = self.pages[SYNC]
        assert isinstance(sync_page, SyncPage)
        for button in (sync_page.export_button, sync_page.import_button, sync_page.trust_button):
            button.setVisible(may(Action.EXCHANGE_PACKAGES))
        self.export_action.setEnabled(may(Action.EXCHANGE_PACKAGES))
        self.import_action.setEnabled(may(Action.EXCHANGE_PACKAGES))
        for button in (sync_page.keep_here_button, sync_page.keep_incoming_button, sync_page.edit_button):
            button.setVisible(may(Action.SETTLE_CONFLICTS))
        self._update_new_action()

    def _current_list(self) -> ListPage | None:
        page = self.stack.currentWidget()
        if isinstance(page, TabbedPage):
            page = page.tabs.currentWidget()
        return page if isinstance(page, ListPage) else None

    def _editable_kinds(self) -> list[str]:
        return [kind for entry in self.controller.nav_pages() for kind in entry.kinds if self.controller.may_edit(kind)]

    def _update_new_action(self) -> None:
        """新建记录 (Ctrl+N) works where the role may create: the current list's family, or any on the other pages."""
        page = self._current_list()
        self.new_action.setEnabled(self.controller.may_edit(page.kind) if page is not None
                                   else bool(self._editable_kinds()))

    def show_audit_log(self) -> AuditDialog | None:
        """帮助 → 审计日志: the entries, filters by person and action, and the check of every device's log."""
        if not self.controller.audit.allowed():
            return None
        dialog = AuditDialog(self.controller.audit, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        resize_to_fit(dialog, 1000, 620)
        dialog.open()
        return dialog

    # ---- navigation ----------------------------------------------------------------------------
    def show_page(self, key: str) -> QWidget:
        self.nav.setCurrentRow(self.page_keys.index(key))
        return self.page(key)

    def page_of(self, kind: str) -> str:
        return self.controller.page_of(kind)

    def list_page(self, kind: str) -> ListPage:
        page = self.show_page(self.page_of(kind))
        if isinstance(page, TabbedPage):
            page.tabs.setCurrentWidget(page.lists[kind])
        return self.lists[kind]

    def _evidence_page(self) -> EvidencePage:
        page = self.list_of("evidence")
        assert isinstance(page, EvidencePage)
        return page

    def open_filtered(self, kind: str, name: str, code: str) -> None:
        self.list_page(kind).set_filter(name, code)

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def run_search(self) -> SearchDialog | None:
        text = self.search_box.text().strip()
        if not text:
            return None
        dialog = SearchDialog(self, self.controller, text, self.open_record)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ---- documents ---------------------------------------------------------------------------
    def _import_petitions(self) -> None:
        report = office_files.import_petition_ledger(self, self.controller)
        if report is not None and report.imported:
            self.refresh_all()

    def _import_ledger(self) -> None:
        report = office_files.import_problem_ledger(self, self.controller)
        if report is not None and report.applied:
            self.refresh_all()

    def _choose(self, title: str, label: str, choices: list[tuple[str, str]]) -> str | None:
        """A record id picked from ``choices`` ((id, title) pairs), or None when cancelled."""
        if not choices:
            QMessageBox.information(self, title, self.tr("没有可选的记录。"))
            return None
        names = [name for _id, name in choices]
        picked, ok = QInputDialog.getItem(self, title, label, names, 0, False)
        return choices[names.index(picked)][0] if ok and picked in names else None

    def make_feedback_report(self) -> PdfJob | None:
        """巡察反馈意见 of a unit (its latest round, or the round picked), previewed before saving."""
        title = self.tr("巡察反馈意见")
        chosen = self._choose_unit_and_round(title)
        if chosen is None:
            return None
        unit_id, round_id = chosen
        return preview_feedback(self, self.controller.reports, unit_id, title, round_id=round_id)

    def _choose_unit_and_round(self, title: str) -> tuple[str, str | None] | None:
        """A unit, then its round: the unit's latest (None) or one picked; None when either is cancelled."""
        unit_id = self._choose(title, self.tr("被巡察单位："), self.controller.ref_choices("unit"))
        if unit_id is None:
            return None
        rounds = [("", self.tr("（该单位最近一轮）")), *self.controller.ref_choices("round")]
        round_id = self._choose(title, self.tr("巡察轮次："), rounds)
        if round_id is None:
            return None
        return unit_id, round_id or None

    def edit_feedback_draft(self) -> FeedbackDraftDialog | None:
        """The unit's 反馈意见稿 in a round, made from its problems first if it has none (asked)."""
        title = self.tr("反馈意见稿")
        chosen = self._choose_unit_and_round(title)
        if chosen is None:
            return None
        unit_id, picked_round = chosen
        drafts = self.controller.feedback_drafts
        try:
            round_id, draft = drafts.find(unit_id, picked_round)
            if draft is None:
                if not self.controller.may_edit("feedback_draft"):
                    QMessageBox.information(self, title, self.tr("该单位在本轮巡察中还没有反馈意见稿。"))
                    return None
                asked = QMessageBox.question(
                    self, title, self.tr("该单位在本轮巡察中还没有反馈意见稿。由列入反馈的问题生成一份？"))
                if asked != QMessageBox.StandardButton.Yes:
                    return None
                draft = drafts.create(unit_id, round_id)
        except XunchaError as exc:
            QMessageBox.warning(self, title, exc.text(self.controller.lang))
            return None
        reports = self.controller.reports

        def preview(view: DraftView) -> None:
            preview_feedback(self, reports, view.unit_id, self.tr("巡察反馈意见"), round_id=view.round_id)

        dialog = FeedbackDraftDialog(drafts, draft, self.controller.lang, preview=preview, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def make_supervision_report(self) -> PdfJob | None:
        title = self.tr("整改督查报告")
        round_id = self._choose(title, self.tr("整改督查轮次："), self.controller.ref_choices("round"))
        if round_id is None:
            return None
        work = functools.partial(self.controller.reports.supervision_pdf, round_id)
        return preview_report(self, title, work, lang=self.controller.lang)

    def make_situation_report(self) -> PdfJob | None:
        """巡察情况报告 of a unit (its latest round, or the round picked) with the marking picked, previewed."""
        title = self.tr("巡察情况报告")
        chosen = self._choose_unit_and_round(title)
        if chosen is None:
            return None
        unit_id, round_id = chosen
        markings = [("机密", self.tr("机密")), ("秘密", self.tr("秘密")), ("内部", self.tr("内部")),
                    ("", self.tr("（不标注）"))]
        marking = self._choose(title, self.tr("密级或标注："), markings)
        if marking is None:
            return None
        reports = self.controller.reports
        work = functools.partial(reports.situation_pdf, unit_id, round_id, marking or None)
        writer = functools.partial(reports.situation_docx, unit_id=unit_id, round_id=round_id,
                                   marking=marking or None)
        return preview_report(self, title, work, None, writer, lang=self.controller.lang)

    def make_transfer_letter(self) -> PdfJob | None:
        """问题线索移交函 and its 移交清单 of a transfer, previewed."""
        title = self.tr("问题线索移交函")
        transfer_id = self._choose(title, self.tr("问题线索移交："), self.controller.ref_choices("clue_transfer"))
        if transfer_id is None:
            return None
        reports = self.controller.reports
        work = functools.partial(reports.transfer_pdf, transfer_id)
        writer = functools.partial(reports.transfer_docx, transfer_id=transfer_id)
        return preview_report(self, title, work, None, writer, lang=self.controller.lang)

    def record_transfer_receipt(self) -> int | None:
        """The receiving body signed for a transfer: who, and when (now unless typed); its clues become 移交."""
        title = self.tr("登记线索移交签收")
        transfer_id = self._choose(title, self.tr("尚未签收的移交："), self.controller.reports.open_transfers())
        if transfer_id is None:
            return None
        who, ok = QInputDialog.getText(self, title, self.tr("签收人："))
        if not ok:
            return None
        when, ok = QInputDialog.getText(self, title, self.tr("签收时间（如 2020-07-02 10:00）："),
                                        text=local_time.text(local_time.now()))
        if not ok:
            return None
        try:
            moved = self.controller.reports.receive_transfer(transfer_id, who, when.strip() or None)
        except XunchaError as error:
            QMessageBox.warning(self, title, error.text(self.controller.lang))
            return None
        QMessageBox.information(self, title, self.tr("已登记签收，%1 条线索转为“移交”。").replace("%1", str(moved)))
        self.refresh_all()
        return moved

    def make_record_document(self) -> PdfJob | None:
        """The document of the record selected in the current list: an interview's record or a paper."""
        page = self.stack.currentWidget()
        reports = self.controller.reports
        makers = {"interview": (self.tr("谈话记录"), reports.interview_pdf),
                  "paper": (self.tr("问题底稿"), reports.paper_pdf)}
        if not isinstance(page, ListPage) or page.kind not in makers:
            QMessageBox.information(self, self.tr("文书"),
                                    self.tr("请先在“个别谈话”或“问题底稿”列表中选中一条记录。"))
            return None
        index = page.view.currentIndex()
        record_id = page.model.record_id(index.row()) if index.isValid() else None
        if record_id is None:
            QMessageBox.information(self, self.tr("文书"), self.tr("请先选中一条记录。"))
            return None
        title, maker = makers[page.kind]
        work = functools.partial(maker, record_id)
        return preview_report(self, title, work, lang=self.controller.lang)

    def show_font_settings(self) -> QDialog:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("文书字体"))
        layout = QVBoxLayout(dialog)
        layout.addWidget(FontSettingsWidget())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)  # it had no way out but the title bar
        close.rejected.connect(dialog.reject)
        layout.addWidget(close)
        resize_to_fit(dialog, 760, 400)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _new_on_page(self) -> None:
        """新建记录 (Ctrl+N): a record of the current list's kind; on a page without one (工作台, 同步), asks
        which kind."""
        page = self._current_list()
        if page is not None:
            page.create_record()
            return
        kinds = [(self.controller.kind_label(kind), kind) for kind in self._editable_kinds()]
        if not kinds:
            return
        label, chosen = QInputDialog.getItem(self, self.tr("新建记录"), self.tr("新建哪一类记录？"),
                                             [text for text, _kind in kinds], 0, False)
        if chosen:
            kind = dict(kinds)[label]
            if kind == "evidence":
                self.list_page(kind).create_record()
            else:
                self.show_page(self.page_of(kind))
                self.new_record(kind)

    # ---- editors -------------------------------------------------------------------------------
    def _editor(self, kind: str, record_id: str | None, defaults: dict[str, Any] | None = None,
                draft_key: str | None = None) -> RecordEditor:
        editor: RecordEditor
        if kind == "interview":
            editor = InterviewEditor(self.controller, self.drafts, record_id, defaults, draft_key, self)
            editor.draft_saved.connect(self._draft_saved)
            # 不保存 means the typing is not wanted: its autosaved draft must not come back at the next start
            editor.discarded.connect(lambda e=editor: self.drafts.discard(e.draft_key))
        elif kind == "evidence":
            editor = EvidenceEditor(self.controller, record_id, defaults, self)
        else:
            editor = RecordEditor(self.controller, kind, record_id, defaults, self)
        editor.saved.connect(self._record_saved)
        editor.navigate.connect(self.open_record)
        editor.finished.connect(lambda _r, e=editor: self._editor_closed(e))
        editor.close_kept.connect(self._close_cancelled)
        self.editors.append(editor)
        editor.show()
        return editor

    def _editor_closed(self, editor: RecordEditor) -> None:
        if editor in self.editors:
            self.editors.remove(editor)
        if self._closing and not self.editors:
            QTimer.singleShot(0, self, self.close)  # every form has been answered: finish closing the window

    def _close_cancelled(self) -> None:
        self._closing = False

    def open_record(self, kind: str, record_id: str) -> RecordEditor:
        """Shows the record's list page and opens its editor (the target of search hits and links)."""
        page = self.list_page(kind)
        page.select_record(record_id)
        for editor in self.editors:
            if editor.kind == kind and editor.record_id == record_id:
                editor.raise_()
                editor.activateWindow()
                return editor
        return self._editor(kind, record_id)

    def view_evidence(self, record_id: str) -> EvidenceViewer | None:
        """Shows an evidence file in the viewer (one viewer per record); the look goes into its custody."""
        for shown in self.viewers:
            if shown.record_id == record_id:
                shown.raise_()
                shown.activateWindow()
                return shown
        viewer = open_viewer(self, self.controller.evidence, record_id)
        if viewer is None:
            return None
        self.viewers.append(viewer)
        viewer.finished.connect(lambda _r, v=viewer: self.viewers.remove(v) if v in self.viewers else None)
        viewer.custody_changed.connect(self._custody_changed)
        self._custody_changed(record_id)
        return viewer

    def view_selected_evidence(self) -> EvidenceViewer | None:
        """文件 → 查看所选证据文件: the file of the row selected in the evidence list (Enter there does the same)."""
        page = self._evidence_page()
        index = page.view.currentIndex()
        record_id = page.model.record_id(index.row()) if index.isValid() else None
        if record_id is None:
            QMessageBox.information(self, self.tr("查看所选证据文件"),
                                    self.tr("请先在“证据材料”列表中选中一条记录。"))
            return None
        return self.view_evidence(record_id)

    def _custody_changed(self, record_id: str) -> None:
        for editor in self.editors:
            if isinstance(editor, EvidenceEditor) and editor.record_id == record_id:
                editor.load_custody()

    def new_record(self, kind: str, defaults: dict[str, Any] | None = None) -> RecordEditor:
        return self._editor(kind, None, defaults or {})

    def _draft_saved(self) -> None:
        self.save_label.setText(self.tr("草稿已自动保存（未保存到数据库）"))

    def _record_saved(self, kind: str, _record_id: str) -> None:
        if kind in self.lists:
            self.lists[kind].refresh()
        self.save_label.setText(self.tr("已保存"))

    def refresh_all(self) -> None:
        for page in self.lists.values():
            page.refresh()
        dashboard = self.pages[DASHBOARD]
        assert isinstance(dashboard, DashboardPage)
        dashboard.refresh()
        office = self.pages.get(OFFICE)
        if isinstance(office, OfficePage):
            office.refresh_if_shown()

    def restore_drafts(self, ask: bool = True) -> list[RecordEditor]:
        """Reopens every interview left as a draft by a crash (after asking, unless ``ask`` is False)."""
        keys = self.drafts.keys()
        if not keys:
            return []
        if ask:
            answer = QMessageBox.question(
                self, self.tr("恢复草稿"),
                self.tr("发现 %n 份未保存的谈话记录草稿（程序上次可能意外退出）。现在恢复吗？", "", len(keys)))
            if answer != QMessageBox.StandardButton.Yes:
                return []
        opened = []
        for key in keys:
            draft = self.drafts.load(key) or {}
            record_id = draft.get("record_id")
            opened.append(self._editor("interview", record_id, None, key))
        self.save_label.setText(self.tr("有未保存的草稿"))
        return opened

    # ---- settings ------------------------------------------------------------------------------
    def restore_geometry(self) -> None:
        geometry = settings.WINDOW_GEOMETRY.get()
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            open_sized(self, 1280, 800)  # maximised on a screen too small for it (a 1366×768 laptop)
        state = settings.WINDOW_STATE.get()
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        kept = [editor for editor in list(self.editors) if not editor.close()]
        if kept:
            # forms with unsaved changes are asking 保存 / 不保存 / 取消; the window closes when they are
            # answered, and stays if one of them is kept
            self._closing = True
            event.ignore()
            return
        self._closing = False
        evidence = self.lists.get("evidence")
        if isinstance(evidence, EvidencePage):
            evidence.shutdown()
        settings.WINDOW_GEOMETRY.set(self.saveGeometry())
        settings.WINDOW_STATE.set(self.saveState())
        for page in self.lists.values():
            page.save_columns()
        self.idle_lock.stop()  # a closed window is not watched (its filter would see every event of the app)
        super().closeEvent(event)

    def _choose_language(self, code: str) -> None:
        i18n.save_language(code)
        QMessageBox.information(self, self.tr("界面语言"), self.tr("界面语言将在下次启动时切换。"))

    @staticmethod
    def _show_help(dialog: QDialog) -> QDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.offer_drafts:
            self.offer_drafts = False
            if self.drafts.keys():
                QTimer.singleShot(0, self.restore_drafts)
