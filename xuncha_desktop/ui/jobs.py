"""Running jobs (:mod:`xuncha_desktop.ui.controllers.jobs`) in the QThreadPool, their outcome delivered to
the GUI thread.

One pattern for every background operation (export, import, documents, evidence, thumbnails, counts and
far pages of lists): the worker runs ``job.run()`` and touches no Qt object at all; it writes its progress
and outcome into the job under a lock. The GUI thread reads them on a short timer and calls back there. No
signal is emitted from a worker thread, and no Qt object is made, used or freed in one (see also
``collector.py``: Python's cycle collector runs in the GUI thread only, for the same reason).

- :func:`start` runs a job and calls ``on_done(job)`` in the GUI thread when it has finished;
- :func:`run_job` runs a job behind a modal progress dialog with Cancel and returns it once finished;
- :func:`start_in_pool` only starts it, for owners that poll their jobs themselves (the list models).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from xuncha_desktop.ui.controllers.jobs import Job

POLL_MS = 30
J = TypeVar("J", bound=Job[Any])


class _Runnable(QRunnable):
    """The pool's handle on a job; kept alive (no auto-delete) by whoever started it."""

    def __init__(self, job: Job[Any]) -> None:
        super().__init__()
        self.job = job
        self.setAutoDelete(False)

    def run(self) -> None:
        self.job.run()


_started: dict[int, _Runnable] = {}  # by id(job): the runnables of jobs not yet seen finished


def start_in_pool(job: Job[Any], pool: QThreadPool | None = None) -> None:
    """Starts ``job`` in the pool (the global one by default). Call from the GUI thread."""
    for key, runnable in list(_started.items()):
        if runnable.job.finished.is_set():
            del _started[key]
    runnable = _Runnable(job)
    _started[id(job)] = runnable
    (pool or QThreadPool.globalInstance()).start(runnable)


class JobWatcher(QObject):
    """Polls one job from the GUI thread; emits ``done(job)`` there once it has finished."""

    done = Signal(object)

    def __init__(self, job: Job[Any]) -> None:
        super().__init__()
        self.job = job
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)

    def begin(self) -> None:
        self._timer.start()

    def poll(self) -> None:
        if self.job.finished.is_set():
            self._timer.stop()
            _watching.discard(self)
            self.done.emit(self.job)


_watching: set[JobWatcher] = set()  # watchers live until their job has reported, whoever started them


def start(job: J, on_done: Callable[[J], object] | None = None, pool: QThreadPool | None = None) -> JobWatcher:
    """Runs ``job`` in the pool; ``on_done(job)`` runs in the GUI thread when it has finished (read
    ``job.ok``, ``job.result``, ``job.error``). Returns the watcher, whose ``done`` signal can be waited on.
    ``on_done`` must check that the widgets it uses still exist: a job outlives a closed dialog."""
    watcher = JobWatcher(job)
    if on_done is not None:
        watcher.done.connect(on_done)
    _watching.add(watcher)
    start_in_pool(job, pool)
    watcher.begin()
    return watcher


def running() -> bool:
    """Whether a job started with :func:`start` has not reported yet (tests, shutting down)."""
    return bool(_watching)


def run_job(parent: QWidget | None, label: str, job: J) -> J:
    """Runs ``job`` in the pool behind a modal progress dialog with Cancel; returns it once it has finished
    (also after Cancel: the work notices the flag and stops), keeping the window responsive meanwhile."""
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
    start_in_pool(job)
    timer.start()
    if not job.finished.is_set():
        loop.exec()
    timer.stop()
    job.finished.wait()
    dialog.close()
    dialog.deleteLater()
    return job
