"""Backing up the hub as docs/hub.md says (pg_dump, then the evidence folder) and restoring it into another
database: a desk enrolled on the restored hub finds the same records, conflicts, evidence files and audit chains."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import make_url

from tests.conftest import PASSPHRASE, _frame
from tests.hub.conftest import Hub
from tests.hub.test_stations import chain_problems
from tests.postgres import fresh_database
from tests.sync.helpers import dump
from xuncha_desktop import hub as hub_service
from xuncha_desktop.services.evidence import service as evidence_service
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.services.verify import verify

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def _libpq(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def test_a_dump_and_a_copy_of_the_evidence_folder_restore_the_hub(hub: Hub, tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.4 interview record " * 2000)
    with hub.first.transaction() as s:
        ids = _frame(s, KINDS)
        KINDS["problem"].create(s, {"round_id": ids["round"], "unit_id": ids["unit"], "category": "line_policy",
                                    "statement": "审计整改落实不到位。"})
        evidence_service.add_file(s, hub.first.evidence, scan, {"title": "谈话记录扫描件"}, [])
    before = dump(hub.first)
    backup = tmp_path / "backup"
    backup.mkdir()
    subprocess.run(["pg_dump", "--format=custom", f"--file={backup / 'hub.dump'}", _libpq(hub.url)], check=True,
                   capture_output=True)
    shutil.copytree(hub.folder / "shared-evidence", backup / "evidence")

    with fresh_database() as restored_url:
        subprocess.run(["pg_restore", "--no-owner", f"--dbname={_libpq(restored_url)}", str(backup / "hub.dump")],
                       check=True, capture_output=True)
        # The restored evidence folder takes the shared folder's place (same path for every desk).
        shutil.rmtree(hub.folder / "shared-evidence")
        shutil.copytree(backup / "evidence", hub.folder / "shared-evidence")
        desk = hub_service.join(tmp_path / "restored-desk", restored_url, "三号工作站", PASSPHRASE, "李主任")
        try:
            assert dump(desk) == before
            assert chain_problems(desk) == []
            with desk.transaction() as s:
                report = verify(s, desk.evidence)
                assert report.ok and report.files_checked == 1
            assert [s.name for s in hub_service.list_stations(desk)] == ["一号工作站", "三号工作站"]
        finally:
            desk.close()
