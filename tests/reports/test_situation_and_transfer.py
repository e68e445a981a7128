"""巡察情况报告 and 问题线索移交: read back from the PDF (pdftotext) and the .docx; identities as decided
(petitioners and interviewees never named in the report; in the transfer the persons involved are named,
petitioners never); the receipt moves the clues to 移交; refusals change nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from tests.reports.helpers import (
    INTERVIEWEES,
    PASSPHRASE,
    PETITIONERS,
    SECRETS,
    build_small,
    compact,
    make_workspace,
    pdftotext,
)
from xuncha_desktop.cli import main
from xuncha_desktop.errors import InvalidRequest, PermissionDenied, ValidationError, XunchaError
from xuncha_desktop.security.roles import Role, User
from xuncha_desktop.services import links, permissions, publishing, transfers
from xuncha_desktop.services.kinds import KINDS

SUGGESTIONS = "建议市纪委监委对相关问题线索依规处置。\n建议市委组织部加强对该局领导班子的日常监督。"


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The small workspace with three clues (one about an interviewee, naming a petitioner in its text), the
    group's written parts of the report, and a transfer of two clues to the 纪委监委."""
    folder = tmp_path_factory.mktemp("situation")
    ws = make_workspace(folder / "ws")
    ids = build_small(ws)
    with ws.transaction() as s:
        clue_service = KINDS["clue"]
        made = []
        for number, (persons, text, proposal) in enumerate((
                (INTERVIEWEES[1], f"据{PETITIONERS[0]}反映，{INTERVIEWEES[1]}违规插手工程招投标，收受好处费。",
                 "preliminary_check"),
                ("李某某", "违规发放津贴补贴，涉及金额约12万元。", "talk_inquiry"),
                ("王某", f"{INTERVIEWEES[2]}反映，干部选拔任用程序不规范。", None)), 1):
            clue = clue_service.create(s, {"round_id": ids["regular"], "unit_id": ids["unit_a"],
                                           "number": f"线-{number:03d}", "source_kind": "petition",
                                           "persons_involved": persons, "description": text,
                                           "category": "construction", "proposed_disposition": proposal})
            made.append(str(clue.id))
        for clue_id in made[:2]:
            clue_service.set_status(s, clue_id, "verifying")
            clue_service.set_status(s, clue_id, "analysing")
        evidence = KINDS["evidence"].create(s, {"round_id": ids["regular"], "unit_id": ids["unit_a"],
                                                "title": "工程招投标资料复印件", "obtained_how": "copy",
                                                "evidence_type": "document", "pages": 12})
        links.link(s, "clue", made[0], "evidence", evidence.id)
        KINDS["situation_report"].create(s, {"round_id": ids["regular"], "unit_id": ids["unit_a"],
                                             "overview": "该局党组总体上能够贯彻落实上级决策部署，但仍存在一些问题",
                                             "suggestions": SUGGESTIONS})
        transfer = KINDS["clue_transfer"].create(s, {
            "round_id": ids["regular"], "unit_id": ids["unit_a"], "recipient": "discipline",
            "recipient_name": "中共娄底市纪律检查委员会、娄底市监察委员会", "number": "娄巡六函〔2020〕3号",
            "issued_on": "2020-07-01", "clue_ids": made[:2]})
        ids.update(clues=made, transfer=str(transfer.id))
    yield ws, ids, folder
    ws.close()


