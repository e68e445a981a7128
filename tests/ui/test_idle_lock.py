"""The idle lock: idle for the set minutes, or back from a suspend (a jump of the wall clock), the window and
its editors are covered and the user's passphrase is asked; a wrong one keeps them locked (and says how long
the next try waits), the right one unlocks, and nothing typed is lost."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit
from pytestqt.qtbot import QtBot

from tests.conftest import PASSPHRASE
from xuncha_desktop.ui import settings
from xuncha_desktop.ui.controllers import login as login_controller
from xuncha_desktop.ui.idle_lock import IdleLock
from xuncha_desktop.ui.main_window import MainWindow

from .typing import type_text


class Clocks:
    def __init__(self) -> None:
        self.wall = 1_800_000_000.0
        self.monotonic = 500.0

    def pass_seconds(self, seconds: float, asleep: bool = False) -> None:
        self.wall += seconds
        if not asleep:  # the monotonic clock stands still while the computer sleeps
            self.monotonic += seconds

    def run(self, lock: IdleLock, seconds: int) -> None:
        """Time passing with the program awake: the timer ticks every five seconds."""
        for _ in range(seconds // 5):
            self.pass_seconds(5)
            lock.tick()


@pytest.fixture
def clocks(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Clocks:
    found = Clocks()
    lock = window.idle_lock
    lock._wall, lock._monotonic = (lambda: found.wall), (lambda: found.monotonic)
    lock._last_tick, lock._last_input = found.wall, found.monotonic
    waits: list[float] = []
    monkeypatch.setattr(login_controller, "cancellable_sleep", lambda cancelled: waits.append)
    return found


def _unlock_with(qtbot: QtBot, lock: IdleLock, text: str) -> None:
    assert lock.form is not None and lock.form.passphrase is not None
    type_text(lock.form.passphrase, text)
    qtbot.keyClick(lock.form.passphrase, Qt.Key.Key_Return)


def test_idle_locks_a_wrong_passphrase_stays_locked_the_right_one_unlocks_and_nothing_typed_is_lost(
        qtbot: QtBot, window: MainWindow, clocks: Clocks) -> None:
    lock = window.idle_lock
    assert lock.idle_minutes == 10 and not lock.locked  # the setting's default
    editor = window.new_record("unit")
    field = editor.widgets["name"].input
    assert isinstance(field, QLineEdit)
    type_text(field, "娄底市审计局")
    clocks.run(lock, 9 * 60)
    assert not lock.locked  # nine minutes are not ten
    clocks.run(lock, 60)
    assert lock.locked and set(lock.covers) >= {window, editor}
    assert all(cover.isVisible() for cover in lock.covers.values())
    # keys to the covered editor do not arrive
    qtbot.keyClicks(field, "x")
    assert field.text() == "娄底市审计局"
    editors = len(window.editors)
    window.show_page(window.page_of("unit"))
    assert lock.form is not None and lock.form.passphrase is not None
    qtbot.keyClick(lock.form.passphrase, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(window.editors) == editors  # the window's shortcuts are asleep too
    for attempt in range(3):
        _unlock_with(qtbot, lock, "不对的口令 wrong")
        assert lock.locked and lock.form is not None
        assert "口令不正确" in lock.form.error.text()
        if attempt >= 1:
            assert "下次尝试需等待" in lock.form.error.text()
    _unlock_with(qtbot, lock, PASSPHRASE)
    assert not lock.locked and lock.covers == {}
    assert editor.isVisible() and field.text() == "娄底市审计局"  # nothing typed was lost
    qtbot.keyClicks(field, "x")
    assert field.text() == "娄底市审计局x"
    window.activateWindow()
    qtbot.keyClick(window.nav, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(window.editors) == editors + 1  # awake again, the same shortcut works
    for opened in list(window.editors):
        opened.close()


def test_a_suspend_locks_at_once(window: MainWindow, clocks: Clocks) -> None:
    lock = window.idle_lock
    clocks.run(lock, 60)
    assert not lock.locked
    clocks.pass_seconds(3 * 60, asleep=True)  # the lid was closed for three minutes
    lock.tick()
    assert lock.locked


def test_a_locked_window_holds_no_other_window_of_the_program(qtbot: QtBot, window: MainWindow,
                                                                clocks: Clocks) -> None:
    """Input is swallowed only for the covered windows: a window opened afterwards (or another window of a
    test process) still takes keys."""
    window.idle_lock.lock()
    other = QLineEdit()
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)
    qtbot.keyClicks(other, "abc")
    assert other.text() == "abc"
    assert window.idle_lock.locked
    # a window of the program itself (parented to the covered window) shown while locked is covered too
    dialog = QDialog(window)
    field = QLineEdit(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog in window.idle_lock.covers
    qtbot.keyClicks(field, "abc")
    assert field.text() == ""
    dialog.close()


def test_activity_keeps_it_open_and_zero_minutes_never_locks_when_idle(qtbot: QtBot, window: MainWindow,
                                                                       clocks: Clocks) -> None:
    lock = window.idle_lock
    clocks.run(lock, 8 * 60)
    qtbot.keyClick(window.nav, Qt.Key.Key_Down)  # a key press is activity
    clocks.run(lock, 8 * 60)
    assert not lock.locked
    lock.idle_minutes = 0
    clocks.run(lock, 60 * 60)
    assert not lock.locked


def test_the_setting_is_read(qtbot: QtBot, window: MainWindow) -> None:
    settings.IDLE_LOCK_MINUTES.set(3)
    assert settings.IDLE_LOCK_MINUTES.get() == 3
    other = IdleLock(window, lambda passphrase, sleep: None, "张伟")
    assert other.idle_minutes == 3
    settings.IDLE_LOCK_MINUTES.set(-5)  # out of range: the default
    assert settings.IDLE_LOCK_MINUTES.get() == 10
