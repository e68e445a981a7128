"""Documents made off the GUI thread: one plain function per document kind, and a thread-pool job around them.

The functions are Qt-free. Each opens its own session on the workspace (the worker thread's own
connection), gathers the document's data with the same service call ``xuncha report`` makes
(``services.feedback.feedback_data``, ``services.documents.interview_record`` / ``working_paper`` /
``supervision_report``) and hands it to the same writer (``reports.feedback.write_pdf`` / ``write_docx``,
``reports.interview.write_pdf``, …). A PDF comes back as bytes (written in a private temporary folder, read
back and removed); a .docx is written to its place through a temporary sibling, so a failure leaves no
half-written file.

:class:`ReportJob` runs such a function in ``QThreadPool.globalInstance()`` and reports through the signals
``finished(bytes)`` and ``failed(str)``. The worker touches no widget: it only emits, and the connections are
queued to the GUI thread, where the signals' object lives. :func:`start_report_job` starts one and keeps it
alive until it has reported.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from xuncha_desktop.errors import InvalidRequest, XunchaError
from xuncha_desktop.reports.common import PdfTarget, write_atomically
from xuncha_desktop.workspace import Workspace

log = logging.getLogger(__name__)

Id = uuid.UUID | str


# ---- the documents (no Qt) ------------------------------------------------------------------------------

def _pdf_bytes(write: Callable[[PdfTarget], object]) -> bytes:
    """Runs a writer into memory: the document (names, record text) never touches the disk unencrypted."""
    buffer = io.BytesIO()
    write(buffer)
    return buffer.getvalue()


def feedback_pdf(workspace: Workspace, unit_id: Id, round_id: Id | None = None, issued_on: dt.date | None = None,
                 marking: str | None = None, use_system_fonts: bool | None = None) -> bytes:
    """The 巡察反馈意见 of ``unit_id`` as PDF bytes (the unit's latest round when ``round_id`` is None).

    Raises what ``feedback_data`` raises: NotFound for an unknown unit or round, InvalidRequest
    (``report_no_round``) when no round inspected the unit.
    """
    from xuncha_desktop.reports import feedback
    from xuncha_desktop.services.feedback import feedback_data

    with workspace.transaction() as session:
        data = feedback_data(session, unit_id, round_id, issued_on=issued_on, marking=marking)
    return _pdf_bytes(lambda out: feedback.write_pdf(data, out, use_system_fonts))


def feedback_docx(workspace: Workspace, out: Path, unit_id: Id, round_id: Id | None = None,
                  issued_on: dt.date | None = None, marking: str | None = None) -> Path:
    """Writes the 巡察反馈意见 of ``unit_id`` as .docx to ``out`` (replacing it: ask the user first).

    The file is written through a temporary sibling and renamed, so ``out`` is either the whole new document
    or untouched. Raises InvalidRequest (``report_bad_suffix``) when ``out`` does not end in .docx.
    """
    from xuncha_desktop.reports import feedback
    from xuncha_desktop.services.feedback import feedback_data

    if out.suffix.lower() != ".docx":
        raise InvalidRequest("report_bad_suffix", suffixes=".docx", path=str(out))
    with workspace.transaction() as session:
        data = feedback_data(session, unit_id, round_id, issued_on=issued_on, marking=marking)
    return write_atomically(out, lambda partial: feedback.write_docx(data, partial))


def interview_pdf(workspace: Workspace, interview_id: Id, use_system_fonts: bool | None = None) -> bytes:
    """The 谈话记录 of an interview as PDF bytes. Raises NotFound for an unknown interview."""
    from xuncha_desktop.reports import interview
    from xuncha_desktop.services import documents

    with workspace.transaction() as session:
        record = documents.interview_record(session, interview_id)
    return _pdf_bytes(lambda out: interview.write_pdf(record, out, use_system_fonts))


def paper_pdf(workspace: Workspace, paper_id: Id, use_system_fonts: bool | None = None) -> bytes:
    """The 问题底稿 as PDF bytes. Raises NotFound for an unknown working paper."""
    from xuncha_desktop.reports import paper
    from xuncha_desktop.services import documents

    with workspace.transaction() as session:
        sheet = documents.working_paper(session, paper_id)
    return _pdf_bytes(lambda out: paper.write_pdf(sheet, out, use_system_fonts))


def supervision_pdf(workspace: Workspace, round_id: Id, use_system_fonts: bool | None = None) -> bytes:
    """The 整改督查报告 of a supervision round as PDF bytes.

    Raises NotFound for an unknown round, InvalidRequest (``report_not_supervision``) for a round that is not
    a rectification supervision.
    """
    from xuncha_desktop.reports import supervision
    from xuncha_desktop.services import documents

    with workspace.transaction() as session:
        report = documents.supervision_report(session, round_id)
    return _pdf_bytes(lambda out: supervision.write_pdf(report, out, use_system_fonts))


def write_bytes_replacing(out: Path, content: bytes) -> Path:
    """Writes ``content`` to ``out`` through a temporary sibling (no half-written file on failure)."""
    return write_atomically(out, lambda partial: partial.write_bytes(content))


# ---- the job ------------------------------------------------------------------------------------------

class ReportJobSignals(QObject):
    """Lives in the thread that made the job (the GUI thread), so its slots run there."""

    finished = Signal(bytes)
    failed = Signal(str)


class ReportJob(QRunnable):
    """Runs ``work()`` (returning bytes) in a worker thread; emits ``signals.finished(bytes)`` or
    ``signals.failed(str)`` with the error's text in ``lang`` (Chinese by default).

    Create it in the GUI thread. ``finished`` and ``failed`` are also offered on the job itself.
    """

    def __init__(self, work: Callable[[], bytes], lang: str = "zh") -> None:
        super().__init__()
        self.work = work
        self.lang = lang
        self.signals = ReportJobSignals()
        self.finished = self.signals.finished
        self.failed = self.signals.failed
        self.setAutoDelete(False)  # the Python object is kept by start_report_job until it has reported

    def run(self) -> None:
        try:
            content = self.work()
        except XunchaError as exc:
            self.signals.failed.emit(exc.text(self.lang))
        except Exception as exc:  # anything else (a full disk, a broken font) is shown, not swallowed
            log.exception("report job failed")
            text = QCoreApplication.translate("ReportJob", "未能生成文书：%1")
            self.signals.failed.emit(text.replace("%1", str(exc) or type(exc).__name__))
        else:
            self.signals.finished.emit(bytes(content))


_running: set[ReportJob] = set()


def start_report_job(work: Callable[[], bytes], on_finished: Callable[[bytes], object] | None = None,
                     on_failed: Callable[[str], object] | None = None, lang: str = "zh",
                     pool: QThreadPool | None = None) -> ReportJob:
    """Starts ``work`` in the pool (the global one by default) and returns the job; call from the GUI thread.

    ``on_finished`` / ``on_failed`` run in the GUI thread. The job is kept alive until it has reported.
    """
    job = ReportJob(work, lang)
    _running.add(job)
    job.finished.connect(lambda _content: _running.discard(job))
    job.failed.connect(lambda _text: _running.discard(job))
    if on_finished is not None:
        job.finished.connect(on_finished)
    if on_failed is not None:
        job.failed.connect(on_failed)
    (pool or QThreadPool.globalInstance()).start(job)
    return job
