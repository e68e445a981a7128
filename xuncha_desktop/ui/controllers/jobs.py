"""Long work as job objects: one class per operation, a typed result, a progress callback, a cancel flag.

A job is made in the GUI thread, run by a worker (``run()``), and read back by the GUI thread, which
``ui/jobs.py`` tells when it has finished. The worker touches no Qt object: it writes its progress and its
outcome into the job under a lock, and the GUI thread reads them. The work itself is a plain function of
the core, called with ``progress(done, total)`` and ``cancelled()``: the same convention the command line
uses, with no Qt signal in the core.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from xuncha_desktop.errors import XunchaError

T = TypeVar("T")
Progress = Callable[[int, int], None]
CancelFlag = Callable[[], bool]


class Job(Generic[T]):
    """One piece of long work. Subclasses implement :meth:`work`; ``run()`` is called once, in a worker.

    After ``finished`` is set, exactly one of ``result`` (when ``ok``) and ``error`` holds the outcome.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancel = threading.Event()
        self.finished = threading.Event()
        self._done = 0
        self._total = 0
        self.ok = False
        self._result: T | None = None
        self.error: BaseException | None = None

    def work(self, progress: Progress, cancelled: CancelFlag) -> T:
        raise NotImplementedError

    # ---- the worker's side ---------------------------------------------------------------------
    def run(self) -> None:
        try:
            value = self.work(self._progress, self._cancel.is_set)
        except BaseException as exc:  # handed to the GUI thread, which shows it
            self.error = exc
        else:
            self._result, self.ok = value, True
        self.finished.set()

    def _progress(self, done: int, total: int) -> None:
        with self._lock:
            self._done, self._total = int(done), int(total)

    # ---- the GUI thread's side -----------------------------------------------------------------
    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def progress(self) -> tuple[int, int]:
        with self._lock:
            return self._done, self._total

    @property
    def result(self) -> T:
        """The work's value; raises the work's error when it failed, RuntimeError before it has finished."""
        if not self.finished.is_set():
            raise RuntimeError("the job has not finished")
        if self.error is not None:
            raise self.error
        return self._result  # type: ignore[return-value]  # ok: set together with _result

    @property
    def was_cancelled(self) -> bool:
        """Whether the work stopped because of Cancel (the core raises ``Cancelled``)."""
        return isinstance(self.error, XunchaError) and self.error.key == "cancelled"

    def wait(self, timeout: float | None = None) -> bool:
        """Blocks until finished (tests, scripts, shutting down); returns whether it has."""
        return self.finished.wait(timeout)


class CallJob(Job[T]):
    """A job around a plain function of (progress, cancelled), for short work with no state of its own
    (a count, a page of a list)."""

    def __init__(self, call: Callable[[Progress, CancelFlag], T]) -> None:
        super().__init__()
        self._call = call

    def work(self, progress: Progress, cancelled: CancelFlag) -> T:
        return self._call(progress, cancelled)
