"""Cycles are collected in the GUI thread only (ui/collector.py)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from xuncha_desktop.ui import collector


def test_automatic_collection_is_off_and_the_gui_thread_collects(qtbot: QtBot, qapp: QApplication) -> None:
    found = collector.install(qapp)
    assert collector.install(qapp) is found  # once per application
    assert not gc.isenabled()

    class Node:
        pass

    collected_in: list[str] = []
    for _ in range(found.thresholds[0] + 10):  # enough cycles to pass the young generation's threshold
        node = Node()
        node.me = node  # type: ignore[attr-defined]
    probe = Node()
    probe.me = probe  # type: ignore[attr-defined]
    weakref.finalize(probe, lambda: collected_in.append(threading.current_thread().name))
    del probe, node

    def collected() -> bool:
        # More cycles while waiting: objects freed meanwhile (an earlier test's window being deleted) lower
        # the young generation's count, which must pass its threshold again for the collector to act.
        for _ in range(200):
            more = Node()
            more.me = more  # type: ignore[attr-defined]
        return bool(collected_in)

    qtbot.waitUntil(collected, timeout=5000)
    assert collected_in == [threading.main_thread().name]
