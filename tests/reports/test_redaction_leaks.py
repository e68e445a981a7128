"""Regressions: six ways an identity reached the feedback, the ledger and the working paper (issue 15,
"Redaction that holds"). Each case is a record holding the identity and a spelling of it typed into a
problem statement and a working paper; none may reach the documents' text.

Written against the services only (no redaction API), so that they ran, and failed, on the code before."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.reports.helpers import add, make_workspace
from xuncha_desktop.services import documents
from xuncha_desktop.services.feedback import feedback_data
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.services.ledgers import ledger

# (case, how the petition is recorded: name, contact, in the round?, deleted?, what is typed in the text)
LEAKS = [
    ("space", "欧阳秘密人", None, True, False, "欧阳 秘密人"),
    ("title", "欧阳秘密人", None, True, False, "欧阳先生"),
    ("phone_groups", "慕容甲乙", "13912345678", True, False, "139-1234-5678"),
    ("phone_in_text", "慕容丙丁", "电话13987654321，家住城西", True, False, "13987654321"),
    ("no_round", "司徒无轮", "13600001111", False, False, "司徒无轮"),
    ("deleted", "上官已删", "13700002222", True, True, "上官已删"),
]


def strings(value: Any) -> Iterator[str]:
    """Every string a document's data holds (dataclasses, lists, tuples, walked)."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for item in dataclasses.fields(value):
            yield from strings(getattr(value, item.name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from strings(item)


@pytest.fixture(scope="module")
def leaky(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, dict[str, Any]]]:
    ws = make_workspace(tmp_path_factory.mktemp("leaks") / "ws")
    ids: dict[str, Any] = {}
    with ws.transaction() as s:
        regular = add(s, "round", name="五届市委第九轮巡察", kind="regular", start_date="2021-04-07",
                      end_date="2021-06-30")
        unit = add(s, "unit", name="娄底市交通运输局", party_org="中共娄底市交通运输局党组")
        add(s, "group", round_id=str(regular.id), name="市委第二巡察组", members=[{"name": "赵刚", "role": "组长"}],
            unit_ids=[str(unit.id)])
        ids.update(round=str(regular.id), unit=str(unit.id))
        for number, (case, name, contact, in_round, deleted, typed) in enumerate(LEAKS, 1):
            petition = add(s, "petition", round_id=str(regular.id) if in_round else None, unit_id=str(unit.id),
                           number=f"信-{number:03d}", channel="letter", received_at="2021-04-20T10:00+08:00",
                           petitioner_name=name, petitioner_contact=contact, summary="反映工程招标不规范。")
            if deleted:
                KINDS["petition"].delete(s, petition.id)
            problem = add(s, "problem", round_id=str(regular.id), unit_id=str(unit.id), number=f"{number:03d}",
                          category="strict_governance", in_feedback=True,
                          statement=f"据{typed}反映，工程招标程序不规范（{case}）。",
                          requirement=f"对{typed}反映的问题逐项核实整改。", responsible="局党组书记")
            paper = add(s, "paper", round_id=str(regular.id), unit_id=str(unit.id), problem_id=str(problem.id),
                        title=f"关于{typed}反映招标问题的底稿", number=f"底稿-{number:03d}", date="2021-05-06",
                        source=f"{typed}来信", summary=f"经核实，{typed}反映属实。", how_found="调阅招标档案。",
                        drafted_by="赵刚")
            ids[case] = str(paper.id)
    yield ws, ids
    ws.close()


@pytest.mark.parametrize(("case", "name", "contact", "typed"),
                         [(c, n, k, t) for c, n, k, _r, _d, t in LEAKS], ids=[c for c, *_ in LEAKS])
def test_no_leak(leaky: tuple[Any, dict[str, Any]], case: str, name: str, contact: str | None, typed: str) -> None:
    ws, ids = leaky
    with ws.transaction() as s:
        made = {"feedback": feedback_data(s, ids["unit"], ids["round"]), "ledger": ledger(s, ids["round"]),
                "paper": documents.working_paper(s, ids[case])}
    for document, data in made.items():
        text = "\n".join(strings(data))
        assert f"（{case}）" in text or document == "paper"  # the statement is there, struck out in part
        for needle in (typed, name, *([contact] if contact else [])):
            assert needle not in text, (document, needle)
        assert "×××" in text, document


def test_no_leak_in_the_files(leaky: tuple[Any, dict[str, Any]], tmp_path: Path) -> None:
    """End to end: the feedback as PDF and .docx, the ledger as .xlsx, the working papers as PDF, read back."""
    from docx import Document
    from openpyxl import load_workbook  # type: ignore[import-untyped]

    from tests.reports.helpers import compact, pdftotext
    from xuncha_desktop.services import publishing

    ws, ids = leaky
    with ws.transaction() as s:
        made = [(publishing.feedback(s, ids["unit"], ids["round"], use_system_fonts=False), ".pdf"),
                (publishing.feedback(s, ids["unit"], ids["round"]), ".docx"),
                (publishing.ledger(s, ids["round"]), ".xlsx")]
        made += [(publishing.paper(s, ids[case], use_system_fonts=False), ".pdf") for case, *_ in LEAKS]
    texts = []
    for number, (publication, suffix) in enumerate(made):
        out = publication.write(tmp_path / f"{publication.document}-{number}{suffix}")
        if suffix == ".pdf":
            texts.append(compact(pdftotext(out)))
        elif suffix == ".docx":
            document = Document(str(out))
            texts.append(compact("".join(p.text for p in document.paragraphs) + "".join(
                c.text for t in document.tables for r in t.rows for c in r.cells)))
        else:
            book = load_workbook(str(out))
            texts.append(compact("".join(str(v) for sheet in book for row in sheet.iter_rows(values_only=True)
                                         for v in row if v is not None)))
    for (_case, name, contact, _r, _d, typed), text in ((leak, text) for leak in LEAKS for text in texts):
        for needle in (typed, name, contact):
            assert not needle or compact(needle) not in text, needle
    assert all("×××" in text for text in texts)
