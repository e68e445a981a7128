"""The reports controller without Qt: the documents come from services.publishing, as ``xuncha report``'s do."""

from __future__ import annotations

import io
from pathlib import Path

import pdfplumber
import pytest

from xuncha_desktop.errors import InvalidRequest, NotFound
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.ui.controllers.reports import PdfJob, ReportsController, WordJob
from xuncha_desktop.workspace import Workspace

MISSING = "01890000-0000-7000-8000-000000000000"


@pytest.fixture
def problem(workspace: Workspace, ids: dict[str, str]) -> dict[str, str]:
    with workspace.transaction() as session:
        KINDS["problem"].create(session, {
            "round_id": ids["round"], "unit_id": ids["unit"], "number": "001", "category": "strict_governance",
            "statement": "党组落实全面从严治党主体责任不到位。", "in_feedback": True,
            "requirement": "严格落实主体责任。", "responsible": "局党组书记", "deadline": "2020-08-31"})
    return ids


def _text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return "".join(page.extract_text() or "" for page in document.pages)


def test_feedback_pdf_in_memory_and_word_through_a_job(controller: Controller, problem: dict[str, str],
                                                       tmp_path: Path) -> None:
    reports = controller.reports
    job = PdfJob(lambda: reports.feedback_pdf(problem["unit"], problem["round"], use_system_fonts=False))
    job.run()
    assert job.result.startswith(b"%PDF")
    assert "主体责任不到位" in "".join(_text(job.result).split())
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "反馈意见.docx"
    word = WordJob(lambda path: reports.feedback_docx(path, problem["unit"], problem["round"]), out)
    word.run()
    assert word.result == out and out.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in folder.iterdir()) == ["反馈意见.docx"]  # no temporary left


def test_errors_are_the_services(controller: Controller, ids: dict[str, str], tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        controller.reports.interview_pdf(MISSING)
    with pytest.raises(InvalidRequest) as refused:
        controller.reports.feedback_docx(tmp_path / "x.pdf", ids["unit"])
    assert refused.value.key == "report_bad_suffix" and not (tmp_path / "x.pdf").exists()
    job = PdfJob(lambda: controller.reports.supervision_pdf(ids["round"]))
    job.run()
    assert isinstance(job.error, InvalidRequest) and job.error.key == "report_not_supervision"


def test_save_pdf_replaces_the_file(tmp_path: Path) -> None:
    out = tmp_path / "a.pdf"
    out.write_bytes(b"old")
    assert ReportsController.save_pdf(out, b"%PDF-1.4 new") == out
    assert out.read_bytes() == b"%PDF-1.4 new" and [p.name for p in tmp_path.iterdir()] == ["a.pdf"]
