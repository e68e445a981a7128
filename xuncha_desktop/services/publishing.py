"""Documents and ledgers, made once for every caller: the command line (``xuncha report``, ``xuncha ledger``)
and the window call these functions and nothing else.

Each function gathers its document's data through the services inside the caller's session and returns a
:class:`Publication`, which renders only when asked (``pdf()`` into memory, ``write(out)`` to a file), so
the caller can close its session before the slow part. Issuing a document is the permission matrix's
``ISSUE_DOCUMENTS`` (only those who may read petitioners' identities, which redaction needs); an interview's
record, printed for the interviewee to sign, is for whoever may record interviews. Rendering goes through
the writers of ``reports/``; files are written atomically (:func:`xuncha_desktop.files.write_through`):
a failure leaves no half-written file.
"""

from __future__ import annotations

import datetime as dt
import io
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from xuncha_desktop import files
from xuncha_desktop.errors import InvalidRequest
from xuncha_desktop.reports.ledger_xlsx import write_xlsx
from xuncha_desktop.services import documents, transfers
from xuncha_desktop.services.feedback import feedback_data
from xuncha_desktop.services.ledgers import ledger as ledger_data
from xuncha_desktop.services.permissions import Action, require
from xuncha_desktop.services.situation import situation_data

if TYPE_CHECKING:
    from xuncha_desktop.reports.common import PdfTarget

Id = uuid.UUID | str
Writer = Callable[["PdfTarget"], object]


@dataclass(frozen=True)
class Publication:
    """A document whose data is gathered, ready to render. ``writers`` maps a suffix (".pdf") to a function
    writing that format to a path (and, for ".pdf", to a binary file). ``rows`` is the count of a ledger's
    rows (0 for documents)."""

    document: str
    writers: Mapping[str, Writer]
    rows: int = 0

    @property
    def suffixes(self) -> tuple[str, ...]:
        return tuple(self.writers)

    def pdf(self) -> bytes:
        """The document as PDF bytes, rendered in memory: names and record texts never touch the disk
        unencrypted. Raises InvalidRequest (``report_bad_suffix``) for a document that has no PDF form."""
        if ".pdf" not in self.writers:
            raise InvalidRequest("report_bad_suffix", suffixes="、".join(self.suffixes), path=".pdf")
        buffer = io.BytesIO()
        self.writers[".pdf"](buffer)
        return buffer.getvalue()

    def write(self, out: Path, overwrite: bool = False) -> Path:
        """Writes the document in the format of ``out``'s suffix, atomically; returns ``out``.

        Raises InvalidRequest: ``report_bad_suffix`` when the suffix is not one of :attr:`suffixes`,
        ``output_exists`` when ``out`` exists and ``overwrite`` is false."""
        writer = self.writers.get(out.suffix.lower())
        if writer is None:
            raise InvalidRequest("report_bad_suffix", suffixes="、".join(self.suffixes), path=str(out))
        if out.exists() and not overwrite:
            raise InvalidRequest("output_exists", path=str(out))
        return files.write_through(out, writer)


def write_bytes(out: Path, content: bytes) -> Path:
    """Saves a document already rendered (the preview's PDF) atomically, replacing ``out``."""
    return files.write_bytes(out, content)


def feedback(session: Session, unit_id: Id, round_id: Id | None = None, issued_on: dt.date | None = None,
             marking: str | None = None, use_system_fonts: bool | None = None) -> Publication:
    """巡察反馈意见 of ``unit_id`` (the unit's latest round when ``round_id`` is None), as PDF or .docx.

    Raises what ``feedback_data`` raises: NotFound for an unknown unit or round, InvalidRequest
    (``report_no_round``) when no round inspected the unit."""
    require(session, Action.ISSUE_DOCUMENTS)
    data = feedback_data(session, unit_id, round_id, issued_on=issued_on, marking=marking)
    # the writers (and reportlab) load with the first document, not at every start
    from xuncha_desktop.reports import feedback as feedback_document

    return Publication("feedback", {
        ".pdf": lambda out: feedback_document.write_pdf(data, out, use_system_fonts),
        ".docx": lambda out: feedback_document.write_docx(data, _path(out)),
    })


