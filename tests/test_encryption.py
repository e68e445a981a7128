"""Encrypted at rest: nothing written through the program appears in plain text in any file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import PASSPHRASE
from xuncha_desktop.errors import Cancelled, XunchaError
from xuncha_desktop.services.evidence import service as evidence
from xuncha_desktop.services.kinds import KINDS
from xuncha_desktop.workspace import Workspace

PHRASE = "雪峰山麓青瓦白墙独一无二的谈话暗语七号"


def _every_file(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def test_record_text_and_evidence_appear_in_no_file(workspace: Workspace, ids: dict[str, str],
                                                    tmp_path: Path) -> None:
    with workspace.transaction() as s:
        KINDS["interview"].create(s, {
            "round_id": ids["round"], "unit_id": ids["unit"], "interviewee_name": "欧阳修远",
            "interviewee_category": "principal", "started_at": "2020-04-10T09:00",
            "interviewers": ["赵刚", "钱敏"], "record_text": f"问：有何反映？\n答：{PHRASE}。"})
        KINDS["problem"].create(s, {"round_id": ids["round"], "unit_id": ids["unit"],
                                    "category": "line_policy", "statement": f"{PHRASE}的问题。"})
    secret_file = tmp_path / "scan.txt"
    plaintext = ("证据原文：" + PHRASE + "。" + "附件内容" * 2000).encode("utf-8")
    secret_file.write_bytes(plaintext)
    with workspace.transaction() as s:
        record = evidence.add_file(s, workspace.evidence, secret_file, {"title": "谈话录音整理稿"})
        sha256 = record.sha256
    # The evidence file reached the store, under its hash, with nothing of its text.
    assert sha256 is not None and workspace.evidence.has(sha256)
    needles = [PHRASE.encode("utf-8"), PHRASE[:8].encode("utf-8"), plaintext[:64], plaintext[-64:],
               PASSPHRASE.encode("utf-8")]
    files = _every_file(workspace.path)
    assert any(f.name.endswith("-wal") or f.name == "xuncha.db" for f in files)
    for file in files:
        content = file.read_bytes()
        for needle in needles:
            assert needle not in content, f"{file} holds plain text"
    # ... and still after the WAL has been folded into the database file.
    workspace.close()
    with Workspace.open(workspace.path, PASSPHRASE) as again:
        again.engine.dispose()
    for file in _every_file(workspace.path):
        assert PHRASE.encode("utf-8") not in file.read_bytes()


def test_the_store_gives_the_evidence_back_intact(workspace: Workspace, tmp_path: Path) -> None:
    original = tmp_path / "photo.bin"
    original.write_bytes(bytes(range(256)) * 5000)
    with workspace.transaction() as s:
        record = evidence.add_file(s, workspace.evidence, original)
        out = tmp_path / "back.bin"
        evidence.extract(s, workspace.evidence, record.id, out)
    assert out.read_bytes() == original.read_bytes()


def test_a_full_disk_while_storing_evidence_loses_nothing(workspace: Workspace, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from xuncha_desktop.security import agefile

    def no_space(source: Any, sink: Any, recipients: object) -> None:
        sink.write(source.read(4096))  # part of the file reaches the disk, then the disk is full
        raise OSError(errno.ENOSPC, "No space left on device")

    original = tmp_path / "big.bin"
    original.write_bytes(b"x" * 10_000)
    monkeypatch.setattr(agefile, "encrypt_stream", no_space)
    with pytest.raises(XunchaError) as caught, workspace.transaction() as s:
        evidence.add_file(s, workspace.evidence, original, {"title": "大文件"})
    assert caught.value.key == "disk_full" and "磁盘空间不足" in caught.value.text("zh")
    assert list(workspace.evidence) == []
    assert list((workspace.path / "evidence" / "tmp").iterdir()) == []
    with workspace.transaction() as s:
        assert evidence.find(s) == []


def test_cancelling_a_big_file_leaves_nothing(workspace: Workspace, tmp_path: Path) -> None:
    original = tmp_path / "video.bin"
    original.write_bytes(b"y" * (5 << 20))
    seen: list[int] = []
    with pytest.raises(Cancelled), workspace.transaction() as s:
        evidence.add_file(s, workspace.evidence, original, progress=lambda done, total: seen.append(done),
                          cancelled=lambda: len(seen) >= 2)
    assert seen and seen[-1] < original.stat().st_size
    assert list(workspace.evidence) == [] and list((workspace.path / "evidence" / "tmp").iterdir()) == []


def test_the_same_file_is_stored_once(workspace: Workspace, tmp_path: Path) -> None:
    original = tmp_path / "scan.pdf"
    original.write_bytes(b"%PDF-1.4 same content" * 100)
    copy = tmp_path / "scan-copy.pdf"
    copy.write_bytes(original.read_bytes())
    with workspace.transaction() as s:
        first = evidence.add_file(s, workspace.evidence, original, {"title": "原件"})
        second = evidence.add_file(s, workspace.evidence, copy, {"title": "复印件"})
    assert first.id != second.id and first.sha256 == second.sha256
    assert list(workspace.evidence) == [workspace.evidence.name_of(str(first.sha256))]
