"""Screenshots of every page of the window, for the documentation and for a person to look at.

    python -m xuncha_desktop.ui.screenshots OUTDIR [--workspace DIR] [--passphrase P] [--scale 1.5]

Runs in Chinese (zh_CN) on the demo workspace (``--workspace``, else ``demo-workspace/`` of the checkout, built
first if missing). Settings are kept in a temporary folder, so the user's are untouched. Offscreen (the
default) the window is laid out as on a 1366×768 laptop; in a real session (``QT_QPA_PLATFORM=xcb`` under a
window manager: ``make screenshots`` runs it at 1366×768 and 1920×1080) it fills the screen as a maximised
window does, and every dialog is sized to fit that screen.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m xuncha_desktop.ui.screenshots")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--workspace", type=Path)
    parser.add_argument("--passphrase")
    parser.add_argument("--scale", type=float, default=1.0, help="device pixel ratio, e.g. 1.5 for 150%%")
    parser.add_argument("--lang", default="zh", choices=("zh", "en"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    os.environ["XUNCHA_LANG"] = args.lang

    from PySide6.QtCore import QSettings, Qt

    from xuncha_desktop.demo.builder import DEMO_PASSPHRASE, build_demo
    from xuncha_desktop.ui import i18n
    from xuncha_desktop.ui.app import application
    from xuncha_desktop.ui.controllers.records import Controller
    from xuncha_desktop.ui.login import LoginDialog
    from xuncha_desktop.ui.main_window import MainWindow
    from xuncha_desktop.ui.pages import EvidencePage, TabbedPage
    from xuncha_desktop.ui.screen_fit import resize_to_fit
    from xuncha_desktop.ui.thumbnails import EvidenceTableModel, media_of
    from xuncha_desktop.workspace import Workspace, is_workspace

    workspace_dir = args.workspace or Path("demo-workspace")  # `make demo` makes it in the checkout
    passphrase = args.passphrase or DEMO_PASSPHRASE
    if not is_workspace(workspace_dir):
        print(f"building the demo workspace in {workspace_dir} …", file=sys.stderr)
        build_demo(workspace_dir, passphrase)
    settings_dir = tempfile.mkdtemp(prefix="xuncha-shots-")
    # Looking at records is audited (and evidence views go into the chain of custody): work on a copy.
    shown_path = workspace_dir
    copy = Path(settings_dir) / "workspace"
    shutil.copytree(workspace_dir, copy)
    workspace_dir = copy
    app = application()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_dir)
    lang = i18n.install(args.lang)
    out: Path = args.outdir
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.scale == 1.0 else f"@{args.scale:g}x"
    written: list[Path] = []

    def shot(widget: Any, name: str) -> None:
        for _ in range(3):
            app.processEvents()
        path = out / f"{name}{suffix}.png"
        widget.grab().save(str(path))
        written.append(path)

    login = LoginDialog(shown_path, lang)
    login.show()
    shot(login, "00-login")
    login.close()

    workspace = Workspace.open(workspace_dir, passphrase)
    try:
        controller = Controller(workspace, lang)
        window = MainWindow(controller, offer_drafts=False)
        real_session = app.platformName() != "offscreen"
        if real_session:
            window.showMaximized()
            for _ in range(20):  # the window manager maximises it after a round trip or two
                app.processEvents()
        else:
            # as on a 1366×768 laptop, whatever the (offscreen) screen is: its first start would be maximised there
            window.setWindowState(Qt.WindowState.WindowNoState)
            window.resize(1366, 768)
            window.show()
        for number, key in enumerate(window.page_keys, 1):
            shown = window.show_page(key)
            if isinstance(shown, EvidencePage):
                # the painted rows ask for their thumbnails, made in the thread pool: wait for them
                for _ in range(3):
                    app.processEvents()
                thumbnails = shown.model
                assert isinstance(thumbnails, EvidenceTableModel)
                thumbnails.thumbnails.wait()
            shot(window, f"{number:02d}-{key}")
            if isinstance(shown, TabbedPage):  # the other tabs of a shared page (轮次与单位: groups, units)
                for at, kind in enumerate(shown.lists):
                    if at:
                        shown.tabs.setCurrentIndex(at)
                        shot(window, f"{number:02d}-{key}-{kind}")
                shown.tabs.setCurrentIndex(0)

        for kind in window.list_kinds():  # every family's editor, as the registry lists them
            page = window.list_of(kind)
            record_id = page.model.record_id(0)
            if record_id is None:
                continue
            editor = window.open_record(kind, record_id)
            resize_to_fit(editor, 1100, 760)
            shot(editor, f"20-editor-{kind}")
            editor.close()
        evidence_model = window.list_of("evidence").model
        assert isinstance(evidence_model, EvidenceTableModel)
        kinds_shown: set[str] = set()
        for row in range(min(evidence_model.rowCount(), 100)):
            media = media_of(evidence_model.file_name(row))
            file_kind = "pdf" if media == "application/pdf" else "image" if media.startswith("image/") else None
            record_id = evidence_model.record_id(row)
            if file_kind is None or file_kind in kinds_shown or record_id is None:
                continue
            kinds_shown.add(file_kind)
            viewer = window.view_evidence(record_id)
            if viewer is not None:
                resize_to_fit(viewer, 1000, 780)
                shot(viewer, f"22-viewer-{file_kind}")
                viewer.close()
        new = window.new_record("interview")
        resize_to_fit(new, 1100, 760)
        shot(new, "21-editor-interview-new")
        new.close()

        window.show_page("problem")
        page = window.list_of("problem")
        page.set_filter("status", "not_rectified")
        shot(window, "30-problem-filtered")
        page.set_filter("status", None)

        window.search_box.setText("公车")
        dialog = window.run_search()
        if dialog is not None:
            shot(dialog, "40-search")
            dialog.close()
        window.close()
    finally:
        workspace.close()
        shutil.rmtree(settings_dir, ignore_errors=True)
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
