"""The evidence controller without Qt: storing, looking (in the custody), checking, exporting, thumbnails' data."""

from __future__ import annotations

from pathlib import Path

from xuncha_desktop.ui.controllers.evidence import AddEvidenceJob, ExtractEvidenceJob, VerifyEvidenceJob
from xuncha_desktop.ui.controllers.records import Controller
from xuncha_desktop.workspace import Workspace

PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def _add(controller: Controller, path: Path) -> str:
    job = AddEvidenceJob(controller.evidence, path, {"title": path.stem})
    job.run()
    return job.result


def test_store_look_check_and_export(controller: Controller, tmp_path: Path) -> None:
    photo = tmp_path / "现场照片.png"
    photo.write_bytes(PNG)
    record_id = _add(controller, photo)
    evidence = controller.evidence
    assert [action for _at, action, _holder, _note in evidence.custody(record_id)] == ["入库"]
    content = evidence.content(record_id)
    assert content is not None and content.data == PNG and content.media_type == "image/png"
    assert [action for _at, action, _h, _n in evidence.custody(record_id)] == ["入库", "查阅"]
    verify = VerifyEvidenceJob(evidence, record_id)
    verify.run()
    assert verify.result is True
    out = tmp_path / "copy.png"
    extract = ExtractEvidenceJob(evidence, record_id, out)
    extract.run()
    assert extract.result == out and out.read_bytes() == PNG
    assert evidence.record(record_id)["title"] == "现场照片"


def test_thumbnail_sources_are_images_only_and_not_custody(controller: Controller, tmp_path: Path) -> None:
    photo, notes = tmp_path / "照片.png", tmp_path / "记录.txt"
    photo.write_bytes(PNG)
    notes.write_text("会议记录", encoding="utf-8")
    photo_id, notes_id = _add(controller, photo), _add(controller, notes)
    found = dict(controller.evidence.image_plaintexts([photo_id, notes_id]))
    assert found == {photo_id: PNG, notes_id: None}
    assert len(controller.evidence.custody(photo_id)) == 1  # an icon is no look
    assert list(controller.evidence.image_plaintexts([photo_id], cancelled=lambda: True)) == []


def test_a_cancelled_add_stores_nothing(controller: Controller, workspace: Workspace, tmp_path: Path) -> None:
    big = tmp_path / "录音.wav"
    big.write_bytes(b"\0" * 3_000_000)
    job = AddEvidenceJob(controller.evidence, big, {})
    job.cancel()
    job.run()
    assert job.was_cancelled
    assert controller.count("evidence") == 0
    assert [p for p in (workspace.path / "evidence").rglob("*.age")] == []