def interview(session: Session, interview_id: Id, use_system_fonts: bool | None = None,
              marking: str | None = None) -> Publication:
    """谈话记录 of an interview, marked ``marking`` (机密 when None, none when ""). Raises NotFound for an
    unknown interview."""
    require(session, Action.EDIT_LOGISTICS)
    record = documents.interview_record(session, interview_id, marking)
    # the writers (and reportlab) load with the first document, not at every start
    from xuncha_desktop.reports import interview as interview_document

    return Publication("interview", {".pdf": lambda out: interview_document.write_pdf(record, out, use_system_fonts)})


def paper(session: Session, paper_id: Id, use_system_fonts: bool | None = None) -> Publication:
    """问题底稿. Raises NotFound for an unknown working paper."""
    require(session, Action.ISSUE_DOCUMENTS)
    sheet = documents.working_paper(session, paper_id)
    # the writers (and reportlab) load with the first document, not at every start
    from xuncha_desktop.reports import paper as paper_document

    return Publication("paper", {".pdf": lambda out: paper_document.write_pdf(sheet, out, use_system_fonts)})


def supervision(session: Session, round_id: Id, use_system_fonts: bool | None = None,
                issued_on: dt.date | None = None) -> Publication:
    """整改督查报告 of a supervision round, as PDF (with its charts) or .docx (its tables). Raises NotFound for
    an unknown round, InvalidRequest (``report_not_supervision``) for a round that is not a rectification
    supervision."""
    require(session, Action.ISSUE_DOCUMENTS)
    report = documents.supervision_report(session, round_id, issued_on)
    # the writers (and reportlab) load with the first document, not at every start
    from xuncha_desktop.reports import supervision as supervision_document

    return Publication("supervision", {
        ".pdf": lambda out: supervision_document.write_pdf(report, out, use_system_fonts),
        ".docx": lambda out: supervision_document.write_docx(report, _path(out)),
    })


def situation(session: Session, unit_id: Id, round_id: Id | None = None, issued_on: dt.date | None = None,
              marking: str | None = None, use_system_fonts: bool | None = None) -> Publication:
    """巡察情况报告 on ``unit_id`` (the unit's latest round when ``round_id`` is None) to the 巡察工作领导小组,
    with the caller's marking (机密, 内部 …), as PDF or .docx. Raises NotFound, InvalidRequest
    (``report_no_round``)."""
    require(session, Action.ISSUE_DOCUMENTS)
    data = situation_data(session, unit_id, round_id, issued_on=issued_on, marking=marking)
    # the writers (and reportlab) load with the first document, not at every start
    from xuncha_desktop.reports import situation_report as situation_document

    return Publication("situation", {
        ".pdf": lambda out: situation_document.write_pdf(data, out, use_system_fonts),
        ".docx": lambda out: situation_document.write_docx(data, _path(out)),
    })


def transfer(session: Session, transfer_id: Id, issued_on: dt.date | None = None, marking: str | None = None,
             use_system_fonts: bool | None = None) -> Publication:
    """问题线索移交函 with its 问题线索移交清单, as PDF or .docx. Raises NotFound for an unknown transfer."""
    require(session, Action.ISSUE_DOCUMENTS)
    data = transfers.letter_data(session, transfer_id, issued_on=issued_on, marking=marking)
    # the writers (and reportlab) load with the first document, not at every start
    from xuncha_desktop.reports import clue_transfer as transfer_document

    return Publication("transfer", {
        ".pdf": lambda out: transfer_document.write_pdf(data, out, use_system_fonts),
        ".docx": lambda out: transfer_document.write_docx(data, _path(out)),
    })


def ledger(session: Session, round_id: Id | None = None, unit_id: Id | None = None,
           feedback_only: bool = False) -> Publication:
    """问题清单/整改台账 as .xlsx (``rows`` holds its number of problems)."""
    require(session, Action.ISSUE_DOCUMENTS)
    data = ledger_data(session, round_id, unit_id, feedback_only)
    return Publication("ledger", {".xlsx": lambda out: write_xlsx(data, _path(out))}, rows=len(data.rows))


def _path(out: PdfTarget) -> Path:
    if not isinstance(out, Path):
        raise TypeError("this format is written to a file, not to a stream")
    return out
