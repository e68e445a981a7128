"""Evidence dropped on the window is stored off the GUI thread with progress; Cancel leaves nothing behind."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QLabel, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from xuncha_desktop.errors import Cancelled
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.ui.controllers.jobs import CallJob, CancelFlag, Progress
from xuncha_desktop.ui.jobs import run_job
from xuncha_desktop.ui.main_window import MainWindow
from xuncha_desktop.ui.pages import EvidencePage
from xuncha_desktop.workspace import Workspace


def _evidence_count(workspace: Workspace) -> int:
    with workspace.session() as session:
        return KINDS["evidence"].count(session)


def test_dropping_files_stores_them_as_evidence(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                                tmp_path: Path) -> None:
    page = window.show_page("evidence")
    assert isinstance(page, EvidencePage)
    files = []
    for name, size in (("会议记录.pdf", 10_000), ("现场照片.jpg", 3_000_000)):
        path = tmp_path / name
        path.write_bytes(bytes(range(256)) * (size // 256))
        files.append(path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in files])
    event = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    page.dropEvent(event)
    assert _evidence_count(workspace) == 2
    assert page.count_label.text() == "共 2 条"
    titles = sorted(page.model.data(page.model.index(r, 0)) for r in range(2))
    assert titles == ["会议记录", "现场照片"]
    with workspace.session() as session:
        sizes = sorted(e.size for e in KINDS["evidence"].find(session))
    assert sizes == [9984, 2999808]


def test_job_runs_off_the_gui_thread_and_cancel_stops_it(qtbot: QtBot, window: MainWindow) -> None:
    gui_thread = threading.get_ident()
    seen: dict[str, object] = {}

    def work(progress: Progress, cancelled: CancelFlag) -> str:
        seen["thread"] = threading.get_ident()
        done = 0
        while not cancelled():
            done += 1
            progress(done, 1000)
            threading.Event().wait(0.005)
        raise Cancelled()

    def press_cancel() -> None:
        dialogs = [w for w in QApplication.topLevelWidgets() + window.findChildren(QProgressDialog)
                   if isinstance(w, QProgressDialog) and w.isVisible()]
        if dialogs:
            button = dialogs[0].findChild(QPushButton)
            assert button is not None and button.text() == "取消"
            button.click()
        else:
            QTimer.singleShot(20, press_cancel)

    QTimer.singleShot(400, press_cancel)
    job = run_job(window, "测试", CallJob(work))
    assert not job.ok and isinstance(job.error, Cancelled) and job.was_cancelled
    assert seen["thread"] != gui_thread


def test_cancelled_evidence_leaves_data_unchanged(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                                  tmp_path: Path) -> None:
    path = tmp_path / "录音.wav"
    path.write_bytes(b"\0" * 5_000_000)
    before = sorted(p.name for p in (workspace.path / "evidence").rglob("*") if p.is_file())

    def work(progress: Progress, cancelled: CancelFlag) -> str:
        calls = {"n": 0}

        def stop_after_first() -> bool:
            calls["n"] += 1
            return calls["n"] > 1

        return window.controller.evidence.add(path, {}, [], progress, stop_after_first)

    job = run_job(window, "测试", CallJob(work))
    assert not job.ok and isinstance(job.error, Cancelled)
    assert _evidence_count(workspace) == 0
    after = sorted(p.name for p in (workspace.path / "evidence").rglob("*") if p.is_file())
    assert after == before


def test_evidence_editor_previews_verifies_and_shows_custody(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                                             tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    from xuncha_desktop.ui.evidence_editor import EvidenceEditor

    picture = tmp_path / "现场照片.png"
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#c00000"))
    assert image.save(str(picture))
    page = window.show_page("evidence")
    assert isinstance(page, EvidencePage)
    [record_id] = page.add_files([picture])
    editor = window.open_record("evidence", record_id)
    assert isinstance(editor, EvidenceEditor)
    assert not editor.preview.pixmap().isNull()
    custody = editor.custody_model
    actions = [custody.data(custody.index(r, 1)) for r in range(custody.rowCount())]
    assert actions == ["入库", "查阅"]
    sha256 = editor.widgets["sha256"].input
    assert isinstance(sha256, QLabel) and sha256.text() == editor.record["sha256"]  # read-only: shown, not edited
    assert editor.verify()
    assert "完好" in editor.verify_result.text()
    # a damaged file is found out
    stored = workspace.evidence.path_of(editor.record["sha256"])
    data = bytearray(stored.read_bytes())
    data[-5] ^= 0xFF
    stored.write_bytes(bytes(data))
    assert not editor.verify()
    assert "损坏" in editor.verify_result.text()


def test_files_dropped_on_a_record_become_its_linked_evidence(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                                              ids: dict[str, str],
                                                              tmp_path: Path) -> None:
    with workspace.transaction() as session:
        problem = KINDS["problem"].create(session, {"round_id": ids["round"], "unit_id": ids["unit"],
                                                    "category": "team_building", "statement": "档案管理混乱"})
        problem_id = str(problem.id)
    editor = window.open_record("problem", problem_id)
    scan = tmp_path / "整改报告.pdf"
    scan.write_bytes(b"%PDF-1.4 rectification report")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(scan))])
    editor.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))
    assert editor.links_model.rowCount() == 1
    assert editor.links_model.data(editor.links_model.index(0, 2)) == "整改报告"
    with workspace.session() as session:
        from xuncha_desktop.services import links

        [evidence_id] = links.linked_ids(session, "problem", problem.id, "evidence")
        stored = KINDS["evidence"].get(session, evidence_id)
        assert (str(stored.unit_id), stored.file_name) == (ids["unit"], "整改报告.pdf")
    assert window.list_of("evidence").count_label.text() == "共 1 条"
