"""Answering the modal questions a test provokes, as a person would: by clicking one of the box's buttons."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox


def answer_next_box(button_text: str, seen: list[tuple[str, list[str]]] | None = None) -> None:
    """Clicks ``button_text`` in the next message box shown (records its text and buttons in ``seen``)."""
    answer_boxes([button_text], seen)


def answer_boxes(answers: list[str], seen: list[tuple[str, list[str]]] | None = None) -> None:
    """Answers the next message boxes in turn, each by the button with that text (records each box's text and
    buttons in ``seen``)."""
    left = list(answers)

    def click() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        if not boxes:
            QTimer.singleShot(10, click)
            return
        box = boxes[0]
        if seen is not None:
            seen.append((box.text(), [b.text() for b in box.buttons()]))
        wanted = left.pop(0)
        button = next((b for b in box.buttons() if b.text() == wanted), None)
        if button is None:
            box.reject()  # never leave a test hanging on a box nobody answers; the caller's asserts fail instead
        else:
            button.click()
        if left:
            QTimer.singleShot(10, click)

    QTimer.singleShot(0, click)


def make_pdf(path: Path, pages: int) -> Path:
    """A PDF of ``pages`` A4 pages, each saying its number (Qt's own writer: no other dependency)."""
    from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    for number in range(1, pages + 1):
        if number > 1:
            writer.newPage()
        font = painter.font()
        font.setPointSize(40)
        painter.setFont(font)
        painter.drawText(800, 1600, f"Page {number}")
    painter.end()
    return path


def files_under(root: Path) -> Iterator[Path]:
    return (p for p in root.rglob("*") if p.is_file())
