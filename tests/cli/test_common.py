"""cli/common.py: the passphrase, from the environment or a file, and what happens without it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.cli.conftest import Cli
from tests.conftest import PASSPHRASE


def test_wrong_passphrase_exits_1_and_changes_nothing(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    before = (cli.path / "xuncha.db").read_bytes()
    monkeypatch.setenv("XUNCHA_PASSPHRASE", "a wrong passphrase")
    code, _, err = cli("records", "add", "unit", "--json", '{"name": "x"}')
    assert code == 1 and "口令不正确" in err and "Wrong passphrase" in err
    assert (cli.path / "xuncha.db").read_bytes() == before


def test_passphrase_file_is_read(cli: Cli, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("XUNCHA_PASSPHRASE")
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    code, listed, _ = cli("records", "list", "unit", "--passphrase-file", str(secret))
    assert code == 0 and listed == []


def test_missing_passphrase_is_a_usage_error(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XUNCHA_PASSPHRASE")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    code, _, err = cli("records", "list", "unit")
    assert code == 2 and "XUNCHA_PASSPHRASE" in err
