"""The job pattern without Qt: a typed result or the error, progress read under a lock, a cancel flag."""

from __future__ import annotations

import threading

import pytest

from xuncha_desktop.errors import Cancelled, NotFound
from xuncha_desktop.ui.controllers.jobs import CallJob, CancelFlag, Job, Progress


class Counting(Job[int]):
    """Counts until cancelled, reporting progress; waits at ``gate`` after the first step."""

    def __init__(self) -> None:
        super().__init__()
        self.first_step = threading.Event()
        self.gate = threading.Event()

    def work(self, progress: Progress, cancelled: CancelFlag) -> int:
        progress(1, 10)
        self.first_step.set()
        self.gate.wait(10)
        if cancelled():
            raise Cancelled()
        progress(10, 10)
        return 10


def test_result_is_read_after_the_worker_has_finished() -> None:
    job = Counting()
    worker = threading.Thread(target=job.run)
    worker.start()
    assert job.first_step.wait(10)
    assert job.progress() == (1, 10) and not job.finished.is_set()
    with pytest.raises(RuntimeError, match="not finished"):
        _ = job.result
    job.gate.set()
    assert job.wait(10)
    worker.join()
    assert job.ok and job.result == 10 and job.error is None and job.progress() == (10, 10)


def test_cancel_ends_in_the_cancelled_error() -> None:
    job = Counting()
    worker = threading.Thread(target=job.run)
    worker.start()
    assert job.first_step.wait(10)
    job.cancel()
    job.gate.set()
    assert job.wait(10)
    worker.join()
    assert not job.ok and job.was_cancelled and job.cancel_requested
    with pytest.raises(Cancelled):
        _ = job.result


def test_an_error_is_kept_for_the_gui_thread() -> None:
    def fail(_progress: Progress, _cancelled: CancelFlag) -> str:
        raise NotFound("not_found", kind="unit", kind_zh="单位", id="x")

    job: CallJob[str] = CallJob(fail)
    job.run()
    assert job.finished.is_set() and not job.ok and not job.was_cancelled
    assert isinstance(job.error, NotFound)
    with pytest.raises(NotFound):
        _ = job.result
