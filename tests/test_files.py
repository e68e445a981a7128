"""The one atomic-write helper: whole new content or the old file, never half, and no leftovers."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from xuncha_desktop import files


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_write_bytes_replaces_the_file_privately(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_bytes(b"old")
    files.write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert _names(tmp_path) == ["a.json"]
    if os.name != "nt":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_failure_inside_the_writer_keeps_the_old_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "package.xcpkg"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError, match="cancelled"), files.atomic_writer(target) as sink:
        sink.write(b"half of the new")
        raise RuntimeError("cancelled")
    assert target.read_bytes() == b"old"
    assert _names(tmp_path) == ["package.xcpkg"]


def test_a_new_file_that_fails_is_not_created(tmp_path: Path) -> None:
    target = tmp_path / "new.bin"
    with pytest.raises(KeyboardInterrupt), files.atomic_writer(target) as sink:
        sink.write(b"x")
        raise KeyboardInterrupt
    assert _names(tmp_path) == []


def test_write_through_hands_a_path_with_the_same_suffix(tmp_path: Path) -> None:
    target = tmp_path / "report.docx"
    seen: list[Path] = []

    def make(partial: Path) -> None:
        seen.append(partial)
        partial.write_bytes(b"PK document")

    assert files.write_through(target, make) == target
    assert target.read_bytes() == b"PK document"
    assert seen[0].suffix == ".docx" and seen[0].parent == tmp_path and seen[0] != target
    assert _names(tmp_path) == ["report.docx"]


def test_write_through_failure_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old pdf")

    def make(partial: Path) -> None:
        partial.write_bytes(b"%PDF half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        files.write_through(target, make)
    assert target.read_bytes() == b"old pdf"
    assert _names(tmp_path) == ["report.pdf"]


def test_the_content_is_flushed_before_the_rename_and_the_folder_after(tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The order that makes a power cut safe: data on disk, then the name, then the folder's entry."""
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync-folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync-file")
        real_fsync(fd)

    def replace(src: str | Path, dst: str | Path) -> None:
        events.append("rename")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    files.write_bytes(tmp_path / "x", b"data")
    expected = ["fsync-file", "rename"] + ([] if os.name == "nt" else ["fsync-folder"])
    assert events == expected
