"""Long work off the GUI thread: a job in the QThreadPool, shown as a progress dialog with Cancel.

The work is a plain callable ``work(progress, cancelled)`` (the core's own progress and cancel
convention); it never touches a widget or any Qt object. The worker only writes its progress and outcome
into a lock-protected state, which the GUI thread reads on a short timer: no Qt call crosses threads.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QRunnable, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]
POLL_MS = 30


class Job(QRunnable):
    """One piece of long work; ``state`` is read by the GUI thread, written by the worker."""

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.work = work
        self._lock = threading.Lock()
        self._cancel = threading.Event()
        self.finished = threading.Event()
        self.started = False
        self.done = 0
        self.total = 0
        self.ok = False
        self.value: Any = None
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int) -> None:
        with self._lock:
            self.done, self.total = int(done), int(total)

    def progress(self) -> tuple[int, int]:
        with self._lock:
            return self.done, self.total

    def run(self) -> None:
        try:
            value = self.work(self._progress, self._cancel.is_set)
        except BaseException as exc:  # handed to the GUI thread, which shows it
            self.ok, self.value = False, exc
        else:
            self.ok, self.value = True, value
        self.finished.set()


def run_job(parent: QWidget | None, label: str, work: Work) -> tuple[bool, Any]:
    """Runs ``work`` in the pool behind a modal progress dialog; returns (succeeded, result or error).

    Returns once the job has finished (also after Cancel: the work notices the flag and stops), keeping
    the window responsive meanwhile.
    """
    job = Job(work)
    dialog = QProgressDialog(label, QCoreApplication.translate("Jobs", "取消"), 0, 0, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Jobs", "请稍候"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(job.cancel)
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(POLL_MS)

    def poll() -> None:
        done, total = job.progress()
        if total > 0:
            scale = max(1, total // 1_000_000)  # QProgressDialog counts in int32
            if dialog.maximum() != total // scale:
                dialog.setMaximum(max(1, total // scale))
            dialog.setValue(min(done // scale, dialog.maximum()))
        if job.finished.is_set():
            timer.stop()
            loop.quit()

    timer.timeout.connect(poll)
    QThreadPool.globalInstance().start(job)
    timer.start()
    if not job.finished.is_set():
        loop.exec()
    timer.stop()
    job.finished.wait()
    dialog.close()
    dialog.deleteLater()
    return job.ok, job.value
