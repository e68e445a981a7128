"""Documents for the window: the PDF of each document kind as bytes (for the preview) and the files saved
from it, through ``services.publishing``, the same functions ``xuncha report`` calls. No Qt.

Each call gathers the data in its own short session (in the worker thread that runs it) and renders after
the session is closed. The jobs below run these calls off the GUI thread.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from xuncha_desktop.errors import InvalidRequest
from xuncha_desktop.services import publishing, transfers
from xuncha_desktop.services.ledgers import LedgerImportReport, import_ledger
from xuncha_desktop.services.petition_import import ImportReport, import_petitions
from xuncha_desktop.ui.controllers.jobs import CancelFlag, Job, Progress

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from xuncha_desktop.workspace import Workspace


class ReportsController:
    def __init__(self, workspace: Workspace, lang: str = "zh") -> None:
        self._workspace = workspace
        self.lang = lang

    def _gather(self, make: Callable[[Session], publishing.Publication]) -> publishing.Publication:
        with self._workspace.transaction() as session:  # reading a record for a document is audited
            return make(session)

    def feedback_pdf(self, unit_id: str, round_id: str | None = None, issued_on: dt.date | None = None,
                     marking: str | None = None, use_system_fonts: bool | None = None) -> bytes:
        """巡察反馈意见 of ``unit_id`` (the unit's latest round when ``round_id`` is None) as PDF bytes.
        Raises NotFound for an unknown unit or round, InvalidRequest (``report_no_round``) when no round
        inspected the unit."""
        return self._gather(lambda s: publishing.feedback(s, unit_id, round_id, issued_on, marking,
                                                          use_system_fonts)).pdf()

    def feedback_docx(self, out: Path, unit_id: str, round_id: str | None = None, issued_on: dt.date | None = None,
                      marking: str | None = None) -> Path:
        """Writes the same report as .docx to ``out``, replacing it (ask first). Raises InvalidRequest
        (``report_bad_suffix``) when ``out`` does not end in .docx."""
        if out.suffix.lower() != ".docx":
            raise InvalidRequest("report_bad_suffix", suffixes=".docx", path=str(out))
        document = self._gather(lambda s: publishing.feedback(s, unit_id, round_id, issued_on, marking))
        return document.write(out, overwrite=True)

    def interview_pdf(self, interview_id: str, use_system_fonts: bool | None = None) -> bytes:
        """谈话记录 as PDF bytes. Raises NotFound for an unknown interview."""
        return self._gather(lambda s: publishing.interview(s, interview_id, use_system_fonts)).pdf()

    def paper_pdf(self, paper_id: str, use_system_fonts: bool | None = None) -> bytes:
        """问题底稿 as PDF bytes. Raises NotFound for an unknown working paper."""
        return self._gather(lambda s: publishing.paper(s, paper_id, use_system_fonts)).pdf()

    def supervision_pdf(self, round_id: str, use_system_fonts: bool | None = None) -> bytes:
        """整改督查报告 as PDF bytes. Raises NotFound, or InvalidRequest (``report_not_supervision``)."""
        return self._gather(lambda s: publishing.supervision(s, round_id, use_system_fonts)).pdf()

    def situation_pdf(self, unit_id: str, round_id: str | None = None, marking: str | None = None,
                      use_system_fonts: bool | None = None) -> bytes:
        """巡察情况报告 of ``unit_id`` (its latest round when ``round_id`` is None) with ``marking`` (机密, 内部 …)
        as PDF bytes. Raises NotFound, InvalidRequest (``report_no_round``)."""
        return self._gather(lambda s: publishing.situation(s, unit_id, round_id, None, marking,
                                                           use_system_fonts)).pdf()

    def situation_docx(self, out: Path, unit_id: str, round_id: str | None = None,
                       marking: str | None = None) -> Path:
        """The same report as .docx at ``out``, replacing it (ask first)."""
        if out.suffix.lower() != ".docx":
            raise InvalidRequest("report_bad_suffix", suffixes=".docx", path=str(out))
        return self._gather(lambda s: publishing.situation(s, unit_id, round_id, None, marking)).write(
            out, overwrite=True)

    def transfer_pdf(self, transfer_id: str, use_system_fonts: bool | None = None) -> bytes:
        """问题线索移交函 with its 移交清单 as PDF bytes. Raises NotFound for an unknown transfer."""
        return self._gather(lambda s: publishing.transfer(s, transfer_id, use_system_fonts=use_system_fonts)).pdf()

    def transfer_docx(self, out: Path, transfer_id: str) -> Path:
        if out.suffix.lower() != ".docx":
            raise InvalidRequest("report_bad_suffix", suffixes=".docx", path=str(out))
        return self._gather(lambda s: publishing.transfer(s, transfer_id)).write(out, overwrite=True)

    def open_transfers(self) -> list[tuple[str, str]]:
        """(id, title) of the transfers not yet received, for the receipt's picker."""
        with self._workspace.session() as session:
            records = transfers.service.find(session, limit=500)
            return [(str(r.id), transfers.service.title(r)) for r in records if r.received_at is None]

    def receive_transfer(self, transfer_id: str, received_by: str, received_at: str | None = None) -> int:
        """Records the receipt (``xuncha transfer receive``); returns the number of clues moved to 移交.
        Raises PermissionDenied, ValidationError, in which case nothing changed."""
        with self._workspace.transaction() as session:
            return len(transfers.receive(session, transfer_id, received_by, received_at).clue_ids)

    def ledger_xlsx(self, out: Path, round_id: str | None = None, unit_id: str | None = None,
                    feedback_only: bool = False) -> int:
        """Writes 问题清单/整改台账 (.xlsx) to ``out``, replacing it (ask first); returns its number of problems.
        Raises InvalidRequest (``report_bad_suffix``) when ``out`` does not end in .xlsx."""
        if out.suffix.lower() != ".xlsx":
            raise InvalidRequest("report_bad_suffix", suffixes=".xlsx", path=str(out))
        document = self._gather(lambda s: publishing.ledger(s, round_id, unit_id, feedback_only))
        document.write(out, overwrite=True)
        return document.rows or 0

    def import_petitions(self, workbook: Path, round_id: str | None = None,
                         good_rows_only: bool = False) -> ImportReport:
        """Reads 信访台账 (.xlsx) into petitions, as ``xuncha petitions import`` does: every row is checked;
        all are imported if all are good, none if any is wrong, unless ``good_rows_only`` (then the good
        ones). One transaction: a failure imports nothing."""
        if not workbook.is_file():
            raise InvalidRequest("file_missing", path=str(workbook))
        with self._workspace.transaction() as session:
            return import_petitions(session, workbook, None, round_id, good_rows_only)

    def import_ledger(self, workbook: Path, apply: bool) -> LedgerImportReport:
        """Reads back a 整改台账 the unit filled in, as ``xuncha ledger import`` does: every row is checked;
        with ``apply`` and no bad row, the changes are made in one transaction (none if any row is wrong).
        Raises PermissionDenied, InvalidRequest for a file that is not a ledger of this program."""
        if not workbook.is_file():
            raise InvalidRequest("file_missing", path=str(workbook))
        with self._workspace.transaction() as session:
            return import_ledger(session, workbook, apply=apply)

    @staticmethod
    def save_pdf(out: Path, content: bytes) -> Path:
        """Saves the previewed PDF to ``out`` atomically, replacing it."""
        return publishing.write_bytes(out, content)


# ---- jobs ----------------------------------------------------------------------------------------------
class PdfJob(Job[bytes]):
    """Makes one document's PDF: ``make`` is a call of :class:`ReportsController` with its arguments bound
    (``functools.partial(reports.interview_pdf, record_id)``)."""

    def __init__(self, make: Callable[[], bytes]) -> None:
        super().__init__()
        self.make = make

    def work(self, progress: Progress, cancelled: CancelFlag) -> bytes:
        return bytes(self.make())


class WordJob(Job[Path]):
    """Writes a .docx: ``write(out)`` is e.g. ``functools.partial(reports.feedback_docx, unit_id=…)`` with
    the path as its first free argument."""

    def __init__(self, write: Callable[[Path], object], out: Path) -> None:
        super().__init__()
        self.write, self.out = write, out

    def work(self, progress: Progress, cancelled: CancelFlag) -> Path:
        self.write(self.out)
        return self.out

