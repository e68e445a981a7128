"""services.publishing: the one way to a document, for the command line and the window alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from xuncha_desktop.errors import InvalidRequest
from xuncha_desktop.services import publishing
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.workspace import Workspace


def _problem(session: Session, ids: dict[str, str]) -> None:
    KINDS["problem"].create(session, {
        "round_id": ids["round"], "unit_id": ids["unit"], "number": "001", "category": "line_policy",
        "statement": "落实上级决策部署不到位。", "in_feedback": True, "requirement": "限期整改。",
        "responsible": "局长", "deadline": "2020-08-31"})


def test_a_document_renders_after_the_session_is_closed(workspace: Workspace, ids: dict[str, str],
                                                        tmp_path: Path) -> None:
    with workspace.transaction() as session:
        _problem(session, ids)
        document = publishing.feedback(session, ids["unit"], ids["round"], use_system_fonts=False)
    assert document.suffixes == (".pdf", ".docx")
    assert document.pdf().startswith(b"%PDF")
    out = document.write(tmp_path / "反馈意见.docx")
    assert out.read_bytes()[:2] == b"PK"
    with pytest.raises(InvalidRequest) as exists:
        document.write(out)
    assert exists.value.key == "output_exists"
    document.write(out, overwrite=True)
    with pytest.raises(InvalidRequest) as suffix:
        document.write(tmp_path / "反馈意见.txt")
    assert suffix.value.key == "report_bad_suffix" and not (tmp_path / "反馈意见.txt").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "ws") == ["反馈意见.docx"]  # no temporary


def test_the_ledger_is_a_spreadsheet_only(workspace: Workspace, ids: dict[str, str], tmp_path: Path) -> None:
    with workspace.transaction() as session:
        _problem(session, ids)
        ledger = publishing.ledger(session, ids["round"])
    assert ledger.rows == 1 and ledger.suffixes == (".xlsx",)
    assert ledger.write(tmp_path / "台账.xlsx").read_bytes()[:2] == b"PK"
    with pytest.raises(InvalidRequest):
        ledger.pdf()
