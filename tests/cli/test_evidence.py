"""cli/evidence.py (and verify): evidence files in and out, damage found."""

from __future__ import annotations

from pathlib import Path

from tests.cli.conftest import Cli


def test_evidence_add_extract_and_verify(cli: Cli, tmp_path: Path) -> None:
    original = tmp_path / "会议记录.pdf"
    original.write_bytes(b"%PDF-1.4 evidence " * 1000)
    code, record, _ = cli("evidence", "add", str(original), "--title", "党组会议记录")
    assert code == 0 and len(record["sha256"]) == 64 and record["file_name"] == "会议记录.pdf"
    assert [e["action"] for e in record["custody"]] == ["stored"]
    out = tmp_path / "out.pdf"
    code, _, _ = cli("evidence", "extract", record["id"], "--out", str(out))
    assert code == 0 and out.read_bytes() == original.read_bytes()
    code, _, err = cli("evidence", "extract", record["id"], "--out", str(out))
    assert code == 2 and "exists" in err
    code, report, _ = cli("verify")
    assert code == 0 and report["ok"] and report["files_checked"] == 1
    stored = next((cli.path / "evidence").glob("??/*.age"))
    damaged = bytearray(stored.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    stored.write_bytes(bytes(damaged))
    code, report, err = cli("verify")
    assert code == 1 and "damaged" in report


def test_evidence_add_of_a_missing_file_exits_2(cli: Cli, tmp_path: Path) -> None:
    code, _, err = cli("evidence", "add", str(tmp_path / "nothing.pdf"))
    assert code == 2 and "nothing.pdf" in err
