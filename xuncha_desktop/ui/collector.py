"""Python's cycle collector, run in the GUI thread only.

Automatic collection starts in whichever thread happens to allocate when a threshold is passed, often a
worker of the thread pool, and may then free Qt objects there; Qt objects must die in their own
thread, and this crashed the process (seen: a segmentation fault while a package was imported in a
worker). So the window turns automatic collection off and collects on a timer in the GUI thread, with
the same thresholds Python would have used. Reference counting still frees everything not in a cycle at
once, in any thread.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._timer.start()

    def collect(self) -> None:
        young, middle, old = gc.get_count()
        if young > self.thresholds[0]:
            gc.collect(0)
            if middle > self.thresholds[1]:
                gc.collect(1)
                if old > self.thresholds[2]:
                    gc.collect(2)


def install(app: QObject) -> MainThreadCollector:
    """Once per application: the collector lives as long as ``app``."""
    found = app.findChild(MainThreadCollector)
    return found if isinstance(found, MainThreadCollector) else MainThreadCollector(app)
