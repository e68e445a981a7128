"""Start of the window: the application object, its language, the login dialog and the main window."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

ORGANISATION = "xuncha"
APPLICATION = "xuncha-desktop"


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (made once), named so QSettings has a home."""
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    from xuncha_desktop.ui import collector
    from xuncha_desktop.ui.icons import icon

    collector.install(app)

    app.setWindowIcon(icon("app"))
    return app


def start_language(explicit: str | None = None) -> str:
    """The language of this run: ``xuncha gui --lang`` if given, else the one saved under 设置 → 界面语言."""
    import os

    from xuncha_desktop.ui import i18n

    language = i18n.install(i18n.chosen_language(explicit))
    os.environ["XUNCHA_LANG"] = language  # the core's messages follow the window's language
    return language


def run(path: Path, lang: str | None = None, passphrase: str | None = None, user: str | None = None,
        *, smoke: bool = False) -> int:
    """Shows the login dialog (skipped when ``passphrase`` opens the workspace), then the main window.

    ``smoke`` (``xuncha gui --smoke``): quits once the main window has painted, after printing ``painted``; a
    self-test of an installation (the bundle's tests and bench/bench_startup.py). Without a passphrase that
    opens the workspace it exits 1 at once rather than wait at the login dialog.
    """
    from xuncha_desktop.errors import XunchaError

    app = application()
    language = start_language(lang)
    workspace: Any = None
    if passphrase is not None:
        # The command line has started the passphrase's key derivation on another core (keys.derive_ahead):
        # the window's modules load meanwhile, before the opening waits for the key.
        load_window_modules()
        from xuncha_desktop.workspace import Workspace, is_workspace

        if is_workspace(path):
            try:
                workspace = Workspace.open(path, passphrase, user)
            except XunchaError:
                workspace = None
    if workspace is None and smoke:
        print("smoke: the workspace did not open with the given passphrase", file=sys.stderr)
        return 1
    if workspace is None:
        from PySide6.QtCore import QTimer

        from xuncha_desktop.ui.login import LoginDialog

        dialog = LoginDialog(path, language)
        # While the person types the passphrase the window's modules load (keys typed meanwhile wait in the
        # queue, none is lost): after 打开 only the unlocking and the window itself are left.
        QTimer.singleShot(PRELOAD_AFTER_MS, load_window_modules)
        if dialog.exec() != LoginDialog.DialogCode.Accepted:
            return 1
        workspace = dialog.workspace
    from xuncha_desktop.ui.controllers.records import Controller
    from xuncha_desktop.ui.main_window import MainWindow

    window: MainWindow | None = None
    try:
        window = MainWindow(Controller(workspace, language))
        if smoke:
            quit_after_first_paint(window)
        window.show()
        return int(app.exec())
    finally:
        if window is not None:  # closed, so its idle lock and timers stop with it (smoke quits with it open)
            window.close()
            window.deleteLater()
        workspace.close()


PRELOAD_AFTER_MS = 150  # the login dialog is painted first


def load_window_modules() -> None:
    from xuncha_desktop.ui import main_window  # noqa: F401


def quit_after_first_paint(widget: QWidget) -> None:
    """Prints ``painted``, then what 关于 would show (version, build date, the number of libraries whose licences
    it lists), and quits the application once ``widget`` has been painted (its children paint in the same
    pass)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if watched is widget and event.type() == QEvent.Type.Paint:
                widget.removeEventFilter(self)
                print("painted", flush=True)
                # then what 关于 would show, so an installation's self-test also proves the licences are there
                # (after the paint: reading the libraries' metadata is no part of the start-up)
                from xuncha_desktop.ui.controllers import about

                print(f"about: {about.program_version()}, {about.build_date() or 'source'}, "
                      f"{len(about.libraries())} libraries", flush=True)
                QTimer.singleShot(0, QCoreApplication.quit)
            return False

    widget.installEventFilter(FirstPaint(widget))