def test_the_situation_report_says_what_was_recorded_by_area_and_names_nobody(world: Any) -> None:
    ws, ids, folder = world
    with ws.transaction() as s:
        document = publishing.situation(s, ids["unit_a"], ids["regular"], dt.date(2020, 7, 6), "机密",
                                        use_system_fonts=False)
    out = document.write(folder / "情况报告.pdf")
    text = compact(pdftotext(out))
    assert text.startswith("机密") and "关于巡察娄底市住房和城乡建设局党组情况的报告" in text
    assert "市委巡察工作领导小组：" in text
    assert "开展个别谈话3人次" in text and "受理信访举报3件（次）" in text and "调阅资料2份" in text
    for heading in ("一、基本情况", "二、发现的主要问题", "三、问题线索及处置建议", "四、意见建议"):
        assert heading in text
    assert "巡察共发现问题7个，其中" in text and "党的路线方针政策和党中央决策部署落实情况方面" in text
    assert "巡察共发现问题线索3件，其中拟初步核实1件、拟谈话函询1件，尚待研判1件。" in text
    assert "拟处置方式：初步核实" in text and "建议市委组织部加强对该局领导班子的日常监督。" in text
    assert "（（" not in text and "））" not in text  # no brackets inside brackets
    assert "市委第六巡察组" in text and "2020年7月6日" in text
    for secret in SECRETS:
        assert secret not in text
    docx = document.write(folder / "情况报告.docx")
    words = "".join(p.text for p in Document(str(docx)).paragraphs)
    assert "四、意见建议" in words and all(secret not in words for secret in SECRETS)


def test_a_figure_never_recorded_is_left_out(world: Any) -> None:
    ws, ids, folder = world
    with ws.transaction() as s:
        document = publishing.situation(s, ids["unit_b"], ids["regular"], marking="内部", use_system_fonts=False)
    text = compact(pdftotext(document.write(folder / "unit_b.pdf")))
    assert text.startswith("内部") and "个别谈话" not in text and "调阅资料0份" not in text
    assert "四、意见建议" not in text  # the group wrote none for this unit
    assert "巡察未发现问题线索。" in text


def test_the_transfer_letter_names_the_persons_involved_but_never_the_petitioner(world: Any) -> None:
    ws, ids, folder = world
    with ws.transaction() as s:
        document = publishing.transfer(s, ids["transfer"], use_system_fonts=False)
    out = document.write(folder / "移交函.pdf")
    text = compact(pdftotext(out))
    assert "娄巡六函〔2020〕3号" in text and "关于移交娄底市住房和城乡建设局问题线索的函" in text
    assert "中共娄底市纪律检查委员会、娄底市监察委员会：" in text and "发现问题线索2件" in text
    assert "附件：问题线索移交清单" in text and "2020年7月1日" in text
    annex = text[text.index("问题线索移交清单", text.index("附件：") + 5):]
    for header in ("序号", "线索编号", "涉及人员", "主要内容", "线索来源", "拟处置方式", "证据材料"):
        assert header in annex
    # the interviewee the clue involves is named; the petitioner who reported it is not
    assert INTERVIEWEES[1] in annex and "违规插手工" in annex
    assert all(name not in text for name in PETITIONERS) and "13912345678" not in text
    assert "①工程招投" in annex and "初步核实" in annex and "谈话函询" in annex
    assert "干部选拔任用" not in text  # the third clue is not in this transfer
    words = " ".join(c.text for t in Document(str(document.write(folder / "移交函.docx"))).tables
                     for row in t.rows for c in row.cells)
    assert f"据×××反映，{INTERVIEWEES[1]}违规插手工程招投标" in words and "①工程招投标资料复印件" in words
    assert all(name not in words for name in PETITIONERS)


def test_a_clue_listed_in_a_transfer_is_not_deleted(world: Any) -> None:
    # The transfer holds its clues in a list of ids: deleting one of them is refused like any referenced record
    # (a JSON list compared to an id refused the query on PostgreSQL, and matched nothing on SQLite).
    ws, ids, _folder = world
    with pytest.raises(InvalidRequest) as refused, ws.transaction() as s:
        KINDS["clue"].delete(s, ids["clues"][0])
    assert refused.value.key == "still_referenced"
    with ws.transaction() as s:
        assert not KINDS["clue"].get(s, ids["clues"][0]).deleted


