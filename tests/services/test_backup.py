"""Backup and restore: the restored workspace holds the same records and evidence; a wrong passphrase, a
damaged or hostile file, an existing target or a cancel leave no restored folder."""

from __future__ import annotations

import io
import os
import struct
from pathlib import Path

import pyrage
import pytest

from tests.conftest import PASSPHRASE
from tests.sync.helpers import digest
from xuncha_desktop.errors import Cancelled, InvalidRequest, WrongPassphrase, XunchaError
from xuncha_desktop.security import agefile
from xuncha_desktop.services import backup
from xuncha_desktop.services.evidence import service as evidence_service
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.sync.package import BLOCK, padding, tar_header, wrap_identity
from xuncha_desktop.workspace import Workspace


@pytest.fixture
def filled(workspace: Workspace, ids: dict[str, str], tmp_path: Path) -> tuple[Workspace, str]:
    scan = tmp_path / "扫描件.pdf"
    scan.write_bytes(b"%PDF-1.4 " + os.urandom(300_000))
    with workspace.transaction() as s:
        KINDS["problem"].create(s, {"round_id": ids["round"], "unit_id": ids["unit"], "category": "line_policy",
                                    "statement": "党组落实意识形态工作责任制不到位", "severity": "ordinary"})
        record = evidence_service.add_file(s, workspace.evidence, scan, {"title": "扫描件", "unit_id": ids["unit"]},
                                           [])
        sha256 = record.sha256
    assert sha256 is not None
    return workspace, sha256


def test_a_restored_workspace_holds_the_same_records_and_files(filled: tuple[Workspace, str],
                                                              tmp_path: Path) -> None:
    ws, sha256 = filled
    seen: list[tuple[int, int]] = []
    made = backup.create(ws, tmp_path / "备份.xcbak", PASSPHRASE, progress=lambda d, t: seen.append((d, t)))
    assert made.evidence_files == 1 and seen and seen[-1][0] == seen[-1][1]
    raw = (tmp_path / "备份.xcbak").read_bytes()
    assert sha256.encode() not in raw and "党组".encode() not in raw  # names and records stay hidden
    with backup.restore(tmp_path / "备份.xcbak", tmp_path / "restored", PASSPHRASE) as restored:
        assert digest(restored) == digest(ws)
        assert restored.evidence.read_bytes(sha256) == ws.evidence.read_bytes(sha256)
        assert restored.info.device_id == ws.info.device_id


def test_a_backup_needs_the_workspaces_own_passphrase(filled: tuple[Workspace, str], tmp_path: Path) -> None:
    ws, _sha = filled
    with pytest.raises(WrongPassphrase):
        backup.create(ws, tmp_path / "b.xcbak", "另一个 口令 7731 青瓦")
    assert not (tmp_path / "b.xcbak").exists()
    backup.create(ws, tmp_path / "b.xcbak", PASSPHRASE)
    with pytest.raises(XunchaError) as wrong:
        backup.restore(tmp_path / "b.xcbak", tmp_path / "r", "另一个 口令 7731 青瓦")
    assert wrong.value.key == "backup_wrong_passphrase"
    assert not (tmp_path / "r").exists() and not list(tmp_path.glob(".r.restoring-*"))


def test_damage_anywhere_restores_nothing(filled: tuple[Workspace, str], tmp_path: Path) -> None:
    ws, _sha = filled
    backup.create(ws, tmp_path / "b.xcbak", PASSPHRASE)
    raw = (tmp_path / "b.xcbak").read_bytes()
    for offset in (3, len(raw) // 2, len(raw) - 5):
        damaged = tmp_path / f"d{offset}.xcbak"
        damaged.write_bytes(raw[:offset] + bytes([raw[offset] ^ 1]) + raw[offset + 1:])
        with pytest.raises(XunchaError) as caught:
            backup.restore(damaged, tmp_path / f"r{offset}", PASSPHRASE)
        assert caught.value.key in ("backup_not_backup", "backup_damaged", "backup_wrong_passphrase")
        assert not (tmp_path / f"r{offset}").exists()
    cut = tmp_path / "cut.xcbak"
    cut.write_bytes(raw[: len(raw) * 2 // 3])
    with pytest.raises(XunchaError) as caught:
        backup.restore(cut, tmp_path / "rc", PASSPHRASE)
    assert caught.value.key == "backup_damaged" and not (tmp_path / "rc").exists()
    assert not list(tmp_path.glob(".r*.restoring-*"))


@pytest.mark.parametrize("name", ["../escape.txt", "keys/../../x.json", "/etc/passwd", "notes.txt",
                                  "evidence/ab/not-a-hash.age"])
def test_a_hostile_member_is_refused(tmp_path: Path, name: str) -> None:
    identity = pyrage.x25519.Identity.generate()
    tar = io.BytesIO()
    for member, data in (("manifest.json", b'{"format": 1}'), (name, b"x")):
        tar.write(tar_header(member, len(data)) + data + padding(len(data)))
    tar.write(b"\0" * (2 * BLOCK))
    wrapped = wrap_identity(identity, PASSPHRASE)
    out = io.BytesIO()
    out.write(backup.MAGIC + bytes([backup.VERSION]) + struct.pack(">I", len(wrapped)) + wrapped)
    agefile.encrypt_stream(io.BytesIO(tar.getvalue()), out, [agefile.recipient_key(str(identity.to_public()))])
    (tmp_path / "h.xcbak").write_bytes(out.getvalue())
    with pytest.raises(XunchaError) as caught:
        backup.restore(tmp_path / "h.xcbak", tmp_path / "r", PASSPHRASE)
    assert caught.value.key == "backup_member_refused"
    assert not (tmp_path / "r").exists() and not (tmp_path / "escape.txt").exists()


def test_existing_targets_and_cancels_leave_things_as_they_were(filled: tuple[Workspace, str],
                                                                tmp_path: Path) -> None:
    ws, _sha = filled
    with pytest.raises(Cancelled):
        backup.create(ws, tmp_path / "c.xcbak", PASSPHRASE, cancelled=lambda: True)
    assert not (tmp_path / "c.xcbak").exists() and not list(tmp_path.glob(".c.xcbak.*"))
    backup.create(ws, tmp_path / "c.xcbak", PASSPHRASE)
    with pytest.raises(InvalidRequest):
        backup.create(ws, tmp_path / "c.xcbak", PASSPHRASE)
    (tmp_path / "taken").mkdir()
    with pytest.raises(InvalidRequest):
        backup.restore(tmp_path / "c.xcbak", tmp_path / "taken", PASSPHRASE)
    with pytest.raises(Cancelled):
        backup.restore(tmp_path / "c.xcbak", tmp_path / "r", PASSPHRASE, cancelled=lambda: True)
    assert not (tmp_path / "r").exists() and not list(tmp_path.glob(".r.restoring-*"))
