"""Typing as a user does: ASCII through key events, Chinese through the input method's commit events.

QTest.keyClicks refuses characters outside ASCII (Qt asserts in qasciikey.cpp), and real Chinese typing
arrives as QInputMethodEvent commits from the IME anyway, so that is what these helpers send.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Types ``text`` into the focused ``widget`` one character (or ASCII key) at a time."""
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    for char in text:
        if char.isascii() and char.isprintable():
            QTest.keyClicks(widget, char)
        else:
            event = QInputMethodEvent("", [])
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)
