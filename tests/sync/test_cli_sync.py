"""``xuncha sync`` and ``xuncha keys`` from the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSPHRASE
from tests.sync.helpers import make
from xuncha_desktop.cli import main


def _run(capsys: pytest.CaptureFixture[str], path: Path, *args: str) -> tuple[int, Any, str]:
    capsys.readouterr()
    code = main(["--workspace", str(path), *args])
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() and code == 0 else out), err


def test_keys_export_import_conflicts_resolve(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XUNCHA_PASSPHRASE", PASSPHRASE)
    for name in ("a", "office"):
        make(tmp_path / name, name).close()
    a, office = tmp_path / "a", tmp_path / "office"
    for path in (a, office):
        code, shown, _ = _run(capsys, path, "keys", "export-public", "--out", str(tmp_path / f"{path.name}.json"))
        assert code == 0 and shown["ed25519_public"]
    # Trusting asks first to compare the safety number with the other screen; with no terminal to ask,
    # the command says so (with the number) and trusts nothing.
    code, _out, err = _run(capsys, office, "keys", "trust", str(tmp_path / "a.json"))
    _code, shown_a, _ = _run(capsys, a, "keys", "show")
    assert code == 2 and shown_a["device"]["fingerprint"] in err
    assert re.fullmatch(r"(\d{5} ){5}\d{5}", shown_a["device"]["fingerprint"])
    assert _run(capsys, office, "keys", "show")[1]["trusted"] == []
    code, trusted_a, _ = _run(capsys, office, "keys", "trust", str(tmp_path / "a.json"), "--yes")
    assert code == 0 and trusted_a["fingerprint"] == shown_a["device"]["fingerprint"]
    assert _run(capsys, a, "keys", "trust", str(tmp_path / "office.json"), "--yes")[0] == 0
    # A key file changed on the way shows other digits.
    swapped = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    swapped["ed25519_public"] = json.loads((tmp_path / "office.json").read_text(encoding="utf-8"))["ed25519_public"]
    (tmp_path / "swapped.json").write_text(json.dumps(swapped), encoding="utf-8")
    code, _out, err = _run(capsys, office, "keys", "trust", str(tmp_path / "swapped.json"))
    assert code == 2 and shown_a["device"]["fingerprint"] not in err
    code, shown, _ = _run(capsys, office, "keys", "show")
    assert [d["device_name"] for d in shown["trusted"]] == ["a"]
    code, _own, err = _run(capsys, a, "keys", "trust", str(tmp_path / "a.json"), "--yes")
    assert code == 2 and "own key" in err

    code, unit, _ = _run(capsys, a, "records", "add", "unit", "--json", '{"name": "娄底市司法局"}')
    assert code == 0
    code, _out, err = _run(capsys, a, "sync", "export", "--out", str(tmp_path / "p1.xcpkg"))
    assert code == 2 and "--to" in err
    code, sent, _ = _run(capsys, a, "sync", "export", "--out", str(tmp_path / "p1.xcpkg"),
                         "--to", str(tmp_path / "office.json"))
    assert code == 0 and sent["changes"] > 0
    code, dry, _ = _run(capsys, office, "sync", "import", str(tmp_path / "p1.xcpkg"), "--dry-run")
    assert code == 0 and dry["dry_run"] and dry["records_added"] >= 1
    code, summary, _ = _run(capsys, office, "sync", "import", str(tmp_path / "p1.xcpkg"))
    assert code == 0 and summary["records_added"] == dry["records_added"]
    for keys in ("records_added", "records_updated", "records_unchanged", "conflicts", "evidence_files_added",
                 "bytes"):
        assert keys in summary

    # Concurrent edits: a conflict listed and settled on the office, the settlement travels back.
    assert _run(capsys, a, "records", "update", "unit", unit["id"], "--json", '{"address": "甲"}')[0] == 0
    assert _run(capsys, office, "records", "update", "unit", unit["id"], "--json", '{"address": "乙"}')[0] == 0
    _run(capsys, a, "sync", "export", "--out", str(tmp_path / "p2.xcpkg"), "--to", str(tmp_path / "office.json"))
    code, summary, _ = _run(capsys, office, "sync", "import", str(tmp_path / "p2.xcpkg"))
    assert summary["conflicts"] == 1
    code, conflicts, _ = _run(capsys, office, "sync", "conflicts", "--json")
    assert code == 0 and len(conflicts) == 1
    # On the office, "local" is the office's own edit, whichever version the clocks put in force.
    assert (conflicts[0]["local"]["value"], conflicts[0]["incoming"]["value"]) == ("乙", "甲")
    assert conflicts[0]["local"]["in_force"] != conflicts[0]["incoming"]["in_force"]
    code, _out, err = _run(capsys, office, "sync", "resolve", conflicts[0]["id"])
    assert code == 2
    code, settled, _ = _run(capsys, office, "sync", "resolve", conflicts[0]["id"], "--value", '"甲乙"')
    assert code == 0 and settled["state"] == "settled"
    assert _run(capsys, office, "sync", "conflicts", "--json")[1] == []
    _run(capsys, office, "sync", "export", "--out", str(tmp_path / "p3.xcpkg"), "--to", str(tmp_path / "a.json"))
    assert _run(capsys, a, "sync", "import", str(tmp_path / "p3.xcpkg"))[0] == 0
    code, record, _ = _run(capsys, a, "records", "get", "unit", unit["id"])
    assert record["address"] == "甲乙"
    code, history, _ = _run(capsys, a, "sync", "history")
    assert {h["direction"] for h in history} == {"sent", "received"}

    # A refused package: exit code 1 and a message in both languages.
    damaged = tmp_path / "bad.xcpkg"
    damaged.write_bytes(b"not a package at all")
    code, _out, err = _run(capsys, office, "sync", "import", str(damaged))
    assert code == 1 and "不是巡察同步包" in err and "not a sync package" in err


@pytest.mark.slow
def test_passphrase_packages_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XUNCHA_PASSPHRASE", PASSPHRASE)
    for name in ("a", "b"):
        make(tmp_path / name, name).close()
    for name in ("a", "b"):
        _run(capsys, tmp_path / name, "keys", "export-public", "--out", str(tmp_path / f"{name}.json"))
    _run(capsys, tmp_path / "b", "keys", "trust", str(tmp_path / "a.json"), "--yes")
    secret = tmp_path / "secret.txt"
    secret.write_text("交换口令 青瓦 2187\n", encoding="utf-8")
    code, _sent, _ = _run(capsys, tmp_path / "a", "sync", "export", "--out", str(tmp_path / "p.xcpkg"),
                          "--package-passphrase-file", str(secret), "--all")
    assert code == 0
    code, summary, _ = _run(capsys, tmp_path / "b", "sync", "import", str(tmp_path / "p.xcpkg"),
                            "--package-passphrase-file", str(secret))
    assert code == 0 and summary["changes_applied"] > 0
