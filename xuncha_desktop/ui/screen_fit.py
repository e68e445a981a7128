"""Windows that fit the screen they open on: a 1366×768 laptop has about 1366×728 for windows once the task
bar is taken, and a window taller than that hides its buttons and status bar below the edge."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room for what the window manager adds around a window (title bar, borders), unknown before it is shown.
FRAME_WIDTH = 16
FRAME_HEIGHT = 48


def available(widget: QWidget) -> QRect:
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def fits(widget: QWidget, width: int, height: int) -> bool:
    area = available(widget)
    return width + FRAME_WIDTH <= area.width() and height + FRAME_HEIGHT <= area.height()


def resize_to_fit(widget: QWidget, width: int, height: int) -> None:
    """Resizes to ``width`` × ``height``, or to what the screen's free area holds with the window's frame."""
    area = available(widget)
    widget.resize(min(width, area.width() - FRAME_WIDTH), min(height, area.height() - FRAME_HEIGHT))


def open_sized(widget: QWidget, width: int, height: int) -> None:
    """The first size of a main window: that size where it fits, else maximised (a small laptop)."""
    if fits(widget, width, height):
        widget.resize(width, height)
    else:
        resize_to_fit(widget, width, height)
        widget.setWindowState(widget.windowState() | Qt.WindowState.WindowMaximized)
