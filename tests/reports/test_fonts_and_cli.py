"""Font choice (system fonts first, shipped fallbacks), and the commands."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.reports.helpers import PASSPHRASE, assert_fonts_embedded, compact, pdftotext
from xuncha_desktop.cli import main
from xuncha_desktop.reports import fonts
from xuncha_desktop.resources import resource_path


def test_shipped_fonts_with_licences() -> None:
    chosen = fonts.choose_fonts(use_system=False)
    assert set(chosen) == set(fonts.ROLES)
    for choice in chosen.values():
        assert choice.source == "shipped" and choice.path.is_file()
    assert chosen["title"].synthetic_bold
    folder = resource_path("fonts")
    for licence in ("ARPHICPL.TXT", "Apache-2.0.txt", "README.md"):
        assert (folder / licence).is_file()
    report = fonts.font_report(use_system=False)
    assert {r["role_zh"] for r in report} == {"小标宋", "仿宋", "黑体", "楷体", "宋体"}


def test_system_font_is_preferred_and_bad_files_are_skipped(tmp_path: Path, monkeypatch: Any) -> None:
    folder = tmp_path / "Fonts"
    folder.mkdir()
    shutil.copy(resource_path("fonts", "gkai00mp.ttf"), folder / "SIMKAI.TTF")  # stands in for 楷体
    (folder / "simhei.ttf").write_bytes(b"not a font")                         # unusable: skipped
    monkeypatch.setenv("XUNCHA_FONT_DIRS", str(folder))
    chosen = fonts.choose_fonts(use_system=True)
    assert chosen["heading2"].source == "system" and chosen["heading2"].family == "楷体"
    assert chosen["heading2"].path == folder / "SIMKAI.TTF"
    assert chosen["heading1"].source == "shipped"


def run(*argv: str) -> int:
    return main(list(argv))


@pytest.fixture(scope="module")
def cli_ws(small: Any) -> tuple[Any, dict[str, Any], Path, Path]:
    ws, ids, folder = small
    secret = folder / "passphrase.txt"
    secret.write_text(PASSPHRASE, encoding="utf-8")
    return ws, ids, ws.path, secret


def test_report_commands(cli_ws: Any, tmp_path: Path, capsys: Any) -> None:
    _ws, ids, path, secret = cli_ws
    common = ["--workspace", str(path), "--passphrase-file", str(secret)]
    out = tmp_path / "feedback.pdf"
    assert run("report", "feedback", "--unit", ids["unit_a"], "--date", "2021-01-05", "--out", str(out),
               "--system-fonts", "no", *common) == 0
    assert json.loads(capsys.readouterr().out)["pages"] >= 5
    assert "2021年1月5日" in compact(pdftotext(out))
    assert_fonts_embedded(out)
    assert run("report", "feedback", "--unit", ids["unit_a"], "--out", str(out), *common) == 2  # exists
    assert "已存在" in capsys.readouterr().err
    docx = tmp_path / "feedback.docx"
    assert run("report", "feedback", "--unit", ids["unit_a"], "--round", ids["regular"], "--out", str(docx),
               *common) == 0
    assert docx.stat().st_size > 0
    for argv, name in ((["interview", ids["interview"]], "interview.pdf"), (["paper", ids["paper"]], "paper.pdf"),
                       (["supervision", "--round", ids["supervision"]], "supervision.pdf")):
        target = tmp_path / name
        assert run("report", *argv, "--out", str(target), "--system-fonts", "no", *common) == 0, name
        assert_fonts_embedded(target)
    capsys.readouterr()
    assert run("report", "supervision", "--round", ids["regular"], "--out", str(tmp_path / "x.pdf"), *common) == 2
    assert "不是整改督查轮次" in capsys.readouterr().err
    assert run("report", "interview", ids["interview"], "--out", str(tmp_path / "x.txt"), *common) == 2
    assert not (tmp_path / "x.txt").exists()


def test_ledger_and_petition_commands(cli_ws: Any, tmp_path: Path, capsys: Any) -> None:
    from tests.reports.test_excel import BAD, GOOD, petition_book

    _ws, ids, path, secret = cli_ws
    common = ["--workspace", str(path), "--passphrase-file", str(secret)]
    out = tmp_path / "ledger.xlsx"
    assert run("ledger", "export", "--round", ids["regular"], "--out", str(out), *common) == 0
    assert json.loads(capsys.readouterr().out)["rows"] == ids["fed_back"] + 1
    book = petition_book(tmp_path / "bad.xlsx", GOOD + BAD)
    assert run("petitions", "import", str(book), "--round", ids["regular"], *common) == 2
    captured = capsys.readouterr()
    assert json.loads(captured.out)["imported"] == 0
    assert "第 4 行" in captured.err and "第 5 行" in captured.err and "未导入" in captured.err
    assert run("petitions", "import", str(book), "--good-rows", *common) == 0
    assert json.loads(capsys.readouterr().out)["imported"] == 2
    mapped = petition_book(tmp_path / "mapped.xlsx", [["来访", "2020-10-01 09:00", "孙七", "反映拖欠工资。"]],
                           headers=["方式", "日期", "姓名", "内容"])
    assert run("petitions", "import", str(mapped), "--map", "方式=channel", "--map", "日期=received_at",
               *common) == 0
    assert run("petitions", "import", str(mapped), "--map", "方式", *common) == 2