def clue_states(ws: Any, ids: dict[str, Any]) -> list[tuple[str, str | None]]:
    with ws.transaction() as s:
        return [(c.status, c.receiving_body) for c in (KINDS["clue"].get(s, key) for key in ids["clues"])]


def test_the_receipt_moves_the_clues_and_refusals_change_nothing(world: Any) -> None:
    ws, ids, _folder = world
    before = clue_states(ws, ids)
    # a clue not under analysis, or of another unit, cannot be listed
    with pytest.raises(ValidationError) as status, ws.transaction() as s:
        KINDS["clue_transfer"].update(s, ids["transfer"], {"clue_ids": ids["clues"]})
    assert status.value.key == "transfer_clue_status"
    # a 组员 may not record the receipt (it is a disposal of the clues)
    member = User("孙丽", Role.MEMBER)
    with pytest.raises(PermissionDenied), ws.transaction() as s, permissions.acting_as(s, member):
        transfers.receive(s, ids["transfer"], "纪委信访室 刘某")
    with pytest.raises(ValidationError) as nobody, ws.transaction() as s:
        transfers.receive(s, ids["transfer"], "  ")
    assert nobody.value.key == "transfer_receipt_needs"
    assert clue_states(ws, ids) == before
    with ws.transaction() as s:
        record = transfers.receive(s, ids["transfer"], "纪委信访室 刘某", "2020-07-02T10:00")
        assert record.received_by == "纪委信访室 刘某"
    after = clue_states(ws, ids)
    assert [state for state, _body in after] == ["transferred", "transferred", "registered"]
    assert after[0][1] == "中共娄底市纪律检查委员会、娄底市监察委员会（纪委监委）"
    # received: neither again nor a changed list
    with pytest.raises(ValidationError) as twice, ws.transaction() as s:
        transfers.receive(s, ids["transfer"], "另一人")
    assert twice.value.key == "transfer_received"
    with pytest.raises(ValidationError) as locked, ws.transaction() as s:
        KINDS["clue_transfer"].update(s, ids["transfer"], {"clue_ids": ids["clues"][:1]})
    assert locked.value.key == "transfer_received"
    with ws.transaction() as s:  # the same clues in another order (as a form sends them) are no change
        KINDS["clue_transfer"].update(s, ids["transfer"], {"clue_ids": ids["clues"][1::-1], "notes": "已电话告知"})
    assert clue_states(ws, ids) == after
    # a clue already transferred is in no second transfer
    with pytest.raises(ValidationError) as again, ws.transaction() as s:
        KINDS["clue_transfer"].create(s, {"round_id": ids["regular"], "unit_id": ids["unit_a"],
                                          "recipient": "organisation", "clue_ids": ids["clues"][:1]})
    assert again.value.key in ("transfer_clue_status", "transfer_clue_twice")


def test_documents_are_refused_to_a_role_that_may_not_issue_them(world: Any) -> None:
    ws, ids, _folder = world
    for role in (Role.MEMBER, Role.LIAISON):
        with pytest.raises(XunchaError), ws.transaction() as s, permissions.acting_as(s, User("某", role)):
            publishing.situation(s, ids["unit_a"], ids["regular"])
        with pytest.raises(XunchaError), ws.transaction() as s, permissions.acting_as(s, User("某", role)):
            publishing.transfer(s, ids["transfer"])


def test_the_commands(world: Any, tmp_path: Path, capsys: Any) -> None:
    ws, ids, _folder = world
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    common = ["--workspace", str(ws.path), "--passphrase-file", str(secret)]
    out = tmp_path / "情况报告.docx"
    assert main(["report", "situation", "--unit", ids["unit_a"], "--marking", "机密", "--out", str(out),
                 *common]) == 0
    assert out.is_file() and "巡察情况报告" in capsys.readouterr().err
    letter = tmp_path / "移交函.pdf"
    assert main(["report", "transfer", ids["transfer"], "--out", str(letter), "--system-fonts", "no", *common]) == 0
    assert "问题线索移交清单" in compact(pdftotext(letter))
