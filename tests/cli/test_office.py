"""``xuncha stats office``: the office's view as tables (aligned with Chinese) or JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.conftest import Cli
from tests.conftest import PASSPHRASE
from tests.services.test_office_view import _make
from xuncha_desktop.cli import main
from xuncha_desktop.cli.office import table, width


@pytest.fixture
def office_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setenv("XUNCHA_PASSPHRASE", PASSPHRASE)
    ws, _made = _make(tmp_path, "office", None)
    ws.close()
    return Cli(ws.path, capsys)


def test_tables_of_every_part(office_cli: Cli, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    code = main(["--workspace", str(office_cli.path), "stats", "office", "--as-of", "2021-01-10"])
    out = capsys.readouterr().out
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "巡察办总览 / office view — 全部轮次 / all rounds — 截至 / as of 2021-01-10"
    for title in ("整改率按轮次 / by round", "整改率按巡察组 / by group", "逾期未整改的问题 / overdue problems",
                  "线索处置 / clues by disposition",
                  "重复问题（同一单位、同一类别在后续轮次再次发现）/ repeat problems"):
        assert title in lines
    group_rows = lines[lines.index("整改率按巡察组 / by group") + 3:][:2]
    assert [row.split() for row in group_rows] == [["市委第二巡察组", "2", "2", "0", "0.0%", "0"],  # worst first
                                                  ["市委第六巡察组", "4", "3", "1", "33.3%", "2"]]
    assert ("娄底市住房和城乡建设局  党的路线方针政策和党中央决策部署落实情况  "
            "五届市委第八轮巡察 → 第八轮巡察回头看") in out
    assert "2020-12-15  逾期 26 天" in out and "2021-01-31  剩 21 天" in out


def test_json_of_one_round_and_chosen_parts(office_cli: Cli) -> None:
    code, everything, _ = office_cli("stats", "office", "--json", "--as-of", "2021-01-10")
    assert code == 0 and set(everything) >= {"rates", "overdue", "clue_feedback", "clues_by_disposition", "repeats"}
    review = next(r["key"] for r in everything["rates"]["round"] if r["label"] == "第八轮巡察回头看")
    code, view, _ = office_cli("stats", "office", "--round", review, "--json", "--show", "repeats", "--show", "rates",
                               "--by", "unit", "--as-of", "2021-01-10")
    assert code == 0 and view["round_name"] == "第八轮巡察回头看"
    assert set(view) == {"round_id", "round_name", "as_of", "rates", "repeats"}
    assert list(view["rates"]) == ["unit"] and view["rates"]["unit"][0]["problems"] == 2
    assert view["repeats"][0]["rounds"] == ["五届市委第八轮巡察", "第八轮巡察回头看"]


def test_a_wrong_date_is_refused_with_its_reason(office_cli: Cli) -> None:
    code, out, err = office_cli("stats", "office", "--as-of", "2021-13-01")
    assert code == 2 and "2021-13-01" in err and out == ""
    # the round's own figures are still the default of ``stats``
    code, figures, _ = office_cli("stats", "--json")
    assert code == 0 and figures["problems"] == 6


def test_tables_align_chinese_and_numbers() -> None:
    text = table(["名称", "数"], [["市委第六巡察组", 4], ["AB", 12]])
    lines = text.splitlines()
    assert {width(line) for line in lines[2:]} == {width(lines[2])}  # every row as wide
    assert lines[3].endswith(" 12") and lines[2].endswith("  4")
    assert table(["名称"], []) == "（无 / none）"
