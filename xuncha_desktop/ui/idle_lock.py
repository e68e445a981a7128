"""The idle lock: after some minutes without a key or mouse touch, and after the computer slept, every window
of the program is covered and the current user's passphrase is asked again.

Nothing is closed or hidden: the covers lie over the windows (an editor with half a page typed keeps it), and
while locked every key, shortcut and click outside the passphrase field is swallowed. Qt has no signal for a
suspend, so a timer notes the wall clock at each tick: a jump much larger than its period means the computer
was asleep (the monotonic clock, which the idle time is measured with, stands still during a suspend). The
passphrase is checked as at login, off the window's thread and with the same wait after wrong ones.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from xuncha_desktop import messages
from xuncha_desktop.errors import XunchaError
from xuncha_desktop.ui import settings
from xuncha_desktop.ui.controllers.login import RecheckJob
from xuncha_desktop.ui.jobs import run_job

TICK_MS = 5_000
SUSPEND_JUMP_SECONDS = 60.0  # the wall clock moved this much more than a tick: the computer slept

Check = Callable[[str, Callable[[float], None]], None]

_INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress,
                    QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
                    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.InputMethod,
                    QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut, QEvent.Type.ContextMenu})


class _Cover(QFrame):
    """Lies over one window; the one over the window that can take input holds the passphrase form."""

    def __init__(self, window: QWidget, form: bool, user: str) -> None:
        super().__init__(window)
        self.setObjectName("idle_cover")
        self.setAutoFillBackground(True)
        self.setStyleSheet("#idle_cover { background: #f3f3f3; }")
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(self.tr("已锁定") if form else self.tr("已锁定，请在主窗口输入口令解锁。"))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        layout.addWidget(title)
        self.passphrase: QLineEdit | None = None
        self.error = QLabel()
        self.error.setObjectName("idle_error")
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.unlock_button: QPushButton | None = None
        if form:
            prompt = QLabel(self.tr("请输入 %1 的口令以继续。").replace("%1", user))
            prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(prompt)
            row = QHBoxLayout()
            row.addStretch(1)
            self.passphrase = QLineEdit()
            self.passphrase.setObjectName("idle_passphrase")
            self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
            self.passphrase.setMinimumWidth(280)
            row.addWidget(self.passphrase)
            self.unlock_button = QPushButton(self.tr("解锁"))
            self.unlock_button.setObjectName("idle_unlock")
            row.addWidget(self.unlock_button)
            row.addStretch(1)
            layout.addLayout(row)
            layout.addWidget(self.error)
        layout.addStretch(2)
        self.setGeometry(window.rect())
        self.show()
        self.raise_()


class IdleLock(QObject):
    """Locks ``window`` (and every other window of the program) when idle or after a suspend. ``check`` raises
    when the passphrase does not open the current user's slot. ``wall`` and ``monotonic`` are replaceable for
    tests, which call :meth:`tick` instead of waiting for the timer."""

    def __init__(self, window: QWidget, check: Check, user: str, lang: str = "zh", idle_minutes: int | None = None,
                 wait_after: Callable[[], int] = lambda: 0, wall: Callable[[], float] = time.time,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        super().__init__(window)
        self.window, self._check, self.user, self.lang = window, check, user, lang
        self._wait_after = wait_after  # whole seconds the next try waits (after wrong passphrases)
        self.idle_minutes = settings.IDLE_LOCK_MINUTES.get() if idle_minutes is None else idle_minutes
        self._wall, self._monotonic = wall, monotonic
        self._last_input = monotonic()
        self._last_tick = wall()
        self.covers: dict[QWidget, _Cover] = {}
        self.form: _Cover | None = None
        self._checking = False
        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    @property
    def locked(self) -> bool:
        return bool(self.covers)

    def stop(self) -> None:
        """Stops watching (the window closed): no more ticks, and the application's events pass untouched."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # ---- watching --------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _INPUT:
            if not self.locked:
                self._last_input = self._monotonic()
            elif (not self._checking and not isinstance(watched, QWindow) and self._covered(watched)
                  and not self._in_form(watched)):
                # Swallowed: no key, click or shortcut (delivered to its QAction) reaches the covered windows.
                # The window-system window passes them on to its widgets, which decide here in turn.
                return True
        elif self.locked and kind == QEvent.Type.Resize and isinstance(watched, QWidget) and watched in self.covers:
            self.covers[watched].setGeometry(watched.rect())
        elif self.locked and kind == QEvent.Type.Show and not self._checking and isinstance(watched, QWidget):
            self._cover_new_window(watched)
        return False

    def _cover_new_window(self, widget: QWidget) -> None:
        """A window of the program shown while locked (a message at the end of a job) is covered too."""
        parent = widget.parentWidget()
        if (widget.isWindow() and widget not in self.covers and parent is not None and self._covered(parent)
                and widget.windowType() not in (Qt.WindowType.ToolTip, Qt.WindowType.Popup)):
            self.covers[widget] = _Cover(widget, False, self.user)

    def _covered(self, watched: QObject) -> bool:
        """Whether ``watched`` (a widget, or an action or shortcut owned by one) lies in a covered window."""
        owner: QObject | None = watched
        while owner is not None and not isinstance(owner, QWidget):
            owner = owner.parent()
        if owner is None:
            return False
        window = owner.window()
        return any(window is covered for covered in self.covers)

    def _ours(self, widget: QWidget) -> bool:
        """Whether ``widget`` is this window or one of the dialogs it opened."""
        found: QWidget | None = widget
        while found is not None and found is not self.window:
            found = found.parentWidget()
        return found is self.window

    def _in_form(self, watched: QObject) -> bool:
        if self.form is None or not isinstance(watched, QWidget):
            return False
        return watched is self.form or self.form.isAncestorOf(watched)

    def tick(self) -> None:
        """Locks when the wall clock jumped (a suspend) or when idle for longer than the setting."""
        wall = self._wall()
        slept = wall - self._last_tick > TICK_MS / 1000 + SUSPEND_JUMP_SECONDS
        self._last_tick = wall
        if self.locked or not self.window.isVisible():
            return
        idle = self._monotonic() - self._last_input
        if slept or (self.idle_minutes > 0 and idle >= self.idle_minutes * 60):
            self.lock()

    # ---- locking and unlocking -------------------------------------------------------------------
    def lock(self) -> None:
        if self.locked:
            return
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        # The form goes where input can go: a modal dialog open at the moment blocks the window beneath it.
        modal = QApplication.activeModalWidget()
        holder = modal if modal is not None and modal.isVisible() and self._ours(modal) else self.window
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isWindow()
                   and w.windowType() not in (Qt.WindowType.ToolTip, Qt.WindowType.Popup)]
        if holder not in windows:
            windows.append(holder)
        for window in windows:
            cover = _Cover(window, window is holder, self.user)
            self.covers[window] = cover
            if window is holder:
                self.form = cover
        form = self.form
        if form is not None and form.passphrase is not None and form.unlock_button is not None:
            form.passphrase.returnPressed.connect(self.try_unlock)
            form.unlock_button.clicked.connect(self.try_unlock)
            holder.activateWindow()
            form.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)

    def try_unlock(self) -> bool:
        """Checks the typed passphrase; on success the covers go and everything is as it was."""
        form = self.form
        if form is None or form.passphrase is None:
            return False
        secret = form.passphrase.text()
        job = RecheckJob(self._check, secret)
        self._checking = True
        try:
            run_job(form, self.tr("正在核对口令…"), job)
        finally:
            self._checking = False
        if not job.ok:
            value = job.error
            text = value.text(self.lang) if isinstance(value, XunchaError) else f"{type(value).__name__}: {value}"
            wait = self._wait_after()
            if wait:
                text += "\n" + messages.render("passphrase_wait", self.lang, seconds=wait)
            form.error.setText(text)
            form.passphrase.clear()
            form.passphrase.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        self.unlock()
        return True

    def unlock(self) -> None:
        for cover in self.covers.values():
            cover.hide()
            cover.deleteLater()
        self.covers.clear()
        self.form = None
        self._last_input = self._monotonic()
        self._last_tick = self._wall()
