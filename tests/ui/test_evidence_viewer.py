"""Evidence on screen: thumbnails in the list, the viewer (images, PDFs), custody of every look, export."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QImage
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QMenu, QPlainTextEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.ui.evidence_editor import EvidenceEditor
from xuncha_desktop.ui.evidence_viewer import EvidenceViewer
from xuncha_desktop.ui.icons import icon
from xuncha_desktop.ui.main_window import MainWindow
from xuncha_desktop.ui.pages import EvidencePage, ListPage
from xuncha_desktop.ui.thumbnails import EvidenceTableModel
from xuncha_desktop.workspace import Workspace

from .dialogs import files_under, make_pdf


def _picture(path: Path, width: int = 400, height: int = 200) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#c00000"))
    assert image.save(str(path))
    return path


def _custody(workspace: Workspace, record_id: str) -> list[tuple[str, str]]:
    from xuncha_desktop.services import evidence

    with workspace.session() as session:
        return [(e.action, e.holder) for e in evidence.service.custody(session, KINDS["evidence"].get(
            session, record_id).id)]


def _row_of(page: ListPage, record_id: str) -> int:
    row = page.model.row_of(record_id)
    assert row is not None
    return int(row)


def _activate(qtbot: QtBot, widget: QWidget) -> None:
    """Window shortcuts reach the active window only (a person's click would make it active)."""
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def _add(window: MainWindow, paths: list[Path]) -> list[str]:
    page = window.show_page("evidence")
    assert isinstance(page, EvidencePage)
    added = page.add_files(paths)
    assert len(added) == len(paths)
    return list(added)


def test_thumbnails_for_images_and_type_icons_for_the_rest(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                                          tmp_path: Path) -> None:
    photo = _picture(tmp_path / "现场照片.png")
    scan = make_pdf(tmp_path / "会议记录.pdf", 2)
    sound = tmp_path / "谈话录音.wav"
    sound.write_bytes(b"RIFF" + b"\0" * 4000)
    photo_id, scan_id, sound_id = _add(window, [photo, scan, sound])
    page = window.list_of("evidence")
    model = page.model
    assert isinstance(model, EvidenceTableModel)
    qtbot.waitExposed(page.view)

    def decoration(record_id: str) -> QIcon:
        value = model.data(model.index(_row_of(page, record_id), 0), Qt.ItemDataRole.DecorationRole)
        assert isinstance(value, QIcon)
        return value

    # at first the image has its type's icon; the thumbnail is made in the thread pool
    assert decoration(photo_id).cacheKey() == icon("file-image").cacheKey()
    with qtbot.waitSignal(model.dataChanged, timeout=10_000):
        model.thumbnails.wait()
    thumbnail = decoration(photo_id)
    assert thumbnail.cacheKey() != icon("file-image").cacheKey()
    picture = thumbnail.pixmap(64, 64).toImage()
    assert (picture.width(), picture.height()) == (64, 32)  # scaled to a small icon, proportions kept
    assert picture.pixelColor(32, 16).red() > 180 and picture.pixelColor(32, 16).green() < 40
    assert decoration(scan_id).cacheKey() == icon("file-pdf").cacheKey()
    assert decoration(sound_id).cacheKey() == icon("file-audio").cacheKey()
    # only the first column is decorated, and the view has room for the icon
    assert model.data(model.index(_row_of(page, photo_id), 1), Qt.ItemDataRole.DecorationRole) is None
    assert page.view.iconSize().height() == 32
    # a thumbnail is no look in the custody, and no plaintext ever reaches the disk
    assert _custody(workspace, photo_id) == [("stored", "张伟")]
    plain = photo.read_bytes()
    assert not [p for p in files_under(workspace.path) if plain[:64] in p.read_bytes()]


def test_double_click_shows_an_image_zoomable_and_fitted(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                                        tmp_path: Path) -> None:
    [photo_id] = _add(window, [_picture(tmp_path / "现场照片.png", 2400, 1200)])
    page = window.list_of("evidence")
    qtbot.waitExposed(page.view)
    rect = page.view.visualRect(page.model.index(_row_of(page, photo_id), 0))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(window.viewers) == 1  # one viewer, though a double-click also activates
    viewer = window.viewers[0]
    assert isinstance(viewer, EvidenceViewer)
    qtbot.waitExposed(viewer)
    assert viewer.image_view is not None and viewer.pdf_view is None
    _activate(qtbot, viewer)
    # fitted to the window: the whole image is in view
    room = viewer.image_view.viewport().size()
    canvas = viewer.image_view.canvas.size()
    assert canvas.width() <= room.width() and canvas.height() <= room.height()
    assert max(canvas.width() - room.width(), canvas.height() - room.height()) >= -2
    fitted = viewer.zoom_factor()
    assert fitted < 1
    qtbot.keyClick(viewer, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert abs(viewer.zoom_factor() - fitted * 1.25) < 1e-6
    assert viewer.zoom_label.text() == f"{round(fitted * 125)}%"
    qtbot.keyClick(viewer, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert viewer.image_view.canvas.size().width() == 2400
    qtbot.keyClick(viewer, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert viewer.zoom_factor() == fitted
    # the SHA-256 is shown and 校验 re-hashes the stored file
    with workspace.session() as session:
        sha256 = KINDS["evidence"].get(session, photo_id).sha256
    assert sha256 in viewer.sha_label.text()
    qtbot.mouseClick(viewer.verify_button, Qt.MouseButton.LeftButton)
    assert viewer.verify_result.text().startswith("校验通过")
    # the look is in the custody, with the person at the screen as holder
    assert _custody(workspace, photo_id) == [("stored", "张伟"), ("viewed", "张伟")]
    # Enter on the same row raises the open viewer rather than logging another look
    _activate(qtbot, window)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert len(window.viewers) == 1 and len(_custody(workspace, photo_id)) == 2
    # nothing in the viewer saves the plaintext but 导出副本… (the logged extract path)
    texts = {b.text() for b in viewer.findChildren(QPushButton)}
    assert texts == {"校验", "缩小", "放大", "适合窗口", "实际大小", "上一页", "下一页", "导出副本…", "关闭"}
    assert viewer.image_view.canvas.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    _activate(qtbot, viewer)
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert window.viewers == []


def test_a_pdf_with_pages_and_zoom(qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path) -> None:
    [scan_id] = _add(window, [make_pdf(tmp_path / "党组会议记录.pdf", 3)])
    page = window.list_of("evidence")
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(_row_of(page, scan_id), 0))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    [viewer] = window.viewers
    qtbot.waitExposed(viewer)
    assert isinstance(viewer.pdf_view, QPdfView) and viewer.image_view is None
    assert viewer.page_count() == 3
    assert viewer.pages_label.text() == "共 3 页"
    assert viewer.page_box.value() == 1 and not viewer.previous_button.isEnabled()
    qtbot.mouseClick(viewer.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: viewer.current_page() == 1)
    assert viewer.page_box.value() == 2 and viewer.previous_button.isEnabled()
    _activate(qtbot, viewer)
    qtbot.keyClick(viewer, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: viewer.current_page() == 2)
    assert not viewer.next_button.isEnabled()
    viewer.page_box.setValue(1)
    qtbot.waitUntil(lambda: viewer.current_page() == 0)
    assert viewer.pdf_view.zoomMode() == QPdfView.ZoomMode.FitInView
    fitted = viewer.zoom_factor()
    qtbot.mouseClick(viewer.zoom_in_button, Qt.MouseButton.LeftButton)
    assert viewer.pdf_view.zoomMode() == QPdfView.ZoomMode.Custom
    assert abs(viewer.pdf_view.zoomFactor() - fitted * 1.25) < 1e-6
    qtbot.mouseClick(viewer.fit_button, Qt.MouseButton.LeftButton)
    assert viewer.pdf_view.zoomMode() == QPdfView.ZoomMode.FitInView
    assert _custody(workspace, scan_id) == [("stored", "张伟"), ("viewed", "张伟")]
    viewer.close()


def test_viewer_from_the_editor_logs_the_look_and_export_logs_the_copy(
        qtbot: QtBot, window: MainWindow, workspace: Workspace, tmp_path: Path) -> None:
    photo = _picture(tmp_path / "现场照片.png")
    [photo_id] = _add(window, [photo])
    editor = window.open_record("evidence", photo_id)
    assert isinstance(editor, EvidenceEditor)
    qtbot.waitExposed(editor)
    _activate(qtbot, editor)
    custody = editor.custody_model

    def shown() -> list[tuple[str, str]]:
        return [(custody.data(custody.index(r, 1)), custody.data(custody.index(r, 2)))
                for r in range(custody.rowCount())]

    assert shown() == [("入库", "张伟"), ("查阅", "张伟")]  # the editor's preview is a look too
    qtbot.keyClick(editor, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: editor.viewer is not None)  # a button's shortcut clicks it after a short flash
    viewer = editor.viewer
    assert isinstance(viewer, EvidenceViewer) and viewer.isVisible()
    assert shown() == [("入库", "张伟"), ("查阅", "张伟"), ("查阅", "张伟")]
    # 导出副本… goes through the service's extract: the copy is the original, and it is in the custody
    out = tmp_path / "out" / "副本.png"
    out.parent.mkdir()
    assert viewer.export_copy(out) == out
    assert out.read_bytes() == photo.read_bytes()
    assert shown()[-1] == ("导出", "张伟")
    assert _custody(workspace, photo_id)[-1] == ("extracted", "张伟")
    viewer.close()
    # saving the record's fields is no new look at the file
    notes = editor.widgets["notes"].input
    assert isinstance(notes, QPlainTextEdit)
    notes.setPlainText("复印件")
    assert editor.save()
    assert len(shown()) == 4
    editor.close()


def test_a_file_that_cannot_be_shown_opens_the_record(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                                      tmp_path: Path) -> None:
    sound = tmp_path / "谈话录音.wav"
    sound.write_bytes(b"RIFF" + b"\0" * 4000)
    [sound_id] = _add(window, [sound])
    page = window.list_of("evidence")
    page.view.setFocus()
    page.view.setCurrentIndex(page.model.index(_row_of(page, sound_id), 0))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert window.viewers == []
    editor = window.editors[-1]
    assert isinstance(editor, EvidenceEditor)
    assert (editor.kind, editor.record_id) == ("evidence", sound_id)
    assert not editor.view_button.isEnabled() and editor.export_button.isEnabled()
    assert _custody(workspace, sound_id) == [("stored", "张伟")]
    editor.close()


def test_the_file_menu_shows_the_selected_evidence(qtbot: QtBot, window: MainWindow, workspace: Workspace,
                                                   tmp_path: Path) -> None:
    [photo_id] = _add(window, [_picture(tmp_path / "现场照片.png")])
    file_action = window.menuBar().actions()[0]  # held: PySide6 6.9 frees the menu of a temporary action
    file_menu = file_action.menu()
    assert isinstance(file_menu, QMenu)
    [action] = [a for a in file_menu.actions() if a.text() == "查看所选证据文件"]
    assert action.shortcut().toString() == "Ctrl+Shift+O"  # shown in the menu beside its name
    page = window.list_of("evidence")
    page.view.setCurrentIndex(page.model.index(_row_of(page, photo_id), 0))
    window.show_page("dashboard")  # from anywhere in the window
    _activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    [viewer] = window.viewers
    assert viewer.record_id == photo_id and viewer.image_view is not None
    viewer.close()
